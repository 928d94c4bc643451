"""One editor per answer type. Each emits ``edited(value)``; None means cleared.

``show(value)`` fills the editor from the draft without emitting, so loading a
page never looks like the user changing an answer.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from wizard.core.answer_types import AnswerError, kind_of
from wizard.core.bank.schema import Item
from wizard.ui.widgets.date_field import DateField


class AnswerEditor(QWidget):
    edited = Signal(object)

    def __init__(self, item: Item, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item

    def show_value(self, value: Any) -> None:
        raise NotImplementedError

    def _name(self, widget: QWidget, what: str) -> None:
        widget.setAccessibleName(f"{self.item.ref} {what}")
        widget.setAccessibleDescription(self.item.question)


class _ButtonsEditor(AnswerEditor):
    """Radio buttons (one answer) or check boxes (several)."""

    def __init__(
        self, item: Item, options: list[tuple[str, str]], several: bool, parent: QWidget | None
    ) -> None:
        super().__init__(item, parent)
        self._several = several
        self._group = QButtonGroup(self)
        self._group.setExclusive(not several)
        self._buttons: dict[str, QAbstractButton] = {}
        horizontal = len(options) <= 3 and all(len(label) < 14 for _, label in options)
        layout: QHBoxLayout | QVBoxLayout = QHBoxLayout(self) if horizontal else QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for value, label in options:
            button: QAbstractButton = QCheckBox(label, self) if several else QRadioButton(label, self)
            self._name(button, label)
            self._group.addButton(button)
            self._buttons[value] = button
            layout.addWidget(button)
        if horizontal:
            layout.addStretch(1)
        self._group.buttonToggled.connect(self._toggled)
        for button in self._buttons.values():
            button.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt naming)
        """Arrow keys move between the choices; for one answer they also choose it, as on Windows."""
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, QAbstractButton):
            return False
        key = event.key()  # type: ignore[attr-defined]
        step = {Qt.Key.Key_Right: 1, Qt.Key.Key_Down: 1, Qt.Key.Key_Left: -1, Qt.Key.Key_Up: -1}.get(key)
        if step is None:
            return False
        buttons = list(self._buttons.values())
        target = buttons[(buttons.index(watched) + step) % len(buttons)]
        target.setFocus(Qt.FocusReason.TabFocusReason)
        if not self._several and not target.isChecked():
            target.click()
        return True

    def _toggled(self, button: QAbstractButton, checked: bool) -> None:
        if self._several:
            self.edited.emit([v for v, b in self._buttons.items() if b.isChecked()])
        elif checked:
            self.edited.emit(next(v for v, b in self._buttons.items() if b is button))

    def show_value(self, value: Any) -> None:
        blocker = QSignalBlocker(self._group)
        chosen = set(value) if isinstance(value, list) else {value}
        self._group.setExclusive(False)
        for key, button in self._buttons.items():
            button.setChecked(key in chosen)
        self._group.setExclusive(not self._several)
        del blocker

    def button(self, value: str) -> QAbstractButton:
        return self._buttons[value]


class _LineEditor(AnswerEditor):
    """Short text, numbers and percentages."""

    def __init__(self, item: Item, parent: QWidget | None) -> None:
        super().__init__(item, parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.field = QLineEdit(self)
        self._name(self.field, "answer")
        kind = kind_of(item)
        numeric = kind.editor_for(item) == "number"
        if item.max_length:
            self.field.setMaxLength(item.max_length)
        if numeric:
            self.field.setPlaceholderText("Type a number")
            self.field.setMaximumWidth(self.fontMetrics().horizontalAdvance("0") * 14)
        layout.addWidget(self.field, 0 if numeric else 1)
        unit = kind.unit(item)
        if unit:
            layout.addWidget(QLabel(unit, self))
        if numeric:
            layout.addStretch(1)
        self.field.textEdited.connect(self._typed)

    def _typed(self, text: str) -> None:
        if not text.strip():
            self.edited.emit(None)
            return
        try:
            self.edited.emit(kind_of(self.item).parse(self.item, text))
        except AnswerError:
            self.edited.emit(text)  # the session reports the problem in plain words

    def show_value(self, value: Any) -> None:
        text = (
            ""
            if value is None
            else str(int(value) if isinstance(value, float) and value.is_integer() else value)
        )
        if self.field.text() != text:
            with QSignalBlocker(self.field):
                self.field.setText(text)


class _TextEditor(AnswerEditor):
    """Longer text: statements, lists, links."""

    def __init__(self, item: Item, parent: QWidget | None) -> None:
        super().__init__(item, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.field = QPlainTextEdit(self)
        self.field.setTabChangesFocus(True)  # keyboard users can leave the box with Tab
        self._name(self.field, "answer")
        if item.type == "evidence":
            self.field.setPlaceholderText("A link, the document's name and date, or a short statement")
        lines = 3
        self.field.setFixedHeight(self.fontMetrics().lineSpacing() * lines + 16)
        layout.addWidget(self.field)
        self.field.textChanged.connect(self._typed)

    def _typed(self) -> None:
        text = self.field.toPlainText()
        self.edited.emit(text if text.strip() else None)

    def show_value(self, value: Any) -> None:
        text = "" if value is None else str(value)
        if self.field.toPlainText() != text:
            with QSignalBlocker(self.field):
                self.field.setPlainText(text)


class _DateEditor(AnswerEditor):
    def __init__(self, item: Item, parent: QWidget | None) -> None:
        super().__init__(item, parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.field = DateField(f"{item.ref} date", self)
        self.field.line.setAccessibleDescription(item.question)
        layout.addWidget(self.field)
        self.setFocusProxy(self.field)
        self.field.date_changed.connect(lambda day: self.edited.emit(day.isoformat() if day else None))

    def show_value(self, value: Any) -> None:
        try:
            day = dt.date.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            day = None
        self.field.set_date(day)


def make_editor(item: Item, parent: QWidget | None = None) -> AnswerEditor:
    """The widget for the item's answer type (see ``wizard.core.answer_types.KINDS``)."""
    kind = kind_of(item)
    editor = kind.editor_for(item)
    if editor == "buttons":
        return _ButtonsEditor(item, kind.options(item), kind.several, parent)
    if editor == "date":
        return _DateEditor(item, parent)
    if editor in ("line", "number"):
        return _LineEditor(item, parent)
    return _TextEditor(item, parent)
