"""What the verifier found about one pack: the signature's facts, the summary, and every problem."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography import x509

from wizard.core.draft.model import Draft


@dataclass
class Verdict:
    path: Path
    intact: bool = False
    valid: bool = False
    trusted: bool = False
    whole_file: bool = False
    changed_after_signing: bool = True
    signer: str = ""
    fingerprint: str = ""
    signed_at: str = ""
    summary: dict[str, Any] = field(default_factory=dict)  # only once confirmed from the pack's answers
    problems: list[str] = field(default_factory=list)
    # The signing certificate, for checks against a trust folder; the answers, once the summary is confirmed.
    certificate: x509.Certificate | None = field(default=None, repr=False, compare=False)
    draft: Draft | None = field(default=None, repr=False, compare=False)

    @property
    def ok(self) -> bool:
        return (
            self.intact
            and self.valid
            and self.trusted
            and self.whole_file
            and not self.changed_after_signing
            and not self.problems
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "file": str(self.path),
            "ok": self.ok,
            "intact": self.intact,
            "valid": self.valid,
            "trusted": self.trusted,
            "whole_file_covered": self.whole_file,
            "changed_after_signing": self.changed_after_signing,
            "signer": self.signer,
            "certificate_sha256": self.fingerprint,
            "signed_at": self.signed_at,
            "summary": self.summary,
            "problems": self.problems,
        }
