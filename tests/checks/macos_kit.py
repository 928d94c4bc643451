"""Shared by the macOS check tests: the constructed fixtures, and snapshots with one fact changed."""

from __future__ import annotations

import copy
from typing import Any

from tests.conftest import FIXTURES
from wizard.checks.facts import Fact, Snapshot, load_snapshot
from wizard.checks.macos.history import parse_update_history
from wizard.checks.registry import MACOS
from wizard.checks.verdict import Verdict

MACOS_FIXTURES = FIXTURES / "checks" / "macos"
TEXT = MACOS_FIXTURES / "text"
SEQUOIA, VENTURA, REFUSED = "sequoia_15_configured", "ventura_13_unprotected", "refused_reads"
NOT_ON_MAC = {"ms17_010", "smb1_server_off", "smb1_client_off", "uac_enabled", "autorun_off"}
EVALUATORS = MACOS.evaluators


def snapshot(name: str) -> Snapshot:
    return load_snapshot(MACOS_FIXTURES / f"{name}.json")


def text(name: str) -> str:
    return (TEXT / name).read_text(encoding="utf-8")


def variant(name: str, fact: str, raw: Any = None, error: str | None = None, **changes: Any) -> Snapshot:
    """A copy of a fixture with one fact replaced, or some of its values changed."""
    snap = copy.deepcopy(snapshot(name))
    old = snap.facts[fact]
    value = raw if raw is not None or changes == {} else {**old.raw, **changes}
    snap.facts[fact] = Fact(source=old.source, raw=None if error else value, read_at=old.read_at, error=error)
    return snap


def judge(snap: Snapshot, check_id: str) -> Verdict:
    return EVALUATORS[check_id](snap)


def history(name: str) -> dict[str, Any]:
    """A text fixture of softwareupdate --history, parsed."""
    return parse_update_history(text(name))
