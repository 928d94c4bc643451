"""A date a person can type (15/09/2025, 15092025, 15/9/25) or pick from a calendar.

Replaces Qt's date spin box, which ate typed digits ("set5092025"), trapped Tab
and opened its calendar in January 1900. Typing is only read when the person
leaves the field or presses Enter; a date that is not valid is said beside the
field and the typed text is kept, never silently dropped. Empty means no date.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from wizard.core.dates import DateTextError, day_text, parse_day


class _CalendarPopup(QDialog):
    picked = Signal(object)

    def __init__(self, start: dt.date, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        self.calendar = QCalendarWidget(self)
        self.calendar.setGridVisible(True)
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.calendar.setSelectedDate(QDate(start.year, start.month, start.day))
        self.calendar.activated.connect(self._chosen)
        self.calendar.clicked.connect(self._chosen)
        layout.addWidget(self.calendar)

    def _chosen(self, date: QDate) -> None:
        self.picked.emit(dt.date(date.year(), date.month(), date.day()))
        self.accept()


class DateField(QWidget):
    """Emits ``date_changed(dt.date | None)`` when the person sets or clears the date."""

    date_changed = Signal(object)

    def __init__(
        self,
        name: str,
        parent: QWidget | None = None,
        default_month: dt.date | None = None,
        *,
        hint: bool = True,
        required: str | None = None,
    ) -> None:
        """``required``: the message shown when the field is cleared; the date it had is kept."""
        super().__init__(parent)
        self._date: dt.date | None = None
        self.required = required
        self.default_month = default_month
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        self.line = QLineEdit(self)
        self.line.setPlaceholderText("dd/mm/yyyy")
        self.line.setAccessibleName(name)
        self.line.setMaximumWidth(self.fontMetrics().horizontalAdvance("00/00/00000") + 24)
        self.line.editingFinished.connect(self.commit)
        self.pick = QToolButton(self)
        self.pick.setText("Calendar…")
        self.pick.setAccessibleName(f"Pick {name} from a calendar")
        self.pick.setFocusPolicy(
            Qt.FocusPolicy.ClickFocus
        )  # Tab goes from date to date, not through the button
        self.pick.clicked.connect(self.open_calendar)
        row.addWidget(self.line)
        row.addWidget(self.pick)
        if hint:  # where space is short, the placeholder (dd/mm/yyyy) says the order alone
            row.addWidget(QLabel("day/month/year", self))
        row.addStretch(1)
        column.addLayout(row)
        self.message = QLabel(self)
        self.message.setObjectName("errorText")
        self.message.setWordWrap(True)
        self.message.hide()
        column.addWidget(self.message)
        self.setFocusProxy(self.line)

    def date(self) -> dt.date | None:
        return self._date

    def set_date(self, day: dt.date | None) -> None:
        """Show a date from the draft: never emits, never disturbs typing in progress."""
        self._date = day
        if self.line.hasFocus() and self.message.isHidden():
            return
        with QSignalBlocker(self.line):
            self.line.setText(day_text(day) if day else "")
        self._show_problem("")

    def commit(self) -> None:
        """Read what was typed: a date, nothing (cleared), or a message beside the field."""
        try:
            day = parse_day(self.line.text())
        except DateTextError as exc:
            self._show_problem(str(exc))
            return
        if day is None and self.required:
            self._show_problem(self.required)
            return
        self._show_problem("")
        if day is not None:
            with QSignalBlocker(self.line):
                self.line.setText(day_text(day))
        if day != self._date:
            self._date = day
            self.date_changed.emit(day)

    def open_calendar(self) -> None:
        start = self._date or self.default_month or dt.date.today()
        popup = _CalendarPopup(start, self)
        popup.picked.connect(self._picked)
        popup.move(self.pick.mapToGlobal(self.pick.rect().bottomLeft()))
        popup.exec()

    def _picked(self, day: dt.date) -> None:
        with QSignalBlocker(self.line):
            self.line.setText(day_text(day))
        self.commit()
        self.line.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_problem(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.line.setProperty("invalid", bool(text))
        self.line.style().unpolish(self.line)
        self.line.style().polish(self.line)
