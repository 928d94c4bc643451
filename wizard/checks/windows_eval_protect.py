"""Windows protection checks: anti-malware and disk encryption.

Defender answers for itself; another product answers through Security Center
(``productState`` bits). When Defender is passive because another product
protects the PC, only Security Center can say whether that product is on.
"""

from __future__ import annotations

from typing import Any

from wizard.checks.facts import Fact, Snapshot
from wizard.checks.verdict import Verdict, unable
from wizard.checks.windows_eval_base import (
    days_ago,
    is_defender,
    join_names,
    parse_when,
    products,
    reg_value,
    section,
    to_int,
)
from wizard.core.check_results import CheckStatus

NEVER_UPDATED = 65535  # what Defender reports as the age of definitions it never received


def _defender_state(defender: Fact) -> dict[str, Any]:
    data = defender.raw if defender.ok and isinstance(defender.raw, dict) else {}
    return {key: data.get(key) for key in ("AMRunningMode", "AntivirusEnabled", "RealTimeProtectionEnabled")}


def _defender_active(defender: Fact) -> bool:
    """Defender is the PC's anti-malware unless it says it is passive or switched off."""
    state = _defender_state(defender)
    mode = str(state["AMRunningMode"] or "normal").lower()
    return defender.ok and state["AntivirusEnabled"] is True and mode == "normal"


def _others(centre: Fact) -> list[dict[str, Any]]:
    return [p for p in products(centre, "antivirus") if not is_defender(p["name"])] if centre.ok else []


def antimalware_realtime(snapshot: Snapshot) -> Verdict:
    defender, centre = section(snapshot, "defender"), section(snapshot, "security_center")
    state, others = _defender_state(defender), _others(centre)
    raw = {"defender": state if defender.ok else None, "other_products": others}
    if defender.ok and state["AntivirusEnabled"] is True and state["RealTimeProtectionEnabled"] is True:
        tamper = " and tamper protection" if defender.raw.get("IsTamperProtected") is True else ""
        return Verdict(
            "pass", f"Microsoft Defender is on, with real-time protection{tamper}.", defender, raw=raw
        )
    running = [p for p in others if p["on"]]
    if running:
        names = join_names([p["name"] for p in running])
        return Verdict("pass", f"{names} reports that its real-time protection is on.", centre, raw=raw)
    if _defender_active(defender):
        return Verdict(
            "fail",
            "Microsoft Defender protects this PC, but its real-time protection is off.",
            defender,
            raw=raw,
        )
    if centre.ok:
        listed = join_names([p["name"] for p in others]) or "no other product"
        return Verdict(
            "fail",
            f"No anti-malware reports real-time protection on (Security Center lists {listed}).",
            centre,
            raw=raw,
        )
    if defender.ok:
        return Verdict(
            "warning",
            f"Microsoft Defender is not protecting this PC (mode: {state['AMRunningMode'] or 'unknown'}), and other "
            f"anti-malware could not be checked ({centre.error}). Check the product in use is on.",
            defender,
            raw=raw,
        )
    reasons = dict.fromkeys([str(defender.error), str(centre.error)])  # the same reason only once
    return Verdict(
        "unable",
        f"Could not read the anti-malware status: {'; '.join(reasons)}.",
        defender,
        raw=None,
    )


def antimalware_signatures(snapshot: Snapshot) -> Verdict:
    defender, centre = section(snapshot, "defender"), section(snapshot, "security_center")
    running = [p for p in _others(centre) if p["on"]]
    if running and not _defender_active(defender):
        stale = [p["name"] for p in running if not p["up_to_date"]]
        raw = {"products": running}
        if stale:
            return Verdict("fail", f"{join_names(stale)} reports out-of-date definitions.", centre, raw=raw)
        names = join_names([p["name"] for p in running])
        return Verdict("pass", f"{names} reports its definitions are up to date.", centre, raw=raw)
    if not defender.ok:
        return unable(defender, "the anti-malware definitions' age")
    return _defender_age(snapshot, defender)


def _defender_age(snapshot: Snapshot, defender: Fact) -> Verdict:
    age = to_int(defender.raw.get("AntivirusSignatureAge"))
    updated = parse_when(defender.raw.get("AntivirusSignatureLastUpdated"))
    if age is None and updated is not None:
        age = max(0, days_ago(snapshot, updated))
    raw = {
        "AntivirusSignatureAge": age,
        "AntivirusSignatureLastUpdated": defender.raw.get("AntivirusSignatureLastUpdated"),
    }
    if age is None:
        return Verdict(
            "unable", "Microsoft Defender did not report the age of its definitions.", defender, raw=raw
        )
    if age >= NEVER_UPDATED:
        return Verdict("fail", "Microsoft Defender has never received definition updates.", defender, raw=raw)
    when = f"{age} day{'s' if age != 1 else ''} old"
    if age <= 3:
        return Verdict("pass", f"Microsoft Defender's definitions are {when}.", defender, raw=raw)
    if age <= 7:
        return Verdict(
            "warning",
            f"Microsoft Defender's definitions are {when}; they should update daily.",
            defender,
            raw=raw,
        )
    return Verdict("fail", f"Microsoft Defender's definitions are {when}.", defender, raw=raw)


BITLOCKER: dict[int, tuple[CheckStatus, str]] = {
    1: ("pass", "BitLocker protects the system drive {drive}."),
    6: ("pass", "BitLocker protects the system drive {drive} (locked)."),
    3: ("warning", "BitLocker is encrypting the system drive {drive} now; check again when it has finished."),
    5: (
        "warning",
        "BitLocker is suspended on {drive}: the drive is encrypted but not protected until it resumes.",
    ),
    2: ("fail", "BitLocker is off on the system drive {drive}."),
    4: ("fail", "BitLocker is being switched off (decrypting) on {drive}."),
    8: ("fail", "BitLocker is waiting for activation on {drive}: the key is not protected yet."),
}


def disk_encryption(snapshot: Snapshot) -> Verdict:
    fact = section(snapshot, "bitlocker")
    if not fact.ok:
        return unable(fact, "the BitLocker state")
    state = to_int(fact.raw.get("protection"))
    drive = str(fact.raw.get("drive") or "C:")
    raw = {"drive": drive, "BitLockerProtection": state}
    if state in BITLOCKER:
        status, finding = BITLOCKER[state]
        return Verdict(status, finding.format(drive=drive), fact, raw=raw)
    if state not in (0, None):
        return Verdict("warning", f"BitLocker reports an unknown state ({state}) for {drive}.", fact, raw=raw)
    version = snapshot.fact("windows.version")
    edition = str(reg_value(version, "current_version", "EditionID") or "") if version.ok else ""
    raw["EditionID"] = edition or None
    if edition.lower().startswith("core"):
        return Verdict(
            "not_applicable",
            "This is Windows Home, which has no BitLocker. Check Settings > Privacy & security > Device "
            "encryption, or use an edition with BitLocker.",
            fact,
            raw=raw,
        )
    return Verdict(
        "unable",
        f"Windows reported no BitLocker state for {drive}, so it could not be checked.",
        fact,
        raw=raw,
    )
