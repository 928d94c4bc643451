"""The estate report for the ICB's board: one PDF, landscape, in the pack's own look.

Every status is in words on a tint (the board may print in black and white);
fonts, colours and table styles are the pack report's (``report_styles``), so
nothing falls back to a non-embedded font.
"""

from __future__ import annotations

import io
from functools import cache
from typing import Any

from reportlab.lib.pagesizes import A4, landscape  # type: ignore[import-untyped, unused-ignore]
from reportlab.lib.styles import ParagraphStyle  # type: ignore[import-untyped, unused-ignore]
from reportlab.lib.units import cm  # type: ignore[import-untyped, unused-ignore]
from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped, unused-ignore]
from reportlab.platypus import (  # type: ignore[import-untyped, unused-ignore]
    Flowable,
    SimpleDocTemplate,
    Spacer,
    Table,
)

from wizard.core.describe import plural
from wizard.core.safe_text import plain
from wizard.core.scoring import ESTIMATE_WORDS
from wizard.icb.estate import NOT_READ, Estate
from wizard.pack.report.paragraphs import Paragraph
from wizard.pack.report.styles import (
    FONT,
    GREY,
    NHS_BLUE,
    PAGE_MARGIN,
    TINTS,
    para,
    register_fonts,
    status_para,
    styles,
    table_style,
    tint_cell,
    when,
)

PAGE = landscape(A4)
WIDTH = PAGE[0] - 2 * PAGE_MARGIN
SHORT = {
    "Standards Met": "Met",
    "Approaching Standards": "Approaching",
    "Standards Not Met": "Not met",
    "Not started": "Not started",
}
TITLE = "Data security across the patch"


@cache
def _free_heading() -> ParagraphStyle:
    """A heading that may end a page: a table too long for one page starts below it, not on the next."""
    return ParagraphStyle("h1_free", parent=styles()["h1"], keepWithNext=0)


def _text(value: object, style: str = "cell") -> Paragraph:
    return para(plain(value), style)


def _status(key: str) -> Paragraph | str:
    """A status in short words, small enough for ten standards across a landscape page."""
    if not key:
        return "–"
    words = SHORT.get(key, key)
    return status_para(key, words, "cell_small") if key in TINTS else _text(words, "cell_small")


def _tints(rows: list[list[Any]], keys: list[list[str]], first_column: int) -> list[tuple[Any, ...]]:
    return [
        tint_cell(first_column + c, r + 1, key)
        for r, row_keys in enumerate(keys)
        for c, key in enumerate(row_keys)
        if key in TINTS
    ]


def _matrix(estate: Estate) -> list[Flowable]:
    refs = [ref for ref, _ in estate.standards]
    head = ["Practice", *refs, "DSPT overall", "Cyber Essentials"]
    fixed = 4.4 * cm + 2.2 * cm + 2.8 * cm
    each = (WIDTH - fixed) / max(len(refs), 1)
    widths = [4.4 * cm, *[each] * len(refs), 2.2 * cm, 2.8 * cm]
    body: list[list[Any]] = [[para(h, "cell_head") for h in head]]
    keys: list[list[str]] = []
    for row in estate.rows:
        f = row.facts
        statuses = [f.standards.get(ref, "") for ref in refs] + [row.dspt, row.ce]
        keys.append(statuses)
        body.append([_text(f"{f.practice} ({f.ods})"), *[_status(s) for s in statuses]])
    heading = Paragraph("DSPT standards by practice", _free_heading())  # the long table may start below it
    if not estate.rows:
        return [
            heading,
            para("No pack with a good signature was found, so there is nothing to show.", "body"),
        ]
    extra = [
        *_tints(body, keys, 1),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (1, 0), (-1, -1), 2),
        ("RIGHTPADDING", (1, 0), (-1, -1), 2),
    ]
    titles = "; ".join(f"{ref} {title}" for ref, title in estate.standards)
    return [
        heading,
        Table(body, colWidths=widths, repeatRows=1, style=table_style(extra=extra)),
        Spacer(1, 4),
        para(
            f"DSPT standards: {titles}. The answered share and the number of actions are in the CSV.", "small"
        ),
    ]


def _count_table(title: str, counts: list[tuple[str, int]], total: int) -> Table:
    body: list[list[Any]] = [
        [para(title, "cell_head"), para("Practices", "cell_head"), para("Share", "cell_head")]
    ]
    for key, n in counts:
        body.append(
            [
                status_para(key, key) if key in TINTS else _text(key),
                _text(n),
                _text(f"{round(100 * n / total)}%"),
            ]
        )
    extra = [tint_cell(0, r, key) for r, (key, _) in enumerate(counts, 1) if key in TINTS]
    return Table(body, colWidths=[5.2 * cm, 2.0 * cm, 1.6 * cm], style=table_style(extra=extra))


def _standing(estate: Estate) -> list[Flowable]:
    total = len(estate.rows)
    if not total:
        return []
    pair = Table(
        [
            [
                _count_table("DSPT overall", estate.dspt_counts, total),
                _count_table("Cyber Essentials", estate.ce_counts, total),
            ]
        ],
        colWidths=[WIDTH / 2, WIDTH / 2],
        style=table_style(header=False, extra=[("LINEBELOW", (0, 0), (-1, -1), 0, None)]),
    )
    ready = dict(estate.ce_counts).get("Likely to pass", 0)
    return [
        para("Where the practices stand", "h1"),
        para(
            f"{ready} of {total} practices estimate they are ready for Cyber Essentials ("
            "every requirement met, no automatic fail). These are the practices' own estimates, "
            "not an assessor's marks.",
            "lead",
        ),
        pair,
    ]


def _common(estate: Estate) -> list[Flowable]:
    total = len(estate.rows)
    if not estate.common_unmet:
        return [para("Most common unmet items", "h1"), para("No practice has an unmet item.", "body")]
    body: list[list[Any]] = [[para(h, "cell_head") for h in ("Item", "Framework", "Question", "Practices")]]
    for item in estate.common_unmet:
        body.append(
            [
                para(item.ref, "cell_bold"),
                _text(item.framework),
                _text(item.question),
                _text(f"{item.practices} of {total}"),
            ]
        )
    widths = [1.6 * cm, 3.2 * cm, WIDTH - 7.6 * cm, 2.8 * cm]
    return [
        para("Most common unmet items", "h1"),
        para(
            "Mandatory DSPT items not met, Cyber Essentials requirements not met and good-practice findings, "
            "by how many practices have them: where help across the patch goes furthest.",
            "lead",
        ),
        Table(body, colWidths=widths, repeatRows=1, style=table_style()),
    ]


def _missing(estate: Estate) -> list[Flowable]:
    head = para("Practices missing", "h1")
    if not estate.expected_given:
        return [
            head,
            para("No list of expected practices was given, so none can be named as missing.", "body"),
        ]
    if not estate.missing:
        return [head, para("Every expected practice sent a pack.", "body")]
    body: list[list[Any]] = [[para("ODS code", "cell_head"), para("Practice", "cell_head")]]
    body += [[para(e.ods, "cell_bold"), _text(e.name or "–")] for e in estate.missing]
    return [
        head,
        para(f"{plural(len(estate.missing), 'expected practice')} sent no pack.", "lead"),
        Table(body, colWidths=[2.4 * cm, WIDTH - 2.4 * cm], repeatRows=1, style=table_style()),
    ]


def _apart(estate: Estate) -> list[Flowable]:
    if not estate.apart:
        return []
    body: list[list[Any]] = [
        [para(h, "cell_head") for h in ("File", "Practice", "ODS code", "Not read because")]
    ]
    for a in estate.apart:
        body.append([_text(a.file), _text(a.practice or "–"), _text(a.ods or "–"), _text(a.reason)])
    widths = [5.0 * cm, 4.4 * cm, 2.0 * cm, WIDTH - 11.4 * cm]
    return [
        para("Packs not read", "h1"),
        para(
            "These packs are left out of every table above: their signature is not good (it could not be "
            "confirmed as the practice's, or the file was changed), or a newer good pack came from the same "
            "practice.",
            "lead",
        ),
        Table(body, colWidths=widths, repeatRows=1, style=table_style()),
    ]


def _intro(estate: Estate) -> list[Flowable]:
    not_read = sum(1 for a in estate.apart if a.status == NOT_READ)
    missing = plural(len(estate.missing), "expected practice") + " missing" if estate.expected_given else ""
    counts = " · ".join(
        part
        for part in (
            plural(len(estate.rows), "practice") + " in this report",
            plural(not_read, "pack") + " not read",
            missing,
        )
        if part
    )
    band = Table(
        [
            [para(TITLE, "title")],
            [para(f"Made {when(estate.made_at)} from the practices' signed evidence packs", "cover_sub")],
        ],
        colWidths=[WIDTH],
        style=table_style(
            header=False,
            extra=[
                ("BACKGROUND", (0, 0), (-1, -1), NHS_BLUE),
                ("LINEBELOW", (0, 0), (-1, -1), 0, None),
                ("LEFTPADDING", (0, 0), (-1, -1), 12),
            ],
        ),
    )
    return [
        band,
        Spacer(1, 8),
        para(counts, "h2"),
        para(
            f"Every status is {ESTIMATE_WORDS}, read only from packs whose signature is good: intact, signed "
            "by the practice itself with a certificate the ICB trusts, and unchanged since.",
            "body",
        ),
    ]


def _footer(canvas: Canvas, _doc: Any) -> None:
    canvas.saveState()
    canvas.setFont(FONT, 7.5)
    canvas.setFillColor(GREY)
    canvas.drawString(PAGE_MARGIN, 1.2 * cm, f"{TITLE} · GP Cyber Wizard estate report")
    canvas.drawRightString(PAGE[0] - PAGE_MARGIN, 1.2 * cm, f"Page {canvas.getPageNumber()}")
    canvas.restoreState()


def estate_pdf(estate: Estate) -> bytes:
    """The report as PDF bytes."""
    register_fonts()
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=PAGE,
        leftMargin=PAGE_MARGIN,
        rightMargin=PAGE_MARGIN,
        topMargin=1.5 * cm,
        bottomMargin=2 * cm,
        title=TITLE,
        author="GP Cyber Wizard",
        initialFontName=FONT,
    )
    story: list[Flowable] = _intro(estate)
    for part in (_standing(estate), _matrix(estate), _common(estate), _missing(estate), _apart(estate)):
        if part:  # a heading keeps with the line after it (its style says so); long tables run on
            story += [Spacer(1, 10), *part]
    document.build(story, onFirstPage=_footer, onLaterPages=_footer)
    return buffer.getvalue()
