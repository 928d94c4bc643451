"""Is the pack's signer a practice the ICB trusts, by the trust folder's rules?

pyHanko says whether the signature chains to one of the certificates given.
That is not enough when many are given: a practice's own certificate is not
allowed to issue others, a certificate on file can be replaced by a new one
the ICB has not seen, and the ICB may have revoked one it issued. The
standing says which, in words for the CSV's ``certificate`` column.
"""

from __future__ import annotations

from dataclasses import dataclass

from cryptography import x509
from cryptography.x509.oid import NameOID

from wizard.icb.cert_files import issued_by
from wizard.icb.trust_store import TrustStore
from wizard.pack.identity.cert import fingerprint_of, ods_code_of
from wizard.pack.verdict import Verdict

ON_FILE = "on file"
CHANGED = "changed: review"
REVOKED = "revoked"
NOT_ON_FILE = "not on file"


@dataclass(frozen=True)
class Standing:
    words: str  # "on file", "issued by NHS Example ICB", "changed: review", "revoked", "not on file"
    problem: str = ""


def _issuer_name(issuer: x509.Certificate) -> str:
    names = issuer.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    return str(names[0].value) if names else "the ICB"


def standing(store: TrustStore, cert: x509.Certificate) -> Standing:
    ods = ods_code_of(cert) or ""
    revoked = store.revocations.revoked_at(cert)
    if revoked is not None:
        return Standing(
            REVOKED,
            f"The ICB revoked this practice's certificate on {revoked:%d/%m/%Y}: packs signed with it are "
            "not accepted.",
        )
    if any(cert == known for known in store.on_file(ods)) or cert in store.unnamed:
        return Standing(ON_FILE)
    issuer = next((i for i in store.issuers if issued_by(cert, i)), None)
    if issuer is not None:
        return Standing(f"issued by {_issuer_name(issuer)}")
    on_file = store.on_file(ods)
    if on_file:
        shown = ", ".join(fingerprint_of(c) for c in on_file)
        return Standing(
            CHANGED,
            f"The practice's certificate has changed: this pack is signed with SHA-256 {fingerprint_of(cert)}, "
            f"but the one on file for {ods} is {shown}. Confirm the new fingerprint with the practice, then "
            "file its certificate with trust add --replace.",
        )
    who = f"practice {ods}" if ods else "this signer"
    return Standing(
        NOT_ON_FILE,
        f"No certificate is on file for {who}: file the practice's certificate (trust add CERT), "
        "or trust the ICB that issued it.",
    )


def check_signer(store: TrustStore, verdict: Verdict) -> Standing | None:
    """Add the trust folder's objection, if any, to ``verdict``; None when there is no certificate to judge."""
    if verdict.certificate is None:
        return None
    found = standing(store, verdict.certificate)
    if found.problem:
        verdict.problems.append(found.problem)
    return found
