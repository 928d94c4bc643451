"""Long text flows across pages: a 1,000-character answer or a 1,100-character note never breaks the pack."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.attack_kit import agrees_with_pdfsig, genuine_pack, practice_key
from wizard.core.bank.model import Bank
from wizard.core.demo import demo_draft
from wizard.core.draft.model import ActionEdit, Draft
from wizard.pack.sign import SigningKey
from wizard.pack.verify import verify_file

WORDS = ("Our backups are tested every month by the IT provider and the results kept. " * 40)[:1000]
ONE_WORD = "x" * 1000  # nothing to break a line at
NOTE = ("See the minutes of the practice meeting, item four. " * 40)[:1100]


def _with(banks: list[Bank], answer: str, note: str) -> Draft:
    draft = demo_draft(banks, dt.date.today())
    for item in (i for b in banks for i in b.items() if i.type == "text"):
        draft.answers[item.id] = draft.answer(item.id).model_copy(
            update={"value": answer, "status": "answered", "note": note}
        )
    for item in (i for b in banks for i in b.items() if i.type == "yes_no"):
        draft.answers[item.id] = draft.answer(item.id).model_copy(update={"note": note})
        draft.action_plan[item.id] = ActionEdit(owner=note[:300], action=note)
    return draft


@pytest.mark.parametrize(("answer", "note"), [(WORDS, ""), (ONE_WORD, ""), ("", NOTE), (WORDS, NOTE)])
def test_long_answers_and_notes_flow_across_pages(
    real_banks: list[Bank], demo_pack: tuple[Path, SigningKey], answer: str, note: str, tmp_path: Path
) -> None:
    plain, key = demo_pack  # the demo's own answers, signed with the same key
    pack = genuine_pack(real_banks, tmp_path / "long", key, _with(real_banks, answer, note))
    verdict = verify_file(pack, [key.certificate], None, real_banks)
    assert verdict.ok, verdict.problems
    assert agrees_with_pdfsig(pack, True, True)
    assert pack.stat().st_size > plain.stat().st_size  # the text is in it, not dropped


def test_long_practice_details(real_banks: list[Bank], tmp_path: Path) -> None:
    draft = demo_draft(real_banks, dt.date.today())
    long = ("Riverside Surgery, The Old Mill, Mill Lane " * 30)[:1200]
    draft.practice = draft.practice.model_copy(
        update={"name": long, "address": long, "siro": long, "dpo": long}
    )
    key = practice_key()
    verdict = verify_file(genuine_pack(real_banks, tmp_path, key, draft), [key.certificate], None, real_banks)
    assert verdict.ok, verdict.problems
