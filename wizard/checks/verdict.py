"""What an evaluator returns, and small helpers every evaluator uses."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from wizard.checks.facts import Fact, Snapshot
from wizard.core.check_results import CheckStatus

_FROM_FACT = object()


@dataclass(frozen=True)
class Verdict:
    status: CheckStatus
    finding: str
    evidence: Fact | None = None  # the fact the judgement rests on
    raw: Any = _FROM_FACT  # the value to show, when narrower than the whole fact
    remediation: str | None = None  # when the catalogue's general advice is not enough

    def shown_raw(self) -> Any:
        if self.raw is not _FROM_FACT:
            return self.raw
        return self.evidence.raw if self.evidence is not None else None


Evaluator = Callable[[Snapshot], Verdict]


def unable(fact: Fact, what: str) -> Verdict:
    """The value could not be read: say so, with the reason, and judge nothing."""
    return Verdict("unable", f"Could not read {what}: {fact.error}.", fact, raw=None)


def missing(*facts: Fact) -> Fact | None:
    """The first fact that failed to read, if any."""
    return next((f for f in facts if not f.ok), None)
