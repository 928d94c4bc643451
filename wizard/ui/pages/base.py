"""What every wizard page shares: a title, a summary, a scrolling body."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)


class Page(QWidget):
    """A page reads from the session when entered and writes through it."""

    def __init__(self, title: str, summary: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pageBody")
        self.page_title = title
        outer = QVBoxLayout(self)
        heading = QLabel(title, self)
        heading.setObjectName("pageTitle")
        heading.setWordWrap(True)
        outer.addWidget(heading)
        if summary:
            intro = QLabel(summary, self)
            intro.setObjectName("pageSummary")
            intro.setWordWrap(True)
            outer.addWidget(intro)
        self.outer = outer

    def entered(self) -> None:
        """Called each time the page is shown: bring it up to date."""

    def focus_item(self, item_id: str) -> bool:
        """Scroll to and focus a question; False when this page does not have it."""
        return False


def scrolling(content: QWidget, parent: QWidget) -> QScrollArea:
    area = QScrollArea(parent)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(content)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area


def read_only_table(table: QTableWidget, hide_row_numbers: bool = True) -> None:
    """A table people read rather than type into, whose every part has a name."""
    if hide_row_numbers:
        table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(False)
    for corner in table.findChildren(QAbstractButton):  # Qt's "select all" corner button
        corner.setAccessibleName("Select all rows")
