"""Check this computer, import other computers' results, and show them as a table."""

from __future__ import annotations

import json
from collections.abc import Callable
from html import escape

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QWidget,
)

from wizard.app.checks import CheckRun, check_this_pc, import_estate, keep_for_the_estate
from wizard.checks.catalogue import BY_ID, CATALOGUE
from wizard.core.check_results import STATUS_WORDS, CheckResult, DeviceReport, status_summary
from wizard.core.describe import plural
from wizard.core.estate import device_reports
from wizard.ui.pages.base import Page, read_only_table
from wizard.ui.session import Session
from wizard.ui.style import tint
from wizard.ui.workers import run_with_progress

INTRO = (
    "Read-only checks of this computer: firewall, updates, whether the operating system is still "
    "supported, SMBv1 (the route WannaCry used), anti-malware, disk encryption, administrator accounts, "
    "screen lock, AutoRun and remote desktop. Nothing is changed and no administrator rights are needed. "
    "Plug the stick into each practice computer, run “Check this computer” there, then “Import results” "
    "here. Results suggest answers to the linked questions; you confirm each one."
)


class ChecksPage(Page):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__("Check this computer", INTRO, parent)
        self.session = session
        self._technical = False  # raw values and system messages are shown only when asked for
        row = QHBoxLayout()
        self.run_button = QPushButton("&Check this computer", self)
        self.run_button.setObjectName("primary")
        self.run_button.clicked.connect(self.run_checks)
        self.import_button = QPushButton("&Import results from other computers", self)
        self.import_button.clicked.connect(self.import_estate)
        self.bar = QProgressBar(self)
        self.bar.setAccessibleName("Checks progress")
        self.bar.setTextVisible(False)  # the status line says it in words, readable
        self.bar.hide()
        row.addWidget(self.run_button)
        row.addWidget(self.import_button)
        row.addWidget(self.bar, 1)
        self.outer.addLayout(row)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Checks status")
        self.outer.addWidget(self.status)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.table = QTableWidget(len(CATALOGUE), 0, splitter)
        self.table.setAccessibleName("Check results by computer")
        self.table.setVerticalHeaderLabels([c.title for c in CATALOGUE])
        read_only_table(self.table, hide_row_numbers=False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.currentCellChanged.connect(lambda row, col, *_: self._details(row, col))
        self.details = QTextBrowser(splitter)
        self.details.setAccessibleName("Details of the selected result")
        self.details.setOpenLinks(False)
        self.details.anchorClicked.connect(self._toggle_technical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        self.outer.addWidget(splitter, 1)
        session.checks_changed.connect(self.entered)

    # --- running -------------------------------------------------------------------------
    def run_checks(self) -> None:
        self.run_button.setEnabled(False)
        self.bar.setValue(0)
        self.bar.show()
        self.status.setText("Checking this computer… (a few seconds)")

        def work(report_step: Callable[[object], None]) -> CheckRun:
            return check_this_pc(lambda done, total, name: report_step((done, total, name)))

        run_with_progress(work, self._step, self._checked, self._failed, self)

    def _step(self, step: tuple[int, int, str]) -> None:
        done, total, name = step
        self.bar.setMaximum(total)
        self.bar.setValue(done)
        self.status.setText(f"Checking this computer: {done} of {total} read ({name})…")

    def _checked(self, run: CheckRun) -> None:
        report = run.report
        self.run_button.setEnabled(True)
        self.run_button.setText("&Check this computer again")
        self.bar.hide()
        self.session.add_device_report(report)
        summary = status_summary(report.results)
        try:
            saved = f" Saved for the other computers in {keep_for_the_estate(run).name}."
        except OSError as exc:
            saved = f" (The results could not be saved to the stick: {exc.strerror or exc}.)"
        self.status.setText(f"{report.device.hostname}: {summary}.{saved}")

    def _failed(self, exc: Exception) -> None:
        self.run_button.setEnabled(True)
        self.bar.hide()
        self.status.setText(f"The checks could not run: {exc}")

    def import_estate(self) -> None:
        found = import_estate()
        if not found.found:
            self.status.setText(f"No results from other computers yet (nothing in {found.folder}).")
            return
        for report in found.reports:
            self.session.add_device_report(report)
        skipped = f" Skipped: {'; '.join(found.problems)}" if found.problems else ""
        self.status.setText(f"Imported results from {plural(len(found.reports), 'computer')}.{skipped}")

    # --- showing ---------------------------------------------------------------------------
    def entered(self) -> None:
        self.reports = device_reports(self.session.draft)
        self.table.setColumnCount(len(self.reports))
        self.table.setHorizontalHeaderLabels([r.device.hostname for r in self.reports])
        for col, report in enumerate(self.reports):
            for row, check in enumerate(CATALOGUE):
                result = report.result(check.id)
                status = result.status if result else "not_applicable"  # a check that does not run there
                cell = QTableWidgetItem(STATUS_WORDS[status])
                background, text = tint(status)
                cell.setBackground(background)
                cell.setForeground(text)
                cell.setToolTip(result.finding if result else _not_run(report, check.id))
                self.table.setItem(row, col, cell)
        if not self.reports:
            self.details.setHtml("<p>No results yet. Press “Check this computer”.</p>")
        elif self.table.currentRow() < 0 or self.table.currentColumn() < 0:
            self.table.setCurrentCell(0, 0)  # the details follow the results as soon as they arrive
        else:
            self._details(self.table.currentRow(), self.table.currentColumn())

    def _toggle_technical(self, _link: QUrl) -> None:
        self._technical = not self._technical
        self._details(self.table.currentRow(), self.table.currentColumn())

    def _details(self, row: int, col: int) -> None:
        if not (0 <= col < len(self.reports)) or not (0 <= row < len(CATALOGUE)):
            return
        report = self.reports[col]
        check_id = CATALOGUE[row].id
        result = report.result(check_id)
        self.details.setHtml(
            _details_html(report, result, self._technical)
            if result
            else f"<h3>{escape(report.device.hostname)}: {escape(CATALOGUE[row].title)}</h3>"
            f"<p>Not applicable: {escape(_not_run(report, check_id))}.</p>"
        )


def _not_run(report: DeviceReport, check_id: str) -> str:
    reason = BY_ID[check_id].not_on.get(report.device.os, "")
    return f"not checked on {report.device.os_name}" + (f" ({reason})" if reason else "")


def _details_html(report: DeviceReport, result: CheckResult, technical: bool) -> str:
    parts = [
        f"<h3>{escape(report.device.hostname)}: {escape(result.title)}: {STATUS_WORDS[result.status]}</h3>",
        f"<p>{escape(result.finding)}</p>",
    ]
    if result.remediation:
        parts.append(f"<p><b>What to do:</b> {escape(result.remediation)}</p>")
    if result.refs:
        parts.append(f"<p><b>Evidence for:</b> {escape(', '.join(result.refs))}</p>")
    if technical:
        raw = (
            escape(json.dumps(result.raw, indent=1, default=str))
            if result.raw is not None
            else "(nothing read)"
        )
        parts.append("<p><a href='technical'>Hide technical details</a></p>")
        parts.append(
            f"<p><b>Read from:</b> {escape(result.source)}<br><b>Value read:</b></p><pre>{raw}</pre>"
        )
    else:
        parts.append("<p><a href='technical'>Technical details</a> (for your IT provider)</p>")
    parts.append(
        f"<p><small>{escape(report.device.os_name)}; checked {report.checked_at:%d/%m/%Y %H:%M} UTC"
        f"{'; as administrator' if report.device.elevated else ''}.</small></p>"
    )
    return "".join(parts)
