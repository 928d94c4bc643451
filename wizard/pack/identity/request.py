"""The practice's side of an ICB-issued certificate: a request for its key, and the certificate installed.

The practice's private key never leaves it: the request carries only the
public key and the names on the practice's current certificate (its name and
ODS code), signed with the key to prove the practice holds it. What comes
back is the practice's certificate followed by the ICB's; it is installed
only when it is for this very key and this practice, and was really issued
by the ICB certificate that comes with it.
"""

from __future__ import annotations

from pathlib import Path

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ed448, ed25519

from wizard.core.atomic import read_regular
from wizard.pack.identity.cert import (
    IdentityError,
    check_importable,
    is_self_signed,
    ods_code_of,
    order_chain,
)
from wizard.pack.identity.store import Identity, load_identity, save_identity

MAX_CHAIN_BYTES = 1024 * 1024


def make_request(identity: Identity) -> bytes:
    """A PEM certificate request (PKCS#10) for the identity's key, naming the practice as its certificate does."""
    key = identity.key
    algorithm = (
        None if isinstance(key, ed25519.Ed25519PrivateKey | ed448.Ed448PrivateKey) else hashes.SHA256()
    )
    request = (
        x509.CertificateSigningRequestBuilder()
        .subject_name(identity.certificate.subject)
        .sign(key, algorithm)
    )
    return request.public_bytes(serialization.Encoding.PEM)


def _spki(key: object) -> bytes:
    return bytes(
        key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)  # type: ignore[attr-defined]
    )


def _read_chain(path: Path) -> list[x509.Certificate]:
    try:
        data = read_regular(path, MAX_CHAIN_BYTES)
    except OSError as exc:
        raise IdentityError(
            f"The certificate file {path} could not be read ({exc.strerror or exc})."
        ) from exc
    try:
        certs = (
            x509.load_pem_x509_certificates(data)
            if b"-----BEGIN" in data
            else [x509.load_der_x509_certificate(data)]
        )
    except ValueError:
        raise IdentityError(
            f"{path} is not a certificate file. Use the file the ICB sent back for the practice's request."
        ) from None
    return certs


def install_certificate(chain_path: Path, passphrase: str, folder: Path | None = None) -> Identity:
    """Keep the ICB-issued certificate (and the ICB's) with the practice's existing key."""
    certs = _read_chain(chain_path)
    current = load_identity(passphrase, folder)
    mine = _spki(current.key.public_key())
    leaf = next((c for c in certs if _spki(c.public_key()) == mine), None)
    if leaf is None:
        raise IdentityError(
            "This certificate is not for this practice's signing key: it was issued for another request "
            "(or another practice). Nothing has been changed."
        )
    ods, expected = ods_code_of(leaf), ods_code_of(current.certificate)
    if ods != expected:
        raise IdentityError(
            f"This certificate names the practice {ods or 'with no ODS code'}, not {expected}. "
            "Nothing has been changed; ask the ICB to check the request it issued."
        )
    key, leaf = check_importable(current.key, leaf)
    chain = order_chain(leaf, [c for c in certs if c is not leaf])
    if is_self_signed(leaf) or not chain or chain[0].subject != leaf.issuer:
        raise IdentityError(
            "The file does not include the ICB's certificate that issued this one: ask the ICB for the "
            "whole chain (icb issue writes it)."
        )
    try:
        leaf.verify_directly_issued_by(chain[0])
    except (InvalidSignature, ValueError, TypeError):
        raise IdentityError(
            "The practice's certificate in this file was not issued by the ICB certificate beside it: "
            "the file is damaged or altered. Nothing has been changed."
        ) from None
    identity = Identity(key, leaf, chain)
    save_identity(identity, passphrase, folder)
    return identity
