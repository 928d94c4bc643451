"""What a pack says, read from the signed revision and believed only once it adds up.

In order: the attachments (plain names, each given once); ``summary.json``
and ``answers.json``; the summary worked out again from the answers; the
report's cover and summary page compared with it; and the practice named in
all of them compared with the one the signing certificate belongs to.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from cryptography import x509
from pyhanko.pdf_utils.reader import PdfFileReader

from wizard.core.bank.model import Bank
from wizard.core.draft.model import Draft, DraftFormatError, draft_from_bytes
from wizard.pack.attachments import ANSWERS, SUMMARY
from wizard.pack.identity.cert import ods_code_of
from wizard.pack.pack_files import PackFilesError, read_pack_files
from wizard.pack.page_text import PageTextError
from wizard.pack.practice_check import document_id_ods, practice_problem
from wizard.pack.report_check import ReportFacts, read_report, report_problems
from wizard.pack.summary_check import SummaryMismatchError, confirmed_summary
from wizard.pack.verdict import Verdict


class _UnreadableError(ValueError):
    """A part of the pack cannot be read; the message says which, plainly."""


def _summary(raw: bytes | None) -> dict[str, Any]:
    if raw is None:
        raise _UnreadableError("The pack carries no summary.json.")
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):  # damaged or nested past any summary's depth
        raise _UnreadableError("The embedded summary could not be read: the file is damaged.") from None
    if not isinstance(data, dict):
        raise _UnreadableError("The embedded summary is not what a pack holds.")
    return data


def _answers(raw: bytes | None) -> Draft:
    if raw is None:
        raise _UnreadableError("The pack carries no answers.json, so its summary cannot be checked.")
    try:
        return draft_from_bytes(raw)
    except DraftFormatError as exc:
        raise _UnreadableError(f"The answers in the pack (answers.json) cannot be read: {exc}.") from None


def _claims(summary: dict[str, Any], draft: Draft, facts: ReportFacts | None) -> list[tuple[str, str]]:
    """Every place the pack names its practice's ODS code."""
    claims = [
        ("summary.json", str(summary.get("ods_code", ""))),
        ("answers.json", draft.practice.ods_code),
        ("its document ID", document_id_ods(str(summary.get("document_id", "")))),
    ]
    return claims + [("the report", code) for code in (facts.ods_codes if facts else [])]


def check_contents(
    reader: PdfFileReader,
    verdict: Verdict,
    cert: x509.Certificate,
    banks: list[Bank],
    signed_at: dt.datetime | None,
) -> None:
    """Add to ``verdict`` every way the pack's contents do not add up; set its confirmed summary.

    ``reader`` holds only the bytes the signature covers; its last revision is the signed one.
    """
    revision = reader.xrefs.total_revisions - 1
    try:
        files = read_pack_files(reader, revision)
        summary = _summary(files.data(SUMMARY))
        draft = _answers(files.data(ANSWERS))
    except (PackFilesError, _UnreadableError) as exc:
        verdict.problems.append(str(exc))
        return
    try:
        facts: ReportFacts | None = read_report(reader.get_historical_resolver(revision))
    except PageTextError as exc:
        verdict.problems.append(str(exc))
        facts = None
    try:
        verdict.summary = confirmed_summary(summary, draft, banks, verdict.fingerprint)
        verdict.draft = draft
    except SummaryMismatchError as exc:
        verdict.problems.append(str(exc))
    if verdict.summary and facts is not None:
        verdict.problems += report_problems(facts, verdict.summary)
    problem = practice_problem(ods_code_of(cert), _claims(summary, draft, facts))
    if problem:
        verdict.problems.append(problem)
