"""The assessment draft: everything the practice has entered, as versioned JSON.

The draft is the single source of truth the wizard pages, the CLI and the pack
read and write. ``SCHEMA_VERSION`` goes up whenever the shape changes; a file
from a newer version is refused with a plain message rather than half-read.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from wizard import __version__

SCHEMA_NAME: Literal["gp-cyber-wizard/draft"] = "gp-cyber-wizard/draft"
SCHEMA_VERSION = 1
ODS_GP_PATTERN = re.compile(r"^[A-Z][0-9]{5}$")

AnswerValue = str | int | float | list[str] | None
AnswerStatus = Literal["answered", "not_sure", "it_provider"]


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Practice(_Model):
    name: str = ""
    ods_code: str = ""
    address: str = ""
    siro: str = ""
    caldicott_guardian: str = ""
    dpo: str = ""
    ig_lead: str = ""
    it_provider: str = ""
    ico_registration: str = ""
    staff_count: int | None = Field(default=None, ge=0)
    computer_count: int | None = Field(default=None, ge=0)


class EvidenceRef(_Model):
    """A file copied into the draft's evidence folder, pinned by its hash."""

    name: str  # the original file name, cleaned for display
    stored_as: str  # path relative to the evidence folder
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    size: int = Field(ge=0)
    added_at: dt.datetime


class Answer(_Model):
    value: AnswerValue = None
    status: AnswerStatus | None = None  # None: not answered yet (a note may exist)
    note: str = ""
    evidence: list[EvidenceRef] = Field(default_factory=list)
    updated_at: dt.datetime | None = None


class ActionEdit(_Model):
    """What the practice changed on an action-plan entry."""

    owner: str = ""
    due: dt.date | None = None
    action: str | None = None  # None: use the bank's remediation text
    done: bool = False


class Draft(_Model):
    schema_: Literal["gp-cyber-wizard/draft"] = Field(default=SCHEMA_NAME, alias="schema")
    schema_version: int = SCHEMA_VERSION
    app_version: str = __version__
    created_at: dt.datetime = Field(default_factory=now)
    updated_at: dt.datetime = Field(default_factory=now)
    assessment_date: dt.date | None = None  # None: score as of today
    practice: Practice = Field(default_factory=Practice)
    frameworks: list[str] = Field(default_factory=list)
    answers: dict[str, Answer] = Field(default_factory=dict)
    check_results: dict[str, dict[str, Any]] = Field(default_factory=dict)
    action_plan: dict[str, ActionEdit] = Field(default_factory=dict)
    position: str | None = None  # where the wizard was, to resume there

    model_config = ConfigDict(extra="forbid", validate_assignment=True, populate_by_name=True)

    def answer(self, item_id: str) -> Answer:
        return self.answers.get(item_id) or Answer()


class DraftFormatError(ValueError):
    """The bytes are not a draft this version can read; the message is for people."""


def draft_to_bytes(draft: Draft) -> bytes:
    text = draft.model_dump_json(by_alias=True, indent=2)
    return (text + "\n").encode("utf-8")


def draft_from_bytes(raw: bytes) -> Draft:
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise DraftFormatError("it is not a readable draft file (the text is damaged)") from exc
    if not isinstance(data, dict) or data.get("schema") != SCHEMA_NAME:
        raise DraftFormatError("it is not a GP Cyber Wizard draft")
    version = data.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise DraftFormatError("it does not say which draft format it uses")
    if version > SCHEMA_VERSION:
        raise DraftFormatError(
            f"it was saved by a newer version of GP Cyber Wizard (draft format {version}); "
            f"this version reads format {SCHEMA_VERSION} or older. Please update the program"
        )
    try:
        return Draft.model_validate(data)
    except (ValidationError, RecursionError) as exc:
        raise DraftFormatError("parts of it are damaged or missing") from exc


def new_draft(practice_name: str, ods_code: str, frameworks: list[str]) -> Draft:
    return Draft(
        practice=Practice(name=practice_name.strip(), ods_code=ods_code.strip().upper()),
        frameworks=list(frameworks),
    )
