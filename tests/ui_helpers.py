"""Drive wizard pages the way a person does: click buttons, type, pick dates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QListWidget, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from wizard.core.bank.model import Bank
from wizard.core.demo import compliant_field, compliant_value
from wizard.core.draft.fields import field_shown
from wizard.ui.main_window import MainWindow
from wizard.ui.widgets.date_field import DateField
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


def type_date(qtbot: QtBot, field: DateField, day: dt.date | str) -> None:
    """Type a date as a person does (15/09/2025 or any form given), then press Enter."""
    type_into(qtbot, field.line, day if isinstance(day, str) else day.strftime("%d/%m/%Y"))
    qtbot.keyClick(field.line, Qt.Key.Key_Return)


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
        type_date(qtbot, editor.field, dt.date.fromisoformat(value))
    else:
        text = str(int(value) if isinstance(value, float) and value.is_integer() else value)
        type_into(qtbot, editor.field, text)


def fill_field(qtbot: QtBot, card: ItemCard, field_id: str, value: Any) -> None:
    """Type a count or text, or pick a date, in one of the card's field editors."""
    editor: Any = card.fields.editors[field_id]
    if card.item.field(field_id).type == "date":  # type: ignore[union-attr]
        type_date(qtbot, editor.date, dt.date.fromisoformat(value))
    else:
        type_into(qtbot, editor.line, str(int(value) if isinstance(value, float) else value))


def fill_fields(qtbot: QtBot, bank: Bank, card: ItemCard, own: object, today: dt.date) -> dict[str, Any]:
    """Fill the card's required fields (and a derived tick's counts) so the item is met."""
    filled: dict[str, Any] = {}
    item = card.item
    for spec in item.fields:
        if spec.shared or not field_shown(spec, own) or not (spec.required or item.derived):
            continue
        value = compliant_field(bank, spec, own, today)
        if item.derived is not None and spec.id == item.derived.percent.part:
            value = compliant_field(bank, item.field(item.derived.percent.whole), own, today)  # type: ignore[arg-type]
        if value is None or (item.derived is not None and spec.id == item.derived.percent.less):
            continue
        fill_field(qtbot, card, spec.id, value)
        filled[spec.id] = value
    return filled


def answer_compliantly(
    qtbot: QtBot, bank: Bank, cards: dict[str, ItemCard], today: dt.date, chosen: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Answer every visible card so it meets its rule (``chosen`` by ref wins); returns what was entered."""
    entered: dict[str, Any] = {}
    for item_id, card in cards.items():
        if card.isHidden():
            continue
        own: Any = None
        if card.item.derived is None:
            own = (chosen or {}).get(card.item.ref, compliant_value(bank, card.item, today))
            answer_card(qtbot, card, own)
            entered[item_id] = own
        fill_fields(qtbot, bank, card, own, today)
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


PageT = TypeVar("PageT", bound=QWidget)


def open_on_page(
    qtbot: QtBot, banks: list[Bank], draft: Path, key: str, kind: type[PageT]
) -> tuple[MainWindow, PageT]:
    """A real main window at the size the program opens at, showing ``draft`` on the page ``key``."""
    window = MainWindow(banks)
    qtbot.addWidget(window)
    window.resize(1280, 860)
    window.show()
    qtbot.waitExposed(window)
    assert window.open_draft(draft) and window.view is not None
    page = window.view.go(key)
    assert isinstance(page, kind)
    return window, page
