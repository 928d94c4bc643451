"""Start a new assessment from an earlier one: the practice's details and its answers, each to be looked at again.

A year on, most answers still hold (the policies, the roles, the set-up), so
typing them all again is wasted work; but an answer nobody looked at must not
pass as this year's. Every copied answer therefore counts as not answered
until the practice confirms it or changes any part of it. The figures of the
last 12 months (incidents, near misses) are not copied; dates and counts
beside an answer are, and the new assessment date makes an old date fail its
rule once confirmed. The computer checks, the action plan and the signature
belong to the earlier year and are left behind. Evidence files are copied
into the new draft's own folder, so each draft stays whole on its own.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from wizard.core.data_folder import data_folder
from wizard.core.draft.evidence import EvidenceError, copy_evidence, evidence_path, safe_name
from wizard.core.draft.files import free_path
from wizard.core.draft.model import Answer, Draft, EvidenceRef


@dataclass
class NextYear:
    """The new draft, and what could not come with it, in plain words."""

    draft: Draft
    carried: int = 0
    left_behind: list[str] = field(default_factory=list)


def _worth_carrying(answer: Answer) -> bool:
    return bool(answer.status or answer.note.strip() or answer.evidence or answer.provider or answer.fields)


def _copy_files(answer: Answer, earlier_path: Path, path: Path, left_behind: list[str]) -> list[EvidenceRef]:
    copied: list[EvidenceRef] = []
    for ref in answer.evidence:
        try:
            new = copy_evidence(path, evidence_path(earlier_path, ref))
        except EvidenceError as exc:
            left_behind.append(f"{ref.name}: {exc}")
            continue
        copied.append(new.model_copy(update={"name": ref.name}))
    return copied


def start_from(earlier: Draft, earlier_path: Path, path: Path, as_at: dt.date) -> NextYear:
    """A new draft for ``path`` from ``earlier``, dated ``as_at``; nothing is written but evidence copies."""
    draft = Draft(
        as_at=as_at,
        practice=earlier.practice.model_copy(),
        frameworks=list(earlier.frameworks),
        banks={fid: record.model_copy() for fid, record in earlier.banks.items()},
        earlier_answers=[e.model_copy(deep=True) for e in earlier.earlier_answers],
    )
    result = NextYear(draft)
    for item_id, answer in earlier.answers.items():
        if not _worth_carrying(answer):
            continue
        evidence = _copy_files(answer, earlier_path, path, result.left_behind)
        draft.answers[item_id] = answer.model_copy(
            update={"evidence": evidence, "carried_from": earlier.as_at}, deep=True
        )
        result.carried += 1
    return result


def next_year_path(practice_name: str, as_at: dt.date, folder: Path | None = None) -> Path:
    """A free name for the new draft in the drafts folder, e.g. "Riverside Surgery 2027-04-01.json"."""
    target = folder if folder is not None else data_folder().drafts
    target.mkdir(parents=True, exist_ok=True)
    name = safe_name(practice_name.strip()) if practice_name.strip() else "Assessment"
    stem = f"{name} {as_at.isoformat()}"
    return free_path(target, stem, ".json")
