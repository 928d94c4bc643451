"""Parts of a question card: who gave the answer, where the item stands, earlier answers."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from wizard.core.bank.schema import Item
from wizard.core.describe import STATE_WORDS
from wizard.core.draft.model import EarlierAnswer, ProviderRecord
from wizard.core.item_state import Evaluation
from wizard.ui.session import Session
from wizard.ui.widgets.date_field import DateField


class ProviderRow(QWidget):
    """'Answered by our IT provider', with who gave the answer and the day they gave it.

    It only records who answered: the provider's answer is still given above.
    """

    def __init__(self, session: Session, item: Item, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.item = item
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.check = QCheckBox("Answered by our IT provider", self)
        self.check.setAccessibleName(f"{item.ref} answered by our IT provider")
        self.check.toggled.connect(self._toggled)
        self.name = QLineEdit(self)
        self.name.setPlaceholderText("Who gave the answer, e.g. ICB IT")
        self.name.setAccessibleName(f"{item.ref}: IT provider who gave the answer")
        self.name.textEdited.connect(lambda _text: self._save())
        self.given_label = QLabel("on", self)
        self.given = DateField(f"{item.ref}: date the IT provider gave the answer", self)
        self.given.date_changed.connect(lambda _day: self._save())
        row.addWidget(self.check)
        row.addWidget(self.name, 1)
        row.addWidget(self.given_label)
        row.addWidget(self.given)
        self.setVisible(item.it_provider)

    def _toggled(self, on: bool) -> None:
        if on:
            self.session.set_provider(self.item, self.session.draft.practice.it_provider, None)
        else:
            self.session.clear_provider(self.item)

    def _save(self) -> None:
        self.session.set_provider(self.item, self.name.text(), self.given.date())

    def load(self, provider: ProviderRecord | None) -> None:
        with QSignalBlocker(self.check), QSignalBlocker(self.name):
            self.check.setChecked(provider is not None)
            if provider is not None:
                if not self.name.hasFocus():
                    self.name.setText(provider.name)
                self.given.set_date(provider.given_on)
        for widget in (self.name, self.given_label, self.given):
            widget.setVisible(provider is not None)


def state_html(item: Item, evaluation: Evaluation) -> str:
    """Where the item stands, in words: 'Not met: …', 'Incomplete: still needed …'."""
    state = evaluation.state
    if state == "unanswered":
        return ""
    words = STATE_WORDS[state]
    if state == "not_applicable" and item.not_applicable_if is not None:
        return f"<b>{escape(item.not_applicable_if.says)}</b>"
    details = "; ".join(evaluation.problems)
    if evaluation.percent is not None and item.derived is not None:
        details = f"worked out from the counts: {evaluation.percent:g}% of the people counted" + (
            f"; {details}" if details else ""
        )
    return f"<b>{escape(words)}</b>" + (f": {escape(details)}" if details else "")


class StateLine(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stateLine")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)

    def show_state(self, item: Item, evaluation: Evaluation) -> None:
        html = state_html(item, evaluation)
        self.setText(html)
        self.setProperty("state", evaluation.state)
        self.style().unpolish(self)
        self.style().polish(self)
        self.setVisible(bool(html))
        self.setAccessibleName(f"{item.ref} state: {self.text()}")


class EarlierAnswers(QLabel):
    """Answers from an earlier version of the questions that belong near this one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("earlier")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def show_answers(self, earlier: list[EarlierAnswer]) -> None:
        lines = [
            f"<b>Earlier answer{(' to ' + escape(e.old_ref)) if e.old_ref else ''}:</b> {escape(e.text)}"
            f"<br><i>{escape(e.reason)}</i>"
            for e in earlier
        ]
        self.setText("<br>".join(lines))
        self.setVisible(bool(lines))
