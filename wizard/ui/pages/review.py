"""Where the practice stands: status per standard, Cyber Essentials, action plan."""

from __future__ import annotations

import datetime as dt
from html import escape

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wizard.core.action_plan import ActionEntry, SectionGap, build_action_plan, unanswered_by_section
from wizard.core.bank.model import Bank
from wizard.core.check_results import DeviceReport, status_summary
from wizard.core.describe import plural
from wizard.core.estate import device_reports
from wizard.core.scoring import ESTIMATE_WORDS, Assessment, ItemResult
from wizard.ui.pages.base import Page, read_only_table, scrolling
from wizard.ui.session import Session
from wizard.ui.style import GREY, STATUS_COLOURS, tint
from wizard.ui.widgets.action_cell import ActionCell

PLAN_COLUMNS = ["Priority", "Ref", "What is wrong", "What to do", "Owner and date"]
_TOP_LEFT = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft
_FIT, _SHARE = QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Stretch
_PLAN_WIDTHS = [_FIT, _FIT, _SHARE, _SHARE, _FIT]  # the two columns people read share the width


def _heading(bank: Bank, verdict: str) -> str:
    """A framework's name and version, then its verdict in the verdict's colour."""
    hue = STATUS_COLOURS.get(verdict, GREY)
    return (
        f"<p style='font-size:14pt'><b>{escape(bank.framework.name)} {escape(bank.framework.version)}:</b> "
        f"<span style='color:{hue}'><b>{escape(verdict)}</b></span></p>"
    )


def _dspt_html(result: Assessment) -> str:
    return "".join(
        _heading(dspt.bank, dspt.overall) + f"<p>This is {ESTIMATE_WORDS}. An item not answered is not met; "
        "a standard with nothing answered shows “Not started”.</p>"
        for dspt in result.dspt
    )


def _refs_html(label: str, results: tuple[ItemResult, ...], note: str = "") -> str:
    if not results:
        return ""
    refs = ", ".join(escape(r.item.ref) for r in results[:40])
    more = f" and {len(results) - 40} more" if len(results) > 40 else ""
    return f"<p><b>{label} ({len(results)}):</b> {refs}{more}.{note}</p>"


def _ce_html(result: Assessment) -> str:
    parts: list[str] = []
    for ce in result.ce:
        parts.append(
            _heading(ce.bank, ce.verdict)
            + f"<p>This is {ESTIMATE_WORDS}; an assessor marks the real submission.</p>"
        )
        parts.append(
            _refs_html(
                "Would fail automatically", ce.auto_fails, " Any one of these fails the whole assessment."
            )
        )
        parts.append(_refs_html("Likely not compliant", ce.not_compliant))
        if ce.unanswered:
            parts.append(f"<p><b>Still to answer:</b> {plural(len(ce.unanswered), 'question')}.</p>")
        if ce.ready:
            parts.append(
                "<p>Every question is answered and met. A board-level person (a GP partner) "
                "must still approve the answers before you submit them.</p>"
            )
    for good in result.good_practice:
        parts.append(
            f"<p style='font-size:12pt'><b>{escape(good.bank.framework.name)}</b> (not part of either result)</p>"
        )
        parts.append(_refs_html("Not met yet", good.findings))
        if good.answered_all_met:
            parts.append("<p>Every good-practice item answered is met.</p>")
        if good.unanswered:
            parts.append(f"<p><b>Still to answer:</b> {plural(len(good.unanswered), 'question')}.</p>")
    return "".join(parts)


def _devices_html(reports: list[DeviceReport]) -> str:
    if not reports:
        return (
            "<p style='font-size:12pt'><b>Computer checks</b></p><p>No computer has been checked yet: "
            "use “Check this computer” on each practice PC.</p>"
        )
    lines = [
        f"{escape(r.device.hostname)} ({escape(r.device.os_name)}): {escape(status_summary(r.results))}"
        for r in reports
    ]
    return (
        f"<p style='font-size:12pt'><b>Computer checks</b> ({plural(len(reports), 'computer')}; "
        "failed checks are in the action plan)</p><p>" + "<br>".join(lines) + "</p>"
    )


def _fit_height(table: QTableWidget) -> None:
    """Show every row: the page scrolls, not the table."""
    height = table.horizontalHeader().height() + 4
    height += sum(table.rowHeight(row) for row in range(table.rowCount()))
    table.setFixedHeight(height)


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
        self.devices = self._rich_label(body, "Computer checks")
        column.addWidget(self.devices)
        self.plan_title = QLabel(body)
        self.plan_title.setObjectName("pageTitle")
        column.addWidget(self.plan_title)
        self.gaps = self._rich_label(body, "Questions not answered yet, by section")
        column.addWidget(self.gaps)
        self.plan = QTableWidget(0, len(PLAN_COLUMNS), body)
        self.plan.setAccessibleName("Action plan")
        self.plan.setHorizontalHeaderLabels(PLAN_COLUMNS)
        read_only_table(self.plan)
        header = self.plan.horizontalHeader()
        for col, mode in enumerate(_PLAN_WIDTHS):
            header.setSectionResizeMode(col, mode)
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
        self.devices.setText(_devices_html(device_reports(self.session.draft)))
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
        self._fill_plan(build_action_plan(result, self.session.draft), unanswered_by_section(result))

    def _fill_plan(self, entries: list[ActionEntry], gaps: list[SectionGap]) -> None:
        self.entries = entries
        if entries:
            title = f"Action plan: {plural(len(entries), 'action')}"
        elif gaps:
            title = "Action plan: nothing answered needs action yet"
        else:
            title = "Action plan: nothing to do. Every item is met."
        self.plan_title.setText(title)
        lines = [escape(g.words) for g in gaps]
        self.gaps.setText("<br>".join(lines))
        self.gaps.setVisible(bool(lines))
        self.plan.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            texts = [
                entry.priority_label,
                f"{entry.framework}\n{entry.ref}",
                f"{entry.question}\n{entry.reason}",
                entry.action.strip(),
            ]
            for col, text in enumerate(texts):
                cell = QTableWidgetItem(text)
                cell.setTextAlignment(_TOP_LEFT)  # level with the owner field beside it
                self.plan.setItem(row, col, cell)
            self.plan.setCellWidget(row, 4, self._action_cell(entry))
        self.plan.setVisible(bool(entries))
        QTimer.singleShot(0, self, self._fit_plan)  # once the columns have their real widths

    def _fit_plan(self) -> None:
        self.plan.resizeRowsToContents()
        width = self.plan.columnWidth(4)
        for row in range(self.plan.rowCount()):  # a wrapped message needs the cell's real width to measure
            cell = self.plan.cellWidget(row, 4)
            if cell is not None and cell.hasHeightForWidth():
                self.plan.setRowHeight(row, max(self.plan.rowHeight(row), cell.heightForWidth(width)))
        _fit_height(self.plan)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt naming)
        super().resizeEvent(event)
        QTimer.singleShot(0, self, self._fit_plan)

    def _action_cell(self, entry: ActionEntry) -> ActionCell:
        cell = ActionCell(entry, self.session.draft.as_at, self.plan)
        item_id = entry.item_id
        cell.owner_edited.connect(lambda text: self.session.edit_action(item_id, owner=text))
        cell.due_changed.connect(lambda day: self._due_changed(item_id, day))
        cell.go.connect(lambda: self.go_to.emit(item_id))
        cell.needs_room.connect(lambda: QTimer.singleShot(0, self, self._fit_plan))
        return cell

    def _due_changed(self, item_id: str, day: dt.date | None) -> None:
        if day is None:
            self.session.clear_due(item_id)
        else:
            self.session.edit_action(item_id, due=day)
