"""A save that fails is shown at once, and nothing is lost."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tests.removable import stick
from tests.ui_helpers import click
from wizard.core.bank.model import Bank
from wizard.core.demo import demo_draft
from wizard.core.draft.store import load_draft, save_draft
from wizard.ui.main_window import MainWindow
from wizard.ui.pages.section import SectionPage


def _open(qtbot: QtBot, banks: list[Bank], path: Path) -> tuple[MainWindow, SectionPage]:
    window = MainWindow(banks)
    qtbot.addWidget(window)
    window.show()
    assert window.open_draft(path)
    assert window.view is not None
    page = window.view.go("section:ce-a6")
    assert isinstance(page, SectionPage)
    return window, page


def test_read_only_folder(qtbot: QtBot, real_banks: list[Bank], tmp_path: Path) -> None:
    with stick(tmp_path) as usb:
        path = usb.folder / "riverside.json"
        save_draft(path, demo_draft(real_banks, dt.date.today()))
        before = path.read_bytes()
        window, page = _open(qtbot, real_banks, path)
        card = next(c for c in page.cards.values() if c.item.ref == "A6.5")
        assert load_draft(path).answers[card.item.id].value == "no"
        usb.read_only()
        session = window.session
        assert session is not None
        with qtbot.waitSignal(session.saver.failed, timeout=5000) as failure:
            click(qtbot, card.editor.button("yes"))  # type: ignore[attr-defined]
        assert "cannot be written to" in failure.args[0]
        view = window.view
        assert view is not None
        assert view.banner.isVisible() and "nothing already saved was lost" in view.banner_text.text()
        assert session.draft.answers[card.item.id].value == "yes"  # kept in memory
        assert path.read_bytes() == before  # the saved file is untouched
        usb.writable()
        with qtbot.waitSignal(session.saver.saved, timeout=5000):
            view.save_now()
        assert not view.banner.isVisible()
        assert load_draft(path).answers[card.item.id].value == "yes"
        window.close()


def test_stick_pulled_out(
    qtbot: QtBot, real_banks: list[Bank], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with stick(tmp_path) as usb:
        path = usb.folder / "riverside.json"
        save_draft(path, demo_draft(real_banks, dt.date.today()))
        window, page = _open(qtbot, real_banks, path)
        session = window.session
        assert session is not None
        usb.pull_out()
        card = next(c for c in page.cards.values() if c.item.ref == "A6.5")
        with qtbot.waitSignal(session.saver.failed, timeout=5000) as failure:
            click(qtbot, card.editor.button("yes"))  # type: ignore[attr-defined]
        assert "USB stick removed" in failure.args[0]
        assert not path.exists()  # nothing was written into the empty mount point
        assert session.draft.answers[card.item.id].value == "yes"
        asked: list[str] = []

        def answer_discard(_parent: object, _title: str, text: str, *_: object) -> QMessageBox.StandardButton:
            asked.append(text)
            return QMessageBox.StandardButton.Discard

        monkeypatch.setattr(QMessageBox, "warning", answer_discard)
        window.close()  # closing with unsaved answers asks first
        assert asked and "changes since the last save will be lost" in asked[0]
