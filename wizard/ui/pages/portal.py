"""The toolkit sheet: every DSPT evidence item in toolkit order, ready to copy into the online toolkit."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from wizard.core.atomic import atomic_write
from wizard.core.portal import (
    SHEET_COLUMNS,
    PortalRow,
    SheetTargetError,
    portal_csv,
    portal_sheet,
    sheet_target,
)
from wizard.core.scoring import included_banks
from wizard.ui.dialogs import choose_save_path
from wizard.ui.pages.base import Page, read_only_table
from wizard.ui.session import Session
from wizard.ui.style import tint

COLUMNS = list(SHEET_COLUMNS)
_TINT_OF = {"Met": "pass", "Not met": "fail", "Not applicable": "pass", "Not asked": "not_applicable"}


def _cells(row: PortalRow) -> tuple[str, ...]:
    """A row as the sheet shows it and copies it: the form, then the level it is mandatory for."""
    form = row.form + (f"\n{row.mandatory}" if row.mandatory else "")
    return (row.ref, form, row.answer, row.comment, row.status)


class PortalPage(Page):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(
            "Toolkit sheet",
            "Every toolkit evidence item in the toolkit's order, with what to enter for each: tick it or "
            "leave it unticked, the text to paste, or the document to upload, and the comment to add. "
            "Items marked “Not ready” still need an answer here first.",
            parent,
        )
        self.session = session
        self.rows: list[PortalRow] = []
        buttons = QHBoxLayout()
        copy = QPushButton("&Copy the sheet", self)
        copy.setAccessibleName("Copy the toolkit sheet to the clipboard")
        copy.clicked.connect(self.copy)
        save = QPushButton("Save as a &spreadsheet (CSV)…", self)
        save.clicked.connect(self.save_csv)
        self.message = QLabel(self)
        self.message.setObjectName("hint")
        buttons.addWidget(copy)
        buttons.addWidget(save)
        buttons.addWidget(self.message, 1)
        self.outer.addLayout(buttons)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setAccessibleName("Toolkit sheet")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        read_only_table(self.table)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.outer.addWidget(self.table, 1)

    def entered(self) -> None:
        banks = [
            b for b in included_banks(self.session.banks, self.session.draft) if b.framework.scoring == "dspt"
        ]
        self.rows = [row for bank in banks for row in portal_sheet(bank, self.session.draft)]
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            for c, text in enumerate(_cells(row)):
                cell = QTableWidgetItem(text)
                cell.setTextAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
                if c == 4:
                    background, foreground = tint(_TINT_OF.get(row.status, "warning"))
                    cell.setBackground(background)
                    cell.setForeground(foreground)
                self.table.setItem(r, c, cell)
        QTimer.singleShot(0, self, self.table.resizeRowsToContents)  # once the columns have their widths
        ready = sum(1 for row in self.rows if not row.answer.startswith("Not ready"))
        self.message.setText(f"{ready} of {len(self.rows)} items ready to enter.")

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt naming)
        super().resizeEvent(event)
        QTimer.singleShot(0, self, self.table.resizeRowsToContents)

    def _tab_text(self) -> str:
        lines = ["\t".join(COLUMNS)]
        for row in self.rows:
            lines.append("\t".join(cell.replace("\n", " / ").replace("\t", " ") for cell in _cells(row)))
        return "\n".join(lines) + "\n"

    def copy(self) -> None:
        QApplication.clipboard().setText(self._tab_text())
        self.message.setText("Copied. Paste it into a spreadsheet or a document.")

    def save_csv(self) -> None:
        name = f"{self.session.draft.practice.name or 'Practice'} toolkit sheet.csv"
        path = choose_save_path(
            self, "Save the toolkit sheet", self.session.path.with_name(name), "CSV (*.csv)"
        )
        if path is not None:
            self.save_csv_to(path)

    def save_csv_to(self, chosen: Path) -> None:
        """Write the sheet whole or not at all (with a BOM, so Excel reads £ and accents)."""
        try:
            path = sheet_target(chosen, self.session.path)
            atomic_write(path, portal_csv(self.rows).encode("utf-8-sig"))
        except SheetTargetError as exc:
            self.message.setText(str(exc))
            return
        except OSError as exc:
            self.message.setText(f"The sheet could not be saved: {exc.strerror or exc}.")
            return
        self.message.setText(f"Saved {path}.")
