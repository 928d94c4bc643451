"""Structured fields beside an answer: where each value lives, and what makes it valid.

A field that is ``shared`` is one fact of the practice (``practice.siro``) or of
the assessment (``facts.breaches_12m``) shown in several questions; it is kept
once in the draft, so every question (and the signed pack) shows the same value.
Other fields belong to their item's answer.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from typing import Any

from wizard.core.answer_types import parse_date_text
from wizard.core.bank.schema import FieldSpec, Item
from wizard.core.draft.model import Draft, FieldValue


class FieldError(ValueError):
    """The value does not fit the field; the message says what would."""


def read_field(draft: Draft, item: Item, spec: FieldSpec) -> FieldValue:
    if spec.shared is None:
        return draft.answer(item.id).fields.get(spec.id)
    scope, _, name = spec.shared.partition(".")
    if scope == "practice":
        value = getattr(draft.practice, name, None)
        return None if value in ("", None) else value
    return draft.facts.get(name)


def _number(spec: FieldSpec, value: Any) -> int | float:
    if isinstance(value, str):
        try:
            value = float(value.strip().replace(",", ""))
        except ValueError as exc:
            raise FieldError(f"“{spec.label}” needs a number.") from exc
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) or value < 0:
        raise FieldError(f"“{spec.label}” needs a number of 0 or more.")
    return int(value) if float(value).is_integer() else float(value)


def _date(spec: FieldSpec, value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value).strip()).isoformat()
    except ValueError as exc:
        raise FieldError(f"“{spec.label}” needs a date such as 2026-03-31.") from exc


def _rows(spec: FieldSpec, value: Any) -> list[dict[str, str]]:
    columns = [c.id for c in spec.columns or []]
    if not isinstance(value, list) or not all(isinstance(row, dict) for row in value):
        raise FieldError(f"“{spec.label}” needs a list of rows.")
    rows: list[dict[str, str]] = []
    for row in value:
        cleaned = {key: str(row.get(key, "")).strip() for key in columns}
        if any(cleaned.values()):
            rows.append(cleaned)
    return rows


def coerce_field(spec: FieldSpec, value: Any) -> FieldValue:
    """Check a value against the field; return it in its stored form (None: cleared)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if spec.type == "number":
        return _number(spec, value)
    if spec.type == "date":
        return _date(spec, value)
    if spec.type == "list":
        return _rows(spec, value) or None
    if not isinstance(value, str):
        raise FieldError(f"“{spec.label}” needs text.")
    return value


def parse_field_text(spec: FieldSpec, text: str) -> Any:
    """Typed text (the CLI's NAME=VALUE) to a value for ``write_field``: a list is given as JSON."""
    cleaned = text.strip()
    if spec.type == "date":
        return parse_date_text(cleaned)
    if spec.type == "list" and cleaned:
        try:
            return json.loads(cleaned)
        except json.JSONDecodeError as exc:
            raise FieldError(
                f'“{spec.label}” needs a JSON list of rows, e.g. [{{"service": "..."}}].'
            ) from exc
    return cleaned


def write_field(draft: Draft, item: Item, spec: FieldSpec, value: Any) -> FieldValue:
    """Record a field's value where it lives; raise FieldError when it does not fit."""
    stored = coerce_field(spec, value)
    if spec.shared is None:
        answer = draft.answer(item.id)
        fields = {key: v for key, v in answer.fields.items() if key != spec.id}
        if stored is not None:
            fields[spec.id] = stored
        draft.answers[item.id] = answer.changed(fields=fields)
        return stored
    scope, _, name = spec.shared.partition(".")
    if scope == "practice":
        blank: Any = None if name in ("staff_count", "computer_count") else ""
        draft.practice = draft.practice.model_copy(update={name: blank if stored is None else stored})
    elif stored is None:
        draft.facts.pop(name, None)
    else:
        draft.facts[name] = stored
    return stored


def field_shown(spec: FieldSpec, own_value: object) -> bool:
    """A field with ``when`` is asked only for those answers of its item."""
    return spec.when is None or own_value in spec.when


def field_text(spec: FieldSpec, value: FieldValue) -> str:
    """A field's value as a person would say it (dates stay ISO; the caller formats them)."""
    if value is None:
        return ""
    if isinstance(value, list):
        columns = spec.columns or []
        return "; ".join(", ".join(row.get(c.id, "") for c in columns if row.get(c.id)) for row in value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value} {spec.unit}" if spec.unit and isinstance(value, int | float) else str(value)
