"""A full pack from a realistic draft, checked by independent tools, and bad input handled."""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12

from tests.cli_run import run_cli, run_process
from tests.conftest import RIVERSIDE_PASSPHRASE as PASSPHRASE
from tests.conftest import ROOT
from wizard.checks.evaluate import evaluate
from wizard.checks.facts import load_snapshot
from wizard.core.bank.model import Bank
from wizard.core.demo import demo_draft
from wizard.core.draft.evidence import add_evidence, evidence_dir
from wizard.core.draft.model import Draft, SignOff, draft_to_bytes
from wizard.core.draft.store import save_draft
from wizard.core.estate import add_device_report
from wizard.core.paths import data_dir
from wizard.pack.attachments import PackInputError
from wizard.pack.build import build_pack
from wizard.pack.identity.store import Identity, identity_dir
from wizard.pack.sign import SigningKey
from wizard.pack.verify import verify_file

RECORDED = ROOT / "tests" / "fixtures" / "checks" / "linux" / "debian12-container-root.json"


def _run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """An independent tool (pyHanko's own command, poppler, qpdf) on what the program made."""
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, cwd=ROOT, timeout=120)


@pytest.fixture
def practice(
    real_banks: list[Bank], riverside_identity: Identity, tmp_path: Path
) -> tuple[Draft, Path, SigningKey]:
    identity = riverside_identity  # made by identity create, in this test's data folder
    draft = demo_draft(real_banks, dt.date.today())
    path = tmp_path / "riverside.json"
    save_draft(path, draft)
    for name, ref, payload in (
        ("Business continuity plan v3.pdf", "7.1.1", b"%PDF-1.4 plan " * 3000),
        ("asset register £ – ’.xlsx", "1.1.3", b"PK\x03\x04 register" * 500),
    ):
        source = tmp_path / name
        source.write_bytes(payload)
        item = next(b.find(ref) for b in real_banks if b.find(ref))
        add_evidence(draft, path, item, source)  # type: ignore[arg-type]
    add_device_report(draft, evaluate(load_snapshot(RECORDED)))
    save_draft(path, draft)
    return draft, path, identity.signing_key()


def test_full_pack_is_accepted_everywhere(real_banks: list[Bank], practice: tuple, tmp_path: Path) -> None:  # type: ignore[type-arg]
    draft, path, key = practice
    before = path.read_bytes()
    out = tmp_path / "pack.pdf"
    result = build_pack(real_banks, draft, path, key, out)
    assert path.read_bytes() == before  # the draft is only read
    cert = tmp_path / "practice.pem"
    cert.write_bytes(key.certificate.public_bytes(serialization.Encoding.PEM))
    verdict = verify_file(out, [key.certificate], None)
    assert verdict.ok, verdict.problems
    assert verdict.summary["practice"] == "Riverside Surgery" and verdict.summary["ods_code"] == "A12345"
    pyhanko = _run(Path(sys.executable).parent / "pyhanko", "sign", "validate", "--trust", cert, out)
    assert pyhanko.returncode == 0 and "INTACT:TRUSTED,UNTOUCHED" in pyhanko.stdout, (
        pyhanko.stdout + pyhanko.stderr
    )
    pdfsig = _run("pdfsig", out)
    assert "Total document signed" in pdfsig.stdout and "Signature is Valid" in pdfsig.stdout
    assert _run("qpdf", "--check", out).returncode == 0
    listed = _run("pdfdetach", "-list", out).stdout
    names = re.findall(r"^\d+: (.+)$", listed, re.MULTILINE)
    assert "answers.json" in names and "summary.json" in names
    stored = [e.stored_as for a in draft.answers.values() for e in a.evidence]
    assert sorted(n for n in names if n.startswith("evidence-")) == sorted(f"evidence-{s}" for s in stored)
    assert any(n.startswith("checks-") for n in names)
    assert not any("/" in n or "\\" in n for n in names)  # plain names: saving one stays where it is put
    number = names.index("answers.json") + 1
    extracted = tmp_path / "answers.json"
    assert _run("pdfdetach", "-save", str(number), "-o", extracted, out).returncode == 0
    assert extracted.read_bytes() == draft_to_bytes(draft)
    assert json.loads(extracted.read_text())["answers"] == json.loads(draft_to_bytes(draft))["answers"]
    fonts = _run("pdffonts", out).stdout.splitlines()[2:]
    assert fonts and all(" yes " in f for f in fonts), fonts
    assert result.page_count >= 10
    cover = " ".join(_run("pdftotext", "-l", "1", out, "-").stdout.split())
    assert "Signed with the certificate of Riverside Surgery (ODS code A12345)" in cover
    assert (
        "serialNumber=" not in cover and "CN=" not in cover
    )  # the practice in words, not a certificate string
    assert _run("pdftoppm", "-r", "30", "-png", "-f", "1", "-l", "2", out, tmp_path / "page").returncode == 0


def test_no_pack_without_a_signer_who_reviewed_the_answers(
    real_banks: list[Bank], practice: tuple, tmp_path: Path
) -> None:  # type: ignore[type-arg]
    draft, path, key = practice
    out = tmp_path / "pack.pdf"
    for sign_off in (None, SignOff(name="Sam Patel", role="Practice manager", reviewed=False)):
        draft.sign_off = sign_off
        with pytest.raises(PackInputError, match="confirm they have reviewed the answers"):
            build_pack(real_banks, draft, path, key, out)
        assert not out.exists()


def test_passphrase_never_stored_in_plain_text(
    real_banks: list[Bank], practice: tuple, tmp_path: Path
) -> None:  # type: ignore[type-arg]
    draft, path, key = practice
    build_pack(real_banks, draft, path, key, tmp_path / "pack.pdf")
    key_file = next(identity_dir().glob("*.p12"))
    with pytest.raises(ValueError):
        pkcs12.load_key_and_certificates(key_file.read_bytes(), None)
    needles = [PASSPHRASE.encode(), PASSPHRASE.encode("utf-16-le")]
    for folder in (data_dir(), tmp_path):
        for file in folder.rglob("*"):
            if file.is_file():
                content = file.read_bytes()
                assert not any(n in content for n in needles), f"passphrase found in {file}"


def test_missing_or_changed_evidence_is_explained(
    real_banks: list[Bank], practice: tuple, tmp_path: Path
) -> None:  # type: ignore[type-arg]
    draft, path, key = practice
    before = path.read_bytes()
    stored = next(e for a in draft.answers.values() for e in a.evidence)
    target = evidence_dir(path) / stored.stored_as
    target.write_bytes(b"changed")
    with pytest.raises(PackInputError, match="has changed since it was added"):
        build_pack(real_banks, draft, path, key, tmp_path / "pack.pdf")
    target.unlink()
    with pytest.raises(PackInputError, match="is missing"):
        build_pack(real_banks, draft, path, key, tmp_path / "pack.pdf")
    assert not (tmp_path / "pack.pdf").exists()
    assert path.read_bytes() == before


def test_cli_pack_verify_folder_and_wrong_passphrase(practice: tuple, tmp_path: Path) -> None:  # type: ignore[type-arg]
    _, path, _ = practice
    folder = tmp_path / "received"
    folder.mkdir()
    wrong = run_cli("pack", path, "--out", folder / "a.pdf", env={"GPCW_PASSPHRASE": "not the passphrase"})
    assert wrong.returncode == 1 and "passphrase" in wrong.stderr.lower() and "Traceback" not in wrong.stderr
    assert not (folder / "a.pdf").exists()
    secret = tmp_path / "pass.txt"
    secret.write_text(PASSPHRASE + "\n")
    made = run_cli("pack", path, "--out", folder / "a.pdf", "--passphrase-file", secret)
    assert made.returncode == 0, made.stderr
    (folder / "broken.pdf").write_bytes((folder / "a.pdf").read_bytes()[:5000])
    fingerprint = made.stdout.split("fingerprint: ")[1].strip()
    checked = run_cli("verify", folder, "--fingerprint", fingerprint)
    assert checked.returncode == 1  # the broken one is not good
    with (folder / "verification-summary.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = {r["file"]: r for r in csv.DictReader(handle)}
    good = rows["a.pdf"]
    assert (good["practice"], good["ods_code"], good["signer_ods_code"]) == (
        "Riverside Surgery",
        "A12345",
        "A12345",
    )
    assert (good["dspt_status"], good["cyber_essentials"]) == (
        "Approaching Standards",
        "Would fail automatically",
    )
    assert good["signature"] == "signature good" and good["automatic_fails"] == "A6.5"
    assert rows["broken.pdf"]["signature"] == "signature not good"
    one = run_process(
        "verify", folder / "a.pdf", "--fingerprint", fingerprint, "--json"
    )  # as a script sees it
    assert one.returncode == 0 and json.loads(one.stdout)["packs"][0]["ok"] is True
    assert run_cli("verify", tmp_path / "nothing.pdf").returncode == 2


def test_a_100_mb_evidence_file_and_an_odd_name(
    real_banks: list[Bank], practice: tuple, tmp_path: Path
) -> None:  # type: ignore[type-arg]
    draft, path, key = practice
    big = tmp_path / "whole practice scan.tiff"
    with big.open("wb") as handle:
        for _ in range(100):
            handle.write(os.urandom(1024 * 1024))
    odd = tmp_path / "minutes\\2026\x07 draft.docx"
    odd.write_bytes(b"PK\x03\x04 minutes")
    item = next(b.find("7.3.4") for b in real_banks if b.find("7.3.4"))
    big_ref = add_evidence(draft, path, item, big)  # type: ignore[arg-type]
    odd_ref = add_evidence(draft, path, item, odd)  # type: ignore[arg-type]
    assert odd_ref.name == "minutes_2026_ draft.docx"
    out = tmp_path / "pack.pdf"
    result = build_pack(real_banks, draft, path, key, out)
    assert result.size > 100 * 1024 * 1024
    assert verify_file(out, [key.certificate], None).ok
    names = _run("pdfdetach", "-list", out).stdout
    assert f"evidence-{big_ref.stored_as}" in names and f"evidence-{odd_ref.stored_as}" in names
