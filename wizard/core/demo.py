"""A realistic demo assessment: for screenshots, benchmarks and the self-test.

Riverside Surgery answers most items as a well-run practice would, with a few
honest gaps (a missed training target, an untested backup, one Cyber
Essentials automatic fail) so every part of the review and the pack shows.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from wizard.core.answers import set_answer, set_note
from wizard.core.bank import Bank
from wizard.core.bank_schema import Item
from wizard.core.draft import Draft, Practice, new_draft

DEMO_PRACTICE = Practice(
    name="Riverside Surgery",
    ods_code="A12345",
    address="1 Mill Lane, Riverside, RV1 2AB",
    siro="Dr Amelia Shah (GP partner)",
    caldicott_guardian="Dr Tom Okafor",
    dpo="ICB Data Protection Officer service",
    ig_lead="Sam Patel (practice manager)",
    it_provider="ICB commissioned IT service",
    ico_registration="Z1234567",
    staff_count=24,
    computer_count=18,
)

# ref -> (value or status word, note): the practice's honest gaps.
DEMO_GAPS: dict[str, tuple[Any, str]] = {
    "3.2.1": (82, "Four new receptionists still to finish the e-learning."),
    "7.3.4": ("not_sure", "The IT provider says backups run nightly; no restore test seen."),
    "A6.5": ("no", "Two reception PCs have an old PDF reader waiting for an update."),
}


def compliant_value(bank: Bank, item: Item, today: dt.date) -> Any:
    """An answer that meets the item's rule, read from the bank's own data."""
    rule = item.meets
    if item.type == "yes_no":
        return rule.equals if rule and rule.equals else "yes"
    if item.type == "choice":
        if rule and rule.equals:
            return rule.equals
        if rule and rule.in_:
            return rule.in_[0]
        return item.choice_values[0]
    if item.type == "multi_choice":
        if rule and rule.all_of:
            return list(rule.all_of)
        banned = set(rule.none_of or []) if rule else set()
        return [v for v in item.choice_values if v not in banned][:1]
    if item.type in ("number", "percent"):
        if rule and rule.min is not None:
            return bank.number(rule.min)
        if rule and rule.max is not None:
            return bank.number(rule.max)
        return 12
    if item.type == "date":
        return today.isoformat()
    text = "Kept in the practice's IG folder; reviewed by the practice manager."
    return text[: item.max_length] if item.max_length else text


def answer_everything(banks: list[Bank], draft: Draft, today: dt.date) -> None:
    for bank in banks:
        for item in bank.items():
            set_answer(draft, item, compliant_value(bank, item, today))


def demo_draft(banks: list[Bank], today: dt.date | None = None, gaps: bool = True) -> Draft:
    day = today or dt.date.today()
    draft = new_draft(DEMO_PRACTICE.name, DEMO_PRACTICE.ods_code, [b.framework.id for b in banks])
    draft.practice = DEMO_PRACTICE.model_copy()
    answer_everything(banks, draft, day)
    if gaps:
        for bank in banks:
            for ref, (value, note) in DEMO_GAPS.items():
                item = bank.find(ref)
                if item is None:
                    continue
                if value == "not_sure":
                    set_answer(draft, item, None, "not_sure")
                else:
                    set_answer(draft, item, value)
                set_note(draft, item, note)
    return draft
