"""Test helpers that answer questions the way a compliant practice would."""

from __future__ import annotations

import datetime as dt
from typing import Any

from wizard.core.answers import set_answer
from wizard.core.bank import Bank
from wizard.core.bank_schema import Item
from wizard.core.draft import Draft


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


def find_item(banks: list[Bank], ref_or_id: str) -> tuple[Bank, Item]:
    for bank in banks:
        item = bank.find(ref_or_id)
        if item is not None:
            return bank, item
    raise KeyError(ref_or_id)
