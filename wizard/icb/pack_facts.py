"""What the ICB reads from one good pack: statuses, how far it got, and what is still to do.

Everything comes from the pack's confirmed summary and its answers (already
checked against each other by ``verify``), scored again with the question
banks the summary names, so the action count and the unmet items are the
ones the practice's own report shows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from wizard.core.action_plan import build_action_plan
from wizard.core.bank.model import Bank
from wizard.core.scoring import Assessment, score
from wizard.pack.summary_check import SummaryMismatchError, named_banks
from wizard.pack.verdict import Verdict


@dataclass(frozen=True)
class UnmetItem:
    framework: str  # short name: "DSPT", "Cyber Essentials"
    ref: str
    question: str


CE_NOT_TAKEN = "Not taken"  # the pack holds no Cyber Essentials assessment


@dataclass(frozen=True)
class PackFacts:
    practice: str
    ods: str
    document_id: str
    dspt: tuple[str, ...]  # overall status per DSPT framework (one, in practice)
    standards: dict[str, str]  # DSPT standard ref -> status
    ce: tuple[str, ...]  # Cyber Essentials verdict per framework
    answered_percent: int
    auto_fails: tuple[str, ...]
    actions: int  # open entries of the action plan (done ones left out)
    unmet: tuple[UnmetItem, ...]

    @property
    def ce_shown(self) -> tuple[str, ...]:
        """Each Cyber Essentials verdict, or "Not taken" when the practice has not taken it on."""
        return self.ce or (CE_NOT_TAKEN,)


def _unmet(result: Assessment) -> list[UnmetItem]:
    """Mandatory DSPT items not met, Cyber Essentials requirements not met, good-practice findings."""
    found: list[UnmetItem] = []
    for dspt in result.dspt:
        name = dspt.bank.framework.short_name
        for standard in dspt.standards:
            found += [
                UnmetItem(name, i.ref, i.question) for i in standard.unmet_approaching + standard.unmet_met
            ]
    for ce in result.ce:
        found += [
            UnmetItem(ce.bank.framework.short_name, r.item.ref, r.item.question)
            for r in ce.auto_fails + ce.not_compliant
        ]
    for good in result.good_practice:
        found += [
            UnmetItem(good.bank.framework.short_name, r.item.ref, r.item.question) for r in good.findings
        ]
    return found


def pack_facts(verdict: Verdict, banks: Sequence[Bank]) -> PackFacts | None:
    """The facts of a pack whose summary verify confirmed; None when it could not (nothing is guessed)."""
    summary, draft = verdict.summary, verdict.draft
    if not summary or draft is None:
        return None
    try:
        result = score(named_banks(summary, banks), draft)
    except SummaryMismatchError:
        return None
    dspt = summary.get("dspt", [])
    ce = summary.get("cyber_essentials", [])
    plan = build_action_plan(result, draft)
    return PackFacts(
        practice=str(summary.get("practice", "")),
        ods=str(summary.get("ods_code", "")),
        document_id=str(summary.get("document_id", "")),
        dspt=tuple(str(d.get("status", "")) for d in dspt),
        standards={str(k): str(v) for k, v in (dspt[0].get("standards", {}) if dspt else {}).items()},
        ce=tuple(str(c.get("verdict", "")) for c in ce),
        answered_percent=int(summary.get("answered_percent", 0)),
        auto_fails=tuple(str(ref) for c in ce for ref in c.get("auto_fails", [])),
        actions=sum(1 for entry in plan if not entry.done),
        unmet=tuple(_unmet(result)),
    )
