"""The catalogue of local checks, read from ``assets/checks.yaml``.

One place holds, per check, its id, title, theme, the questions it gives
evidence for, the thresholds its verdicts turn on (one value for every
system) and what to do per system. The evaluators read their numbers from
here, so Windows, macOS, Linux and the advice cannot drift apart again.

The ids are stable: the question banks link to them (``CHECK_IDS``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import yaml

from wizard.core.paths import resource_path

SYSTEMS = ("windows", "macos", "linux")
_REF = re.compile(r"^(A\d+(\.\d+)*|\d+\.\d+\.\d+|GP\d+)$")


@dataclass(frozen=True)
class CheckInfo:
    id: str
    title: str
    theme: str  # Cyber Essentials control theme
    refs: tuple[str, ...] = ()  # Cyber Essentials question numbers, DSPT evidence items, GPn
    thresholds: dict[str, Any] = field(default_factory=dict)
    not_on: dict[str, str] = field(default_factory=dict)  # system -> why the check has no equivalent
    remediation: dict[str, str] = field(default_factory=dict)  # "all" or a system -> advice

    def advice(self, system: str) -> str:
        """What to do on this system: its own text, else the text for every system."""
        return self.remediation.get(system) or self.remediation.get("all", "")

    def runs_on(self, system: str) -> bool:
        return system not in self.not_on


def _entry(data: Any) -> CheckInfo:
    if not isinstance(data, dict) or not {"id", "title", "theme"} <= set(data):
        raise ValueError(f"the check catalogue has an entry without id, title and theme: {data!r}")
    refs = tuple(str(ref) for ref in data.get("refs") or ())
    odd = [ref for ref in refs if not _REF.match(ref)]
    unknown = set(data.get("not_on") or {}) | (set(data.get("remediation") or {}) - {"all"})
    if odd or unknown - set(SYSTEMS):
        raise ValueError(f"check {data['id']}: bad refs {odd} or systems {sorted(unknown - set(SYSTEMS))}")
    return CheckInfo(
        id=str(data["id"]),
        title=str(data["title"]),
        theme=str(data["theme"]),
        refs=refs,
        thresholds=dict(data.get("thresholds") or {}),
        not_on={str(k): str(v) for k, v in (data.get("not_on") or {}).items()},
        remediation={str(k): " ".join(str(v).split()) for k, v in (data.get("remediation") or {}).items()},
    )


@cache
def load_catalogue() -> tuple[CheckInfo, ...]:
    data = yaml.safe_load(resource_path("assets", "checks.yaml").read_text(encoding="utf-8"))
    checks = tuple(_entry(entry) for entry in (data or {}).get("checks", []))
    ids = [check.id for check in checks]
    if not checks or len(ids) != len(set(ids)):
        raise ValueError("the check catalogue is empty or names a check twice")
    return checks


CATALOGUE: tuple[CheckInfo, ...] = load_catalogue()
CHECK_IDS: frozenset[str] = frozenset(check.id for check in CATALOGUE)
BY_ID: dict[str, CheckInfo] = {check.id: check for check in CATALOGUE}


def threshold(check_id: str, name: str) -> Any:
    """A number a verdict turns on; a missing one is a bug in the catalogue, so it raises."""
    try:
        return BY_ID[check_id].thresholds[name]
    except KeyError as exc:
        raise KeyError(f"the check catalogue has no threshold {name!r} for {check_id!r}") from exc


def ref_label(ref: str) -> str:
    """'A6.4' -> 'Cyber Essentials A6.4', '8.3.1' -> 'DSPT 8.3.1', 'GP1' -> 'Good practice GP1'."""
    if ref.startswith("GP"):
        return f"Good practice {ref}"
    if ref.startswith("A"):
        return f"Cyber Essentials {ref}"
    return f"DSPT {ref}"


def risky_ports() -> dict[int, str]:
    """Port -> what it offers, for the services that should never face an untrusted network."""
    return {int(port): str(name) for port, name in threshold("listening_ports", "risky_ports").items()}
