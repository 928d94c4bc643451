"""Does the report's cover and summary page say what the pack's data says?

A commissioner may read only the report, so it must agree with the summary
the verifier confirmed: the practice's ODS code and the document id on the
cover; each overall DSPT status, each Cyber Essentials estimate and the
answered percentage on the summary page; the certificate fingerprint and the
banks' hashes in the technical details on the last page. The pages are read back as text (see ``page_text``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from pyhanko.pdf_utils.rw_common import PdfHandler

from wizard.pack.page_text import PageTextError, last_page, leading_pages, page_words
from wizard.pack.report.technical import TECHNICAL_HEADING

_ODS = re.compile(r"ODS code ([A-Za-z0-9]+)")
_DOCUMENT_ID = re.compile(r"GPCW-[A-Z0-9]+-\d{8}-[0-9A-F]{4}")
_ESTIMATE = r"\s+\(the\s+practice's\s+own\s+estimate\)"
_OVERALL = re.compile(r"^Overall: (.+?)" + _ESTIMATE, re.MULTILINE)
_VERDICT = re.compile(
    r"^(Not started|Would fail automatically|Likely not compliant|Incomplete|Likely to pass)" + _ESTIMATE,
    re.MULTILINE,
)
_PERCENT = re.compile(r"are\s+answered\s+\((\d+)%\)")
_SUMMARY_START = re.compile(r"^Summary\nThis is the practice's own assessment", re.MULTILINE)
_ANSWERS_START = re.compile(r"^Answers\nEvery question", re.MULTILINE)
LEADING_PAGES = 40  # the cover and the summary section, however long the practice's details


@dataclass(frozen=True)
class ReportFacts:
    """What the first pages of the report show."""

    ods_codes: list[str]
    document_ids: list[str]
    technical: str  # the last page's text without any white space, to find long values that wrap
    overall: list[str]
    verdicts: list[str]
    percent: list[int]


def read_report(handler: PdfHandler) -> ReportFacts:
    """The facts on the cover, the summary pages and the last page; PageTextError if they cannot be read.

    The cover runs up to the summary's heading, the summary up to the answers'
    (whose notes could say anything, so they are never read); the last page is
    the technical details.
    """
    text = ""
    for page in leading_pages(handler, LEADING_PAGES):
        text += page_words(page) + "\n"
        if _ANSWERS_START.search(text):
            break
    summary, answers = _SUMMARY_START.search(text), _ANSWERS_START.search(text)
    if summary is None or answers is None or answers.start() < summary.start():
        raise PageTextError("The report's pages are not laid out as a pack's: its summary cannot be found.")
    cover, rest = text[: summary.start()], text[summary.start() : answers.start()]
    technical = page_words(last_page(handler))
    if not re.search(f"^{TECHNICAL_HEADING}\nFor the ICB's reviewer", technical, re.MULTILINE):
        raise PageTextError(
            "The report's pages are not laid out as a pack's: its technical details are missing."
        )
    return ReportFacts(
        ods_codes=_ODS.findall(cover),
        document_ids=_DOCUMENT_ID.findall(cover),
        technical="".join(technical.split()),
        overall=[" ".join(s.split()) for s in _OVERALL.findall(rest)],
        verdicts=_VERDICT.findall(rest),
        percent=[int(p) for p in _PERCENT.findall(rest)],
    )


def _listed(summary: dict[str, Any], part: str, key: str) -> list[Any]:
    return [entry.get(key) for entry in summary.get(part, []) if isinstance(entry, dict)]


def report_problems(facts: ReportFacts, summary: dict[str, Any]) -> list[str]:
    """Where the report's first pages disagree with ``summary`` (already confirmed), in plain words."""
    differ: list[str] = []
    if set(facts.document_ids) != {summary.get("document_id")}:
        differ.append("document ID")
    if str(summary.get("certificate_sha256", "")) not in facts.technical:
        differ.append("certificate fingerprint")
    if any(str(digest) not in facts.technical for digest in _listed(summary, "banks", "sha256")):
        differ.append("question banks")
    if facts.overall != _listed(summary, "dspt", "status"):
        differ.append("DSPT status")
    if facts.verdicts != _listed(summary, "cyber_essentials", "verdict"):
        differ.append("Cyber Essentials result")
    if facts.percent != [summary.get("answered_percent")]:
        differ.append("questions answered")
    if not differ:
        return []
    return [
        f"The report's pages do not agree with the pack's answers ({', '.join(differ)}): "
        "what it shows is not what its answers give."
    ]
