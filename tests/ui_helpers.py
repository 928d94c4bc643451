"""Drive wizard pages the way a person does: click buttons, type, pick dates."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QDateEdit, QLineEdit, QListWidget, QPlainTextEdit
from pytestqt.qtbot import QtBot

from wizard.core.bank import Bank
from wizard.core.demo import compliant_value
from wizard.ui.widgets.item_card import ItemCard


def click(qtbot: QtBot, button: QAbstractButton) -> None:
    """Click near the indicator: a stretched radio button ignores clicks on empty space."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def type_into(qtbot: QtBot, field: QLineEdit | QPlainTextEdit, text: str) -> None:
    field.setFocus()
    if isinstance(field, QLineEdit):
        field.selectAll()
        qtbot.keyClick(field, Qt.Key.Key_Delete)
    else:
        field.clear()
    qtbot.keyClicks(field, text)


def answer_card(qtbot: QtBot, card: ItemCard, value: Any) -> None:
    """Answer through the card's own widgets."""
    editor: Any = card.editor
    kind = card.item.type
    if kind in ("yes_no", "choice"):
        click(qtbot, editor.button(value))
    elif kind == "multi_choice":
        for choice in value:
            click(qtbot, editor.button(choice))
    elif kind == "date":
        day = dt.date.fromisoformat(value)
        field: QDateEdit = editor.field
        field.setDate(QDate(day.year, day.month, day.day))
    else:
        text = str(int(value) if isinstance(value, float) and value.is_integer() else value)
        type_into(qtbot, editor.field, text)


def answer_compliantly(
    qtbot: QtBot, bank: Bank, cards: dict[str, ItemCard], today: dt.date, chosen: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Answer every visible card so it meets its rule (``chosen`` by ref wins); returns what was entered."""
    entered: dict[str, Any] = {}
    for item_id, card in cards.items():
        if card.isHidden():
            continue
        value = (chosen or {}).get(card.item.ref, compliant_value(bank, card.item, today))
        answer_card(qtbot, card, value)
        entered[item_id] = value
    return entered


def nav_click(qtbot: QtBot, nav: QListWidget, key: str) -> None:
    for row in range(nav.count()):
        entry = nav.item(row)
        if entry.data(Qt.ItemDataRole.UserRole) == key:
            nav.scrollToItem(entry)
            rect = nav.visualItemRect(entry)
            qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            return
    raise KeyError(key)
