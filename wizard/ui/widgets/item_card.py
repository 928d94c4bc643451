"""One question: ref, wording, answer, not sure / IT provider, note, evidence.

The card reads its answer from the session and writes every change back
through it; when the same item changes elsewhere (a scope question shown on
two pages) the session's signal brings this card up to date.
"""

from __future__ import annotations

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

from wizard.core.answers import AnswerError
from wizard.core.bank_schema import Item
from wizard.ui.session import Session
from wizard.ui.widgets.answer_editors import make_editor
from wizard.ui.widgets.evidence_box import EvidenceBox

LEVEL_WORDS = {"approaching": "Mandatory (Approaching Standards)", "met": "Mandatory (Standards Met)"}


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
        self.editor = make_editor(item, self)
        self.editor.edited.connect(self._edited)
        layout.addWidget(self.editor)
        self.evidence = EvidenceBox(session, item, self)
        self.evidence.problem.connect(self.show_error)
        layout.addLayout(self._status_row())
        self.note = QLineEdit(self)
        self.note.setPlaceholderText("Note (optional): who checked, where the document is kept…")
        self.note.setAccessibleName(f"{item.ref} note")
        self.note.textEdited.connect(lambda text: session.set_note(item, text))
        layout.addWidget(self.note)
        layout.addWidget(self.evidence)
        self.error = QLabel(self)
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        session.answer_changed.connect(self._answer_changed)
        session.checks_changed.connect(self.refresh_suggestion)
        self.load()

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
        if self.item.auto_fail:
            badge = QLabel("Automatic fail", self)
            badge.setObjectName("autoFail")
            row.addWidget(badge, 0)
        elif self.item.required_for:
            badge = QLabel(LEVEL_WORDS[self.item.required_for], self)
            badge.setObjectName("mandatory")
            row.addWidget(badge, 0)
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
        self.not_sure.toggled.connect(lambda on: self._status_toggled("not_sure", on))
        row.addWidget(self.not_sure)
        self.provider = QCheckBox("Answered by our IT provider", self)
        self.provider.setAccessibleName(f"{self.item.ref} answered by our IT provider")
        self.provider.toggled.connect(lambda on: self._status_toggled("it_provider", on))
        self.provider.setVisible(self.item.it_provider)
        row.addWidget(self.provider)
        row.addStretch(1)
        row.addWidget(self.evidence.status)
        row.addWidget(self.evidence.add_button)
        return row

    # --- from the draft ------------------------------------------------------
    def load(self) -> None:
        answer = self.session.draft.answer(self.item.id)
        self.editor.show_value(answer.value if answer.status == "answered" else None)
        self.editor.setEnabled(answer.status not in ("not_sure", "it_provider"))
        with QSignalBlocker(self.not_sure), QSignalBlocker(self.provider):
            self.not_sure.setChecked(answer.status == "not_sure")
            self.provider.setChecked(answer.status == "it_provider")
        if self.note.text() != answer.note:
            self.note.setText(answer.note)
        self.evidence.refresh()
        self.refresh_suggestion()

    def _answer_changed(self, item_id: str) -> None:
        if item_id == self.item.id and not self._writing:
            self.load()

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
        self.show_error("")

    def _status_toggled(self, status: str, on: bool) -> None:
        if on:
            self.session.set_answer(self.item, None, status)  # type: ignore[arg-type]
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
