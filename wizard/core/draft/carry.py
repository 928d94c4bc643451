"""Carry a draft's answers onto the current banks, through the answer maps.

Run whenever a draft is opened with the banks. A draft already on the current
banks is left alone. Otherwise every answer goes where its map says; anything
that cannot be carried (a question dropped from the toolkit, an answer that no
longer fits its question, a second answer for one question) is kept in
``draft.earlier_answers`` with the reason, so nothing is ever silently lost.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from wizard.core.answer_types import AnswerError
from wizard.core.bank.answer_maps import AnswerMap, BankKey, Rule
from wizard.core.bank.model import Bank
from wizard.core.bank.schema import Item
from wizard.core.draft.answers import coerce_value
from wizard.core.draft.fields import FieldError, coerce_field, read_field, write_field
from wizard.core.draft.model import Answer, BankRecord, Draft, EarlierAnswer

NO_LONGER_ASKED = "This question is no longer asked."
TAKEN = "Another earlier answer was carried to this question first."
DIFFERENT_KIND = "The question now takes a different kind of answer, so this one could not be carried across."
NO_EQUIVALENT = "This answer has no equivalent in the current question."


@dataclass
class CarryReport:
    """What happened, for a one-time message to the practice."""

    carried: int = 0
    earlier: int = 0
    summaries: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.summaries)


def _raw_text(answer: Answer) -> str:
    if answer.status == "not_sure":
        return "Not sure"
    value = answer.value
    if isinstance(value, list):
        text = ", ".join(value) or "None selected"
    elif value is None:
        text = ""
    else:
        text = str(value)
    if answer.provider is not None:
        text = f"{text} (answered by {answer.provider.name or 'our IT provider'})".strip()
    if not text and answer.evidence:
        text = ", ".join(ref.name for ref in answer.evidence)
    return text or "No answer, only a note or files"


def _has_anything(answer: Answer) -> bool:
    return bool(
        answer.status
        or answer.value is not None
        or answer.note
        or answer.evidence
        or answer.provider
        or answer.fields
    )


class _Carrier:
    def __init__(self, draft: Draft, items: dict[str, Item], report: CarryReport) -> None:
        self.draft = draft
        self.items = items
        self.report = report

    def keep_apart(self, old_id: str, rule: Rule, answer: Answer, reason: str, new_id: str | None) -> None:
        self.draft.earlier_answers.append(
            EarlierAnswer(
                old_id=old_id,
                old_ref=rule.ref,
                text=_raw_text(answer),
                reason=reason,
                new_id=new_id,
                answer=answer,
                action=self.draft.action_plan.pop(old_id, None),
            )
        )
        self.report.earlier += 1

    def _merge_extras(self, target: str, answer: Answer) -> None:
        """Note, files and who answered go with the answer to its new question."""
        current = self.draft.answer(target)
        note = " / ".join(part for part in (current.note, answer.note) if part)
        updates: dict[str, Any] = {"note": note, "evidence": [*current.evidence, *answer.evidence]}
        if current.provider is None and answer.provider is not None:
            updates["provider"] = answer.provider
        if answer.carried_from is not None:  # copied and not looked at: still not, at its new place
            updates["carried_from"] = answer.carried_from
        self.draft.answers[target] = current.model_copy(update=updates)

    def move_action(self, old_id: str, target: str) -> None:
        edit = self.draft.action_plan.pop(old_id, None)
        if edit is not None and target not in self.draft.action_plan:
            self.draft.action_plan[target] = edit

    def _translated(self, rule: Rule, value: Any) -> tuple[bool, Any]:
        if rule.values is None:
            return True, value
        key = str(value) if not isinstance(value, list) else None
        if key is None or key not in rule.values:
            return False, None
        return True, rule.values[key]

    def carry(self, old_id: str, rule: Rule, answer: Answer) -> None:
        if rule.dropped is not None:
            self.keep_apart(old_id, rule, answer, rule.dropped, rule.see)
            return
        if rule.fact is not None:
            self._to_fact(old_id, rule, answer)
            return
        target = rule.to
        assert target is not None  # the map's own validation
        item = self.items[target]
        if rule.field is not None:
            self._to_field(old_id, rule, answer, item)
            return
        self._merge_extras(target, answer)
        self.move_action(old_id, target)
        if answer.status is None:
            self.report.carried += 1
            return
        if rule.value == "earlier":
            self.keep_apart(old_id, rule, answer, rule.reason or DIFFERENT_KIND, target)
            return
        current = self.draft.answer(target)
        if current.status is not None or (
            current.provider is not None and current.provider != answer.provider
        ):
            self.keep_apart(old_id, rule, answer, TAKEN, target)
            return
        if answer.status == "not_sure":
            self.draft.answers[target] = current.model_copy(update={"status": "not_sure"})
            self.report.carried += 1
            return
        ok, value = self._translated(rule, answer.value)
        if not ok:
            self.keep_apart(old_id, rule, answer, rule.reason or NO_EQUIVALENT, target)
            return
        try:
            if item.type in ("text", "evidence") and value in ("yes", "no"):
                raise AnswerError("a yes or no is not a statement")
            stored = coerce_value(item, value)
        except AnswerError:
            self.keep_apart(old_id, rule, answer, rule.reason or DIFFERENT_KIND, target)
            return
        self.draft.answers[target] = current.model_copy(update={"value": stored, "status": "answered"})
        self.report.carried += 1

    def _to_field(self, old_id: str, rule: Rule, answer: Answer, item: Item) -> None:
        spec = item.field(rule.field or "")
        assert spec is not None  # the map's own validation
        ok, value = self._translated(rule, answer.value)
        self._merge_extras(item.id, answer)
        if answer.status == "not_sure" and self.draft.answer(item.id).status is None:
            self.draft.answers[item.id] = self.draft.answer(item.id).model_copy(update={"status": "not_sure"})
            self.report.carried += 1
            return
        try:
            if not ok or answer.status != "answered" or read_field(self.draft, item, spec) is not None:
                raise FieldError("not carried")
            coerce_field(spec, value)
        except FieldError:
            if answer.status is not None:
                self.keep_apart(old_id, rule, answer, rule.reason or DIFFERENT_KIND, item.id)
            return
        write_field(self.draft, item, spec, value)
        if answer.carried_from is not None:  # writing the field is the program's doing, not a confirmation
            confirmed = self.draft.answer(item.id)
            self.draft.answers[item.id] = confirmed.model_copy(update={"carried_from": answer.carried_from})
        self.report.carried += 1

    def _to_fact(self, old_id: str, rule: Rule, answer: Answer) -> None:
        name = (rule.fact or "").removeprefix("practice.")
        if rule.to is not None:
            self._merge_extras(rule.to, answer)
            self.move_action(old_id, rule.to)
        if answer.status != "answered" or answer.value is None:
            return
        current = getattr(self.draft.practice, name)
        value: Any = answer.value
        if isinstance(current, str):
            value = str(value).strip()
        if current in ("", None, value):
            self.draft.practice = self.draft.practice.model_copy(update={name: value})
            self.report.carried += 1
            return
        reason = (
            f"It differs from the practice details, which say “{current}”; the practice details were kept."
        )
        self.keep_apart(old_id, rule, answer, reason, rule.to)


def _chain(maps: list[AnswerMap], framework: str, start: BankRecord, goal: BankKey) -> list[AnswerMap] | None:
    chain: list[AnswerMap] = []
    here = BankKey(version=start.version, revision=start.revision)
    for _ in range(len(maps) + 1):
        if here == goal:
            return chain
        step = next((m for m in maps if m.framework == framework and m.from_ == here), None)
        if step is None:
            return None
        chain.append(step)
        here = step.to
    return None


def carry_answers(draft: Draft, banks: list[Bank], maps: list[AnswerMap]) -> CarryReport:
    """Bring the draft onto the given banks, in place; say what happened."""
    report = CarryReport()
    items = {item.id: item for bank in banks for item in bank.items()}
    carrier = _Carrier(draft, items, report)
    for bank in banks:
        framework = bank.framework
        goal = BankKey(version=framework.version, revision=framework.revision)
        record = draft.banks.get(framework.id)
        if record is not None and BankKey(version=record.version, revision=record.revision) != goal:
            chain = _chain(maps, framework.id, record, goal)
            for step in chain or []:
                for old_id, rule in step.answers.items():
                    answer = draft.answers.pop(old_id, None)
                    if answer is not None and _has_anything(answer):
                        carrier.carry(old_id, rule, answer)
                    elif rule.to is not None:
                        carrier.move_action(old_id, rule.to)
                report.summaries.append(step.summary)
            if chain is None:
                report.summaries.append(
                    f"These answers were given against {framework.short_name} {record.version} "
                    f"(revision {record.revision}), which this version cannot map; answers to questions "
                    "it no longer asks are kept as earlier answers."
                )
        draft.banks[framework.id] = BankRecord(version=framework.version, revision=framework.revision)
    for bank in banks:
        _add_framework(draft, bank, report)
    if report.changed:
        for old_id in [key for key in draft.answers if key not in items]:
            carrier.keep_apart(
                old_id, Rule(dropped=NO_LONGER_ASKED), draft.answers.pop(old_id), NO_LONGER_ASKED, None
            )
    return report


def _add_framework(draft: Draft, bank: Bank, report: CarryReport) -> None:
    """Answers carried into a framework the draft did not include bring it in, so they show."""
    if not report.changed or not draft.frameworks or bank.framework.id in draft.frameworks:
        return
    if any(item.id in draft.answers for item in bank.items()):
        draft.frameworks.append(bank.framework.id)
