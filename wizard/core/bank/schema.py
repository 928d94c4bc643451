"""The shape of a question bank file, checked by pydantic when it loads.

Only the shape lives here; rules that look across items (unique ids, where a
``show_if`` points, which ``meets`` keys fit which answer type, which shared
facts exist) are in ``bank_rules``.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, StrictStr

ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
FIELD_ID_PATTERN = r"^[a-z][a-z0-9_]*$"
# A fact shared by several questions: one of the practice details, or a fact a
# bank asks once (such as the number of incidents in the last 12 months).
SHARED_PATTERN = r"^(practice|facts)\.[a-z][a-z0-9_]*$"

AnswerType = Literal["yes_no", "choice", "multi_choice", "text", "number", "percent", "date", "evidence"]
ANSWER_TYPES: tuple[str, ...] = AnswerType.__args__  # type: ignore[attr-defined]
# dspt: statuses per standard; cyber_essentials: an estimate of pass or fail;
# good_practice: advice only, never part of a status or verdict.
Scoring = Literal["dspt", "cyber_essentials", "good_practice"]
Level = Literal["approaching", "met"]
# How the official toolkit takes the answer, so the practice can copy it across.
Form = Literal["tick", "text", "document"]
FORM_OF_TYPE: dict[str, str] = {"tick": "yes_no", "text": "text", "document": "evidence"}
Confidence = Literal["confirmed", "medium", "inferred", "own"]
Change = Literal["new", "changed", "newly_mandatory"]
FieldType = Literal["number", "text", "date", "list"]
NumberOrName = float | StrictStr
# A bound that depends on the item's own answer: {choice value: number or threshold name}.
Bound = NumberOrName | dict[StrictStr, NumberOrName]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Help(_Model):
    why: StrictStr = Field(min_length=1)
    evidence: StrictStr = Field(min_length=1)
    how_to_check: StrictStr = Field(min_length=1)


class Choice(_Model):
    value: StrictStr = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    label: StrictStr = Field(min_length=1)


class Meets(_Model):
    """Which answer meets the item. Several keys may combine (min and max)."""

    equals: StrictStr | None = None
    in_: list[StrictStr] | None = Field(default=None, alias="in")
    all_of: list[StrictStr] | None = None
    none_of: list[StrictStr] | None = None
    min: NumberOrName | None = None
    max: NumberOrName | None = None
    not_empty: StrictBool | None = None
    within_days: NumberOrName | None = None

    def keys(self) -> set[str]:
        return {name for name, value in self.model_dump(by_alias=True).items() if value is not None}


class ShowIf(_Model):
    item: StrictStr
    equals: StrictStr | None = None
    in_: list[StrictStr] | None = Field(default=None, alias="in")
    not_in: list[StrictStr] | None = None
    contains: StrictStr | None = None  # for a multi-choice item: this choice is ticked

    def accepts(self, value: object) -> bool:
        if self.contains is not None:
            return isinstance(value, list) and self.contains in value
        if self.equals is not None:
            return value == self.equals
        if self.in_ is not None:
            return value in self.in_
        if self.not_in is not None:
            return value is not None and value not in self.not_in
        return value is not None


class Column(_Model):
    id: StrictStr = Field(pattern=FIELD_ID_PATTERN)
    label: StrictStr = Field(min_length=1)


class FieldSpec(_Model):
    """A structured answer beside the toolkit's own: a count, a date, a list with approvers."""

    id: StrictStr = Field(pattern=FIELD_ID_PATTERN)
    label: StrictStr = Field(min_length=1)
    type: FieldType
    shared: StrictStr | None = Field(default=None, pattern=SHARED_PATTERN)
    required: StrictBool = False
    unit: StrictStr | None = None
    hint: StrictStr | None = None
    columns: list[Column] | None = None
    min: Bound | None = None
    max: Bound | None = None
    within_days: NumberOrName | None = None
    # Asked (and needed) only when the item's own answer is one of these values.
    when: list[StrictStr] | None = None


class PercentOf(_Model):
    part: StrictStr
    whole: StrictStr
    less: StrictStr | None = None  # people excluded from the whole, with a reason


class Derived(_Model):
    """A tick that follows from the item's fields rather than being ticked by hand."""

    percent: PercentOf
    min: NumberOrName


class NotApplicableIf(_Model):
    """The toolkit's way of answering an item about incidents when there were none."""

    zero: list[StrictStr] = Field(min_length=1)
    says: StrictStr = Field(min_length=1)


class Item(_Model):
    id: StrictStr = Field(pattern=ID_PATTERN)
    ref: StrictStr = Field(min_length=1)
    ref_confidence: Confidence
    ref_sources: list[StrictStr] = Field(default_factory=list)
    type: AnswerType
    form: Form | None = None
    change: Change | None = None
    question: StrictStr = Field(min_length=1)
    required_for: Level | None = None
    meets: Meets | None = None
    auto_fail: StrictBool = False
    it_provider: StrictBool = False
    scope: StrictBool = False
    show_if: ShowIf | None = None
    choices: list[Choice] | None = None
    max_length: int | None = Field(default=None, gt=0)
    unit: StrictStr | None = None
    binds: StrictStr | None = Field(default=None, pattern=r"^practice\.[a-z][a-z0-9_]*$")
    fields: list[FieldSpec] = Field(default_factory=list)
    derived: Derived | None = None
    not_applicable_if: NotApplicableIf | None = None
    help: Help
    remediation: StrictStr = Field(min_length=1)
    checks: list[StrictStr] = Field(default_factory=list)

    @property
    def choice_values(self) -> list[str]:
        return [choice.value for choice in self.choices or []]

    def choice_label(self, value: str) -> str:
        for choice in self.choices or []:
            if choice.value == value:
                return choice.label
        return value

    def field(self, field_id: str) -> FieldSpec | None:
        return next((f for f in self.fields if f.id == field_id), None)

    @property
    def toolkit_form(self) -> str:
        """The toolkit's answer form, or the answer type for questions outside the toolkit."""
        return self.form or self.type


class Section(_Model):
    id: StrictStr = Field(pattern=ID_PATTERN)
    ref: StrictStr = Field(min_length=1)
    title: StrictStr = Field(min_length=1)
    summary: StrictStr = Field(min_length=1)
    items: list[Item] = Field(min_length=1)


class Period(_Model):
    start: dt.date
    end: dt.date | None = None  # None: in force until replaced


class Framework(_Model):
    id: StrictStr = Field(pattern=ID_PATTERN)
    name: StrictStr = Field(min_length=1)
    short_name: StrictStr = Field(min_length=1)
    version: StrictStr = Field(min_length=1)
    # Bumped when a bank of the same version changes its item ids, so a draft
    # made with the earlier file is carried across by a mapping in questions/maps/.
    revision: StrictInt = Field(default=1, ge=1)
    edition: StrictStr | None = None
    scoring: Scoring
    source: StrictStr = Field(min_length=1)
    published: dt.date
    period: Period | None = None
    deadline: dt.date | None = None
    notes: StrictStr | None = None


class BankFile(_Model):
    format: Literal[2]
    framework: Framework
    sources: dict[StrictStr, StrictStr] = Field(default_factory=dict)
    thresholds: dict[StrictStr, float] = Field(default_factory=dict)
    sections: list[Section] = Field(min_length=1)
