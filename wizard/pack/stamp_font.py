"""Which font draws the signature stamp: a small Latin cut when it can write the text, else all of DejaVu.

pyHanko reads and subsets the stamp's font for every signature. All of
DejaVu Sans (6,000 glyphs) took a third of the signing time; the Latin cut
(Latin-1, Latin Extended-A and B, general punctuation and the euro sign:
every name on a practice list in England, nearly always) takes a fifth of
that. A name with any other character (Greek, Cyrillic, Vietnamese...) is
drawn with the whole font, so the stamp never shows a missing glyph.
Both fonts are made by scripts/make_stamp_font.py.
"""

from __future__ import annotations

from pathlib import Path

from wizard.core.paths import resource_path

FULL = ("assets", "fonts", "DejaVuSans-stamp-1000upem.ttf")
LATIN = ("assets", "fonts", "DejaVuSans-stamp-latin-1000upem.ttf")
LATIN_RANGES = (  # inclusive code point ranges the Latin cut keeps, where DejaVu has them
    (0x20, 0x7E),
    (0xA0, 0x24F),
    (0x2010, 0x205E),
    (0x20AC, 0x20AC),
)


def in_latin_cut(char: str) -> bool:
    code = ord(char)
    return any(low <= code <= high for low, high in LATIN_RANGES)


def stamp_font(text: str) -> Path:
    """The Latin cut when it holds every character of ``text`` (line breaks aside), else the whole font."""
    latin = all(in_latin_cut(char) for char in text if char != "\n")
    return resource_path(*(LATIN if latin else FULL))
