"""Where the practice stands: status per standard, Cyber Essentials, action plan."""

from __future__ import annotations

import datetime as dt
from html import escape

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wizard.core.action_plan import ActionEntry, build_action_plan
from wizard.core.scoring import Assessment
from wizard.ui.pages.base import Page, read_only_table, scrolling
from wizard.ui.session import Session
from wizard.ui.style import GREEN, RED, STATUS_COLOURS, tint
from wizard.ui.widgets.answer_editors import NOT_SET

PLAN_COLUMNS = ["Priority", "Ref", "What is wrong", "What to do", "Owner", "Due by", ""]


def _dspt_html(result: Assessment) -> str:
    parts: list[str] = []
    for dspt in result.dspt:
        hue = STATUS_COLOURS[dspt.overall]
        parts.append(
            f"<p style='font-size:14pt'><b>{escape(dspt.bank.framework.name)} "
            f"{escape(dspt.bank.framework.version)}:</b> "
            f"<span style='color:{hue}'><b>{dspt.overall}</b></span></p>"
        )
    return "".join(parts)


def _ce_html(result: Assessment) -> str:
    parts: list[str] = []
    for ce in result.ce:
        verdict = (
            f"<span style='color:{GREEN}'><b>Ready</b></span>"
            if ce.ready
            else f"<span style='color:{RED}'><b>Not ready</b></span>"
        )
        parts.append(
            f"<p style='font-size:14pt'><b>{escape(ce.bank.framework.name)} "
            f"{escape(ce.bank.framework.version)}:</b> {verdict}</p>"
        )
        if ce.auto_fails:
            refs = ", ".join(escape(i.ref) for i in ce.auto_fails)
            parts.append(
                f"<p><b>Automatic fails:</b> {refs}. Any one of these fails the whole assessment.</p>"
            )
        others = [f for f in ce.failing if not f.item.auto_fail]
        if others:
            listed = ", ".join(escape(f.item.ref) for f in others[:40])
            more = f" and {len(others) - 40} more" if len(others) > 40 else ""
            parts.append(
                f"<p><b>{len(others)} other question(s) not met, not sure or not answered:</b> "
                f"{listed}{more}.</p>"
            )
        if ce.ready:
            parts.append(
                "<p>Every question is answered and met. A board-level person (a GP partner) "
                "must still approve the answers before you submit them.</p>"
            )
    return "".join(parts)


def _fit_height(table: QTableWidget, wrap_rows: bool = False) -> None:
    """Show every row: the page scrolls, not the table."""
    if wrap_rows:
        table.resizeRowsToContents()
    height = table.horizontalHeader().height() + 4
    height += sum(table.rowHeight(row) for row in range(table.rowCount()))
    table.setFixedHeight(height)


def _top_aligned(widget: QWidget, parent: QWidget) -> QWidget:
    holder = QWidget(parent)
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(2, 2, 2, 2)
    layout.addWidget(widget)
    layout.addStretch(1)
    return holder


class ReviewPage(Page):
    go_to = Signal(str)  # item id

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(
            "Review and action plan",
            "Where the practice stands now, and what to do about anything not yet met. "
            "Give each action an owner and a date; use “Go to question” to change an answer.",
            parent,
        )
        self.session = session
        body = QWidget(self)
        column = QVBoxLayout(body)
        self.dspt_summary = self._rich_label(body, "DSPT status")
        column.addWidget(self.dspt_summary)
        self.standards = QTableWidget(0, 3, body)
        self.standards.setAccessibleName("Status of each standard")
        self.standards.setHorizontalHeaderLabels(["Standard", "Status", "Answered"])
        read_only_table(self.standards)
        self.standards.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        column.addWidget(self.standards)
        self.ce_summary = self._rich_label(body, "Cyber Essentials result")
        column.addWidget(self.ce_summary)
        self.plan_title = QLabel(body)
        self.plan_title.setObjectName("pageTitle")
        column.addWidget(self.plan_title)
        self.plan = QTableWidget(0, len(PLAN_COLUMNS), body)
        self.plan.setAccessibleName("Action plan")
        self.plan.setHorizontalHeaderLabels(PLAN_COLUMNS)
        read_only_table(self.plan)
        self.plan.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.plan.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.plan.setWordWrap(True)
        column.addWidget(self.plan)
        column.addStretch(1)
        self.outer.addWidget(scrolling(body, self), 1)

    @staticmethod
    def _rich_label(parent: QWidget, name: str) -> QLabel:
        label = QLabel(parent)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setAccessibleName(name)
        return label

    def entered(self) -> None:
        result = self.session.assessment()
        self.dspt_summary.setText(_dspt_html(result))
        self.ce_summary.setText(_ce_html(result))
        rows = [s for d in result.dspt for s in d.standards]
        self.standards.setVisible(bool(rows))
        self.standards.setRowCount(len(rows))
        for row, standard in enumerate(rows):
            cells = [
                f"{standard.section.ref}. {standard.section.title}",
                standard.status,
                f"{standard.answered} of {standard.total}",
            ]
            for col, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if col == 1:
                    background, foreground = tint(standard.status)
                    cell.setBackground(background)
                    cell.setForeground(foreground)
                self.standards.setItem(row, col, cell)
        _fit_height(self.standards)
        self._fill_plan(build_action_plan(result, self.session.draft))

    def _fill_plan(self, entries: list[ActionEntry]) -> None:
        self.entries = entries
        self.plan_title.setText(
            f"Action plan: {len(entries)} item(s)"
            if entries
            else "Action plan: nothing to do. Every item is met."
        )
        self.plan.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            texts = [
                entry.priority_label,
                f"{entry.framework} {entry.ref}",
                f"{entry.question}\n{entry.reason}",
                entry.action.strip(),
            ]
            for col, text in enumerate(texts):
                self.plan.setItem(row, col, QTableWidgetItem(text))
            self.plan.setCellWidget(row, 4, _top_aligned(self._owner_field(entry), self.plan))
            self.plan.setCellWidget(row, 5, _top_aligned(self._due_field(entry), self.plan))
            button = QPushButton("Go to question", self.plan)
            button.setAccessibleName(f"Go to question {entry.ref}")
            button.clicked.connect(lambda _=False, item_id=entry.item_id: self.go_to.emit(item_id))
            self.plan.setCellWidget(row, 6, _top_aligned(button, self.plan))
        self.plan.setVisible(bool(entries))
        QTimer.singleShot(0, self, self._fit_plan)  # once the columns have their real widths

    def _fit_plan(self) -> None:
        _fit_height(self.plan, wrap_rows=True)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt naming)
        super().resizeEvent(event)
        QTimer.singleShot(0, self, self._fit_plan)

    def _owner_field(self, entry: ActionEntry) -> QLineEdit:
        field = QLineEdit(entry.owner, self.plan)
        field.setPlaceholderText("Who will do it")
        field.setAccessibleName(f"Owner of the action for {entry.ref}")
        field.textEdited.connect(lambda text, i=entry.item_id: self.session.edit_action(i, owner=text))
        return field

    def _due_field(self, entry: ActionEntry) -> QDateEdit:
        field = QDateEdit(self.plan)
        field.setCalendarPopup(True)
        field.setDisplayFormat("dd/MM/yyyy")
        field.setMinimumDate(NOT_SET)
        field.setSpecialValueText("Not set")
        field.setDate(QDate(entry.due.year, entry.due.month, entry.due.day) if entry.due else NOT_SET)
        field.setAccessibleName(f"Due date of the action for {entry.ref}")
        field.dateChanged.connect(lambda date, i=entry.item_id: self._due_changed(i, date))
        return field

    def _due_changed(self, item_id: str, date: QDate) -> None:
        if date == NOT_SET:
            self.session.clear_due(item_id)
        else:
            self.session.edit_action(item_id, due=dt.date(date.year(), date.month(), date.day()))
