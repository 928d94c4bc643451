"""A page generated from one DSPT standard or Cyber Essentials section."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from wizard.core.bank.model import Bank
from wizard.core.bank.schema import Item, Section
from wizard.core.visibility import is_visible
from wizard.ui.pages.base import Page, scrolling
from wizard.ui.session import Session
from wizard.ui.widgets.carried_bar import CarriedBar, page_words
from wizard.ui.widgets.help_panel import HelpPanel
from wizard.ui.widgets.item_card import ItemCard


def section_heading(bank: Bank, section: Section) -> str:
    framework = bank.framework
    if framework.scoring == "good_practice":
        return f"Good practice: {section.title} (not part of the DSPT or Cyber Essentials results)"
    kind = "Standard" if framework.scoring == "dspt" else "Section"
    return f"{framework.short_name} {kind} {section.ref}: {section.title}"


class SectionPage(Page):
    def __init__(self, session: Session, bank: Bank, section: Section, parent: QWidget | None = None) -> None:
        super().__init__(section_heading(bank, section), section.summary, parent)
        self.session = session
        self.bank = bank
        self.section = section
        self.carried = CarriedBar(
            "All still true", f"Every copied answer on the page {section.ref} is still true", self
        )
        self.carried.confirmed.connect(self.confirm_all)
        self.outer.addWidget(self.carried)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        body = QWidget(splitter)
        column = QVBoxLayout(body)
        self.cards: dict[str, ItemCard] = {}
        for item in section.items:
            card = ItemCard(session, item, body)
            self.cards[item.id] = card
            column.addWidget(card)
        column.addStretch(1)
        self.scroller = scrolling(body, splitter)
        self.help = HelpPanel(splitter)
        self.help.follow_focus(body, session.bank_of)
        splitter.addWidget(self.scroller)
        splitter.addWidget(self.help)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        width = self.fontMetrics().averageCharWidth()
        self.help.setMinimumWidth(width * 30)
        splitter.setSizes([width * 100, width * 42])
        self.outer.addWidget(splitter, 1)
        if section.items:
            self.help.show_item(bank, section.items[0])
        session.answer_changed.connect(self._answer_changed)
        self.apply_visibility()

    def _answer_changed(self, _item_id: str) -> None:
        self.apply_visibility()  # cheap, and catches show_if chains across sections

    def apply_visibility(self) -> None:
        shown = [item for item in self.section.items if is_visible(self.bank, self.session.draft, item)]
        shown_ids = {item.id for item in shown}
        for item in self.section.items:
            self.cards[item.id].setVisible(item.id in shown_ids)
        # The questions shown whose copied answer is not confirmed yet, with the day each was copied from.
        self.waiting: list[tuple[Item, dt.date]] = [
            (item, day)
            for item in shown
            if (day := self.session.draft.answer(item.id).carried_from) is not None
        ]
        latest = max((day for _, day in self.waiting), default=None)
        self.carried.say(page_words(len(self.waiting), latest) if latest else None)

    def confirm_all(self) -> None:
        for item, _ in list(self.waiting):  # each confirmation works the list out again
            self.session.confirm_answer(item)

    def entered(self) -> None:
        self.apply_visibility()

    def focus_item(self, item_id: str) -> bool:
        card = self.cards.get(item_id)
        if card is None:
            return False
        self.help.show_item(self.bank, card.item)
        QTimer.singleShot(0, self, lambda: self.scroller.ensureWidgetVisible(card, 0, 40))
        card.editor.setFocus(Qt.FocusReason.OtherFocusReason)
        first = card.editor.focusProxy() or next(iter(card.editor.findChildren(QWidget)), None)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
        return True
