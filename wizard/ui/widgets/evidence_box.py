"""The evidence files of one question: list, add (dialog or drop), remove.

Copies run on a worker thread; the draft is only changed, on the GUI thread,
once a copy has succeeded and been hashed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wizard.core.bank.schema import Item
from wizard.core.draft.evidence import EvidenceError, copy_evidence, evidence_path
from wizard.core.draft.model import EvidenceRef
from wizard.ui.dialogs import choose_files
from wizard.ui.session import Session
from wizard.ui.workers import run_in_thread


def _size(n: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1024  # type: ignore[assignment]
    return str(n)


class EvidenceBox(QWidget):
    problem = Signal(str)  # a plain-English message for the card to show
    busy_changed = Signal(bool)

    def __init__(self, session: Session, item: Item, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.item = item
        self._copying = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.files = QListWidget(self)
        self.files.setAccessibleName(f"{item.ref} evidence files")
        self.files.setMaximumHeight(self.fontMetrics().lineSpacing() * 6 + 12)
        # A long file name loses its middle, not its end; the whole name is in the tooltip.
        self.files.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.files.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.files.setAlternatingRowColors(True)  # each file is two lines: name, then size and hash
        self.files.itemActivated.connect(self.open_file)  # double-click or Enter: see what was attached
        # The card puts the add button and the hint on its own status row.
        self.add_button = QPushButton("Attach evidence…", parent)
        self.add_button.setAccessibleName(f"Attach evidence files to {item.ref}")
        self.add_button.clicked.connect(self.choose_files)
        self.status = QLabel("or drop files on this question", parent)
        self.status.setObjectName("hint")
        row = QHBoxLayout()
        self.remove_button = QPushButton("Remove file", self)
        self.remove_button.setAccessibleName(f"Remove the selected evidence file from {item.ref}")
        self.remove_button.clicked.connect(self.remove_selected)
        row.addWidget(self.files, 1)
        row.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(row)
        self.refresh()

    def refresh(self) -> None:
        refs = self.session.draft.answer(self.item.id).evidence
        self.files.clear()
        for ref in refs:
            entry = QListWidgetItem(f"{ref.name}\n{_size(ref.size)}, SHA-256 {ref.sha256[:12]}…")
            entry.setData(Qt.ItemDataRole.UserRole, ref.stored_as)
            entry.setToolTip(
                f"{ref.name}\nSHA-256 {ref.sha256}\nStored as {ref.stored_as}\nDouble-click to open the copy kept"
            )
            self.files.addItem(entry)
        self.setVisible(bool(refs))

    def choose_files(self) -> None:
        self.add_files(choose_files(self, f"Evidence for {self.item.ref}"))

    def add_files(self, paths: list[Path]) -> None:
        draft_path = self.session.path
        for path in paths:
            self._copying += 1
            self._show_busy()
            run_in_thread(
                lambda p=path: copy_evidence(draft_path, p),  # type: ignore[misc]
                self._copied,
                self._failed,
                self,
            )

    def _show_busy(self) -> None:
        busy = self._copying > 0
        self.status.setText("Copying…" if busy else "or drop files on this question")
        self.busy_changed.emit(busy)

    def _copied(self, ref: EvidenceRef) -> None:
        self._copying -= 1
        self.session.attach(self.item, ref)
        self._show_busy()

    def _failed(self, exc: Exception) -> None:
        self._copying -= 1
        self._show_busy()
        message = str(exc) if isinstance(exc, EvidenceError) else f"The file could not be added ({exc})."
        self.problem.emit(message)

    def open_file(self, entry: QListWidgetItem) -> None:
        """Open the copy kept with the draft (what the pack will carry), in the PC's usual program."""
        stored_as = entry.data(Qt.ItemDataRole.UserRole)
        ref = next(
            (r for r in self.session.draft.answer(self.item.id).evidence if r.stored_as == stored_as), None
        )
        if ref is None:
            return
        try:
            path = evidence_path(self.session.path, ref)
        except EvidenceError as exc:
            self.problem.emit(str(exc))
            return
        if not path.is_file():
            self.problem.emit(
                f"The copy of “{ref.name}” is missing from the evidence folder. Attach the file again."
            )
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def remove_selected(self) -> None:
        current = self.files.currentItem()
        if current is not None:
            self.session.detach(self.item, current.data(Qt.ItemDataRole.UserRole))
