"""The practice's X.509 certificate: made, checked and described.

Kept apart from the storage code in ``identity.py`` so each file has one job.
Every message is for a practice manager, not a cryptographer: it says what is
wrong and what to do, never an OpenSSL error string.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed448, ed25519, rsa
from cryptography.hazmat.primitives.serialization.pkcs12 import PKCS12PrivateKeyTypes
from cryptography.x509.oid import NameOID

from wizard.core.draft.model import ODS_GP_PATTERN

# id-kp-documentSigning (RFC 9336): what a PDF signing certificate is for.
DOCUMENT_SIGNING = x509.ObjectIdentifier("1.3.6.1.5.5.7.3.36")
# Keys a PDF signature can use (cryptography can also load DH and post-quantum keys).
SIGNING_KEY_CLASSES = (
    rsa.RSAPrivateKey,
    ec.EllipticCurvePrivateKey,
    ed25519.Ed25519PrivateKey,
    ed448.Ed448PrivateKey,
)
VALID_YEARS = 3
BACKDATE = dt.timedelta(hours=1)  # a PC whose clock is a little slow still accepts it
_MAX_NAME = 64  # X.520 upper bound for CN and O
_READABLE = {NameOID.SERIAL_NUMBER: "serialNumber"}  # RFC 4514 would print 2.5.4.5


class IdentityError(Exception):
    """Something about the signing identity a practice manager can act on."""


def fingerprint_of(cert: x509.Certificate) -> str:
    """SHA-256 of the DER certificate as ``AB:CD:...``: what the pack's cover prints."""
    return cert.fingerprint(hashes.SHA256()).hex(":").upper()


def ods_code_of(cert: x509.Certificate) -> str | None:
    """The practice the certificate belongs to: its subject serialNumber (or an "ODS A12345" unit)."""
    return ods_code_in(cert.subject)


def ods_code_in(subject: x509.Name) -> str | None:
    """The ODS code a certificate's (or a certificate request's) subject names, if any."""
    for attribute in subject.get_attributes_for_oid(NameOID.SERIAL_NUMBER):
        value = str(attribute.value).strip().upper()
        if ODS_GP_PATTERN.fullmatch(value):
            return value
    for attribute in subject.get_attributes_for_oid(NameOID.ORGANIZATIONAL_UNIT_NAME):
        words = str(attribute.value).split()
        if len(words) == 2 and words[0].upper() == "ODS" and ODS_GP_PATTERN.fullmatch(words[1].upper()):
            return words[1].upper()
    return None


def validity_problems(cert: x509.Certificate, signed_at: dt.datetime | None, now: dt.datetime) -> list[str]:
    """Why the certificate could not vouch for a pack signed at ``signed_at`` and checked ``now``."""
    start, end = cert.not_valid_before_utc, cert.not_valid_after_utc
    problems: list[str] = []
    if signed_at is None:
        problems.append(
            "The signature does not say when it was made, so the certificate's dates cannot be checked."
        )
    elif not start <= signed_at <= end:
        problems.append(
            f"The signing certificate was not valid when the pack was signed ({signed_at:%d/%m/%Y}): "
            f"it is valid from {start:%d/%m/%Y} to {end:%d/%m/%Y}."
        )
    if end < now:
        problems.append(f"The signing certificate expired on {end:%d/%m/%Y}.")
    elif start > now:
        problems.append(f"The signing certificate is not valid until {start:%d/%m/%Y}.")
    return problems


def is_self_signed(cert: x509.Certificate) -> bool:
    """True when the certificate vouches for itself (no ICB in between)."""
    if cert.issuer != cert.subject:
        return False
    try:
        cert.verify_directly_issued_by(cert)
    except (InvalidSignature, ValueError, TypeError):  # not its own signature, or an odd key type
        return False
    return True


def clean_practice_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise IdentityError("Enter the practice's name: it goes on the certificate.")
    if len(name) > _MAX_NAME:
        raise IdentityError(
            f"The practice name is {len(name)} characters long; a certificate allows {_MAX_NAME}. "
            "Shorten it (for example leave out 'The' or 'Surgery')."
        )
    return name


def clean_ods_code(code: str) -> str:
    code = code.strip().upper()
    if not ODS_GP_PATTERN.fullmatch(code):  # the same rule as the practice page and new-draft
        raise IdentityError(
            "The ODS code of a GP practice is one letter followed by five digits, like A12345 "
            "(look it up on the NHS ODS portal if unsure)."
        )
    return code


def practice_subject(practice_name: str, ods_code: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "GB"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, practice_name),
            x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, f"ODS {ods_code}"),
            x509.NameAttribute(NameOID.COMMON_NAME, practice_name),
            x509.NameAttribute(NameOID.SERIAL_NUMBER, ods_code),
        ]
    )


def signing_key_usage() -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=True,
        content_commitment=True,  # non-repudiation: the practice stands by what it signed
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=False,
        crl_sign=False,
        encipher_only=False,
        decipher_only=False,
    )


def make_self_signed(
    practice_name: str, ods_code: str, now: dt.datetime | None = None
) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    """A new P-256 key and a certificate naming the practice, valid for three years.

    P-256 because pyHanko, Adobe and NSS all verify it and the keys are small.
    """
    now = now or dt.datetime.now(dt.UTC)
    key = ec.generate_private_key(ec.SECP256R1())
    name = practice_subject(practice_name, ods_code)
    ski = x509.SubjectKeyIdentifier.from_public_key(key.public_key())
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - BACKDATE)
        .not_valid_after(now + dt.timedelta(days=365 * VALID_YEARS))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(signing_key_usage(), critical=True)
        .add_extension(x509.ExtendedKeyUsage([DOCUMENT_SIGNING]), critical=False)
        .add_extension(ski, critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(ski), critical=False)
        .sign(key, hashes.SHA256())
    )
    return key, cert


def _spki(public_key: Any) -> bytes:
    return bytes(
        public_key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    )


def check_importable(
    key: PKCS12PrivateKeyTypes | None, cert: x509.Certificate | None, now: dt.datetime | None = None
) -> tuple[PKCS12PrivateKeyTypes, x509.Certificate]:
    """Refuse a file that could not sign a pack the ICB would accept, saying why."""
    if key is None or cert is None:
        raise IdentityError(
            "This file does not hold both a private key and its certificate. "
            "Ask the ICB for the practice's signing file (.p12 or .pfx) including the key."
        )
    if _spki(key.public_key()) != _spki(cert.public_key()):
        raise IdentityError(
            "The key in this file does not belong to its certificate. Ask the ICB to reissue it."
        )
    try:
        usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        usage = None
    if usage is not None and not usage.digital_signature:
        raise IdentityError(
            "This certificate is not allowed to sign documents (no 'digital signature' key usage). "
            "Ask the ICB for a document-signing certificate."
        )
    if ods_code_of(cert) is None:
        raise IdentityError(
            "This certificate does not say which practice it belongs to (it names no ODS code), so the "
            "ICB's verify would refuse every pack it signs. Ask the ICB for a certificate naming the "
            "practice's ODS code."
        )
    _check_dates(cert, now or dt.datetime.now(dt.UTC))
    return key, cert


def _check_dates(cert: x509.Certificate, now: dt.datetime) -> None:
    if cert.not_valid_after_utc < now:
        raise IdentityError(
            f"This certificate expired on {cert.not_valid_after_utc:%d/%m/%Y}. Ask the ICB for a new one."
        )
    if cert.not_valid_before_utc > now:
        raise IdentityError(
            f"This certificate is not valid until {cert.not_valid_before_utc:%d/%m/%Y}. "
            "Check this computer's date, or import it on or after that day."
        )


def order_chain(cert: x509.Certificate, others: list[x509.Certificate]) -> list[x509.Certificate]:
    """Issuers from the practice's certificate up to the root, then anything unrelated.

    PKCS#12 files list extra certificates in no set order; verifiers and people
    reading the PEM expect issuer after subject.
    """
    remaining = [c for c in others if c != cert]
    ordered: list[x509.Certificate] = []
    current = cert
    while True:
        parent = next((c for c in remaining if c.subject == current.issuer), None)
        if parent is None or is_self_signed(current):
            break
        ordered.append(parent)
        remaining.remove(parent)
        current = parent
    return ordered + remaining


def certificate_summary(cert: x509.Certificate) -> dict[str, Any]:
    """What a person checks before trusting a pack: who, by whom, when, and the fingerprint."""
    now = dt.datetime.now(dt.UTC)
    return {
        "subject": cert.subject.rfc4514_string(_READABLE),
        "issuer": cert.issuer.rfc4514_string(_READABLE),
        "not_before": cert.not_valid_before_utc.isoformat(),
        "not_after": cert.not_valid_after_utc.isoformat(),
        "sha256": fingerprint_of(cert),
        "self_signed": is_self_signed(cert),
        "expired": cert.not_valid_after_utc < now,
    }
