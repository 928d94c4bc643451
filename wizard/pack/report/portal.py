"""The portal sheet and the earlier answers, as sections of the pack.

The portal sheet is what the practice copies into the online toolkit: one row
per evidence item in toolkit order, so the ICB can compare the submission with
the signed pack line by line. Earlier answers are answers from an earlier
question bank that had no place in the current one: they are shown, not lost.
"""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import cm  # type: ignore[import-untyped, unused-ignore]
from reportlab.platypus import Flowable, Table  # type: ignore[import-untyped, unused-ignore]

from wizard.core.bank.model import Bank
from wizard.core.draft.model import Draft
from wizard.core.portal import SHEET_COLUMNS, portal_sheet
from wizard.pack.report.paragraphs import Paragraph
from wizard.pack.report.styles import para, status_para, styles, table_style, tint_cell

_PORTAL_WIDTHS = [1.5 * cm, 1.9 * cm, 6.0 * cm, 5.3 * cm, 2.3 * cm]
_EARLIER_WIDTHS = [1.6 * cm, 4.2 * cm, 5.2 * cm, 6.0 * cm]
_STATE_KEYS = {"Met": "met", "Not met": "not_met", "Not applicable": "met", "Not asked": "hidden"}


def _lines(text: str, style: str = "cell") -> list[Paragraph]:
    return [para(line, style) for line in text.splitlines()] or [para("")]


def portal_part(bank: Bank, draft: Draft) -> list[Flowable]:
    s = styles()
    framework = bank.framework
    rows: list[list[Any]] = [[para(h, "cell_head") for h in SHEET_COLUMNS]]
    extra: list[tuple[Any, ...]] = []
    for row_number, row in enumerate(portal_sheet(bank, draft), start=1):
        key = _STATE_KEYS.get(row.status, "not_sure")
        rows.append(
            [
                para(row.ref, "cell_bold"),
                para(row.form + (f" · {row.mandatory}" if row.mandatory else ""), "cell_small"),
                _lines(row.answer),
                _lines(row.comment, "cell_small"),
                status_para(key, row.status),
            ]
        )
        extra.append(tint_cell(4, row_number, key))
    return [
        Paragraph(escape(f"Toolkit sheet: {framework.short_name} {framework.version}"), s["h1"]),
        para(
            "Every evidence item of the toolkit in its order, with the answer in the toolkit's own form "
            "(tick, text or document) and the comment to add. This is what the practice enters in the "
            "online toolkit.",
            "body",
        ),
        Table(rows, colWidths=_PORTAL_WIDTHS, style=table_style(extra=extra), repeatRows=1, splitInRow=1),
    ]


def earlier_part(draft: Draft, refs: dict[str, str]) -> list[Flowable]:
    """Answers kept from an earlier question bank; empty when there are none."""
    if not draft.earlier_answers:
        return []
    s = styles()
    rows: list[list[Any]] = [
        [
            para(h, "cell_head")
            for h in ("Earlier ref", "Earlier answer", "Why it was not carried", "Now relates to")
        ]
    ]
    for earlier in draft.earlier_answers:
        note = earlier.answer.note if earlier.answer else ""
        rows.append(
            [
                para(earlier.old_ref or earlier.old_id, "cell_bold"),
                [para(earlier.text), *([para(note, "cell_small")] if note else [])],
                para(earlier.reason, "cell_small"),
                para(refs.get(earlier.new_id or "", "") or "No current question", "cell_small"),
            ]
        )
    return [
        Paragraph("Earlier answers", s["h1"]),
        para(
            "Answers given against an earlier version of the questions that could not be carried to a current "
            "question. They do not count towards any status; they are kept so nothing the practice recorded "
            "is lost.",
            "body",
        ),
        Table(rows, colWidths=_EARLIER_WIDTHS, style=table_style(), repeatRows=1, splitInRow=1),
    ]
