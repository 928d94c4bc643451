"""Statuses, as pure functions of the banks and a draft.

DSPT: a standard is Met when all its mandatory items are met, Approaching when
every item needed for Approaching is met, Not Met otherwise; overall is the
lowest standard. Cyber Essentials: every shown question answered and met; an
automatic-fail question not met fails it whatever else is true.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from wizard.core.bank import Bank
from wizard.core.bank_schema import Item, Section
from wizard.core.draft import Draft
from wizard.core.item_state import SATISFIED, ItemState, item_state, scoring_date

DsptStatus = Literal["Standards Met", "Approaching Standards", "Standards Not Met"]
DSPT_ORDER: tuple[DsptStatus, ...] = ("Standards Not Met", "Approaching Standards", "Standards Met")


@dataclass(frozen=True)
class ItemResult:
    item: Item
    state: ItemState


@dataclass(frozen=True)
class SectionResult:
    section: Section
    items: tuple[ItemResult, ...]

    def shown(self) -> list[ItemResult]:
        return [r for r in self.items if r.state != "hidden"]

    @property
    def answered(self) -> int:
        return sum(1 for r in self.shown() if r.state != "unanswered")

    @property
    def total(self) -> int:
        return len(self.shown())


@dataclass(frozen=True)
class StandardResult(SectionResult):
    status: DsptStatus = "Standards Not Met"
    unmet_approaching: tuple[Item, ...] = ()
    unmet_met: tuple[Item, ...] = ()


@dataclass(frozen=True)
class DsptResult:
    bank: Bank
    standards: tuple[StandardResult, ...]
    overall: DsptStatus


@dataclass(frozen=True)
class CeResult:
    bank: Bank
    sections: tuple[SectionResult, ...]
    ready: bool
    failing: tuple[ItemResult, ...] = ()  # shown questions not met, not sure or unanswered
    auto_fails: tuple[Item, ...] = ()


@dataclass(frozen=True)
class Assessment:
    """Scores for every framework the draft includes."""

    dspt: tuple[DsptResult, ...] = field(default_factory=tuple)
    ce: tuple[CeResult, ...] = field(default_factory=tuple)

    @property
    def answered(self) -> int:
        return sum(s.answered for s in self._sections())

    @property
    def total(self) -> int:
        return sum(s.total for s in self._sections())

    @property
    def percent_complete(self) -> int:
        return round(100 * self.answered / self.total) if self.total else 0

    def _sections(self) -> list[SectionResult]:
        found: list[SectionResult] = [s for r in self.dspt for s in r.standards]
        found += [s for r in self.ce for s in r.sections]
        return found


def _section_items(bank: Bank, draft: Draft, section: Section, today: dt.date) -> tuple[ItemResult, ...]:
    return tuple(ItemResult(item, item_state(bank, draft, item, today)) for item in section.items)


def score_dspt(bank: Bank, draft: Draft, today: dt.date | None = None) -> DsptResult:
    day = today or scoring_date(draft)
    standards: list[StandardResult] = []
    for section in bank.sections:
        results = _section_items(bank, draft, section, day)
        unmet = [r for r in results if r.state != "hidden" and r.state not in SATISFIED]
        approaching = tuple(r.item for r in unmet if r.item.required_for == "approaching")
        met = tuple(r.item for r in unmet if r.item.required_for == "met")
        status: DsptStatus = (
            "Standards Not Met" if approaching else "Approaching Standards" if met else "Standards Met"
        )
        standards.append(StandardResult(section, results, status, approaching, met))
    overall: DsptStatus = min((s.status for s in standards), key=DSPT_ORDER.index, default="Standards Met")
    return DsptResult(bank, tuple(standards), overall)


def score_ce(bank: Bank, draft: Draft, today: dt.date | None = None) -> CeResult:
    day = today or scoring_date(draft)
    sections = tuple(SectionResult(s, _section_items(bank, draft, s, day)) for s in bank.sections)
    failing = tuple(r for s in sections for r in s.items if r.state != "hidden" and r.state not in SATISFIED)
    auto_fails = tuple(r.item for r in failing if r.item.auto_fail)
    return CeResult(bank, sections, not failing, failing, auto_fails)


def included_banks(banks: list[Bank], draft: Draft) -> list[Bank]:
    """The banks of the frameworks the draft includes (all, if none chosen)."""
    chosen = [b for b in banks if b.framework.id in draft.frameworks]
    return chosen if draft.frameworks else list(banks)


def score(banks: list[Bank], draft: Draft, today: dt.date | None = None) -> Assessment:
    dspt: list[DsptResult] = []
    ce: list[CeResult] = []
    for bank in included_banks(banks, draft):
        if bank.framework.scoring == "dspt":
            dspt.append(score_dspt(bank, draft, today))
        else:
            ce.append(score_ce(bank, draft, today))
    return Assessment(tuple(dspt), tuple(ce))
