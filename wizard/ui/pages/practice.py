"""The practice: who it is, who holds which role, what to assess, and its scope."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, QSignalBlocker
from PySide6.QtGui import QIntValidator, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from wizard.core.draft.model import ODS_GP_PATTERN
from wizard.ui.pages.base import Page, scrolling
from wizard.ui.session import Session
from wizard.ui.widgets.date_field import DateField
from wizard.ui.widgets.item_card import ItemCard

TEXT_FIELDS = [
    ("name", "&Practice name", "As registered, e.g. Riverside Surgery"),
    ("ods_code", "&ODS code", "One letter and five digits, e.g. A12345"),
    ("address", "Addr&ess", ""),
    ("siro", "Senior Information Risk Owner (&SIRO)", "Usually a GP partner"),
    ("caldicott_guardian", "&Caldicott Guardian", ""),
    ("dpo", "&Data Protection Officer", "Often provided by the ICB"),
    ("ig_lead", "&IG / data security lead", ""),
    ("it_provider", "IT pro&vider", "e.g. the ICB's commissioned IT service"),
    ("ico_registration", "ICO re&gistration number", ""),
]
ODS_MESSAGE = "A GP practice ODS code is one letter followed by five digits, for example A12345."
COUNTS = [
    ("staff_count", "Number of s&taff", "e.g. 24"),
    ("computer_count", "Number of co&mputers", "e.g. 18"),
]
AS_AT_NEEDED = "The assessment needs a date: type the day the answers speak for, e.g. 15/09/2025."


def _count_of(text: str) -> int | None:
    """What a count box holds: a number, or nothing yet (empty, or only the "+" the validator lets through)."""
    digits = text.strip().removeprefix("+")
    return int(digits) if digits.isdigit() else None


class PracticePage(Page):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(
            "About the practice",
            "Who the practice is and who holds each role. These details go on the cover "
            "and declaration of the evidence pack.",
            parent,
        )
        self.session = session
        body = QWidget(self)
        column = QVBoxLayout(body)
        column.addWidget(self._details_box(body))
        column.addWidget(self._frameworks_box(body))
        column.addWidget(self._scope_box(body))
        column.addStretch(1)
        self.outer.addWidget(scrolling(body, self), 1)
        self.entered()

    def _details_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox("Practice details", parent)
        form = QFormLayout(box)
        self.fields: dict[str, QLineEdit] = {}
        for key, label, hint in TEXT_FIELDS:
            field = QLineEdit(box)
            field.setPlaceholderText(hint)
            field.setAccessibleName(label.replace("&", ""))
            caption = QLabel(label, box)
            caption.setBuddy(field)
            form.addRow(caption, field)
            self.fields[key] = field
            if key == "ods_code":
                field.setMaxLength(6)
                field.setValidator(QRegularExpressionValidator(QRegularExpression("[A-Za-z0-9]{0,6}"), field))
                field.textEdited.connect(self._ods_edited)
                self.ods_error = QLabel("", box)
                self.ods_error.setObjectName("errorText")
                self.ods_error.setWordWrap(True)
                self.ods_error.hide()
                form.addRow("", self.ods_error)
            else:
                field.textEdited.connect(lambda text, k=key: self.session.set_practice(**{k: text}))
            if key == "name":
                field.editingFinished.connect(self.session.name_file_after_practice)
        self.session.practice_changed.connect(self._practice_changed)
        # The same date field as every question's: typed in any usual form, Tab moves on.
        self.as_at = DateField("Assessment as at", box, required=AS_AT_NEEDED)
        self.as_at.date_changed.connect(self.session.set_as_at)
        caption = QLabel("Assessment as a&t", box)
        caption.setBuddy(self.as_at.line)
        form.addRow(caption, self.as_at)
        as_at_hint = QLabel(
            "The day the answers speak for. “In the last 12 months” counts back from it.", box
        )
        as_at_hint.setObjectName("hint")
        as_at_hint.setWordWrap(True)
        form.addRow("", as_at_hint)
        # Blank until given, as in the questions that share these counts: a new practice has no "0 staff".
        self.counts: dict[str, QLineEdit] = {}
        for key, label, example in COUNTS:
            count = QLineEdit(box)
            count.setValidator(QIntValidator(0, 5000, count))
            count.setPlaceholderText(example)
            count.setMaximumWidth(count.fontMetrics().horizontalAdvance("0") * 10 + 16)
            count.setAccessibleName(label.replace("&", ""))
            count.textEdited.connect(lambda text, k=key: self.session.set_practice(**{k: _count_of(text)}))
            caption = QLabel(label, box)
            caption.setBuddy(count)
            form.addRow(caption, count)
            self.counts[key] = count
        return box

    def _frameworks_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox("What to assess", parent)
        column = QVBoxLayout(box)
        self.framework_boxes: dict[str, QCheckBox] = {}
        for bank in self.session.banks:
            check = QCheckBox(f"{bank.framework.name} ({bank.framework.version})", box)
            check.setAccessibleName(f"Include {bank.framework.name}")
            check.toggled.connect(self._frameworks_toggled)
            column.addWidget(check)
            self.framework_boxes[bank.framework.id] = check
        self.frameworks_error = QLabel("Choose at least one.", box)
        self.frameworks_error.setObjectName("errorText")
        self.frameworks_error.hide()
        column.addWidget(self.frameworks_error)
        return box

    def _scope_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox("Your IT, in brief (these decide which questions are asked)", parent)
        self.scope_layout = QVBoxLayout(box)
        self.scope_cards: dict[str, ItemCard] = {}
        self.scope_box = box
        return box

    def _rebuild_scope(self) -> None:
        wanted = [item for _, item in self.session.scope_items()]
        if [i.id for i in wanted] == list(self.scope_cards):
            return
        for card in self.scope_cards.values():
            card.deleteLater()
        self.scope_cards = {}
        for item in wanted:
            card = ItemCard(self.session, item, self.scope_box)
            self.scope_layout.addWidget(card)
            self.scope_cards[item.id] = card
        self.scope_box.setVisible(bool(wanted))

    # --- events -----------------------------------------------------------------
    def _ods_edited(self, text: str) -> None:
        code = text.strip().upper()
        valid = bool(ODS_GP_PATTERN.match(code))
        self.ods_error.setText("" if valid or not code else ODS_MESSAGE)
        self.ods_error.setVisible(not valid and bool(code))
        field = self.fields["ods_code"]
        field.setProperty("invalid", not valid and bool(code))
        field.style().unpolish(field)
        field.style().polish(field)
        if valid:
            self.session.set_practice(ods_code=code)

    def _practice_changed(self) -> None:
        """A detail edited in a question (1.1.5, A1.1...) shows here at once: one value, one place."""
        practice = self.session.draft.practice
        for key, field in self.fields.items():
            value = getattr(practice, key)
            if field.text() != value and not field.hasFocus():
                field.setText(value)
        self._show_counts(keep_focused=True)

    def _show_counts(self, keep_focused: bool) -> None:
        for key, count in self.counts.items():
            value = getattr(self.session.draft.practice, key)
            text = "" if value is None else str(value)
            if count.text() != text and not (keep_focused and count.hasFocus()):
                with QSignalBlocker(count):
                    count.setText(text)

    def _frameworks_toggled(self) -> None:
        chosen = [fid for fid, box in self.framework_boxes.items() if box.isChecked()]
        self.frameworks_error.setVisible(not chosen)
        if chosen:
            self.session.set_frameworks(chosen)
        self._rebuild_scope()

    def entered(self) -> None:
        practice = self.session.draft.practice
        for key, field in self.fields.items():
            value = getattr(practice, key)
            if field.text() != value and not (key == "ods_code" and field.hasFocus()):
                field.setText(value)
        self.as_at.set_date(self.session.draft.as_at)
        self._show_counts(keep_focused=False)
        chosen = self.session.draft.frameworks or list(self.framework_boxes)
        for fid, box in self.framework_boxes.items():
            box.blockSignals(True)
            box.setChecked(fid in chosen)
            box.blockSignals(False)
        self._rebuild_scope()

    def problems(self) -> list[str]:
        """What stops the practice details being complete, in plain words."""
        found = []
        if not self.session.draft.practice.name.strip():
            found.append("Enter the practice's name.")
        if not ODS_GP_PATTERN.match(self.session.draft.practice.ods_code):
            found.append(ODS_MESSAGE)
        return found
