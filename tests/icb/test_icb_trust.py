"""The trust folder: certificates filed by ODS code, a changed one held for review, nothing else trusted.

Real files and the real ``trust`` and ``verify`` commands; certificates made
as ``identity create`` makes them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec

from tests.attack_kit import genuine_pack, practice_key
from tests.cli_run import run_cli
from wizard.core.bank.model import Bank
from wizard.core.demo import demo_draft
from wizard.icb.errors import IcbError
from wizard.icb.folder_report import read_expected
from wizard.icb.issuer import make_icb
from wizard.pack.identity.cert import practice_subject, signing_key_usage
from wizard.pack.sign import SigningKey


def _pem(path: Path, cert: x509.Certificate) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return path


def test_filing_and_a_changed_certificate(tmp_path: Path) -> None:
    trust, sent = tmp_path / "trust", tmp_path / "sent"
    first, other = practice_key("A12345"), practice_key("C83003", "Hill View Surgery")
    _pem(sent / "riverside.pem", first.certificate)
    _pem(sent / "hill view.crt", other.certificate)
    added = run_cli("trust", "add", sent, "--trust-dir", trust)
    assert added.returncode == 0 and "A12345: filed" in added.stdout and "C83003: filed" in added.stdout
    assert sorted(p.name for p in trust.glob("*.pem")) == ["A12345.pem", "C83003.pem"]
    again = run_cli("trust", "add", sent / "riverside.pem", "--trust-dir", trust)
    assert again.returncode == 0 and "A12345: already on file" in again.stdout
    on_file = (trust / "A12345.pem").read_bytes()
    new = _pem(tmp_path / "new.pem", practice_key("A12345").certificate)
    changed = run_cli("trust", "add", new, "--trust-dir", trust)
    assert changed.returncode == 1 and "A12345: CHANGED CERTIFICATE, not accepted" in changed.stdout
    assert (trust / "A12345.pem").read_bytes() == on_file  # never silently accepted
    assert len(list((trust / "to-review").glob("A12345 *.pem"))) == 1
    listed = run_cli("trust", "list", "--trust-dir", trust)
    assert "TO REVIEW: A12345" in listed.stdout and "2 practices, 0 issuers" in listed.stdout
    replaced = run_cli("trust", "add", new, "--trust-dir", trust, "--replace")
    assert replaced.returncode == 0 and "A12345: replaced" in replaced.stdout
    assert (trust / "A12345.pem").read_bytes() == new.read_bytes()
    assert [p.read_bytes() for p in (trust / "replaced").iterdir()] == [on_file]
    assert not list((trust / "to-review").iterdir())


def test_bad_input_is_a_plain_message_and_exit_2(tmp_path: Path) -> None:
    trust = tmp_path / "trust"
    broken = tmp_path / "broken.pem"
    broken.write_text("-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n")
    icb = _pem(tmp_path / "icb.pem", make_icb("NHS Test ICB").certificate)
    cases = {
        "is not a certificate file": ("trust", "add", broken, "--trust-dir", trust),
        "could not be read": ("trust", "add", tmp_path / "nothing.pem", "--trust-dir", trust),
        "This is an issuing (CA) certificate": ("trust", "add", icb, "--trust-dir", trust),
        "does not exist or is not a folder": ("verify", broken, "--trust-dir", tmp_path / "nowhere"),
        "needs the ICB's certificate": ("verify", broken, "--crl", broken),
    }
    for words, args in cases.items():
        result = run_cli(*args)
        assert result.returncode == 2 and words in result.stderr, (args, result.stderr)
        assert "Traceback" not in result.stderr
    issuer = run_cli("trust", "add", icb, "--trust-dir", trust, "--issuer")
    assert issuer.returncode == 0 and "as an issuer" in issuer.stdout


def test_a_practice_certificate_cannot_vouch_for_another_practice(
    real_banks: list[Bank], tmp_path: Path
) -> None:
    """Riverside (on file) signs a certificate naming Hill View: pyHanko may chain it, the trust rules do not."""
    riverside, hill_view = practice_key("A12345"), practice_key("C83003", "Hill View Surgery")
    trust = tmp_path / "trust"
    for key in (riverside, hill_view):
        assert (
            run_cli(
                "trust",
                "add",
                _pem(tmp_path / f"{key.certificate.serial_number}.pem", key.certificate),
                "--trust-dir",
                trust,
            ).returncode
            == 0
        )
    forged_key = ec.generate_private_key(ec.SECP256R1())
    now = dt.datetime.now(dt.UTC)
    forged = (
        x509.CertificateBuilder()
        .subject_name(practice_subject("Hill View Surgery", "C83003"))
        .issuer_name(riverside.certificate.subject)
        .public_key(forged_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(signing_key_usage(), critical=True)
        .sign(riverside.key, hashes.SHA256())  # type: ignore[arg-type]
    )
    draft = demo_draft(real_banks, dt.date.today())
    draft.practice = draft.practice.model_copy(update={"name": "Hill View Surgery", "ods_code": "C83003"})
    pack = genuine_pack(
        real_banks, tmp_path / "made", SigningKey(forged_key, forged, (riverside.certificate,)), draft
    )
    by_folder = run_cli("verify", pack, "--trust-dir", trust)
    assert by_folder.returncode == 1 and by_folder.stdout.startswith("signature not good")
    assert "certificate changed: review" in by_folder.stdout
    bundle = tmp_path / "bundle.pem"
    bundle.write_bytes(
        (tmp_path / f"{riverside.certificate.serial_number}.pem").read_bytes()
        + (tmp_path / f"{hill_view.certificate.serial_number}.pem").read_bytes()
    )
    by_bundle = run_cli("verify", pack, "--trust", bundle)
    assert by_bundle.returncode == 1 and "has changed" in by_bundle.stdout


def test_the_expected_list(tmp_path: Path) -> None:
    good = tmp_path / "expected.csv"
    good.write_text(
        "ods_code,practice\n# comment\nA12345, Riverside Surgery\n\nc83003\nA12345\n", encoding="utf-8"
    )
    assert [(e.ods, e.name) for e in read_expected(good)] == [("A12345", "Riverside Surgery"), ("C83003", "")]
    bad = tmp_path / "bad.txt"
    bad.write_text("A12345\nRiverside\n", encoding="utf-8")
    with pytest.raises(IcbError, match=r"Line 2 of .* does not start with a GP practice's ODS code"):
        read_expected(bad)
    result = run_cli("verify", tmp_path, "--fingerprint", "00", "--expect", bad)
    assert result.returncode == 2 and "Line 2" in result.stderr and "Traceback" not in result.stderr
