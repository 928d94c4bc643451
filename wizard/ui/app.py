"""Start the GUI. Until the wizard pages land, a window listing the loaded banks."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QVBoxLayout, QWidget

from wizard import APP_NAME, __version__
from wizard.checks.catalogue import CHECK_IDS
from wizard.core.bank import load_banks
from wizard.core.bank_errors import BankError


def banks_summary() -> str:
    """Plain text naming each built-in bank, or the problems that stopped one loading."""
    try:
        banks = load_banks(None, CHECK_IDS)
    except BankError as exc:
        return "The question banks could not be loaded:\n\n" + "\n".join(
            str(p) for p in exc.problems if p.severity == "error"
        )
    lines = ["Question banks loaded:"]
    for bank in banks:
        count = sum(1 for _ in bank.items())
        lines.append(
            f"• {bank.framework.name}, version {bank.framework.version}: "
            f"{len(bank.sections)} sections, {count} questions"
        )
    return "\n".join(lines)


class BanksWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(f"{APP_NAME} {__version__}")
        body = QWidget(self)
        layout = QVBoxLayout(body)
        heading = QLabel(f"<h2>{APP_NAME}</h2>", body)
        summary = QLabel(banks_summary(), body)
        summary.setObjectName("banksSummary")
        summary.setWordWrap(True)
        summary.setAccessibleName("Loaded question banks")
        layout.addWidget(heading)
        layout.addWidget(summary)
        layout.addStretch(1)
        self.setCentralWidget(body)
        self.resize(640, 360)


def run() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    window = BanksWindow()
    window.show()
    return app.exec()
