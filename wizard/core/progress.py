"""How far each section has got, for the side list and the start page."""

from __future__ import annotations

from typing import Literal

from wizard.core.scoring import Assessment, SectionResult

SectionState = Literal["not_started", "in_progress", "done", "unmet"]
SECTION_STATE_WORDS: dict[SectionState, str] = {
    "not_started": "Not started",
    "in_progress": "In progress",
    "done": "Done",
    "unmet": "Has unmet mandatory items",
}


def section_state(result: SectionResult, every_item_required: bool) -> SectionState:
    """Unmet beats done: a required item answered 'no' or 'not sure' needs attention."""
    shown = result.shown()
    for r in shown:
        required = every_item_required or r.item.required_for is not None
        if required and r.state in ("not_met", "not_sure", "incomplete", "awaiting_provider"):
            return "unmet"
    answered = result.answered
    if answered == 0:
        return "not_started"
    return "done" if answered == len(shown) else "in_progress"


def section_states(assessment: Assessment) -> dict[str, SectionState]:
    """Section id -> state, for every section of every included framework."""
    states: dict[str, SectionState] = {}
    for dspt in assessment.dspt:
        for standard in dspt.standards:
            states[standard.section.id] = section_state(standard, every_item_required=False)
    for ce in assessment.ce:
        for section in ce.sections:
            states[section.section.id] = section_state(section, every_item_required=True)
    for good in assessment.good_practice:
        for section in good.sections:
            states[section.section.id] = section_state(section, every_item_required=False)
    return states
