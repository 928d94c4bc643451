"""What verify prints and writes is safe to read: no terminal control codes, no spreadsheet formulas.

And folder mode checks every PDF whatever the case of its extension, says
when a folder holds none, and prints its verdicts even when the CSV cannot be
written.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from tests.attack_kit import agrees_with_pdfsig, genuine_pack, practice_key
from tests.cli_run import run_cli
from wizard.core.bank.model import Bank
from wizard.core.demo import demo_draft
from wizard.pack.sign import SigningKey

HOSTILE = "Riverside\x1b[2J\x1b[1;1HGOOD: every.pdf\nSurgery\x9b31m\u202eevil\x07"
FORMULA = '=HYPERLINK("http://example.invalid","click")'
RAW = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"
)  # anything but the line ends we print


def _pack_for(banks: list[Bank], folder: Path, name: str, key: SigningKey) -> Path:
    draft = demo_draft(banks, dt.date.today())
    draft.practice = draft.practice.model_copy(update={"name": name})
    return genuine_pack(banks, folder, key, draft)


@pytest.fixture(scope="module")
def hostile(real_banks: list[Bank], tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A good pack whose practice name and signer carry escape sequences, a newline and a direction mark."""
    key = practice_key(name="Riverside\x1b]0;owned\x07 Surgery")
    folder = tmp_path_factory.mktemp("hostile")
    pack = _pack_for(real_banks, folder, HOSTILE, key)
    cert = folder / "practice.pem"
    cert.write_bytes(key.certificate.public_bytes(serialization.Encoding.PEM))
    return pack, cert


def test_no_control_code_reaches_the_terminal(hostile: tuple[Path, Path]) -> None:
    pack, cert = hostile
    result = run_cli("verify", pack, "--trust", cert)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not RAW.search(result.stdout), repr(result.stdout)
    lines = result.stdout.splitlines()
    assert lines[0] == "signature good: pack.pdf"
    assert lines[1].startswith("    practice Riverside?[2J?[1;1HGOOD: every.pdf?Surgery")
    assert len(lines) == 3  # verdict, practice and signer, statuses: the newline in the name made no line
    assert agrees_with_pdfsig(pack, True, True)


def test_json_keeps_the_text_but_escapes_it(hostile: tuple[Path, Path]) -> None:
    pack, cert = hostile
    result = run_cli("verify", pack, "--trust", cert, "--json")
    assert not RAW.search(result.stdout), repr(result.stdout)
    assert json.loads(result.stdout)["packs"][0]["summary"]["practice"] == HOSTILE  # nothing lost


def test_no_cell_of_the_csv_is_a_formula(real_banks: list[Bank], tmp_path: Path) -> None:
    key = practice_key()
    folder = tmp_path / "received"
    folder.mkdir()
    built = _pack_for(real_banks, tmp_path / "build", FORMULA, key)
    shutil.copy(built, folder / "=1+1.pdf")
    shutil.copy(built, folder / "@SUM(A1).PDF")
    result = run_cli("verify", folder)
    assert result.returncode == 1  # no certificate given, so not good; the CSV is still written
    with (folder / "verification-summary.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert sorted(r["file"] for r in rows) == ["'=1+1.pdf", "'@SUM(A1).PDF"]
    assert {r["practice"] for r in rows} == {"'" + FORMULA}
    starts = "=+-@\t\r"
    assert not [cell for row in rows for cell in row.values() if cell.startswith(tuple(starts))]


def test_a_folder_checks_pdf_in_any_case(demo_pack: tuple[Path, SigningKey], tmp_path: Path) -> None:
    built, key = demo_pack
    folder = tmp_path / "received"
    folder.mkdir()
    for name in ("a.pdf", "B.PDF", "c.Pdf"):
        shutil.copy(built, folder / name)
    (folder / "notes.txt").write_text("not a pack", encoding="utf-8")
    cert = tmp_path / "practice.pem"
    cert.write_bytes(key.certificate.public_bytes(serialization.Encoding.PEM))
    result = run_cli("verify", folder, "--trust", cert)
    assert result.returncode == 0, result.stdout
    assert sorted(re.findall(r"^signature good: (\S+)", result.stdout, re.MULTILINE)) == [
        "B.PDF",
        "a.pdf",
        "c.Pdf",
    ]
    rows = (folder / "verification-summary.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(rows) == 4


def test_an_empty_folder_says_so(tmp_path: Path) -> None:
    empty = tmp_path / "received"
    empty.mkdir()
    (empty / "notes.txt").write_text("not a pack", encoding="utf-8")
    result = run_cli("verify", empty)
    assert result.returncode == 1
    assert f"NO PACKS: the folder {empty} holds no PDF files." in result.stderr
    assert not (empty / "verification-summary.csv").exists() and "Traceback" not in result.stderr


def test_verdicts_are_printed_when_the_csv_cannot_be_written(
    demo_pack: tuple[Path, SigningKey], tmp_path: Path
) -> None:
    built = tmp_path / "build" / "pack.pdf"  # a copy: this test gives it as the CSV, to see it left alone
    built.parent.mkdir()
    shutil.copy(demo_pack[0], built)
    key = demo_pack[1]
    folder = tmp_path / "received"
    folder.mkdir()
    shutil.copy(built, folder / "a.pdf")
    cert = tmp_path / "practice.pem"
    cert.write_bytes(key.certificate.public_bytes(serialization.Encoding.PEM))
    nowhere = tmp_path / "no such folder" / "summary.csv"
    result = run_cli("verify", folder, "--trust", cert, "--csv", nowhere)
    assert result.stdout.startswith("signature good: a.pdf")
    assert "could not be written" in result.stderr and "the verdicts above are complete" in result.stderr
    assert result.returncode == 1 and "Traceback" not in result.stderr
    before = built.read_bytes()
    refused = run_cli("verify", folder, "--trust", cert, "--csv", built)  # a pack given as the CSV by mistake
    assert refused.stdout.startswith("signature good: a.pdf") and "not a CSV file" in refused.stderr
    assert built.read_bytes() == before
