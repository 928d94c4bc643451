"""The summary page: the DSPT status per standard, Cyber Essentials readiness, a chart.

This is the page a commissioner reads first after the cover, so every status is
in words with a tint behind it, never colour alone.
"""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import cm  # type: ignore[import-untyped, unused-ignore]
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table  # type: ignore[import-untyped, unused-ignore]

from wizard.core.describe import STATE_WORDS
from wizard.core.draft.model import Draft
from wizard.core.scoring import (
    ESTIMATE_WORDS,
    Assessment,
    CeResult,
    DsptResult,
    GoodPracticeResult,
    ItemResult,
)
from wizard.pack.report.chart import counts_table, progress_chart
from wizard.pack.report.paragraphs import Paragraph
from wizard.pack.report.styles import (
    long_day,
    para,
    rich,
    status_para,
    styles,
    table_style,
    tint_cell,
)

CONTENT_WIDTH = 17 * cm
_REFS_SHOWN = 8


def _pill(key: str, words: str) -> Table:
    """A single tinted box holding a status in bold words."""
    extra = [
        tint_cell(0, 0, key),
        ("LINEBELOW", (0, 0), (-1, -1), 0, None),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ("LEFTPADDING", (0, 0), (-1, -1), 8),
    ]
    return Table(
        [[status_para(key, words, "h3")]],
        colWidths=[CONTENT_WIDTH],
        style=table_style(header=False, extra=extra),
    )


def _refs(refs: list[str]) -> str:
    """A short list of refs; long lists say how many more rather than overflowing the cell."""
    if not refs:
        return "None"
    shown = ", ".join(refs[:_REFS_SHOWN])
    return shown + (f" and {len(refs) - _REFS_SHOWN} more" if len(refs) > _REFS_SHOWN else "")


def standards_table(result: DsptResult) -> Table:
    """One row per standard: status tinted, answered counts, the refs holding it back."""
    rows: list[list[Any]] = [
        [para(h, "cell_head") for h in ("Standard", "Title", "Status", "Answered", "Items not yet met")]
    ]
    extra: list[tuple[Any, ...]] = []
    for row, standard in enumerate(result.standards, start=1):
        unmet = [i.ref for i in (*standard.unmet_approaching, *standard.unmet_met)]
        rows.append(
            [
                para(standard.section.ref, "cell_bold"),
                para(standard.section.title),
                status_para(standard.status, standard.status),
                para(f"{standard.answered} of {standard.total}"),
                para(_refs(unmet)),
            ]
        )
        extra.append(tint_cell(2, row, standard.status))
    widths = [1.8 * cm, 5.0 * cm, 4.3 * cm, 2.1 * cm, 3.8 * cm]
    return Table(rows, colWidths=widths, style=table_style(extra=extra), repeatRows=1, splitInRow=1)


def dspt_part(result: DsptResult) -> list[Flowable]:
    """The DSPT block: overall status, what the statuses mean, the standards table."""
    s = styles()
    framework = result.bank.framework
    return [
        Paragraph(escape(f"{framework.name} {framework.version}"), s["h2"]),
        _pill(result.overall, f"Overall: {result.overall} ({ESTIMATE_WORDS})"),
        Spacer(1, 4),
        para(
            "A standard is Standards Met when every item mandatory for Met is met, and Approaching "
            "Standards when every item mandatory for Approaching is met. An item not answered is not met; "
            "a standard with nothing answered shows Not started. The overall status is the lowest of the "
            "ten standards.",
            "small",
        ),
        standards_table(result),
    ]


def _finding_lines(title: str, results: tuple[ItemResult, ...]) -> list[Flowable]:
    if not results:
        return []
    parts: list[Flowable] = [para(title, "h3")]
    for result in results:
        state = STATE_WORDS[result.state]
        parts.append(
            rich(f"<b>{escape(result.item.ref)}</b>  {escape(result.item.question)} ({state})", "body")
        )
    return parts


def ce_part(result: CeResult) -> list[Flowable]:
    """The Cyber Essentials block: the estimate in words, then the findings by kind."""
    s = styles()
    framework = result.bank.framework
    auto_refs = ", ".join(item.ref for item in result.bank.items() if item.auto_fail)
    flow: list[Flowable] = [
        Paragraph(escape(f"{framework.name} {framework.version}"), s["h2"]),
        _pill(result.verdict, f"{result.verdict} ({ESTIMATE_WORDS})"),
        Spacer(1, 4),
        para(
            f"An assessor marks the real submission. Only the automatic-fail questions ({auto_refs}) answered "
            "so that they are not met fail it whatever else is answered; other requirements not met are judged "
            "by the assessor.",
            "small",
        ),
    ]
    flow += _finding_lines("Would fail automatically", result.auto_fails)
    flow += _finding_lines("Likely not compliant", result.not_compliant)
    flow += _still_to_answer(result.unanswered)
    return flow


def _still_to_answer(unanswered: tuple[ItemResult, ...]) -> list[Flowable]:
    if not unanswered:
        return []
    refs = _refs([r.item.ref for r in unanswered])
    return [rich(f"<b>Still to answer ({len(unanswered)}):</b> {escape(refs)}", "body")]


def good_practice_part(result: GoodPracticeResult) -> list[Flowable]:
    """Good practice: reported on its own, never part of either result."""
    s = styles()
    flow: list[Flowable] = [
        Paragraph(escape(result.bank.framework.name), s["h2"]),
        para(
            "Advice beyond the two frameworks. It does not change the DSPT status or the Cyber Essentials estimate.",
            "small",
        ),
    ]
    flow += _finding_lines("Not met yet", result.findings)
    if result.answered_all_met:
        flow.append(para("Every good-practice item answered is met.", "body"))
    flow += _still_to_answer(result.unanswered)
    return flow


def summary(assessment: Assessment, draft: Draft) -> list[Flowable]:
    """The summary section's flowables."""
    s = styles()
    as_at = long_day(draft.as_at)
    intro = (
        f"This is the practice's own assessment as at {as_at}. {assessment.answered} of "
        f"{assessment.total} questions asked are answered ({assessment.percent_complete}%)."
    )
    if not assessment.started:
        intro += " Nothing beyond the practice details is answered yet: every result below is Not started."
    flow: list[Flowable] = [Paragraph("Summary", s["h1"]), para(intro, "lead")]
    for dspt in assessment.dspt:
        flow += dspt_part(dspt)
    for ce in assessment.ce:
        flow += ce_part(ce)
    for good in assessment.good_practice:
        flow += good_practice_part(good)
    if assessment.dspt or assessment.ce:
        flow.append(
            KeepTogether(
                [
                    Paragraph("Questions by answer", s["h2"]),
                    progress_chart(assessment, CONTENT_WIDTH),
                    Spacer(1, 6),
                    counts_table(assessment),
                    Spacer(1, 3),
                    para(
                        "Counts of the questions asked in each framework. IT provider: answered by the practice's "
                        "IT provider on its behalf.",
                        "small",
                    ),
                ]
            )
        )
    return flow
