"""File pickers: Qt's own dialog on a portable stick (Windows' one records history in the registry)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from wizard.ui.dialogs import dialog_options


def test_native_dialog_when_installed_qt_dialog_on_a_portable_stick(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "gp-cyber-wizard.exe"))
    assert not dialog_options() & QFileDialog.Option.DontUseNativeDialog
    (tmp_path / "portable").write_text("", encoding="utf-8")
    assert dialog_options() & QFileDialog.Option.DontUseNativeDialog
