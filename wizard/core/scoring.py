"""Statuses, as pure functions of the banks and a draft: the practice's own estimate.

DSPT: a standard is Met when every item mandatory for Met is met, Approaching
when every item mandatory for Approaching is met, Not Met otherwise; an
unanswered item is not met, and a standard with nothing answered is "Not
started" rather than a status it has not earned. Overall is the lowest standard.

Cyber Essentials: an assessor marks the real thing, so this is an estimate with
three kinds of finding: would fail automatically (only an automatic-fail
question answered so that it is not met), likely not compliant (any other
requirement not met), and questions still to answer. Good practice is reported
on its own and never changes either result.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from wizard.core.bank.model import Bank
from wizard.core.bank.schema import Item, Section
from wizard.core.draft.model import Draft
from wizard.core.item_state import SATISFIED, UNANSWERED, Evaluation, ItemState, evaluate

DsptStatus = Literal["Not started", "Standards Not Met", "Approaching Standards", "Standards Met"]
DSPT_ORDER: tuple[DsptStatus, ...] = ("Standards Not Met", "Approaching Standards", "Standards Met")
CeVerdict = Literal[
    "Not started", "Would fail automatically", "Likely not compliant", "Incomplete", "Likely to pass"
]
ESTIMATE_WORDS = "the practice's own estimate"


@dataclass(frozen=True)
class ItemResult:
    item: Item
    evaluation: Evaluation

    @property
    def state(self) -> ItemState:
        return self.evaluation.state


@dataclass(frozen=True)
class SectionResult:
    section: Section
    items: tuple[ItemResult, ...]

    def shown(self) -> list[ItemResult]:
        return [r for r in self.items if r.state != "hidden"]

    @property
    def answered(self) -> int:
        return sum(1 for r in self.shown() if r.state not in UNANSWERED)

    @property
    def total(self) -> int:
        return len(self.shown())

    @property
    def started(self) -> bool:
        """Something answered here, beyond the practice details a question may show (A1.1, 1.1.1)."""
        return any(r.state not in UNANSWERED and r.item.binds is None for r in self.items)


@dataclass(frozen=True)
class StandardResult(SectionResult):
    earned: DsptStatus = "Standards Not Met"  # with unanswered items counted as not met
    unmet_approaching: tuple[Item, ...] = ()
    unmet_met: tuple[Item, ...] = ()

    @property
    def status(self) -> DsptStatus:
        """What the standard shows: never a status it has not earned."""
        return self.earned if self.started else "Not started"


@dataclass(frozen=True)
class DsptResult:
    bank: Bank
    standards: tuple[StandardResult, ...]
    overall: DsptStatus


@dataclass(frozen=True)
class CeResult:
    bank: Bank
    sections: tuple[SectionResult, ...]
    verdict: CeVerdict
    auto_fails: tuple[ItemResult, ...] = ()  # automatic-fail questions answered so they are not met
    not_compliant: tuple[ItemResult, ...] = ()  # other requirements not met, not sure or incomplete
    unanswered: tuple[ItemResult, ...] = ()

    @property
    def ready(self) -> bool:
        return self.verdict == "Likely to pass"


@dataclass(frozen=True)
class GoodPracticeResult:
    bank: Bank
    sections: tuple[SectionResult, ...]
    findings: tuple[ItemResult, ...] = ()  # not met, not sure or incomplete
    unanswered: tuple[ItemResult, ...] = ()

    @property
    def answered_all_met(self) -> bool:
        """Something is answered, and nothing answered needs action (never said of an untouched bank)."""
        return not self.findings and any(s.started for s in self.sections)


@dataclass(frozen=True)
class Assessment:
    """Scores for every framework the draft includes."""

    dspt: tuple[DsptResult, ...] = field(default_factory=tuple)
    ce: tuple[CeResult, ...] = field(default_factory=tuple)
    good_practice: tuple[GoodPracticeResult, ...] = field(default_factory=tuple)

    @property
    def answered(self) -> int:
        return sum(s.answered for s in self.sections())

    @property
    def total(self) -> int:
        return sum(s.total for s in self.sections())

    @property
    def percent_complete(self) -> int:
        return round(100 * self.answered / self.total) if self.total else 0

    @property
    def started(self) -> bool:
        return any(s.started for s in self.sections())

    def sections(self) -> list[SectionResult]:
        found: list[SectionResult] = [s for r in self.dspt for s in r.standards]
        found += [s for r in self.ce for s in r.sections]
        found += [s for r in self.good_practice for s in r.sections]
        return found


def _section_items(bank: Bank, draft: Draft, section: Section) -> tuple[ItemResult, ...]:
    return tuple(ItemResult(item, evaluate(bank, draft, item, draft.as_at)) for item in section.items)


def _needs_attention(result: ItemResult) -> bool:
    return result.state not in SATISFIED and result.state not in UNANSWERED


def score_dspt(bank: Bank, draft: Draft) -> DsptResult:
    standards: list[StandardResult] = []
    for section in bank.sections:
        results = _section_items(bank, draft, section)
        unmet = [r for r in results if r.state != "hidden" and r.state not in SATISFIED]
        approaching = tuple(r.item for r in unmet if r.item.required_for == "approaching")
        met = tuple(r.item for r in unmet if r.item.required_for == "met")
        earned: DsptStatus = (
            "Standards Not Met" if approaching else "Approaching Standards" if met else "Standards Met"
        )
        standards.append(StandardResult(section, results, earned, approaching, met))
    started = any(s.started for s in standards)
    overall: DsptStatus = (
        min((s.earned for s in standards), key=DSPT_ORDER.index, default="Standards Met")
        if started
        else "Not started"
    )
    return DsptResult(bank, tuple(standards), overall)


def score_ce(bank: Bank, draft: Draft) -> CeResult:
    sections = tuple(SectionResult(s, _section_items(bank, draft, s)) for s in bank.sections)
    shown = [r for s in sections for r in s.shown()]
    auto = tuple(r for r in shown if r.item.auto_fail and r.state == "not_met")
    other = tuple(r for r in shown if r.item.meets is not None and _needs_attention(r) and r not in auto)
    unanswered = tuple(r for r in shown if r.state == "unanswered")
    verdict: CeVerdict
    if not any(s.started for s in sections):
        verdict = "Not started"
    elif auto:
        verdict = "Would fail automatically"
    elif other:
        verdict = "Likely not compliant"
    elif unanswered:
        verdict = "Incomplete"
    else:
        verdict = "Likely to pass"
    return CeResult(bank, sections, verdict, auto, other, unanswered)


def score_good_practice(bank: Bank, draft: Draft) -> GoodPracticeResult:
    sections = tuple(SectionResult(s, _section_items(bank, draft, s)) for s in bank.sections)
    shown = [r for s in sections for r in s.shown()]
    findings = tuple(r for r in shown if _needs_attention(r))
    unanswered = tuple(r for r in shown if r.state == "unanswered")
    return GoodPracticeResult(bank, sections, findings, unanswered)


def included_banks(banks: list[Bank], draft: Draft) -> list[Bank]:
    """The banks of the frameworks the draft includes (all, if none chosen)."""
    chosen = [b for b in banks if b.framework.id in draft.frameworks]
    return chosen if draft.frameworks else list(banks)


def score(banks: list[Bank], draft: Draft) -> Assessment:
    dspt: list[DsptResult] = []
    ce: list[CeResult] = []
    good: list[GoodPracticeResult] = []
    for bank in included_banks(banks, draft):
        if bank.framework.scoring == "dspt":
            dspt.append(score_dspt(bank, draft))
        elif bank.framework.scoring == "cyber_essentials":
            ce.append(score_ce(bank, draft))
        else:
            good.append(score_good_practice(bank, draft))
    return Assessment(tuple(dspt), tuple(ce), tuple(good))
