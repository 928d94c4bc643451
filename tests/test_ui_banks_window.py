"""The start window (until the wizard lands) shows the loaded banks."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from wizard.ui.app import BanksWindow


def test_window_lists_both_banks(qtbot: QtBot) -> None:
    window = BanksWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.windowTitle().startswith("GP Cyber Wizard")
    summary = window.findChild(QLabel, "banksSummary")
    assert summary is not None
    text = summary.text()
    assert "Data Security and Protection Toolkit" in text and "2025-26" in text
    assert "Cyber Essentials" in text and "3.3" in text
