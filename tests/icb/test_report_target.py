"""The estate report is never written among the packs it reads, nor over a practice's pack."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from reportlab.pdfgen import canvas  # type: ignore[import-untyped, unused-ignore]

from tests import icb_kit as kit
from tests.cli_run import run_cli
from wizard.icb.errors import IcbError
from wizard.icb.report_target import check_report_target


@pytest.fixture
def received(icb_estate: kit.Estate, tmp_path: Path) -> Path:
    """Two of the estate's signed packs, copied: a wrong write here cannot spoil the shared estate."""
    folder = tmp_path / "received"
    folder.mkdir()
    for pack in sorted(icb_estate.folder.glob("p1000[12].pdf")):
        shutil.copyfile(pack, folder / pack.name)
    return folder


def test_a_report_among_the_packs_is_refused_and_a_better_place_named(received: Path) -> None:
    with pytest.raises(IcbError, match="next check would read the report as a practice's pack") as caught:
        check_report_target(received / "estate.pdf", [received])
    assert str(received.parent) in str(caught.value)


def test_a_report_over_a_signed_pack_is_refused(received: Path, tmp_path: Path) -> None:
    pack = received / "p10001.pdf"
    with pytest.raises(IcbError, match="one of the packs being checked"):
        check_report_target(pack, [], [pack])
    elsewhere = tmp_path / "sent-on.pdf"
    shutil.copyfile(pack, elsewhere)
    before = elsewhere.read_bytes()
    with pytest.raises(IcbError, match="is a signed pack, so it was not written over"):
        check_report_target(elsewhere, [received])
    assert elsewhere.read_bytes() == before


def test_last_months_report_may_be_replaced(received: Path, tmp_path: Path) -> None:
    old = tmp_path / "estate-report.pdf"
    page = canvas.Canvas(str(old))
    page.drawString(72, 720, "Estate report, last month")
    page.save()
    check_report_target(old, [received])  # an unsigned PDF outside the packs: no objection
    (tmp_path / "empty.pdf").touch()
    check_report_target(tmp_path / "empty.pdf", [received])


@pytest.mark.parametrize(("name", "words"), [("estate.csv", "must be a .pdf"), ("a folder.pdf", "a folder")])
def test_not_a_pdf_file(tmp_path: Path, name: str, words: str) -> None:
    if name == "a folder.pdf":
        (tmp_path / name).mkdir()
    with pytest.raises(IcbError, match=words):
        check_report_target(tmp_path / name, [])


def test_the_command_refuses_before_checking_anything(received: Path, icb_estate: kit.Estate) -> None:
    out = received / "estate.pdf"
    made = run_cli("icb", "report", received, "--trust-dir", icb_estate.trust, "--out", out)
    assert made.returncode == 2
    assert "next check would read the report as a practice's pack" in made.stderr
    assert sorted(p.name for p in received.iterdir()) == ["p10001.pdf", "p10002.pdf"]
