"""The state of one item given its answer: met, not met, not sure..."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from wizard.core.bank import Bank
from wizard.core.bank_schema import Item
from wizard.core.draft import Answer, Draft
from wizard.core.visibility import is_visible

ItemState = Literal["met", "not_met", "not_sure", "unanswered", "it_provider", "hidden"]
SATISFIED: frozenset[str] = frozenset({"met", "it_provider"})


def has_content(item: Item, answer: Answer) -> bool:
    """Answered with something: a value, or for evidence items a file."""
    if item.type == "evidence" and answer.evidence:
        return True
    value = answer.value
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, list):
        return item.type == "multi_choice"  # an empty selection is an answer
    return True


def is_answered(item: Item, answer: Answer) -> bool:
    if answer.status in ("not_sure", "it_provider"):
        return True
    return has_content(item, answer)


def meets(bank: Bank, item: Item, answer: Answer, today: dt.date) -> bool:
    """Does a given answer meet the item's rule? (An item without one: any answer.)"""
    rule = item.meets
    value = answer.value
    if rule is None:
        return has_content(item, answer)
    if rule.equals is not None and value != rule.equals:
        return False
    if rule.in_ is not None and value not in rule.in_:
        return False
    if rule.all_of is not None or rule.none_of is not None:
        chosen = set(value) if isinstance(value, list) else set()
        if not chosen:  # an empty selection shows nothing is in place
            return False
        if rule.all_of is not None and not set(rule.all_of) <= chosen:
            return False
        if rule.none_of is not None and chosen & set(rule.none_of):
            return False
    if rule.min is not None or rule.max is not None:
        if not isinstance(value, int | float) or isinstance(value, bool):
            return False
        if rule.min is not None and value < bank.number(rule.min):
            return False
        if rule.max is not None and value > bank.number(rule.max):
            return False
    if rule.not_empty and not has_content(item, answer):
        return False
    if rule.within_days is not None:
        try:
            when = dt.date.fromisoformat(str(value))
        except ValueError:
            return False
        age = (today - when).days
        if not 0 <= age <= bank.number(rule.within_days):
            return False
    return True


def item_state(bank: Bank, draft: Draft, item: Item, today: dt.date) -> ItemState:
    if not is_visible(bank, draft, item):
        return "hidden"
    answer = draft.answer(item.id)
    if answer.status == "not_sure":
        return "not_sure"
    if answer.status == "it_provider":
        return "it_provider" if item.it_provider else "unanswered"
    if not is_answered(item, answer):
        return "unanswered"
    return "met" if meets(bank, item, answer, today) else "not_met"


def scoring_date(draft: Draft) -> dt.date:
    return draft.assessment_date or dt.date.today()
