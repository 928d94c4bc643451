"""The computer checks per device and the action plan.

Check results are shown as read, with "Could not check" kept apart from a pass
or a fail; the action plan shows the practice's own owner and due date so the
ICB can follow it up.
"""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import cm  # type: ignore[import-untyped, unused-ignore]
from reportlab.platypus import Flowable, Table  # type: ignore[import-untyped, unused-ignore]

from wizard.core.action_plan import ActionEntry, SectionGap
from wizard.core.check_results import STATUS_WORDS, CheckResult, DeviceReport
from wizard.pack.report.paragraphs import Paragraph
from wizard.pack.report.styles import (
    day,
    para,
    status_para,
    styles,
    table_style,
    tint_cell,
    when,
)

_CHECK_WIDTHS = [4.4 * cm, 2.9 * cm, 9.7 * cm]
_PLAN_WIDTHS = [1.9 * cm, 2.2 * cm, 3.6 * cm, 5.0 * cm, 2.3 * cm, 2.0 * cm]


def _finding(result: CheckResult) -> list[Paragraph]:
    """The finding, and for a problem the suggested fix in small type."""
    cell = [para(result.finding)]
    if result.remediation and result.status in ("fail", "warning", "unable"):
        cell.append(para(f"What to do: {result.remediation}", "cell_small"))
    return cell


def check_table(report: DeviceReport) -> Table:
    """Check | result (tinted, in words) | finding."""
    rows: list[list[Any]] = [[para(h, "cell_head") for h in ("Check", "Result", "Finding")]]
    extra: list[tuple[Any, ...]] = []
    for row, result in enumerate(report.results, start=1):
        rows.append(
            [
                para(result.title, "cell_bold"),
                status_para(result.status, STATUS_WORDS.get(result.status, result.status)),
                _finding(result),
            ]
        )
        extra.append(tint_cell(1, row, result.status))
    return Table(rows, colWidths=_CHECK_WIDTHS, style=table_style(extra=extra), repeatRows=1, splitInRow=1)


def _device_line(report: DeviceReport) -> str:
    """Operating system, when it was checked and whether the checks could see everything."""
    device = report.device
    rights = (
        "with administrator rights"
        if device.elevated
        else "without administrator rights, so some values may not have been readable"
    )
    return f"{device.os_name}. Checked {when(report.checked_at)}, {rights}."


def devices(reports: list[DeviceReport]) -> list[Flowable]:
    """The computer checks section: one heading and table per device."""
    s = styles()
    flow: list[Flowable] = [Paragraph("Computer checks", s["h1"])]
    if not reports:
        flow.append(
            para(
                "No computer checks were included in this pack. The answers rest on what the "
                "practice and its IT provider know.",
                "lead",
            )
        )
        return flow
    flow.append(
        para(
            "GP Cyber Wizard ran read-only checks on these computers; nothing was changed. "
            "\u201cCould not check\u201d means a value could not be read: it is never counted as a "
            "pass or a fail.",
            "body",
        )
    )
    for report in reports:
        counts = {status: sum(1 for r in report.results if r.status == status) for status in STATUS_WORDS}
        tally = ", ".join(f"{n} {STATUS_WORDS[k].lower()}" for k, n in counts.items() if n)
        flow += [
            Paragraph(escape(report.device.hostname), s["h2"]),
            para(_device_line(report), "body"),
            para(f"Results: {tally or 'none'}.", "small"),
            check_table(report),
        ]
    return flow


def _plan_row(entry: ActionEntry) -> list[Any]:
    """One entry; an empty owner or date says so in words."""
    label = entry.priority_label + (" (done)" if entry.done else "")
    return [
        status_para("done" if entry.done else entry.priority_label, label),
        [para(entry.framework, "cell_small"), para(entry.ref, "cell_bold")],
        [para(entry.question, "cell_bold"), para(entry.reason, "cell_small")],
        para(entry.action),
        para(entry.owner or "Not yet assigned"),
        para(day(entry.due) if entry.due else "Not set"),
    ]


def _gap_lines(gaps: list[SectionGap]) -> list[Flowable]:
    """Questions not answered yet: one line per section, not one action per question."""
    if not gaps:
        return []
    lines: list[Flowable] = [para("Not answered yet", "h3")]
    for gap in gaps:
        lines.append(para(f"{gap.words}.", "body"))
    return lines


def action_plan(entries: list[ActionEntry], gaps: list[SectionGap]) -> list[Flowable]:
    """The action plan section, most urgent first, then what is still to answer."""
    s = styles()
    flow: list[Flowable] = [Paragraph("Action plan", s["h1"])]
    if not entries:
        words = (
            "Nothing answered so far needs action."
            if gaps
            else "Nothing needs action: every required question is answered and met."
        )
        return [*flow, para(words, "lead"), *_gap_lines(gaps)]
    flow.append(
        para(
            "What the practice will do about every item not yet met, most urgent first. Critical "
            "items are Cyber Essentials automatic fails; High items are needed for Approaching "
            "Standards or Cyber Essentials; Medium items are needed for Standards Met.",
            "body",
        )
    )
    rows: list[list[Any]] = [
        [
            para(h, "cell_head")
            for h in ("Priority", "Framework and ref", "What is wrong", "Action", "Owner", "Due")
        ]
    ]
    extra: list[tuple[Any, ...]] = []
    for row, entry in enumerate(entries, start=1):
        rows.append(_plan_row(entry))
        extra.append(tint_cell(0, row, "done" if entry.done else entry.priority_label))
    flow.append(
        Table(rows, colWidths=_PLAN_WIDTHS, style=table_style(extra=extra), repeatRows=1, splitInRow=1)
    )
    return flow + _gap_lines(gaps)
