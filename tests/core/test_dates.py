"""Dates typed the way people type them, in the real widget and in the domain."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from tests.ui_helpers import type_date, type_into
from wizard.core.dates import DateTextError, parse_day
from wizard.ui.widgets.date_field import DateField

SEPT_15 = dt.date(2025, 9, 15)


@pytest.mark.parametrize(
    "typed", ["15/09/2025", "15092025", "15/9/25", "15.09.2025", "15-9-2025", " 2025-09-15 "]
)
def test_every_usual_form_is_the_same_day(typed: str) -> None:
    assert parse_day(typed) == SEPT_15


@pytest.mark.parametrize("typed", ["31/02/2026", "15/13/2025", "set5092025", "next tuesday", "1509202"])
def test_what_is_not_a_date_says_how_to_type_one(typed: str) -> None:
    with pytest.raises(DateTextError, match=re.escape("day/month/year, e.g. 15/09/2025")):
        parse_day(typed)


def test_empty_is_no_date() -> None:
    assert parse_day("  ") is None


@pytest.fixture
def form(qtbot: QtBot) -> tuple[QWidget, DateField, QLineEdit]:
    holder = QWidget()
    layout = QVBoxLayout(holder)
    field = DateField("Date of the last restore test", holder)
    after = QLineEdit(holder)
    layout.addWidget(field)
    layout.addWidget(after)
    qtbot.addWidget(holder)
    holder.show()
    return holder, field, after


@pytest.mark.parametrize("typed", ["15/09/2025", "15092025", "15/9/25"])
def test_typing_a_date_sets_it(qtbot: QtBot, form: tuple[QWidget, DateField, QLineEdit], typed: str) -> None:
    _, field, _ = form
    with qtbot.waitSignal(field.date_changed) as changed:
        type_date(qtbot, field, typed)
    assert changed.args == [SEPT_15] and field.date() == SEPT_15
    assert field.line.text() == "15/09/2025"  # shown back in full, so the person sees what was read


def test_tab_moves_on_and_keeps_the_date(qtbot: QtBot, form: tuple[QWidget, DateField, QLineEdit]) -> None:
    holder, field, after = form
    holder.activateWindow()
    type_into(qtbot, field.line, "1/3/26")
    qtbot.keyClick(field.line, Qt.Key.Key_Tab)
    qtbot.waitUntil(after.hasFocus, timeout=2000)
    assert field.date() == dt.date(2026, 3, 1)
    qtbot.keyClick(after, Qt.Key.Key_Backtab)
    qtbot.waitUntil(field.line.hasFocus, timeout=2000)  # Shift+Tab comes back to the date


def test_a_date_can_be_cleared(qtbot: QtBot, form: tuple[QWidget, DateField, QLineEdit]) -> None:
    _, field, _ = form
    field.set_date(SEPT_15)
    with qtbot.waitSignal(field.date_changed) as changed:
        type_date(qtbot, field, "")
    assert changed.args == [None] and field.date() is None and field.line.text() == ""


def test_an_invalid_date_is_explained_and_kept(
    qtbot: QtBot, form: tuple[QWidget, DateField, QLineEdit]
) -> None:
    _, field, _ = form
    field.set_date(SEPT_15)
    with qtbot.assertNotEmitted(field.date_changed):
        type_date(qtbot, field, "31/02/2026")
    assert not field.message.isHidden() and "not a real date" in field.message.text()
    assert field.line.text() == "31/02/2026"  # nothing typed is dropped
    assert field.date() == SEPT_15  # and nothing was saved
    with qtbot.waitSignal(field.date_changed):
        type_date(qtbot, field, "28/02/2026")
    assert field.message.isHidden()


def test_the_calendar_opens_on_this_month_not_1900(
    qtbot: QtBot, form: tuple[QWidget, DateField, QLineEdit]
) -> None:
    _, field, _ = form
    from wizard.ui.widgets import date_field

    seen: list[dt.date] = []

    class Probe(date_field._CalendarPopup):
        def exec(self) -> int:  # look, then pick the 10th of the shown month as a person would
            shown = self.calendar.selectedDate()
            seen.append(dt.date(shown.year(), shown.month(), shown.day()))
            self.calendar.clicked.emit(shown.addDays(10 - shown.day()))
            return 1

    original = date_field._CalendarPopup
    date_field._CalendarPopup = Probe  # type: ignore[misc]
    try:
        field.open_calendar()
    finally:
        date_field._CalendarPopup = original  # type: ignore[misc]
    today = dt.date.today()
    assert seen == [today]
    assert field.date() == today.replace(day=10)
