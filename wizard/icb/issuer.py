"""The ICB as issuer: its own issuing key and certificate, practices' certificates issued, and revoked.

Optional for an ICB: practices can sign with self-signed certificates the ICB
files in its trust folder. Issuing them instead lets a PDF reader that trusts
the ICB's certificate show every practice's pack as signed by a trusted
signer. The issuing key reaches the disk only inside a PKCS#12 file
encrypted with the ICB's passphrase, exactly as a practice's key is (AES-256,
PBKDF2 with 600,000 rounds, the MAC as strong). A register of what was issued
(``issued.json``) is what ``icb revoke`` works from.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from wizard.core.atomic import read_regular
from wizard.core.paths import data_dir
from wizard.core.safe_text import plain
from wizard.icb.cert_files import pem, read_small, write_file
from wizard.icb.errors import IcbError
from wizard.icb.revocation import Revoked, build_crl
from wizard.pack.identity.cert import (
    BACKDATE,
    DOCUMENT_SIGNING,
    VALID_YEARS,
    IdentityError,
    clean_ods_code,
    clean_practice_name,
    fingerprint_of,
    ods_code_in,
    practice_subject,
    signing_key_usage,
)
from wizard.pack.identity.store import open_key_file, sealed_key_file

KEY_FILE = "icb-issuing-key.p12"
CERT_FILE = "icb-certificate.pem"
REGISTER_FILE = "issued.json"
CRL_FILE = "revoked.crl"
ICB_VALID_YEARS = 10
MIN_ICB_PASSPHRASE = 12  # this key vouches for every practice of the ICB
_FRIENDLY_NAME = b"GP Cyber Wizard ICB issuing key"
_MAX_REGISTER = 16 * 1024 * 1024


@dataclass(frozen=True)
class IcbIdentity:
    key: ec.EllipticCurvePrivateKey
    certificate: x509.Certificate


def icb_dir(folder: Path | None = None) -> Path:
    return folder or data_dir() / "icb"


def make_icb(name: str, now: dt.datetime | None = None) -> IcbIdentity:
    """A new P-256 issuing key and its self-signed CA certificate (it may issue practices' certificates only)."""
    now = now or dt.datetime.now(dt.UTC)
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "GB"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, name),
            x509.NameAttribute(NameOID.COMMON_NAME, name),
        ]
    )
    usage = x509.KeyUsage(False, False, False, False, False, True, True, False, False)  # certs and CRLs
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - BACKDATE)
        .not_valid_after(now + dt.timedelta(days=365 * ICB_VALID_YEARS))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(usage, critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return IcbIdentity(key, cert)


def init_icb(name: str, passphrase: str, folder: Path | None = None, replace: bool = False) -> IcbIdentity:
    """Make and store the ICB's issuing key (encrypted), its certificate, an empty register and CRL."""
    try:
        name = clean_practice_name(name)  # the same rule: a certificate name of at most 64 characters
    except IdentityError as exc:
        raise IcbError(str(exc).replace("practice", "ICB")) from None
    if len(passphrase) < MIN_ICB_PASSPHRASE:
        raise IcbError(
            f"The ICB's passphrase must be at least {MIN_ICB_PASSPHRASE} characters: this key vouches for "
            "every practice. A few unrelated words are easy to remember and hard to guess."
        )
    target = icb_dir(folder)
    if (target / KEY_FILE).exists() and not replace:
        raise IcbError(
            f"The ICB already has an issuing key in {plain(target)}. Replacing it (--replace) means every "
            "practice needs a new certificate and every PDF reader the new ICB certificate."
        )
    icb = make_icb(name)
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise IcbError(
            f"The ICB's folder {plain(target)} could not be made ({exc.strerror or exc})."
        ) from exc
    if os.name != "nt":  # defence in depth on a shared PC, as for the practice's key
        with contextlib.suppress(OSError):
            target.chmod(0o700)
    write_file(target / KEY_FILE, sealed_key_file(_FRIENDLY_NAME, icb.key, icb.certificate, [], passphrase))
    write_file(target / CERT_FILE, pem([icb.certificate]))
    _write_register(target, [])
    write_file(target / CRL_FILE, _crl_bytes(icb, []))
    return icb


def load_icb(passphrase: str, folder: Path | None = None) -> IcbIdentity:
    path = icb_dir(folder) / KEY_FILE
    if not path.is_file():
        raise IcbError(f"There is no ICB issuing key in {plain(path.parent)}: set one up with icb init.")
    try:
        key, cert, _ = open_key_file(
            read_regular(path, 1024 * 1024),
            passphrase,
            wrong="That passphrase is not right for the ICB's issuing key; nothing has been changed.",
            damaged=f"The ICB's issuing key file {plain(path)} is damaged. Restore it from its backup.",
        )
    except OSError as exc:
        raise IcbError(
            f"The ICB's issuing key {plain(path)} could not be read ({exc.strerror or exc})."
        ) from exc
    except IdentityError as exc:
        raise IcbError(str(exc)) from None
    if not isinstance(key, ec.EllipticCurvePrivateKey) or cert is None:
        raise IcbError(f"The ICB's issuing key file {plain(path)} is damaged. Restore it from its backup.")
    return IcbIdentity(key, cert)


def read_request(path: Path) -> x509.CertificateSigningRequest:
    data = read_small(path, "The certificate request")
    try:
        request = x509.load_pem_x509_csr(data) if b"-----BEGIN" in data else x509.load_der_x509_csr(data)
    except ValueError:
        raise IcbError(
            f"{plain(path)} is not a certificate request. Ask the practice for the file made by "
            "identity request --out FILE."
        ) from None
    if not request.is_signature_valid:
        raise IcbError(
            f"The request {plain(path)} is damaged or altered: its signature does not match its key."
        )
    return request


def _practice_of(request: x509.CertificateSigningRequest) -> tuple[str, str]:
    """The ODS code and practice name the request asks for, each checked."""
    given = [str(a.value) for a in request.subject.get_attributes_for_oid(NameOID.SERIAL_NUMBER)]
    ods = ods_code_in(request.subject)
    if ods is None:
        shown = f"the ODS code “{plain(given[0][:20])}”, which is not" if given else "no ODS code: it needs"
        raise IcbError(
            f"The request names {shown} a GP practice's ODS code (one letter and five digits, like A12345)."
        )
    names = request.subject.get_attributes_for_oid(
        NameOID.ORGANIZATION_NAME
    ) or request.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    try:
        return clean_ods_code(ods), clean_practice_name(str(names[0].value) if names else "")
    except IdentityError as exc:
        raise IcbError(f"The request cannot be issued: {exc}") from None


def _check_key(request: x509.CertificateSigningRequest) -> None:
    key = request.public_key()
    if isinstance(key, rsa.RSAPublicKey) and key.key_size >= 2048:
        return
    if isinstance(key, ec.EllipticCurvePublicKey | ed25519.Ed25519PublicKey):
        return
    raise IcbError(
        "The request's key is of a kind or size that cannot sign packs safely (use P-256 or RSA 2048+)."
    )


def issue_certificate(
    icb: IcbIdentity, request: x509.CertificateSigningRequest, now: dt.datetime | None = None
) -> x509.Certificate:
    """The practice's certificate for the key in ``request``, naming its practice and ODS code."""
    now = now or dt.datetime.now(dt.UTC)
    ods, name = _practice_of(request)
    _check_key(request)
    public = request.public_key()
    end = min(now + dt.timedelta(days=365 * VALID_YEARS), icb.certificate.not_valid_after_utc)
    issuer_ski = icb.certificate.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value
    # documentSigning says what it is for; emailProtection is what NSS (poppler, Firefox) and Adobe
    # look for in a signer's certificate.
    purposes = [DOCUMENT_SIGNING, ExtendedKeyUsageOID.EMAIL_PROTECTION]
    return (
        x509.CertificateBuilder()
        .subject_name(practice_subject(name, ods))
        .issuer_name(icb.certificate.subject)
        .public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - BACKDATE)
        .not_valid_after(end)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(signing_key_usage(), critical=True)
        .add_extension(x509.ExtendedKeyUsage(purposes), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(issuer_ski), critical=False
        )
        .sign(icb.key, hashes.SHA256())
    )


# --- the register of issued certificates ------------------------------------------------------------


def _register(folder: Path) -> list[dict[str, Any]]:
    path = folder / REGISTER_FILE
    if not path.exists():
        return []
    try:
        data = json.loads(read_regular(path, _MAX_REGISTER))
    except (OSError, ValueError, RecursionError) as exc:
        raise IcbError(
            f"The register of issued certificates {plain(path)} is damaged or unreadable."
        ) from exc
    if not isinstance(data, list) or not all(isinstance(e, dict) for e in data):
        raise IcbError(f"The register of issued certificates {plain(path)} is damaged.")
    return data


def _write_register(folder: Path, entries: list[dict[str, Any]]) -> None:
    write_file(folder / REGISTER_FILE, json.dumps(entries, indent=1).encode("utf-8"))


def _crl_bytes(icb: IcbIdentity, entries: list[dict[str, Any]], number: int = 1) -> bytes:
    revoked = [
        Revoked(int(e["serial"], 16), dt.datetime.fromisoformat(e["revoked_at"]))
        for e in entries
        if e.get("revoked_at")
    ]
    crl = build_crl(icb.key, icb.certificate, revoked, number, dt.datetime.now(dt.UTC))
    return crl.public_bytes(serialization.Encoding.DER)


@dataclass(frozen=True)
class Issued:
    certificate: x509.Certificate
    chain: bytes  # PEM: the practice's certificate, then the ICB's
    ods: str
    practice: str


def issue(request_path: Path, passphrase: str, folder: Path | None = None) -> Issued:
    """Issue a certificate for the request at ``request_path`` and record it in the register."""
    request = read_request(request_path)
    ods, practice = _practice_of(request)  # a bad request is refused before the passphrase is tried
    _check_key(request)
    target = icb_dir(folder)
    entries = _register(target)
    icb = load_icb(passphrase, folder)
    cert = issue_certificate(icb, request)
    entries.append(
        {
            "serial": f"{cert.serial_number:x}",
            "ods_code": ods,
            "practice": practice,
            "sha256": fingerprint_of(cert),
            "issued_at": cert.not_valid_before_utc.isoformat(),
            "not_after": cert.not_valid_after_utc.isoformat(),
            "revoked_at": None,
        }
    )
    _write_register(target, entries)
    return Issued(cert, pem([cert, icb.certificate]), ods, practice)


@dataclass(frozen=True)
class Revocation:
    ods: str
    certificates: list[str]  # fingerprints revoked now
    crl_path: Path


def revoke(ods_code: str, passphrase: str, folder: Path | None = None) -> Revocation:
    """Revoke every certificate issued for ``ods_code`` and write the ICB's revocation list again."""
    try:
        ods = clean_ods_code(ods_code)
    except IdentityError as exc:
        raise IcbError(str(exc)) from None
    target = icb_dir(folder)
    entries = _register(target)
    live = [e for e in entries if e.get("ods_code") == ods and not e.get("revoked_at")]
    if not live:
        raise IcbError(
            f"The ICB has no certificate in force for {ods} to revoke (see {plain(target / REGISTER_FILE)})."
        )
    icb = load_icb(passphrase, folder)
    now = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    for entry in live:
        entry["revoked_at"] = now
    number = 1 + sum(1 for e in entries if e.get("revoked_at"))  # grows with every revocation
    write_file(target / CRL_FILE, _crl_bytes(icb, entries, number))
    _write_register(target, entries)
    return Revocation(ods, [str(e.get("sha256", "")) for e in live], target / CRL_FILE)
