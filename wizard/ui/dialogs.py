"""File pickers that keep a portable stick's promise to write nothing to the PC.

Windows' own file dialog records the folders and files it was used for in the
PC's registry (the shell's recent lists). Run from a prepared stick, the wizard
uses Qt's own dialog instead, which keeps no such history; installed on the
practice's PC, it uses the familiar Windows one.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from wizard.core.paths import is_portable


def dialog_options() -> QFileDialog.Option:
    return QFileDialog.Option.DontUseNativeDialog if is_portable() else QFileDialog.Option(0)


def choose_file(parent: QWidget, caption: str, name_filter: str = "") -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, caption, "", name_filter, options=dialog_options())
    return Path(name) if name else None


def choose_files(parent: QWidget, caption: str) -> list[Path]:
    names, _ = QFileDialog.getOpenFileNames(parent, caption, "", "", options=dialog_options())
    return [Path(name) for name in names]


def choose_save_path(parent: QWidget, caption: str, start: Path, name_filter: str) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(parent, caption, str(start), name_filter, options=dialog_options())
    return Path(name) if name else None
