"""The first page: continue the last assessment, start a new one, or open a file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wizard.core.bank.model import Bank
from wizard.core.draft.store import DraftLoadError, load_draft
from wizard.core.recent import recent_drafts
from wizard.core.scoring import score
from wizard.ui.dialogs import choose_file


def describe(path: Path, banks: list[Bank]) -> str | None:
    """'Riverside Surgery (A12345), last saved 24/11/2026 17:20, 35% answered'."""
    try:
        draft = load_draft(path)
    except DraftLoadError:
        return None
    name = draft.practice.name or "Unnamed practice"
    code = f" ({draft.practice.ods_code})" if draft.practice.ods_code else ""
    saved = draft.updated_at.astimezone().strftime("%d/%m/%Y %H:%M")
    percent = score(banks, draft).percent_complete
    return f"{name}{code}, last saved {saved}, {percent}% answered"


class StartPage(QWidget):
    open_requested = Signal(object)  # Path
    new_requested = Signal()
    next_year_requested = Signal(object)  # Path of the assessment to start from
    recover_requested = Signal(object)  # Path of the damaged draft
    review_requested = Signal()  # an ICB reviewer's folder of packs

    def __init__(self, banks: list[Bank], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.banks = banks
        self.setObjectName("pageBody")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self._header())
        body = QVBoxLayout()
        body.setContentsMargins(24, 16, 24, 16)
        outer.addLayout(body, 1)
        self.damaged = self._damaged_panel()
        body.addWidget(self.damaged)
        card = QFrame(self)
        card.setObjectName("card")
        card_layout = QVBoxLayout(card)
        self.last_label = QLabel(card)
        self.last_label.setObjectName("pageTitle")
        self.last_text = QLabel(card)
        self.last_text.setWordWrap(True)
        self.continue_button = QPushButton("&Continue this assessment", card)
        self.continue_button.setObjectName("primary")
        self.continue_button.setAutoDefault(True)
        self.continue_button.clicked.connect(self._continue)
        self.next_year_button = QPushButton("Start ne&xt year's from this one", card)
        self.next_year_button.setToolTip(
            "A new assessment with these details and answers; each answer counts once you confirm or change it"
        )
        self.next_year_button.clicked.connect(self._next_year)
        card_layout.addWidget(self.last_label)
        card_layout.addWidget(self.last_text)
        buttons = QHBoxLayout()
        buttons.addWidget(self.continue_button)
        buttons.addWidget(self.next_year_button)
        buttons.addStretch(1)
        card_layout.addLayout(buttons)
        body.addWidget(card)
        self.others_label = QLabel("Other assessments on this computer or stick:", self)
        self.others = QListWidget(self)
        self.others.setAccessibleName("Other saved assessments")
        self.others.itemActivated.connect(
            lambda entry: self.open_requested.emit(entry.data(Qt.ItemDataRole.UserRole))
        )
        body.addWidget(self.others_label)
        body.addWidget(self.others)
        row = QHBoxLayout()
        new = QPushButton("Start a &new assessment", self)
        new.clicked.connect(self.new_requested.emit)
        opener = QPushButton("&Open a draft file…", self)
        opener.clicked.connect(self._choose_file)
        row.addWidget(new)
        row.addWidget(opener)
        row.addStretch(1)
        self.review_button = QPushButton("&Review packs from practices…", self)
        self.review_button.setToolTip("For the ICB: check a folder of practices' signed packs")
        self.review_button.clicked.connect(self.review_requested.emit)
        row.addWidget(self.review_button)
        body.addLayout(row)
        body.addStretch(1)
        self.refresh()

    def _header(self) -> QWidget:
        band = QWidget(self)
        band.setObjectName("header")
        layout = QVBoxLayout(band)
        layout.setContentsMargins(24, 16, 24, 16)
        title = QLabel("GP Cyber Wizard", band)
        title.setObjectName("appTitle")
        text = QLabel(
            "Prepare your Data Security and Protection Toolkit submission and a Cyber Essentials "
            "self-assessment, one plain-English question at a time. Every answer is saved as you go.",
            band,
        )
        text.setObjectName("headerText")
        text.setWordWrap(True)
        layout.addWidget(title)
        layout.addWidget(text)
        return band

    def _damaged_panel(self) -> QFrame:
        panel = QFrame(self)
        panel.setObjectName("card")
        panel.setProperty("hasError", True)
        layout = QVBoxLayout(panel)
        self.damaged_text = QLabel(panel)
        self.damaged_text.setObjectName("errorText")
        self.damaged_text.setWordWrap(True)
        layout.addWidget(self.damaged_text)
        row = QHBoxLayout()
        self.recover_button = QPushButton("Open the newest good &backup", panel)
        self.recover_button.clicked.connect(lambda: self.recover_requested.emit(self._damaged_path))
        dismiss = QPushButton("Close this message", panel)
        dismiss.clicked.connect(panel.hide)
        row.addWidget(self.recover_button)
        row.addWidget(dismiss)
        row.addStretch(1)
        layout.addLayout(row)
        panel.hide()
        QShortcut(
            QKeySequence(Qt.Key.Key_Escape), panel, panel.hide, context=Qt.ShortcutContext.WindowShortcut
        )
        self._damaged_path: Path | None = None
        return panel

    def refresh(self) -> None:
        drafts = recent_drafts()
        described = [(p, d) for p in drafts if (d := describe(p, self.banks)) is not None]
        self._last = described[0][0] if described else None
        has_last = self._last is not None
        self.last_label.setText("Continue where you left off" if has_last else "Welcome")
        self.last_text.setText(
            described[0][1]
            if described
            else "There is no saved assessment yet. Start a new one, or open a draft file "
            "someone has given you."
        )
        self.continue_button.setVisible(has_last)
        self.next_year_button.setVisible(has_last)
        self.others.clear()
        for path, text in described[1:]:
            entry = QListWidgetItem(text)
            entry.setData(Qt.ItemDataRole.UserRole, path)
            entry.setToolTip(str(path))
            self.others.addItem(entry)
        self.others.setVisible(len(described) > 1)
        self.others_label.setVisible(len(described) > 1)
        if has_last:
            self.continue_button.setFocus()

    def _continue(self) -> None:
        if self._last is not None:
            self.open_requested.emit(self._last)

    def set_busy(self, words: str | None) -> None:
        """While a new assessment is being made (``words`` say what), its buttons wait."""
        for button in (self.continue_button, self.next_year_button):
            button.setEnabled(words is None)
        if words is not None:
            self.last_text.setText(words)
        else:
            self.refresh()

    def _next_year(self) -> None:
        if self._last is not None:
            self.next_year_requested.emit(self._last)

    def _choose_file(self) -> None:
        path = choose_file(self, "Open a draft", "GP Cyber Wizard drafts (*.json)")
        if path is not None:
            self.open_requested.emit(path)

    def show_problem(self, message: str) -> None:
        """A plain message in the red panel, with nothing to recover."""
        self._damaged_path = None
        self.damaged_text.setText(message)
        self.recover_button.hide()
        self.damaged.show()

    def show_damaged(self, error: DraftLoadError) -> None:
        self._damaged_path = error.path
        self.damaged_text.setText(str(error))
        self.recover_button.setVisible(error.newest_good is not None)
        self.damaged.show()
        (self.recover_button if error.newest_good else self.damaged).setFocus()
