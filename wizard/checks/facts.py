"""Raw facts read from a device, kept apart from any judgement of them.

A snapshot can be saved (one file per device) and evaluated later, by this or
another PC: that is how the estate view and the tests work.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

SNAPSHOT_SCHEMA = "gp-cyber-wizard/facts"


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


@dataclass(frozen=True)
class Fact:
    """One read: its value, where from, when, and the error if it failed."""

    source: str
    raw: Any = None
    read_at: str = ""
    error: str | None = None  # set: the read failed; ``raw`` means nothing then

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass
class Snapshot:
    os: str  # "windows", "macos" or "linux"
    hostname: str
    machine_id: str
    os_name: str
    elevated: bool
    locale: str
    program_version: str
    collected_at: str
    facts: dict[str, Fact] = field(default_factory=dict)

    def fact(self, name: str) -> Fact:
        return self.facts.get(name) or Fact(source=name, error="this value was not collected")

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        return {"schema": SNAPSHOT_SCHEMA, "schema_version": 1, **data}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Snapshot:
        if data.get("schema") != SNAPSHOT_SCHEMA:
            raise ValueError("it is not a GP Cyber Wizard facts snapshot")
        fields = {k: v for k, v in data.items() if k not in ("schema", "schema_version", "facts")}
        facts = {name: Fact(**value) for name, value in data.get("facts", {}).items()}
        return cls(**fields, facts=facts)


def load_snapshot(path: Path) -> Snapshot:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Snapshot.from_json(data)
    except (OSError, ValueError, TypeError, AttributeError) as exc:
        raise ValueError(f"{path.name} is not a readable facts snapshot ({exc})") from exc
