"""Test helpers: answering questions as a compliant practice would."""

from __future__ import annotations

from wizard.core.bank.model import Bank
from wizard.core.bank.schema import Item
from wizard.core.demo import answer_everything, compliant_value

__all__ = ["answer_everything", "compliant_value", "find_item"]


def find_item(banks: list[Bank], ref_or_id: str) -> tuple[Bank, Item]:
    for bank in banks:
        item = bank.find(ref_or_id)
        if item is not None:
            return bank, item
    raise KeyError(ref_or_id)
