"""Start the GUI: show the window first, then load the banks behind it."""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from wizard import APP_NAME
from wizard.core.paths import resource_path
from wizard.ui.main_window import MainWindow
from wizard.ui.style import apply_style

PROBE_ENV = "GPCW_STARTUP_PROBE"  # benchmarks: report the first window, then quit once ready


def _probe(window: MainWindow) -> None:
    """Print when the first window is up and when the start page is ready, then quit."""

    def first() -> None:
        print(f"first-window {time.time():.6f}", flush=True)

    def ready() -> None:
        if window.workspace is None:
            QTimer.singleShot(5, ready)
            return
        print(f"start-page-ready {time.time():.6f}", flush=True)
        QApplication.quit()

    QTimer.singleShot(0, first)
    QTimer.singleShot(0, ready)


def open_main_window() -> tuple[QApplication, MainWindow]:
    """The application and its window, shown at once, with the banks loading behind it."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    apply_style(app)
    app.setWindowIcon(QIcon(str(resource_path("assets", "gp-cyber-wizard.png"))))
    window = MainWindow()
    window.show()
    window.load_in_background()
    return app, window


def run() -> int:
    app, window = open_main_window()
    if os.environ.get(PROBE_ENV):
        _probe(window)
    return app.exec()
