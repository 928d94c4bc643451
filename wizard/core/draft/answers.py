"""Check and record answers: the one path every page and CLI command uses."""

from __future__ import annotations

import datetime as dt
from typing import Any

from wizard.core.answer_types import AnswerError, kind_of
from wizard.core.bank.schema import Item
from wizard.core.draft.model import Answer, AnswerStatus, AnswerValue, Draft, ProviderRecord

NOT_SURE_WORDS = {"not-sure", "not sure", "notsure", "unsure", "?"}
CLEAR_WORDS = {"clear", "none", ""}


def coerce_value(item: Item, value: Any) -> AnswerValue:
    """Check a typed value against the item; return it in its stored form."""
    stored: AnswerValue = kind_of(item).coerce(item, value)
    return stored


def parse_text(item: Item, text: str) -> Any:
    """Turn typed text (the CLI's VALUE) into a typed value for ``coerce_value``."""
    return kind_of(item).parse(item, text)


def set_answer(draft: Draft, item: Item, value: Any, status: AnswerStatus = "answered") -> Answer:
    """Record an answer (or "not sure"). A question that shows a practice detail edits that detail."""
    stored: AnswerValue = None
    if status == "answered":
        stored = coerce_value(item, value)
        if item.binds is not None:
            name = item.binds.removeprefix("practice.")
            draft.practice = draft.practice.model_copy(update={name: str(stored).strip()})
            stored = None
    current = draft.answer(item.id)
    updated = current.changed(value=stored, status=status)
    draft.answers[item.id] = updated
    return updated


def clear_answer(draft: Draft, item: Item) -> None:
    current = draft.answer(item.id)
    if item.binds is not None and current.status != "not_sure":
        draft.practice = draft.practice.model_copy(update={item.binds.removeprefix("practice."): ""})
    draft.answers[item.id] = current.changed(value=None, status=None)


def set_provider(draft: Draft, item: Item, name: str, given_on: dt.date | None) -> Answer:
    """Record that the IT provider gave this answer: who, and the day they gave it.

    It records only who answered: the provider's answer itself is set with
    ``set_answer`` like any other, and the item is not met without it.
    """
    if not item.it_provider:
        raise AnswerError(f"{item.ref} is not one our IT provider answers; please answer it here.")
    current = draft.answer(item.id)
    record = ProviderRecord(name=name.strip(), given_on=given_on)
    updated = current.changed(provider=record)
    draft.answers[item.id] = updated
    return updated


def clear_provider(draft: Draft, item: Item) -> None:
    current = draft.answer(item.id)
    draft.answers[item.id] = current.changed(provider=None)


def set_note(draft: Draft, item: Item, note: str) -> None:
    current = draft.answer(item.id)
    draft.answers[item.id] = current.changed(note=note)


def answer_from_text(draft: Draft, item: Item, text: str) -> Answer | None:
    """The CLI's ``answer`` command: words for not sure / clear."""
    lowered = text.strip().lower()
    if lowered in NOT_SURE_WORDS:
        return set_answer(draft, item, None, "not_sure")
    if lowered in CLEAR_WORDS and item.type not in ("text", "evidence"):
        clear_answer(draft, item)
        return None
    return set_answer(draft, item, parse_text(item, text))


def confirm_answer(draft: Draft, item: Item) -> None:
    """The practice has looked again at an answer copied from an earlier assessment, and it still holds."""
    current = draft.answer(item.id)
    if current.carried_from is not None:
        draft.answers[item.id] = current.changed()
