"""Answers are checked against their question before they are stored."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.helpers import find_item
from wizard.core.answer_types import AnswerError
from wizard.core.bank.model import Bank
from wizard.core.draft.answers import answer_from_text, clear_provider, set_answer, set_provider
from wizard.core.draft.model import Draft


@pytest.mark.parametrize(
    ("ref", "typed", "stored"),
    [
        ("1.1.1", "Y", "yes"),
        ("1.1.1", "no", "no"),
        ("A6.9", "96%", 96),
        ("A6.9", "87.5", 87.5),
        ("A6.8", "31/03/2026", "2026-03-31"),
        ("A6.8", "2026-03-31", "2026-03-31"),
        ("A6.7", "Multi-factor authentication", "mfa"),
        ("A8.1", "allowlist, Anti-malware", ["av", "allowlist"]),
        ("1.1.3", "  free text kept as typed ", "  free text kept as typed "),
    ],
)
def test_typed_values_are_understood(
    mini_banks: list[Bank], mini_draft: Draft, ref: str, typed: str, stored: object
) -> None:
    _, item = find_item(mini_banks, ref)
    answer = answer_from_text(mini_draft, item, typed)
    assert answer is not None and answer.value == stored and answer.status == "answered"


@pytest.mark.parametrize(
    ("ref", "typed", "words"),
    [
        ("1.1.1", "maybe", "Yes or No"),
        ("A6.9", "101", "0 to 100"),
        ("A6.9", "-3", "0 or more"),
        ("A6.9", "lots", "needs a number"),
        ("A6.8", "last tuesday", "needs a date"),
        ("A6.7", "passkey", "needs one of"),
        ("A8.1", "av, magic", "list of these choices"),
        ("1.1.1", "it-provider", "Yes or No"),
    ],
)
def test_wrong_values_are_refused_plainly(
    mini_banks: list[Bank], mini_draft: Draft, ref: str, typed: str, words: str
) -> None:
    _, item = find_item(mini_banks, ref)
    with pytest.raises(AnswerError, match=words):
        answer_from_text(mini_draft, item, typed)
    assert item.id not in mini_draft.answers


def test_only_an_it_provider_question_records_the_provider(mini_banks: list[Bank], mini_draft: Draft) -> None:
    _, privacy = find_item(mini_banks, "1.1.1")
    with pytest.raises(AnswerError, match="not one our IT provider answers"):
        set_provider(mini_draft, privacy, "ICB IT", None)
    _, backups = find_item(mini_banks, "2.1.1")
    recorded = set_provider(mini_draft, backups, " ICB IT ", dt.date(2026, 3, 12))
    assert recorded.provider is not None and recorded.provider.name == "ICB IT"
    assert recorded.value is None and recorded.status is None  # who answered, not an answer
    set_answer(mini_draft, backups, "yes")
    assert mini_draft.answer(backups.id).provider == recorded.provider  # kept beside the answer
    clear_provider(mini_draft, backups)
    assert mini_draft.answer(backups.id).provider is None and mini_draft.answer(backups.id).value == "yes"


def test_not_sure_and_clear(mini_banks: list[Bank], mini_draft: Draft) -> None:
    _, item = find_item(mini_banks, "A6.8")
    assert answer_from_text(mini_draft, item, "not sure").status == "not_sure"  # type: ignore[union-attr]
    set_answer(mini_draft, item, "2026-01-01")
    mini_draft.answers[item.id].note = "restored the clinical system backup"
    assert answer_from_text(mini_draft, item, "clear") is None
    cleared = mini_draft.answers[item.id]
    assert cleared.status is None and cleared.value is None
    assert cleared.note == "restored the clinical system backup"  # the note survives


def test_text_length_limit(real_banks: list[Bank], mini_draft: Draft) -> None:
    _, item = find_item(real_banks, "A1.1")
    with pytest.raises(AnswerError, match="at most 150 characters"):
        set_answer(mini_draft, item, "x" * 151)
    set_answer(mini_draft, item, "x" * 150)
    assert mini_draft.practice.name == "x" * 150  # A1.1 is the practice's name: one value, one place


def test_every_answer_type_is_in_the_one_table_and_reads_back_what_it_stores(
    real_banks: list[Bank], mini_banks: list[Bank]
) -> None:
    from wizard.core.answer_types import KINDS, kind_of
    from wizard.core.bank.schema import ANSWER_TYPES
    from wizard.core.describe import value_text

    assert set(KINDS) == set(ANSWER_TYPES)
    typed = {"yes_no": "Y", "number": "1,200", "percent": "95%", "date": "15/9/25", "text": " as typed "}
    wanted = {"yes_no": "Yes", "number": "1200", "percent": "95%", "date": "15/09/2025", "text": " as typed "}
    seen = set()
    for bank in [*real_banks, *mini_banks]:
        for item in bank.items():
            kind = kind_of(item)
            if item.type in typed and item.type not in seen:
                stored = kind.coerce(item, kind.parse(item, typed[item.type]))
                unit = f" {item.unit}" if item.type == "number" and item.unit else ""
                assert value_text(item, stored) == wanted[item.type] + unit, item.ref
                seen.add(item.type)
            if item.type == "multi_choice" and item.choices:
                first = item.choices[0]
                assert kind.coerce(item, kind.parse(item, f"{first.label.upper()}, ")) == [first.value]
                assert value_text(item, []) == "None selected"
    assert seen == set(typed)
