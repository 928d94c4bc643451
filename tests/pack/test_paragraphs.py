"""The report's paragraphs skip the markup parser for plain text and wrap once a width: the same as reportlab's."""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.platypus import Paragraph as ReportlabParagraph

from wizard.pack.report.paragraphs import Paragraph, is_plain, plain_paragraph
from wizard.pack.report.styles import TINTS, para, status_para, styles, tint

STYLES = sorted(styles())
# Letters, digits, punctuation, spaces of every kind and odd characters, as answers carry them.
TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)) | st.sampled_from(" \t\r\xa0>'\"-"),
    max_size=60,
)


def _parsed(text: str, style: str) -> list[dict[str, Any]]:
    """What reportlab's parser makes of the escaped text (how para made every cell before)."""
    paragraph = ReportlabParagraph(escape(text).replace("\n", "<br/>"), styles()[style])
    return [vars(frag) for frag in paragraph.frags]


@settings(max_examples=400, deadline=None)
@given(text=TEXT, style=st.sampled_from(STYLES))
def test_plain_text_gives_the_parsers_fragments(text: str, style: str) -> None:
    if is_plain(text):
        made = plain_paragraph(text, styles()[style])
        assert [vars(frag) for frag in made.frags] == _parsed(text, style)
    assert [vars(frag) for frag in para(text, style).frags] == _parsed(text, style)


def test_markup_characters_and_line_breaks_still_go_to_the_parser() -> None:
    for text in ("Fish & chips", "a < b", "two\nlines", "", "   "):
        assert not is_plain(text)
    assert not is_plain(
        "more than > 3 pages"
    )  # escaped to &gt;, which the parser makes a fragment of its own
    assert is_plain("Yes") and is_plain("Policy v2 (reviewed 01/04/2026), 3 pages")


def test_a_plain_cell_wraps_and_draws_like_a_parsed_one() -> None:
    text = "Staff complete data security awareness training every year, and new starters before access"
    made, parsed = para(text, "cell"), ReportlabParagraph(escape(text), styles()["cell"])
    assert made.wrap(120, 500) == parsed.wrap(120, 500)
    assert [line for line in made.blPara.lines] == [line for line in parsed.blPara.lines]
    assert made.wrap(120, 500)[1] > made.style.leading  # it really wrapped onto several lines


def _drawn(frag: Any) -> dict[str, Any]:
    return {name: value for name, value in vars(frag).items() if name != "__tag__"}


@pytest.mark.parametrize("key", sorted(TINTS))
def test_status_words_keep_the_colour_of_their_tint(key: str) -> None:
    _, colour = tint(key)
    for style in ("cell_bold", "h3", "cell_small"):
        old = ReportlabParagraph(
            f'<font color="#{colour.hexval()[2:]}">{escape(key)}</font>', styles()[style]
        )
        made = status_para(key, key, style)
        # All but the name of the tag the parser was inside, which only the parser reads.
        assert [_drawn(frag) for frag in made.frags] == [_drawn(frag) for frag in old.frags]
        assert made.frags[0].textColor == colour


LONG = "Staff complete data security awareness training every year, and new starters before they get access"


def _lines(paragraph: Any) -> list[str]:
    """The words of each line (a one-fragment paragraph keeps plain strings)."""
    return [" ".join(line[1]) for line in paragraph.blPara.lines]


def test_a_paragraph_wrapped_again_at_another_width_breaks_its_lines_for_that_width() -> None:
    paragraph = para(LONG)
    for width in (120, 300, 120, 60, 300):
        fresh = ReportlabParagraph(escape(LONG), styles()["cell"])
        assert paragraph.wrap(width, 800) == fresh.wrap(width, 800)
        assert _lines(paragraph) == _lines(fresh)


def test_after_a_split_the_paragraph_is_measured_again() -> None:
    paragraph = para(LONG)
    width, height = paragraph.wrap(60, 800)
    assert paragraph.split(60, 1) == []  # no room for two lines: reportlab drops its line breaks
    assert not hasattr(paragraph, "blPara")
    assert paragraph.wrap(60, 800) == (width, height) and len(paragraph.blPara.lines) > 2
    first, rest = paragraph.split(60, height / 2)
    assert isinstance(first, Paragraph) and isinstance(rest, Paragraph)
    assert first.wrap(60, 800)[1] + rest.wrap(60, 800)[1] == height
