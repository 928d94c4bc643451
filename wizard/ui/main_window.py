"""The main window. It appears at once; the banks load on a worker thread.

Loading and validating the question banks (and importing what that needs)
is the slowest part of starting, so the window shows a short "opening" line
first and the start page takes its place when the banks are ready. Tests and
screenshots pass the banks in and get the workspace straight away.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

from wizard import APP_NAME
from wizard.ui import window_place
from wizard.ui.workers import run_in_thread

if TYPE_CHECKING:
    from wizard.core.bank.model import Bank
    from wizard.ui.pages.start import StartPage
    from wizard.ui.session import Session
    from wizard.ui.wizard_view import WizardView
    from wizard.ui.workspace import Workspace


def _load_banks() -> list[Bank]:
    from wizard.checks.catalogue import CHECK_IDS
    from wizard.core.bank.model import load_banks

    return load_banks(None, CHECK_IDS)


class MainWindow(QMainWindow):
    def __init__(self, banks: list[Bank] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(APP_NAME)
        window_place.place(self)
        self.workspace: Workspace | None = None
        self.load_error: str | None = None  # set when the banks could not be loaded
        self.message = QLabel("Opening the question banks…", self)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Status")
        self.setCentralWidget(self.message)
        if banks is not None:
            self.set_banks(banks)

    def load_in_background(self) -> None:
        run_in_thread(_load_banks, self.set_banks, self._load_failed, self)

    def set_banks(self, banks: list[Bank]) -> None:
        from wizard.ui.workspace import Workspace

        self.workspace = Workspace(banks, self)
        self.workspace.title_changed.connect(self.setWindowTitle)
        self.setCentralWidget(self.workspace)

    def _load_failed(self, exc: Exception) -> None:
        from wizard.core.bank.errors import BankError

        if isinstance(exc, BankError):
            details = "\n".join(str(p) for p in exc.problems if p.severity == "error")
        else:
            details = str(exc)
        self.load_error = details
        self.message.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setText(
            f"The question banks could not be loaded, so the wizard cannot start. Nothing you "
            f"saved has been changed. Please pass this message to your IT provider:\n\n{details}"
        )

    # The workspace's parts, for tests and scripts that drive the window.
    def _ready(self) -> Workspace:
        if self.workspace is None:
            raise RuntimeError("the question banks have not loaded yet")
        return self.workspace

    @property
    def start(self) -> StartPage:
        return self._ready().start

    @property
    def view(self) -> WizardView | None:
        return self._ready().view

    @property
    def session(self) -> Session | None:
        return self._ready().session

    def open_draft(self, path: Path) -> bool:
        return self._ready().open_draft(path)

    def new_assessment(self) -> None:
        self._ready().new_assessment()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt naming)
        if self.workspace is None or self.workspace.close_session():
            window_place.remember(self)
            event.accept()
        else:
            event.ignore()
