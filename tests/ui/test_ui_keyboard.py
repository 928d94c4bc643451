"""The keyboard alone: Tab in reading order, arrow keys choose, as on Windows."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from wizard.core.bank.model import Bank
from wizard.core.demo import demo_draft
from wizard.core.draft.store import save_draft
from wizard.ui.main_window import MainWindow
from wizard.ui.pages.section import SectionPage
from wizard.ui.widgets.item_card import ItemCard


def _page(qtbot: QtBot, banks: list[Bank], tmp_path: Path, key: str) -> tuple[MainWindow, SectionPage]:
    path = tmp_path / "riverside.json"
    save_draft(path, demo_draft(banks, dt.date(2026, 5, 1)))
    window = MainWindow(banks)
    qtbot.addWidget(window)
    window.show()
    assert window.open_draft(path)
    assert window.view is not None
    page = window.view.go(key)
    assert isinstance(page, SectionPage)
    return window, page


def _tab_stops(card: ItemCard) -> list[QWidget]:
    """The card's widgets in the order Tab visits them."""
    stops: list[QWidget] = []
    widget = card.nextInFocusChain()
    for _ in range(500):
        if widget is card:
            break
        inside = card.isAncestorOf(widget)
        if inside and widget.isVisibleTo(card) and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            stops.append(widget)
        widget = widget.nextInFocusChain()
    return stops


def _reads_before(card: ItemCard, a: QWidget, b: QWidget) -> bool:
    """``a`` comes first when read: on a higher line, or on the same line further left."""
    top_a, top_b = a.mapTo(card, QPoint(0, 0)), b.mapTo(card, QPoint(0, 0))
    if top_a.y() + a.height() <= top_b.y():
        return True
    same_line = top_a.y() < top_b.y() + b.height() and top_b.y() < top_a.y() + a.height()
    return same_line and top_a.x() < top_b.x()


def test_tab_follows_reading_order_on_every_card(
    qtbot: QtBot, real_banks: list[Bank], tmp_path: Path
) -> None:
    for key in ("section:dspt-s3", "section:dspt-s6", "section:ce-a7"):
        window, page = _page(qtbot, real_banks, tmp_path, key)
        page.resize(1200, 2000)
        for card in page.cards.values():
            if card.isHidden():
                continue
            stops = _tab_stops(card)
            assert stops, card.item.ref
            for earlier, later in itertools.combinations(stops, 2):
                assert not _reads_before(card, later, earlier), (
                    card.item.ref,
                    later.accessibleName() or type(later).__name__,
                    earlier.accessibleName() or type(earlier).__name__,
                )
        window.close()


def test_arrow_keys_choose_the_answer_they_move_to(
    qtbot: QtBot, real_banks: list[Bank], tmp_path: Path
) -> None:
    window, page = _page(qtbot, real_banks, tmp_path, "section:dspt-s6")
    card = next(c for c in page.cards.values() if c.item.ref == "6.1.1")
    yes, no = card.editor.button("yes"), card.editor.button("no")  # type: ignore[attr-defined]
    assert yes.isChecked()
    qtbot.keyClick(yes, Qt.Key.Key_Right)
    assert no.isChecked() and window.session.draft.answer(card.item.id).value == "no"  # type: ignore[union-attr]
    qtbot.keyClick(no, Qt.Key.Key_Left)
    assert yes.isChecked() and window.session.draft.answer(card.item.id).value == "yes"  # type: ignore[union-attr]
    window.close()
