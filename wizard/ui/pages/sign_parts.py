"""Parts of the sign page: the declaration step, and a message shown beside the field it is about."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QWidget

from wizard.core.draft.model import SignOff

ROLES = ["Senior Information Risk Owner (SIRO)", "GP partner", "Caldicott Guardian", "Practice manager"]


def field_message(parent: QWidget, name: str) -> QLabel:
    """An error shown under the field it is about, hidden until there is one."""
    label = QLabel(parent)
    label.setObjectName("errorText")
    label.setWordWrap(True)
    label.setAccessibleName(name)
    label.hide()
    return label


def say(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


class DeclarationBox(QGroupBox):
    """Who is signing and what they confirm: the pack's declaration says exactly this, no more."""

    changed = Signal(object)  # the SignOff as now filled in

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Who is signing", parent)
        form = QFormLayout(self)
        self.name = QLineEdit(self)
        self.name.setAccessibleName("Name of the person signing")
        self.name.setPlaceholderText("e.g. Dr Amelia Shah")
        self.role = QComboBox(self)
        self.role.setEditable(True)
        self.role.addItems(ROLES)
        self.role.setCurrentText("")
        self.role.setAccessibleName("Role of the person signing")
        editor = self.role.lineEdit()
        if editor is not None:
            editor.setAccessibleName("Role of the person signing")
        self.reviewed = QCheckBox("I have reviewed the answers in this pack, including what is not met", self)
        self.reviewed.setAccessibleName("The signer has reviewed the answers")
        self.plan = QCheckBox("The practice will carry out the action plan by the dates shown", self)
        self.plan.setAccessibleName("The practice commits to the action plan")
        form.addRow("&Name", self.name)
        form.addRow("&Role", self.role)
        form.addRow(self.reviewed)
        form.addRow(self.plan)
        self.missing = QLabel(self)
        self.missing.setObjectName("hint")
        self.missing.setWordWrap(True)
        form.addRow(self.missing)
        self.name.textEdited.connect(self._edited)
        self.role.currentTextChanged.connect(self._edited)
        self.reviewed.toggled.connect(self._edited)
        self.plan.toggled.connect(self._edited)

    def sign_off(self) -> SignOff:
        return SignOff(
            name=self.name.text().strip(),
            role=self.role.currentText().strip(),
            reviewed=self.reviewed.isChecked(),
            plan_committed=self.plan.isChecked(),
        )

    def show_sign_off(self, sign_off: SignOff | None, suggested_name: str) -> None:
        for widget in (self.name, self.role, self.reviewed, self.plan):
            widget.blockSignals(True)
        self.name.setText(sign_off.name if sign_off else suggested_name)
        self.role.setCurrentText(sign_off.role if sign_off else "")
        self.reviewed.setChecked(bool(sign_off and sign_off.reviewed))
        self.plan.setChecked(bool(sign_off and sign_off.plan_committed))
        for widget in (self.name, self.role, self.reviewed, self.plan):
            widget.blockSignals(False)
        self._show_missing()

    def _edited(self, *_: object) -> None:
        self._show_missing()
        self.changed.emit(self.sign_off())

    def _show_missing(self) -> None:
        current = self.sign_off()
        needed = [
            what
            for what, given in (
                ("the name of the person signing", current.name),
                ("their role", current.role),
                ("that they reviewed the answers", current.reviewed),
            )
            if not given
        ]
        self.missing.setText(f"Before signing, give {', '.join(needed)}." if needed else "")
        self.missing.setVisible(bool(needed))
