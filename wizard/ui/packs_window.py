"""The reviewer window: an ICB reviewer checks a folder of packs without the command line.

The same checks as ``verify --trust-dir`` and the same table as its CSV:
sortable, tinted, a pack's details or the PDF itself a double-click away,
and the estate report written from here. The checking runs on a worker
thread; the window says how far it has got.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from wizard.core.atomic import atomic_write
from wizard.core.bank.model import Bank
from wizard.core.describe import plural
from wizard.core.safe_text import csv_bytes, plain
from wizard.core.settings import load_settings, save_setting
from wizard.icb.errors import IcbError
from wizard.icb.estate import build_estate, estate_columns, estate_rows
from wizard.icb.estate_pdf import estate_pdf
from wizard.icb.folder_report import Expected, mark_duplicates, missing, missing_row, read_expected, row
from wizard.icb.received import CheckedPack, Trust, check_packs, gather
from wizard.icb.report_target import check_report_target
from wizard.icb.trust_store import load_trust_dir
from wizard.ui.dialogs import choose_file, choose_save_path, dialog_options
from wizard.ui.packs_table import ROW_KEY, SortedRows, table_model
from wizard.ui.workers import run_in_thread, run_with_progress

TRUST_SETTING = "reviewer_trust_dir"


@dataclass(frozen=True)
class Checked:
    packs: list[CheckedPack]
    expected: list[Expected]
    rows: list[dict[str, str]]


class PacksWindow(QWidget):
    """A top-level window of its own, so the reviewer can keep it beside the wizard."""

    def __init__(self, banks: list[Bank], parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.banks = banks
        self.setWindowTitle("Review packs from practices")
        self.setObjectName("pageBody")
        self.resize(1100, 650)
        self.folder: Path | None = None
        self.trust_dir: Path | None = (
            Path(load_settings()[TRUST_SETTING]) if TRUST_SETTING in load_settings() else None
        )
        self.expected_file: Path | None = None
        self.checked: Checked | None = None
        self.busy = False
        layout = QVBoxLayout(self)
        title = QLabel("Review packs from practices", self)
        title.setObjectName("pageTitle")
        intro = QLabel(
            "Choose the folder of packs the practices sent and the ICB's trust folder (their certificates, "
            "filed by ODS code). Every pack is checked as verify does; the estate report reads only the "
            "packs whose signature is good.",
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(self._choosers())
        self.status = QLabel("", self)
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Status")
        layout.addWidget(self.status)
        self.table = QTableView(self)
        self.table.setAccessibleName("Packs")
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self.show_details())
        self.proxy = SortedRows()
        self.table.setModel(self.proxy)
        layout.addWidget(self.table, 1)
        layout.addLayout(self._actions())
        self._refresh()

    # --- layout ------------------------------------------------------------------------------------
    def _choosers(self) -> QGridLayout:
        grid = QGridLayout()
        self.folder_label, self.trust_label, self.expected_label = QLabel(self), QLabel(self), QLabel(self)
        rows = (
            ("Folder of packs:", self.folder_label, "Choose the &folder…", self._choose_folder),
            ("Trust folder:", self.trust_label, "Choose the &trust folder…", self._choose_trust),
            (
                "Expected practices (optional):",
                self.expected_label,
                "Choose the &list…",
                self._choose_expected,
            ),
        )
        for r, (words, label, button_words, handler) in enumerate(rows):
            grid.addWidget(QLabel(words, self), r, 0)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(label, r, 1)
            button = QPushButton(button_words, self)
            button.clicked.connect(handler)
            grid.addWidget(button, r, 2)
        grid.setColumnStretch(1, 1)
        return grid

    def _actions(self) -> QHBoxLayout:
        row_layout = QHBoxLayout()
        self.check_button = QPushButton("&Check the packs", self)
        self.check_button.setObjectName("primary")
        self.check_button.clicked.connect(self.check)
        self.details_button = QPushButton("&Details…", self)
        self.details_button.clicked.connect(self.show_details)
        self.open_button = QPushButton("&Open the PDF", self)
        self.open_button.clicked.connect(self.open_pdf)
        self.report_button = QPushButton("Write the &estate report…", self)
        self.report_button.clicked.connect(self._choose_report)
        for button in (self.check_button, self.details_button, self.open_button, self.report_button):
            row_layout.addWidget(button)
        row_layout.addStretch(1)
        return row_layout

    def _refresh(self) -> None:
        self.folder_label.setText(str(self.folder) if self.folder else "not chosen")
        self.trust_label.setText(str(self.trust_dir) if self.trust_dir else "not chosen")
        self.expected_label.setText(str(self.expected_file) if self.expected_file else "none")
        ready = self.folder is not None and self.trust_dir is not None and not self.busy
        self.check_button.setEnabled(ready)
        has_rows = self.checked is not None and not self.busy
        for button in (self.details_button, self.open_button, self.report_button):
            button.setEnabled(has_rows)

    # --- choosing ----------------------------------------------------------------------------------
    def _choose_dir(self, caption: str) -> Path | None:
        name = QFileDialog.getExistingDirectory(self, caption, "", dialog_options())
        return Path(name) if name else None

    def _choose_folder(self) -> None:
        chosen = self._choose_dir("The folder of packs")
        if chosen is not None:
            self.set_folder(chosen)

    def _choose_trust(self) -> None:
        chosen = self._choose_dir("The ICB's trust folder")
        if chosen is not None:
            self.set_trust_dir(chosen)

    def _choose_expected(self) -> None:
        chosen = choose_file(
            self, "The practices a pack is expected from", "Lists (*.txt *.csv);;All files (*)"
        )
        if chosen is not None:
            self.set_expected(chosen)

    def set_folder(self, folder: Path) -> None:
        self.folder = folder
        self._refresh()

    def set_trust_dir(self, folder: Path) -> None:
        self.trust_dir = folder
        save_setting(TRUST_SETTING, str(folder))
        self._refresh()

    def set_expected(self, path: Path | None) -> None:
        self.expected_file = path
        self._refresh()

    # --- checking ----------------------------------------------------------------------------------
    def check(self) -> None:
        if self.folder is None or self.trust_dir is None or self.busy:
            return
        folder, trust_dir, expected_file, banks = self.folder, self.trust_dir, self.expected_file, self.banks

        def work(progress: Any) -> Checked:
            trust = Trust(load_trust_dir(trust_dir))
            expected = read_expected(expected_file) if expected_file else []
            packs = check_packs(gather([folder]).files, trust, banks, lambda n, total: progress((n, total)))
            mark_duplicates(packs)
            absent = missing(expected, packs)
            return Checked(packs, expected, [row(p) for p in packs] + [missing_row(e) for e in absent])

        self.busy = True
        self.status.setText("Checking the packs…")
        self._refresh()
        run_with_progress(work, self._progress, self._checked, self._failed, self)

    def _progress(self, step: tuple[int, int]) -> None:
        self.status.setText(f"Checked {step[0]} of {step[1]} packs…")

    def _checked(self, checked: Checked) -> None:
        self.busy = False
        self.checked = checked
        self.proxy.setSourceModel(table_model(checked.rows))
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.resizeColumnsToContents()
        for column in range(self.proxy.columnCount()):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 260))
        good = sum(1 for p in checked.packs if p.ok)
        absent = len(checked.rows) - len(checked.packs)
        not_good = len(checked.packs) - good
        sent_none = f"; {plural(absent, 'expected practice')} sent none." if checked.expected else "."
        self.status.setText(
            f"{plural(len(checked.packs), 'pack')} checked: {good} with a good signature, {not_good} not good"
            + sent_none
            if checked.packs
            else "The folder holds no packs (PDF files)."
        )
        self._refresh()

    def _failed(self, exc: Exception) -> None:
        self.busy = False
        self.status.setText(f"The packs could not be checked: {plain(exc)}")
        self._refresh()

    # --- one pack ----------------------------------------------------------------------------------
    def selected_row(self) -> dict[str, str] | None:
        if self.checked is None:
            return None
        chosen = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not chosen:
            return None
        index = int(self.proxy.data(chosen[0], ROW_KEY))
        return self.checked.rows[index]

    def details_text(self, row_data: dict[str, str]) -> str:
        lines = [
            f"{heading}: {row_data.get(column) or '–'}"
            for column, heading in _DETAILS
            if column != "problems"
        ]
        problems = row_data.get("problems", "")
        return "\n".join(lines) + ("\n\nProblems:\n" + problems if problems else "\n\nNo problems found.")

    def show_details(self) -> None:
        chosen = self.selected_row()
        if chosen is not None:
            QMessageBox.information(
                self, chosen.get("file") or chosen.get("ods_code", ""), self.details_text(chosen)
            )

    def open_pdf(self) -> None:
        chosen = self.selected_row()
        if chosen is not None and chosen.get("file") and self.folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder / chosen["file"])))

    # --- the estate report -------------------------------------------------------------------------
    def report_start(self) -> Path:
        """Beside the folder of packs, not in it: there the next check would read the report as a pack."""
        return (self.folder.parent if self.folder is not None else Path.home()) / "estate-report.pdf"

    def _choose_report(self) -> None:
        target = choose_save_path(self, "Save the estate report", self.report_start(), "PDF (*.pdf)")
        if target is not None:
            self.write_report(target if target.suffix.lower() == ".pdf" else target.with_suffix(".pdf"))

    def write_report(self, target: Path) -> None:
        """The PDF, and the same data as CSV beside it, written on a worker thread."""
        if self.checked is None or self.busy:
            return
        checked, banks = self.checked, self.banks
        try:
            check_report_target(target, [self.folder] if self.folder else [], [p.path for p in checked.packs])
        except IcbError as exc:
            self.status.setText(str(exc))
            return

        def work() -> Path:
            estate = build_estate(checked.packs, checked.expected, banks)
            atomic_write(target, estate_pdf(estate))
            atomic_write(target.with_suffix(".csv"), csv_bytes(estate_columns(estate), estate_rows(estate)))
            return target

        self.busy = True
        self.status.setText("Writing the estate report…")
        self._refresh()
        run_in_thread(work, self._written, self._failed, self)

    def _written(self, target: Path) -> None:
        self.busy = False
        self.status.setText(
            f"Wrote the estate report {target} and its table {target.with_suffix('.csv').name}."
        )
        self._refresh()


_DETAILS = (
    ("file", "File"),
    ("signature", "Signature"),
    ("practice", "Practice"),
    ("ods_code", "ODS code"),
    ("signer_ods_code", "Signer's ODS code"),
    ("certificate", "Certificate"),
    ("certificate_sha256", "Certificate SHA-256"),
    ("document_id", "Document ID"),
    ("signed_at", "Signed at"),
    ("dspt_status", "DSPT (the practice's own estimate)"),
    ("cyber_essentials", "Cyber Essentials (the practice's own estimate)"),
    ("answered_percent", "Answered %"),
    ("automatic_fails", "Automatic fails"),
    ("actions", "Actions"),
    ("duplicate", "Duplicate"),
)
