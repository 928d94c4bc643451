"""How complete an assessment is, in plain words: for the sign-off step, the cover and the declaration.

A pack with a mandatory question unanswered is marked Incomplete, so the ICB
never mistakes a partial assessment for a finished one. "Mandatory" means an
item a DSPT status depends on, or a Cyber Essentials question with a requirement.
"""

from __future__ import annotations

from dataclasses import dataclass

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


def completeness(assessment: Assessment, draft: Draft) -> Completeness:
    counted: list[tuple[ItemResult, str]] = [
        (r, "dspt") for d in assessment.dspt for s in d.standards for r in s.shown()
    ]
    counted += [(r, "cyber_essentials") for c in assessment.ce for s in c.sections for r in s.shown()]
    counted += [(r, "good_practice") for g in assessment.good_practice for s in g.sections for r in s.shown()]
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
    )
