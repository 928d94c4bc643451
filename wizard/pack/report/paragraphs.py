"""The report's paragraphs, made and wrapped with less work than reportlab's own.

Two savings, each giving exactly what reportlab would have drawn
(tests/pack/test_paragraphs.py compares them):

- Most cells are plain text: a ref, a question, "Yes", a file name. reportlab
  sends every paragraph through its HTML parser, a fifth of the time a pack
  took. Text with no markup characters and no line break always parses to one
  fragment carrying the style's font, size and colour, so that fragment is
  made directly from the style. Anything else (markup, "&", "<", ">", line
  breaks, blank text) still goes through the parser.
- A table wraps each cell to measure its row, again when it splits across a
  page and again to draw it, always at the column's width. A paragraph keeps
  its line breaks while the width is the same and reportlab has not dropped
  them (a split does), instead of breaking its lines anew each time.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from reportlab.lib.styles import ParagraphStyle  # type: ignore[import-untyped, unused-ignore]
from reportlab.platypus import paragraph as rl_paragraph  # type: ignore[import-untyped, unused-ignore]
from reportlab.platypus.paraparser import ParaParser  # type: ignore[import-untyped, unused-ignore]

_NEEDS_PARSER = ("<", ">", "&", "\n")  # escaped or turned into <br/>: more than one fragment


class Paragraph(rl_paragraph.Paragraph):  # type: ignore[misc]
    """reportlab's paragraph that breaks its lines once for each width it is given."""

    _wrapped: tuple[float, Any] | None = None  # the width last wrapped at, and the lines it gave

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 (reportlab's names)
        last = self._wrapped
        if last is not None and last[0] == availWidth and last[1] is self.__dict__.get("blPara"):
            return self.width, self.height
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        self._wrapped = (availWidth, self.__dict__.get("blPara"))
        return size


@cache
def _style_fragment(style: ParagraphStyle) -> Any:
    """The fragment the parser makes for one plain word in this style; only its text changes."""
    _, frags, _ = ParaParser().parse("x", style)
    return frags[0]


def is_plain(text: str) -> bool:
    """True when the parser would make one fragment of the text as it stands."""
    return bool(text.strip()) and not any(mark in text for mark in _NEEDS_PARSER)


def plain_paragraph(text: str, style: ParagraphStyle) -> Paragraph:
    """The same paragraph reportlab would make of ``text``, which must pass ``is_plain``."""
    words = rl_paragraph.cleanBlockQuotedText(text)
    frags = [_style_fragment(style).clone(text=words)]
    rl_paragraph.textTransformFrags(frags, style)
    return Paragraph(words, style, frags=frags)
