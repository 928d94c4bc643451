"""The main window fits the screens practices have, with Back and Next always on screen."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRect

from tests.conftest import TESTS
from wizard.ui.window_place import FRAME, TITLE_BAR, fit

SCRIPT = TESTS / "scripts" / "window_on_screens.py"
# 1280×720 projector; 1366×768 laptop less a 40-pixel taskbar; 1920×1080 at 150% (1280×720 logical).
SCREENS = [
    {"name": "Projector", "x": 0, "y": 0, "width": 1280, "height": 720},
    {"name": "Laptop", "x": 1280, "y": 0, "width": 1366, "height": 728},
    {"name": "Scaled", "x": 2646, "y": 0, "width": 1280, "height": 720, "dpr": 1.5},
]


def test_a_window_larger_than_the_screen_is_fitted_inside_it() -> None:
    area = QRect(0, 0, 1280, 720)
    placed = fit(QRect(300, 200, 1200, 800), area)
    assert area.adjusted(FRAME, TITLE_BAR, -FRAME, -FRAME).contains(placed)
    assert placed.height() == 720 - TITLE_BAR - FRAME and placed.width() == 1200


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Qt's offscreen screens, as CI has them")
def test_every_screen_shows_the_whole_window_and_its_navigation_bar(tmp_path: Path) -> None:
    config = tmp_path / "screens.json"
    screens = [{"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1, **s} for s in SCREENS]
    config.write_text(json.dumps({"screens": screens}))
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "GPCW_DATA_DIR": str(tmp_path / "data"),
    }
    run = subprocess.run(
        [sys.executable, str(SCRIPT), str(tmp_path / "riverside.json")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    seen = json.loads(run.stdout.splitlines()[-1])
    assert sorted(s["screen"] for s in seen) == sorted(s["name"] for s in SCREENS)
    for shown in seen:
        area = QRect(*shown["area"])
        window, footer = QRect(*shown["window"]), QRect(*shown["footer"])
        assert area.contains(window), shown
        assert area.contains(footer) and footer.height() > 20, shown
        assert shown["next_visible"], shown
    settings = json.loads((tmp_path / "data" / "settings.json").read_text())
    assert settings["window"]["height"] <= 728 and not settings["window"]["maximised"]  # remembered as fitted
