"""Windows version checks: is this Windows still supported, and does it have the WannaCry fix."""

from __future__ import annotations

from typing import Any

from wizard.checks.eol import windows_support
from wizard.checks.facts import Fact, Snapshot
from wizard.checks.registry import WINDOWS
from wizard.checks.verdict import Verdict, unable
from wizard.checks.windows.facts import as_list, part, section, to_int, today

VERSION = "windows.version"
WHAT = "the Windows version"


def version_values(fact: Fact) -> dict[str, Any]:
    key = fact.raw.get("current_version") if isinstance(fact.raw, dict) else None
    return dict((key or {}).get("values") or {})


@WINDOWS.check("os_supported", needs=VERSION, what=WHAT)
def os_supported(snapshot: Snapshot, fact: Fact) -> Verdict:
    values = version_values(fact)
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
            "unable",
            f"Could not tell whether {label} still gets security updates: it is {support.note}. Check this "
            "program is up to date, or ask your IT provider.",
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


@WINDOWS.check("ms17_010", needs=VERSION, what=WHAT)
def ms17_010(snapshot: Snapshot, fact: Fact) -> Verdict:
    values = version_values(fact)
    build, ubr = to_int(values.get("CurrentBuildNumber")), to_int(values.get("UBR"))
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
        return Verdict("unable", f"Windows build {build} is not one this check knows.", fact, raw=raw)
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
