"""The review page's action plan: readable at the window's usual size, edited in place, saved."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.ui_helpers import click, open_on_page, type_date, type_into
from wizard.core.bank.model import Bank
from wizard.core.demo import demo_draft
from wizard.core.draft.model import new_draft
from wizard.core.draft.store import load_draft, save_draft
from wizard.ui.main_window import MainWindow
from wizard.ui.pages.review import ReviewPage
from wizard.ui.widgets.action_cell import ActionCell

TODAY = dt.date.today()


@pytest.fixture
def review(qtbot: QtBot, real_banks: list[Bank], tmp_path: Path) -> tuple[MainWindow, ReviewPage, Path]:
    path = tmp_path / "riverside.json"
    save_draft(path, demo_draft(real_banks, TODAY))
    window, page = open_on_page(qtbot, real_banks, path, "review", ReviewPage)
    assert [e.ref for e in page.entries] == ["A6.5", "3.2.1", "7.3.4", "GP5"]  # the demo's four gaps
    return window, page, path


def _cell(page: ReviewPage, ref: str) -> ActionCell:
    row = next(r for r, e in enumerate(page.entries) if e.ref == ref)
    cell = page.plan.cellWidget(row, 4)
    assert isinstance(cell, ActionCell)
    return cell


def test_owner_and_due_date_are_saved_and_go_to_question_opens_it(
    qtbot: QtBot, review: tuple[MainWindow, ReviewPage, Path]
) -> None:
    window, page, path = review
    cell = _cell(page, "3.2.1")
    type_into(qtbot, cell.owner, "Sam Patel")
    type_date(qtbot, cell.due, "31/12/26")
    click(qtbot, cell.go_button)
    assert window.view is not None and window.view.current_key() == "section:dspt-s3"
    window.close()
    edit = load_draft(path).action_plan["dspt-training-95"]
    assert (edit.owner, edit.due) == ("Sam Patel", dt.date(2026, 12, 31))


def test_the_columns_people_read_get_the_width(
    qtbot: QtBot, review: tuple[MainWindow, ReviewPage, Path]
) -> None:
    """Owner, date and button share one column, so "What is wrong" and "What to do" are not a word a line."""
    _, page, _ = review
    qtbot.waitUntil(lambda: page.plan.columnWidth(2) > 0)
    reading = [page.plan.columnWidth(col) for col in (2, 3)]
    assert min(reading) >= 220, reading
    assert page.plan.columnWidth(4) <= max(reading)


def test_a_date_that_is_not_real_is_said_in_full_and_not_saved(
    qtbot: QtBot, review: tuple[MainWindow, ReviewPage, Path]
) -> None:
    """Large text (as on a PC set to it) makes the message need more lines than a first guess gives it."""
    window, page, path = review
    cell = _cell(page, "A6.5")
    message = cell.due.message
    message.setStyleSheet("font-size: 15pt")
    type_date(qtbot, cell.due, "31/02/2026")
    qtbot.waitUntil(message.isVisible)
    assert "31/02/2026" in message.text() and "not a real date" in message.text()
    # The row grows to hold every line of the message; a squeezed label would be about half its height.
    qtbot.waitUntil(lambda: message.height() >= message.heightForWidth(message.width()) - 2)
    assert cell.go_button.geometry().bottom() <= cell.height()
    row = next(r for r, e in enumerate(page.entries) if e.ref == "A6.5")
    item_id = page.entries[row].item_id
    window.close()
    saved = load_draft(path).action_plan.get(item_id)
    assert saved is None or saved.due is None


def test_an_untouched_assessment_never_reads_as_met(
    qtbot: QtBot, real_banks: list[Bank], tmp_path: Path
) -> None:
    path = tmp_path / "new.json"
    save_draft(path, new_draft("", "", [b.framework.id for b in real_banks], TODAY))
    window = MainWindow(real_banks)
    qtbot.addWidget(window)
    assert window.open_draft(path) and window.view is not None
    page = window.view.go("review")
    assert isinstance(page, ReviewPage)
    words = page.ce_summary.text()
    assert "Every good-practice item answered is met" not in words
    assert "Still to answer:</b> 15 questions" in words
    assert page.plan_title.text() == "Action plan: nothing answered needs action yet"
