"""The practice's signing identity: real files on disk, the real commands, a fake keyring."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from asn1crypto import pkcs12 as asn1_pkcs12
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from tests.cli_run import run_cli, run_process
from wizard.pack.identity.store import (
    CERT_FILE,
    KDF_ROUNDS,
    KEY_FILE,
    Identity,
    IdentityError,
    certificate_summary,
    create_identity,
    export_certificate,
    identity_dir,
    import_identity,
    load_certificate,
    load_identity,
)

PASS = "correct horse £ battery"
NOW = dt.datetime.now(dt.UTC)
AES256_CBC_OID = bytes.fromhex("060960864801650304012a")  # 2.16.840.1.101.3.4.1.42
TRIPLE_DES_PBE_OID = bytes.fromhex("060a2a864886f70d010c0103")  # the legacy PKCS#12 default


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def _made_once(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Identity]:
    folder = tmp_path_factory.mktemp("made")
    return folder, create_identity("Riverside Surgery", "A12345", PASS, folder)


@pytest.fixture
def made(_made_once: tuple[Path, Identity], tmp_path: Path) -> Identity:
    """What ``create_identity(..., PASS, tmp_path)`` leaves in tmp_path: its files, copied from one made once.

    For tests about the files a new identity has; those about making one call create_identity themselves.
    """
    folder, identity = _made_once
    shutil.copytree(identity_dir(folder), identity_dir(tmp_path))
    return identity


# --- create, load, store -------------------------------------------------------------------


def test_create_then_load(tmp_path: Path) -> None:
    made = create_identity("Riverside Surgery", "a12345", PASS, tmp_path)
    loaded = load_identity(PASS, tmp_path)
    assert loaded.certificate == made.certificate and loaded.chain == []
    assert loaded.self_signed and loaded.fingerprint == made.fingerprint
    assert len(made.fingerprint.split(":")) == 32 and made.fingerprint == made.fingerprint.upper()
    assert sorted(p.name for p in identity_dir(tmp_path).iterdir()) == [CERT_FILE, KEY_FILE]
    assert load_certificate(tmp_path) == [made.certificate]
    assert "PRIVATE" not in (identity_dir(tmp_path) / CERT_FILE).read_text()


def test_default_folder_is_the_data_folder() -> None:
    create_identity("Riverside Surgery", "A12345", PASS)
    assert (Path(os.environ["GPCW_DATA_DIR"]) / "identity" / KEY_FILE).is_file()
    assert load_identity(PASS).self_signed


def test_certificate_names_the_practice_and_is_for_signing(tmp_path: Path) -> None:
    cert = create_identity("Riverside Surgery", " a12345 ", PASS, tmp_path).certificate
    attr = {oid: cert.subject.get_attributes_for_oid(oid)[0].value for oid in _NAME_OIDS}
    assert attr == {
        NameOID.COMMON_NAME: "Riverside Surgery",
        NameOID.ORGANIZATION_NAME: "Riverside Surgery",
        NameOID.ORGANIZATIONAL_UNIT_NAME: "ODS A12345",
        NameOID.COUNTRY_NAME: "GB",
        NameOID.SERIAL_NUMBER: "A12345",
    }
    ku = cert.extensions.get_extension_for_class(x509.KeyUsage)
    assert ku.critical and ku.value.digital_signature and ku.value.content_commitment
    assert not ku.value.key_cert_sign
    eku = cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    assert x509.ObjectIdentifier("1.3.6.1.5.5.7.3.36") in eku
    assert cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca is False
    cert.extensions.get_extension_for_class(x509.SubjectKeyIdentifier)
    assert cert.not_valid_before_utc < NOW < cert.not_valid_after_utc
    assert dt.timedelta(days=3 * 365 - 2) < cert.not_valid_after_utc - NOW < dt.timedelta(days=3 * 366)
    assert isinstance(cert.public_key(), ec.EllipticCurvePublicKey)


_NAME_OIDS = (
    NameOID.COMMON_NAME,
    NameOID.ORGANIZATION_NAME,
    NameOID.ORGANIZATIONAL_UNIT_NAME,
    NameOID.COUNTRY_NAME,
    NameOID.SERIAL_NUMBER,
)


@pytest.mark.usefixtures("made")
def test_wrong_passphrase_changes_nothing(tmp_path: Path) -> None:
    before = snapshot(tmp_path)
    with pytest.raises(IdentityError, match="That passphrase is not right"):
        load_identity("correct horse £ batterY", tmp_path)
    assert snapshot(tmp_path) == before


@pytest.mark.usefixtures("made")
def test_key_file_is_encrypted_with_aes(tmp_path: Path) -> None:
    data = (identity_dir(tmp_path) / KEY_FILE).read_bytes()
    for no_password in (None, b""):
        with pytest.raises(ValueError):
            pkcs12.load_key_and_certificates(data, no_password)
    assert AES256_CBC_OID in data and TRIPLE_DES_PBE_OID not in data


@pytest.mark.usefixtures("made")
def test_key_file_mac_is_as_slow_to_guess_as_its_encryption(tmp_path: Path) -> None:
    """A wrong passphrase fails against the MAC first: it must cost as many rounds as the key's encryption."""
    data = (identity_dir(tmp_path) / KEY_FILE).read_bytes()
    mac = asn1_pkcs12.Pfx.load(data)["mac_data"]
    assert (
        mac["iterations"].native >= KDF_ROUNDS
        and mac["mac"]["digest_algorithm"]["algorithm"].native == "sha256"
    )
    info = subprocess.run(
        [
            "openssl",
            "pkcs12",
            "-in",
            str(identity_dir(tmp_path) / KEY_FILE),
            "-info",
            "-noout",
            "-passin",
            "stdin",
        ],
        input=PASS,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert info.returncode == 0, info.stderr
    assert f"MAC: sha256, Iteration {KDF_ROUNDS}" in info.stderr + info.stdout
    assert f"Iteration {KDF_ROUNDS}, PRF hmacWithSHA256" in info.stderr + info.stdout
    assert load_identity(PASS, tmp_path).self_signed  # and the program still opens it


@pytest.mark.parametrize("short", ["", "seven77"])
def test_short_passphrase_refused(tmp_path: Path, short: str) -> None:
    with pytest.raises(IdentityError, match="at least 8 characters"):
        create_identity("Riverside Surgery", "A12345", short, tmp_path)
    assert not tmp_path.joinpath("identity").exists()


@pytest.mark.parametrize(
    ("name", "ods"), [("  ", "A12345"), ("x" * 65, "A12345"), ("Riverside", "A1-23"), ("Riverside", "12345")]
)
def test_bad_name_or_ods_refused(tmp_path: Path, name: str, ods: str) -> None:
    with pytest.raises(IdentityError):
        create_identity(name, ods, PASS, tmp_path)


def test_existing_identity_replaced_only_when_asked(tmp_path: Path) -> None:
    first = create_identity("Riverside Surgery", "A12345", PASS, tmp_path)
    before = snapshot(tmp_path)
    with pytest.raises(IdentityError, match=f"already has a signing identity.*{first.fingerprint}"):
        create_identity("Riverside Surgery", "A12345", PASS, tmp_path)
    assert snapshot(tmp_path) == before
    second = create_identity("Riverside Surgery", "A12345", "another passphrase", tmp_path, replace=True)
    assert second.fingerprint != first.fingerprint
    assert load_identity("another passphrase", tmp_path).fingerprint == second.fingerprint


def test_missing_and_damaged_files(tmp_path: Path) -> None:
    for call in (lambda: load_identity(PASS, tmp_path), lambda: load_certificate(tmp_path)):
        with pytest.raises(IdentityError, match=r"Create one.*import"):
            call()
    create_identity("Riverside Surgery", "A12345", PASS, tmp_path)
    key_file = identity_dir(tmp_path) / KEY_FILE
    key_file.write_bytes(key_file.read_bytes()[:-40])
    with pytest.raises(IdentityError, match="damaged"):
        load_identity(PASS, tmp_path)
    (identity_dir(tmp_path) / CERT_FILE).write_text("not a certificate")
    with pytest.raises(IdentityError, match="damaged"):
        load_certificate(tmp_path)


def test_load_mends_a_lost_public_copy(made: Identity, tmp_path: Path) -> None:
    (identity_dir(tmp_path) / CERT_FILE).unlink()
    load_identity(PASS, tmp_path)
    assert load_certificate(tmp_path) == [made.certificate]


def test_summary_and_export(made: Identity, tmp_path: Path) -> None:
    summary = certificate_summary(made.certificate)
    assert summary["subject"] == summary["issuer"]
    assert "CN=Riverside Surgery" in summary["subject"] and "serialNumber=A12345" in summary["subject"]
    assert summary["sha256"] == made.fingerprint and summary["self_signed"] and not summary["expired"]
    assert dt.datetime.fromisoformat(summary["not_after"]) == made.certificate.not_valid_after_utc
    out = export_certificate(tmp_path / "for-icb.pem", tmp_path)
    assert x509.load_pem_x509_certificates(out.read_bytes()) == [made.certificate]
    (tmp_path / "outbox").mkdir()
    assert export_certificate(tmp_path / "outbox", tmp_path) == tmp_path / "outbox" / CERT_FILE
    with pytest.raises(IdentityError, match="could not be saved"):
        export_certificate(tmp_path / "no-such-folder" / "x.pem", tmp_path)


def test_export_never_writes_over_the_key_or_anything_but_a_certificate(
    made: Identity, tmp_path: Path
) -> None:
    key = identity_dir(tmp_path) / KEY_FILE
    kept = key.read_bytes()
    with pytest.raises(IdentityError, match="is the practice's signing key"):
        export_certificate(key, tmp_path)
    draft = tmp_path / "riverside.json"
    draft.write_text('{"answers": {}}')
    with pytest.raises(IdentityError, match="is not a certificate, so it was not written over"):
        export_certificate(draft, tmp_path)
    assert key.read_bytes() == kept and draft.read_text() == '{"answers": {}}'
    earlier = export_certificate(tmp_path / "for-icb.pem", tmp_path)
    assert export_certificate(earlier, tmp_path) == earlier  # last year's copy is replaced


# --- import from an ICB ------------------------------------------------------------------------


ICB = "Test ICB CA"
IcbFile = tuple[Path, x509.Certificate, x509.Certificate]


def _issue(
    subject: str,
    key: ec.EllipticCurvePrivateKey,
    signer: ec.EllipticCurvePrivateKey,
    days: tuple[int, int] = (-1, 365),
    signing: bool = True,
    ods: str = "A12345",
) -> x509.Certificate:
    """A certificate for ``subject`` signed by the test ICB, valid ``days`` (start, end) from today."""
    start, end = days
    names = [x509.NameAttribute(NameOID.COMMON_NAME, subject)]
    if subject != ICB and ods:
        names.append(x509.NameAttribute(NameOID.SERIAL_NUMBER, ods))  # the practice it is for
    builder = (
        x509.CertificateBuilder()
        .subject_name(x509.Name(names))
        .issuer_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, ICB)]))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOW + dt.timedelta(days=start))
        .not_valid_after(NOW + dt.timedelta(days=end))
        .add_extension(x509.BasicConstraints(ca=subject == ICB, path_length=None), critical=True)
    )
    if subject != ICB:
        usage = x509.KeyUsage(signing, signing, *[False] * 7)
        builder = builder.add_extension(usage, critical=True)
    return builder.sign(signer, hashes.SHA256())


def _p12(
    path: Path, key: ec.EllipticCurvePrivateKey, cert: x509.Certificate, cas: list[x509.Certificate]
) -> Path:
    enc = serialization.BestAvailableEncryption(b"icb-issued-pass")
    path.write_bytes(pkcs12.serialize_key_and_certificates(b"riverside", key, cert, cas, enc))
    return path


@pytest.fixture
def icb_p12(tmp_path: Path) -> IcbFile:
    """A PKCS#12 as an ICB would issue it: the practice key, its certificate, the CA certificate."""
    ca_key, key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    ca, cert = _issue(ICB, ca_key, ca_key), _issue("Riverside Surgery", key, ca_key)
    return _p12(tmp_path / "from-icb.p12", key, cert, [ca]), cert, ca


def test_import_keeps_the_chain(tmp_path: Path, icb_p12: IcbFile) -> None:
    path, cert, ca = icb_p12
    store = tmp_path / "store"
    imported = import_identity(path, "icb-issued-pass", store)
    assert imported.certificate == cert and imported.chain == [ca] and not imported.self_signed
    assert load_certificate(store) == [cert, ca]
    loaded = load_identity("icb-issued-pass", store)
    assert loaded.chain == [ca] and loaded.fingerprint == imported.fingerprint
    assert certificate_summary(cert)["self_signed"] is False
    out = export_certificate(tmp_path / "chain.pem", store)
    assert x509.load_pem_x509_certificates(out.read_bytes()) == [cert, ca]


def test_import_wrong_passphrase(tmp_path: Path, icb_p12: IcbFile) -> None:
    with pytest.raises(IdentityError, match="The passphrase does not open this file"):
        import_identity(icb_p12[0], "not-the-pass", tmp_path / "store")
    assert not (tmp_path / "store").exists()


@pytest.mark.parametrize(
    ("cert_kw", "message"),
    [
        ({"days": (-400, -1)}, "expired on"),
        ({"days": (10, 400)}, "not valid until"),
        ({"signing": False}, "not allowed to sign"),
        ({"ods": ""}, "names no ODS code"),
    ],
)
def test_import_refuses_unusable_certificates(tmp_path: Path, cert_kw: dict[str, Any], message: str) -> None:
    ca_key, key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    path = _p12(tmp_path / "odd.p12", key, _issue("Riverside Surgery", key, ca_key, **cert_kw), [])
    with pytest.raises(IdentityError, match=message):
        import_identity(path, "icb-issued-pass", tmp_path / "store")
    assert not (tmp_path / "store").exists()


def test_import_refuses_other_files(tmp_path: Path) -> None:
    made = create_identity("Riverside Surgery", "A12345", PASS, tmp_path / "a")
    pem = tmp_path / "cert.pem"
    pem.write_bytes(made.certificate.public_bytes(serialization.Encoding.PEM))
    with pytest.raises(IdentityError, match=r"not a signing file \(PKCS#12"):
        import_identity(pem, PASS, tmp_path / "b")
    only_cert = tmp_path / "only-cert.p12"
    enc = serialization.BestAvailableEncryption(PASS.encode())
    only_cert.write_bytes(pkcs12.serialize_key_and_certificates(b"x", None, made.certificate, None, enc))
    with pytest.raises(IdentityError, match="both a private key and its certificate"):
        import_identity(only_cert, PASS, tmp_path / "b")
    with pytest.raises(IdentityError, match="could not be read"):
        import_identity(tmp_path / "missing.p12", PASS, tmp_path / "b")


# --- the command line --------------------------------------------------------------------------


def test_cli_create_show_export_leave_no_passphrase_on_disk(tmp_path: Path) -> None:
    data = Path(os.environ["GPCW_DATA_DIR"])
    env = {"GPCW_PASSPHRASE": PASS}
    made = run_cli(
        "identity", "create", "--practice", "Riverside Surgery", "--ods", "a12345", "--remember", env=env
    )
    assert made.returncode == 0, made.stderr
    assert "no secure password store" in made.stdout
    fingerprint = load_identity(PASS).fingerprint
    assert fingerprint in made.stdout
    shown = run_cli("identity", "show")
    assert shown.returncode == 0 and fingerprint in shown.stdout and "self-signed" in shown.stdout
    as_json = run_cli("identity", "show", "--json")
    assert as_json.returncode == 0 and f'"sha256": "{fingerprint}"' in as_json.stdout
    exported = run_cli("identity", "export-cert", data / "for-icb.pem")
    assert exported.returncode == 0, exported.stderr
    again = run_cli("identity", "create", "--practice", "Riverside Surgery", "--ods", "A12345", env=env)
    assert again.returncode == 1 and "already has a signing identity" in again.stderr
    forms = [PASS.encode(enc) for enc in ("utf-8", "utf-16-le", "utf-16-be")]
    for name, content in snapshot(data).items():
        assert not any(form in content for form in forms), name
    for result in (made, shown, as_json, exported, again):
        assert PASS not in result.stdout + result.stderr


def test_cli_plain_errors(tmp_path: Path) -> None:
    no_names = run_cli("identity", "create", env={"GPCW_PASSPHRASE": PASS})
    assert no_names.returncode == 1 and "--practice" in no_names.stderr
    no_pass = run_cli("identity", "create", "--practice", "Riverside", "--ods", "A12345")
    assert no_pass.returncode == 1 and "--passphrase-file" in no_pass.stderr
    nothing = run_cli("identity", "show")
    assert nothing.returncode == 1 and "no signing identity yet" in nothing.stderr
    missing = run_cli("identity", "import", tmp_path / "x.p12", "--passphrase-file", tmp_path / "nope.txt")
    assert missing.returncode == 1 and "could not be read" in missing.stderr
    for result in (no_names, no_pass, nothing, missing):
        assert "Traceback" not in result.stderr


def test_a_passphrase_piped_into_a_real_process_is_never_read() -> None:
    """Standard input that is a pipe, not a terminal: the command says how to give it, and makes nothing."""
    piped = run_process("identity", "create", "--practice", "Riverside", "--ods", "A12345", stdin=PASS + "\n")
    assert (
        piped.returncode == 1
        and "No passphrase was given" in piped.stderr
        and "Traceback" not in piped.stderr
    )
    assert not identity_dir().exists()


def test_cli_import_with_passphrase_file(tmp_path: Path, icb_p12: IcbFile) -> None:
    secret = tmp_path / "pass.txt"
    secret.write_bytes(b"\xef\xbb\xbficb-issued-pass\r\nignored\r\n")
    result = run_cli("identity", "import", icb_p12[0], "--passphrase-file", secret)
    assert result.returncode == 0, result.stderr
    assert "Test ICB CA" in result.stdout
    shown = run_cli("identity", "show")
    assert "Issued by:   CN=Test ICB CA" in shown.stdout and "Issuer cert: CN=Test ICB CA" in shown.stdout
