"""The summary chart: one horizontal stacked bar per framework.

Drawn by hand with reportlab.graphics shapes rather than a chart class, so every
label names the embedded font and the bar keeps its counts printed on it: the
ICB may print the pack in black and white, and numbers survive that.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from reportlab.graphics.shapes import Drawing, Rect, String  # type: ignore[import-untyped, unused-ignore]
from reportlab.lib import colors  # type: ignore[import-untyped, unused-ignore]
from reportlab.lib.units import cm  # type: ignore[import-untyped, unused-ignore]
from reportlab.pdfbase.pdfmetrics import stringWidth  # type: ignore[import-untyped, unused-ignore]
from reportlab.platypus import Table  # type: ignore[import-untyped, unused-ignore]

from wizard.core.scoring import Assessment, SectionResult
from wizard.pack.report.styles import (
    AMBER,
    FONT,
    FONT_BOLD,
    GREEN,
    MID_GREY,
    NHS_BLUE,
    RED,
    TEXT,
    WHITE,
    para,
    table_style,
)

# segment -> (legend words, fill, label colour on the fill)
SEGMENTS: tuple[tuple[str, str, colors.Color, colors.Color], ...] = (
    ("met", "Met", GREEN, WHITE),
    ("not_applicable", "Not applicable", NHS_BLUE, WHITE),
    ("not_sure", "Not sure or incomplete", AMBER, TEXT),
    ("not_met", "Not met", RED, WHITE),
    ("unanswered", "Not answered", MID_GREY, TEXT),
)
# Item states that share a segment: all of them need the practice to do something.
_SEGMENT_OF = {"incomplete": "not_sure", "awaiting_provider": "not_sure"}
_LABEL_WIDTH = 120.0
_BAR_HEIGHT = 18.0
_ROW_GAP = 12.0
_LEGEND_HEIGHT = 22.0


@dataclass(frozen=True)
class Bar:
    label: str
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def bars(assessment: Assessment) -> list[Bar]:
    """Counts of shown items by state for each framework in the assessment."""
    found: list[Bar] = []
    scored: list[tuple[str, tuple[SectionResult, ...]]] = [
        (f"{r.bank.framework.short_name} {r.bank.framework.version}", r.standards) for r in assessment.dspt
    ]
    scored += [
        (f"{r.bank.framework.short_name} {r.bank.framework.version}", r.sections) for r in assessment.ce
    ]
    scored += [(r.bank.framework.short_name, r.sections) for r in assessment.good_practice]
    for label, sections in scored:
        counts: Counter[str] = Counter(
            _SEGMENT_OF.get(result.state, result.state) for section in sections for result in section.shown()
        )
        found.append(Bar(label, {state: counts.get(state, 0) for state, *_ in SEGMENTS}))
    return found


def _text(
    x: float,
    y: float,
    words: str,
    size: float,
    colour: colors.Color,
    bold: bool = False,
    anchor: str = "start",
) -> String:
    """A chart label in the embedded font (never the Helvetica default)."""
    return String(
        x, y, words, fontName=FONT_BOLD if bold else FONT, fontSize=size, fillColor=colour, textAnchor=anchor
    )


def _bar_row(drawing: Drawing, bar: Bar, y: float, width: float) -> None:
    """One framework's bar: segments in a fixed order, counts on those wide enough to hold them."""
    drawing.add(_text(0, y + 5, bar.label, 8.5, TEXT, bold=True))
    span = width - _LABEL_WIDTH - 50
    x = _LABEL_WIDTH
    for state, _, fill, ink in SEGMENTS:
        count = bar.counts.get(state, 0)
        if not count or not bar.total:
            continue
        length = span * count / bar.total
        drawing.add(Rect(x, y, length, _BAR_HEIGHT, fillColor=fill, strokeColor=WHITE, strokeWidth=0.5))
        if stringWidth(str(count), FONT_BOLD, 8) + 4 < length:
            drawing.add(_text(x + length / 2, y + 5.5, str(count), 8, ink, bold=True, anchor="middle"))
        x += length
    drawing.add(_text(width, y + 5, f"{bar.total} asked", 8, TEXT, anchor="end"))


def _legend(drawing: Drawing, width: float) -> None:
    """Key to the colours, with the words so it reads without colour."""
    x = _LABEL_WIDTH
    for _, words, fill, _ in SEGMENTS:
        drawing.add(Rect(x, 4, 9, 9, fillColor=fill, strokeColor=None))
        drawing.add(_text(x + 12, 5, words, 7.5, TEXT))
        x += 12 + stringWidth(words, FONT, 7.5) + 14


def progress_chart(assessment: Assessment, width: float) -> Drawing:
    """The drawing for the summary page; its height grows with the number of frameworks."""
    rows = bars(assessment)
    height = _LEGEND_HEIGHT + len(rows) * (_BAR_HEIGHT + _ROW_GAP)
    drawing = Drawing(width, height)
    y = height - _BAR_HEIGHT
    for bar in rows:
        _bar_row(drawing, bar, y, width)
        y -= _BAR_HEIGHT + _ROW_GAP
    _legend(drawing, width)
    return drawing


def counts_table(assessment: Assessment) -> Table:
    """The chart's numbers as a table: small segments cannot hold their count, and print may be grey."""
    rows: list[list[Any]] = [
        [para(h, "cell_head") for h in ("Framework", *(w for _, w, *_ in SEGMENTS), "Asked")]
    ]
    for bar in bars(assessment):
        rows.append(
            [
                para(bar.label, "cell_bold"),
                *(para(str(bar.counts[state])) for state, *_ in SEGMENTS),
                para(str(bar.total), "cell_bold"),
            ]
        )
    width = 17 * cm
    first = 4.4 * cm
    rest = (width - first) / (len(SEGMENTS) + 1)
    return Table(rows, colWidths=[first] + [rest] * (len(SEGMENTS) + 1), style=table_style())
