"""One question: ref, wording, answer, fields, not sure / IT provider, note, evidence.

The card reads its answer from the session and writes every change back
through it; when the same item (or a fact it shows) changes elsewhere, the
session's signals bring this card up to date.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wizard.core.answer_types import AnswerError
from wizard.core.bank.schema import Item
from wizard.core.item_state import own_value
from wizard.ui.session import Session
from wizard.ui.widgets.answer_editors import make_editor
from wizard.ui.widgets.card_parts import EarlierAnswers, ProviderRow, StateLine
from wizard.ui.widgets.carried_bar import CarriedBar, question_words
from wizard.ui.widgets.evidence_box import EvidenceBox
from wizard.ui.widgets.field_editors import FieldsBox

LEVEL_WORDS = {
    "approaching": "Mandatory (Approaching Standards and Met)",
    "met": "Mandatory (Standards Met)",
}


def badge_words(session: Session, item: Item) -> tuple[str, str] | None:
    """(object name, words) of the badge beside the question, if it has one."""
    if item.auto_fail:
        return "autoFail", "Automatic fail if not met"
    if item.required_for:
        return "mandatory", LEVEL_WORDS[item.required_for]
    if session.bank_of(item.id).framework.scoring == "good_practice":
        return "mandatory", "Good practice"
    return None


class ItemCard(QFrame):
    focused = Signal(object)  # the Item, for the help panel

    def __init__(self, session: Session, item: Item, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.item = item
        self.setObjectName("card")
        self.setAcceptDrops(True)
        self.setAccessibleName(f"Question {item.ref}")
        self._writing = False  # our own edit: do not reload the editor under the cursor
        layout = QVBoxLayout(self)
        layout.addLayout(self._heading())
        layout.addWidget(self._suggestion_bar())
        self.carried = CarriedBar("Still true", f"The copied answer to {item.ref} is still true", self)
        self.carried.confirmed.connect(lambda: session.confirm_answer(item))
        layout.addWidget(self.carried)
        self.editor = make_editor(item, self)
        self.editor.edited.connect(self._edited)
        self.editor.setVisible(item.derived is None)  # a worked-out tick is not ticked by hand
        layout.addWidget(self.editor)
        self.fields = FieldsBox(session, item, self)
        self.fields.problem.connect(self.show_error)
        layout.addWidget(self.fields)
        self.provider = ProviderRow(session, item, self)
        layout.addWidget(self.provider)
        self.evidence = EvidenceBox(session, item, self)
        self.evidence.problem.connect(self.show_error)
        layout.addLayout(self._status_row())
        self.note = QLineEdit(self)
        self.note.setPlaceholderText("Note (optional): who checked, where the document is kept…")
        self.note.setAccessibleName(f"{item.ref} note")
        self.note.textEdited.connect(lambda text: session.set_note(item, text))
        layout.addWidget(self.note)
        layout.addWidget(self.evidence)
        self.state = StateLine(self)
        layout.addWidget(self.state)
        self.earlier = EarlierAnswers(self)
        layout.addWidget(self.earlier)
        self.error = QLabel(self)
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        self._reading_order()
        session.answer_changed.connect(self._answer_changed)
        session.facts_changed.connect(self._facts_changed)
        session.checks_changed.connect(self.refresh_suggestion)
        self.load()

    def _reading_order(self) -> None:
        """Tab follows the card as it reads: answer, fields, provider, not sure, attach, note, files."""
        chain: list[QWidget] = [self.not_sure, self.evidence.add_button, self.note, self.evidence.files]
        chain.append(self.evidence.remove_button)
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _heading(self) -> QHBoxLayout:
        row = QHBoxLayout()
        ref = QLabel(self.item.ref, self)
        ref.setObjectName("ref")
        question = QLabel(self.item.question, self)
        question.setObjectName("question")
        question.setWordWrap(True)
        self.setAccessibleDescription(self.item.question)
        row.addWidget(ref, 0)
        row.addWidget(question, 1)
        badge = badge_words(self.session, self.item)
        if badge is not None:
            label = QLabel(badge[1], self)
            label.setObjectName(badge[0])
            row.addWidget(label, 0)
        return row

    def _suggestion_bar(self) -> QFrame:
        """What the computer checks suggest: shown, explained, and applied only on request."""
        self.suggestion = QFrame(self)
        self.suggestion.setObjectName("suggestion")
        row = QHBoxLayout(self.suggestion)
        row.setContentsMargins(6, 4, 6, 4)
        self.suggestion_text = QLabel(self.suggestion)
        self.suggestion_text.setWordWrap(True)
        self.use_suggestion = QPushButton("Use this answer", self.suggestion)
        self.use_suggestion.setAccessibleName(f"Use the suggested answer for {self.item.ref}")
        self.use_suggestion.clicked.connect(self._apply_suggestion)
        row.addWidget(self.suggestion_text, 1)
        row.addWidget(self.use_suggestion)
        self.suggestion.hide()
        return self.suggestion

    def refresh_suggestion(self) -> None:
        offer = self.session.suggestion(self.item.id)
        answer = self.session.draft.answer(self.item.id)
        if offer is None:
            self.suggestion.hide()
            return
        agrees = answer.status == "answered" and answer.value == offer.value
        words = "Yes" if offer.value == "yes" else "No"
        self.suggestion_text.setText(
            f"The computer checks agree with your answer. {offer.reason}"
            if agrees
            else f"Suggested from the computer checks: {words}. {offer.reason}"
        )
        self.use_suggestion.setVisible(not agrees)
        self.suggestion.show()

    def _apply_suggestion(self) -> None:
        offer = self.session.suggestion(self.item.id)
        if offer is not None:
            self.session.set_answer(self.item, offer.value)

    def _status_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.not_sure = QCheckBox("Not sure", self)
        self.not_sure.setAccessibleName(f"{self.item.ref} not sure")
        self.not_sure.toggled.connect(self._not_sure_toggled)
        row.addWidget(self.not_sure)
        row.addStretch(1)
        row.addWidget(self.evidence.status)
        row.addWidget(self.evidence.add_button)
        return row

    # --- from the draft ------------------------------------------------------
    def load(self) -> None:
        draft = self.session.draft
        answer = draft.answer(self.item.id)
        bank = self.session.bank_of(self.item.id)
        own = own_value(bank, draft, self.item) if answer.status != "not_sure" else None
        if not self._writing:
            self.editor.show_value(own)
        self.editor.setEnabled(answer.status != "not_sure")
        with QSignalBlocker(self.not_sure):
            self.not_sure.setChecked(answer.status == "not_sure")
        self.fields.load(own)
        self.provider.load(answer.provider)
        if self.note.text() != answer.note:
            self.note.setText(answer.note)
        self.evidence.refresh()
        self.refresh_state()
        self.earlier.show_answers(self.session.earlier_answers(self.item.id))
        self.refresh_suggestion()

    def refresh_state(self) -> None:
        carried_from = self.session.draft.answer(self.item.id).carried_from
        self.carried.say(question_words(carried_from) if carried_from else None)
        self.state.show_state(self.item, self.session.evaluation(self.item))

    def _answer_changed(self, item_id: str) -> None:
        if item_id != self.item.id:
            return
        if self._writing:
            self.refresh_state()
        else:
            self.load()

    def _facts_changed(self) -> None:
        if self.item.fields or self.item.binds or self.item.not_applicable_if or self.item.derived:
            self.load()
        else:
            self.refresh_state()

    # --- to the draft ----------------------------------------------------------
    def _edited(self, value: Any) -> None:
        self._writing = True
        try:
            if value is None:
                self.session.clear_answer(self.item)
            else:
                self.session.set_answer(self.item, value)
        except AnswerError as exc:
            self.show_error(str(exc))
            return
        finally:
            self._writing = False
        self.fields.load(value)
        self.show_error("")

    def _not_sure_toggled(self, on: bool) -> None:
        if on:
            self.session.set_answer(self.item, None, "not_sure")
        else:
            self.session.clear_answer(self.item)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))
        self.setProperty("hasError", bool(message))
        self.style().unpolish(self)
        self.style().polish(self)

    # --- focus and drops -------------------------------------------------------
    def focusInEvent(self, event: Any) -> None:  # noqa: N802 (Qt naming)
        self.focused.emit(self.item)
        super().focusInEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasUrls() and all(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.evidence.add_files(paths)
