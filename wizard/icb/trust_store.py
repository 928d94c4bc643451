"""The ICB's trust folder: each practice's certificate filed by ODS code, the ICB's own, and revocations.

Layout, readable in a file manager::

    DIR/A12345.pem                   the certificate on file for practice A12345
    DIR/issuers/<name> <fp>.pem      ICB certificates: whatever they issued is trusted
    DIR/revocations/<fp>.crl         revocation lists those ICBs signed
    DIR/to-review/A12345 <fp>.pem    a changed certificate, waiting for a person to confirm it
    DIR/replaced/A12345 <fp>.pem     certificates that were on file before

A practice whose certificate changes is never quietly accepted: the new one
goes to ``to-review`` and packs signed with it are not good until someone has
confirmed the new fingerprint with the practice and filed it with
``--replace``. An issuing (CA) certificate is only filed when asked for by
name: a practice's file that slipped a CA certificate into a folder of
certificates must not become able to vouch for every practice.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.x509.oid import NameOID

from wizard.core.safe_text import plain
from wizard.icb.cert_files import (
    CERTIFICATE_SUFFIXES,
    CRL_SUFFIXES,
    is_issuer,
    pem,
    read_certificates,
    read_crl,
    short_fingerprint,
    write_file,
)
from wizard.icb.errors import IcbError
from wizard.icb.revocation import RevocationLists, crl_signer, load_revocations
from wizard.pack.identity.cert import fingerprint_of, is_self_signed, ods_code_of

ISSUERS, REVOCATIONS, TO_REVIEW, REPLACED = "issuers", "revocations", "to-review", "replaced"


@dataclass(frozen=True)
class TrustStore:
    """Whom the verifier trusts: practices' own certificates by ODS code, and issuing ICBs."""

    practices: dict[str, list[x509.Certificate]] = field(default_factory=dict)
    issuers: list[x509.Certificate] = field(default_factory=list)
    unnamed: list[x509.Certificate] = field(default_factory=list)  # trusted only as themselves
    revocations: RevocationLists = field(default_factory=RevocationLists)

    def roots(self) -> list[x509.Certificate]:
        """Every certificate, as trust anchors for checking the signature itself."""
        return [c for certs in self.practices.values() for c in certs] + self.issuers + self.unnamed

    def on_file(self, ods: str) -> list[x509.Certificate]:
        return self.practices.get(ods, [])


def from_certificates(certs: Iterable[x509.Certificate], crls: list[Path] | None = None) -> TrustStore:
    """A store from certificates given on the command line (``--trust``): CA ones issue, the rest are pinned."""
    store = TrustStore()
    for cert in certs:
        if is_issuer(cert):
            store.issuers.append(cert)
        elif (ods := ods_code_of(cert)) is not None:
            store.practices.setdefault(ods, []).append(cert)
        else:
            store.unnamed.append(cert)
    return TrustStore(
        store.practices, store.issuers, store.unnamed, load_revocations(crls or [], store.issuers)
    )


def _files(folder: Path, suffixes: tuple[str, ...]) -> list[Path]:
    try:
        entries = list(folder.iterdir()) if folder.is_dir() else []
    except OSError as exc:
        raise IcbError(f"The folder {plain(folder)} could not be read ({exc.strerror or exc}).") from exc
    return sorted(p for p in entries if p.suffix.lower() in suffixes and p.is_file())


def _check_folder(folder: Path) -> None:
    try:
        is_folder = folder.is_dir()
    except OSError:
        is_folder = False
    if not is_folder:
        raise IcbError(f"The trust folder {plain(folder)} does not exist or is not a folder.")


def load_trust_dir(folder: Path, crls: list[Path] | None = None) -> TrustStore:
    """Everything filed in ``folder`` (and any extra revocation lists); IcbError for a damaged file."""
    _check_folder(folder)
    practices: dict[str, list[x509.Certificate]] = {}
    for path in _files(folder, CERTIFICATE_SUFFIXES):
        cert = read_certificates(path)[0]
        ods = ods_code_of(cert)
        if ods is None or is_issuer(cert):
            raise IcbError(
                f"{plain(path)} in the trust folder is not a practice's certificate (it names no ODS code). "
                "Move it out, or file ICB certificates with trust add --issuer."
            )
        practices.setdefault(ods, []).append(cert)
    issuers = [read_certificates(p)[0] for p in _files(folder / ISSUERS, CERTIFICATE_SUFFIXES)]
    lists = _files(folder / REVOCATIONS, CRL_SUFFIXES) + list(crls or [])
    return TrustStore(practices, issuers, [], load_revocations(lists, issuers))


@dataclass(frozen=True)
class Filed:
    """What ``trust add`` did with one certificate or list."""

    outcome: str  # "added", "on file", "changed", "replaced", "issuer", "revocations"
    message: str


def _name_part(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9 ._-]+", "", text).strip()[:60] or "ICB"


def _file_issuer(folder: Path, cert: x509.Certificate) -> Filed:
    if not is_issuer(cert) or not is_self_signed(cert):
        raise IcbError(
            "Only an ICB's own (self-signed, issuing) certificate can be filed as an issuer; "
            f"this one is {'not an issuing certificate' if not is_issuer(cert) else 'not self-signed'}."
        )
    names = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    name = _name_part(str(names[0].value) if names else "ICB")
    write_file(folder / ISSUERS / f"{name} {short_fingerprint(cert)}.pem", pem([cert]))
    return Filed(
        "issuer",
        f"Filed {plain(name)} as an issuer (SHA-256 {fingerprint_of(cert)}): every practice certificate it "
        "issues is trusted until it revokes it.",
    )


def _file_practice(folder: Path, cert: x509.Certificate, replace: bool) -> Filed:
    ods = ods_code_of(cert)
    if is_issuer(cert):
        raise IcbError(
            "This is an issuing (CA) certificate, not a practice's. Only the ICB's own certificate belongs "
            "in the trust folder as an issuer: add it with trust add --issuer."
        )
    if ods is None:
        raise IcbError(
            "This certificate does not say which practice it belongs to (it names no ODS code), "
            "so it cannot be filed."
        )
    target, new = folder / f"{ods}.pem", fingerprint_of(cert)
    current = read_certificates(target)[0] if target.exists() else None
    if current is None:
        write_file(target, pem([cert]))
        return Filed("added", f"{ods}: filed (SHA-256 {new}).")
    if current == cert:
        return Filed("on file", f"{ods}: already on file.")
    if not replace:
        write_file(folder / TO_REVIEW / f"{ods} {short_fingerprint(cert)}.pem", pem([cert]))
        return Filed(
            "changed",
            f"{ods}: CHANGED CERTIFICATE, not accepted. On file: SHA-256 {fingerprint_of(current)}; "
            f"new: SHA-256 {new} (kept in {TO_REVIEW}/). Confirm the new fingerprint with the practice "
            "(it is printed on its pack's cover), then file it with trust add --replace.",
        )
    write_file(folder / REPLACED / f"{ods} {short_fingerprint(current)}.pem", pem([current]))
    write_file(target, pem([cert]))
    with contextlib.suppress(OSError):
        (folder / TO_REVIEW / f"{ods} {short_fingerprint(cert)}.pem").unlink(missing_ok=True)
    return Filed("replaced", f"{ods}: replaced (new SHA-256 {new}; the old one is kept in {REPLACED}/).")


def _file_crl(folder: Path, path: Path) -> Filed:
    crl = read_crl(path)
    store = load_trust_dir(folder)
    signer = crl_signer(crl, store.issuers)
    if signer is None:
        raise IcbError(
            f"The revocation list {plain(path)} is not signed by an ICB certificate in the trust folder: "
            "add the ICB's certificate first (trust add --issuer ICB-CERT)."
        )
    target = folder / REVOCATIONS / f"{short_fingerprint(signer)}.crl"
    if target.exists() and read_crl(target).last_update_utc > crl.last_update_utc:
        return Filed(
            "on file",
            f"A newer revocation list from that ICB is already on file; {plain(path)} was left out.",
        )
    write_file(target, crl.public_bytes(serialization.Encoding.DER))
    return Filed(
        "revocations", f"Filed the revocation list ({len(list(crl))} revoked): verify now refuses those."
    )


def sources(paths: list[Path]) -> list[Path]:
    """The files named, with a folder standing for the certificates and lists in it."""
    found: list[Path] = []
    for path in paths:
        try:
            is_folder = path.is_dir()
        except OSError:
            is_folder = False
        found += _files(path, CERTIFICATE_SUFFIXES + CRL_SUFFIXES) if is_folder else [path]
    return found


def add_to_trust(folder: Path, paths: list[Path], replace: bool = False, issuer: bool = False) -> list[Filed]:
    """File every certificate (or revocation list) in ``paths``; a folder stands for the files in it."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise IcbError(
            f"The trust folder {plain(folder)} could not be made ({exc.strerror or exc})."
        ) from exc
    filed: list[Filed] = []
    for path in sources(paths):
        if path.suffix.lower() in CRL_SUFFIXES:
            filed.append(_file_crl(folder, path))
            continue
        cert = read_certificates(path)[0]  # a chain's first: its issuers are not the practice
        try:
            filed.append(_file_issuer(folder, cert) if issuer else _file_practice(folder, cert, replace))
        except IcbError as exc:
            raise IcbError(f"{plain(path)}: {exc}") from None
    return filed
