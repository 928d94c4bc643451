"""A save killed at any step leaves the draft loading, intact, with nothing already saved lost.

tests/crash_driver.py runs in a fresh interpreter without Qt (forking a process
that hosts Qt's threads is unsafe) and kills a save before and after each of its
durable steps in turn: every kill is checked, not a share of random ones.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import TESTS

DRIVER = TESTS / "crash_driver.py"
pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL")


def test_a_kill_at_every_step_of_a_save_loses_nothing(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, str(DRIVER), str(tmp_path)], capture_output=True, text=True, timeout=300
    )
    assert run.returncode == 0, run.stderr
    reports = [json.loads(line) for line in run.stdout.splitlines()]
    *kills, finished = reports
    assert finished.get("finished") and finished["current"] == 6 and finished["problems"] == []
    assert finished["kept"] == [6, 5, 4, 3, 2, 1]  # a full save keeps five backups
    assert len(kills) == finished["steps"] >= 12  # rotation, backup and draft: fsync and replace steps
    for kill in kills:
        assert kill["killed"], kill
        assert kill["problems"] == [], kill
    assert {kill["current"] for kill in kills} == {5, 6}  # killed both before and after the draft's rename
