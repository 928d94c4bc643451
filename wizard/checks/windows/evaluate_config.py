"""Windows settings checks: SMB1, UAC, AutoRun, Remote Desktop and the screen lock.

All read the registry. Where Group Policy can set a value, the
policy key wins over the local one and the finding says so, because a
practice manager changing the local setting would see it put back.
"""

from __future__ import annotations

from typing import Any

from wizard.checks.catalogue import threshold
from wizard.checks.facts import Fact, Snapshot
from wizard.checks.registry import WINDOWS
from wizard.checks.verdict import Verdict
from wizard.checks.windows.facts import build_of, policy_or_local, reg_value, to_int

BY_POLICY = " (set by Group Policy)"
SMB1_OFF_BY_DEFAULT = 16299  # Windows 10 version 1709: SMB1 no longer installed by default


@WINDOWS.check("smb1_server_off", needs="windows.smb", what="the SMB file-sharing settings")
def smb1_server_off(snapshot: Snapshot, fact: Fact) -> Verdict:
    """SMB1 = 0 switches SMB version 1 off; otherwise it is on wherever its driver (srv) can start.

    Windows 7, 8.1 and Windows 10 before 1709 have SMB version 1 on unless it was
    removed; from 1709 a clean installation leaves it out, but an upgraded PC keeps it.
    """
    smb1 = to_int(reg_value(fact, "server", "SMB1"))
    driver = fact.raw.get("server_driver") if isinstance(fact.raw, dict) else None
    driver_start = to_int(reg_value(fact, "server_driver", "Start"))
    present = None if not isinstance(driver, dict) else bool(driver.get("exists")) and driver_start != 4
    build = build_of(snapshot)
    raw = {"SMB1": smb1, "srv_driver_present": present, "srv_Start": driver_start, "build": build}
    if smb1 == 0:
        return Verdict("pass", "SMB version 1 file sharing is switched off (SMB1 = 0).", fact, raw=raw)
    if smb1 not in (1, None):
        return Verdict("warning", f"SMB1 has an unexpected value ({smb1}).", fact, raw=raw)
    set_on = " (SMB1 = 1)" if smb1 == 1 else ""
    if present:
        return Verdict(
            "fail",
            f"SMB version 1 file sharing is switched on{set_on}: its driver (srv) is installed and nothing "
            "switches it off. WannaCry spread through it.",
            fact,
            raw=raw,
        )
    if present is False:
        return Verdict(
            "pass", "SMB version 1 file sharing is not installed (its driver, srv, is absent or disabled).", fact,
            raw=raw,
        )  # fmt: skip
    if build is None:
        return Verdict(
            "unable",
            "SMB1 is not set, and what that means depends on the Windows version, which could not be read.",
            fact,
            raw=raw,
        )
    if smb1 == 1 or build < SMB1_OFF_BY_DEFAULT:
        return Verdict(
            "fail",
            f"SMB version 1 file sharing is on{set_on}: Windows before version 1709 (this is build {build}) "
            "has it on unless it was removed. WannaCry spread through it.",
            fact,
            raw=raw,
        )
    return Verdict(
        "pass",
        f"SMB1 is not set; Windows builds from {SMB1_OFF_BY_DEFAULT} (version 1709) on do not install "
        "SMB version 1 by default.",
        fact,
        raw=raw,
    )


@WINDOWS.check("smb1_client_off", needs="windows.smb", what="the SMB client settings")
def smb1_client_off(snapshot: Snapshot, fact: Fact) -> Verdict:
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


@WINDOWS.check("uac_enabled", needs="windows.uac", what="the User Account Control settings")
def uac_enabled(snapshot: Snapshot, fact: Fact) -> Verdict:
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


@WINDOWS.check("autorun_off", needs="windows.autorun", what="the AutoRun policy")
def autorun_off(snapshot: Snapshot, fact: Fact) -> Verdict:
    """HKLM wins over HKCU for these two values (Microsoft KB967715)."""
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


@WINDOWS.check("remote_desktop", needs="windows.rdp", what="the Remote Desktop settings")
def remote_desktop(snapshot: Snapshot, fact: Fact) -> Verdict:
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


@WINDOWS.check("screen_lock", needs="windows.screen_lock", what="the screen lock settings")
def screen_lock(snapshot: Snapshot, fact: Fact) -> Verdict:
    idle_limit = threshold("screen_lock", "max_idle_seconds")
    limit = to_int(reg_value(fact, "machine_policy", "InactivityTimeoutSecs"))
    saver, saver_policy = _screen_saver(snapshot)
    raw = {"InactivityTimeoutSecs": limit, "screen_saver": saver, "screen_saver_by_policy": saver_policy}
    if limit is not None and 0 < limit <= idle_limit:
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
    if timeout is None or not 0 < timeout <= idle_limit:
        problems.append(f"it starts after {_minutes(timeout)}" if timeout else "it has no start time")
    if not problems:
        policy = BY_POLICY if saver_policy else ""
        return Verdict(
            "pass",
            f"The screen locks after {_minutes(timeout)} idle and needs the password{policy}.",
            fact,
            raw=raw,
        )
    longer = (
        f" The machine inactivity limit is {_minutes(limit)}, longer than {_minutes(idle_limit)}."
        if limit
        else ""
    )
    return Verdict(
        "fail",
        f"The screen does not lock within {_minutes(idle_limit)}: {'; '.join(problems)}.{longer} "
        "Power settings that turn the screen off are not checked.",
        fact,
        raw=raw,
    )


def _minutes(seconds: int | None) -> str:
    if not seconds:
        return "no time set"
    return f"{seconds // 60} minutes" if seconds % 60 == 0 else f"{seconds} seconds"
