"""The GUI executable's extra self-test step: Qt, its plugins and every wizard page.

A bundle that lost a Qt platform plugin, a style file or a lazily imported page
fails here. The window starts exactly as it does for a practice manager (banks
loading behind it), then opens the self-test's demo assessment and shows each
page in turn, and closes (which saves the demo draft in the self-test's
temporary folder).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QThread
from PySide6.QtWidgets import QApplication

from wizard.ui.app import open_main_window

WAIT_SECONDS = 60


def _no_screen() -> bool:
    """Qt stops the whole process when it cannot reach a screen, so ask first (Linux only)."""
    if os.environ.get("QT_QPA_PLATFORM") or not sys.platform.startswith("linux"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _wait(app: QApplication, done: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what} took longer than {WAIT_SECONDS} s")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        QThread.msleep(10)


def window_step(draft_path: Path) -> str:
    """Open the window, load the banks, show every page of ``draft_path``; a line for the report."""
    if _no_screen():
        raise RuntimeError("there is no screen; set QT_QPA_PLATFORM=offscreen to test without one")
    app, window = open_main_window()
    try:
        _wait(app, lambda: window.workspace is not None or window.load_error is not None, "loading the banks")
        if window.load_error is not None:
            raise RuntimeError(f"the window could not load the banks: {window.load_error}")
        if not window.open_draft(draft_path):
            raise RuntimeError(f"the window could not open {draft_path.name}")
        view = window.view
        assert view is not None
        keys = [spec.key for spec in view.specs]
        for key in keys:
            view.go(key)
            app.processEvents()
            if view.current_key() != key:
                raise RuntimeError(f"the page {key} could not be shown")
        practice = window.session.draft.practice.name if window.session else ""
        if not practice or practice not in window.windowTitle():
            raise RuntimeError(f"the window title is {window.windowTitle()!r}, without the practice's name")
    finally:
        window.close()
        app.processEvents()
    return f"window shown on the {app.platformName()} screen; {len(keys)} pages of the demo opened"
