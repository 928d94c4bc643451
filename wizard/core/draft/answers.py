"""Check and record answers: the one path every page and CLI command uses."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from wizard.core.bank.schema import Item
from wizard.core.dates import DateTextError, parse_day
from wizard.core.draft.model import Answer, AnswerStatus, AnswerValue, Draft, ProviderRecord, now

_YES = {"yes", "y", "true"}
_NO = {"no", "n", "false"}
NOT_SURE_WORDS = {"not-sure", "not sure", "notsure", "unsure", "?"}
CLEAR_WORDS = {"clear", "none", ""}


class AnswerError(ValueError):
    """The answer does not fit the question; the message says what would."""


def _number(item: Item, value: Any) -> float | int:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise AnswerError(f"{item.ref} needs a number.")
    if not math.isfinite(value) or value < 0:
        raise AnswerError(f"{item.ref} needs a number of 0 or more.")
    if item.type == "percent" and value > 100:
        raise AnswerError(f"{item.ref} needs a percentage from 0 to 100.")
    return int(value) if float(value).is_integer() else float(value)


def coerce_value(item: Item, value: Any) -> AnswerValue:
    """Check a typed value against the item; return it in its stored form."""
    kind = item.type
    if kind == "yes_no":
        if value not in ("yes", "no"):
            raise AnswerError(f"{item.ref} needs Yes or No.")
        return str(value)
    if kind == "choice":
        if value not in item.choice_values:
            options = ", ".join(c.label for c in item.choices or [])
            raise AnswerError(f"{item.ref} needs one of: {options}.")
        return str(value)
    if kind == "multi_choice":
        if not isinstance(value, list) or any(v not in item.choice_values for v in value):
            options = ", ".join(item.choice_values)
            raise AnswerError(f"{item.ref} needs a list of these choices: {options}.")
        return [v for v in item.choice_values if v in value]  # bank order, no repeats
    if kind in ("number", "percent"):
        return _number(item, value)
    if kind == "date":
        text = value.isoformat() if isinstance(value, dt.date) else value
        try:
            return dt.date.fromisoformat(str(text)).isoformat()
        except ValueError as exc:
            raise AnswerError(f"{item.ref} needs a date such as 2026-03-31.") from exc
    if not isinstance(value, str):
        raise AnswerError(f"{item.ref} needs text.")
    if item.max_length is not None and len(value) > item.max_length:
        raise AnswerError(f"{item.ref} allows at most {item.max_length} characters.")
    return value


def parse_date_text(text: str) -> str:
    """A typed date (15/09/2025, 15092025, 15/9/25, 2025-09-15) as ISO; anything else unchanged."""
    try:
        day = parse_day(text)
    except DateTextError:
        return text  # coerce_value gives the message
    return day.isoformat() if day else text


def parse_text(item: Item, text: str) -> Any:
    """Turn typed text (the CLI's VALUE) into a typed value for ``coerce_value``."""
    cleaned = text.strip()
    lowered = cleaned.lower()
    if item.type == "yes_no":
        return "yes" if lowered in _YES else "no" if lowered in _NO else cleaned
    if item.type == "choice":
        for choice in item.choices or []:
            if lowered in (choice.value.lower(), choice.label.lower()):
                return choice.value
        return cleaned
    if item.type == "multi_choice":
        parts = [p.strip().lower() for p in cleaned.split(",") if p.strip()]
        by_word = {c.value.lower(): c.value for c in item.choices or []}
        by_word |= {c.label.lower(): c.value for c in item.choices or []}
        return [by_word.get(p, p) for p in parts]
    if item.type in ("number", "percent"):
        try:
            number = float(cleaned.rstrip("%").replace(",", ""))
        except ValueError as exc:
            raise AnswerError(f"{item.ref} needs a number, not '{cleaned}'.") from exc
        return int(number) if number.is_integer() else number
    if item.type == "date":
        return parse_date_text(cleaned)
    return text


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
    updated = current.model_copy(update={"value": stored, "status": status, "updated_at": now()})
    draft.answers[item.id] = updated
    return updated


def clear_answer(draft: Draft, item: Item) -> None:
    current = draft.answer(item.id)
    if item.binds is not None and current.status != "not_sure":
        draft.practice = draft.practice.model_copy(update={item.binds.removeprefix("practice."): ""})
    draft.answers[item.id] = current.model_copy(update={"value": None, "status": None, "updated_at": now()})


def set_provider(draft: Draft, item: Item, name: str, given_on: dt.date | None) -> Answer:
    """Record that the IT provider gave this answer: who, and the day they gave it.

    It records only who answered: the provider's answer itself is set with
    ``set_answer`` like any other, and the item is not met without it.
    """
    if not item.it_provider:
        raise AnswerError(f"{item.ref} is not one our IT provider answers; please answer it here.")
    current = draft.answer(item.id)
    record = ProviderRecord(name=name.strip(), given_on=given_on)
    updated = current.model_copy(update={"provider": record, "updated_at": now()})
    draft.answers[item.id] = updated
    return updated


def clear_provider(draft: Draft, item: Item) -> None:
    current = draft.answer(item.id)
    draft.answers[item.id] = current.model_copy(update={"provider": None, "updated_at": now()})


def set_note(draft: Draft, item: Item, note: str) -> None:
    current = draft.answer(item.id)
    draft.answers[item.id] = current.model_copy(update={"note": note, "updated_at": now()})


def answer_from_text(draft: Draft, item: Item, text: str) -> Answer | None:
    """The CLI's ``answer`` command: words for not sure / clear."""
    lowered = text.strip().lower()
    if lowered in NOT_SURE_WORDS:
        return set_answer(draft, item, None, "not_sure")
    if lowered in CLEAR_WORDS and item.type not in ("text", "evidence"):
        clear_answer(draft, item)
        return None
    return set_answer(draft, item, parse_text(item, text))
