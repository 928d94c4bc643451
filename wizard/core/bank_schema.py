"""The shape of a question bank file, checked by pydantic when it loads.

Only the shape lives here; rules that look across items (unique ids, where a
``show_if`` points, which ``meets`` keys fit which answer type) are in
``bank_rules``.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictStr

ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"

AnswerType = Literal["yes_no", "choice", "multi_choice", "text", "number", "percent", "date", "evidence"]
ANSWER_TYPES: tuple[str, ...] = AnswerType.__args__  # type: ignore[attr-defined]
Scoring = Literal["dspt", "cyber_essentials"]
Level = Literal["approaching", "met"]
NumberOrName = float | StrictStr


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

    def accepts(self, value: object) -> bool:
        if self.equals is not None:
            return value == self.equals
        if self.in_ is not None:
            return value in self.in_
        if self.not_in is not None:
            return value is not None and value not in self.not_in
        return value is not None


class Item(_Model):
    id: StrictStr = Field(pattern=ID_PATTERN)
    ref: StrictStr = Field(min_length=1)
    ref_confidence: Literal["confirmed", "inferred"]
    type: AnswerType
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


class Section(_Model):
    id: StrictStr = Field(pattern=ID_PATTERN)
    ref: StrictStr = Field(min_length=1)
    title: StrictStr = Field(min_length=1)
    summary: StrictStr = Field(min_length=1)
    items: list[Item] = Field(min_length=1)


class Framework(_Model):
    id: StrictStr = Field(pattern=ID_PATTERN)
    name: StrictStr = Field(min_length=1)
    short_name: StrictStr = Field(min_length=1)
    version: StrictStr = Field(min_length=1)
    edition: StrictStr | None = None
    scoring: Scoring
    source: StrictStr = Field(min_length=1)
    published: dt.date
    notes: StrictStr | None = None


class BankFile(_Model):
    format: Literal[1]
    framework: Framework
    thresholds: dict[StrictStr, float] = Field(default_factory=dict)
    sections: list[Section] = Field(min_length=1)
