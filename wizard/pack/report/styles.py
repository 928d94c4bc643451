"""The pack's look: embedded fonts, NHS colours, paragraph and table styles, dates.

Everything that sets a font lives here, so no part of the report can fall back
to reportlab's non-embedded Helvetica (which would print £, – and ’ as boxes on
some readers and fails PDF/A-style checks the ICB may run).
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from reportlab import rl_config  # type: ignore[import-untyped, unused-ignore]
from reportlab.lib import colors  # type: ignore[import-untyped, unused-ignore]
from reportlab.lib.enums import TA_LEFT  # type: ignore[import-untyped, unused-ignore]
from reportlab.lib.styles import ParagraphStyle  # type: ignore[import-untyped, unused-ignore]
from reportlab.lib.units import cm  # type: ignore[import-untyped, unused-ignore]
from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped, unused-ignore]
from reportlab.pdfbase.pdfmetrics import stringWidth  # type: ignore[import-untyped, unused-ignore]
from reportlab.pdfbase.ttfonts import TTFont  # type: ignore[import-untyped, unused-ignore]
from reportlab.platypus import TableStyle  # type: ignore[import-untyped, unused-ignore]

from wizard.core.paths import resource_path
from wizard.pack.report.paragraphs import Paragraph, is_plain, plain_paragraph

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"

PAGE_MARGIN = 2 * cm
NHS_BLUE = colors.HexColor("#005eb8")
DARK_BLUE = colors.HexColor("#003087")
GREEN = colors.HexColor("#007f3b")
AMBER = colors.HexColor("#ffb81c")
RED = colors.HexColor("#d5281b")
TEXT = colors.HexColor("#212b32")
GREY = colors.HexColor("#4c6272")
MID_GREY = colors.HexColor("#aeb7bd")
PALE = colors.HexColor("#f0f4f5")
RULE = colors.HexColor("#d8dde0")
WHITE = colors.white

# (background, text) for status words: words carry the meaning, the tint helps.
_MET = ("#d5f0e0", "#00401e")
_AMBER = ("#fff1c2", "#5c3a00")
_RED = ("#fbd5d2", "#7a150d")
_GREYED = ("#f0f4f5", "#4c6272")
_BLUE = ("#e3eef9", "#003087")
TINTS: dict[str, tuple[str, str]] = {
    "Standards Met": _MET,
    "Approaching Standards": _AMBER,
    "Standards Not Met": _RED,
    "Not started": _GREYED,
    "Would fail automatically": _RED,
    "Likely not compliant": _RED,
    "Incomplete": _AMBER,
    "Likely to pass": _MET,
    "met": _MET,
    "not_met": _RED,
    "not_sure": _AMBER,
    "unanswered": _GREYED,
    "incomplete": _AMBER,
    "awaiting_provider": _AMBER,
    "hidden": _GREYED,
    "pass": _MET,
    "fail": _RED,
    "warning": _AMBER,
    "not_applicable": _GREYED,
    "unable": _GREYED,
    "ready": _MET,
    "not_ready": _RED,
    "Critical": _RED,
    "High": _AMBER,
    "Medium": _BLUE,
    "Low": _GREYED,
    "done": _MET,
}


def tint(key: str) -> tuple[colors.Color, colors.Color]:
    """Background and text colours for a status; dark text keeps 7:1 contrast."""
    background, text = TINTS.get(key, ("#ffffff", "#212b32"))
    return colors.HexColor(background), colors.HexColor(text)


@cache
def register_fonts() -> None:
    """Register the bundled DejaVu fonts once and make them every default.

    ``rl_config.defaultGraphicsFontName`` covers chart labels that forget a
    font; the family mapping keeps ``<b>``/``<i>`` inside the embedded font.
    """
    folder = resource_path("assets", "fonts")
    pdfmetrics.registerFont(TTFont(FONT, str(folder / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(folder / "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD)
    rl_config.defaultGraphicsFontName = FONT
    rl_config.canvas_basefontname = FONT


def _style(name: str, size: float, **extra: Any) -> ParagraphStyle:
    """A paragraph style that always names an embedded font."""
    options: dict[str, Any] = {
        "fontName": FONT,
        "fontSize": size,
        "leading": size * 1.3,
        "textColor": TEXT,
        "alignment": TA_LEFT,
    }
    options.update(extra)
    return ParagraphStyle(name, **options)


@cache
def styles() -> dict[str, ParagraphStyle]:
    """The named paragraph styles used across the report."""
    register_fonts()
    return {
        "title": _style("title", 26, fontName=FONT_BOLD, leading=31, textColor=WHITE),
        "cover_sub": _style("cover_sub", 12, textColor=WHITE),
        "practice": _style("practice", 20, fontName=FONT_BOLD, leading=25, textColor=DARK_BLUE),
        "h1": _style(
            "h1", 17, fontName=FONT_BOLD, leading=22, textColor=DARK_BLUE, spaceAfter=6, keepWithNext=1
        ),
        "h2": _style(
            "h2", 12.5, fontName=FONT_BOLD, leading=16, textColor=DARK_BLUE, spaceBefore=10, spaceAfter=4
        ),
        "h3": _style(
            "h3",
            10,
            fontName=FONT_BOLD,
            leading=13,
            textColor=TEXT,
            spaceBefore=8,
            spaceAfter=3,
        ),
        "body": _style("body", 9.5, spaceAfter=5),
        "lead": _style("lead", 10.5, leading=14.5, spaceAfter=6),
        "small": _style("small", 7.5, textColor=GREY, spaceAfter=4),
        "cell": _style("cell", 8),
        "cell_bold": _style("cell_bold", 8, fontName=FONT_BOLD),
        "cell_small": _style("cell_small", 6.5, textColor=GREY),
        "hash": _style("hash", 5.5, leading=7, textColor=GREY, spaceAfter=3),
        "cell_head": _style("cell_head", 8, fontName=FONT_BOLD, textColor=WHITE),
        "label": _style("label", 8.5, fontName=FONT_BOLD, textColor=GREY),
        "value": _style("value", 9.5),
        "caption": _style("caption", 8, fontName=FONT_BOLD, textColor=GREY),
        "notice": _style("notice", 9.5, textColor=DARK_BLUE, leading=13),
    }


def para(text: str, style: str = "cell") -> Paragraph:
    """A paragraph of plain text: escaped so '<' or '&' in an answer cannot break the markup."""
    return _text_in(text, styles()[style])


def _text_in(text: str, style: ParagraphStyle) -> Paragraph:
    """Plain text in the style: straight to its fragment when it can be, through the parser when not."""
    if is_plain(text):
        return plain_paragraph(text, style)
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def rich(markup: str, style: str = "cell") -> Paragraph:
    """A paragraph from markup the report builds itself (already escaped)."""
    return Paragraph(markup, styles()[style])


@cache
def _tinted(style: str, key: str) -> ParagraphStyle:
    """The style in the dark text colour that matches a status's tint."""
    _, text = tint(key)
    return ParagraphStyle(f"{style}-{key}", parent=styles()[style], textColor=text)


def status_para(key: str, words: str, style: str = "cell_bold") -> Paragraph:
    """Status words in the dark text colour that matches the cell's tint."""
    return _text_in(words, _tinted(style, key))


def table_style(header: bool = True, extra: list[tuple[Any, ...]] | None = None) -> TableStyle:
    """The house table look: embedded font in every cell, blue header, thin rules."""
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), FONT, 8),
        ("TEXTCOLOR", (0, 0), (-1, -1), TEXT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
    ]
    if header:
        commands += [
            ("FONT", (0, 0), (-1, 0), FONT_BOLD, 8),
            ("BACKGROUND", (0, 0), (-1, 0), NHS_BLUE),
            ("TEXTCOLOR", (0, 0), (-1, 0), WHITE),
        ]
    return TableStyle(commands + (extra or []))


def tint_cell(column: int, row: int, key: str) -> tuple[Any, ...]:
    """A BACKGROUND command that tints one cell for a status."""
    background, _ = tint(key)
    return ("BACKGROUND", (column, row), (column, row), background)


def london(moment: dt.datetime) -> tuple[dt.datetime, str]:
    """The time as a practice in England reads it; UTC where tz data is missing (Windows without tzdata)."""
    try:
        return moment.astimezone(ZoneInfo("Europe/London")), ""
    except ZoneInfoNotFoundError:
        return moment.astimezone(dt.UTC), " UTC"


def when(moment: dt.datetime) -> str:
    """en-GB date and time, e.g. '24 November 2026, 18:20'."""
    local, suffix = london(moment)
    return f"{local.day} {local:%B %Y, %H:%M}{suffix}"


def day(value: dt.date) -> str:
    """en-GB short date: dd/mm/yyyy."""
    return f"{value:%d/%m/%Y}"


def long_day(value: dt.date) -> str:
    """en-GB long date, e.g. '1 September 2025'."""
    return f"{value.day} {value:%B %Y}"


def size_text(size: int) -> str:
    """A file size as people read it."""
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / 1048576:.1f} MB"


def fit(text: str, font: str, size: float, width: float) -> str:
    """Shorten text drawn straight on the canvas (which never wraps) so it cannot run into its neighbour."""
    if stringWidth(text, font, size) <= width:
        return text
    low, high = 0, len(text)  # the longest prefix that fits with the ellipsis, found by halving
    while low < high:
        middle = (low + high + 1) // 2
        if stringWidth(text[:middle] + "…", font, size) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + "…"


def grouped(hex_text: str, group: int = 16) -> str:
    """A long hash in groups, so it wraps inside a narrow cell and is easier to compare."""
    return " ".join(hex_text[i : i + group] for i in range(0, len(hex_text), group))
