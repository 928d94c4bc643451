"""Plain-text paragraphs made without reportlab's markup parser.

Most cells of the report are plain text: a ref, a question, "Yes", a file
name. reportlab sends every paragraph through its HTML parser, which was a
fifth of the time a pack took. Text with no markup characters and no line
break always parses to one fragment carrying the style's font, size and
colour, so that fragment is made directly from the style instead. Anything
else (markup, "&", "<", ">", line breaks, blank text) still goes through the
parser. tests/pack/test_plain_paragraph.py checks that both routes give the
same fragments.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from reportlab.lib.styles import ParagraphStyle  # type: ignore[import-untyped, unused-ignore]
from reportlab.platypus import Paragraph  # type: ignore[import-untyped, unused-ignore]
from reportlab.platypus.paragraph import (  # type: ignore[import-untyped, unused-ignore]
    cleanBlockQuotedText,
    textTransformFrags,
)
from reportlab.platypus.paraparser import ParaParser  # type: ignore[import-untyped, unused-ignore]

_NEEDS_PARSER = ("<", ">", "&", "\n")  # escaped or turned into <br/>: more than one fragment


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
    words = cleanBlockQuotedText(text)
    frags = [_style_fragment(style).clone(text=words)]
    textTransformFrags(frags, style)
    return Paragraph(words, style, frags=frags)
