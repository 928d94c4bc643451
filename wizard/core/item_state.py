"""The state of one item given the draft: met, not met, not sure, incomplete...

An item is met only by an answer: an unanswered item is never met, "answered
by our IT provider" only says who answered (the provider's answer must still be
recorded), and a structured field that is needed must be filled in. Every state
other than met carries the reasons, in plain words, so the review page, the
action plan and the pack say the same thing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from wizard.core.answer_types import kind_of
from wizard.core.bank.model import Bank
from wizard.core.bank.schema import Bound, FieldSpec, Item
from wizard.core.draft.fields import field_shown, field_text, read_field
from wizard.core.draft.model import Answer, AnswerValue, Draft
from wizard.core.visibility import is_visible

ItemState = Literal[
    "met", "not_met", "not_sure", "unanswered", "incomplete", "awaiting_provider", "not_applicable", "hidden"
]
SATISFIED: frozenset[str] = frozenset({"met", "not_applicable"})
UNANSWERED: frozenset[str] = frozenset({"unanswered", "hidden"})


@dataclass(frozen=True)
class Evaluation:
    state: ItemState
    value: AnswerValue  # the item's own answer: typed, worked out (derived) or a practice detail (binds)
    problems: tuple[str, ...] = ()  # why it is not met or not complete, in plain words
    percent: float | None = None  # for a derived tick: the percentage it rests on
    copied_from: dt.date | None = None  # unanswered because it was copied from this assessment, not confirmed


def has_content(item: Item, answer: Answer, value: AnswerValue) -> bool:
    """Answered with something: a value, or for a document item a file."""
    if item.type == "evidence" and answer.evidence:
        return True
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, list):
        return kind_of(item).several  # choosing none of several is an answer
    return True


def _within(bank: Bank, text: str, days: float | str, as_at: dt.date) -> bool:
    try:
        when = dt.date.fromisoformat(text)
    except ValueError:
        return False
    return 0 <= (as_at - when).days <= bank.number(days)


def meets(bank: Bank, item: Item, answer: Answer, value: AnswerValue, as_at: dt.date) -> bool:
    """Does the item's own answer meet its rule? (No rule: any answer.)"""
    rule = item.meets
    if item.derived is not None:
        return value == "yes"
    if rule is None:
        return has_content(item, answer, value)
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
    if rule.not_empty and not has_content(item, answer, value):
        return False
    return rule.within_days is None or _within(bank, str(value), rule.within_days, as_at)


def bound_for(bank: Bank, bound: Bound | None, own: object) -> float | None:
    """A field's bound: a number, a threshold, or one that depends on the item's answer."""
    if bound is None:
        return None
    if isinstance(bound, dict):
        chosen = bound.get(str(own))
        return None if chosen is None else bank.number(chosen)
    return bank.number(bound)


def _number_word(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _field_problem(bank: Bank, spec: FieldSpec, value: object, own: object, as_at: dt.date) -> str | None:
    """What is wrong with a filled-in field, or None."""
    if spec.type == "number" and isinstance(value, int | float):
        low, high = bound_for(bank, spec.min, own), bound_for(bank, spec.max, own)
        shown = field_text(spec, value)
        if low is not None and value < low:
            return f"{spec.label}: {shown}, but it must be at least {_number_word(low)}"
        if high is not None and value > high:
            return f"{spec.label}: {shown}, but it must be at most {_number_word(high)}"
    if (
        spec.type == "date"
        and spec.within_days is not None
        and not _within(bank, str(value), spec.within_days, as_at)
    ):
        return f"{spec.label}: more than {_number_word(bank.number(spec.within_days))} days before {as_at:%d/%m/%Y}"
    return None


def derived_tick(bank: Bank, draft: Draft, item: Item) -> tuple[AnswerValue, float | None, str | None]:
    """A worked-out tick: ('yes' | 'no' | None, the percentage, a problem with the counts)."""
    rule = item.derived
    if rule is None:
        return None, None, None

    def number(name: str | None) -> float | None:
        spec = item.field(name) if name else None
        value = read_field(draft, item, spec) if spec else None
        return float(value) if isinstance(value, int | float) else None

    part, whole = number(rule.percent.part), number(rule.percent.whole)
    less = number(rule.percent.less) or 0.0
    if part is None or whole is None:
        return None, None, None
    base = whole - less
    if base <= 0 or part > base:
        return None, None, "the counts do not add up: more people completed it than are counted"
    percent = round(100 * part / base, 1)
    return ("yes" if percent >= bank.number(rule.min) else "no"), percent, None


def own_value(bank: Bank, draft: Draft, item: Item) -> AnswerValue:
    """The answer the item's rule is judged on."""
    if item.derived is not None:
        return derived_tick(bank, draft, item)[0]
    if item.binds is not None:
        value = getattr(draft.practice, item.binds.removeprefix("practice."), "")
        return value if isinstance(value, str) and value.strip() else None
    answer = draft.answer(item.id)
    return answer.value if answer.status == "answered" else None


def not_applicable(draft: Draft, item: Item) -> bool:
    """The toolkit's "not applicable": every named count is recorded as zero."""
    rule = item.not_applicable_if
    if rule is None:
        return False
    for name in rule.zero:
        if name.startswith("facts."):
            value = draft.facts.get(name.removeprefix("facts."))
        else:
            value = draft.answer(item.id).fields.get(name)
        if value != 0:
            return False
    return True


def _missing(
    bank: Bank, draft: Draft, item: Item, own: object, as_at: dt.date
) -> tuple[list[str], list[str]]:
    """(fields still needed, fields filled in wrongly)."""
    needed: list[str] = []
    wrong: list[str] = []
    for spec in item.fields:
        if not field_shown(spec, own):
            continue
        value = read_field(draft, item, spec)
        if value is None:
            if spec.required:
                needed.append(spec.label)
            continue
        problem = _field_problem(bank, spec, value, own, as_at)
        if problem:
            wrong.append(problem)
    provider = draft.answer(item.id).provider
    if provider is not None and (not provider.name.strip() or provider.given_on is None):
        needed.append("which IT provider gave the answer, and the date they gave it")
    return needed, wrong


def evaluate(bank: Bank, draft: Draft, item: Item, as_at: dt.date) -> Evaluation:
    if not is_visible(bank, draft, item):
        return Evaluation("hidden", None)
    copied_from = draft.answer(item.id).carried_from
    if copied_from is not None:  # copied from last time: not looked at yet
        return Evaluation("unanswered", None, copied_from=copied_from)
    if not_applicable(draft, item):
        return Evaluation("not_applicable", None)
    answer = draft.answer(item.id)
    if answer.status == "not_sure":
        return Evaluation("not_sure", None)
    own = own_value(bank, draft, item)
    _, percent, count_problem = derived_tick(bank, draft, item)
    needed, wrong = _missing(bank, draft, item, own, as_at)
    if not has_content(item, answer, own):
        if answer.provider is not None:
            return Evaluation("awaiting_provider", None, ("the IT provider's answer is not recorded yet",))
        started = any(v not in (None, "", []) for v in answer.fields.values())
        if count_problem:
            return Evaluation("incomplete", None, (count_problem,))
        if started:
            return Evaluation("incomplete", None, (f"still needed: {', '.join(needed) or 'the answer'}",))
        return Evaluation("unanswered", None)
    if not meets(bank, item, answer, own, as_at) or wrong:
        return Evaluation("not_met", own, tuple(wrong), percent)
    if needed:
        return Evaluation("incomplete", own, (f"still needed: {', '.join(needed)}",), percent)
    return Evaluation("met", own, (), percent)
