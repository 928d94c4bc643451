"""Which items are asked: ``show_if`` applied to the answers so far.

An item is shown when the item it depends on is shown and answered with a
value its rule accepts. Hidden items are neither asked nor scored.
"""

from __future__ import annotations

from wizard.core.bank.model import Bank
from wizard.core.bank.schema import Item
from wizard.core.draft.model import Draft


def is_visible(bank: Bank, draft: Draft, item: Item) -> bool:
    seen: set[str] = set()
    current = item
    while current.show_if is not None:
        if current.id in seen:  # the validator refuses cycles; stay safe anyway
            return False
        seen.add(current.id)
        target = bank.item(current.show_if.item)
        if target is None:
            return False
        answer = draft.answer(target.id)
        value = answer.value if answer.status == "answered" else None
        if not current.show_if.accepts(value):
            return False
        current = target
    return True
