"""Plain-English wording for answers and rules, shared by the GUI, CLI and pack."""

from __future__ import annotations

from wizard.core.answer_types import kind_of, labels, number_text
from wizard.core.bank.model import Bank
from wizard.core.bank.schema import Item
from wizard.core.dates import day_text
from wizard.core.draft.model import Answer, AnswerValue, ProviderRecord
from wizard.core.item_state import Evaluation

STATE_WORDS = {
    "met": "Met",
    "not_met": "Not met",
    "not_sure": "Not sure",
    "unanswered": "Not answered yet",
    "incomplete": "Incomplete",
    "awaiting_provider": "Waiting for the IT provider's answer",
    "not_applicable": "Not applicable",
    "hidden": "Not asked",
}


def plural(count: int, one: str, many: str | None = None) -> str:
    """'1 question', '3 questions': never 'question(s)'."""
    return f"{count} {one if count == 1 else (many or one + 's')}"


def expected_text(bank: Bank, item: Item) -> str:
    """What answer meets the item, e.g. 'Yes' or 'at least 95%'."""
    if item.derived is not None:
        return f"at least {number_text(bank.number(item.derived.min))}%"
    rule = item.meets
    if rule is None:
        return "any answer"
    parts: list[str] = []
    if rule.equals is not None:
        parts.append(item.choice_label(rule.equals) if item.choices else rule.equals.capitalize())
    if rule.in_ is not None:
        parts.append(f"one of: {labels(item, rule.in_)}")
    if rule.all_of is not None:
        parts.append(f"all of: {labels(item, rule.all_of)}")
    if rule.none_of is not None:
        parts.append(f"none of: {labels(item, rule.none_of)}")
    unit = kind_of(item).unit(item)
    unit = unit if unit in ("", "%") else f" {unit}"
    if rule.min is not None:
        parts.append(f"at least {number_text(bank.number(rule.min))}{unit}")
    if rule.max is not None:
        parts.append(f"at most {number_text(bank.number(rule.max))}{unit}")
    if rule.not_empty:
        parts.append("a document, link or statement" if item.type == "evidence" else "any answer filled in")
    if rule.within_days is not None:
        parts.append(f"a date in the last {number_text(bank.number(rule.within_days))} days")
    return "; ".join(parts)


def value_text(item: Item, value: AnswerValue) -> str:
    """A recorded value as a person would say it."""
    return "" if value is None else kind_of(item).display(item, value)


def provider_text(provider: ProviderRecord) -> str:
    """'per ICB IT, 12/03/2026': who gave the answer, and when."""
    name = provider.name.strip() or "our IT provider"
    return f"per {name}, {day_text(provider.given_on)}" if provider.given_on else f"per {name}"


def answer_text(item: Item, answer: Answer, evaluation: Evaluation) -> str:
    """The answer as a person would say it, with who gave it when the IT provider did."""
    if evaluation.state == "unanswered" and answer.carried_from is not None:
        return f"Not confirmed: copied from the assessment as at {day_text(answer.carried_from)}"
    if evaluation.state == "not_sure":
        return "Not sure"
    if evaluation.state == "awaiting_provider" and answer.provider is not None:
        return f"Waiting for {answer.provider.name.strip() or 'our IT provider'}'s answer"
    words = value_text(item, evaluation.value)
    if item.derived is not None and evaluation.percent is not None:
        words = f"{words} ({number_text(evaluation.percent)}%)"
    if not words:
        files = len(answer.evidence)
        words = plural(files, "file") + " attached" if files else "Not answered"
    if answer.provider is not None and evaluation.value is not None:
        words = f"{words}, {provider_text(answer.provider)}"
    return words
