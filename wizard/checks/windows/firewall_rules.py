"""Windows Firewall rules as the registry keeps them, read without any translated text.

Each rule is one string value: ``v2.30|Action=Allow|Active=TRUE|Dir=In|Protocol=6|
Profile=Private|LPort=445|App=System|Name=@FirewallAPI.dll,-28502|``. Names are
resource references, so only the fields that decide what gets in are read:
action, active, direction, protocol, profiles, local ports and remote addresses.
"""

from __future__ import annotations

from typing import Any

ALL_PROFILES = ("Domain", "Private", "Public")
TCP = "6"
# Remote-address keywords that keep a rule to the PC's own network.
LOCAL_ONLY = {"localsubnet"}


def parse_rule(text: str) -> dict[str, list[str]]:
    """'v2.30|Action=Allow|LPort=445|' -> {'Action': ['Allow'], 'LPort': ['445'], ...}."""
    fields: dict[str, list[str]] = {}
    for part in text.split("|")[1:]:
        key, sep, value = part.partition("=")
        if sep:
            fields.setdefault(key, []).append(value)
    return fields


def _first(rule: dict[str, list[str]], key: str) -> str:
    return (rule.get(key) or [""])[0]


def inbound_allow_rules(raw: Any) -> list[dict[str, list[str]]]:
    """Active inbound Allow rules for TCP (or any protocol), local and from Group Policy."""
    found = []
    for label in ("local", "policy"):
        key = raw.get(label) if isinstance(raw, dict) else None
        values = (key or {}).get("values") or {}
        for text in values.values():
            if not isinstance(text, str) or not text.startswith("v2"):
                continue
            rule = parse_rule(text)
            protocol = _first(rule, "Protocol")
            if (
                _first(rule, "Action").lower() == "allow"
                and _first(rule, "Active").upper() == "TRUE"
                and _first(rule, "Dir").lower() == "in"
                and protocol in ("", TCP)
            ):
                found.append(rule)
    return found


def _covers(rule: dict[str, list[str]], port: int) -> bool:
    ports = [p for value in rule.get("LPort", []) + rule.get("LPort2_10", []) for p in value.split(",")]
    if not ports:
        # No port named: every port, unless the rule is tied to one program or service,
        # which file sharing and Remote Desktop rules always name with their ports.
        return not rule.get("App") and not rule.get("Svc")
    for item in ports:
        low, _, high = item.partition("-")
        if low.isdigit() and (int(low) == port or (high.isdigit() and int(low) <= port <= int(high))):
            return True
    return False


def _from_anywhere(rule: dict[str, list[str]]) -> bool:
    remote = [a.lower() for key in ("RA4", "RA6", "RA42", "RA62") for a in rule.get(key, [])]
    return not remote or not all(address in LOCAL_ONLY for address in remote)


def exposed_profiles(port: int, firewall_off: list[str], rules: list[dict[str, list[str]]]) -> list[str]:
    """The network types on which a connection to ``port`` from anywhere gets in."""
    open_on = set(firewall_off)
    for rule in rules:
        if _covers(rule, port) and _from_anywhere(rule):
            open_on.update(rule.get("Profile") or ALL_PROFILES)
    return [profile for profile in ALL_PROFILES if profile in open_on]
