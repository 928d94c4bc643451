"""The workspace inside the main window: the start page, then the wizard for a draft."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMessageBox, QStackedWidget, QWidget

from wizard import APP_NAME
from wizard.core.bank.answer_maps import load_maps
from wizard.core.bank.errors import BankError
from wizard.core.bank.model import Bank
from wizard.core.describe import plural
from wizard.core.draft.backups import backup_path
from wizard.core.draft.carry import carry_answers
from wizard.core.draft.model import Draft, new_draft
from wizard.core.draft.next_year import NextYear, next_year_path, start_from
from wizard.core.draft.store import DraftLoadError, DraftSaveError, load_draft, recover, save_draft
from wizard.core.recent import new_draft_path, remember
from wizard.ui.pages.start import StartPage
from wizard.ui.session import Session
from wizard.ui.warm_up import warm_up
from wizard.ui.wizard_view import WizardView
from wizard.ui.workers import run_in_thread

if TYPE_CHECKING:
    from wizard.ui.packs_window import PacksWindow


class Workspace(QStackedWidget):
    title_changed = Signal(str)

    def __init__(self, banks: list[Bank], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.banks = banks
        self.session: Session | None = None
        self.view: WizardView | None = None
        self.stack = self
        self.start = StartPage(banks, self.stack)
        self.start.open_requested.connect(self.open_draft)
        self.start.new_requested.connect(self.new_assessment)
        self.start.next_year_requested.connect(self.next_year)
        self.start.recover_requested.connect(self.recover_draft)
        self.start.review_requested.connect(self.review_packs)
        self.packs_window: PacksWindow | None = None
        self.stack.addWidget(self.start)
        self.warming = False  # the checks and sign pages' libraries are being read in (warm_up)
        self.warmed = False

    # --- opening ------------------------------------------------------------------
    def open_draft(self, path: Path) -> bool:
        try:
            draft = load_draft(path)
        except DraftLoadError as exc:
            self.start.show_damaged(exc)
            return False
        return self._show(draft, path)

    def recover_draft(self, path: Path) -> None:
        try:
            draft, new_path = recover(path)
        except (DraftLoadError, OSError) as exc:
            self.start.show_problem(f"The backup could not be opened: {exc}")
            return
        self._show(draft, new_path)

    def _carry(self, draft: Draft, path: Path) -> bool:
        """Bring a draft made with earlier questions onto the current ones, and say so once."""
        try:
            report = carry_answers(draft, self.banks, load_maps())
        except BankError as exc:
            self.start.show_problem(
                f"The program's answer maps are damaged, so {path.name} was not opened: {exc}"
            )
            return False
        if not report.changed:
            return True
        try:
            save_draft(path, draft)  # the earlier file stays beside it as backup 1
        except DraftSaveError as exc:
            self.start.show_problem(str(exc))
            return False
        kept = (
            f" {plural(report.earlier, 'earlier answer')} could not be carried and are kept under “Earlier answers”."
            if report.earlier
            else ""
        )
        QMessageBox.information(
            self,
            APP_NAME,
            "\n\n".join(report.summaries) + f"\n\n{plural(report.carried, 'answer')} carried across.{kept} "
            f"The file as it was is kept as {backup_path(path, 1).name}.",
        )
        return True

    def new_assessment(self) -> None:
        stamp = dt.datetime.now().strftime("%Y-%m-%d %H%M")
        try:
            path = new_draft_path(stamp)
            draft = new_draft("", "", [b.framework.id for b in self.banks])
            save_draft(path, draft)
        except (OSError, DraftSaveError) as exc:
            self.start.show_problem(f"A new assessment could not be created: {exc}")
            return
        self._show(draft, path)

    def next_year(self, earlier_path: Path) -> None:
        """A new assessment from an earlier one, dated today: each copied answer waits to be confirmed.

        The evidence files are copied on a worker; the new draft opens when they are.
        """
        # Last year's file is only read: the copy, not it, is brought onto the current questions.
        try:
            earlier = load_draft(earlier_path)
        except DraftLoadError as exc:
            self.start.show_damaged(exc)
            return
        today = dt.date.today()

        def make() -> tuple[NextYear, Path]:
            path = next_year_path(earlier.practice.name, today)
            made = start_from(earlier, earlier_path, path, today)
            save_draft(path, made.draft)
            return made, path

        self.start.set_busy("Copying the answers and evidence files…")
        run_in_thread(make, self._next_year_made, self._next_year_failed, self)

    def _next_year_made(self, outcome: tuple[NextYear, Path]) -> None:
        made, path = outcome
        self.start.set_busy(None)
        if self._show(made.draft, path) and made.left_behind:
            QMessageBox.warning(
                self,
                APP_NAME,
                "These evidence files could not be copied into the new assessment; attach them again "
                "where they are still needed:\n\n" + "\n".join(f"• {p}" for p in made.left_behind),
            )

    def _next_year_failed(self, exc: Exception) -> None:
        self.start.set_busy(None)
        self.start.show_problem(f"The new assessment could not be created: {exc}")

    def _show(self, draft: Draft, path: Path) -> bool:
        if not self.close_session() or not self._carry(draft, path):
            return False
        self.session = Session(self.banks, draft, path, self)
        self.view = WizardView(self.session, self.stack)
        self.stack.addWidget(self.view)
        self.stack.setCurrentWidget(self.view)
        self.session.practice_changed.connect(self._retitle)
        self._retitle()
        remember(path)
        if not self.warming:
            self.warming = True
            warm_up(self, self._warmed)
        return True

    def _warmed(self) -> None:
        self.warmed = True

    def _retitle(self) -> None:
        name = self.session.draft.practice.name if self.session else ""
        self.title_changed.emit(f"{APP_NAME} – {name}" if name else APP_NAME)

    def review_packs(self) -> None:
        """The ICB reviewer's window, one of it, beside the wizard."""
        if self.packs_window is None:
            from wizard.ui.packs_window import PacksWindow

            self.packs_window = PacksWindow(self.banks, self)
        self.packs_window.show()
        self.packs_window.raise_()
        self.packs_window.activateWindow()

    # --- closing ------------------------------------------------------------------
    def close_session(self) -> bool:
        """Save the open draft; if that fails, ask before letting it go."""
        if self.session is None:
            return True
        error = self.session.saver.flush()
        if error is not None:
            choice = QMessageBox.warning(
                self,
                APP_NAME,
                f"{error}\n\nIf you close now, the changes since the last save will be lost.",
                QMessageBox.StandardButton.Retry
                | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Retry,
            )
            if choice == QMessageBox.StandardButton.Retry:
                return self.close_session()
            if choice == QMessageBox.StandardButton.Cancel:
                return False
        if self.view is not None:
            self.stack.removeWidget(self.view)
            self.view.deleteLater()
        self.session.deleteLater()
        self.session = None
        self.view = None
        return True
