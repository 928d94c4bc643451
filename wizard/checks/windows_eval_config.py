"""Windows settings checks: SMB1, firewall, UAC, AutoRun, Remote Desktop, screen lock, ports.

All but the last read the registry. Where Group Policy can set a value, the
policy key wins over the local one and the finding says so, because a
practice manager changing the local setting would see it put back.
"""

from __future__ import annotations

from typing import Any

from wizard.checks.facts import Snapshot
from wizard.checks.verdict import Verdict, unable
from wizard.checks.windows_eval_base import (
    as_list,
    build_of,
    join_names,
    policy_or_local,
    products,
    reg_value,
    section,
    to_int,
)
from wizard.checks.windows_registry import FIREWALL_PROFILES

BY_POLICY = " (set by Group Policy)"
SMB1_OFF_BY_DEFAULT = 16299  # Windows 10 version 1709: SMB1 no longer installed by default
IDLE_LIMIT = 900  # seconds


def smb1_server_off(snapshot: Snapshot) -> Verdict:
    fact = snapshot.fact("windows.smb")
    if not fact.ok:
        return unable(fact, "the SMB file-sharing settings")
    smb1 = to_int(reg_value(fact, "server", "SMB1"))
    build = build_of(snapshot)
    raw = {"SMB1": smb1, "build": build}
    if smb1 == 0:
        return Verdict("pass", "SMB version 1 file sharing is switched off (SMB1 = 0).", fact, raw=raw)
    if smb1 == 1:
        return Verdict(
            "fail",
            "SMB version 1 file sharing is switched on (SMB1 = 1): WannaCry spread through it.",
            fact,
            raw=raw,
        )
    if smb1 is not None:
        return Verdict("warning", f"SMB1 has an unexpected value ({smb1}).", fact, raw=raw)
    if build is None:
        return Verdict(
            "unable",
            "SMB1 is not set, and what that means depends on the Windows version, which could not be read.",
            fact,
            raw=raw,
        )
    if build >= SMB1_OFF_BY_DEFAULT:
        return Verdict(
            "pass",
            f"SMB1 is not set; Windows builds from {SMB1_OFF_BY_DEFAULT} (version 1709) on do not install "
            "SMB version 1 by default.",
            fact,
            raw=raw,
        )
    return Verdict(
        "warning",
        f"SMB1 is not set; on this older Windows (build {build}) that leaves SMB version 1 switched on.",
        fact,
        raw=raw,
    )


def smb1_client_off(snapshot: Snapshot) -> Verdict:
    fact = snapshot.fact("windows.smb")
    if not fact.ok:
        return unable(fact, "the SMB client settings")
    client = fact.raw.get("client") or {}
    start = to_int(reg_value(fact, "client", "Start"))
    raw = {"mrxsmb10_installed": bool(client.get("exists")), "Start": start}
    if not client.get("exists"):
        return Verdict("pass", "The SMB version 1 client (mrxsmb10) is not installed.", fact, raw=raw)
    if start == 4:
        return Verdict(
            "pass", "The SMB version 1 client is installed but disabled (Start = 4).", fact, raw=raw
        )
    if start in (0, 1, 2, 3):
        return Verdict(
            "fail", f"The SMB version 1 client is installed and can run (Start = {start}).", fact, raw=raw
        )
    return Verdict(
        "warning", "The SMB version 1 client is installed, but its start setting is unclear.", fact, raw=raw
    )


def _profiles(snapshot: Snapshot, name: str) -> tuple[dict[str, Any], bool]:
    """Each profile's value in force, and whether any came from Group Policy."""
    fact = snapshot.fact("windows.firewall")
    found: dict[str, Any] = {}
    any_policy = False
    for profile, _, _ in FIREWALL_PROFILES:
        key = profile.lower()
        value, from_policy = policy_or_local(fact, f"policy_{key}", f"local_{key}", name)
        found[profile] = {name: to_int(value), "source": "Group Policy" if from_policy else "local"}
        any_policy = any_policy or from_policy
    return found, any_policy


def firewall_enabled(snapshot: Snapshot) -> Verdict:
    fact = snapshot.fact("windows.firewall")
    if not fact.ok:
        return unable(fact, "the Windows Firewall settings")
    profiles, any_policy = _profiles(snapshot, "EnableFirewall")
    service_off = to_int(reg_value(fact, "service", "Start")) == 4
    off = [name for name, value in profiles.items() if value["EnableFirewall"] == 0]
    raw = {"profiles": profiles, "service_disabled": service_off}
    if not off and not service_off:
        policy = BY_POLICY if any_policy else ""
        return Verdict(
            "pass", f"Windows Firewall is on for Domain, Private and Public networks{policy}.", fact, raw=raw
        )
    problem = (
        "The Windows Firewall service is disabled"
        if service_off
        else f"Windows Firewall is off for {join_names(off)} networks"
        + (BY_POLICY if any(profiles[p]["source"] == "Group Policy" for p in off) else "")
    )
    centre = section(snapshot, "security_center")
    others = [p for p in products(centre, "firewall") if p["on"]] if centre.ok else []
    raw["other_firewalls"] = others
    if others:
        names = join_names([p["name"] for p in others])
        return Verdict("pass", f"{problem}, but {names} reports that it protects this PC.", fact, raw=raw)
    unseen = "" if centre.ok else f" Other firewalls could not be checked ({centre.error})."
    return Verdict("fail", f"{problem}.{unseen}", fact, raw=raw)


def firewall_inbound_blocked(snapshot: Snapshot) -> Verdict:
    fact = snapshot.fact("windows.firewall")
    if not fact.ok:
        return unable(fact, "the Windows Firewall settings")
    profiles, any_policy = _profiles(snapshot, "DefaultInboundAction")
    allow = [name for name, value in profiles.items() if value["DefaultInboundAction"] == 0]
    odd = [name for name, value in profiles.items() if value["DefaultInboundAction"] not in (0, 1, None)]
    raw = {"profiles": profiles}
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


def uac_enabled(snapshot: Snapshot) -> Verdict:
    fact = snapshot.fact("windows.uac")
    if not fact.ok:
        return unable(fact, "the User Account Control settings")
    lua = to_int(reg_value(fact, "system_policies", "EnableLUA"))
    consent = to_int(reg_value(fact, "system_policies", "ConsentPromptBehaviorAdmin"))
    raw = {"EnableLUA": lua, "ConsentPromptBehaviorAdmin": consent}
    if lua == 0:
        return Verdict(
            "fail",
            "User Account Control is off (EnableLUA = 0): programs get full administrator rights without asking.",
            fact,
            raw=raw,
        )
    if lua not in (1, None):
        return Verdict("warning", f"EnableLUA has an unexpected value ({lua}).", fact, raw=raw)
    if consent == 0:
        return Verdict(
            "warning",
            "User Account Control is on, but administrators are never asked before a program gets full "
            "rights (ConsentPromptBehaviorAdmin = 0).",
            fact,
            raw=raw,
        )
    default = " (not set; Windows treats that as on)" if lua is None else ""
    return Verdict("pass", f"User Account Control is on{default}.", fact, raw=raw)


def autorun_off(snapshot: Snapshot) -> Verdict:
    """HKLM wins over HKCU for these two values (Microsoft KB967715)."""
    fact = snapshot.fact("windows.autorun")
    if not fact.ok:
        return unable(fact, "the AutoRun policy")
    drive_types, _ = policy_or_local(fact, "machine", "user", "NoDriveTypeAutoRun")
    no_autorun, _ = policy_or_local(fact, "machine", "user", "NoAutorun")
    drive_types, no_autorun = to_int(drive_types), to_int(no_autorun)
    raw = {"NoDriveTypeAutoRun": drive_types, "NoAutorun": no_autorun}
    if (drive_types is not None and drive_types & 0xFF == 0xFF) or no_autorun == 1:
        return Verdict("pass", "AutoRun is switched off for all drives by policy.", fact, raw=raw)
    if drive_types is None and no_autorun is None:
        return Verdict(
            "fail",
            "No AutoRun policy is set; Windows' default still lets some drives start programs by themselves.",
            fact,
            raw=raw,
        )
    return Verdict(
        "fail",
        f"AutoRun is only partly switched off (NoDriveTypeAutoRun = 0x{drive_types or 0:X}; 0xFF covers all drives).",
        fact,
        raw=raw,
    )


def remote_desktop(snapshot: Snapshot) -> Verdict:
    fact = snapshot.fact("windows.rdp")
    if not fact.ok:
        return unable(fact, "the Remote Desktop settings")
    value, from_policy = policy_or_local(fact, "policy", "local", "fDenyTSConnections")
    deny = to_int(value)
    raw = {"fDenyTSConnections": deny, "source": "Group Policy" if from_policy else "local"}
    policy = BY_POLICY if from_policy else ""
    if deny == 1:
        return Verdict("pass", f"Remote Desktop is off: this PC refuses connections{policy}.", fact, raw=raw)
    if deny == 0:
        return Verdict(
            "warning",
            f"Remote Desktop is on{policy}: make sure only the IT provider can use it.",
            fact,
            raw=raw,
        )
    if deny is None:
        return Verdict(
            "pass", "Remote Desktop is not set up; Windows refuses connections by default.", fact, raw=raw
        )
    return Verdict("warning", f"fDenyTSConnections has an unexpected value ({deny}).", fact, raw=raw)


def _screen_saver(snapshot: Snapshot) -> tuple[dict[str, Any], bool]:
    """The screen saver settings in force: the user policy key wins over Control Panel."""
    fact = snapshot.fact("windows.screen_lock")
    found: dict[str, Any] = {}
    any_policy = False
    for name in ("ScreenSaveActive", "ScreenSaverIsSecure", "ScreenSaveTimeOut", "SCRNSAVE.EXE"):
        value, from_policy = policy_or_local(fact, "user_policy", "user", name)
        found[name] = value
        any_policy = any_policy or (from_policy and value is not None)
    return found, any_policy


def screen_lock(snapshot: Snapshot) -> Verdict:
    fact = snapshot.fact("windows.screen_lock")
    if not fact.ok:
        return unable(fact, "the screen lock settings")
    limit = to_int(reg_value(fact, "machine_policy", "InactivityTimeoutSecs"))
    saver, saver_policy = _screen_saver(snapshot)
    raw = {"InactivityTimeoutSecs": limit, "screen_saver": saver, "screen_saver_by_policy": saver_policy}
    if limit is not None and 0 < limit <= IDLE_LIMIT:
        return Verdict(
            "pass",
            f"The PC locks after {_minutes(limit)} idle, set by Group Policy (machine inactivity limit).",
            fact,
            raw=raw,
        )
    timeout = to_int(saver["ScreenSaveTimeOut"])
    problems = []
    if not saver["SCRNSAVE.EXE"]:
        problems.append("no screen saver is chosen")
    if to_int(saver["ScreenSaveActive"]) != 1:
        problems.append("the screen saver is switched off")
    if to_int(saver["ScreenSaverIsSecure"]) != 1:
        problems.append("it does not ask for the password")
    if timeout is None or not 0 < timeout <= IDLE_LIMIT:
        problems.append(f"it starts after {_minutes(timeout)}" if timeout else "it has no start time")
    if not problems:
        policy = BY_POLICY if saver_policy else ""
        return Verdict(
            "pass",
            f"The screen locks after {_minutes(timeout)} idle and needs the password{policy}.",
            fact,
            raw=raw,
        )
    longer = f" The machine inactivity limit is {_minutes(limit)}, longer than 15 minutes." if limit else ""
    return Verdict(
        "fail",
        f"The screen does not lock within 15 minutes: {'; '.join(problems)}.{longer} Power settings that turn "
        "the screen off are not checked.",
        fact,
        raw=raw,
    )


def _minutes(seconds: int | None) -> str:
    if not seconds:
        return "no time set"
    return f"{seconds // 60} minutes" if seconds % 60 == 0 else f"{seconds} seconds"


EXPOSED_PORTS = {445: "file sharing (445)", 3389: "Remote Desktop (3389)"}


def _loopback(address: str) -> bool:
    return address.startswith("127.") or address in ("::1", "localhost")


def listening_ports(snapshot: Snapshot) -> Verdict:
    fact = section(snapshot, "listening")
    if not fact.ok:
        return unable(fact, "the list of listening ports")
    ports = [p for p in as_list(fact.raw.get("ports")) if isinstance(p, dict)]
    open_ = sorted(
        {
            (to_int(p.get("port")), str(p.get("address")))
            for p in ports
            if to_int(p.get("port")) in EXPOSED_PORTS and not _loopback(str(p.get("address")))
        },
        key=str,
    )
    raw = {"exposed": [{"port": port, "address": address} for port, address in open_]}
    if not open_:
        return Verdict(
            "pass",
            "Neither file sharing (445) nor Remote Desktop (3389) listens on the network.",
            fact,
            raw=raw,
        )
    found = sorted({port for port, _ in open_ if port})
    names = join_names([EXPOSED_PORTS[port] for port in found])
    verb = "accepts" if len(found) == 1 else "accept"
    return Verdict(
        "warning",
        f"{names[0].upper()}{names[1:]} {verb} connections from the network. Make sure the firewall "
        "lets them in only from the practice network or the IT provider.",
        fact,
        raw=raw,
    )
