"""The bar over answers copied from an earlier assessment: look at them, then confirm them.

Until the practice confirms a copied answer (or changes any part of it), it
counts as not answered, so an answer nobody looked at this year never passes
as one. A question has one bar for its answer; a page has one for all of its
copied answers, for when every one of them has been read and still holds.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from wizard.core.dates import day_text


def question_words(carried_from: dt.date) -> str:
    return (
        f"Copied from the assessment as at {day_text(carried_from)}. Check it is still true, then "
        "press “Still true” or change it: until then it counts as not answered."
    )


def page_words(count: int, carried_from: dt.date) -> str:
    some = "1 answer on this page was" if count == 1 else f"{count} answers on this page were"
    return (
        f"{some} copied from the assessment as at {day_text(carried_from)}. Read each one; when every "
        "one still holds, you can confirm them together."
    )


class CarriedBar(QFrame):
    """Emits ``confirmed()`` when the practice says what was copied still holds."""

    confirmed = Signal()

    def __init__(self, button: str, accessible: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("carried")
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 4, 6, 4)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.button = QPushButton(button, self)
        self.button.setAccessibleName(accessible)
        self.button.clicked.connect(self.confirmed)
        row.addWidget(self.text, 1)
        row.addWidget(self.button)
        self.hide()

    def say(self, words: str | None) -> None:
        """Show the bar with ``words``, or hide it when there is nothing copied to confirm."""
        if words:
            self.text.setText(words)
        self.setVisible(bool(words))
