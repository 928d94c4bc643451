"""A realistic demo assessment: for screenshots, benchmarks and the self-test.

Riverside Surgery answers most items as a well-run practice would, with a few
honest gaps (a missed training target, an untested backup, one Cyber
Essentials automatic fail, a good-practice item not met) so every part of the
review and the pack shows. Everything is read from the banks' own data, so a
changed bank still gives a compliant answer for each item.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from wizard.core.bank.model import Bank
from wizard.core.bank.schema import FieldSpec, Item
from wizard.core.demo_text import DEMO_ANSWERS
from wizard.core.draft.answers import set_answer, set_note, set_provider
from wizard.core.draft.fields import field_shown, read_field, write_field
from wizard.core.draft.model import Draft, SignOff, new_draft
from wizard.core.practice import Practice

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
DEMO_TEXT = "Kept in the practice's IG folder; reviewed by the practice manager."
# Incidents in the 12 months before the as-at date: one near miss, no breaches.
DEMO_FACTS: dict[str, Any] = {"breaches_12m": 0, "near_misses_12m": 1, "reported_12m": 0}

# ref -> (value, note): the practice's honest gaps. A dict value sets fields.
DEMO_GAPS: dict[str, tuple[Any, str]] = {
    "3.2.1": ({"with_access": 24, "completed": 20}, "Four new receptionists still to finish the e-learning."),
    "7.3.4": ("not_sure", "The IT provider says backups run nightly; no restore test seen."),
    "A6.5": ("no", "Two reception PCs have an old PDF reader waiting for an update."),
    "GP5": ("connected", "The ECG PC in clinic room 2 runs Windows 7 and is on the network."),
}
# ref: an answer the IT provider gave, recorded with who and when.
DEMO_PROVIDER_REFS = ("6.2.1", "A4.1")


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
    text = DEMO_ANSWERS.get(item.ref, DEMO_TEXT)
    return text[: item.max_length] if item.max_length else text


def compliant_field(bank: Bank, spec: FieldSpec, own: object, today: dt.date) -> Any:
    """A value for a field that meets its bounds (None: leave it empty)."""
    if spec.type == "date":
        return today.isoformat()
    if spec.type == "text":
        return DEMO_TEXT
    if spec.type == "list":
        return None  # a list of exceptions: none is the good answer
    bound = spec.max if spec.max is not None else spec.min  # "at most 10 attempts": 10, not 1
    if isinstance(bound, dict):
        bound = bound.get(str(own))
    if bound is not None:
        return bank.number(bound)
    return 24


def _fill_fields(bank: Bank, draft: Draft, item: Item, own: object, today: dt.date) -> None:
    for spec in item.fields:
        if not field_shown(spec, own) or read_field(draft, item, spec) is not None:
            continue
        if item.derived is not None and spec.id == item.derived.percent.part:
            continue  # filled once the whole is known, below
        value = compliant_field(bank, spec, own, today)
        if value is not None and spec.required:
            write_field(draft, item, spec, value)
    if item.derived is not None:
        whole = item.field(item.derived.percent.whole)
        part = item.field(item.derived.percent.part)
        if whole is not None and part is not None:
            write_field(draft, item, part, read_field(draft, item, whole))


def answer_everything(banks: list[Bank], draft: Draft, today: dt.date) -> None:
    for bank in banks:
        for item in bank.items():
            own: object = None
            already = item.binds is not None and getattr(draft.practice, item.binds.removeprefix("practice."))
            if item.derived is None and not already:
                own = compliant_value(bank, item, today)
                set_answer(draft, item, own)
            _fill_fields(bank, draft, item, own, today)


def _apply_gap(bank: Bank, draft: Draft, item: Item, value: Any, note: str) -> None:
    if value == "not_sure":
        set_answer(draft, item, None, "not_sure")
    elif isinstance(value, dict):
        for field_id, field_value in value.items():
            spec = item.field(field_id)
            if spec is not None:
                write_field(draft, item, spec, field_value)
    else:
        set_answer(draft, item, value)
    set_note(draft, item, note)


def demo_draft(banks: list[Bank], today: dt.date | None = None, gaps: bool = True) -> Draft:
    day = today or dt.date.today()
    draft = new_draft(DEMO_PRACTICE.name, DEMO_PRACTICE.ods_code, [b.framework.id for b in banks], as_at=day)
    draft.practice = DEMO_PRACTICE.model_copy()
    draft.facts.update(DEMO_FACTS)
    draft.sign_off = SignOff(
        name="Dr Amelia Shah", role="SIRO and GP partner", reviewed=True, plan_committed=True
    )
    answer_everything(banks, draft, day)
    for bank in banks:
        for ref in DEMO_PROVIDER_REFS:
            item = bank.find(ref)
            if item is not None and item.it_provider:
                set_provider(draft, item, "ICB IT", day - dt.timedelta(days=20))
        if gaps:
            for ref, (value, note) in DEMO_GAPS.items():
                item = bank.find(ref)
                if item is not None:
                    _apply_gap(bank, draft, item, value, note)
    return draft
