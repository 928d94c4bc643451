"""What the pack carries inside it: the answers, a summary, evidence and check results.

``answers.json`` is the whole draft (schema-versioned), so a commissioner's
tools can read every answer; ``summary.json`` is what the verifier prints per
pack. Every evidence file is re-hashed here and refused if it no longer
matches the hash recorded when it was added.
"""

from __future__ import annotations

import hashlib
import json
import mimetypes
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wizard.core.bank import Bank
from wizard.core.draft import Draft, draft_to_bytes
from wizard.core.estate import device_reports
from wizard.core.evidence import evidence_dir
from wizard.core.scoring import ESTIMATE_WORDS, included_banks, score

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


def pack_summary(banks: list[Bank], draft: Draft, document_id: str, fingerprint: str) -> dict[str, Any]:
    result = score(banks, draft)
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


def _evidence(draft: Draft, draft_path: Path) -> list[Attachment]:
    folder = evidence_dir(draft_path)
    found: list[Attachment] = []
    used: set[str] = set()
    for item_id, answer in sorted(draft.answers.items()):
        for ref in answer.evidence:
            path = folder / ref.stored_as
            try:
                data = path.read_bytes()
            except OSError as exc:
                raise PackInputError(
                    f"The evidence file “{ref.name}” (question {item_id}) is missing from {folder}: "
                    f"{exc.strerror or exc}. Attach it again or remove it, then build the pack."
                ) from exc
            if hashlib.sha256(data).hexdigest() != ref.sha256:
                raise PackInputError(
                    f"The evidence file “{ref.name}” (question {item_id}) has changed since it was added, "
                    "so its recorded SHA-256 no longer matches. Attach it again to record the new version."
                )
            name = f"evidence/{ref.stored_as}"
            if name in used:
                name = f"evidence/{ref.sha256[:8]}-{ref.stored_as}"
            used.add(name)
            kind = mimetypes.guess_type(ref.name)[0] or "application/octet-stream"
            found.append(
                Attachment(name, data, f"Evidence for {item_id}: {ref.name} (SHA-256 {ref.sha256})", kind)
            )
    return found


def attachments(
    banks: list[Bank], draft: Draft, draft_path: Path, summary: dict[str, Any]
) -> list[Attachment]:
    files = [
        Attachment(
            ANSWERS,
            draft_to_bytes(draft),
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
    files += _evidence(draft, draft_path)
    for report in device_reports(draft):
        data = json.dumps(report.model_dump(mode="json", by_alias=True), indent=1).encode()
        name = f"checks/{report.device.hostname}-{report.device.machine_id}.json"
        files.append(
            Attachment(name, data, f"Computer checks of {report.device.hostname}", "application/json")
        )
    return files
