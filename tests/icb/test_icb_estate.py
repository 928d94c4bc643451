"""Forty practices' packs as an ICB receives them: every case reported, the CSV read back, the estate report.

The estate (tests/icb_kit.py) is built once per session by the program
itself: 30 self-signed practices on file in the trust folder, 10 issued by
the ICB, with a pack signed by another practice, a changed certificate, a
revoked practice, a duplicate, a tampered pack and a missing practice.
"""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests import icb_kit as kit
from tests.cli_run import run_cli

GOOD = "signature good"
NOT_GOOD = "signature not good"
CASES = {kit.IMPOSTOR, kit.CHANGED, kit.TAMPERED, kit.REVOKED}


def _ce(summary: dict[str, Any]) -> tuple[str, str]:
    """The Cyber Essentials verdict and automatic fails a pack states; "Not taken" where the practice has not."""
    taken = summary["cyber_essentials"]
    return (taken[0]["verdict"], " ".join(taken[0]["auto_fails"])) if taken else ("Not taken", "")


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _summary(pack: Path, folder: Path) -> dict[str, Any]:
    """summary.json as poppler's pdfdetach saves it: read independently of the program."""
    target = folder / f"{pack.stem}-summary.json"
    subprocess.run(
        ["pdfdetach", "-savefile", "summary.json", "-o", str(target), str(pack)], check=True, timeout=60
    )
    data: dict[str, Any] = json.loads(target.read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def verified(icb_estate: kit.Estate, tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, dict[str, Any]]:
    out = tmp_path_factory.mktemp("verified") / "summary.csv"
    result = run_cli(
        "verify",
        icb_estate.folder,
        "--trust-dir",
        icb_estate.trust,
        "--expect",
        icb_estate.expect,
        "--csv",
        out,
    )
    return result, {r["file"] or r["ods_code"]: r for r in _csv(out)}


def test_every_case_is_in_the_csv(icb_estate: kit.Estate, verified: tuple[Any, dict[str, Any]]) -> None:
    result, rows = verified
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    impostor = rows["p10007.pdf"]
    assert impostor["signature"] == NOT_GOOD
    assert (impostor["ods_code"], impostor["signer_ods_code"]) == (kit.IMPOSTOR, kit.IMPOSTOR_KEY)
    assert "signed by another practice (P10008)" in impostor["problems"]
    changed = rows["p10010.pdf"]
    assert (changed["signature"], changed["certificate"]) == (NOT_GOOD, "changed: review")
    assert "has changed" in changed["problems"] and "trust add --replace" in changed["problems"]
    revoked = rows["p10033.pdf"]
    assert (revoked["signature"], revoked["certificate"]) == (NOT_GOOD, "revoked")
    assert "revoked this practice's certificate" in revoked["problems"]
    tampered = rows["p10015.pdf"]
    assert tampered["signature"] == NOT_GOOD and "altered" in tampered["problems"]
    assert (
        tampered["dspt_status"] == "" and tampered["signer_ods_code"] == kit.TAMPERED
    )  # nothing read from it
    newest, older = rows["p10012.pdf"], rows["p10012-first-try.pdf"]
    assert newest["signature"] == older["signature"] == GOOD
    assert newest["duplicate"] == "newest of 2 packs from this practice"
    assert older["duplicate"] == "2 packs from this practice: the newest is p10012.pdf"
    missing = rows[kit.MISSING]
    assert (missing["signature"], missing["file"], missing["practice"]) == (
        "no pack",
        "",
        "Practice 40 Surgery",
    )
    assert f"NO PACK: {kit.MISSING} Practice 40 Surgery" in result.stdout
    assert len(rows) == 41  # 40 packs (one practice sent two, one sent none) and the missing practice


def test_good_rows_say_what_each_pack_says(
    icb_estate: kit.Estate, verified: tuple[Any, dict[str, Any]], tmp_path: Path
) -> None:
    _, rows = verified
    good = {name: r for name, r in rows.items() if r["signature"] == GOOD}
    assert len(good) == 36  # 40 packs less the four cases not good
    issued = {r["certificate"] for r in good.values() if r["ods_code"] > "P10030"}
    assert issued == {f"issued by {kit.ICB_NAME}"}
    assert {r["certificate"] for r in good.values() if r["ods_code"] <= "P10030"} == {"on file"}
    for name, r in sorted(good.items())[::5]:  # a sample, read independently of the program
        summary = _summary(icb_estate.folder / name, tmp_path)
        assert r["dspt_status"] == summary["dspt"][0]["status"]
        assert (r["cyber_essentials"], r["automatic_fails"]) == _ce(summary)
        assert r["answered_percent"] == str(summary["answered_percent"])
        assert (r["document_id"], r["certificate_sha256"]) == (
            summary["document_id"],
            summary["certificate_sha256"],
        )
        assert r["signer_ods_code"] == r["ods_code"] == summary["ods_code"] and r["actions"].isdigit()
    assert {r["cyber_essentials"] for r in good.values()} == {
        "Likely to pass",
        "Would fail automatically",
        "Not taken",
    }
    for r in good.values():  # a practice that has not taken on Cyber Essentials is not counted as failing it
        assert (r["cyber_essentials"] == "Not taken") == (not kit.takes_ce(kit.number_of(r["ods_code"])))


def test_the_estate_report_agrees_with_the_packs(icb_estate: kit.Estate, tmp_path: Path) -> None:
    out = tmp_path / "estate.pdf"
    made = run_cli(
        "icb",
        "report",
        icb_estate.folder,
        "--trust-dir",
        icb_estate.trust,
        "--expect",
        icb_estate.expect,
        "--out",
        out,
    )
    assert made.returncode == 0, made.stderr
    assert "35 practices in the report; 4 packs not read" in made.stdout
    rows = _csv(tmp_path / "estate.csv")
    shown = [r for r in rows if r["included"] == "in the report"]
    expected = {kit.ods(n) for n in range(1, kit.PRACTICES + 1)} - CASES - {kit.MISSING}
    assert sorted(r["ods_code"] for r in shown) == sorted(expected)  # one row each, the duplicate once
    assert next(r for r in shown if r["ods_code"] == kit.DUPLICATE)["file"] == "p10012.pdf"
    for row in shown:
        summary = _summary(icb_estate.folder / row["file"], tmp_path)
        standards = summary["dspt"][0]["standards"]
        assert {k: row[f"standard_{k}"] for k in standards} == standards, row["file"]
        assert (row["dspt_status"], row["cyber_essentials"]) == (
            summary["dspt"][0]["status"],
            _ce(summary)[0],
        )
    apart = {r["file"]: r["included"] for r in rows if r["included"] not in ("in the report", "no pack")}
    assert apart == {
        "p10007.pdf": "not read: signature not good",
        "p10010.pdf": "not read: signature not good",
        "p10015.pdf": "not read: signature not good",
        "p10033.pdf": "not read: signature not good",
        "p10012-first-try.pdf": "older pack",
    }
    assert [r["ods_code"] for r in rows if r["included"] == "no pack"] == [kit.MISSING]
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    for words in ("Where the practices stand", "DSPT standards by practice", "Most common unmet items"):
        assert words in text
    not_taken = sum(not kit.takes_ce(kit.number_of(r["ods_code"])) for r in shown)
    assert re.search(rf"Not taken +{not_taken} +{round(100 * not_taken / len(shown))}%", text), text[:3000]
    assert "Practices missing" in text and "P10040" in text and "Practice 40 Surgery" in text
    assert "p10007.pdf" in text and "signed by another practice" in text
    subprocess.run(
        ["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(out), str(tmp_path / "page")], check=True
    )
    assert (tmp_path / "page-1.png").stat().st_size > 10_000  # it renders


def test_an_icb_issued_pack_passes_pyhanko_and_pdfsig_given_only_the_icb_certificate(
    icb_estate: kit.Estate, tmp_path: Path
) -> None:
    pack = icb_estate.folder / icb_estate.files["P10031"]
    pyhanko = Path(sys.executable).parent / "pyhanko"
    checked = subprocess.run(
        [str(pyhanko), "sign", "validate", "--trust-replace", "--trust", str(icb_estate.icb_cert), str(pack)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert checked.returncode == 0 and "INTACT:TRUSTED,UNTOUCHED" in checked.stdout, (
        checked.stdout + checked.stderr
    )
    nss = tmp_path / "nss"
    nss.mkdir()
    subprocess.run(["certutil", "-N", "-d", f"sql:{nss}", "--empty-password"], check=True, timeout=60)
    subprocess.run(
        ["certutil", "-A", "-n", "ICB", "-t", "CT,C,C", "-d", f"sql:{nss}", "-i", str(icb_estate.icb_cert)],
        check=True,
        timeout=60,
    )
    poppler = subprocess.run(
        ["pdfsig", "-nssdir", f"sql:{nss}", str(pack)], capture_output=True, text=True, timeout=120
    )
    assert "Signature is Valid" in poppler.stdout and "Certificate is Trusted" in poppler.stdout, (
        poppler.stdout
    )
    assert "Total document signed" in poppler.stdout
    untrusted = subprocess.run(["pdfsig", str(pack)], capture_output=True, text=True, timeout=120).stdout
    assert "Certificate is Trusted" not in untrusted  # it is the ICB's certificate that makes the difference
