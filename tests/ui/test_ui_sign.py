"""The sign and export page: make the key, refuse a wrong passphrase, sign, and the pack verifies."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from tests.pack.test_identity import IcbFile, icb_p12  # noqa: F401 (a fixture)
from tests.ui_helpers import click, open_on_page, type_into
from wizard.core.bank.model import Bank
from wizard.core.demo import demo_draft
from wizard.core.draft.store import save_draft
from wizard.pack.identity import passphrase as keyring_store
from wizard.pack.identity.store import load_certificate
from wizard.pack.verify import verify_file
from wizard.ui.main_window import MainWindow
from wizard.ui.pages.sign import SignPage


def test_create_key_sign_and_verify(qtbot: QtBot, real_banks: list[Bank], tmp_path: Path) -> None:
    path = tmp_path / "riverside.json"
    save_draft(path, demo_draft(real_banks, dt.date.today()))
    window, page = open_on_page(qtbot, real_banks, path, "sign", SignPage)
    assert not page.sign_box.isEnabled() and "no signing key yet" in page.key_text.text()
    assert (
        "Approaching Standards" in page.summary.text() and "Would fail automatically" in page.summary.text()
    )
    assert "marked “not sure”" in page.summary.text() and "INCOMPLETE" not in page.summary.text()
    assert not page.save_cert_button.isVisible() and page.new_pass.isVisible()
    type_into(qtbot, page.new_pass, "Riverside-2026")
    type_into(qtbot, page.new_pass2, "Riverside-2027")
    click(qtbot, page.create_button)
    assert "not the same" in page.key_error.text() and page.key_error.isVisible()  # beside the fields
    type_into(qtbot, page.new_pass2, "Riverside-2026")
    click(qtbot, page.create_button)
    assert page.sign_box.isEnabled() and "fingerprint" in page.key_text.text()
    label = page.key_form.labelForField(page.new_pass)
    assert not page.new_pass.isVisible() and not label.isVisible()  # no labels left without fields
    assert page.save_cert_button.isVisible() and page.copy_button.isVisible()
    click(qtbot, page.copy_button)
    assert QGuiApplication.clipboard().text() == page.fingerprint()
    assert keyring_store.unavailable_reason() is not None  # conftest: PYTHON_KEYRING_BACKEND=fail
    assert not page.remember.isEnabled() and "not available" in page.remember.text()
    assert "asked for it each time" in page.remember_note.text()
    # The declaration step: signing waits until someone says who signs and that they reviewed the answers.
    page.declaration.show_sign_off(None, "")
    page._update_sign_button()
    assert (
        not page.sign_button.isEnabled()
        and "the name of the person signing" in page.declaration.missing.text()
    )
    type_into(qtbot, page.declaration.name, "Sam Patel")
    page.declaration.role.setCurrentText("Practice manager")
    assert not page.sign_button.isEnabled()
    page.declaration.reviewed.click()
    assert page.sign_button.isEnabled() and page.declaration.missing.isHidden()
    assert window.session.draft.sign_off.name == "Sam Patel"  # type: ignore[union-attr]
    type_into(qtbot, page.passphrase, "wrong passphrase")
    click(qtbot, page.sign_button)
    qtbot.waitUntil(lambda: page.sign_button.isEnabled(), timeout=30_000)
    assert "passphrase is not right" in page.passphrase_error.text() and page.result is None
    type_into(qtbot, page.passphrase, "Riverside-2026")
    seen: list[str] = []
    original = page.status.setText

    def watch(text: str) -> None:
        seen.append(text)
        original(text)

    page.status.setText = watch  # type: ignore[method-assign]
    click(qtbot, page.sign_button)
    qtbot.waitUntil(lambda: page.result is not None, timeout=30_000)
    assert "Writing the report…" in seen and "Signing…" in seen  # progress while the pack is built
    assert page.open_button.isVisible() and page.folder_button.isVisible()
    assert "Signed:" in page.status.text()
    verdict = verify_file(page.result.path, load_certificate(), None)  # type: ignore[union-attr]
    assert verdict.ok, verdict.problems
    text = subprocess.run(["pdftotext", str(page.result.path), "-"], capture_output=True, text=True).stdout  # type: ignore[union-attr]
    assert "Sam Patel, Practice manager signed this pack" in " ".join(text.split())
    window.close()

    again = MainWindow(real_banks)  # after a restart, the pack made last time is shown
    qtbot.addWidget(again)
    again.show()
    assert again.open_draft(path) and again.view is not None
    reopened = again.view.go("sign")
    assert isinstance(reopened, SignPage)
    assert reopened.shown_pack() == page.result.path and "Last pack made" in reopened.status.text()  # type: ignore[union-attr]
    again.close()


def test_import_an_icb_key_and_sign(
    qtbot: QtBot,
    real_banks: list[Bank],
    tmp_path: Path,
    icb_p12: IcbFile,  # noqa: F811 (the fixture)
) -> None:
    p12, _, ca = icb_p12
    path = tmp_path / "riverside.json"
    save_draft(path, demo_draft(real_banks, dt.date.today()))
    window = MainWindow(real_banks)
    qtbot.addWidget(window)
    window.show()
    assert window.open_draft(path) and window.view is not None
    page = window.view.go("sign")
    assert isinstance(page, SignPage)
    type_into(qtbot, page.new_pass, "not it")
    page.import_key(p12)  # what the file dialog hands over
    assert "passphrase" in page.key_error.text().lower() and not page.sign_box.isEnabled()
    type_into(qtbot, page.new_pass, "icb-issued-pass")
    page.import_key(p12)
    assert page.sign_box.isEnabled()
    type_into(qtbot, page.passphrase, "icb-issued-pass")
    click(qtbot, page.sign_button)
    qtbot.waitUntil(lambda: page.result is not None, timeout=30_000)
    verdict = verify_file(page.result.path, [ca], None)  # type: ignore[union-attr]
    assert verdict.ok, verdict.problems  # trusted through the ICB's own certificate
    window.close()
