"""The open assessment: one draft, the banks, and every change the pages make.

Pages never edit the draft directly; they call the methods here, which use
the same domain functions as the CLI, tell every interested page by signal,
and schedule an automatic save.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from wizard.core import action_plan, estate, recent
from wizard.core.bank.model import Bank
from wizard.core.bank.schema import FieldSpec, Item
from wizard.core.check_results import DeviceReport
from wizard.core.draft import answers, evidence
from wizard.core.draft import files as draft_files
from wizard.core.draft.fields import write_field
from wizard.core.draft.model import AnswerStatus, Draft, EarlierAnswer, EvidenceRef, SignOff
from wizard.core.estate import Suggestion
from wizard.core.item_state import Evaluation, evaluate
from wizard.core.practice import Practice
from wizard.core.scoring import Assessment, included_banks, score
from wizard.ui.autosave import AutoSaver


class Session(QObject):
    answer_changed = Signal(str)  # item id
    practice_changed = Signal()
    facts_changed = Signal()
    renamed = Signal(
        object
    )  # the draft's new path  # a shared fact (practice detail or assessment fact) changed
    frameworks_changed = Signal()
    plan_changed = Signal()
    checks_changed = Signal()

    def __init__(self, banks: list[Bank], draft: Draft, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.banks = banks
        self.draft = draft
        self.path = path
        self.saver = AutoSaver(lambda: self.draft, lambda: self.path, self)
        self._bank_of = {item.id: bank for bank in banks for item in bank.items()}
        self._suggestions: dict[str, Suggestion] | None = None

    # --- reading -----------------------------------------------------------
    def included_banks(self) -> list[Bank]:
        return included_banks(self.banks, self.draft)

    def bank_of(self, item_id: str) -> Bank:
        return self._bank_of[item_id]

    def item(self, item_id: str) -> Item:
        found = self._bank_of[item_id].item(item_id)
        assert found is not None
        return found

    def assessment(self) -> Assessment:
        return score(self.banks, self.draft)

    def scope_items(self) -> list[tuple[Bank, Item]]:
        return [(b, i) for b in self.included_banks() for i in b.items() if i.scope]

    def suggestion(self, item_id: str) -> Suggestion | None:
        """What the computer checks suggest for an item (offered, never applied by itself)."""
        if self._suggestions is None:
            self._suggestions = estate.suggestions(self.banks, self.draft)
        return self._suggestions.get(item_id)

    # --- changing ----------------------------------------------------------
    def add_device_report(self, report: DeviceReport) -> None:
        estate.add_device_report(self.draft, report)
        self._suggestions = None
        self._changed()
        self.checks_changed.emit()

    def _changed(self) -> None:
        self.saver.schedule()

    def set_answer(self, item: Item, value: Any, status: AnswerStatus = "answered") -> None:
        """Raises AnswerError (plain English) when the value does not fit."""
        answers.set_answer(self.draft, item, value, status)
        self._changed()
        self.answer_changed.emit(item.id)
        if item.binds is not None:
            self.practice_changed.emit()
            self.facts_changed.emit()

    def clear_answer(self, item: Item) -> None:
        answers.clear_answer(self.draft, item)
        self._changed()
        self.answer_changed.emit(item.id)
        if item.binds is not None:
            self.practice_changed.emit()
            self.facts_changed.emit()

    def set_note(self, item: Item, note: str) -> None:
        before = self.draft.answer(item.id)
        if before.note == note:
            return
        answers.set_note(self.draft, item, note)
        self._changed()
        if before.carried_from is not None:  # looking at a copied answer again makes it count
            self.answer_changed.emit(item.id)

    def confirm_answer(self, item: Item) -> None:
        """A copied answer still holds: it counts from now on."""
        answers.confirm_answer(self.draft, item)
        self._changed()
        self.answer_changed.emit(item.id)

    def attach(self, item: Item, ref: EvidenceRef) -> None:
        evidence.attach_evidence(self.draft, item, ref)
        self._changed()
        self.answer_changed.emit(item.id)

    def detach(self, item: Item, stored_as: str) -> None:
        evidence.remove_evidence(self.draft, item, stored_as)
        self._changed()
        self.answer_changed.emit(item.id)

    def set_practice(self, **fields: Any) -> None:
        updated = self.draft.practice.model_copy(update=fields)
        self.draft.practice = Practice.model_validate(updated.model_dump())
        self._changed()
        self.practice_changed.emit()
        self.facts_changed.emit()

    def set_field(self, item: Item, spec: FieldSpec, value: Any) -> None:
        """Raises FieldError (plain English) when the value does not fit."""
        write_field(self.draft, item, spec, value)
        self._changed()
        self.answer_changed.emit(item.id)
        if spec.shared is not None:
            if spec.shared.startswith("practice."):
                self.practice_changed.emit()
            self.facts_changed.emit()

    def set_provider(self, item: Item, name: str, given_on: dt.date | None) -> None:
        answers.set_provider(self.draft, item, name, given_on)
        self._changed()
        self.answer_changed.emit(item.id)

    def clear_provider(self, item: Item) -> None:
        answers.clear_provider(self.draft, item)
        self._changed()
        self.answer_changed.emit(item.id)

    def name_file_after_practice(self) -> None:
        """A new assessment's file takes the practice's name when it is first given (never later)."""
        if not draft_files.is_provisional(self.path) or not self.draft.practice.name.strip():
            return
        if self.saver.flush() is not None:
            return  # not saved: keep the name it has, the save banner says why
        try:
            self.path = draft_files.name_after_practice(self.path, self.draft.practice.name)
        except OSError:
            return  # the old name still works; nothing is lost
        recent.remember(self.path)
        self.renamed.emit(self.path)

    def set_sign_off(self, sign_off: SignOff) -> None:
        if self.draft.sign_off != sign_off:
            self.draft.sign_off = sign_off
            self._changed()

    def set_as_at(self, day: dt.date) -> None:
        if self.draft.as_at != day:
            self.draft.as_at = day
            self._changed()
            self.facts_changed.emit()

    def evaluation(self, item: Item) -> Evaluation:
        return evaluate(self.bank_of(item.id), self.draft, item, self.draft.as_at)

    def earlier_answers(self, item_id: str) -> list[EarlierAnswer]:
        return [e for e in self.draft.earlier_answers if e.new_id == item_id]

    def set_frameworks(self, framework_ids: list[str]) -> None:
        if framework_ids == self.draft.frameworks:
            return
        self.draft.frameworks = framework_ids
        self._changed()
        self.frameworks_changed.emit()

    def edit_action(self, item_id: str, **changes: Any) -> None:
        action_plan.edit_action(self.draft, item_id, **changes)
        self._changed()
        self.plan_changed.emit()

    def clear_due(self, item_id: str) -> None:
        edit = self.draft.action_plan.get(item_id)
        if edit is not None and edit.due is not None:
            self.draft.action_plan[item_id] = edit.model_copy(update={"due": None})
            self._changed()

    def set_position(self, key: str) -> None:
        if self.draft.position != key:
            self.draft.position = key
            self._changed()
