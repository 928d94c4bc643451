"""Make assets/fonts/DejaVuSans-stamp-1000upem.ttf, the font of the signature stamp, from DejaVuSans.ttf.

    .venv/bin/python scripts/make_stamp_font.py

pyHanko writes the stamp's glyph widths in font units as if there were 1000 to
the em, so the font is rescaled from DejaVu's 2048 units to 1000. Its layout
tables (GSUB, GPOS, GDEF, kern, MATH) are dropped: the stamp is three short
lines that need no ligatures or kerning, and pyHanko subsets those tables anew
for every signature, which took two thirds of the signing time. Every glyph,
and so every name DejaVu can write, is kept. DejaVu's licence
(LICENSE-DejaVu.txt) allows changed copies under a name without "Bitstream"
or "Vera", as this one is.
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools.ttLib import TTFont
from fontTools.ttLib.scaleUpem import scale_upem

FONTS = Path(__file__).resolve().parent.parent / "assets" / "fonts"
LAYOUT_TABLES = ("GSUB", "GPOS", "GDEF", "kern", "MATH", "FFTM")  # FFTM: FontForge timestamps


def main() -> int:
    font = TTFont(FONTS / "DejaVuSans.ttf")
    scale_upem(font, 1000)
    for table in LAYOUT_TABLES:
        if table in font:
            del font[table]
    target = FONTS / "DejaVuSans-stamp-1000upem.ttf"
    font.save(target)
    print(f"{target}: {target.stat().st_size:,} bytes, {font['maxp'].numGlyphs} glyphs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
