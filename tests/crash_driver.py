"""Kill a save at every step it takes, in a fresh interpreter without Qt; print what was found.

Run by tests/core/test_crash_safety.py as ``python tests/crash_driver.py FOLDER``. The
driver imports the draft store once, then for each kill point forks a child that
starts from the same saved state (a draft and five backups) and saves the next
generation, killing itself with SIGKILL just before or just after the Nth call to
``os.fsync``, ``os.replace`` or ``os.rename``: every point where a power cut or a
pulled stick could land between two durable steps. The parent then reads
everything back. One JSON object per kill goes to stdout; the test asserts on all
of them. Forking is safe here because this interpreter never starts Qt's threads.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from wizard.core.draft.backups import generations
from wizard.core.draft.model import Answer, Draft, new_draft
from wizard.core.draft.store import load_draft, save_draft

START = 5  # the saved state holds generation 5 and backups 4..0
_STEPS = ("fsync", "replace", "rename")


def generation(n: int) -> Draft:
    draft = new_draft("Riverside Surgery", "A12345", ["dspt-gp", "cyber-essentials"])
    draft.practice.address = f"gen {n}"
    for i in range(150):  # a realistic size
        draft.answers[f"item-{i}"] = Answer(value="yes", status="answered", note=f"note {i} of gen {n} " * 3)
    return draft


def _gen_of(draft: Draft) -> int:
    return int(draft.practice.address.removeprefix("gen "))


def _same(loaded: Draft, n: int) -> bool:
    ignore = {"created_at", "updated_at"}
    return loaded.model_dump(exclude=ignore) == generation(n).model_dump(exclude=ignore)


def _arm(kill_at: int) -> None:
    """Count the durable steps; SIGKILL this process at step ``kill_at`` (even: before it, odd: after)."""
    count = 0

    def wrap(name: str) -> None:
        real = getattr(os, name)

        def step(*args: Any, **kwargs: Any) -> Any:
            nonlocal count
            if count == kill_at:
                os.kill(os.getpid(), signal.SIGKILL)
            count += 1
            result = real(*args, **kwargs)
            if count == kill_at:
                os.kill(os.getpid(), signal.SIGKILL)
            count += 1
            return result

        setattr(os, name, step)

    for name in _STEPS:
        wrap(name)


def _inspect(path: Path) -> dict[str, Any]:
    """What a person would find after the crash."""
    found: dict[str, Any] = {"problems": []}
    try:
        current = load_draft(path)
    except Exception as exc:  # the whole point: this must never happen
        found["problems"].append(f"the draft does not load: {exc}")
        return found
    n = _gen_of(current)
    found["current"] = n
    if n not in (START, START + 1) or not _same(current, n):
        found["problems"].append(f"the draft holds generation {n}, not {START} or {START + 1} intact")
    kept = [n]
    for backup in generations(path):
        old = load_draft(backup)
        k = _gen_of(old)
        if not _same(old, k):
            found["problems"].append(f"{backup.name} is not an intact generation")
        kept.append(k)
    found["kept"] = kept
    if kept != sorted(kept, reverse=True):
        found["problems"].append(f"generations out of order: {kept}")
    if START not in kept:
        found["problems"].append(f"generation {START}, saved before the crash, was lost")
    return found


def main() -> int:
    if "PySide6" in sys.modules:
        sys.exit("Qt is loaded in this interpreter: forking it would be unsafe")
    work = Path(sys.argv[1])
    base = work / "base"
    base.mkdir(parents=True)
    for n in range(START + 1):
        save_draft(base / "draft.json", generation(n))
    kill_at = 0
    while True:
        case = work / f"kill-{kill_at}"
        shutil.copytree(base, case)
        pid = os.fork()
        if pid == 0:
            try:
                _arm(kill_at)
                save_draft(case / "draft.json", generation(START + 1))
            finally:
                os._exit(0)  # the save finished: kill_at is past its last step
        _, status = os.waitpid(pid, 0)
        killed = os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
        report = {"kill_at": kill_at, "killed": killed, **_inspect(case / "draft.json")}
        if not killed:  # every step has been killed; this run saved in full
            report["finished"] = True
            report["steps"] = kill_at
        print(json.dumps(report), flush=True)
        if not killed:
            return 0
        kill_at += 1


if __name__ == "__main__":
    sys.exit(main())
