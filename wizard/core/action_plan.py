"""The action plan: one entry for each question that needs something done.

An entry is a question answered so that it is not met, marked "not sure", left
incomplete, or waiting for the IT provider's answer, or a computer check that
failed on one or more of the practice's computers. Questions not answered at
all are not actions yet: they are counted per section (``unanswered_by_section``).

Order: automatic fails first, then what DSPT needs for Approaching Standards
and what Cyber Essentials needs, then what Standards Met needs, then the rest
(good practice last). The practice's edits (owner, due date, own wording, done)
are kept in the draft by item id, so they survive re-scoring.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from wizard.core.bank.model import Bank
from wizard.core.bank.schema import Item
from wizard.core.check_results import CheckResult
from wizard.core.describe import STATE_WORDS, answer_text, expected_text, plural
from wizard.core.draft.model import ActionEdit, Draft
from wizard.core.estate import device_reports
from wizard.core.item_state import SATISFIED, UNANSWERED, ItemState
from wizard.core.scoring import Assessment, ItemResult, SectionResult

PRIORITY_LABELS = {1: "Critical", 2: "High", 3: "Medium", 4: "Low"}


@dataclass(frozen=True)
class ActionEntry:
    item_id: str
    ref: str
    framework: str  # short name, e.g. "DSPT"
    section: str
    question: str
    state: ItemState
    priority: int
    reason: str
    action: str
    owner: str
    due: dt.date | None
    done: bool

    @property
    def priority_label(self) -> str:
        return PRIORITY_LABELS[self.priority]


@dataclass(frozen=True)
class SectionGap:
    """Questions of one section not answered yet: one line of the plan, not one per question."""

    framework: str
    section: str
    count: int
    mandatory: int  # of those, how many a status or the Cyber Essentials estimate depends on
    copied: int = 0  # of those, how many hold an answer copied from an earlier assessment, to confirm

    @property
    def words(self) -> str:
        """'DSPT 1 Personal confidential data: 13 questions not answered yet (12 copied, to confirm)'."""
        copied = f" ({self.copied} copied from the last assessment, to confirm)" if self.copied else ""
        return f"{self.framework} {self.section}: {plural(self.count, 'question')} not answered yet{copied}"


def priority(item: Item, scoring: str) -> int:
    if item.auto_fail:
        return 1
    if scoring == "good_practice":
        return 4
    if scoring == "cyber_essentials" or item.required_for == "approaching":
        return 2
    if item.required_for == "met":
        return 3
    return 4


def _reason(bank: Bank, draft: Draft, result: ItemResult) -> str:
    item = result.item
    evaluation = result.evaluation
    if result.state == "not_met":
        given = answer_text(item, draft.answer(item.id), evaluation)
        problems = "; ".join(evaluation.problems)
        if problems:
            return f"Answered: {given}. {problems[0].upper()}{problems[1:]}."
        return f"Answered: {given}. Needed: {expected_text(bank, item)}."
    words = STATE_WORDS[result.state]
    details = "; ".join(evaluation.problems)
    return f"{words}: {details}." if details else f"{words}."


def _scored(assessment: Assessment) -> list[tuple[Bank, tuple[SectionResult, ...]]]:
    scored: list[tuple[Bank, tuple[SectionResult, ...]]] = [(r.bank, r.standards) for r in assessment.dspt]
    scored += [(r.bank, r.sections) for r in assessment.ce]
    scored += [(r.bank, r.sections) for r in assessment.good_practice]
    return scored


def build_action_plan(assessment: Assessment, draft: Draft) -> list[ActionEntry]:
    entries: list[tuple[int, int, ActionEntry]] = []
    order = 0
    for bank, sections in _scored(assessment):
        for section in sections:
            for result in section.items:
                order += 1
                if result.state in SATISFIED or result.state in UNANSWERED:
                    continue
                item = result.item
                edit = draft.action_plan.get(item.id) or ActionEdit()
                entry = ActionEntry(
                    item_id=item.id,
                    ref=item.ref,
                    framework=bank.framework.short_name,
                    section=f"{section.section.ref} {section.section.title}",
                    question=item.question,
                    state=result.state,
                    priority=priority(item, bank.framework.scoring),
                    reason=_reason(bank, draft, result),
                    action=edit.action or item.remediation,
                    owner=edit.owner,
                    due=edit.due,
                    done=edit.done,
                )
                entries.append((entry.priority, order, entry))
    for entry in device_actions(draft):
        order += 1
        entries.append((entry.priority, order, entry))
    return [entry for _, _, entry in sorted(entries, key=lambda e: (e[0], e[1]))]


def device_actions(draft: Draft) -> list[ActionEntry]:
    """One action per check that failed on any computer, naming each computer and what was found."""
    failed: dict[str, list[tuple[str, CheckResult]]] = {}
    for report in device_reports(draft):
        for result in report.results:
            if result.status == "fail":
                failed.setdefault(result.check_id, []).append((report.device.hostname, result))
    entries: list[ActionEntry] = []
    for check_id, found in failed.items():
        first = found[0][1]
        key = f"check:{check_id}"
        edit = draft.action_plan.get(key) or ActionEdit()
        where = "; ".join(f"{host}: {result.finding}" for host, result in found)
        entries.append(
            ActionEntry(
                item_id=key,
                ref=", ".join(first.refs[:2]) or "Computer check",
                framework="Computer checks",
                section="Computer checks",
                question=f"{first.title} (failed on {plural(len(found), 'computer')})",
                state="not_met",
                priority=2,
                reason=where,
                action=edit.action or first.remediation,
                owner=edit.owner,
                due=edit.due,
                done=edit.done,
            )
        )
    return entries


def unanswered_by_section(assessment: Assessment) -> list[SectionGap]:
    """Sections with questions still to answer, in bank order."""
    gaps: list[SectionGap] = []
    for bank, sections in _scored(assessment):
        scoring = bank.framework.scoring
        for section in sections:
            waiting = [r for r in section.shown() if r.state == "unanswered"]
            if not waiting:
                continue
            mandatory = sum(
                1
                for r in waiting
                if (scoring == "dspt" and r.item.required_for)
                or (scoring == "cyber_essentials" and r.item.meets is not None)
            )
            name = f"{section.section.ref} {section.section.title}"
            copied = sum(1 for r in waiting if r.evaluation.copied_from is not None)
            gaps.append(SectionGap(bank.framework.short_name, name, len(waiting), mandatory, copied))
    return gaps


def edit_action(
    draft: Draft,
    item_id: str,
    *,
    owner: str | None = None,
    due: dt.date | None = None,
    action: str | None = None,
    done: bool | None = None,
) -> ActionEdit:
    """Change an entry's owner, due date, wording or done flag in the draft."""
    current = draft.action_plan.get(item_id) or ActionEdit()
    changes: dict[str, object] = {}
    if owner is not None:
        changes["owner"] = owner.strip()
    if due is not None:
        changes["due"] = due
    if action is not None:
        changes["action"] = action.strip() or None
    if done is not None:
        changes["done"] = done
    updated = current.model_copy(update=changes)
    draft.action_plan[item_id] = updated
    return updated
