"""``pack --out`` never overwrites the draft, the signing key, evidence or any non-PDF, and writes atomically."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli_run import run_cli
from tests.conftest import RIVERSIDE_PASSPHRASE as PASS
from wizard.core.bank.model import Bank
from wizard.core.demo import demo_draft
from wizard.core.draft.evidence import add_evidence, evidence_dir
from wizard.core.draft.store import save_draft
from wizard.pack.identity.store import KEY_FILE, Identity, identity_dir

ENV = {"GPCW_PASSPHRASE": PASS}


@pytest.fixture
def practice(real_banks: list[Bank], riverside_identity: Identity, tmp_path: Path) -> Path:
    """The demo draft with one evidence file, and Riverside's signing identity in the data folder."""
    draft = demo_draft(real_banks, dt.date.today())
    path = tmp_path / "riverside.json"
    save_draft(path, draft)
    source = tmp_path / "plan.pdf"
    source.write_bytes(b"%PDF-1.4 business continuity plan")
    add_evidence(draft, path, next(b.find("7.1.1") for b in real_banks if b.find("7.1.1")), source)  # type: ignore[arg-type]
    save_draft(path, draft)
    return path


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _refused(draft: Path, out: Path, words: str) -> None:
    watched = [draft.parent, Path(os.environ["GPCW_DATA_DIR"])]
    before = [_files(folder) for folder in watched]
    result = run_cli("pack", draft, "--out", out, env=ENV)
    assert result.returncode == 1 and words in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and "passphrase" not in result.stdout.lower()
    assert [_files(folder) for folder in watched] == before  # nothing changed, nothing left behind


def test_not_over_the_draft(practice: Path) -> None:
    _refused(practice, practice, "ending in .pdf")
    named_pdf = practice.with_name("riverside.pdf")  # a draft saved with a misleading name
    named_pdf.write_bytes(practice.read_bytes())
    _refused(named_pdf, named_pdf, "is the draft itself")


def test_not_over_the_signing_key_or_into_its_folder(practice: Path) -> None:
    _refused(practice, identity_dir() / KEY_FILE, "ending in .pdf")
    _refused(practice, identity_dir() / "pack.pdf", "signing key")


def test_not_over_evidence(practice: Path) -> None:
    evidence = next(evidence_dir(practice).iterdir())
    assert evidence.suffix == ".pdf"
    _refused(practice, evidence, "evidence")


def test_not_over_anything_that_is_not_a_pdf(practice: Path, tmp_path: Path) -> None:
    notes = tmp_path / "notes.pdf"
    notes.write_text("the minutes of the last meeting", encoding="utf-8")
    _refused(practice, notes, "is not a PDF")
    folder = tmp_path / "folder.pdf"
    folder.mkdir()
    _refused(practice, folder, "is a folder")
    pipe = tmp_path / "pipe.pdf"
    os.mkfifo(pipe)
    _refused(practice, pipe, "not an ordinary file")


def test_an_older_pack_is_replaced_whole(practice: Path, tmp_path: Path) -> None:
    out = tmp_path / "pack.pdf"
    first = run_cli("pack", practice, "--out", out, env=ENV)
    assert first.returncode == 0, first.stderr
    old = out.read_bytes()
    again = run_cli("pack", practice, "--out", out, env=ENV)
    assert again.returncode == 0, again.stderr
    assert out.read_bytes() != old and out.read_bytes().startswith(b"%PDF-")
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".gpcw-tmp-")]


def test_a_failed_build_leaves_the_older_pack(practice: Path, tmp_path: Path) -> None:
    out = tmp_path / "pack.pdf"
    assert run_cli("pack", practice, "--out", out, env=ENV).returncode == 0
    old = out.read_bytes()
    for evidence in evidence_dir(practice).iterdir():
        evidence.write_bytes(b"changed since it was added")
    failed = run_cli("pack", practice, "--out", out, env=ENV)
    assert failed.returncode == 1 and "has changed since it was added" in failed.stderr
    assert out.read_bytes() == old


def test_a_300_character_name(practice: Path, tmp_path: Path) -> None:
    result = run_cli("pack", practice, "--out", tmp_path / ("x" * 296 + ".pdf"), env=ENV)
    assert result.returncode == 1 and "name too long" in result.stderr.lower(), result.stderr
    assert "Traceback" not in result.stderr
    fits = tmp_path / (
        "y" * 250 + ".pdf"
    )  # the longest name allowed still works: its temporary name is shorter
    made = run_cli("pack", practice, "--out", fits, env=ENV)
    assert made.returncode == 0, made.stderr
    assert fits.read_bytes().startswith(b"%PDF-")


def test_a_reader_that_goes_away_is_not_a_file_problem(practice: Path, tmp_path: Path) -> None:
    """``pack ... | head -1``: the progress has nowhere to go; that is no fault of the pack's file."""
    out = tmp_path / "pack.pdf"
    env = {**os.environ, **ENV}
    command = [sys.executable, "-m", "wizard", "pack", str(practice), "--out", str(out)]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.readline()
        process.stdout.close()  # as head does after its one line
        error = process.stderr.read().decode()
        assert process.wait(timeout=120) == 0
    assert "could not be written" not in error and "Traceback" not in error, error
