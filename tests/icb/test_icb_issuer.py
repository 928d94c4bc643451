"""The ICB as issuer, with the real commands and files: init, a practice's request, issue, install, revoke.

The practice's key never leaves it (the request holds no private key); the
ICB's issuing key is on disk only encrypted; a pack signed with the issued
certificate is good given only the ICB's certificate, and not good once the
ICB revokes it. Bad input is a plain message and exit 2.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from asn1crypto import pkcs12 as asn1_pkcs12
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from tests.cli_run import run_cli
from wizard.core.bank.model import Bank
from wizard.core.demo import demo_draft
from wizard.core.draft.store import save_draft
from wizard.pack.identity.store import KDF_ROUNDS

ICB_PASS = "a long ICB passphrase 2026"
PRACTICE_PASS = "Riverside-passphrase-2026"


ENV = {"GPCW_PASSPHRASE": PRACTICE_PASS}  # the practice's signing key: every command is given it


@pytest.fixture
def icb(tmp_path: Path) -> tuple[str | Path, ...]:
    """The options that point an ``icb`` command at the ICB's folder and its passphrase file."""
    (tmp_path / "icb-pass").write_text(ICB_PASS + "\n", encoding="utf-8")
    return ("--dir", tmp_path / "icb", "--passphrase-file", tmp_path / "icb-pass")


def test_issue_install_sign_verify_revoke(
    icb: tuple[str | Path, ...], real_banks: list[Bank], tmp_path: Path
) -> None:
    made = run_cli("icb", "init", "--name", "NHS Test ICB", *icb, env=ENV)
    assert made.returncode == 0, made.stderr
    icb_cert = tmp_path / "icb" / "icb-certificate.pem"
    asked = run_cli(
        "identity",
        "request",
        "--out",
        tmp_path / "riverside.csr",
        "--practice",
        "Riverside Surgery",
        "--ods",
        "A12345",
        env=ENV,
    )
    assert asked.returncode == 0, asked.stderr
    request = (tmp_path / "riverside.csr").read_bytes()
    assert b"CERTIFICATE REQUEST" in request and b"PRIVATE" not in request  # the key stays at the practice
    issued = run_cli(
        "icb", "issue", tmp_path / "riverside.csr", "--out", tmp_path / "riverside-chain.pem", *icb, env=ENV
    )
    assert issued.returncode == 0 and "Riverside Surgery (A12345)" in issued.stdout, issued.stderr
    chain = x509.load_pem_x509_certificates((tmp_path / "riverside-chain.pem").read_bytes())
    assert [c.subject.rfc4514_string() for c in chain][1] == "CN=NHS Test ICB,O=NHS Test ICB,C=GB"
    installed = run_cli("identity", "install-cert", tmp_path / "riverside-chain.pem", env=ENV)
    assert installed.returncode == 0, installed.stderr
    assert "Issuer cert: CN=NHS Test ICB" in run_cli("identity", "show", env=ENV).stdout
    draft = tmp_path / "riverside.json"
    save_draft(draft, demo_draft(real_banks, dt.date.today()))
    packs = tmp_path / "packs"
    packs.mkdir()
    assert run_cli("pack", draft, "--out", packs / "riverside.pdf", env=ENV).returncode == 0
    good = run_cli("verify", packs / "riverside.pdf", "--trust", icb_cert, env=ENV)
    assert good.returncode == 0 and good.stdout.startswith("signature good: riverside.pdf")
    assert "certificate issued by NHS Test ICB" in good.stdout
    revoked = run_cli("icb", "revoke", "a12345", *icb, env=ENV)
    assert revoked.returncode == 0 and "Revoked A12345's certificate" in revoked.stdout
    crl = tmp_path / "icb" / "revoked.crl"
    refused = run_cli("verify", packs / "riverside.pdf", "--trust", icb_cert, "--crl", crl, env=ENV)
    assert refused.returncode == 1 and "revoked this practice's certificate" in refused.stdout
    trust = tmp_path / "trust"
    assert run_cli("trust", "add", "--issuer", icb_cert, "--trust-dir", trust, env=ENV).returncode == 0
    assert run_cli("trust", "add", crl, "--trust-dir", trust, env=ENV).returncode == 0
    by_folder = run_cli("verify", packs, "--trust-dir", trust, env=ENV)
    assert by_folder.returncode == 1 and "certificate revoked" in by_folder.stdout
    again = run_cli("icb", "revoke", "A12345", *icb, env=ENV)
    assert again.returncode == 2 and "no certificate in force for A12345" in again.stderr


def test_the_issuing_key_is_only_ever_stored_encrypted(icb: tuple[str | Path, ...], tmp_path: Path) -> None:
    assert run_cli("icb", "init", "--name", "NHS Test ICB", *icb, env=ENV).returncode == 0
    folder = tmp_path / "icb"
    assert sorted(p.name for p in folder.iterdir()) == [
        "icb-certificate.pem",
        "icb-issuing-key.p12",
        "issued.json",
        "revoked.crl",
    ]
    for path in folder.iterdir():
        assert b"PRIVATE KEY" not in path.read_bytes() and ICB_PASS.encode() not in path.read_bytes()
    key_file = (folder / "icb-issuing-key.p12").read_bytes()
    with pytest.raises(ValueError):
        pkcs12.load_key_and_certificates(key_file, None)
    key, cert, _ = pkcs12.load_key_and_certificates(key_file, ICB_PASS.encode())
    assert key is not None and cert is not None
    assert cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    assert asn1_pkcs12.Pfx.load(key_file)["mac_data"]["iterations"].native == KDF_ROUNDS
    again = run_cli("icb", "init", "--name", "NHS Test ICB", *icb, env=ENV)
    assert again.returncode == 2 and "already has an issuing key" in again.stderr


def _csr(tmp_path: Path, serial: str) -> Path:
    key = ec.generate_private_key(ec.SECP256R1())
    subject = [x509.NameAttribute(NameOID.COMMON_NAME, "Riverside Surgery")]
    subject += [x509.NameAttribute(NameOID.SERIAL_NUMBER, serial)] if serial else []
    request = (
        x509.CertificateSigningRequestBuilder().subject_name(x509.Name(subject)).sign(key, hashes.SHA256())
    )
    path = tmp_path / f"request-{serial or 'none'}.csr"
    path.write_bytes(
        request.public_bytes(__import__("cryptography").hazmat.primitives.serialization.Encoding.PEM)
    )
    return path


def test_bad_input_is_a_plain_message_and_exit_2(icb: tuple[str | Path, ...], tmp_path: Path) -> None:
    assert run_cli("icb", "init", "--name", "NHS Test ICB", *icb, env=ENV).returncode == 0
    not_csr = tmp_path / "letter.csr"
    not_csr.write_text("Dear ICB, please send a certificate.", encoding="utf-8")
    (tmp_path / "wrong-pass").write_text("not the ICB passphrase\n", encoding="utf-8")
    out = tmp_path / "chain.pem"
    cases: list[tuple[str, tuple[str | Path, ...], bool]] = [
        ("is not a certificate request", ("icb", "issue", not_csr, "--out", out), True),
        (
            "the ODS code “XYZ”, which is not a GP practice's ODS code",
            ("icb", "issue", _csr(tmp_path, "XYZ"), "--out", out),
            True,
        ),
        ("names no ODS code", ("icb", "issue", _csr(tmp_path, ""), "--out", out), True),
        (
            "at least 12 characters",
            ("icb", "init", "--name", "X", "--dir", tmp_path / "b", "--passphrase-file", tmp_path / "short"),
            False,
        ),
        (
            "That passphrase is not right for the ICB's issuing key",
            (
                "icb",
                "issue",
                _csr(tmp_path, "A12345"),
                "--out",
                out,
                "--dir",
                tmp_path / "icb",
                "--passphrase-file",
                tmp_path / "wrong-pass",
            ),
            False,
        ),
        ("one letter followed by five digits", ("icb", "revoke", "nonsense"), True),
        ("no signing key", ("identity", "install-cert", out), False),
        ("is not a certificate file", ("verify", not_csr, "--trust", not_csr), False),
    ]
    (tmp_path / "short").write_text("short\n", encoding="utf-8")
    for words, args, to_icb in cases:
        result = run_cli(*args, *(icb if to_icb else ()), env=ENV)
        assert result.returncode == 2 and words in result.stderr, (args, result.stderr)
    assert not out.exists()
    mine = run_cli(
        "identity",
        "request",
        "--out",
        tmp_path / "r.csr",
        "--practice",
        "Riverside Surgery",
        "--ods",
        "A12345",
        env=ENV,
    )
    assert mine.returncode == 0
    other = run_cli(
        "icb", "issue", _csr(tmp_path, "A12345"), "--out", out, *icb, env=ENV
    )  # someone else's key
    assert other.returncode == 0
    refused = run_cli("identity", "install-cert", out, env=ENV)
    assert refused.returncode == 2 and "not for this practice's signing key" in refused.stderr
    broken = tmp_path / "broken.pem"
    broken.write_bytes(b"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")
    damaged = run_cli("identity", "install-cert", broken, env=ENV)
    assert damaged.returncode == 2 and "is not a certificate file" in damaged.stderr
