"""Windows Firewall checks: on for every network type, blocking by default, and what it lets in.

Each profile's setting in force is the Group Policy value when one is set,
else the local one. A profile whose firewall is off, or a disabled firewall
service, lets everything in on that kind of network.
"""

from __future__ import annotations

from typing import Any

from wizard.checks.catalogue import risky_ports
from wizard.checks.facts import Fact, Snapshot
from wizard.checks.registry import WINDOWS
from wizard.checks.verdict import Verdict
from wizard.checks.windows.facts import (
    as_list,
    join_names,
    policy_or_local,
    products,
    reg_value,
    section,
    to_int,
)
from wizard.checks.windows.firewall_rules import exposed_profiles, inbound_allow_rules
from wizard.checks.windows.registry_read import FIREWALL_PROFILES

BY_POLICY = " (set by Group Policy)"
FIREWALL = "windows.firewall"
WHAT = "the Windows Firewall settings"


def _profiles(fact: Fact, name: str) -> tuple[dict[str, Any], bool]:
    """Each profile's value in force, and whether any came from Group Policy."""
    found: dict[str, Any] = {}
    any_policy = False
    for profile, _, _ in FIREWALL_PROFILES:
        key = profile.lower()
        value, from_policy = policy_or_local(fact, f"policy_{key}", f"local_{key}", name)
        found[profile] = {name: to_int(value), "source": "Group Policy" if from_policy else "local"}
        any_policy = any_policy or from_policy
    return found, any_policy


def profiles_off(fact: Fact) -> tuple[list[str], bool, dict[str, Any]]:
    """The profiles whose firewall is off (all of them when the service is disabled)."""
    profiles, _ = _profiles(fact, "EnableFirewall")
    service_off = to_int(reg_value(fact, "service", "Start")) == 4
    off = [name for name, value in profiles.items() if value["EnableFirewall"] == 0]
    return ([p for p, _, _ in FIREWALL_PROFILES] if service_off else off), service_off, profiles


def _problem(fact: Fact) -> tuple[str, dict[str, Any]] | None:
    off, service_off, profiles = profiles_off(fact)
    raw: dict[str, Any] = {"profiles": profiles, "service_disabled": service_off}
    if service_off:
        return "The Windows Firewall service is disabled", raw
    if off:
        policy = BY_POLICY if any(profiles[p]["source"] == "Group Policy" for p in off) else ""
        return f"Windows Firewall is off for {join_names(off)} networks{policy}", raw
    return None


def _other_firewalls(snapshot: Snapshot) -> tuple[list[dict[str, Any]], str]:
    centre = section(snapshot, "security_center")
    others = [p for p in products(centre, "firewall") if p["on"]] if centre.ok else []
    return others, "" if centre.ok else f" Other firewalls could not be checked ({centre.error})."


@WINDOWS.check("firewall_enabled", needs=FIREWALL, what=WHAT)
def firewall_enabled(snapshot: Snapshot, fact: Fact) -> Verdict:
    problem = _problem(fact)
    if problem is None:
        _, any_policy = _profiles(fact, "EnableFirewall")
        raw = {"profiles": _profiles(fact, "EnableFirewall")[0], "service_disabled": False}
        policy = BY_POLICY if any_policy else ""
        return Verdict(
            "pass", f"Windows Firewall is on for Domain, Private and Public networks{policy}.", fact, raw=raw
        )
    words, raw = problem
    others, unseen = _other_firewalls(snapshot)
    raw["other_firewalls"] = others
    if others:
        names = join_names([p["name"] for p in others])
        return Verdict("pass", f"{words}, but {names} reports that it protects this PC.", fact, raw=raw)
    return Verdict("fail", f"{words}.{unseen}", fact, raw=raw)


@WINDOWS.check("firewall_inbound_blocked", needs=FIREWALL, what=WHAT)
def firewall_inbound_blocked(snapshot: Snapshot, fact: Fact) -> Verdict:
    problem = _problem(fact)
    profiles, any_policy = _profiles(fact, "DefaultInboundAction")
    raw: dict[str, Any] = {"profiles": profiles}
    if problem is not None:
        words, state = problem
        raw.update(state)
        others, unseen = _other_firewalls(snapshot)
        if others:
            names = join_names([p["name"] for p in others])
            return Verdict(
                "unable",
                f"{words}, so it blocks nothing there; {names} reports that it protects this PC, but what it "
                "does with incoming connections cannot be read.",
                fact,
                raw=raw,
            )
        return Verdict(
            "fail", f"{words}, so nothing blocks incoming connections there.{unseen}", fact, raw=raw
        )
    allow = [name for name, value in profiles.items() if value["DefaultInboundAction"] == 0]
    odd = [name for name, value in profiles.items() if value["DefaultInboundAction"] not in (0, 1, None)]
    if allow:
        return Verdict(
            "fail",
            f"The firewall lets in all incoming connections on {join_names(allow)} networks.",
            fact,
            raw=raw,
        )
    if odd:
        return Verdict(
            "warning", f"The inbound setting for {join_names(odd)} networks is unclear.", fact, raw=raw
        )
    policy = BY_POLICY if any_policy else ""
    return Verdict(
        "pass",
        f"The firewall blocks incoming connections unless a rule allows them, on every network type{policy}.",
        fact,
        raw=raw,
    )


def _loopback(address: str) -> bool:
    return address.startswith("127.") or address in ("::1", "localhost")


def _listening(fact: Fact) -> list[int]:
    risky = risky_ports()
    ports = [p for p in as_list(fact.raw.get("ports")) if isinstance(p, dict)]
    return sorted(
        {
            port
            for p in ports
            if (port := to_int(p.get("port"))) in risky and not _loopback(str(p.get("address")))
        }
    )


@WINDOWS.check("listening_ports", needs=lambda s: section(s, "listening"), what="the list of listening ports")
def listening_ports(snapshot: Snapshot, fact: Fact) -> Verdict:
    """File sharing listens on 445 on nearly every Windows PC: what matters is whether
    the firewall lets it in, and from which kind of network."""
    risky = risky_ports()
    listening = _listening(fact)
    raw: dict[str, Any] = {"listening": listening}
    if not listening:
        return Verdict(
            "pass", "Nothing listens to the network for file sharing or remote access.", fact, raw=raw
        )
    firewall, rules = snapshot.fact(FIREWALL), snapshot.fact("windows.firewall_rules")
    for needed in (firewall, rules):
        if not needed.ok:
            names = join_names([risky[p] for p in listening])
            return Verdict(
                "unable",
                f"{names[0].upper()}{names[1:]} listens, but whether the firewall lets it in could not be read: "
                f"{needed.error}.",
                needed,
                raw=raw,
            )
    off, _, _ = profiles_off(firewall)
    allowed = inbound_allow_rules(rules.raw)
    exposure = {port: exposed_profiles(port, off, allowed) for port in listening}
    raw["open_on"] = exposure
    public = [port for port, where in exposure.items() if "Public" in where]
    private = [port for port, where in exposure.items() if where and "Public" not in where]
    if public:
        names = join_names([risky[p] for p in public])
        return Verdict(
            "fail",
            f"The firewall lets in {names} from any network, including public ones (café or hotel Wi-Fi).",
            rules,
            raw=raw,
        )
    closed = [risky[p] for p in listening if p not in private]
    shut = f" {join_names(closed)} listens but the firewall lets nobody in." if closed else ""
    if private:
        names = join_names([risky[p] for p in private])
        return Verdict(
            "pass",
            f"The firewall lets in {names} only on the practice's own (Domain or Private) networks.{shut}",
            rules,
            raw=raw,
        )
    return Verdict("pass", f"No file sharing or remote access is open to the network:{shut}", rules, raw=raw)
