"""Every answer type, defined once: how typed text is read, what value is valid, how it reads back.

``KINDS`` is the one table, keyed by the bank's ``type``. The wizard's pages
pick a widget by ``editor``; the commands read text with ``parse``; storing an
answer goes through ``coerce``; the report and the review page show ``display``.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Any, Literal

from wizard.core.bank.schema import AnswerType, Item
from wizard.core.dates import DateTextError, day_text, parse_day

Editor = Literal["buttons", "line", "text", "date", "number"]
_YES = {"yes", "y", "true"}
_NO = {"no", "n", "false"}


class AnswerError(ValueError):
    """The answer does not fit the question; the message says what would."""


def number_text(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def labels(item: Item, values: list[str]) -> str:
    return ", ".join(item.choice_label(v) for v in values)


def parse_date_text(text: str) -> str:
    """A typed date (15/09/2025, 15092025, 15/9/25, 2025-09-15) as ISO; anything else unchanged."""
    try:
        day = parse_day(text)
    except DateTextError:
        return text  # coerce gives the message
    return day.isoformat() if day else text


@dataclass(frozen=True)
class AnswerKind:
    """Plain text: the default behaviour every other kind refines."""

    editor: Editor = "text"
    several: bool = False  # several choices at once; choosing none of them is an answer too

    def options(self, item: Item) -> list[tuple[str, str]]:
        """(value, label) of each button, for the kinds answered by choosing."""
        return [(c.value, c.label) for c in item.choices or []]

    def unit(self, item: Item) -> str:
        return ""

    def parse(self, item: Item, text: str) -> Any:
        """Typed text (the command line's VALUE, a text box) as a value for ``coerce``."""
        return text

    def coerce(self, item: Item, value: Any) -> Any:
        """Check a value against the item; return it in its stored form, or raise AnswerError."""
        if not isinstance(value, str):
            raise AnswerError(f"{item.ref} needs text.")
        if item.max_length is not None and len(value) > item.max_length:
            raise AnswerError(f"{item.ref} allows at most {item.max_length} characters.")
        return value

    def display(self, item: Item, value: Any) -> str:
        """A stored value as a person would say it."""
        return str(value)

    def editor_for(self, item: Item) -> Editor:
        return self.editor


@dataclass(frozen=True)
class _Text(AnswerKind):
    def editor_for(self, item: Item) -> Editor:
        return "line" if (item.max_length or 1000) <= 200 else "text"


@dataclass(frozen=True)
class _YesNo(AnswerKind):
    editor: Editor = "buttons"

    def options(self, item: Item) -> list[tuple[str, str]]:
        return [("yes", "Yes"), ("no", "No")]

    def parse(self, item: Item, text: str) -> Any:
        lowered = text.strip().lower()
        return "yes" if lowered in _YES else "no" if lowered in _NO else text.strip()

    def coerce(self, item: Item, value: Any) -> Any:
        if value not in ("yes", "no"):
            raise AnswerError(f"{item.ref} needs Yes or No.")
        return str(value)

    def display(self, item: Item, value: Any) -> str:
        return str(value).capitalize()


@dataclass(frozen=True)
class _Choice(AnswerKind):
    editor: Editor = "buttons"

    def parse(self, item: Item, text: str) -> Any:
        lowered = text.strip().lower()
        for choice in item.choices or []:
            if lowered in (choice.value.lower(), choice.label.lower()):
                return choice.value
        return text.strip()

    def coerce(self, item: Item, value: Any) -> Any:
        if value not in item.choice_values:
            options = ", ".join(c.label for c in item.choices or [])
            raise AnswerError(f"{item.ref} needs one of: {options}.")
        return str(value)

    def display(self, item: Item, value: Any) -> str:
        return item.choice_label(str(value))


@dataclass(frozen=True)
class _MultiChoice(AnswerKind):
    editor: Editor = "buttons"
    several: bool = True

    def parse(self, item: Item, text: str) -> Any:
        by_word = {c.value.lower(): c.value for c in item.choices or []}
        by_word |= {c.label.lower(): c.value for c in item.choices or []}
        return [by_word.get(p, p) for p in (p.strip().lower() for p in text.split(",")) if p]

    def coerce(self, item: Item, value: Any) -> Any:
        if not isinstance(value, list) or any(v not in item.choice_values for v in value):
            raise AnswerError(f"{item.ref} needs a list of these choices: {', '.join(item.choice_values)}.")
        return [v for v in item.choice_values if v in value]  # bank order, no repeats

    def display(self, item: Item, value: Any) -> str:
        return labels(item, value) if isinstance(value, list) and value else "None selected"


@dataclass(frozen=True)
class _Number(AnswerKind):
    editor: Editor = "number"
    most: float | None = None  # a percentage is at most 100

    def unit(self, item: Item) -> str:
        return "%" if self.most == 100 else item.unit or ""

    def parse(self, item: Item, text: str) -> Any:
        cleaned = text.strip().rstrip("%").replace(",", "").strip()
        try:
            number = float(cleaned)
        except ValueError as exc:
            raise AnswerError(f"{item.ref} needs a number, not '{text.strip()}'.") from exc
        return int(number) if number.is_integer() else number

    def coerce(self, item: Item, value: Any) -> Any:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise AnswerError(f"{item.ref} needs a number.")
        if not math.isfinite(value) or value < 0:
            raise AnswerError(f"{item.ref} needs a number of 0 or more.")
        if self.most is not None and value > self.most:
            raise AnswerError(f"{item.ref} needs a percentage from 0 to 100.")
        return int(value) if float(value).is_integer() else float(value)

    def display(self, item: Item, value: Any) -> str:
        if not isinstance(value, int | float):
            return str(value)
        unit = self.unit(item)
        return f"{number_text(value)}%" if unit == "%" else f"{number_text(value)} {unit}".strip()


@dataclass(frozen=True)
class _Date(AnswerKind):
    editor: Editor = "date"

    def parse(self, item: Item, text: str) -> Any:
        return parse_date_text(text.strip())

    def coerce(self, item: Item, value: Any) -> Any:
        text = value.isoformat() if isinstance(value, dt.date) else value
        try:
            return dt.date.fromisoformat(str(text)).isoformat()
        except ValueError as exc:
            raise AnswerError(f"{item.ref} needs a date such as 2026-03-31.") from exc

    def display(self, item: Item, value: Any) -> str:
        try:
            return day_text(dt.date.fromisoformat(str(value)))
        except ValueError:
            return str(value)


KINDS: dict[AnswerType, AnswerKind] = {
    "yes_no": _YesNo(),
    "choice": _Choice(),
    "multi_choice": _MultiChoice(),
    "text": _Text(),
    "number": _Number(),
    "percent": _Number(most=100),
    "date": _Date(),
    "evidence": AnswerKind(),  # a statement, link or document name, with files attached beside it
}


def kind_of(item: Item) -> AnswerKind:
    return KINDS[item.type]
