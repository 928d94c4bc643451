"""The help beside the questions: why it matters, what evidence, how to check."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QApplication, QTextBrowser, QWidget

from wizard.core.bank.model import Bank
from wizard.core.bank.schema import Item
from wizard.core.describe import expected_text


def help_html(bank: Bank, item: Item) -> str:
    parts = [
        f"<h3>{escape(item.ref)}: help</h3>",
        f"<p><b>Why it matters</b><br>{escape(item.help.why)}</p>",
        f"<p><b>What evidence looks like</b><br>{escape(item.help.evidence)}</p>",
        f"<p><b>How to check</b><br>{escape(item.help.how_to_check)}</p>",
        f"<p><b>Answer that meets it</b><br>{escape(expected_text(bank, item))}</p>",
        f"<p><b>If it is not met</b><br>{escape(item.remediation)}</p>",
    ]
    if item.it_provider:
        parts.append(
            "<p><i>Your IT provider usually answers this one; tick "
            "“Answered by our IT provider” if they do.</i></p>"
        )
    return "".join(parts)


class HelpPanel(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("help")
        self.setAccessibleName("Help for the current question")
        self.setOpenExternalLinks(False)
        self.shown_item: Item | None = None
        self.setHtml("<p>Click or tab into a question to see why it matters and how to check it.</p>")

    def show_item(self, bank: Bank, item: Item) -> None:
        if self.shown_item is not None and self.shown_item.id == item.id:
            return
        self.shown_item = item
        self.setHtml(help_html(bank, item))

    def follow_focus(self, container: QWidget, lookup: Callable[[str], Bank]) -> None:
        """Show the help of whichever card inside ``container`` has the focus."""
        self._container = container
        self._lookup = lookup
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)  # a bound slot: dropped with us

    @Slot(QWidget, QWidget)
    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        from wizard.ui.widgets.item_card import ItemCard

        widget = new
        while widget is not None and not isinstance(widget, ItemCard):
            widget = widget.parentWidget()
        if widget is not None and self._container.isAncestorOf(widget):
            self.show_item(self._lookup(widget.item.id), widget.item)
