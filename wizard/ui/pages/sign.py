"""Sign and export: make or open the practice's key, then build and sign the pack.

The passphrase is asked for on the page (with "Remember on this PC" only where
a secure keyring exists); key work, building and signing run on a worker, so
the window stays responsive. The result can be opened or shown in its folder.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from wizard.core.paths import data_dir
from wizard.pack import passphrase as keyring_store
from wizard.pack.attachments import PackInputError
from wizard.pack.build import PackResult, build_pack
from wizard.pack.identity import (
    IdentityError,
    create_identity,
    import_identity,
    load_certificate,
    load_identity,
)
from wizard.pack.identity_cert import fingerprint_of
from wizard.ui.dialogs import choose_file
from wizard.ui.pages.base import Page
from wizard.ui.session import Session
from wizard.ui.workers import run_in_thread


def packs_dir() -> Path:
    return data_dir() / "packs"


class SignPage(Page):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(
            "Sign and export the evidence pack",
            "One PDF for your ICB: the practice details, the status of every standard, every answer with its "
            "evidence files, the computer checks and the action plan, signed with the practice's own key so the "
            "ICB can confirm it came from you and has not been changed.",
            parent,
        )
        self.session = session
        self.result: PackResult | None = None
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Signing status")
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("What the pack will say")
        self.outer.addWidget(self.summary)
        self.outer.addWidget(self._key_box())
        self.outer.addWidget(self._sign_box())
        self.outer.addWidget(self.status)
        self.outer.addLayout(self._done_row())
        self.outer.addStretch(1)
        self._step_text = ""
        self._poll = QTimer(self)
        self._poll.setInterval(100)
        self._poll.timeout.connect(lambda: self.status.setText(self._step_text))

    # --- building the widgets ---------------------------------------------------------------
    def _password(self, name: str) -> QLineEdit:
        field = QLineEdit(self)
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setAccessibleName(name)
        return field

    def _key_box(self) -> QGroupBox:
        self.key_box = QGroupBox("The practice's signing key", self)
        form = QFormLayout(self.key_box)
        self.key_text = QLabel(self.key_box)
        self.key_text.setWordWrap(True)
        form.addRow(self.key_text)
        self.new_pass = self._password("New passphrase")
        self.new_pass2 = self._password("New passphrase again")
        form.addRow("New passphrase (8 characters or more)", self.new_pass)
        form.addRow("The same passphrase again", self.new_pass2)
        self.create_button = QPushButton("Create the practice's signing key", self.key_box)
        self.create_button.clicked.connect(self.create_key)
        self.import_button = QPushButton("Or import a key file from the ICB (.p12)…", self.key_box)
        self.import_button.setAccessibleName(
            "Import a key file issued by the ICB, opened with the first passphrase box"
        )
        self.import_button.clicked.connect(self.choose_key_file)
        row = QHBoxLayout()
        row.addWidget(self.create_button)
        row.addWidget(self.import_button)
        form.addRow(row)
        return self.key_box

    def _sign_box(self) -> QGroupBox:
        self.sign_box = QGroupBox("Build and sign", self)
        form = QFormLayout(self.sign_box)
        self.passphrase = self._password("Passphrase of the signing key")
        self.passphrase.returnPressed.connect(self.sign)
        form.addRow("&Passphrase", self.passphrase)
        self.remember = QCheckBox("Remember on this PC", self.sign_box)
        self.remember.setAccessibleName("Remember the passphrase on this PC")
        form.addRow(self.remember)
        self.remember_note = QLabel(self.sign_box)  # why remembering is not available here
        self.remember_note.setWordWrap(True)
        self.remember_note.setObjectName("hint")
        self.remember_note.setAccessibleName("Why the passphrase cannot be remembered")
        form.addRow(self.remember_note)
        self.sign_button = QPushButton("Build and &sign the pack", self.sign_box)
        self.sign_button.setObjectName("primary")
        self.sign_button.clicked.connect(self.sign)
        form.addRow(self.sign_button)
        return self.sign_box

    def _done_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.open_button = QPushButton("&Open the PDF", self)
        self.open_button.clicked.connect(lambda: self._open(self.result.path if self.result else None))
        self.folder_button = QPushButton("Show in &folder", self)
        self.folder_button.clicked.connect(
            lambda: self._open(self.result.path.parent if self.result else None)
        )
        for button in (self.open_button, self.folder_button):
            button.hide()
            row.addWidget(button)
        row.addStretch(1)
        return row

    # --- state ---------------------------------------------------------------------------------
    def fingerprint(self) -> str | None:
        try:
            certificates = load_certificate()
        except IdentityError:
            return None
        return fingerprint_of(certificates[0]) if certificates else None

    def _summarise(self) -> None:
        result = self.session.assessment()
        parts = [
            f"{d.bank.framework.short_name} {d.bank.framework.version}: {d.overall}" for d in result.dspt
        ]
        parts += [
            f"{c.bank.framework.short_name} {c.bank.framework.version}: {'ready' if c.ready else 'not ready'}"
            for c in result.ce
        ]
        practice = self.session.draft.practice
        self.summary.setText(
            f"The pack will say — {practice.name or 'practice name not given'} "
            f"({practice.ods_code or 'no ODS code'}), {result.percent_complete}% answered. "
            + "; ".join(parts)
            + ". Anything not met is in the action plan."
        )

    def entered(self) -> None:
        self._summarise()
        fingerprint = self.fingerprint()
        has_key = fingerprint is not None
        for widget in (self.new_pass, self.new_pass2, self.create_button, self.import_button):
            widget.setVisible(not has_key)
        self.key_text.setText(
            f"The pack will be signed with the practice's key. Certificate SHA-256 fingerprint (give this to "
            f"your ICB):\n{fingerprint}"
            if has_key
            else "There is no signing key yet. Choose a passphrase to create one: it protects the key and is needed "
            "each time you sign. Keep it safe; it cannot be recovered."
        )
        self.sign_box.setEnabled(has_key)
        unavailable = keyring_store.unavailable_reason()
        self.remember.setEnabled(unavailable is None)
        self.remember_note.setVisible(unavailable is not None)
        if unavailable is not None:
            self.remember.setChecked(False)
            self.remember.setText("Remember on this PC (not available here)")
            self.remember_note.setText(unavailable)
        remembered = keyring_store.recall(fingerprint) if has_key and fingerprint else None
        if remembered and not self.passphrase.text():
            self.passphrase.setText(remembered)
            self.remember.setChecked(True)

    # --- actions --------------------------------------------------------------------------------
    def create_key(self) -> None:
        first, second = self.new_pass.text(), self.new_pass2.text()
        if first != second:
            self.status.setText("The two passphrases are not the same. Please type them again.")
            return
        practice = self.session.draft.practice
        try:
            create_identity(practice.name, practice.ods_code, first)
        except IdentityError as exc:
            self.status.setText(str(exc))
            return
        self.new_pass.clear()
        self.new_pass2.clear()
        self.status.setText("The signing key was created.")
        self.entered()

    def choose_key_file(self) -> None:
        path = choose_file(self, "Key file from the ICB", "Key files (*.p12 *.pfx)")
        if path is not None:
            self.import_key(path)

    def import_key(self, path: Path) -> None:
        """Keep a key the ICB issued; its own passphrase goes in the first box."""
        try:
            import_identity(path, self.new_pass.text())
        except IdentityError as exc:
            self.status.setText(str(exc))
            return
        self.new_pass.clear()
        self.new_pass2.clear()
        self.status.setText("The ICB's key was imported. Sign with the passphrase it came with.")
        self.entered()

    def sign(self) -> None:
        secret = self.passphrase.text()
        if not secret:
            self.status.setText("Type the passphrase of the signing key first.")
            return
        self.sign_button.setEnabled(False)
        self._poll.start()
        banks, draft, draft_path = (
            self.session.banks,
            self.session.draft.model_copy(deep=True),
            self.session.path,
        )
        stamp = dt.datetime.now().strftime("%Y-%m-%d %H%M")
        target = packs_dir() / f"Evidence pack {draft.practice.ods_code or 'practice'} {stamp}.pdf"
        remember = self.remember.isChecked()

        def note(step: str) -> None:
            self._step_text = f"{step}…"

        def work() -> tuple[PackResult, str | None]:
            identity = load_identity(secret)
            key = identity.signing_key()
            target.parent.mkdir(parents=True, exist_ok=True)
            result = build_pack(banks, draft, draft_path, key, target, progress=note)
            kept = keyring_store.remember(identity.fingerprint, secret) if remember else None
            if not remember:
                keyring_store.forget(identity.fingerprint)
            return result, kept

        run_in_thread(work, self._signed, self._failed, self)

    def _signed(self, outcome: tuple[PackResult, str | None]) -> None:
        self._poll.stop()
        self.result, keyring_note = outcome
        self.sign_button.setEnabled(True)
        text = (
            f"Signed: {self.result.path.name} ({self.result.page_count} pages, "
            f"{self.result.attachment_count} attached files). Send it to your ICB."
        )
        self.status.setText(text + (f"\n{keyring_note}" if keyring_note else ""))
        self.open_button.show()
        self.folder_button.show()

    def _failed(self, exc: Exception) -> None:
        self._poll.stop()
        self.sign_button.setEnabled(True)
        if isinstance(exc, IdentityError | PackInputError):
            self.status.setText(str(exc))
        elif isinstance(exc, OSError):
            self.status.setText(
                f"The pack could not be written ({exc.strerror or exc}). Nothing was changed."
            )
        else:
            self.status.setText(f"The pack could not be made: {exc}")

    @staticmethod
    def _open(path: Path | None) -> None:
        if path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
