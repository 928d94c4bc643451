"""Rules that look across a bank: unique ids, show_if targets, fitting meets rules.

Each rule yields ``(path, message, severity)``; the loader turns paths into
line numbers, so a problem always names where to look.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from typing import Literal

from wizard.core.bank.fields import check_item_parts
from wizard.core.bank.schema import FORM_OF_TYPE, BankFile, Item
from wizard.core.bank.yaml_source import Path_

Finding = tuple[Path_, str, Literal["error", "warning"]]

YES_NO = ("yes", "no")
_MEETS_FOR_TYPE: dict[str, set[str]] = {
    "yes_no": {"equals"},
    "choice": {"equals", "in"},
    "multi_choice": {"all_of", "none_of"},
    "text": {"not_empty"},
    "evidence": {"not_empty"},
    "number": {"min", "max"},
    "percent": {"min", "max"},
    "date": {"within_days"},
}


def _item_path(si: int, ii: int, *rest: str | int) -> Path_:
    return ("sections", si, "items", ii, *rest)


def _valid_values(item: Item) -> tuple[str, ...] | None:
    """Answer values an item can take, when they form a closed set."""
    if item.type == "yes_no":
        return YES_NO
    if item.type in ("choice", "multi_choice"):
        return tuple(item.choice_values)
    return None


def _unique_ids(bank: BankFile) -> Iterator[Finding]:
    sections: dict[str, int] = {}
    items: dict[str, tuple[int, int]] = {}
    refs: dict[str, str] = {}
    for si, section in enumerate(bank.sections):
        if section.id in sections:
            yield ("sections", si, "id"), f"section id '{section.id}' is used twice", "error"
        sections[section.id] = si
        for ii, item in enumerate(section.items):
            if item.id in items:
                yield _item_path(si, ii, "id"), f"item id '{item.id}' is used twice", "error"
            items[item.id] = (si, ii)
            if item.ref in refs:
                yield (
                    _item_path(si, ii, "ref"),
                    f"ref '{item.ref}' is also used by item '{refs[item.ref]}'",
                    "error",
                )
            refs.setdefault(item.ref, item.id)


def _choices(si: int, ii: int, item: Item) -> Iterator[Finding]:
    wants_choices = item.type in ("choice", "multi_choice")
    if wants_choices and len(item.choices or []) < 2:
        yield _item_path(si, ii, "type"), f"a '{item.type}' item needs at least two choices", "error"
    if not wants_choices and item.choices:
        yield _item_path(si, ii, "choices"), f"a '{item.type}' item cannot have choices", "error"
    values = item.choice_values
    for value in {v for v in values if values.count(v) > 1}:
        yield _item_path(si, ii, "choices"), f"choice '{value}' is listed twice", "error"
    if item.max_length is not None and item.type != "text":
        yield _item_path(si, ii, "max_length"), "only a 'text' item can have max_length", "error"


def _meets(si: int, ii: int, item: Item, thresholds: Collection[str]) -> Iterator[Finding]:
    if item.meets is None:
        return
    keys = item.meets.keys()
    allowed = _MEETS_FOR_TYPE[item.type]
    path = _item_path(si, ii, "meets")
    if not keys:
        yield path, "'meets' is empty: give a rule or leave it out", "error"
    for key in sorted(keys - allowed):
        yield path, f"'meets: {key}' does not fit a '{item.type}' item (use {sorted(allowed)})", "error"
    closed = _valid_values(item)
    listed: list[str] = []
    if item.meets.equals is not None:
        listed.append(item.meets.equals)
    for values in (item.meets.in_, item.meets.all_of, item.meets.none_of):
        listed.extend(values or [])
    if closed is not None:
        for value in listed:
            if value not in closed:
                yield path, f"'{value}' is not a possible answer (possible: {list(closed)})", "error"
    for bound in (item.meets.min, item.meets.max, item.meets.within_days):
        if isinstance(bound, str) and bound not in thresholds:
            yield path, f"'{bound}' is not one of the bank's thresholds", "error"


def _show_if(bank: BankFile) -> Iterator[Finding]:
    by_id = {item.id: item for section in bank.sections for item in section.items}
    for si, section in enumerate(bank.sections):
        for ii, item in enumerate(section.items):
            rule = item.show_if
            if rule is None:
                continue
            path = _item_path(si, ii, "show_if")
            target = by_id.get(rule.item)
            if target is None:
                yield path, f"'show_if' points to item '{rule.item}', which is not in this bank", "error"
                continue
            if target.id == item.id:
                yield path, "'show_if' cannot point to the item itself", "error"
                continue
            given = (
                [v for v in (rule.equals, rule.contains) if v is not None]
                + (rule.in_ or [])
                + (rule.not_in or [])
            )
            if sum(x is not None for x in (rule.equals, rule.in_, rule.not_in, rule.contains)) > 1:
                yield path, "'show_if' takes only one of equals, in, not_in or contains", "error"
            if rule.contains is not None and target.type != "multi_choice":
                yield path, "'contains' only fits a multi-choice item", "error"
            closed = _valid_values(target)
            for value in given:
                if closed is not None and value not in closed:
                    yield path, f"'{value}' is not a possible answer of '{target.id}'", "error"
    yield from _show_if_cycles(bank, by_id)


def _show_if_cycles(bank: BankFile, by_id: dict[str, Item]) -> Iterator[Finding]:
    for si, section in enumerate(bank.sections):
        for ii, item in enumerate(section.items):
            seen = {item.id}
            current = item
            while current.show_if is not None and current.show_if.item in by_id:
                current = by_id[current.show_if.item]
                if current.id in seen:
                    yield _item_path(si, ii, "show_if"), "'show_if' goes round in a circle", "error"
                    break
                seen.add(current.id)


_TOOLKIT_REF = re.compile(r"^\d+(\.\d+)+$")
_CE_REF = re.compile(r"^A\d+(\.\d+)*$")


def _ref_fit(si: int, ii: int, item: Item, bank: BankFile) -> Iterator[Finding]:
    """Official refs only where they are official; our own ids never look like them."""
    scoring = bank.framework.scoring
    path = _item_path(si, ii, "ref")
    own = item.ref_confidence == "own"
    if scoring == "good_practice":
        if not own:
            yield (
                _item_path(si, ii, "ref_confidence"),
                "a good-practice item has our own ref: use 'own'",
                "error",
            )
        if _TOOLKIT_REF.match(item.ref) or _CE_REF.match(item.ref):
            yield path, f"'{item.ref}' looks like an official ref; good practice uses our own ids", "error"
    elif own:
        yield _item_path(si, ii, "ref_confidence"), "'own' is only for good-practice items", "error"
    if scoring == "dspt" and not _TOOLKIT_REF.match(item.ref):
        yield path, f"'{item.ref}' is not a toolkit evidence item ref such as 1.1.1", "error"
    if scoring == "cyber_essentials" and not _CE_REF.match(item.ref):
        yield path, f"'{item.ref}' is not a Cyber Essentials question number such as A6.4", "error"
    if not own and not item.ref_sources:
        yield (
            _item_path(si, ii, "ref_sources"),
            "name the source of the ref (one of the bank's sources)",
            "error",
        )
    for index, source in enumerate(item.ref_sources):
        if source not in bank.sources:
            yield (
                _item_path(si, ii, "ref_sources", index),
                f"'{source}' is not one of the bank's sources",
                "error",
            )


def _form_fit(si: int, ii: int, item: Item, scoring: str) -> Iterator[Finding]:
    """A toolkit item says how the toolkit takes its answer, and its type fits that form."""
    if scoring != "dspt":
        if item.form is not None:
            yield _item_path(si, ii, "form"), "only toolkit (DSPT) items have a toolkit answer form", "error"
        return
    if item.form is None:
        yield _item_path(si, ii, "form"), "a toolkit item needs its 'form': tick, text or document", "error"
    elif FORM_OF_TYPE[item.form] != item.type:
        yield (
            _item_path(si, ii, "type"),
            f"a '{item.form}' item is answered as '{FORM_OF_TYPE[item.form]}', not '{item.type}'",
            "error",
        )


def _level_fit(si: int, ii: int, item: Item, scoring: str) -> Iterator[Finding]:
    if item.auto_fail and scoring != "cyber_essentials":
        yield _item_path(si, ii, "auto_fail"), "only Cyber Essentials items can be automatic fails", "error"
    if item.auto_fail and item.meets is None:
        yield _item_path(si, ii, "auto_fail"), "an automatic fail needs a 'meets' rule", "error"
    if item.required_for and scoring == "cyber_essentials":
        yield (
            _item_path(si, ii, "required_for"),
            "Cyber Essentials treats every question as required: 'required_for' is ignored",
            "warning",
        )
    if item.required_for and scoring == "good_practice":
        yield _item_path(si, ii, "required_for"), "good practice is never mandatory", "error"


def _framework_fit(bank: BankFile, known_checks: Collection[str] | None) -> Iterator[Finding]:
    scoring = bank.framework.scoring
    period = bank.framework.period
    if period is not None and period.end is not None and period.end < period.start:
        yield ("framework", "period", "end"), "the period ends before it starts", "error"
    for si, section in enumerate(bank.sections):
        for ii, item in enumerate(section.items):
            yield from _ref_fit(si, ii, item, bank)
            yield from _form_fit(si, ii, item, scoring)
            yield from _level_fit(si, ii, item, scoring)
            for ci, check in enumerate(item.checks):
                if known_checks is not None and check not in known_checks:
                    yield (
                        _item_path(si, ii, "checks", ci),
                        f"no local check is called '{check}' (yet)",
                        "warning",
                    )


def check_bank(bank: BankFile, known_checks: Collection[str] | None = None) -> list[Finding]:
    findings: list[Finding] = []
    findings.extend(_unique_ids(bank))
    thresholds = bank.thresholds.keys()
    for si, section in enumerate(bank.sections):
        for ii, item in enumerate(section.items):
            findings.extend(_choices(si, ii, item))
            findings.extend(_meets(si, ii, item, thresholds))
    findings.extend(_show_if(bank))
    findings.extend(_framework_fit(bank, known_checks))
    findings.extend(check_item_parts(bank))
    return findings
