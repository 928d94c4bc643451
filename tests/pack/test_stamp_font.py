"""The signature stamp draws every character of the name: the Latin cut when it can, all of DejaVu otherwise."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from pyhanko.pdf_utils.reader import PdfFileReader

from tests.conftest import ROOT
from wizard.core.bank.model import Bank
from wizard.core.demo import demo_draft
from wizard.core.draft.store import save_draft
from wizard.pack.build import build_pack
from wizard.pack.identity.cert import make_self_signed
from wizard.pack.sign import SigningKey
from wizard.pack.stamp_font import FULL, LATIN, in_latin_cut, stamp_font


def _cmap(parts: tuple[str, ...]) -> set[int]:
    return set(TTFont(ROOT.joinpath(*parts))["cmap"].getBestCmap())


def test_the_latin_cut_is_the_whole_font_within_its_ranges() -> None:
    whole, latin = _cmap(FULL), _cmap(LATIN)
    assert latin == {code for code in whole if in_latin_cut(chr(code))}
    assert len(latin) > 600 and len(whole) > 5000
    fonts = [TTFont(ROOT.joinpath(*parts)) for parts in (FULL, LATIN)]
    assert [f["head"].unitsPerEm for f in fonts] == [1000, 1000]  # pyHanko writes widths per 1000
    assert [f["name"].getDebugName(6) for f in fonts] == ["DejaVuSans", "DejaVuSans"]
    assert not any(table in f for f in fonts for table in ("GSUB", "GPOS", "kern"))


@pytest.mark.parametrize(
    ("name", "latin"),
    [
        ("Riverside Surgery", True),
        ("St Mary’s – Dr Ó Néill & Łukasz Dvořák €", True),
        ("Ζωή Surgery", False),
        ("Клиника Surgery", False),
    ],
)
def test_the_stamp_font_is_chosen_by_the_name(name: str, latin: bool) -> None:
    assert stamp_font(f"Digitally signed by\n{name}\n01/12/2026 10:00:00 UTC") == ROOT.joinpath(
        *(LATIN if latin else FULL)
    )


def _stamp_glyphs(pack: Path) -> tuple[dict[str, int], int]:
    """From the signed pack: each character of the stamp with its glyph, and how many glyphs the font had."""
    reader = PdfFileReader(io.BytesIO(pack.read_bytes()))
    field = reader.root["/AcroForm"]["/Fields"][0].get_object()
    font = field["/AP"]["/N"]["/Resources"]["/Font"]["/F1"].get_object()
    cmap = font["/ToUnicode"].get_object().data.decode("ascii")
    glyphs: dict[str, int] = {}
    for first, last, codes in re.findall(r"<([0-9a-f]{4})> <([0-9a-f]{4})> \[([^\]]*)\]", cmap):
        gids = range(int(first, 16), int(last, 16) + 1)
        for gid, code in zip(gids, re.findall(r"<([0-9a-f]{4})>", codes), strict=True):
            glyphs[chr(int(code, 16))] = gid
    for gid, code in re.findall(r"^<([0-9a-f]{4})> <([0-9a-f]{4})>$", cmap, re.MULTILINE):
        glyphs[chr(int(code, 16))] = int(gid, 16)
    program = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]["/FontFile2"].get_object().data
    return glyphs, TTFont(io.BytesIO(program))["maxp"].numGlyphs


@pytest.mark.parametrize(("name", "latin"), [("Dr Ó Néill & Partners", True), ("Ζωή Surgery", False)])
def test_a_signed_pack_draws_every_letter_of_the_practice_name(
    real_banks: list[Bank], tmp_path: Path, name: str, latin: bool
) -> None:
    draft = demo_draft(real_banks, dt.date.today())
    draft.practice = draft.practice.model_copy(update={"name": name})
    path = tmp_path / "draft.json"
    save_draft(path, draft)
    build_pack(real_banks, draft, path, SigningKey(*make_self_signed(name, "A12345")), tmp_path / "pack.pdf")
    glyphs, count = _stamp_glyphs(tmp_path / "pack.pdf")
    for char in name.replace(" ", ""):
        assert glyphs.get(char, 0) != 0, f"{char!r} is drawn as a missing glyph"
    latin_count = TTFont(ROOT.joinpath(*LATIN))["maxp"].numGlyphs
    assert (count <= latin_count) == latin  # the small font only where it holds the whole name
