"""How complete an assessment is, in plain words: for the sign-off step, the cover and the declaration.

A pack with a mandatory question unanswered is marked Incomplete, so the ICB
never mistakes a partial assessment for a finished one. "Mandatory" means an
item a DSPT status depends on, or a Cyber Essentials question with a requirement.
"""

from __future__ import annotations

from dataclasses import dataclass

from wizard.core.dates import day_text
from wizard.core.describe import plural
from wizard.core.draft.model import Draft
from wizard.core.scoring import Assessment, ItemResult

_NOT_YET = frozenset({"unanswered", "incomplete", "awaiting_provider"})


@dataclass(frozen=True)
class Completeness:
    mandatory_missing: int  # mandatory questions not answered, incomplete or waiting for the IT provider
    missing: int  # every question in that position
    not_sure: int
    not_met: int
    by_provider: int  # answers given by the IT provider
    copied: int = 0  # of the missing, answers copied from an earlier assessment and not confirmed

    @property
    def complete(self) -> bool:
        return self.mandatory_missing == 0

    def lines(self) -> list[str]:
        """What the signer must know before signing, each as a sentence."""
        found: list[str] = []
        if self.missing:
            mandatory = f" ({self.mandatory_missing} of them mandatory)" if self.mandatory_missing else ""
            found.append(
                f"{plural(self.missing, 'question is', 'questions are')} not answered yet{mandatory}."
            )
        if self.copied:
            found.append(
                f"{plural(self.copied, 'answer was', 'answers were')} copied from the last assessment and "
                "not yet confirmed: they count as not answered."
            )
        if self.not_sure:
            found.append(f"{plural(self.not_sure, 'question is', 'questions are')} marked “not sure”.")
        if self.not_met:
            found.append(
                f"{plural(self.not_met, 'question is', 'questions are')} answered so that it is not met."
            )
        return found or ["Every question is answered, and none is not met or not sure."]


def _mandatory(result: ItemResult, scoring: str) -> bool:
    if scoring == "dspt":
        return result.item.required_for is not None
    return scoring == "cyber_essentials" and result.item.meets is not None


def _asked(assessment: Assessment) -> list[tuple[ItemResult, str]]:
    """Every question shown, with how its framework is scored."""
    counted: list[tuple[ItemResult, str]] = [
        (r, "dspt") for d in assessment.dspt for s in d.standards for r in s.shown()
    ]
    counted += [(r, "cyber_essentials") for c in assessment.ce for s in c.sections for r in s.shown()]
    counted += [(r, "good_practice") for g in assessment.good_practice for s in g.sections for r in s.shown()]
    return counted


def still_to_confirm(assessment: Assessment) -> str | None:
    """What the wizard says while copied answers wait to be looked at, or None once none do.

    Only questions that are asked count: a copy under a question the scope now
    hides could never be confirmed, and must not hold the message up for ever.
    """
    days = [r.evaluation.copied_from for r, _ in _asked(assessment) if r.evaluation.copied_from is not None]
    if not days:
        return None
    some = "1 answer copied" if len(days) == 1 else f"{len(days)} answers copied"
    return (
        f"{some} from the assessment as at {day_text(max(days))} still to confirm: press “Still true” "
        "on each, or change it. Until then they count as not answered."
    )


def completeness(assessment: Assessment, draft: Draft) -> Completeness:
    counted = _asked(assessment)
    missing = [(r, kind) for r, kind in counted if r.state in _NOT_YET]
    return Completeness(
        mandatory_missing=sum(1 for r, kind in missing if _mandatory(r, kind)),
        missing=len(missing),
        not_sure=sum(1 for r, _ in counted if r.state == "not_sure"),
        not_met=sum(1 for r, _ in counted if r.state == "not_met"),
        by_provider=sum(
            1
            for r, _ in counted
            if draft.answer(r.item.id).provider is not None and r.evaluation.value is not None
        ),
        copied=sum(1 for r, _ in missing if r.evaluation.copied_from is not None),
    )
