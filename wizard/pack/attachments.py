"""What the pack carries inside it: the answers, a summary, evidence and check results.

``answers.json`` is the whole draft (schema-versioned), so a commissioner's
tools can read every answer; ``summary.json`` is what the verifier prints per
pack, and the verifier works it out again from ``answers.json``. Both are
scored as of one day (the draft's assessment date, else the day the pack is
made), written in the summary, so the same answers give the same summary on
any later day. Every evidence file is re-hashed here and refused if it no
longer matches the hash recorded when it was added. Attachment names are
plain file names (no folders), so saving them anywhere stays where it was put.
"""

from __future__ import annotations

import hashlib
import json
import mimetypes
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wizard.core.bank.model import Bank
from wizard.core.data_folder import evidence_dir
from wizard.core.draft.evidence import MAX_NAME, EvidenceError, read_evidence, safe_name
from wizard.core.draft.model import Draft, draft_to_bytes
from wizard.core.estate import device_reports
from wizard.core.scoring import ESTIMATE_WORDS, Assessment, included_banks, score

ANSWERS = "answers.json"
SUMMARY = "summary.json"


class PackInputError(ValueError):
    """Something the pack needs is missing or changed; the message says what, plainly."""


@dataclass(frozen=True)
class Attachment:
    name: str  # unique name inside the PDF
    data: bytes
    description: str
    mime_type: str


def pack_summary(
    banks: list[Bank], draft: Draft, document_id: str, fingerprint: str, result: Assessment | None = None
) -> dict[str, Any]:
    """What verify prints per pack; ``result`` is the draft's score when already worked out."""
    result = result or score(banks, draft)
    return {
        "schema": "gp-cyber-wizard/pack-summary",
        "schema_version": 2,
        "document_id": document_id,
        "practice": draft.practice.name,
        "ods_code": draft.practice.ods_code,
        "as_at": draft.as_at.isoformat(),
        "estimate": ESTIMATE_WORDS,
        "dspt": [
            {
                "framework": r.bank.framework.id,
                "version": r.bank.framework.version,
                "status": r.overall,
                "standards": {s.section.ref: s.status for s in r.standards},
            }
            for r in result.dspt
        ],
        "cyber_essentials": [
            {
                "framework": r.bank.framework.id,
                "version": r.bank.framework.version,
                "verdict": r.verdict,
                "ready": r.ready,
                "auto_fails": [f.item.ref for f in r.auto_fails],
                "likely_not_compliant": [f.item.ref for f in r.not_compliant],
            }
            for r in result.ce
        ],
        "good_practice": [
            {"framework": r.bank.framework.id, "not_met": [f.item.ref for f in r.findings]}
            for r in result.good_practice
        ],
        "banks": [
            {"id": b.framework.id, "version": b.framework.version, "sha256": b.sha256}
            for b in included_banks(banks, draft)
        ],
        "certificate_sha256": fingerprint,
        "answered_percent": result.percent_complete,
    }


def _plain_unique(name: str, used: set[str]) -> str:
    """``name`` made a plain file name (safe characters, at most 255 long) not already in ``used``."""
    stem, dot, suffix = safe_name(name).rpartition(".")
    if not dot:
        stem, suffix = safe_name(name), ""
    end = f".{suffix}" if suffix else ""
    candidate, counter = f"{stem[: MAX_NAME - 30]}{end}", 2
    while candidate in used:
        candidate = f"{stem[: MAX_NAME - 30]} ({counter}){end}"
        counter += 1
    used.add(candidate)
    return candidate


def _evidence(draft: Draft, draft_path: Path, used: set[str]) -> list[Attachment]:
    folder = evidence_dir(draft_path)
    found: list[Attachment] = []
    for item_id, answer in sorted(draft.answers.items()):
        for ref in answer.evidence:
            try:
                data = read_evidence(draft_path, ref)
            except EvidenceError as exc:
                raise PackInputError(str(exc)) from exc
            except OSError as exc:
                raise PackInputError(
                    f"The evidence file “{ref.name}” (question {item_id}) is missing from {folder} or "
                    f"cannot be read: {exc.strerror or exc}. Attach it again or remove it, then build the pack."
                ) from exc
            if hashlib.sha256(data).hexdigest() != ref.sha256:
                raise PackInputError(
                    f"The evidence file “{ref.name}” (question {item_id}) has changed since it was added, "
                    "so its recorded SHA-256 no longer matches. Attach it again to record the new version."
                )
            name = _plain_unique(f"evidence-{ref.stored_as}", used)
            kind = mimetypes.guess_type(ref.name)[0] or "application/octet-stream"
            found.append(
                Attachment(name, data, f"Evidence for {item_id}: {ref.name} (SHA-256 {ref.sha256})", kind)
            )
    return found


def _answers(draft: Draft) -> bytes:
    """The whole draft as JSON; a hand-edited draft nested too deep to write is refused plainly."""
    try:
        return draft_to_bytes(draft)
    except (ValueError, RecursionError) as exc:  # pydantic's "maximum serialization depth exceeded"
        raise PackInputError(
            "The draft holds data nested far too deeply to be written into the pack: it looks damaged or "
            "edited by hand. Open one of its backups instead and build the pack from that."
        ) from exc


def attachments(
    banks: list[Bank], draft: Draft, draft_path: Path, summary: dict[str, Any]
) -> list[Attachment]:
    files = [
        Attachment(
            ANSWERS,
            _answers(draft),
            "Every answer, note and evidence reference (JSON)",
            "application/json",
        ),
        Attachment(
            SUMMARY,
            json.dumps(summary, indent=1).encode(),
            "Summary of the statuses (JSON)",
            "application/json",
        ),
    ]
    used = {ANSWERS, SUMMARY}
    files += _evidence(draft, draft_path, used)
    for report in device_reports(draft):
        data = json.dumps(report.model_dump(mode="json", by_alias=True), indent=1).encode()
        name = _plain_unique(f"checks-{report.device.hostname}-{report.device.machine_id}.json", used)
        files.append(
            Attachment(name, data, f"Computer checks of {report.device.hostname}", "application/json")
        )
    return files
