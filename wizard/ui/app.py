"""Start the GUI: load the banks, apply the look, open the main window."""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from wizard import APP_NAME
from wizard.checks.catalogue import CHECK_IDS
from wizard.core.bank import load_banks
from wizard.core.bank_errors import BankError
from wizard.ui.main_window import MainWindow
from wizard.ui.style import apply_style

PROBE_ENV = "GPCW_STARTUP_PROBE"  # benchmarks: print when the first window is up, then quit


def _probe(window: MainWindow) -> None:
    def report() -> None:
        print(f"first-window {time.time():.6f}", flush=True)
        QApplication.quit()

    QTimer.singleShot(0, report)


def run() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    apply_style(app)
    try:
        banks = load_banks(None, CHECK_IDS)
    except BankError as exc:
        errors = "\n".join(str(p) for p in exc.problems if p.severity == "error")
        QMessageBox.critical(
            None, APP_NAME, f"The question banks could not be loaded, so the wizard cannot start:\n\n{errors}"
        )
        return 1
    window = MainWindow(banks)
    window.show()
    if os.environ.get(PROBE_ENV):
        _probe(window)
    return app.exec()
