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

from pydantic import ConfigDict, Field, ValidationError

from wizard import __version__
from wizard.core.check_results import DeviceReport
from wizard.core.practice import Practice, StrictModel

SCHEMA_NAME: Literal["gp-cyber-wizard/draft"] = "gp-cyber-wizard/draft"
SCHEMA_VERSION = 3  # 3: an answer may be one carried from an earlier assessment
ODS_GP_PATTERN = re.compile(r"^[A-Z][0-9]{5}$")

AnswerValue = str | int | float | list[str] | None
AnswerStatus = Literal["answered", "not_sure"]
# A structured field beside an answer: a count, a date (ISO text), text, or rows of a list.
FieldValue = str | int | float | list[dict[str, str]] | None


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


class EvidenceRef(StrictModel):
    """A file copied into the draft's evidence folder, pinned by its hash."""

    name: str  # the original file name, cleaned for display
    stored_as: str  # path relative to the evidence folder
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    size: int = Field(ge=0)
    added_at: dt.datetime


class ActionEdit(StrictModel):
    """What the practice changed on an action-plan entry."""

    owner: str = ""
    due: dt.date | None = None
    action: str | None = None  # None: use the bank's remediation text
    done: bool = False


class ProviderRecord(StrictModel):
    """The answer came from the practice's IT provider: who gave it and when.

    It says only who answered; the answer itself is still recorded in the
    usual way, and without it the item is not met.
    """

    name: str = ""
    given_on: dt.date | None = None


class Answer(StrictModel):
    value: AnswerValue = None
    status: AnswerStatus | None = None  # None: not answered yet (a note may exist)
    note: str = ""
    evidence: list[EvidenceRef] = Field(default_factory=list)
    provider: ProviderRecord | None = None
    fields: dict[str, FieldValue] = Field(default_factory=dict)
    updated_at: dt.datetime | None = None
    # Copied from the assessment as at this day and not looked at since: it counts as not answered.
    carried_from: dt.date | None = Field(default=None, exclude_if=lambda day: day is None)

    def changed(self, **update: Any) -> Answer:
        """This answer with ``update`` made by the practice: a copied answer they have now looked at counts."""
        return self.model_copy(update={**update, "updated_at": now(), "carried_from": None})


class EarlierAnswer(StrictModel):
    """An answer from an earlier question bank that has no place in the current one.

    Kept and shown, never silently dropped: ``new_id`` names the current question
    it relates to, when there is one.
    """

    old_id: str
    old_ref: str = ""
    text: str  # the earlier answer in words
    reason: str  # why it was not carried across, in plain English
    new_id: str | None = None
    answer: Answer | None = None
    action: ActionEdit | None = None


class SignOff(StrictModel):
    """Who signs the pack and what they confirmed: the declaration says only this."""

    name: str
    role: str
    reviewed: bool = False  # they confirmed they reviewed the answers
    plan_committed: bool = False  # they committed the practice to the action plan's dates

    @property
    def ready(self) -> bool:
        return bool(self.name.strip() and self.role.strip() and self.reviewed)


class BankRecord(StrictModel):
    """Which bank a framework's answers were given against."""

    version: str
    revision: int = 1


class Draft(StrictModel):
    schema_: Literal["gp-cyber-wizard/draft"] = Field(default=SCHEMA_NAME, alias="schema")
    schema_version: int = SCHEMA_VERSION
    app_version: str = __version__
    created_at: dt.datetime = Field(default_factory=now)
    updated_at: dt.datetime = Field(default_factory=now)
    # The day the assessment speaks for: "in the last 12 months" counts back from it.
    as_at: dt.date = Field(default_factory=lambda: now().date())
    practice: Practice = Field(default_factory=Practice)
    facts: dict[str, FieldValue] = Field(default_factory=dict)  # asked once, shown in several questions
    frameworks: list[str] = Field(default_factory=list)
    banks: dict[str, BankRecord] = Field(default_factory=dict)
    answers: dict[str, Answer] = Field(default_factory=dict)
    earlier_answers: list[EarlierAnswer] = Field(default_factory=list)
    check_results: dict[str, DeviceReport] = Field(default_factory=dict)  # by machine id
    action_plan: dict[str, ActionEdit] = Field(default_factory=dict)
    sign_off: SignOff | None = None  # set when the pack is signed
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
    if version < 2:
        data = upgrade_from_format_1(data)
    data = {**data, "schema_version": SCHEMA_VERSION}  # format 2 needs nothing more to read as 3
    try:
        return Draft.model_validate(data)
    except (ValidationError, RecursionError) as exc:
        raise DraftFormatError("parts of it are damaged or missing") from exc


# The banks every format 1 draft was made with (the only ones there were).
_FORMAT_1_BANKS = {
    "dspt-gp": {"version": "2025-26", "revision": 1},
    "cyber-essentials": {"version": "3.3", "revision": 1},
}


def upgrade_from_format_1(data: dict[str, Any]) -> dict[str, Any]:
    """Format 1 to 2: the as-at date, and "answered by our IT provider" as a record beside the answer.

    A format 1 draft said "IT provider" instead of an answer; format 2 keeps who
    answered beside the provider's actual answer, so such items now wait for it.
    Unknown shapes are left for validation to refuse.
    """
    upgraded = dict(data)
    upgraded["schema_version"] = SCHEMA_VERSION
    as_at = upgraded.pop("assessment_date", None)
    created = str(upgraded.get("created_at") or "")[:10]
    upgraded["as_at"] = as_at or created or None
    if upgraded["as_at"] is None:
        upgraded.pop("as_at")
    practice = upgraded.get("practice")
    provider_name = practice.get("it_provider", "") if isinstance(practice, dict) else ""
    answers = upgraded.get("answers")
    if isinstance(answers, dict):
        fixed: dict[str, Any] = {}
        for item_id, answer in answers.items():
            if isinstance(answer, dict) and answer.get("status") == "it_provider":
                answer = {**answer, "status": None, "value": None, "provider": {"name": provider_name}}
            fixed[item_id] = answer
        upgraded["answers"] = fixed
    used = set(upgraded.get("frameworks") or []) or set(_FORMAT_1_BANKS)
    upgraded["banks"] = {fid: record for fid, record in _FORMAT_1_BANKS.items() if fid in used}
    return upgraded


def new_draft(
    practice_name: str, ods_code: str, frameworks: list[str], as_at: dt.date | None = None
) -> Draft:
    return Draft(
        practice=Practice(name=practice_name.strip(), ods_code=ods_code.strip().upper()),
        frameworks=list(frameworks),
        as_at=as_at or now().date(),
    )
