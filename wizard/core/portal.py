"""The portal sheet: every toolkit item in toolkit order, answered the way the toolkit takes it.

The practice copies this into the online toolkit item by item, so each row
says exactly what to do there: tick or leave unticked, the text to paste, or
the document to upload, with the comment to add.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

from wizard.core.bank.model import Bank
from wizard.core.bank.schema import Item
from wizard.core.data_folder import in_kept_folder
from wizard.core.dates import day_text
from wizard.core.describe import STATE_WORDS, provider_text
from wizard.core.draft.fields import field_shown, field_text, read_field
from wizard.core.draft.model import Draft
from wizard.core.item_state import Evaluation, evaluate

READY_STATES = frozenset({"met", "not_met", "not_applicable"})
CSV_COLUMNS = ("ref", "form", "mandatory", "toolkit answer", "comment", "status", "question")
# The sheet's headings on screen and in the pack; the second cell gives the form, then the level it is mandatory for.
SHEET_COLUMNS = ("Ref", "Form, mandatory for", "In the toolkit", "Comment", "Status")


@dataclass(frozen=True)
class PortalRow:
    ref: str
    form: str  # tick, text or document
    mandatory: str  # "Approaching and Met", "Met" or ""
    answer: str  # what to do in the toolkit
    comment: str
    status: str  # our own state words: Met, Not met, Not answered yet...
    question: str

    def as_csv_row(self) -> list[str]:
        return [self.ref, self.form, self.mandatory, self.answer, self.comment, self.status, self.question]


def _ref_key(ref: str) -> tuple[int, ...]:
    return tuple(int(part) if part.isdigit() else 0 for part in ref.split("."))


def _mandatory(item: Item) -> str:
    return {"approaching": "Approaching and Met", "met": "Met"}.get(item.required_for or "", "")


def field_lines(draft: Draft, item: Item, own: object) -> list[str]:
    lines: list[str] = []
    for spec in item.fields:
        if not field_shown(spec, own):
            continue
        value = read_field(draft, item, spec)
        if value is None:
            continue
        text = field_text(spec, value)
        if spec.type == "date":
            text = day_text(dt.date.fromisoformat(str(value)))
        lines.append(f"{spec.label}: {text}")
    return lines


def _answer(bank: Bank, draft: Draft, item: Item, evaluation: Evaluation, fields: list[str]) -> str:
    state = evaluation.state
    if state == "hidden":
        shown_by = bank.item(item.show_if.item) if item.show_if else None
        return (
            f"Not applicable (not asked because of the answer to {shown_by.ref})"
            if shown_by
            else "Not applicable"
        )
    if state == "not_applicable" and item.not_applicable_if is not None:
        return "Tick" if item.form == "tick" else item.not_applicable_if.says
    if state not in READY_STATES:
        return f"Not ready: {STATE_WORDS[state].lower()}"
    if item.form == "tick":
        return "Tick" if evaluation.value == "yes" else "Leave unticked"
    answer = draft.answer(item.id)
    text = str(evaluation.value or "").strip()
    if item.form == "document":
        parts = [f"Upload: {', '.join(ref.name for ref in answer.evidence)}"] if answer.evidence else []
        if text:
            parts.append(f"Statement: {text}")
        return "\n".join(parts)
    return "\n".join([*fields, text] if fields else [text])


def _comment(draft: Draft, item: Item, evaluation: Evaluation, fields: list[str]) -> str:
    answer = draft.answer(item.id)
    parts: list[str] = []
    if evaluation.state == "not_applicable" and item.not_applicable_if is not None and item.form == "tick":
        parts.append(item.not_applicable_if.says)
    if item.form != "text" and fields and evaluation.state != "not_applicable":
        parts.append("; ".join(fields))
    if evaluation.percent is not None:
        parts.append(f"Worked out: {evaluation.percent:g}%")
    if answer.provider is not None and evaluation.value is not None:
        parts.append(f"Answer given by the IT provider: {provider_text(answer.provider)}")
    if answer.note.strip():
        parts.append(answer.note.strip())
    return "\n".join(parts)


def portal_sheet(bank: Bank, draft: Draft) -> list[PortalRow]:
    """One row per toolkit item, in toolkit order."""
    items = sorted(bank.items(), key=lambda item: _ref_key(item.ref))
    rows: list[PortalRow] = []
    for item in items:
        evaluation = evaluate(bank, draft, item, draft.as_at)
        fields = field_lines(draft, item, evaluation.value)
        rows.append(
            PortalRow(
                ref=item.ref,
                form=item.toolkit_form,
                mandatory=_mandatory(item),
                answer=_answer(bank, draft, item, evaluation, fields),
                comment=_comment(draft, item, evaluation, fields),
                status=STATE_WORDS[evaluation.state],
                question=item.question,
            )
        )
    return rows


def portal_csv(rows: list[PortalRow]) -> str:
    """The sheet as CSV; cells that a spreadsheet would run as a formula are made plain text."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        writer.writerow([_plain_cell(cell) for cell in row.as_csv_row()])
    return buffer.getvalue()


def _plain_cell(text: str) -> str:
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


class SheetTargetError(ValueError):
    """The place chosen for the sheet's CSV could destroy something; the message says why, plainly."""


def sheet_target(chosen: Path, draft_path: Path) -> Path:
    """Where the sheet's CSV goes: a name ending in .csv, outside the evidence and signing-key folders.

    A name typed without ".csv" gets it, so the file opens in a spreadsheet and a
    draft (.json) or a pack (.pdf) chosen by mistake is never written over.
    """
    target = chosen if chosen.suffix.lower() == ".csv" else chosen.with_name(chosen.name + ".csv")
    where = target.resolve()
    if in_kept_folder(where, draft_path):
        raise SheetTargetError(
            f"{target.parent} holds the draft's evidence or the signing key; save the sheet somewhere else."
        )
    if where.exists() and not where.is_file():
        raise SheetTargetError(f"{target} is a folder or a device, not a file; choose another name.")
    return target
