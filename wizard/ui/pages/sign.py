"""Sign and export: make or open the practice's key, say who signs, then build and sign the pack.

Before signing, the page says plainly what is unanswered, not sure or not met,
and asks who is signing (name and role) and for their confirmation that they
reviewed the answers: the pack's declaration states only that. Key work,
building and signing run on a worker that reports each step by signal.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wizard.app.packs import SignedPack, default_pack_path, sign_pack
from wizard.core.completeness import completeness
from wizard.core.draft.model import SignOff
from wizard.core.settings import load_settings, save_setting
from wizard.pack.attachments import PackInputError
from wizard.pack.build import PackResult
from wizard.pack.identity import passphrase as keyring_store
from wizard.pack.identity.cert import fingerprint_of
from wizard.pack.identity.store import (
    IdentityError,
    create_identity,
    export_certificate,
    import_identity,
    load_certificate,
)
from wizard.ui.dialogs import choose_file, choose_save_path
from wizard.ui.pages.base import Page, scrolling
from wizard.ui.pages.sign_parts import DeclarationBox, field_message, say
from wizard.ui.session import Session
from wizard.ui.workers import run_with_progress

LAST_PACK = "last_pack"


class SignPage(Page):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(
            "Sign and export the evidence pack",
            "One PDF for your ICB: the result, every answer with its evidence files, the toolkit sheet, the "
            "computer checks and the action plan, signed with the practice's own key so the ICB can confirm "
            "it came from you and has not been changed.",
            parent,
        )
        self.session = session
        self.result: PackResult | None = None
        self._last: Path | None = None  # the pack made in an earlier session, if it is still there
        body = QWidget(self)
        layout = QVBoxLayout(body)
        self.summary = QLabel(body)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("What the pack will say")
        layout.addWidget(self.summary)
        layout.addWidget(self._key_box(body))
        self.declaration = DeclarationBox(body)
        self.declaration.changed.connect(self._sign_off_changed)
        layout.addWidget(self.declaration)
        layout.addWidget(self._sign_box(body))
        self.status = QLabel(body)
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Signing status")
        layout.addWidget(self.status)
        layout.addLayout(self._done_row(body))
        layout.addStretch(1)
        self.outer.addWidget(scrolling(body, self), 1)

    # --- building the widgets ---------------------------------------------------------------
    def _password(self, parent: QWidget, name: str) -> QLineEdit:
        field = QLineEdit(parent)
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setAccessibleName(name)
        return field

    def _key_box(self, parent: QWidget) -> QGroupBox:
        self.key_box = QGroupBox("The practice's signing key", parent)
        self.key_form = QFormLayout(self.key_box)
        self.key_text = QLabel(self.key_box)
        self.key_text.setWordWrap(True)
        self.key_form.addRow(self.key_text)
        self.new_pass = self._password(self.key_box, "New passphrase")
        self.new_pass2 = self._password(self.key_box, "New passphrase again")
        self.key_form.addRow("New passphrase (8 characters or more)", self.new_pass)
        self.key_form.addRow("The same passphrase again", self.new_pass2)
        self.key_error = field_message(self.key_box, "Problem with the new key")
        self.key_form.addRow(self.key_error)
        self.create_button = QPushButton("Create the practice's signing key", self.key_box)
        self.create_button.clicked.connect(self.create_key)
        self.import_button = QPushButton("Or import a key file from the ICB (.p12)…", self.key_box)
        self.import_button.setAccessibleName(
            "Import a key file issued by the ICB, opened with the first passphrase box"
        )
        self.import_button.clicked.connect(self.choose_key_file)
        self.save_cert_button = QPushButton("Save certificate for the ICB…", self.key_box)
        self.save_cert_button.clicked.connect(self.save_certificate)
        self.copy_button = QPushButton("Copy fingerprint", self.key_box)
        self.copy_button.setAccessibleName("Copy the certificate's fingerprint")
        self.copy_button.clicked.connect(self.copy_fingerprint)
        row = QHBoxLayout()
        for button in (self.create_button, self.import_button, self.save_cert_button, self.copy_button):
            row.addWidget(button)
        row.addStretch(1)
        self.key_form.addRow(row)
        return self.key_box

    def _sign_box(self, parent: QWidget) -> QGroupBox:
        self.sign_box = QGroupBox("Build and sign", parent)
        form = QFormLayout(self.sign_box)
        self.passphrase = self._password(self.sign_box, "Passphrase of the signing key")
        self.passphrase.returnPressed.connect(self.sign)
        form.addRow("&Passphrase", self.passphrase)
        self.passphrase_error = field_message(self.sign_box, "Problem with the passphrase")
        form.addRow(self.passphrase_error)
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

    def _done_row(self, parent: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        self.open_button = QPushButton("&Open the PDF", parent)
        self.open_button.clicked.connect(lambda: self._open(self.shown_pack()))
        self.folder_button = QPushButton("Show in &folder", parent)
        self.folder_button.clicked.connect(
            lambda: self._open(pack.parent if (pack := self.shown_pack()) else None)
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
        done = completeness(result, self.session.draft)
        parts = [
            f"{d.bank.framework.short_name} {d.bank.framework.version}: {d.overall}" for d in result.dspt
        ]
        parts += [f"{c.bank.framework.short_name} {c.bank.framework.version}: {c.verdict}" for c in result.ce]
        practice = self.session.draft.practice
        warning = (
            "<p><b>This pack will be marked INCOMPLETE</b> on its cover and every page.</p>"
            if not done.complete
            else ""
        )
        self.summary.setText(
            f"<p>The pack will say: {escape(practice.name or 'practice name not given')} "
            f"({escape(practice.ods_code or 'no ODS code')}), {result.percent_complete}% answered; "
            + escape("; ".join(parts))
            + " (the practice's own estimate).</p>"
            + "<p>"
            + "<br>".join(escape(line) for line in done.lines())
            + "</p>"
            + warning
        )

    def entered(self) -> None:
        self._summarise()
        fingerprint = self.fingerprint()
        has_key = fingerprint is not None
        for widget in (self.new_pass, self.new_pass2):
            self.key_form.setRowVisible(widget, not has_key)  # the labels go with their fields
        self.create_button.setVisible(not has_key)
        self.import_button.setVisible(not has_key)
        self.save_cert_button.setVisible(has_key)
        self.copy_button.setVisible(has_key)
        self.key_text.setText(
            f"The pack will be signed with the practice's key. Certificate SHA-256 fingerprint (give this to "
            f"your ICB):\n{fingerprint}"
            if has_key
            else "There is no signing key yet. Choose a passphrase to create one: it protects the key and is needed "
            "each time you sign. Keep it safe; it cannot be recovered."
        )
        self.sign_box.setEnabled(has_key)
        draft = self.session.draft
        self.declaration.show_sign_off(draft.sign_off, draft.practice.siro)
        self._update_sign_button()
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
        self._show_last_pack()

    def shown_pack(self) -> Path | None:
        return self.result.path if self.result else self._last

    def _show_last_pack(self) -> None:
        """After a restart, the pack made last time is still there to open."""
        if self.result is not None:
            return
        last = load_settings().get(LAST_PACK)
        if isinstance(last, str) and Path(last).is_file():
            self._last = Path(last)
            self.status.setText(f"Last pack made: {self._last.name}.")
            self.open_button.show()
            self.folder_button.show()

    def _sign_off_changed(self, sign_off: SignOff) -> None:
        self.session.set_sign_off(sign_off)
        self._update_sign_button()

    def _update_sign_button(self) -> None:
        self.sign_button.setEnabled(self.declaration.sign_off().ready)

    # --- actions --------------------------------------------------------------------------------
    def create_key(self) -> None:
        first, second = self.new_pass.text(), self.new_pass2.text()
        if first != second:
            say(self.key_error, "The two passphrases are not the same. Please type them again.")
            return
        practice = self.session.draft.practice
        try:
            create_identity(practice.name, practice.ods_code, first)
        except IdentityError as exc:
            say(self.key_error, str(exc))
            return
        self._key_ready("The signing key was created.")

    def choose_key_file(self) -> None:
        path = choose_file(self, "Key file from the ICB", "Key files (*.p12 *.pfx)")
        if path is not None:
            self.import_key(path)

    def import_key(self, path: Path) -> None:
        """Keep a key the ICB issued; its own passphrase goes in the first box."""
        try:
            import_identity(path, self.new_pass.text())
        except IdentityError as exc:
            say(self.key_error, str(exc))
            return
        self._key_ready("The ICB's key was imported. Sign with the passphrase it came with.")

    def _key_ready(self, news: str) -> None:
        """A key was made or imported: its passphrases leave the boxes, and the page shows the key."""
        say(self.key_error, "")
        self.new_pass.clear()
        self.new_pass2.clear()
        self.status.setText(news)
        self.entered()

    def save_certificate(self) -> None:
        start = Path.home() / f"{self.session.draft.practice.ods_code or 'practice'} certificate.pem"
        target = choose_save_path(self, "Save the certificate for the ICB", start, "Certificate (*.pem)")
        if target is None:
            return
        try:
            saved = export_certificate(target)
        except IdentityError as exc:
            self.status.setText(str(exc))
            return
        self.status.setText(f"Saved the certificate as {saved}. Send it to your ICB with the fingerprint.")

    def copy_fingerprint(self) -> None:
        fingerprint = self.fingerprint()
        if fingerprint:
            QGuiApplication.clipboard().setText(fingerprint)
            self.status.setText("The fingerprint is copied. Paste it into your email to the ICB.")

    def sign(self) -> None:
        secret = self.passphrase.text()
        if not secret:
            say(self.passphrase_error, "Type the passphrase of the signing key first.")
            return
        if not self.declaration.sign_off().ready:
            return
        say(self.passphrase_error, "")
        self.sign_button.setEnabled(False)
        banks, draft, draft_path = (
            self.session.banks,
            self.session.draft.model_copy(deep=True),
            self.session.path,
        )
        target = default_pack_path(draft)
        remember = self.remember.isChecked()

        def work(step: Callable[[object], None]) -> SignedPack:
            return sign_pack(banks, draft, draft_path, secret, target, progress=step, remember=remember)

        run_with_progress(
            work, lambda step: self.status.setText(f"{step}…"), self._signed, self._failed, self
        )

    def _signed(self, outcome: SignedPack) -> None:
        self.result, keyring_note = outcome.result, outcome.keyring_note
        self._update_sign_button()
        save_setting(LAST_PACK, str(self.result.path))
        text = (
            f"Signed: {self.result.path.name} ({self.result.page_count} pages, "
            f"{self.result.attachment_count} attached files). Send it to your ICB."
        )
        self.status.setText(text + (f"\n{keyring_note}" if keyring_note else ""))
        self.open_button.show()
        self.folder_button.show()

    def _failed(self, exc: Exception) -> None:
        self._update_sign_button()
        if isinstance(exc, IdentityError) and "passphrase" in str(exc).lower():
            say(self.passphrase_error, str(exc))
            self.status.setText("")
        elif isinstance(exc, IdentityError | PackInputError):
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
