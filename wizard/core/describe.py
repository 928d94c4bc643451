"""Plain-English wording for answers and rules, shared by the GUI, CLI and pack."""

from __future__ import annotations

from wizard.core.bank import Bank
from wizard.core.bank_schema import Item
from wizard.core.draft import Answer

STATE_WORDS = {
    "met": "Met",
    "not_met": "Not met",
    "not_sure": "Not sure",
    "unanswered": "Not answered yet",
    "it_provider": "Answered by our IT provider",
    "hidden": "Not asked",
}


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _labels(item: Item, values: list[str]) -> str:
    return ", ".join(item.choice_label(v) for v in values)


def expected_text(bank: Bank, item: Item) -> str:
    """What answer meets the item, e.g. 'Yes' or 'at least 95%'."""
    rule = item.meets
    if rule is None:
        return "any answer"
    parts: list[str] = []
    if rule.equals is not None:
        parts.append(item.choice_label(rule.equals) if item.choices else rule.equals.capitalize())
    if rule.in_ is not None:
        parts.append(f"one of: {_labels(item, rule.in_)}")
    if rule.all_of is not None:
        parts.append(f"all of: {_labels(item, rule.all_of)}")
    if rule.none_of is not None:
        parts.append(f"none of: {_labels(item, rule.none_of)}")
    unit = "%" if item.type == "percent" else f" {item.unit}" if item.unit else ""
    if rule.min is not None:
        parts.append(f"at least {_number(bank.number(rule.min))}{unit}")
    if rule.max is not None:
        parts.append(f"at most {_number(bank.number(rule.max))}{unit}")
    if rule.not_empty:
        parts.append("a document, link or statement" if item.type == "evidence" else "an answer")
    if rule.within_days is not None:
        parts.append(f"a date in the last {_number(bank.number(rule.within_days))} days")
    return "; ".join(parts)


def answer_text(item: Item, answer: Answer) -> str:
    """The answer as a person would say it."""
    if answer.status == "not_sure":
        return "Not sure"
    if answer.status == "it_provider":
        return "Answered by our IT provider"
    value = answer.value
    if value is None or answer.status is None:
        files = len(answer.evidence)
        return f"{files} file(s) attached" if files else "Not answered"
    if isinstance(value, list):
        return _labels(item, value) or "None selected"
    if item.type == "yes_no":
        return str(value).capitalize()
    if item.type == "choice":
        return item.choice_label(str(value))
    if item.type == "percent":
        return f"{_number(value)}%" if isinstance(value, int | float) else str(value)
    if isinstance(value, int | float):
        return f"{_number(value)} {item.unit}".strip() if item.unit else _number(value)
    return value
