"""The practice's signing identity: a private key and its certificate, kept on the stick.

The key only ever reaches the disk inside a PKCS#12 file encrypted with the
practice's passphrase (AES-256, PBKDF2-HMAC-SHA256), whose MAC takes as many
iterations as the encryption (see ``p12_mac``). A public copy of the
certificate sits beside it so that showing or sending the certificate to the
ICB never needs the passphrase. Both files are written atomically: a pulled
stick leaves the old identity or the new one, never half of each.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from cryptography import x509
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.hazmat.primitives.serialization.pkcs12 import PKCS12PrivateKeyTypes

from wizard.core.atomic import atomic_write, read_regular
from wizard.core.data_folder import data_folder
from wizard.pack.identity.p12_mac import reseal_mac

if TYPE_CHECKING:
    from wizard.pack.sign import SigningKey

from wizard.pack.identity.cert import (
    SIGNING_KEY_CLASSES,
    IdentityError,
    certificate_summary,
    check_importable,
    clean_ods_code,
    clean_practice_name,
    fingerprint_of,
    is_self_signed,
    make_self_signed,
    order_chain,
)

__all__ = [
    "CERT_FILE",
    "KEY_FILE",
    "MIN_PASSPHRASE",
    "Identity",
    "IdentityError",
    "certificate_summary",
    "create_identity",
    "export_certificate",
    "identity_dir",
    "import_identity",
    "load_certificate",
    "load_identity",
    "open_key_file",
    "refuse_existing",
    "save_identity",
    "sealed_key_file",
]

KEY_FILE = "practice-identity.p12"
CERT_FILE = "practice-certificate.pem"
MIN_PASSPHRASE = 8
# PBKDF2 rounds (OWASP's 2023 figure for HMAC-SHA256): slows guessing on a lost stick;
# opening still takes well under a second on an old practice PC.
KDF_ROUNDS = 600_000
_FRIENDLY_NAME = b"GP Cyber Wizard practice signing key"


@dataclass(frozen=True)
class Identity:
    """The key, its certificate and the issuers' certificates (empty when self-signed)."""

    key: PKCS12PrivateKeyTypes = field(repr=False)
    certificate: x509.Certificate
    chain: list[x509.Certificate] = field(default_factory=list)

    @property
    def fingerprint(self) -> str:
        return fingerprint_of(self.certificate)

    @property
    def self_signed(self) -> bool:
        return is_self_signed(self.certificate)

    def signing_key(self) -> SigningKey:
        """The key and certificates as the signer takes them (pyHanko loads only when signing)."""
        from wizard.pack.sign import SigningKey

        return SigningKey(self.key, self.certificate, tuple(self.chain))


def identity_dir(folder: Path | None = None) -> Path:
    """The identity folder inside the data folder ``folder`` (default: this program's)."""
    return data_folder(folder).identity


def create_identity(
    practice_name: str, ods_code: str, passphrase: str, folder: Path | None = None, replace: bool = False
) -> Identity:
    """Make a new key and self-signed certificate for the practice and store them."""
    name, ods = clean_practice_name(practice_name), clean_ods_code(ods_code)
    _check_new_passphrase(passphrase)
    refuse_existing(folder, replace)
    key, cert = make_self_signed(name, ods)
    identity = Identity(key, cert, [])
    _store(identity, passphrase, folder)
    return identity


def import_identity(
    p12_path: Path, passphrase: str, folder: Path | None = None, replace: bool = False
) -> Identity:
    """Take in the PKCS#12 the ICB issued, check it can sign, and keep it (same passphrase)."""
    data = _read(p12_path, f"The file {p12_path}")
    key, cert, others = open_key_file(
        data, passphrase, wrong=_WRONG_IMPORT, damaged=_damaged_import(p12_path)
    )
    key, cert = check_importable(key, cert)
    _check_new_passphrase(passphrase)
    refuse_existing(folder, replace)
    identity = Identity(key, cert, order_chain(cert, others))
    _store(identity, passphrase, folder)
    return identity


def load_identity(passphrase: str, folder: Path | None = None) -> Identity:
    """Open the stored identity for signing. Reads only, unless the public copy needs mending."""
    path = identity_dir(folder) / KEY_FILE
    if not path.is_file():
        raise IdentityError(_NO_IDENTITY)
    data = _read(path, "The practice signing key")
    key, cert, others = open_key_file(data, passphrase, wrong=_WRONG_LOAD, damaged=_DAMAGED_STORE)
    if key is None or cert is None:
        raise IdentityError(_DAMAGED_STORE)
    identity = Identity(key, cert, order_chain(cert, others))
    _mend_public_copy(identity, folder)
    return identity


def load_certificate(folder: Path | None = None) -> list[x509.Certificate]:
    """The public certificate then its issuers, from the PEM copy: no passphrase needed."""
    path = identity_dir(folder) / CERT_FILE
    if not path.is_file():
        raise IdentityError(_NO_IDENTITY)
    data = _read(path, "The practice certificate")
    try:
        certs = x509.load_pem_x509_certificates(data)
    except ValueError:
        certs = []
    if not certs:
        raise IdentityError(
            f"The practice certificate ({path}) is damaged. Opening the signing key with its "
            "passphrase (for example by signing a pack) writes it again."
        )
    return certs


def export_certificate(target: Path, folder: Path | None = None) -> Path:
    """Write the certificate (and its issuers) for the ICB; a folder gets the usual file name."""
    certs = load_certificate(folder)
    if target.is_dir():
        target = target / CERT_FILE
    _check_certificate_target(target, folder)
    try:
        atomic_write(target, _pem(certs))
    except OSError as exc:
        raise IdentityError(
            f"The certificate could not be saved as {target} ({exc.strerror or exc})."
        ) from exc
    return target


def _starts_as_certificate(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(64).lstrip().startswith(b"-----BEGIN CERTIFICATE")


def _check_certificate_target(target: Path, folder: Path | None) -> None:
    """A mistyped name must never cost the key, a draft or a pack: only a certificate file is replaced."""
    with contextlib.suppress(OSError):
        if target.resolve() == (identity_dir(folder) / KEY_FILE).resolve():
            raise IdentityError(
                f"{target} is the practice's signing key; the certificate was not saved over it."
            )
        if target.is_file() and not _starts_as_certificate(target):
            raise IdentityError(
                f"{target} already exists and is not a certificate, so it was not written over; "
                "choose another name (ending in .pem)."
            )


_NO_IDENTITY = (
    "This practice has no signing identity yet. Create one (identity create) "
    "or import the file the ICB sent you (identity import)."
)
_WRONG_LOAD = (
    "That passphrase is not right for the practice signing key. Check Caps Lock and try again; "
    "nothing has been changed."
)
_WRONG_IMPORT = (
    "The passphrase does not open this file. Check it with whoever sent the file (usually the ICB); "
    "nothing has been imported."
)
_DAMAGED_STORE = (
    "The practice signing key file is damaged and cannot be opened. Restore it from a backup, "
    "or create or import a new identity with the replace option."
)


def _damaged_import(path: Path) -> str:
    return (
        f"{path} is not a signing file (PKCS#12, .p12 or .pfx) or it is damaged. "
        "Ask the ICB to send it again."
    )


def _check_new_passphrase(passphrase: str) -> None:
    """The passphrase is all that protects the key on a stick that may be lost."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise IdentityError(
            f"The passphrase must be at least {MIN_PASSPHRASE} characters. "
            "A few unrelated words are easy to remember and hard to guess."
        )


def refuse_existing(folder: Path | None = None, replace: bool = False) -> None:
    """Replacing the key is deliberate: the ICB may have the old fingerprint on record.

    Public so a caller can say so before asking for a passphrase.
    """
    if replace or not (identity_dir(folder) / KEY_FILE).exists():
        return
    try:
        known = f" (fingerprint {fingerprint_of(load_certificate(folder)[0])})"
    except IdentityError:
        known = ""
    raise IdentityError(
        f"This practice already has a signing identity{known}. Choose replace only if you mean to "
        "stop using it, and tell the ICB the new fingerprint."
    )


MAX_KEY_FILE = 1024 * 1024  # a key and its certificates take a few kilobytes


def _read(path: Path, what: str) -> bytes:
    try:
        return read_regular(path, MAX_KEY_FILE)
    except OSError as exc:
        raise IdentityError(f"{what} ({path}) could not be read ({exc.strerror or exc}).") from exc


def _looks_like_der(data: bytes) -> bool:
    """A whole DER SEQUENCE: tells a damaged or wrong file from a wrong passphrase.

    OpenSSL gives the same error for both; a truncated or foreign file fails here.
    """
    if len(data) < 2 or data[0] != 0x30:
        return False
    first = data[1]
    if first < 0x80:
        return 2 + first == len(data)
    count = first & 0x7F
    if count == 0 or count > 4 or len(data) < 2 + count:
        return False
    length = int.from_bytes(data[2 : 2 + count], "big")
    return 2 + count + length == len(data)


def open_key_file(
    data: bytes, passphrase: str, *, wrong: str, damaged: str
) -> tuple[PKCS12PrivateKeyTypes | None, x509.Certificate | None, list[x509.Certificate]]:
    if not _looks_like_der(data):
        raise IdentityError(damaged)
    try:
        key, cert, others = pkcs12.load_key_and_certificates(data, passphrase.encode("utf-8"))
    except ValueError:
        raise IdentityError(wrong) from None  # no chaining: OpenSSL's text helps no one here
    except UnsupportedAlgorithm:  # e.g. an old RC2-encrypted file: still one we cannot use
        raise IdentityError(damaged) from None
    if key is not None and not isinstance(key, SIGNING_KEY_CLASSES):
        raise IdentityError(
            "The key in this file is of a kind that cannot sign PDF documents. "
            "Ask the ICB for an RSA or elliptic-curve signing key."
        )
    return key, cert, list(others)


def _encryption(passphrase: str) -> serialization.KeySerializationEncryption:
    """AES-256-CBC with PBKDF2-HMAC-SHA256 and an HMAC-SHA256 MAC, not the legacy 3DES/SHA-1."""
    return (
        serialization.PrivateFormat.PKCS12.encryption_builder()
        .kdf_rounds(KDF_ROUNDS)
        .key_cert_algorithm(pkcs12.PBES.PBESv2SHA256AndAES256CBC)
        .hmac_hash(hashes.SHA256())
        .build(passphrase.encode("utf-8"))
    )


def _pem(certs: list[x509.Certificate]) -> bytes:
    return b"".join(c.public_bytes(serialization.Encoding.PEM) for c in certs)


def sealed_key_file(
    friendly_name: bytes,
    key: PKCS12PrivateKeyTypes,
    certificate: x509.Certificate,
    chain: list[x509.Certificate],
    passphrase: str,
) -> bytes:
    """The key and certificates as an encrypted PKCS#12 (the ICB's issuing key is kept the same way)."""
    p12 = pkcs12.serialize_key_and_certificates(
        friendly_name, key, certificate, chain or None, _encryption(passphrase)
    )
    return reseal_mac(p12, passphrase, KDF_ROUNDS)  # cryptography's MAC has only 2,048 iterations


def save_identity(identity: Identity, passphrase: str, folder: Path | None = None) -> None:
    """Store ``identity`` (e.g. the practice's key with the certificate the ICB issued for it)."""
    _store(identity, passphrase, folder)


def _store(identity: Identity, passphrase: str, folder: Path | None) -> None:
    """Write the encrypted key file, then the public copy."""
    target = identity_dir(folder)
    p12 = sealed_key_file(_FRIENDLY_NAME, identity.key, identity.certificate, identity.chain, passphrase)
    try:
        target.mkdir(parents=True, exist_ok=True)
        _owner_only(target)
        atomic_write(target / KEY_FILE, p12)
        atomic_write(target / CERT_FILE, _pem([identity.certificate, *identity.chain]))
    except OSError as exc:
        raise IdentityError(
            f"The signing identity could not be saved in {target} ({exc.strerror or exc}). "
            "Check the USB stick is not full or write-protected."
        ) from exc


def _owner_only(folder: Path) -> None:
    """Defence in depth on shared PCs; FAT-formatted sticks ignore it, which is fine."""
    if os.name != "nt":
        with contextlib.suppress(OSError):
            folder.chmod(0o700)


def _mend_public_copy(identity: Identity, folder: Path | None) -> None:
    """Rewrite the PEM if a crash or a hand edit left it disagreeing with the key file."""
    wanted = _pem([identity.certificate, *identity.chain])
    path = identity_dir(folder) / CERT_FILE
    with contextlib.suppress(OSError):
        if path.is_file() and path.read_bytes() == wanted:
            return
        atomic_write(path, wanted)
