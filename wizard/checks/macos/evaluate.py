"""Evaluators for macOS facts: pure functions from a snapshot to a verdict.

Every evaluator first checks that the facts it needs were read; if not, the
answer is ``unable`` with the reason, never a pass or a fail. Findings are
written for a practice manager, and ``raw`` is the value the judgement rests on.
Checks with no macOS equivalent (MS17-010, SMBv1, UAC, AutoRun) are left out.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from wizard.checks.catalogue import threshold
from wizard.checks.eol import macos_support
from wizard.checks.facts import Fact, Snapshot
from wizard.checks.macos.parse import plist_flag
from wizard.checks.registry import MACOS
from wizard.checks.verdict import Verdict, unable
from wizard.core.check_results import CheckStatus


def today(snapshot: Snapshot) -> dt.date:
    """The day the facts were collected: a saved snapshot is judged as of then, not now."""
    return dt.datetime.fromisoformat(snapshot.collected_at).date()


def _long(day: str) -> str:
    """'2026-09-02' as '2 September 2026', the way a practice manager writes dates."""
    date = dt.date.fromisoformat(day[:10])
    return f"{date.day} {date:%B %Y}"


def _age(snapshot: Snapshot, day: str) -> int:
    return (today(snapshot) - dt.date.fromisoformat(day[:10])).days


@MACOS.check("os_supported", needs="macos.sw_vers", what="the macOS version")
def os_supported(s: Snapshot, fact: Fact) -> Verdict:
    version = str(fact.raw["ProductVersion"])
    major = int(version.split(".")[0])
    support = macos_support(major, today(s))
    raw = {"ProductVersion": version, "BuildVersion": fact.raw.get("BuildVersion"), "major": major}
    if support.supported is None:
        finding = f"macOS {version} is newer than this program's list of supported versions ({support.note})."
        return Verdict("warning", finding + " Check Apple still supports it.", fact, raw)
    if support.supported:
        finding = f"This Mac runs macOS {version} ({support.name}), which Apple still updates."
        return Verdict("pass", finding, fact, raw)
    ended = f" (support ended {_long(support.end.isoformat())})" if support.end else f" ({support.note})"
    finding = f"This Mac runs macOS {version}, which no longer gets all of Apple's security fixes{ended}."
    return Verdict("fail", finding, fact, raw)


def _update_status(age: int) -> CheckStatus:
    if age <= threshold("updates_recent", "macos_pass_days"):
        return "pass"
    return "warning" if age <= threshold("updates_recent", "macos_warn_days") else "fail"


@MACOS.check("updates_recent", needs="macos.update_history", what="the update history")
def updates_recent(s: Snapshot, fact: Fact) -> Verdict:
    os_updates = [e for e in fact.raw["entries"] if e["kind"] == "os"]
    dated = [e for e in os_updates if e["date"]]
    if os_updates and not dated:
        finding = "The update history's dates are not written as numbers, so this program cannot tell when "
        return Verdict("unable", finding + "macOS was last updated.", fact, os_updates[:3])
    if not dated:
        finding = (
            "No macOS update appears in this Mac's update history (it may be new or recently reinstalled)."
        )
        return Verdict("warning", finding + " Check for updates now.", fact, [])
    newest = max(dated, key=lambda e: e["date"])
    age = _age(s, newest["date"])
    status = _update_status(age)
    raw = {"name": newest["name"], "date": newest["date"], "date_text": newest["date_text"]}
    latest = max(dated, key=lambda e: e.get("date_other") or e["date"])
    if _update_status(_age(s, latest.get("date_other") or latest["date"])) != status:
        raw["date_other"] = latest.get("date_other")
        finding = f"The newest macOS update's date ({latest['date_text']}) can be read two ways, so this "
        return Verdict("warning", finding + "program cannot tell whether updates are recent.", fact, raw)
    when = f"The newest macOS update, {newest['name']}, was installed on {_long(newest['date'])} ({age} days ago)"
    if status == "pass":
        return Verdict("pass", f"{when}.", fact, raw)
    finding = f"{when}. Apple releases security fixes every few weeks."
    return Verdict(status, finding, fact, raw)


def _settings(raw: dict[str, Any]) -> tuple[dict[str, Any], bool]:
    """Local settings with a management profile's on top; and whether a profile set any."""
    managed = raw.get("managed") or {}
    return {**raw.get("local", {}), **managed}, bool(managed)


@MACOS.check("auto_updates", needs="macos.auto_update", what="the Software Update settings")
def auto_updates(s: Snapshot, fact: Fact) -> Verdict:
    settings, managed = _settings(fact.raw)
    by = " (set by your IT provider's management profile)" if managed else ""
    try:
        check = plist_flag(settings.get("AutomaticCheckEnabled"))
        install = plist_flag(settings.get("AutomaticallyInstallMacOSUpdates"))
        critical = plist_flag(settings.get("CriticalUpdateInstall"))
    except ValueError as exc:
        return Verdict("unable", f"Could not understand the Software Update settings: {exc}.", fact, settings)
    if check is False:
        finding = f"This Mac does not check for updates by itself{by}."
        return Verdict("fail", finding, fact, settings)
    if critical is False:
        finding = f"Security responses and XProtect updates are not installed automatically{by}."
        return Verdict("fail", finding, fact, settings)
    if install:
        return Verdict(
            "pass", f"macOS updates are downloaded and installed automatically{by}.", fact, settings
        )
    if install is False:
        finding = f"This Mac does not install macOS updates by itself{by}: someone must install them "
        return Verdict("warning", finding + "within 14 days of release.", fact, settings)
    finding = "'Install macOS updates' has never been set on this Mac, so this program cannot confirm that "
    return Verdict("warning", finding + "macOS updates install automatically.", fact, settings)


@MACOS.check("firewall_enabled", needs="macos.firewall", what="the firewall state")
def firewall_enabled(s: Snapshot, fact: Fact) -> Verdict:
    raw = {"global_state": fact.raw["global_state"]}
    if fact.raw["enabled"]:
        return Verdict("pass", "The macOS firewall is on.", fact, raw)
    finding = "The macOS firewall is off, so nothing on this Mac blocks incoming connections."
    return Verdict("fail", finding, fact, raw)


@MACOS.check("firewall_inbound_blocked", needs="macos.firewall", what="the firewall settings")
def firewall_inbound_blocked(s: Snapshot, fact: Fact) -> Verdict:
    raw = {k: fact.raw[k] for k in ("enabled", "block_all", "stealth")}
    if not fact.raw["enabled"]:
        return Verdict("fail", "The firewall is off, so incoming connections are not blocked.", fact, raw)
    if fact.raw["block_all"]:
        finding = "The firewall blocks all incoming connections except those macOS itself needs."
        return Verdict("pass", finding, fact, raw)
    if fact.raw["stealth"]:
        finding = "The firewall is on in stealth mode: this Mac ignores connection attempts and probes "
        return Verdict("pass", finding + "from programs it has not allowed.", fact, raw)
    finding = (
        "The firewall is on, but it lets in connections to any app allowed to receive them (signed apps "
        "are allowed automatically), and stealth mode is off. Check the list of allowed apps."
    )
    return Verdict("warning", finding, fact, raw)


@MACOS.check("antimalware_realtime", needs="macos.gatekeeper", what="whether Gatekeeper is on")
def antimalware_realtime(s: Snapshot, gate: Fact) -> Verdict:
    xprotect = s.fact("macos.xprotect")
    if not gate.raw["assessments_enabled"]:
        finding = "Gatekeeper is off: macOS no longer checks downloaded apps before they open."
        return Verdict("fail", finding, gate, gate.raw)
    if not xprotect.ok:
        return unable(xprotect, "XProtect, Apple's built-in malware scanner")
    if not xprotect.raw["present"]:
        finding = "Gatekeeper is on, but XProtect, Apple's built-in malware scanner, was not found."
        return Verdict("fail", finding, xprotect, xprotect.raw)
    finding = (
        "Gatekeeper checks apps before they open, and XProtect, Apple's built-in malware scanner, "
        f"is present (version {xprotect.raw['version']})."
    )
    raw = {"assessments_enabled": True, "xprotect_version": xprotect.raw["version"]}
    return Verdict("pass", finding, gate, raw)


def _newest_xprotect(s: Snapshot, bundle: Fact) -> tuple[str, Fact]:
    """The bundle's date, or the update history's newer XProtect install (when its date is certain).

    On macOS 15 the updated copy may be unreadable without admin while the
    old copy is readable, so the history keeps a fresh Mac from looking stale.
    """
    newest, source = str(bundle.raw["modified"])[:10], bundle
    history = s.fact("macos.update_history")
    if history.ok:
        for entry in history.raw["entries"]:
            certain = entry["date"] and not entry.get("date_other")
            if entry["name"].lower().startswith("xprotect") and certain and entry["date"] > newest:
                newest, source = entry["date"], history
    return newest, source


@MACOS.check("antimalware_signatures", needs="macos.xprotect", what="when XProtect was last updated")
def antimalware_signatures(s: Snapshot, fact: Fact) -> Verdict:
    if not fact.raw["present"]:
        return Verdict("fail", "XProtect, Apple's built-in malware scanner, was not found.", fact, None)
    day, source = _newest_xprotect(s, fact)
    age = _age(s, day)
    raw = {"version": fact.raw["version"], "updated": day}
    when = f"XProtect's malware definitions were last updated on {_long(day)}"
    if age <= threshold("antimalware_signatures", "xprotect_pass_days"):
        return Verdict("pass", f"{when} ({age} days ago).", source, raw)
    status: CheckStatus = (
        "warning" if age <= threshold("antimalware_signatures", "xprotect_warn_days") else "fail"
    )
    return Verdict(status, f"{when}, {age} days ago: they should update every week or two.", source, raw)


_FILEVAULT: dict[str, tuple[CheckStatus, str]] = {
    "on": ("pass", "FileVault disk encryption is on."),
    "off": ("fail", "FileVault disk encryption is off: anyone with this Mac's disk can read its files."),
    "encrypting": ("warning", "FileVault is still encrypting the disk; check again when it has finished."),
    "decrypting": ("fail", "FileVault is being switched off: the disk is being decrypted."),
    "pending_on": ("warning", "FileVault will be switched on at the next restart; restart this Mac soon."),
    "pending_restart": ("warning", "FileVault is on but needs a restart to finish; restart this Mac soon."),
}


@MACOS.check("disk_encryption", needs="macos.filevault", what="the FileVault status")
def disk_encryption(s: Snapshot, fact: Fact) -> Verdict:
    status, finding = _FILEVAULT.get(
        fact.raw["status"], ("unable", "The FileVault status was not understood.")
    )
    return Verdict(status, finding, fact, fact.raw["status"])
