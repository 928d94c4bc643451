"""Open a draft for use with the current banks: load it, then carry its answers across.

Every way in (the wizard, each command, the pack) opens drafts here, so a draft
made with an earlier bank is always seen with its answers at their current refs.
"""

from __future__ import annotations

from pathlib import Path

from wizard.core.bank.answer_maps import AnswerMap, load_maps
from wizard.core.bank.model import Bank
from wizard.core.draft.carry import CarryReport, carry_answers
from wizard.core.draft.model import Draft
from wizard.core.draft.store import load_draft


def open_draft(
    path: Path, banks: list[Bank], maps: list[AnswerMap] | None = None
) -> tuple[Draft, CarryReport]:
    """Raises DraftLoadError (plain message) or BankError (a broken answer map)."""
    draft = load_draft(path)
    report = carry_answers(draft, banks, load_maps() if maps is None else maps)
    return draft, report
