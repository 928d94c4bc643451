"""Editors for the structured fields beside an answer: counts, dates, text and lists.

A shared field (a practice detail, an incident count) edits the one value the
draft keeps, so every question that shows it, and the practice page, agree.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QAbstractButton,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wizard.core.bank.schema import FieldSpec, Item
from wizard.core.draft.fields import FieldError, field_shown, read_field
from wizard.core.draft.model import FieldValue
from wizard.ui.session import Session
from wizard.ui.widgets.date_field import DateField


class FieldEditor(QWidget):
    """One field; emits ``edited(value)`` (None: cleared) only for the user's own changes."""

    edited = Signal(object)

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)

    def show_value(self, value: FieldValue) -> None:
        raise NotImplementedError


class _LineField(FieldEditor):
    def __init__(self, spec: FieldSpec, parent: QWidget | None) -> None:
        super().__init__(spec, parent)
        self.line = QLineEdit(self)
        self.line.setAccessibleName(spec.label)
        if spec.hint:
            self.line.setPlaceholderText(spec.hint)
        if spec.type == "number":
            self.line.setValidator(QIntValidator(0, 1_000_000, self.line))
            self.line.setMaximumWidth(self.fontMetrics().horizontalAdvance("0") * 10 + 16)
        self.row.addWidget(self.line, 0 if spec.type == "number" else 1)
        if spec.unit:
            self.row.addWidget(QLabel(spec.unit, self))
        if spec.type == "number":
            self.row.addStretch(1)
        self.line.textEdited.connect(lambda text: self.edited.emit(text if text.strip() else None))

    def show_value(self, value: FieldValue) -> None:
        text = "" if value is None else str(value)
        if self.line.text() != text and not self.line.hasFocus():
            with QSignalBlocker(self.line):
                self.line.setText(text)


class _DateField(FieldEditor):
    def __init__(self, spec: FieldSpec, parent: QWidget | None) -> None:
        super().__init__(spec, parent)
        self.date = DateField(spec.label, self)
        self.row.addWidget(self.date)
        self.setFocusProxy(self.date)
        self.date.date_changed.connect(lambda day: self.edited.emit(day.isoformat() if day else None))

    def show_value(self, value: FieldValue) -> None:
        try:
            day = dt.date.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            day = None
        self.date.set_date(day)


class _ListField(FieldEditor):
    """Rows of a few columns (a service and who approved it): add, edit, remove."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None) -> None:
        super().__init__(spec, parent)
        self.columns = spec.columns or []
        column = QVBoxLayout()
        self.table = QTableWidget(0, len(self.columns), self)
        self.table.setAccessibleName(spec.label)
        self.table.setHorizontalHeaderLabels([c.label for c in self.columns])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, as everywhere else
        for corner in self.table.findChildren(QAbstractButton):  # Qt's "select all" corner button
            corner.setAccessibleName("Select all rows")
        self.table.itemChanged.connect(lambda _cell: self.edited.emit(self.rows()))
        buttons = QHBoxLayout()
        add = QPushButton("Add a row", self)
        add.setAccessibleName(f"Add a row to {spec.label}")
        add.clicked.connect(self._add)
        remove = QPushButton("Remove the selected row", self)
        remove.setAccessibleName(f"Remove the selected row of {spec.label}")
        remove.clicked.connect(self._remove)
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        column.addWidget(self.table)
        column.addLayout(buttons)
        self.row.addLayout(column)

    def _cell(self, row: int, column: int) -> str:
        cell = self.table.item(row, column)
        return cell.text() if cell is not None else ""

    def rows(self) -> list[dict[str, str]]:
        return [
            {c.id: self._cell(r, i) for i, c in enumerate(self.columns)} for r in range(self.table.rowCount())
        ]

    def _add(self) -> None:
        row = self.table.rowCount()
        cell = QTableWidgetItem("")
        with QSignalBlocker(self.table):
            self.table.insertRow(row)
            self.table.setItem(row, 0, cell)
            for i in range(1, len(self.columns)):
                self.table.setItem(row, i, QTableWidgetItem(""))
        self.table.setCurrentCell(row, 0)
        self.table.editItem(cell)
        self._fit()

    def _remove(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self._fit()
            self.edited.emit(self.rows())

    def _fit(self) -> None:
        rows = max(self.table.rowCount(), 1)
        self.table.setFixedHeight(
            self.table.horizontalHeader().height()
            + rows * self.table.verticalHeader().defaultSectionSize()
            + 4
        )

    def show_value(self, value: FieldValue) -> None:
        rows = value if isinstance(value, list) else []
        if rows == [r for r in self.rows() if any(r.values())]:
            return
        with QSignalBlocker(self.table):
            self.table.setRowCount(len(rows))
            for r, row in enumerate(rows):
                for i, column in enumerate(self.columns):
                    self.table.setItem(r, i, QTableWidgetItem(row.get(column.id, "")))
        self._fit()


def make_field_editor(spec: FieldSpec, parent: QWidget | None = None) -> FieldEditor:
    if spec.type == "date":
        return _DateField(spec, parent)
    if spec.type == "list":
        return _ListField(spec, parent)
    return _LineField(spec, parent)


class FieldsBox(QWidget):
    """Every field of one item, in a form; rows with ``when`` show only for those answers."""

    problem = Signal(str)

    def __init__(self, session: Session, item: Item, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.item = item
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 4, 0, 4)
        self.editors: dict[str, FieldEditor] = {}
        for spec in item.fields:
            editor = make_field_editor(spec, self)
            editor.edited.connect(lambda value, s=spec: self._edited(s, value))
            label = QLabel(spec.label + ("" if spec.required else " (if any)"), self)
            label.setWordWrap(True)
            label.setBuddy(editor)
            self.form.addRow(label, editor)
            self.editors[spec.id] = editor
        self.setVisible(bool(item.fields))

    def _edited(self, spec: FieldSpec, value: Any) -> None:
        try:
            self.session.set_field(self.item, spec, value)
        except FieldError as exc:
            self.problem.emit(str(exc))
            return
        self.problem.emit("")

    def load(self, own: object) -> None:
        for spec in self.item.fields:
            editor = self.editors[spec.id]
            editor.show_value(read_field(self.session.draft, self.item, spec))
            self.form.setRowVisible(editor, field_shown(spec, own))
