"""Answer maps: how answers given against one bank carry to the next (questions/maps/*.yaml).

A map names the bank it comes from and the one it goes to (framework, version,
revision) and says, for every question of the old bank, where its answer goes:
to a question of the current banks (optionally into one of its fields, or with
its values translated), to a practice detail, or nowhere, with the reason.
It is data, so next year's toolkit needs a new map, not new code.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr, ValidationError, model_validator

from wizard.core.bank.errors import BankError, BankProblem, display_name, problems_from_validation
from wizard.core.bank.fields import practice_fact_type
from wizard.core.bank.model import Bank
from wizard.core.bank.yaml_source import YamlSyntaxError, parse_yaml
from wizard.core.paths import questions_dir

MapValue = StrictStr | StrictInt | float | list[StrictStr]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class BankKey(_Model):
    version: StrictStr
    revision: StrictInt = Field(default=1, ge=1)


class Rule(_Model):
    """Where one old answer goes."""

    ref: StrictStr = ""  # the old question's ref, for people reading the map and the earlier answers
    to: StrictStr | None = None  # a question of the current banks
    field: StrictStr | None = None  # ...into this field of it
    values: dict[StrictStr, MapValue] | None = None  # old value -> new value; others are not carried
    value: Literal["carry", "earlier"] = "carry"  # "earlier": keep the value as an earlier answer only
    fact: StrictStr | None = Field(default=None, pattern=r"^practice\.[a-z][a-z0-9_]*$")
    dropped: StrictStr | None = None  # the reason, in plain words
    see: StrictStr | None = None  # the current question a dropped answer relates to
    reason: StrictStr | None = None  # why the value is kept apart, when it is

    @model_validator(mode="after")
    def _one_destination(self) -> Rule:
        if self.dropped is None and self.to is None and self.fact is None:
            raise ValueError("give 'to', 'fact' or 'dropped'")
        if self.dropped is not None and (self.to is not None or self.fact is not None):
            raise ValueError("a dropped answer has no 'to' or 'fact' (use 'see' to point at a question)")
        return self


class AnswerMap(_Model):
    format: Literal[1]
    framework: StrictStr
    from_: BankKey = Field(alias="from")
    to: BankKey
    summary: StrictStr = Field(min_length=1)  # what changed, shown to the practice once
    answers: dict[StrictStr, Rule]


def maps_dir() -> Path:
    return questions_dir() / "maps"


def load_map(path: Path) -> AnswerMap:
    file = display_name(path)
    try:
        doc = parse_yaml(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise BankError([BankProblem(file, None, None, f"the answer map could not be read ({exc})")]) from exc
    except YamlSyntaxError as exc:
        raise BankError([BankProblem(file, exc.line, None, str(exc))]) from exc
    try:
        return AnswerMap.model_validate(doc.data)
    except ValidationError as exc:
        raise BankError(problems_from_validation(exc, file, doc)) from exc


def load_maps(folder: Path | None = None) -> list[AnswerMap]:
    place = folder or maps_dir()
    return [load_map(path) for path in sorted(place.glob("*.yaml"))] if place.is_dir() else []


def check_map(answer_map: AnswerMap, banks: list[Bank], file: str = "answer map") -> list[BankProblem]:
    """Every destination must exist in the current banks: a map never points into nothing."""
    items = {item.id: item for bank in banks for item in bank.items()}
    problems: list[BankProblem] = []

    def problem(old_id: str, message: str) -> None:
        problems.append(BankProblem(file, None, old_id, message))

    for old_id, rule in answer_map.answers.items():
        for target in (rule.to, rule.see):
            if target is not None and target not in items:
                problem(old_id, f"'{target}' is not a question of the current banks")
        if rule.field is not None and rule.to in items and items[rule.to].field(rule.field) is None:
            problem(old_id, f"'{rule.to}' has no field '{rule.field}'")
        if rule.fact is not None and practice_fact_type(rule.fact.removeprefix("practice.")) is None:
            problem(old_id, f"'{rule.fact}' is not one of the practice details")
    return problems
