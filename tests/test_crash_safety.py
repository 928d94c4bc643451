"""Kill a process mid-save, hundreds of times: the draft always loads, intact.

A forked child saves the same draft in a loop, bumping a counter each time; the
parent kills it with SIGKILL at a random moment. Afterwards the draft and every
backup must load and equal one of the generations the child wrote.
"""

from __future__ import annotations

import os
import random
import re
import signal
import time
from pathlib import Path

import pytest

from wizard.core.draft import Answer, Draft, new_draft
from wizard.core.draft_store import generations, load_draft, save_draft

KILLS = 200
pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL")


def _generation(n: int) -> Draft:
    """The exact content of generation n (timestamps aside)."""
    draft = new_draft("Riverside Surgery", "A12345", ["dspt-gp", "cyber-essentials"])
    draft.practice.address = f"gen {n}"
    for i in range(150):  # a realistic size, so kills land inside writes
        draft.answers[f"item-{i}"] = Answer(value="yes", status="answered", note=f"note {i} of gen {n} " * 3)
    return draft


def _same_content(loaded: Draft, expected: Draft) -> bool:
    ignore = {"created_at", "updated_at"}
    return loaded.model_dump(exclude=ignore) == expected.model_dump(exclude=ignore)


def _child(path: Path) -> None:
    try:
        start = int(re.sub(r"\D", "", load_draft(path).practice.address)) + 1
    except Exception:
        start = 0
    n = start
    while True:
        save_draft(path, _generation(n))
        n += 1


def _check(path: Path) -> int:
    loaded = load_draft(path)
    n = int(loaded.practice.address.removeprefix("gen "))
    assert _same_content(loaded, _generation(n))
    newer = n
    for backup in generations(path):  # newest first
        old = load_draft(backup)
        k = int(old.practice.address.removeprefix("gen "))
        assert _same_content(old, _generation(k))
        assert k <= newer, "backups out of order"
        newer = k
    return n


def test_sigkill_during_saves_never_loses_the_draft(tmp_path: Path) -> None:
    path = tmp_path / "draft.json"
    save_draft(path, _generation(0))
    rng = random.Random(20170512)
    seen: list[int] = []
    mid_write = 0
    for _ in range(KILLS):
        pid = os.fork()
        if pid == 0:
            try:
                _child(path)
            finally:
                os._exit(1)
        time.sleep(rng.uniform(0.001, 0.04))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        mid_write += bool(list(tmp_path.glob(".gpcw-tmp-*")))
        seen.append(_check(path))
    assert seen == sorted(seen), "a generation went backwards"
    assert seen[-1] >= KILLS // 4, "the child should have completed many saves"
    assert mid_write >= 10, "too few kills landed inside a write to prove anything"
    for extra in range(1, 6):  # a kill mid-rotation may leave gaps...
        save_draft(path, _generation(seen[-1] + extra))
    assert len(generations(path)) == 5  # ...which the next saves close
