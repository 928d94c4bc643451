"""Rules for the parts of an item beside its answer: fields, bound facts, derived ticks.

These keep the structured answers honest: a shared fact means the same thing
(and has the same type) wherever it is asked, a derived tick only uses number
fields of its own item, and a "not applicable" rule only names facts the bank
actually asks.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from typing import Literal

from wizard.core.bank.schema import BankFile, Bound, FieldSpec, Item
from wizard.core.bank.yaml_source import Path_
from wizard.core.practice import Practice

Finding = tuple[Path_, str, Literal["error", "warning"]]

_NUMBER_PRACTICE = {"staff_count", "computer_count"}


def practice_fact_type(name: str) -> str | None:
    """'text' or 'number' for a practice detail the draft keeps, None if there is no such detail."""
    if name not in Practice.model_fields:
        return None
    return "number" if name in _NUMBER_PRACTICE else "text"


def _item_path(si: int, ii: int, *rest: str | int) -> Path_:
    return ("sections", si, "items", ii, *rest)


def _bound_names(bound: Bound | None) -> list[object]:
    if bound is None:
        return []
    return list(bound.values()) if isinstance(bound, dict) else [bound]


def _field_findings(
    path: Path_, spec: FieldSpec, thresholds: Collection[str], answers: tuple[str, ...] | None
) -> Iterator[Finding]:
    if spec.type == "list" and not spec.columns:
        yield path, "a 'list' field needs 'columns'", "error"
    if spec.type != "list" and spec.columns:
        yield (*path, "columns"), f"only a 'list' field can have columns, not a '{spec.type}' field", "error"
    for key, bound in (("min", spec.min), ("max", spec.max)):
        if bound is not None and spec.type != "number":
            yield (*path, key), f"only a 'number' field can have '{key}'", "error"
        if isinstance(bound, dict):
            for value in bound:
                if answers is None or value not in answers:
                    message = f"'{value}' is not one of the item's answers, so it cannot set a bound"
                    yield (*path, key), message, "error"
        for name in _bound_names(bound):
            if isinstance(name, str) and name not in thresholds:
                yield (*path, key), f"'{name}' is not one of the bank's thresholds", "error"
    if spec.within_days is not None and spec.type != "date":
        yield (*path, "within_days"), "only a 'date' field can have 'within_days'", "error"
    if isinstance(spec.within_days, str) and spec.within_days not in thresholds:
        yield (*path, "within_days"), f"'{spec.within_days}' is not one of the bank's thresholds", "error"
    for value in spec.when or []:
        if answers is None or value not in answers:
            yield (*path, "when"), f"'when: {value}' is not a possible answer of this item", "error"
    if spec.shared and spec.shared.startswith("practice."):
        kind = practice_fact_type(spec.shared.removeprefix("practice."))
        if kind is None:
            yield (*path, "shared"), f"'{spec.shared}' is not one of the practice details", "error"
        elif kind != spec.type:
            message = f"'{spec.shared}' is a {kind} detail, so the field must be a '{kind}' field"
            yield (*path, "shared"), message, "error"
    if spec.shared and spec.when:
        yield (*path, "when"), "a shared fact is asked whatever the answer: it cannot have 'when'", "error"


def _fields(si: int, ii: int, item: Item, thresholds: Collection[str]) -> Iterator[Finding]:
    answers: tuple[str, ...] | None = None
    if item.type == "yes_no":
        answers = ("yes", "no")
    elif item.type in ("choice", "multi_choice"):
        answers = tuple(item.choice_values)
    seen: set[str] = set()
    for fi, spec in enumerate(item.fields):
        path = _item_path(si, ii, "fields", fi)
        if spec.id in seen:
            yield path, f"field '{spec.id}' is listed twice", "error"
        seen.add(spec.id)
        yield from _field_findings(path, spec, thresholds, answers)


def _binds(si: int, ii: int, item: Item) -> Iterator[Finding]:
    if item.binds is None:
        return
    path = _item_path(si, ii, "binds")
    kind = practice_fact_type(item.binds.removeprefix("practice."))
    if kind is None:
        yield path, f"'{item.binds}' is not one of the practice details", "error"
    elif kind != "text" or item.type != "text":
        yield path, "only a 'text' item can show a practice detail as its answer", "error"


def _derived(si: int, ii: int, item: Item, thresholds: Collection[str]) -> Iterator[Finding]:
    rule = item.derived
    if rule is None:
        return
    path = _item_path(si, ii, "derived")
    if item.type != "yes_no":
        yield path, "only a 'yes_no' item can be derived from its fields", "error"
    numbers = {f.id for f in item.fields if f.type == "number"}
    for name in (rule.percent.part, rule.percent.whole, rule.percent.less):
        if name is not None and name not in numbers:
            yield path, f"'{name}' is not a number field of this item", "error"
    if isinstance(rule.min, str) and rule.min not in thresholds:
        yield path, f"'{rule.min}' is not one of the bank's thresholds", "error"


def _shared_facts(bank: BankFile) -> Iterator[Finding]:
    """A shared fact has one type wherever it is asked; 'not applicable' names asked facts."""
    types: dict[str, str] = {}
    for si, section in enumerate(bank.sections):
        for ii, item in enumerate(section.items):
            for fi, spec in enumerate(item.fields):
                if spec.shared is None:
                    continue
                known = types.setdefault(spec.shared, spec.type)
                if known != spec.type:
                    yield (
                        _item_path(si, ii, "fields", fi),
                        f"'{spec.shared}' is asked as a '{known}' elsewhere in this bank",
                        "error",
                    )
    for si, section in enumerate(bank.sections):
        for ii, item in enumerate(section.items):
            rule = item.not_applicable_if
            if rule is None:
                continue
            own = {f.id for f in item.fields if f.type == "number"}
            for name in rule.zero:
                if name not in own and types.get(name) != "number":
                    yield (
                        _item_path(si, ii, "not_applicable_if"),
                        f"'{name}' is not a number this bank asks (a field of this item or a shared fact)",
                        "error",
                    )


def check_item_parts(bank: BankFile) -> Iterator[Finding]:
    thresholds = bank.thresholds.keys()
    for si, section in enumerate(bank.sections):
        for ii, item in enumerate(section.items):
            yield from _fields(si, ii, item, thresholds)
            yield from _binds(si, ii, item)
            yield from _derived(si, ii, item, thresholds)
    yield from _shared_facts(bank)
