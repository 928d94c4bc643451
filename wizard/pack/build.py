"""Build the whole evidence pack: report, attachments, signature, one file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cryptography.x509.oid import NameOID

from wizard.core.bank.model import Bank
from wizard.core.draft.model import Draft
from wizard.pack.attachments import PackInputError, attachments, pack_summary
from wizard.pack.content import pack_content
from wizard.pack.identity.cert import fingerprint_of, ods_code_of
from wizard.pack.pack_target import check_target
from wizard.pack.report.document import build_report
from wizard.pack.report.inputs import BuiltReport, PackInputs
from wizard.pack.sign import SigningKey, new_document_id, sign_report, write_pack

Progress = Callable[[str], None]


@dataclass(frozen=True)
class PackResult:
    path: Path
    document_id: str
    size: int
    attachment_count: int
    page_count: int
    fingerprint: str


def certificate_holder(key: SigningKey) -> str:
    """The practice the certificate names, in words: "Riverside Surgery (ODS code A12345)"."""
    cert = key.certificate
    names = cert.subject.get_attributes_for_oid(
        NameOID.ORGANIZATION_NAME
    ) or cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    name = str(names[0].value) if names else "A certificate that names no practice"
    ods = ods_code_of(cert)
    return f"{name} (ODS code {ods})" if ods else name


def build_pack(
    banks: list[Bank],
    draft: Draft,
    draft_path: Path,
    key: SigningKey,
    out: Path,
    when: dt.datetime | None = None,
    progress: Progress | None = None,
) -> PackResult:
    """Write the signed pack to ``out``. The draft is only read, never changed.

    Everything is scored as at the draft's own date, which answers.json carries,
    so the verifier, scoring answers.json again later, gets the same result.
    """
    check_target(out, draft_path)  # before any work: a wrong --out must cost nothing
    if draft.sign_off is None or not draft.sign_off.ready:
        raise PackInputError(
            "Say who is signing the pack (name and role) and confirm they have reviewed the answers, "
            "then sign it: the declaration states only what was confirmed."
        )
    say = progress or (lambda _step: None)
    created = when or dt.datetime.now(dt.UTC).replace(microsecond=0)
    document_id = new_document_id(draft.practice.ods_code, created)
    fingerprint = fingerprint_of(key.certificate)
    say("Collecting the answers and evidence")
    content = pack_content(banks, draft)
    summary = pack_summary(banks, draft, document_id, fingerprint, content.assessment)
    files = attachments(banks, draft, draft_path, summary)
    say("Writing the report")
    report: BuiltReport = build_report(
        PackInputs(
            banks=banks,
            draft=draft,
            draft_path=draft_path,
            document_id=document_id,
            created_at=created,
            signer_subject=certificate_holder(key),
            certificate_fingerprint=fingerprint,
            content=content,
        )
    )
    say("Signing")
    signed = sign_report(
        report.pdf,
        files,
        key,
        report.signature_page,
        report.signature_box,
        draft.practice.name or certificate_holder(key),
        created,
    )
    write_pack(out, signed)
    say("Done")
    return PackResult(out, document_id, len(signed), len(files), report.page_count, fingerprint)
