"""One action's owner, due date and way back to its question, stacked in one cell of the plan.

Side by side these took three columns, and on a 1280-pixel window they left
"What is wrong" and "What to do" about ninety pixels each, a word to a line.
Stacked, they need the width of one date field, and the reading columns get
the rest.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from wizard.core.action_plan import ActionEntry
from wizard.ui.widgets.date_field import DateField


class ActionCell(QWidget):
    """Emits ``owner_edited(str)``, ``due_changed(dt.date | None)``, ``go()`` and ``needs_room()``.

    ``needs_room`` says the cell's content changed size (a date's problem shown
    under it, or taken away), so the table can give its row a new height.
    """

    owner_edited = Signal(str)
    due_changed = Signal(object)
    go = Signal()
    needs_room = Signal()

    def __init__(self, entry: ActionEntry, default_month: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(4, 4, 4, 4)
        column.setSpacing(4)
        self.owner = QLineEdit(entry.owner, self)
        self.owner.setPlaceholderText("Who will do it")
        self.owner.setAccessibleName(f"Owner of the action for {entry.ref}")
        self.owner.textEdited.connect(self.owner_edited)
        column.addWidget(self.owner)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        label = QLabel("Due by", self)
        row.addWidget(label)
        self.due = DateField(f"Due date of the action for {entry.ref}", self, default_month, hint=False)
        self.due.set_date(entry.due)
        self.due.date_changed.connect(self.due_changed)
        label.setBuddy(self.due.line)
        row.addWidget(self.due, 1)
        column.addLayout(row)
        column.addWidget(self.due.message)  # a date's problem under the whole row, not squeezed beside it
        checks = entry.item_id.startswith("check:")
        self.go_button = QPushButton("Go to the checks" if checks else "Go to question", self)
        self.go_button.setAccessibleName(
            f"Go to the computer checks for {entry.question}" if checks else f"Go to question {entry.ref}"
        )
        self.go_button.clicked.connect(self.go)
        column.addWidget(self.go_button)
        column.addStretch(1)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self.needs_room.emit()
        return super().event(event)
