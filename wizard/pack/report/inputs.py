"""What a report is built from, and what building it gives back."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from wizard.core.bank.model import Bank
from wizard.core.draft.model import Draft
from wizard.pack.content import PackContent


@dataclass(frozen=True)
class PackInputs:
    banks: list[Bank]  # all loaded banks; only those the draft includes are reported
    draft: Draft
    draft_path: Path  # evidence files live in wizard.core.draft.evidence.evidence_dir(draft_path)
    document_id: str
    created_at: dt.datetime  # aware
    signer_subject: str
    certificate_fingerprint: str  # SHA-256 hex pairs with ':'
    period: str = ""  # default: from the DSPT bank version, e.g. "DSPT 2025-26"
    content: PackContent | None = None  # worked out once per pack (build_report fills it in)


@dataclass(frozen=True)
class BuiltReport:
    pdf: bytes
    page_count: int
    signature_page: int  # 0-based index of the declaration page
    signature_box: tuple[float, float, float, float]  # x1, y1, x2, y2 in points, origin bottom-left
