"""The practice page's date and counts: typed as everywhere else, blank until given, saved at once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui_helpers import open_on_page, type_date, type_into
from wizard.core.bank.model import Bank
from wizard.core.draft.model import new_draft
from wizard.core.draft.store import load_draft, save_draft
from wizard.ui.main_window import MainWindow
from wizard.ui.pages.practice import AS_AT_NEEDED, PracticePage

AS_AT = dt.date(2026, 3, 31)


@pytest.fixture
def opened(qtbot: QtBot, real_banks: list[Bank], tmp_path: Path) -> tuple[MainWindow, PracticePage, Path]:
    path = tmp_path / "new practice.json"
    save_draft(path, new_draft("", "", [b.framework.id for b in real_banks], AS_AT))
    window, page = open_on_page(qtbot, real_banks, path, "practice", PracticePage)
    return window, page, path


def test_a_new_practice_shows_no_counts_until_they_are_given(
    qtbot: QtBot, opened: tuple[MainWindow, PracticePage, Path]
) -> None:
    window, page, path = opened
    assert [page.counts[k].text() for k in ("staff_count", "computer_count")] == ["", ""]
    type_into(qtbot, page.counts["staff_count"], "24")
    type_into(qtbot, page.counts["computer_count"], "18x")  # the letter is refused as it is typed
    assert page.counts["computer_count"].text() == "18"
    window.close()
    practice = load_draft(path).practice
    assert (practice.staff_count, practice.computer_count) == (24, 18)


def test_a_plus_sign_typed_first_is_not_a_count(
    qtbot: QtBot, opened: tuple[MainWindow, PracticePage, Path]
) -> None:
    window, page, path = opened
    type_into(qtbot, page.counts["staff_count"], "+")  # the validator lets a lone "+" through
    window.close()
    assert load_draft(path).practice.staff_count is None


def test_a_count_cleared_is_not_given_again(
    qtbot: QtBot, opened: tuple[MainWindow, PracticePage, Path]
) -> None:
    window, page, path = opened
    type_into(qtbot, page.counts["staff_count"], "24")
    type_into(qtbot, page.counts["staff_count"], "")
    window.close()
    assert load_draft(path).practice.staff_count is None


@pytest.mark.parametrize("typed", ["15/9/25", "15092025", "15/09/2025"])
def test_the_assessment_date_is_typed_in_any_usual_form(
    qtbot: QtBot, opened: tuple[MainWindow, PracticePage, Path], typed: str
) -> None:
    window, page, path = opened
    assert page.as_at.line.text() == "31/03/2026"
    type_date(qtbot, page.as_at, typed)
    window.close()
    assert load_draft(path).as_at == dt.date(2025, 9, 15)


def test_tab_leaves_the_assessment_date(qtbot: QtBot, opened: tuple[MainWindow, PracticePage, Path]) -> None:
    """Qt's date box kept Tab inside itself, moving between day, month and year."""
    _, page, _ = opened
    page.as_at.line.setFocus()
    qtbot.waitUntil(page.as_at.line.hasFocus)
    qtbot.keyClick(page.as_at.line, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: not page.as_at.line.hasFocus())


def test_a_cleared_assessment_date_is_said_and_the_date_kept(
    qtbot: QtBot, opened: tuple[MainWindow, PracticePage, Path]
) -> None:
    window, page, path = opened
    type_date(qtbot, page.as_at, "")
    assert page.as_at.message.isVisible() and page.as_at.message.text() == AS_AT_NEEDED
    type_date(qtbot, page.as_at, "30/02/2026")
    assert "not a real date" in page.as_at.message.text()
    window.close()
    assert load_draft(path).as_at == AS_AT
