"""Evaluators for Windows facts: pure functions from a snapshot to a verdict.

This module holds the update checks and the table of all twenty; the others
live in ``windows_eval_config`` (settings), ``windows_eval_access`` (accounts)
and ``windows_eval_protect`` (anti-malware, encryption). Every evaluator turns
a failed read into ``unable`` and keeps the value it judged as ``raw``.
"""

from __future__ import annotations

import re
from typing import Any

from wizard.checks import windows_eval_access as access
from wizard.checks import windows_eval_config as config
from wizard.checks import windows_eval_protect as protect
from wizard.checks.eol import windows_support
from wizard.checks.facts import Fact, Snapshot
from wizard.checks.verdict import Evaluator, Verdict, unable
from wizard.checks.windows_eval_base import (
    as_list,
    build_of,
    days_ago,
    parse_when,
    part,
    reg_value,
    section,
    to_int,
    today,
)

UPDATE_MAX_AGE = 35
# Anti-malware definitions and the removal tool arrive through Windows Update
# every day or month; they say nothing about whether Windows itself is patched.
NOT_WINDOWS_PATCHES = {"KB2267602", "KB915597", "KB890830", "KB4052623", "KB2461484", "KB5007651"}
_KB = re.compile(r"KB\d{6,8}", re.IGNORECASE)
SUCCEEDED = (2, 3)  # OperationResultCode: succeeded, succeeded with errors


def _version(snapshot: Snapshot) -> tuple[Fact, dict[str, Any]]:
    fact = snapshot.fact("windows.version")
    key = fact.raw.get("current_version") if fact.ok and isinstance(fact.raw, dict) else None
    return fact, dict((key or {}).get("values") or {})


def os_supported(snapshot: Snapshot) -> Verdict:
    fact, values = _version(snapshot)
    if not fact.ok:
        return unable(fact, "the Windows version")
    build = to_int(values.get("CurrentBuildNumber"))
    edition = str(values.get("EditionID") or "")
    if build is None:
        return Verdict("unable", "Windows did not record its build number.", fact, raw=values)
    if values.get("InstallationType") == "Server":
        return Verdict(
            "warning",
            f"This is a Windows Server ({values.get('ProductName')}, build {build}); server support dates are "
            "not in this program's table, so ask your IT provider to confirm it still gets updates.",
            fact,
            raw=values,
        )
    support = windows_support(build, edition, today(snapshot).date())
    label = f"{support.name} ({edition or 'edition unknown'})"
    if support.supported is None:
        return Verdict(
            "warning",
            f"{label} is newer than this program's support table; it is probably supported, "
            "but check this program is up to date.",
            fact,
            raw=values,
        )
    if support.supported:
        until = f"until {support.end:%d %B %Y}" if support.end else f"({support.note})"
        return Verdict("pass", f"{label} gets security updates {until}.", fact, raw=values)
    ended = f"on {support.end:%d %B %Y}" if support.end else f"({support.note})"
    esu = (
        " Unless the practice has paid for Extended Security Updates (the program cannot see that), "
        "it no longer gets security fixes."
        if build == 19045
        else ""
    )
    return Verdict("fail", f"{label} stopped getting security updates {ended}.{esu}", fact, raw=values)


def _history_updates(history: Fact) -> list[tuple[Any, str]]:
    """Successful installs of real patches: a KB number that is not anti-malware."""
    found = []
    for entry in as_list(history.raw.get("entries") if isinstance(history.raw, dict) else None):
        if not isinstance(entry, dict) or to_int(entry.get("result")) not in SUCCEEDED:
            continue
        if to_int(entry.get("operation")) not in (1, None):  # 1 = installation, 2 = removal
            continue
        kb = _KB.search(str(entry.get("title") or ""))
        when = parse_when(entry.get("date"))
        if kb and kb.group(0).upper() not in NOT_WINDOWS_PATCHES and when:
            found.append((when, str(entry.get("title"))))
    return found


def _hotfixes(hotfixes: Fact) -> list[tuple[Any, str]]:
    found = []
    for fix in as_list(hotfixes.raw.get("entries") if isinstance(hotfixes.raw, dict) else None):
        when = parse_when(fix.get("installed_on")) if isinstance(fix, dict) else None
        if when:
            found.append((when, str(fix.get("id"))))
    return found


def updates_recent(snapshot: Snapshot) -> Verdict:
    updates = section(snapshot, "updates")
    if not updates.ok:
        return unable(updates, "the Windows Update history")
    history, hotfixes = part(updates, "history"), part(updates, "hotfixes")
    if not history.ok and not hotfixes.ok:
        return unable(history, "the Windows Update history or the installed hotfix list")
    found = (_history_updates(history) if history.ok else []) + (_hotfixes(hotfixes) if hotfixes.ok else [])
    note = (
        ""
        if history.ok
        else f" The update history could not be read ({history.error}), so this uses the installed "
        "hotfix list, which shows only some updates."
    )
    if not found:
        return Verdict(
            "warning",
            "Windows lists no installed updates apart from anti-malware definitions." + note,
            updates,
            raw={"newest": None},
        )
    when, title = max(found, key=lambda item: item[0])
    age = max(0, days_ago(snapshot, when))
    raw = {"newest": title, "installed": when.date().isoformat(), "days_ago": age}
    if age <= UPDATE_MAX_AGE:
        return Verdict(
            "pass", f"The newest update ({title}) was installed {age} days ago.{note}", updates, raw=raw
        )
    return Verdict(
        "fail",
        f"The newest update ({title}) was installed {age} days ago, on {when:%d %B %Y}; Windows should "
        f"install updates every month.{note}",
        updates,
        raw=raw,
    )


# Windows 10 builds released before the fix: the revision (UBR) of the March 2017
# cumulative update that carried MS17-010 (KB4012606, KB4013198, KB4013429).
MS17_010_UBR = {10240: 17319, 10586: 839, 14393: 953}
# Older Windows: the March-May 2017 updates carrying the fix (later rollups include it too).
MS17_010_KBS = {
    "KB4012212", "KB4012215", "KB4015549", "KB4019264",  # Windows 7, Server 2008 R2
    "KB4012213", "KB4012216", "KB4015550", "KB4019215",  # Windows 8.1, Server 2012 R2
    "KB4012214", "KB4012217", "KB4015551", "KB4019216",  # Server 2012
    "KB4012598",  # Vista, Server 2008, XP (out of band)
}  # fmt: skip


def ms17_010(snapshot: Snapshot) -> Verdict:
    fact, values = _version(snapshot)
    if not fact.ok:
        return unable(fact, "the Windows version")
    build, ubr = build_of(snapshot), to_int(values.get("UBR"))
    raw = {"build": build, "UBR": ubr}
    if build is None:
        return Verdict("unable", "Windows did not record its build number.", fact, raw=raw)
    if build >= 15063:
        return Verdict(
            "pass",
            f"This version of Windows (build {build}) came out after March 2017 and has the WannaCry "
            "fix (MS17-010) built in.",
            fact,
            raw=raw,
        )
    if build in MS17_010_UBR:
        return _ms17_by_revision(fact, build, ubr, raw)
    if build >= 10240:
        return Verdict("warning", f"Windows build {build} is not one this check knows.", fact, raw=raw)
    return _ms17_by_hotfix(snapshot, build, raw)


def _ms17_by_revision(fact: Fact, build: int, ubr: int | None, raw: dict[str, Any]) -> Verdict:
    needed = MS17_010_UBR[build]
    if ubr is None:
        return Verdict(
            "unable", f"Windows did not record its update revision (build {build}).", fact, raw=raw
        )
    if ubr >= needed:
        return Verdict(
            "pass",
            f"Build {build}.{ubr} includes the March 2017 update ({build}.{needed}) with the WannaCry fix.",
            fact,
            raw=raw,
        )
    return Verdict(
        "fail",
        f"Build {build}.{ubr} is older than the March 2017 update ({build}.{needed}) that fixed the "
        "flaw WannaCry used.",
        fact,
        raw=raw,
    )


def _ms17_by_hotfix(snapshot: Snapshot, build: int, raw: dict[str, Any]) -> Verdict:
    hotfixes = part(section(snapshot, "updates"), "hotfixes")
    if not hotfixes.ok:
        return unable(hotfixes, f"the installed hotfixes of this old Windows (build {build})")
    ids = {str(f.get("id", "")).upper() for f in as_list(hotfixes.raw.get("entries")) if isinstance(f, dict)}
    known = sorted(ids & MS17_010_KBS)
    raw = {**raw, "known_fix_kbs": known}
    if known:
        return Verdict("pass", f"The WannaCry fix is installed ({', '.join(known)}).", hotfixes, raw=raw)
    return Verdict(
        "warning",
        f"None of the 2017 updates that carried the WannaCry fix is listed on this old Windows (build {build}). "
        "A later monthly rollup may include it, but this check cannot confirm it.",
        hotfixes,
        raw=raw,
    )


AU_OPTIONS = {
    2: "Windows only tells people updates are waiting; nothing downloads by itself",
    3: "updates download by themselves but wait for someone to install them",
    5: "each local administrator chooses how updates install",
    7: "updates download by themselves but wait for someone to install and restart",
}


def auto_updates(snapshot: Snapshot) -> Verdict:
    fact = snapshot.fact("windows.auto_update")
    if not fact.ok:
        return unable(fact, "the Windows Update policy")
    no_auto = to_int(reg_value(fact, "policy_au", "NoAutoUpdate"))
    options = to_int(reg_value(fact, "policy_au", "AUOptions"))
    server = reg_value(fact, "policy_wu", "WUServer")
    uses_server = to_int(reg_value(fact, "policy_au", "UseWUServer")) == 1 and bool(server)
    raw = {"NoAutoUpdate": no_auto, "AUOptions": options, "WUServer": server if uses_server else None}
    managed = f" Updates come from your IT provider's update server ({server})." if uses_server else ""
    if no_auto == 1:
        return Verdict(
            "fail", "Group Policy switches automatic updates off (NoAutoUpdate = 1).", fact, raw=raw
        )
    if options == 4:
        return Verdict(
            "pass", f"Group Policy makes updates download and install automatically.{managed}", fact, raw=raw
        )
    if options in AU_OPTIONS:
        return Verdict(
            "warning", f"Group Policy is set so that {AU_OPTIONS[options]}.{managed}", fact, raw=raw
        )
    if options is None:
        return Verdict(
            "pass", f"No update policy is set: Windows Update default, automatic.{managed}", fact, raw=raw
        )
    return Verdict(
        "warning", f"Group Policy sets an unknown update option (AUOptions = {options}).", fact, raw=raw
    )


EVALUATORS: dict[str, Evaluator] = {
    "os_supported": os_supported,
    "updates_recent": updates_recent,
    "ms17_010": ms17_010,
    "smb1_server_off": config.smb1_server_off,
    "smb1_client_off": config.smb1_client_off,
    "firewall_enabled": config.firewall_enabled,
    "firewall_inbound_blocked": config.firewall_inbound_blocked,
    "antimalware_realtime": protect.antimalware_realtime,
    "antimalware_signatures": protect.antimalware_signatures,
    "disk_encryption": protect.disk_encryption,
    "uac_enabled": config.uac_enabled,
    "local_admins": access.local_admins,
    "user_not_admin": access.user_not_admin,
    "guest_disabled": access.guest_disabled,
    "password_policy": access.password_policy,
    "screen_lock": config.screen_lock,
    "autorun_off": config.autorun_off,
    "remote_desktop": config.remote_desktop,
    "auto_updates": auto_updates,
    "listening_ports": config.listening_ports,
}
