"""Revocation lists: the ICB writes one when it revokes a practice; verify reads it and refuses that practice.

A standard X.509 CRL (RFC 5280), signed with the ICB's issuing key, so other
tools read it too. A list is only believed when the ICB certificate the
verifier trusts signed it: anyone can write a file called ``revoked.crl``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.types import CertificateIssuerPrivateKeyTypes

from wizard.core.safe_text import plain
from wizard.icb.cert_files import issued_by, read_crl
from wizard.icb.errors import IcbError

CRL_VALID_DAYS = 365  # verify never fetches a newer one, so the date is for other tools


@dataclass(frozen=True)
class Revoked:
    serial: int
    revoked_at: dt.datetime


def build_crl(
    key: CertificateIssuerPrivateKeyTypes,
    issuer: x509.Certificate,
    revoked: list[Revoked],
    number: int,
    now: dt.datetime,
) -> x509.CertificateRevocationList:
    """A CRL of ``revoked``, signed by the ICB, numbered so a newer list can be told from an older one."""
    builder = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(issuer.subject)
        .last_update(now)
        .next_update(now + dt.timedelta(days=CRL_VALID_DAYS))
        .add_extension(x509.CRLNumber(number), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer.public_key()),  # type: ignore[arg-type]
            critical=False,
        )
    )
    for entry in revoked:
        builder = builder.add_revoked_certificate(
            x509.RevokedCertificateBuilder()
            .serial_number(entry.serial)
            .revocation_date(entry.revoked_at)
            .build()
        )
    return builder.sign(key, hashes.SHA256())


def crl_signer(
    crl: x509.CertificateRevocationList, issuers: list[x509.Certificate]
) -> x509.Certificate | None:
    """The trusted ICB certificate that signed ``crl``, or None."""
    for issuer in issuers:
        if issuer.subject == crl.issuer and crl.is_signature_valid(issuer.public_key()):  # type: ignore[arg-type]
            return issuer
    return None


@dataclass(frozen=True)
class RevocationLists:
    """The lists the verifier honours, each paired with the ICB certificate that signed it."""

    lists: tuple[tuple[x509.CertificateRevocationList, x509.Certificate], ...] = ()

    def revoked_at(self, cert: x509.Certificate) -> dt.datetime | None:
        """When the ICB that issued ``cert`` revoked it, or None."""
        for crl, issuer in self.lists:
            if not issued_by(cert, issuer):
                continue
            entry = crl.get_revoked_certificate_by_serial_number(cert.serial_number)
            if entry is not None:
                return entry.revocation_date_utc
        return None


def load_revocations(paths: list[Path], issuers: list[x509.Certificate]) -> RevocationLists:
    """Read and check every list; IcbError for one that is damaged or not signed by a trusted ICB."""
    found: list[tuple[x509.CertificateRevocationList, x509.Certificate]] = []
    for path in paths:
        crl = read_crl(path)
        signer = crl_signer(crl, issuers)
        if signer is None:
            raise IcbError(
                f"The revocation list {plain(path)} is not signed by an ICB certificate that is trusted here. "
                "Add the ICB's certificate first (trust add --issuer ICB-CERT), or use the list the ICB wrote."
            )
        found.append((crl, signer))
    return RevocationLists(tuple(found))
