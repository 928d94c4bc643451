"""Windows update checks: are the monthly updates installed, and do they install by themselves.

The patch level comes from two kinds of evidence. The update history and the
hotfix list say when something was installed; the update revision (UBR) says
which monthly cumulative update Windows itself runs, which no servicing-stack,
.NET or Flash-removal update changes. Where the revision table can tell, the
revision decides; the lists decide where it cannot.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from wizard.checks.facts import Fact, Snapshot
from wizard.checks.registry import WINDOWS
from wizard.checks.verdict import Verdict
from wizard.checks.windows.evaluate_support import version_values
from wizard.checks.windows.facts import as_list, parse_when, part, reg_value, section, to_int, today
from wizard.checks.windows.patch_cycle import Cycle, cycle, revision

# Updates that say nothing about whether Windows itself is patched: anti-malware definitions
# and platform, the removal tool, and Adobe Flash's removal. KB numbers are the same in every
# language, and so are the product names ".NET" and "Flash" in an update's title.
NOT_WINDOWS_PATCHES = {
    "KB2267602", "KB915597", "KB890830", "KB4052623", "KB2461484", "KB5007651", "KB4577586",
}  # fmt: skip
NOT_WINDOWS_PRODUCTS = (".NET", "Flash")
_KB = re.compile(r"KB\d{6,8}", re.IGNORECASE)
SUCCEEDED = (2, 3)  # OperationResultCode: succeeded, succeeded with errors


def _is_os_patch(kb: str, title: str) -> bool:
    return kb.upper() not in NOT_WINDOWS_PATCHES and not any(name in title for name in NOT_WINDOWS_PRODUCTS)


def _history_updates(history: Fact) -> list[tuple[dt.datetime, str]]:
    found = []
    for entry in as_list(history.raw.get("entries") if isinstance(history.raw, dict) else None):
        if not isinstance(entry, dict) or to_int(entry.get("result")) not in SUCCEEDED:
            continue
        if to_int(entry.get("operation")) not in (1, None):  # 1 = installation, 2 = removal
            continue
        title = str(entry.get("title") or "")
        kb = _KB.search(title)
        when = parse_when(entry.get("date"))
        if kb and when and _is_os_patch(kb.group(0), title):
            found.append((when, title))
    return found


def _hotfixes(hotfixes: Fact) -> list[tuple[dt.datetime, str]]:
    found = []
    for fix in as_list(hotfixes.raw.get("entries") if isinstance(hotfixes.raw, dict) else None):
        when = parse_when(fix.get("installed_on")) if isinstance(fix, dict) else None
        if when and _is_os_patch(str(fix.get("id")), ""):
            found.append((when, str(fix.get("id"))))
    return found


def _listed(snapshot: Snapshot) -> tuple[list[tuple[dt.datetime, str]], str]:
    """Installed OS patches from the history and hotfix list, and a note on what could not be read."""
    updates = section(snapshot, "updates")
    history, hotfixes = part(updates, "history"), part(updates, "hotfixes")
    found = (_history_updates(history) if history.ok else []) + (_hotfixes(hotfixes) if hotfixes.ok else [])
    if not history.ok and not hotfixes.ok:
        return found, f" The update lists could not be read ({history.error})."
    if not history.ok:
        return (
            found,
            " The update history could not be read, so this uses the hotfix list, which shows only some.",
        )
    return found, ""


def _day(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


@WINDOWS.check("updates_recent", needs="windows.version", what="the Windows version and update revision")
def updates_recent(snapshot: Snapshot, version: Fact) -> Verdict:
    values = version_values(version)
    build, ubr = to_int(values.get("CurrentBuildNumber")), to_int(values.get("UBR"))
    now = cycle(today(snapshot).date())
    found, note = _listed(snapshot)
    newest = max(found, key=lambda item: item[0]) if found else None
    rev = revision(build, ubr) if build is not None and ubr is not None else None
    raw: dict[str, Any] = {
        "build": build,
        "UBR": ubr,
        "revision_includes_release_of": rev.has.isoformat() if rev and rev.has else None,
        "newest_listed": newest[1] if newest else None,
        "newest_listed_installed": newest[0].date().isoformat() if newest else None,
        "latest_monthly_release": now.newest.isoformat(),
    }
    if rev and rev.lacks and now.overdue(rev.lacks):
        return Verdict(
            "fail",
            f"Windows runs revision {build}.{ubr}, older than the update Microsoft released on {_day(rev.lacks)}: "
            f"security updates should be installed within {now.grace_days} days of release.",
            version,
            raw=raw,
        )
    if rev and rev.has and now.current(rev.has):
        return Verdict(
            "pass",
            f"Windows runs revision {build}.{ubr}, which includes the monthly update of {_day(rev.has)}.",
            version,
            raw=raw,
        )
    if newest:
        return _by_list(now, newest, note, version, raw)
    return _no_evidence(now, build, ubr, rev.table_ends if rev else None, note, version, raw)


def _by_list(
    now: Cycle, newest: tuple[dt.datetime, str], note: str, fact: Fact, raw: dict[str, Any]
) -> Verdict:
    when, title = newest
    installed = f"The newest Windows update ({title}) was installed on {_day(when.date())}"
    if now.current(when.date()):
        return Verdict(
            "pass", f"{installed}, after the monthly release of {_day(now.previous)}.{note}", fact, raw=raw
        )
    return Verdict(
        "fail",
        f"{installed}; Microsoft has released updates since, the newest on {_day(now.newest)}, "
        f"{(now.today - now.newest).days} days ago.{note}",
        fact,
        raw=raw,
    )


def _no_evidence(
    now: Cycle, build: int | None, ubr: int | None, table_ends: dt.date | None, note: str, fact: Fact,
    raw: dict[str, Any],
) -> Verdict:  # fmt: skip
    if ubr is None:
        why = "Windows recorded no update revision"
    elif table_ends is None:
        why = f"this program does not know the release dates of build {build}'s revisions"
    else:
        why = (
            f"this program's table of update revisions ends at {_day(table_ends)}, so it cannot tell whether "
            f"revision {build}.{ubr} has the newest update"
        )
    return Verdict(
        "unable",
        f"Could not tell when Windows was last updated: Windows lists no installed updates and {why}.{note}",
        fact,
        raw=raw,
    )


AU_OPTIONS = {
    1: "Windows never checks for updates",
    2: "Windows only tells people updates are waiting; nothing downloads by itself",
    3: "updates download by themselves but wait for someone to install them",
    5: "each local administrator chooses how updates install",
    7: "updates download by themselves but wait for someone to install and restart",
}


def _au_verdict(options: int, by: str, fact: Fact, raw: dict[str, Any], managed: str) -> Verdict:
    if options == 4:
        return Verdict(
            "pass", f"{by} makes updates download and install automatically.{managed}", fact, raw=raw
        )
    if options == 1:
        return Verdict("fail", f"{by}: {AU_OPTIONS[1]}.{managed}", fact, raw=raw)
    if options in AU_OPTIONS:
        return Verdict("warning", f"{by} is set so that {AU_OPTIONS[options]}.{managed}", fact, raw=raw)
    return Verdict("warning", f"{by} sets an unknown update option (AUOptions = {options}).", fact, raw=raw)


@WINDOWS.check("auto_updates", needs="windows.auto_update", what="the Windows Update settings")
def auto_updates(snapshot: Snapshot, fact: Fact) -> Verdict:
    no_auto = to_int(reg_value(fact, "policy_au", "NoAutoUpdate"))
    options = to_int(reg_value(fact, "policy_au", "AUOptions"))
    server = reg_value(fact, "policy_wu", "WUServer")
    uses_server = to_int(reg_value(fact, "policy_au", "UseWUServer")) == 1 and bool(server)
    local = to_int(reg_value(fact, "local_au", "AUOptions"))
    paused = parse_when(reg_value(fact, "pause", "PauseUpdatesExpiryTime"))
    version = snapshot.fact("windows.version")
    build = to_int(version_values(version).get("CurrentBuildNumber")) if version.ok else None
    raw = {
        "NoAutoUpdate": no_auto,
        "AUOptions": options,
        "WUServer": server if uses_server else None,
        "local_AUOptions": local,
        "PauseUpdatesExpiryTime": paused.isoformat() if paused else None,
        "build": build,
    }
    managed = f" Updates come from your IT provider's update server ({server})." if uses_server else ""
    if no_auto == 1:
        return Verdict(
            "fail", "Group Policy switches automatic updates off (NoAutoUpdate = 1).", fact, raw=raw
        )
    if options is not None:
        return _au_verdict(options, "Group Policy", fact, raw, managed)
    if build is None:
        return Verdict(
            "unable", "No update policy is set, and the Windows version could not be read.", fact, raw=raw
        )
    if build < 10240:
        if local is None:
            return Verdict(
                "unable",
                "No update policy is set, and Windows did not record the choice made in Control Panel, so "
                "this could not be checked.",
                fact,
                raw=raw,
            )
        return _au_verdict(local, "Windows Update (Control Panel)", fact, raw, managed)
    if paused and paused > today(snapshot):
        return Verdict(
            "warning", f"Updates are paused in Settings until {_day(paused.date())}.{managed}", fact, raw=raw
        )
    return Verdict(
        "pass",
        f"No policy changes Windows Update, so Windows installs updates automatically.{managed}",
        fact,
        raw=raw,
    )
