"""Windows protection checks: anti-malware and disk encryption.

Microsoft Defender is recognised by the identity it registers in Security
Center, never by a word in a product's name ("Bitdefender" is not Defender).
Defender answers for itself only in normal mode: passive, SxS passive and EDR
block mode still report real-time protection on while another product, or
none, does the protecting. Then the active product Security Center reports
(``productState`` bits) is judged instead.
"""

from __future__ import annotations

from typing import Any

from wizard.checks.catalogue import threshold
from wizard.checks.facts import Fact, Snapshot
from wizard.checks.registry import WINDOWS
from wizard.checks.verdict import Verdict
from wizard.checks.windows.facts import (
    days_ago,
    is_defender,
    join_names,
    parse_when,
    products,
    ps_section,
    reg_value,
    section,
    to_int,
)
from wizard.core.check_results import CheckStatus

NEVER_UPDATED = 65535  # what Defender reports as the age of definitions it never received
_STATE = (
    "AMRunningMode",
    "AMServiceEnabled",
    "AntivirusEnabled",
    "RealTimeProtectionEnabled",
    "IsTamperProtected",
)


def _defender_state(defender: Fact) -> dict[str, Any] | None:
    data = defender.raw if defender.ok and isinstance(defender.raw, dict) else None
    return {key: data.get(key) for key in _STATE} if data is not None else None


def _defender_active(state: dict[str, Any] | None) -> bool:
    """Defender protects the PC itself only in normal mode. Passive, SxS passive and EDR block
    mode report real-time protection on while another product (or none) does the protecting."""
    if state is None or state["AMServiceEnabled"] is False:
        return False
    mode = state["AMRunningMode"]
    return str(mode).lower() == "normal" if mode else state["AntivirusEnabled"] is True


def _centre(snapshot: Snapshot) -> tuple[Fact, list[dict[str, Any]], list[dict[str, Any]]]:
    """Security Center, its third-party anti-malware, and its Defender entries (by identity)."""
    centre = section(snapshot, "security_center")
    found = products(centre, "antivirus") if centre.ok else []
    return centre, [p for p in found if not is_defender(p)], [p for p in found if is_defender(p)]


def _mode(state: dict[str, Any] | None) -> str:
    """Defender's part, in words: it is not the product protecting this PC."""
    if state is None:
        return "Microsoft Defender's own status could not be read"
    mode = state["AMRunningMode"]
    return f"Microsoft Defender is in {mode}" if mode else "Microsoft Defender is not protecting this PC"


@WINDOWS.check_all("antimalware_realtime")
def antimalware_realtime(snapshot: Snapshot) -> Verdict:
    defender = section(snapshot, "defender")
    state = _defender_state(defender)
    centre, others, own = _centre(snapshot)
    raw = {"defender": state, "other_products": others, "defender_in_security_center": own}
    if _defender_active(state):
        assert state is not None
        if state["AntivirusEnabled"] is True and state["RealTimeProtectionEnabled"] is True:
            tamper = " and tamper protection" if state["IsTamperProtected"] is True else ""
            return Verdict(
                "pass", f"Microsoft Defender is on, with real-time protection{tamper}.", defender, raw=raw
            )
        return Verdict(
            "fail",
            "Microsoft Defender protects this PC, but its real-time protection is off.",
            defender,
            raw=raw,
        )
    if not centre.ok and state is None:
        reasons = dict.fromkeys([str(defender.error), str(centre.error)])  # the same reason only once
        return Verdict(
            "unable", f"Could not read the anti-malware status: {'; '.join(reasons)}.", defender, raw=None
        )
    if not centre.ok:
        return Verdict(
            "unable",
            f"{_mode(state)}, and the product that protects this PC could not be read from Security Center: "
            f"{centre.error}.",
            centre,
            raw=raw,
        )
    return _by_security_center(state, centre, others, own, raw)


def _by_security_center(
    state: dict[str, Any] | None, centre: Fact, others: list[dict[str, Any]],
    own: list[dict[str, Any]], raw: dict[str, Any],
) -> Verdict:  # fmt: skip
    """Defender is not the active product: judge the one Security Center says is."""
    running = [p for p in others if p["on"]]
    mode = f" ({_mode(state)})"
    if running:
        names = join_names([p["name"] for p in running])
        return Verdict("pass", f"{names} reports that its real-time protection is on{mode}.", centre, raw=raw)
    if state is None and any(p["on"] for p in own):
        return Verdict("pass", "Security Center reports Microsoft Defender on.", centre, raw=raw)
    if others:
        names = join_names([p["name"] for p in others])
        return Verdict("fail", f"{names} is switched off{mode}: nothing protects this PC.", centre, raw=raw)
    return Verdict(
        "fail", f"No anti-malware reports real-time protection on{mode}; Security Center lists no other.", centre,
        raw=raw,
    )  # fmt: skip


@WINDOWS.check_all("antimalware_signatures")
def antimalware_signatures(snapshot: Snapshot) -> Verdict:
    defender = section(snapshot, "defender")
    state = _defender_state(defender)
    if _defender_active(state):
        return _defender_age(snapshot, defender)
    centre, others, own = _centre(snapshot)
    if not centre.ok:
        reasons = (
            dict.fromkeys([str(defender.error), str(centre.error)]) if state is None else [str(centre.error)]
        )
        return Verdict(
            "unable",
            f"Could not read the definitions of the product that protects this PC: {'; '.join(reasons)}.",
            centre,
            raw=None,
        )
    running = [p for p in others if p["on"]] or ([p for p in own if p["on"]] if state is None else [])
    raw = {"products": running}
    if not running:
        return Verdict(
            "fail",
            "No running anti-malware reports its definitions (see real-time protection).",
            centre,
            raw=raw,
        )
    stale = [p["name"] for p in running if not p["up_to_date"]]
    if stale:
        return Verdict("fail", f"{join_names(stale)} reports out-of-date definitions.", centre, raw=raw)
    names = join_names([p["name"] for p in running])
    return Verdict("pass", f"{names} reports its definitions are up to date.", centre, raw=raw)


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
    if age <= threshold("antimalware_signatures", "pass_days"):
        return Verdict("pass", f"Microsoft Defender's definitions are {when}.", defender, raw=raw)
    if age <= threshold("antimalware_signatures", "warn_days"):
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


@WINDOWS.check("disk_encryption", needs=ps_section("bitlocker"), what="the BitLocker state")
def disk_encryption(snapshot: Snapshot, fact: Fact) -> Verdict:
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
