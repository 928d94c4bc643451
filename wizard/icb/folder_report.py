"""The folder summary a reviewer reads: one row per pack, duplicates flagged, expected practices missing.

The signature verdict has a column of its own, worded as such ("signature
good" / "signature not good"), so it never reads as a verdict on the
practice's DSPT status beside it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from wizard.core.safe_text import plain
from wizard.icb.cert_files import read_small
from wizard.icb.errors import IcbError
from wizard.icb.received import CheckedPack

NO_PACK = "no pack"
COLUMNS = [
    "file",
    "practice",
    "ods_code",
    "signer_ods_code",
    "certificate_sha256",
    "certificate",
    "document_id",
    "signed_at",
    "signature",
    "dspt_status",
    "cyber_essentials",
    "answered_percent",
    "automatic_fails",
    "actions",
    "duplicate",
    "problems",
]
_ODS = re.compile(r"[A-Z][0-9]{5}")


@dataclass(frozen=True)
class Expected:
    ods: str
    name: str = ""


def read_expected(path: Path) -> list[Expected]:
    """The practices the ICB expects a pack from: one a line, ``A12345`` or ``A12345, Riverside Surgery``.

    Blank lines and lines starting with ``#`` are skipped; a line whose first
    word is not an ODS code stops with the line's number (a heading row
    ``ods_code,...`` is allowed).
    """
    try:
        text = read_small(path, "The list of expected practices").decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IcbError(f"The list of expected practices {plain(path)} is not a text file.") from exc
    found: dict[str, Expected] = {}
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = re.split(r"\s*[,;\t]\s*|\s+", line, maxsplit=1)
        code, name = parts[0].upper(), (parts[1].strip().strip('"') if len(parts) > 1 else "")
        if number == 1 and code.lower().startswith("ods"):
            continue
        if not _ODS.fullmatch(code):
            raise IcbError(
                f"Line {number} of {plain(path)} does not start with a GP practice's ODS code "
                f"(one letter and five digits, like A12345): {plain(line[:40])}"
            )
        found.setdefault(code, Expected(code, name))
    return list(found.values())


def _signed(pack: CheckedPack) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(pack.verdict.signed_at)
    except ValueError:
        return dt.datetime.min.replace(tzinfo=dt.UTC)
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _newest_first(pack: CheckedPack) -> tuple[bool, dt.datetime, str]:
    """Good before not good, then by when it was signed (the file name only breaks a tie)."""
    return (pack.ok, _signed(pack), pack.path.name)


def mark_duplicates(packs: Sequence[CheckedPack]) -> None:
    """Flag every practice that sent more than one pack, saying which is the newest (good ones first)."""
    by_practice: dict[str, list[CheckedPack]] = defaultdict(list)
    for pack in packs:
        if pack.practice_ods:
            by_practice[pack.practice_ods].append(pack)
    for group in by_practice.values():
        if len(group) < 2:
            continue
        newest = max(group, key=_newest_first)
        for pack in group:
            pack.duplicate = (
                f"newest of {len(group)} packs from this practice"
                if pack is newest
                else f"{len(group)} packs from this practice: the newest is {newest.path.name}"
            )


def newest_good(packs: Sequence[CheckedPack]) -> list[CheckedPack]:
    """One pack per practice: its newest good one (what the estate report reads)."""
    best: dict[str, CheckedPack] = {}
    for pack in packs:
        if pack.ok and pack.facts is not None:
            held = best.get(pack.practice_ods)
            if held is None or _newest_first(pack) > _newest_first(held):
                best[pack.practice_ods] = pack
    return list(best.values())


def missing(expected: Sequence[Expected], packs: Sequence[CheckedPack]) -> list[Expected]:
    """Expected practices no pack came from (by the practice a pack names, or its signer)."""
    seen = {p.practice_ods for p in packs} | {p.signer_ods for p in packs}
    return [e for e in expected if e.ods not in seen]


def row(pack: CheckedPack) -> dict[str, str]:
    """One pack as plain one-line text (a CSV makes each a safe cell too)."""
    v, facts = pack.verdict, pack.facts
    values = {
        "file": pack.path.name,
        "practice": pack.practice_name,
        "ods_code": str(v.summary.get("ods_code", "")),
        "signer_ods_code": pack.signer_ods,
        "certificate_sha256": v.fingerprint,
        "certificate": pack.standing.words if pack.standing else "",
        "document_id": str(v.summary.get("document_id", "")),
        "signed_at": v.signed_at,
        "signature": pack.signature_words,
        "dspt_status": "; ".join(facts.dspt) if facts else "",
        "cyber_essentials": "; ".join(facts.ce_shown) if facts else "",
        "answered_percent": str(facts.answered_percent) if facts else "",
        "automatic_fails": " ".join(facts.auto_fails) if facts else "",
        "actions": str(facts.actions) if facts else "",
        "duplicate": pack.duplicate,
        "problems": " ".join(v.problems),
    }
    return {key: plain(value) for key, value in values.items()}


def missing_row(practice: Expected) -> dict[str, str]:
    return {
        **dict.fromkeys(COLUMNS, ""),
        "practice": plain(practice.name),
        "ods_code": practice.ods,
        "signature": NO_PACK,
        "problems": "No pack was received from this practice.",
    }
