"""Where data lives: GPCW_DATA_DIR, then a portable stick, then the user folder."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from wizard.core import paths


def test_environment_variable_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GPCW_DATA_DIR", str(tmp_path / "here"))
    assert paths.data_dir() == tmp_path / "here"


def test_portable_marker_beside_the_program(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GPCW_DATA_DIR")
    stick = tmp_path / "USB"
    stick.mkdir()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(stick / "gp-cyber-wizard.exe"))
    assert paths.data_dir() != stick / "data"  # no marker yet: the user folder
    (stick / "portable").write_text("")
    assert paths.data_dir() == stick / "data"
    assert not (stick / "data").exists()  # asking does not create anything


def test_user_folder_otherwise(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("GPCW_DATA_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    if sys.platform.startswith("linux"):
        assert paths.data_dir() == tmp_path / "xdg" / "GP Cyber Wizard"


def test_resources_found_from_a_bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "questions").mkdir()
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.questions_dir() == tmp_path / "questions"
    monkeypatch.delattr(sys, "_MEIPASS")
    assert (paths.questions_dir() / "dspt-2025-26-gp.yaml").is_file()
