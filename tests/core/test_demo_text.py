"""The demo practice's written answers: one for every question that takes words, each fitting its question."""

from __future__ import annotations

import datetime as dt

from wizard.core.bank.model import Bank
from wizard.core.demo import demo_draft
from wizard.core.demo_text import DEMO_ANSWERS


def test_every_question_that_takes_words_has_its_own_demo_answer(real_banks: list[Bank]) -> None:
    items = {i.ref: i for b in real_banks for i in b.items()}
    worded = {ref for ref, i in items.items() if i.type in ("text", "evidence") and i.binds is None}
    assert set(DEMO_ANSWERS) == worded  # none missing, none for a question that is not there
    for ref, text in DEMO_ANSWERS.items():
        limit = items[ref].max_length
        assert limit is None or len(text) <= limit, ref


def test_the_demo_draft_uses_them(real_banks: list[Bank]) -> None:
    draft = demo_draft(real_banks, dt.date(2026, 3, 31))
    business = next(i for b in real_banks for i in b.items() if i.ref == "A1.5")
    assert draft.answer(business.id).value == DEMO_ANSWERS["A1.5"]
    texts = [draft.answer(i.id).value for b in real_banks for i in b.items() if i.ref in DEMO_ANSWERS]
    assert len(set(texts)) == len(texts)  # no two questions share one stock answer
