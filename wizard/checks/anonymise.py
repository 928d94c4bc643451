"""Anonymised recordings: the same facts, with what identifies a practice replaced.

A practice or ICB can send a real recording to improve the checks without
sending who they are. Host, user, account and domain names, IP addresses,
the domain part of SIDs, GUIDs of installed products and the machine id are
replaced by stable placeholders (the same name always becomes the same
placeholder, so the facts still agree with each other). What the verdicts
turn on is kept: numbers, settings, well-known SIDs and the relative id that
ends a SID (500 is the built-in Administrator, 501 Guest, 512 Domain Admins),
Microsoft Defender's Security Center identity, loopback and "any" addresses,
and built-in names such as root, which some checks recognise.
"""

from __future__ import annotations

import hashlib
import ipaddress
import re
from dataclasses import replace
from typing import Any

from wizard.checks.facts import Fact, Snapshot

# Built-in names that identify nobody and that checks rely on (macOS skips root by name).
KEEP = {
    "root", "administrator", "administrators", "administratoren", "guest", "gast", "workgroup",
    "defaultaccount", "wdagutilityaccount", "system", "everyone", "staff", "admin", "wheel", "sudo",
    "domain admins", "domänen-admins", "azuread", "nt authority", "builtin", "0",
}  # fmt: skip
DEFENDER_GUID = "{D68DDC3A-831F-4FAE-9E44-DA132C1ACF46}"
_SID_DOMAIN = re.compile(r"S-1-5-21-(\d+-\d+-\d+)")
_SID_AZURE = re.compile(r"S-1-12-1-(\d+-\d+-\d+-\d+)")
_GUID = re.compile(r"\{?[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\}?")
_IPV4 = re.compile(r"(?<![\d.])(\d{1,3}(?:\.\d{1,3}){3})(?![\d.])")
_URL_HOST = re.compile(r"^[a-z][a-z0-9+.-]*://([^/:]+)", re.IGNORECASE)


class Placeholders:
    """Stable replacements, numbered per kind in the order first seen."""

    def __init__(self) -> None:
        self.names: dict[str, str] = {}  # lower-case original -> placeholder
        self.other: dict[tuple[str, str], str] = {}
        self._counts: dict[str, int] = {}

    def _next(self, kind: str) -> int:
        self._counts[kind] = self._counts.get(kind, 0) + 1
        return self._counts[kind]

    def name(self, original: str, kind: str) -> None:
        key = original.strip().lower()
        if key and key not in KEEP and key not in self.names and not key.startswith("s-1-"):
            self.names[key] = f"{kind}-{self._next(kind)}"

    def sub(self, kind: str, original: str, make: Any) -> str:
        key = (kind, original.upper())
        if key not in self.other:
            self.other[key] = make(self._next(kind))
        return self.other[key]


def _account(text: Any, marks: Placeholders) -> None:
    """'DOMAIN\\user', 'user@domain' or 'WinNT://DOMAIN/PC/user': each part is a name."""
    if not isinstance(text, str) or not text:
        return
    body = text.removeprefix("WinNT://")
    parts = re.split(r"[\\/@]", body)
    for index, part in enumerate(parts):
        kind = "user" if index == len(parts) - 1 else "domain"
        marks.name(part, kind)


def _names_in(snapshot: Snapshot, marks: Placeholders) -> None:
    """Find the names to replace, from the places each system records them."""
    marks.name(snapshot.hostname, "host")
    facts = {name: fact.raw for name, fact in snapshot.facts.items() if fact.ok}
    ps = facts.get("windows.powershell") or {}
    if isinstance(ps, dict):
        join = ps.get("join") or {}
        if isinstance(join, dict):
            _domain(str(join.get("domain") or ""), marks)
        user = ps.get("current_user") or {}
        _account(user.get("name") if isinstance(user, dict) else None, marks)
        for section in ("admins", "guest"):
            data = ps.get(section) or {}
            for member in (
                (data.get("members") or data.get("accounts") or []) if isinstance(data, dict) else []
            ):
                if isinstance(member, dict):
                    _account(member.get("name"), marks)
                    _account(member.get("path"), marks)
    api = facts.get("windows.admin_members") or {}
    for member in api.get("members") or [] if isinstance(api, dict) else []:
        _account(member.get("name"), marks)
    server = (((facts.get("windows.auto_update") or {}).get("policy_wu") or {}).get("values") or {}).get(
        "WUServer"
    )
    host = _URL_HOST.match(str(server or ""))
    if host:
        _domain(host.group(1), marks)
    for user in _unix_users(facts):
        marks.name(user, "user")


def _domain(name: str, marks: Placeholders) -> None:
    """A DNS name and its first label ('praxis.local', 'praxis'); never a suffix such as 'local'."""
    marks.name(name, "domain")
    marks.name(name.split(".")[0], "domain")


def _unix_users(facts: dict[str, Any]) -> list[str]:
    users: list[str] = []
    for name in ("macos.current_user", "linux.accounts"):
        data = facts.get(name) or {}
        if isinstance(data, dict) and isinstance(data.get("user"), str):
            users.append(data["user"])
    admins = facts.get("macos.admin_group") or {}
    users += (
        [m for m in admins.get("members") or [] if isinstance(m, str)] if isinstance(admins, dict) else []
    )
    groups = (facts.get("linux.accounts") or {}).get("admin_groups") or {}
    users += [m for members in groups.values() for m in members] if isinstance(groups, dict) else []
    listening = facts.get("macos.listening") or {}
    for process in (listening.get("processes") or []) if isinstance(listening, dict) else []:
        if isinstance(process, dict) and isinstance(process.get("user"), str):
            users.append(process["user"])
    return users


def _address(text: str, marks: Placeholders) -> str | None:
    """A whole-value IP address, replaced unless it is loopback or 'any'."""
    try:
        address = ipaddress.ip_address(text.strip("[]"))
    except ValueError:
        return None
    if address.is_loopback or address.is_unspecified:
        return text
    if address.version == 4:
        return marks.sub("ipv4", text, lambda n: f"192.0.2.{n}")
    return marks.sub("ipv6", text, lambda n: f"2001:db8::{n:x}")


class Anonymiser:
    def __init__(self, snapshot: Snapshot) -> None:
        self.marks = Placeholders()
        _names_in(snapshot, self.marks)
        names = sorted(self.marks.names, key=len, reverse=True)
        self._names = (
            re.compile("|".join(rf"(?<![\w.-]){re.escape(n)}(?![\w-])" for n in names), re.IGNORECASE)
            if names
            else None
        )

    def text(self, value: str) -> str:
        whole = _address(value, self.marks)
        if whole is not None:
            return whole
        marks = self.marks
        value = _SID_DOMAIN.sub(
            lambda m: "S-1-5-21-" + marks.sub("sid", m.group(1), lambda n: f"1000000000-1000000000-{n}"),
            value,
        )
        value = _SID_AZURE.sub(
            lambda m: (
                "S-1-12-1-" + marks.sub("aad", m.group(1), lambda n: f"2000000000-2000000000-2000000000-{n}")
            ),
            value,
        )
        value = _GUID.sub(self._guid, value)
        value = _IPV4.sub(lambda m: _address(m.group(1), marks) or m.group(1), value)
        if self._names is not None:
            value = self._names.sub(lambda m: marks.names[m.group(0).lower()], value)
        return value

    def _guid(self, match: re.Match[str]) -> str:
        found = match.group(0)
        if found.upper().strip("{}") == DEFENDER_GUID.strip("{}"):
            return found
        braces = found.startswith("{")
        made = self.marks.sub("guid", found.strip("{}"), lambda n: f"00000000-0000-4000-8000-{n:012d}")
        return "{" + made + "}" if braces else made

    def value(self, value: Any) -> Any:
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, list):
            return [self.value(item) for item in value]
        if isinstance(value, dict):
            return {self.value(k) if isinstance(k, str) else k: self.value(v) for k, v in value.items()}
        return value


def anonymise(snapshot: Snapshot) -> Snapshot:
    """A copy of the snapshot with identifying values replaced; the original is left as it was."""
    tool = Anonymiser(snapshot)
    facts = {
        name: Fact(
            source=tool.text(fact.source),
            raw=tool.value(fact.raw),
            read_at=fact.read_at,
            error=tool.text(fact.error) if fact.error else fact.error,
        )
        for name, fact in snapshot.facts.items()
    }
    facts["meta.anonymised"] = Fact(
        source="gp-cyber-wizard check --anonymise",
        raw={
            "replaced": sorted(
                {p.rsplit("-", 1)[0] for p in tool.marks.names.values()} | {k for k, _ in tool.marks.other}
            )
        },
        read_at=snapshot.collected_at,
    )
    machine = hashlib.sha256(f"anonymised:{snapshot.machine_id}".encode()).hexdigest()[:16]
    return replace(
        snapshot,
        hostname=tool.text(snapshot.hostname),
        machine_id=machine,
        os_name=tool.text(snapshot.os_name),
        facts=facts,
    )
