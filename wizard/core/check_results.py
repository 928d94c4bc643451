"""What a local check concluded, shared by the checks, the wizard and the pack.

A result always keeps the raw value and where it was read, so the evidence pack
can show what the judgement rested on. ``unable`` means the value could not be
read: it is never turned into a pass or a fail.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import AliasChoices, BaseModel, ConfigDict, Field

CheckStatus = Literal["pass", "fail", "warning", "not_applicable", "unable"]
STATUS_WORDS: dict[str, str] = {
    "pass": "Pass",
    "fail": "Fail",
    "warning": "Warning",
    "not_applicable": "Not applicable",
    "unable": "Could not check",
}
REPORT_SCHEMA: Literal["gp-cyber-wizard/device-report"] = "gp-cyber-wizard/device-report"


class CheckResult(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    check_id: str
    title: str
    status: CheckStatus
    finding: str  # plain English, for the practice manager
    theme: str  # Cyber Essentials control theme
    # The questions the result gives evidence for ("Cyber Essentials A6.4", "DSPT 8.3.1").
    # Reports saved before this was renamed call it dspt_refs; they still load.
    refs: list[str] = Field(default_factory=list, validation_alias=AliasChoices("refs", "dspt_refs"))
    remediation: str = ""
    source: str = ""  # registry path, class, command or file the value came from
    raw: Any = None  # the value as read
    read_at: dt.datetime | None = None


class DeviceInfo(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    hostname: str
    machine_id: str  # stable per device: file names and the estate table key on it
    os: Literal["windows", "macos", "linux"]
    os_name: str  # e.g. "Windows 11 Pro 23H2 (build 22631)"
    elevated: bool
    locale: str
    program_version: str


class DeviceReport(BaseModel):
    """One device's checks: what ``check --save`` writes and the draft keeps."""

    model_config = ConfigDict(extra="forbid")

    schema_: Literal["gp-cyber-wizard/device-report"] = Field(default=REPORT_SCHEMA, alias="schema")
    schema_version: int = 1
    device: DeviceInfo
    checked_at: dt.datetime
    results: list[CheckResult]

    def result(self, check_id: str) -> CheckResult | None:
        return next((r for r in self.results if r.check_id == check_id), None)


def status_summary(results: list[CheckResult]) -> str:
    """How many checks came out each way, in words: "9 pass, 3 fail, 2 could not check"."""
    counts = {status: sum(1 for r in results if r.status == status) for status in STATUS_WORDS}
    return ", ".join(f"{n} {STATUS_WORDS[status].lower()}" for status, n in counts.items() if n)
