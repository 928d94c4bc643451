"""Reading certificates and revocation lists from files, with messages a person can act on.

PEM or DER, one certificate or several in one PEM file. A file that is not a
certificate, or one too large to be one, is an IcbError naming the file.
"""

from __future__ import annotations

from pathlib import Path

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization

from wizard.core.atomic import atomic_write, read_regular
from wizard.core.safe_text import plain
from wizard.icb.errors import IcbError

MAX_CERTIFICATE_BYTES = 1024 * 1024  # a certificate chain or a revocation list is a few kilobytes
CERTIFICATE_SUFFIXES = (".pem", ".crt", ".cer", ".der")
CRL_SUFFIXES = (".crl",)


def read_small(path: Path, what: str) -> bytes:
    try:
        return read_regular(path, MAX_CERTIFICATE_BYTES)
    except OSError as exc:
        raise IcbError(f"{what} {plain(path)} could not be read ({exc.strerror or exc}).") from exc


def write_file(target: Path, data: bytes) -> None:
    """Write atomically, making the folder if need be; IcbError (naming the file) if it cannot be written."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(target, data)
    except OSError as exc:
        raise IcbError(f"{plain(target)} could not be written ({exc.strerror or exc}).") from exc


def read_certificates(path: Path) -> list[x509.Certificate]:
    """Every certificate in the file, in order; IcbError if it holds none."""
    data = read_small(path, "The certificate")
    try:
        return (
            x509.load_pem_x509_certificates(data)
            if b"-----BEGIN" in data
            else [x509.load_der_x509_certificate(data)]
        )
    except ValueError as exc:
        raise IcbError(f"{plain(path)} is not a certificate file (PEM or DER).") from exc


def read_crl(path: Path) -> x509.CertificateRevocationList:
    data = read_small(path, "The revocation list")
    try:
        if b"-----BEGIN" in data:
            return x509.load_pem_x509_crl(data)
        return x509.load_der_x509_crl(data)
    except ValueError as exc:
        raise IcbError(f"{plain(path)} is not a certificate revocation list (CRL).") from exc


def pem(certificates: list[x509.Certificate]) -> bytes:
    return b"".join(c.public_bytes(serialization.Encoding.PEM) for c in certificates)


def short_fingerprint(cert: x509.Certificate) -> str:
    """The first 16 hex digits of the SHA-256 fingerprint: enough to tell two certificates apart in a name."""
    return cert.fingerprint(hashes.SHA256()).hex()[:16].upper()


def is_issuer(cert: x509.Certificate) -> bool:
    """A CA certificate (basic constraints say so): one that may issue practices' certificates."""
    try:
        return bool(cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca)
    except x509.ExtensionNotFound:
        return False


def issued_by(cert: x509.Certificate, issuer: x509.Certificate) -> bool:
    """Did ``issuer`` (a CA certificate) sign ``cert``? Checked on the signature, not only the names."""
    if not is_issuer(issuer) or cert.issuer != issuer.subject or cert == issuer:
        return False
    try:
        cert.verify_directly_issued_by(issuer)
    except (InvalidSignature, ValueError, TypeError):  # not its signature, or a key type that cannot sign
        return False
    return True
