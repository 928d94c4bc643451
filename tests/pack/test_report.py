"""The evidence pack PDF, checked by independent tools (qpdf, poppler) rather than by reportlab itself."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT
from wizard.checks.evaluate import evaluate
from wizard.checks.facts import load_snapshot
from wizard.core.bank.model import Bank
from wizard.core.demo import demo_draft
from wizard.core.draft.answers import set_answer
from wizard.core.draft.evidence import add_evidence
from wizard.core.draft.model import Draft, EvidenceRef, new_draft
from wizard.core.estate import add_device_report
from wizard.pack.report.document import build_report
from wizard.pack.report.inputs import BuiltReport, PackInputs

RECORDED = ROOT / "tests" / "fixtures" / "checks" / "linux" / "debian12-container-root.json"
DOCUMENT_ID = "GPCW-A12345-20261124-7F3A"
FINGERPRINT = ":".join(["7F", "3A", "C1", "09"] * 8)
CREATED = dt.datetime(2026, 11, 24, 18, 20, tzinfo=dt.UTC)
A4_WIDTH, A4_HEIGHT = 595.2755905511812, 841.8897637795277
UNICODE_NAME = "St Mary’s £1 Surgery – Riverside"


@dataclass(frozen=True)
class Pack:
    built: BuiltReport
    path: Path
    evidence: EvidenceRef
    hostname: str


def _tool(*args: str | Path) -> str:
    """Run a poppler or qpdf tool; a non-zero exit fails the test with its output."""
    done = subprocess.run([str(a) for a in args], capture_output=True, text=True, check=False)
    assert done.returncode == 0, f"{args[0]} failed: {done.stdout}{done.stderr}"
    return done.stdout


def _inputs(banks: list[Bank], draft: Draft, draft_path: Path, created: dt.datetime = CREATED) -> PackInputs:
    return PackInputs(
        banks=banks,
        draft=draft,
        draft_path=draft_path,
        document_id=DOCUMENT_ID,
        created_at=created,
        signer_subject="Riverside Surgery (ODS code A12345)",
        certificate_fingerprint=FINGERPRINT,
    )


def _full_draft(banks: list[Bank], folder: Path) -> tuple[Draft, Path, EvidenceRef, str]:
    """The demo draft with two evidence files, an IT-provider answer and one device's checks."""
    draft = demo_draft(banks)
    draft_path = folder / "riverside.json"
    dspt = next(b for b in banks if b.framework.scoring == "dspt")
    restore_log, training = folder / "Backup restore log.pdf", folder / "IG training report.xlsx"
    restore_log.write_bytes(b"%PDF-1.4 restore test log\n" * 50)
    training.write_bytes(b"training completion 82%\n" * 90)
    items = {ref: dspt.find(ref) for ref in ("7.3.4", "3.2.1", "9.2.1")}
    assert all(items.values())
    evidence = add_evidence(draft, draft_path, items["7.3.4"], restore_log)  # type: ignore[arg-type]
    add_evidence(draft, draft_path, items["3.2.1"], training)  # type: ignore[arg-type]
    set_answer(draft, items["9.2.1"], None, "it_provider")  # type: ignore[arg-type]
    report = evaluate(load_snapshot(RECORDED))
    add_device_report(draft, report)
    return draft, draft_path, evidence, report.device.hostname


@pytest.fixture(scope="module")
def pack(real_banks: list[Bank], tmp_path_factory: pytest.TempPathFactory) -> Pack:
    folder = tmp_path_factory.mktemp("pack")
    draft, draft_path, evidence, hostname = _full_draft(real_banks, folder)
    built = build_report(_inputs(real_banks, draft, draft_path))
    path = folder / "pack.pdf"
    path.write_bytes(built.pdf)
    return Pack(built, path, evidence, hostname)


@pytest.fixture(scope="module")
def text(pack: Pack) -> str:
    return _tool("pdftotext", pack.path, "-")


def _flat(text: str) -> str:
    """Text with runs of white space made single, so wrapped table cells still match."""
    return re.sub(r"\s+", " ", text)


def test_qpdf_finds_the_file_sound(pack: Pack) -> None:
    _tool("qpdf", "--check", pack.path)


def test_every_font_is_embedded_and_none_is_a_base14_font(pack: Pack) -> None:
    lines = _tool("pdffonts", pack.path).splitlines()[2:]
    assert lines, "no fonts listed"
    for line in lines:
        parts = line.split()
        name, embedded = parts[0], parts[-5]
        assert embedded == "yes", line
        assert not re.search(r"Helvetica|Courier|Times|Symbol|ZapfDingbats", name), line
        assert "DejaVuSans" in name


def test_metadata_and_page_count(pack: Pack) -> None:
    info = _tool("pdfinfo", pack.path)
    assert "Title:           Data security evidence pack – Riverside Surgery" in info
    assert re.search(r"^Author:\s+Riverside Surgery$", info, re.M)
    assert re.search(r"^Subject:\s+DSPT and Cyber Essentials evidence$", info, re.M)
    assert re.search(r"^Creator:\s+GP Cyber Wizard \S+$", info, re.M)
    assert re.search(r"^Page size:\s+595\.27\d* x 841\.89\d* pts \(A4\)", info, re.M)
    pages = int(re.search(r"^Pages:\s+(\d+)$", info, re.M).group(1))  # type: ignore[union-attr]
    assert pages == pack.built.page_count
    assert b"/Lang (en-GB)" in pack.built.pdf


def test_text_has_what_the_icb_needs(pack: Pack, real_banks: list[Bank], text: str) -> None:
    flat = _flat(text)
    pages = pack.built.page_count
    for wanted in (
        "Riverside Surgery",
        "A12345",
        "Page 1 of ",
        f"Page {pages} of {pages}",
        DOCUMENT_ID,
        FINGERPRINT,
        "24 November 2026, 18:20",
        "DSPT 2025-26",
        "Standards",
        "A6.5",
        "Would fail automatically",
        "practice's own estimate",
        "Yes, per ICB IT,",
        "Toolkit sheet: DSPT 2025-26",
        "Good practice for GP practices",
        "Not asked (does not apply)",
        pack.evidence.name,
        f"{pack.evidence.sha256[:16]}…",
        pack.hostname,
        "Action plan",
        "Declaration",
        "Dr Amelia Shah, SIRO and GP partner signed this pack for Riverside Surgery (ODS code A12345)",
        "confirmed that they had reviewed the answers in it",
        "Every mandatory question is answered.",
        "given by the practice's IT provider; each says who gave it and when",
        "will carry out the action plan in this pack by the dates shown",
        "Digital signature",
    ):
        assert wanted in flat, wanted
    dspt = next(b for b in real_banks if b.framework.scoring == "dspt")
    for section in dspt.sections:
        assert section.title in flat, section.title
    for bank in real_banks:
        assert bank.sha256 in flat


def test_a_complete_pack_states_its_result_on_the_cover(pack: Pack, text: str) -> None:
    cover = _flat(text.split("\f")[0])
    assert "Result (the practice's own estimate, as at" in cover
    assert (
        "DSPT 2025-26 Approaching Standards" in cover
        and "Cyber Essentials 3.3 Would fail automatically" in cover
    )
    assert "Signed by Dr Amelia Shah, SIRO and GP partner" in cover
    assert "INCOMPLETE" not in text


def test_every_page_has_the_footer(pack: Pack, text: str) -> None:
    pages = text.split("\f")
    for number in range(1, pack.built.page_count + 1):
        page = _flat(pages[number - 1])
        assert f"Page {number} of {pack.built.page_count}" in page
        assert DOCUMENT_ID in page


def test_signature_box_is_empty_on_the_declaration_before_the_technical_details(pack: Pack) -> None:
    built = pack.built
    assert built.signature_page == built.page_count - 2
    x1, y1, x2, y2 = built.signature_box
    assert 0 <= x1 < x2 <= A4_WIDTH
    assert 0 <= y1 < y2 <= A4_HEIGHT
    assert 7.5 * 28.35 < x2 - x1 < 9 * 28.35 and 2.5 * 28.35 < y2 - y1 < 3.5 * 28.35
    technical = _tool("pdftotext", "-f", str(built.page_count), "-l", str(built.page_count), pack.path, "-")
    assert "DSPT 2025-26 Technical details For the ICB" in _flat(technical)
    assert FINGERPRINT in _flat(technical)
    last = built.page_count - 1
    page = _tool("pdftotext", "-f", str(last), "-l", str(last), pack.path, "-")
    assert "Declaration" in page and "Digital signature" in page
    inside = _tool(
        "pdftotext", "-f", str(last), "-l", str(last), "-x", str(int(x1) + 2),
        "-y", str(int(A4_HEIGHT - y2) + 2), "-W", str(int(x2 - x1) - 4), "-H", str(int(y2 - y1) - 4),
        pack.path, "-",
    )  # fmt: skip
    assert inside.strip(" \n\f") == ""


def test_pages_render(pack: Pack, tmp_path: Path) -> None:
    _tool("pdftoppm", "-r", "60", "-png", pack.path, tmp_path / "page")
    images = sorted(tmp_path.glob("page-*.png"))
    assert len(images) == pack.built.page_count
    assert all(image.stat().st_size > 1000 for image in images)


def test_unicode_practice_name_prints_as_typed(real_banks: list[Bank], tmp_path: Path) -> None:
    draft = demo_draft(real_banks)
    draft.practice = draft.practice.model_copy(update={"name": UNICODE_NAME})
    built = build_report(_inputs(real_banks, draft, tmp_path / "draft.json"))
    path = tmp_path / "pack.pdf"
    path.write_bytes(built.pdf)
    assert UNICODE_NAME in _tool("pdftotext", path, "-")
    assert f"Author:          {UNICODE_NAME}" in _tool("pdfinfo", path)
    assert "Title:           Data security evidence pack – St Mary’s" in _tool("pdfinfo", path)


def test_without_device_checks_says_so(real_banks: list[Bank], tmp_path: Path) -> None:
    draft = demo_draft(real_banks)
    summer = dt.datetime(2026, 7, 1, 11, 5, tzinfo=dt.UTC)  # 12:05 in London (BST)
    built = build_report(_inputs(real_banks, draft, tmp_path / "draft.json", summer))
    path = tmp_path / "pack.pdf"
    path.write_bytes(built.pdf)
    flat = _flat(_tool("pdftotext", path, "-"))
    assert "No computer checks were included" in flat
    assert "1 July 2026, 12:05" in flat


def test_period_can_be_given(real_banks: list[Bank], tmp_path: Path) -> None:
    inputs = _inputs(real_banks, demo_draft(real_banks), tmp_path / "draft.json")
    built = build_report(PackInputs(**{**inputs.__dict__, "period": "Annual return 2026"}))
    path = tmp_path / "pack.pdf"
    path.write_bytes(built.pdf)
    assert "Annual return 2026" in _tool("pdftotext", "-l", "1", path, "-")


def test_report_code_never_imports_qt() -> None:
    code = "import sys, wizard.pack.report.document; sys.exit('PySide6' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=False).returncode == 0


def test_a_fresh_draft_with_a_long_name_builds(real_banks: list[Bank], tmp_path: Path) -> None:
    """Nothing answered yet: every status, the plan and the header still lay out."""
    name = "The Very Long Named Riverside and Millbrook Valley Health Centre Partnership Surgery"
    draft = new_draft(name, "B98765", [b.framework.id for b in real_banks])
    built = build_report(_inputs(real_banks, draft, tmp_path / "draft.json"))
    path = tmp_path / "pack.pdf"
    path.write_bytes(built.pdf)
    _tool("qpdf", "--check", path)
    flat = _flat(_tool("pdftotext", path, "-"))
    assert "Overall: Not started" in flat and "Not started (the practice's own estimate)" in flat
    assert "Standards Not Met (" not in flat and "Would fail automatically (" not in flat
    assert "Nothing beyond the practice details is answered yet" in flat
    assert "Not recorded" in flat
    assert "Nothing answered so far needs action" in flat and "45 questions not answered yet" not in flat
    assert "Every good-practice item answered is met" not in flat  # nothing is answered
    assert "Still to answer (15): GP1" in flat
    assert "DSPT 1 Personal confidential data: 13 questions not answered yet" in flat
    assert built.signature_page == built.page_count - 2
    pages = _tool("pdftotext", path, "-").split("\f")[: built.page_count]
    assert all("INCOMPLETE" in page for page in pages)  # a loose page cannot pass for a finished pack
    assert "The pack is INCOMPLETE:" in flat and "mandatory questions are not answered" in flat
