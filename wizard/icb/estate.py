"""The estate: every practice's position in one view, from the packs whose signature is good.

One row per practice (its newest good pack); how many practices stand where
on the DSPT and the Cyber Essentials estimate; the items most often unmet
across the patch; the practices expected but missing; and the packs that
were not read, with why. The PDF (``estate_pdf``) and the CSV both come from
this, so they always agree.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from wizard.core.bank.model import Bank
from wizard.icb.folder_report import Expected, missing, newest_good
from wizard.icb.pack_facts import CE_NOT_TAKEN, PackFacts
from wizard.icb.received import CheckedPack

CE_ORDER = (
    "Likely to pass",
    "Incomplete",
    "Likely not compliant",
    "Would fail automatically",
    "Not started",
    CE_NOT_TAKEN,
)
DSPT_SHOWN = ("Standards Met", "Approaching Standards", "Standards Not Met", "Not started")
COMMON_SHOWN = 15
IN_REPORT, NOT_READ, OLDER, NO_PACK = "in the report", "not read: signature not good", "older pack", "no pack"


@dataclass(frozen=True)
class EstateRow:
    file: str
    signed_at: str
    facts: PackFacts

    @property
    def dspt(self) -> str:
        return "; ".join(self.facts.dspt)

    @property
    def ce(self) -> str:
        """The Cyber Essentials verdict, or "Not taken"."""
        return "; ".join(self.facts.ce_shown)


@dataclass(frozen=True)
class CommonItem:
    framework: str
    ref: str
    question: str
    practices: int


@dataclass(frozen=True)
class Apart:
    """A pack the report does not read, and why."""

    file: str
    practice: str
    ods: str
    status: str  # NOT_READ or OLDER
    reason: str


@dataclass(frozen=True)
class Estate:
    rows: list[EstateRow]
    standards: list[tuple[str, str]]  # DSPT standard (ref, title), in the toolkit's order
    dspt_counts: list[tuple[str, int]]
    ce_counts: list[tuple[str, int]]
    common_unmet: list[CommonItem]
    missing: list[Expected]
    apart: list[Apart]
    expected_given: bool
    made_at: dt.datetime


def _standards(banks: Sequence[Bank], rows: list[EstateRow]) -> list[tuple[str, str]]:
    refs = {ref for row in rows for ref in row.facts.standards}
    titles: dict[str, str] = {}
    for bank in banks:
        if bank.framework.scoring == "dspt":
            for section in bank.sections:
                titles.setdefault(section.ref, section.title)
    ordered = [ref for ref in titles if ref in refs] + sorted(refs - set(titles))
    return [(ref, titles.get(ref, "")) for ref in ordered]


def _counts(values: list[str], order: Sequence[str]) -> list[tuple[str, int]]:
    counted = Counter(values)
    return [(key, counted[key]) for key in order if counted[key]] + [
        (key, n) for key, n in sorted(counted.items()) if key not in order
    ]


def _common(rows: list[EstateRow]) -> list[CommonItem]:
    counted: Counter[tuple[str, str]] = Counter()
    questions: dict[tuple[str, str], str] = {}
    for row in rows:
        for item in {(u.framework, u.ref): u for u in row.facts.unmet}.values():
            counted[(item.framework, item.ref)] += 1
            questions[(item.framework, item.ref)] = item.question
    ranked = sorted(counted.items(), key=lambda kv: (-kv[1], kv[0]))
    return [CommonItem(fw, ref, questions[(fw, ref)], n) for (fw, ref), n in ranked[:COMMON_SHOWN]]


def _reason(pack: CheckedPack) -> str:
    """Why a pack is left out: the trust folder's objection first (it is the most specific), else the first problem."""
    if pack.ok:
        return f"Older pack: {pack.duplicate}."
    specific = pack.standing.problem if pack.standing and pack.standing.problem else ""
    problems = pack.verdict.problems
    return "Signature not good: " + (
        specific or (problems[0] if problems else "the pack could not be confirmed.")
    )


def build_estate(
    packs: Sequence[CheckedPack],
    expected: Sequence[Expected],
    banks: Sequence[Bank],
    now: dt.datetime | None = None,
) -> Estate:
    """The estate from checked packs (duplicates already marked): only good packs are read."""
    chosen = newest_good(packs)
    rows = sorted(
        (EstateRow(p.path.name, p.verdict.signed_at, p.facts) for p in chosen if p.facts is not None),
        key=lambda r: (r.facts.practice.lower(), r.facts.ods),
    )
    used = {id(p) for p in chosen}
    apart = [
        Apart(
            p.path.name,
            p.practice_name,
            p.practice_ods,
            OLDER if p.ok else NOT_READ,
            _reason(p),
        )
        for p in packs
        if id(p) not in used
    ]
    return Estate(
        rows=rows,
        standards=_standards(banks, rows),
        dspt_counts=_counts([s for r in rows for s in r.facts.dspt], DSPT_SHOWN),
        ce_counts=_counts([v for r in rows for v in r.facts.ce_shown], CE_ORDER),
        common_unmet=_common(rows),
        missing=missing(expected, packs),
        apart=sorted(apart, key=lambda a: (a.status, a.file)),
        expected_given=bool(expected),
        made_at=now or dt.datetime.now(dt.UTC),
    )


ESTATE_COLUMNS_START = ["included", "practice", "ods_code", "file", "signed_at", "dspt_status"]
ESTATE_COLUMNS_END = ["cyber_essentials", "answered_percent", "automatic_fails", "actions", "problems"]


def estate_columns(estate: Estate) -> list[str]:
    return ESTATE_COLUMNS_START + [f"standard_{ref}" for ref, _ in estate.standards] + ESTATE_COLUMNS_END


def estate_rows(estate: Estate) -> list[dict[str, str]]:
    """The CSV: every practice in the report, then the packs not read, then the practices missing."""
    found: list[dict[str, str]] = []
    for row in estate.rows:
        f = row.facts
        found.append(
            {
                "included": IN_REPORT,
                "practice": f.practice,
                "ods_code": f.ods,
                "file": row.file,
                "signed_at": row.signed_at,
                "dspt_status": row.dspt,
                **{f"standard_{ref}": f.standards.get(ref, "") for ref, _ in estate.standards},
                "cyber_essentials": row.ce,
                "answered_percent": str(f.answered_percent),
                "automatic_fails": " ".join(f.auto_fails),
                "actions": str(f.actions),
            }
        )
    for apart in estate.apart:
        found.append(
            {
                "included": apart.status,
                "practice": apart.practice,
                "ods_code": apart.ods,
                "file": apart.file,
                "problems": apart.reason,
            }
        )
    for absent in estate.missing:
        found.append({"included": NO_PACK, "practice": absent.name, "ods_code": absent.ods})
    return found
