"""The sign and export page: make the key, refuse a wrong passphrase, sign, and the pack verifies."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.test_identity import IcbFile, icb_p12  # noqa: F401 (a fixture)
from tests.ui_helpers import click, type_into
from wizard.core.bank import Bank
from wizard.core.demo import demo_draft
from wizard.core.draft_store import save_draft
from wizard.pack import passphrase as keyring_store
from wizard.pack.identity import load_certificate
from wizard.pack.verify import verify_file
from wizard.ui.main_window import MainWindow
from wizard.ui.pages.sign import SignPage


def test_create_key_sign_and_verify(qtbot: QtBot, real_banks: list[Bank], tmp_path: Path) -> None:
    path = tmp_path / "riverside.json"
    save_draft(path, demo_draft(real_banks, dt.date.today()))
    window = MainWindow(real_banks)
    qtbot.addWidget(window)
    window.show()
    assert window.open_draft(path) and window.view is not None
    page = window.view.go("sign")
    assert isinstance(page, SignPage)
    assert not page.sign_box.isEnabled() and "no signing key yet" in page.key_text.text()
    assert "Approaching Standards" in page.summary.text() and "not ready" in page.summary.text()
    type_into(qtbot, page.new_pass, "Riverside-2026")
    type_into(qtbot, page.new_pass2, "Riverside-2027")
    click(qtbot, page.create_button)
    assert "not the same" in page.status.text()
    type_into(qtbot, page.new_pass2, "Riverside-2026")
    click(qtbot, page.create_button)
    assert page.sign_box.isEnabled() and "fingerprint" in page.key_text.text()
    assert keyring_store.unavailable_reason() is not None  # conftest: PYTHON_KEYRING_BACKEND=fail
    assert not page.remember.isEnabled() and "not available" in page.remember.text()
    assert "asked for it each time" in page.remember_note.text()
    type_into(qtbot, page.passphrase, "wrong passphrase")
    click(qtbot, page.sign_button)
    qtbot.waitUntil(lambda: page.sign_button.isEnabled(), timeout=30_000)
    assert "passphrase is not right" in page.status.text() and page.result is None
    type_into(qtbot, page.passphrase, "Riverside-2026")
    click(qtbot, page.sign_button)
    qtbot.waitUntil(lambda: page.result is not None, timeout=30_000)
    assert page.open_button.isVisible() and page.folder_button.isVisible()
    assert "Signed:" in page.status.text()
    verdict = verify_file(page.result.path, load_certificate(), None)  # type: ignore[union-attr]
    assert verdict.ok, verdict.problems
    window.close()


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
    assert "passphrase" in page.status.text().lower() and not page.sign_box.isEnabled()
    type_into(qtbot, page.new_pass, "icb-issued-pass")
    page.import_key(p12)
    assert page.sign_box.isEnabled()
    type_into(qtbot, page.passphrase, "icb-issued-pass")
    click(qtbot, page.sign_button)
    qtbot.waitUntil(lambda: page.result is not None, timeout=30_000)
    verdict = verify_file(page.result.path, [ca], None)  # type: ignore[union-attr]
    assert verdict.ok, verdict.problems  # trusted through the ICB's own certificate
    window.close()
