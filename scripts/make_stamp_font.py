"""Make the signature stamp's two fonts in assets/fonts/ from DejaVuSans.ttf.

    .venv/bin/python scripts/make_stamp_font.py

- DejaVuSans-stamp-1000upem.ttf: every glyph, so every name DejaVu can write.
- DejaVuSans-stamp-latin-1000upem.ttf: only the Latin ranges of
  ``wizard.pack.stamp_font.LATIN_RANGES``, which pyHanko reads five times as
  fast; used whenever it holds every character of the stamp.

pyHanko writes the stamp's glyph widths in font units as if there were 1000 to
the em, so both are rescaled from DejaVu's 2048 units to 1000. Their layout
tables (GSUB, GPOS, GDEF, kern, MATH) are dropped: the stamp is three short
lines that need no ligatures or kerning, and pyHanko subsets those tables anew
for every signature, which took two thirds of the signing time. DejaVu's
licence (LICENSE-DejaVu.txt) allows changed copies under a name without
"Bitstream" or "Vera", as these are.
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont
from fontTools.ttLib.scaleUpem import scale_upem

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from wizard.pack.stamp_font import FULL, LATIN, LATIN_RANGES  # noqa: E402 (needs the checkout on the path)

FONTS = ROOT / "assets" / "fonts"
LAYOUT_TABLES = ("GSUB", "GPOS", "GDEF", "kern", "MATH", "FFTM")  # FFTM: FontForge timestamps


def _whole() -> TTFont:
    font = TTFont(FONTS / "DejaVuSans.ttf", recalcTimestamp=False)  # the same bytes every run
    scale_upem(font, 1000)
    for table in LAYOUT_TABLES:
        if table in font:
            del font[table]
    return font


def _latin(font: TTFont) -> TTFont:
    options = subset.Options()
    options.layout_features = []
    options.name_IDs = ["*"]  # the family, PostScript name and copyright stay
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.glyph_names = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[code for low, high in LATIN_RANGES for code in range(low, high + 1)])
    subsetter.subset(font)
    return font


def main() -> int:
    for parts, font in ((FULL, _whole()), (LATIN, _latin(_whole()))):
        target = ROOT.joinpath(*parts)
        font.save(target)
        print(f"{target.relative_to(ROOT)}: {target.stat().st_size:,} bytes, {font['maxp'].numGlyphs} glyphs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
