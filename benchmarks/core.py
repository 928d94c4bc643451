"""Time the domain's hot paths and print the figures (median of 20 runs).

    .venv/bin/python benchmarks/core.py

Target on the development machine: each under 50 ms.
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from wizard.checks.catalogue import CHECK_IDS
from wizard.core.action_plan import build_action_plan
from wizard.core.bank.model import load_banks
from wizard.core.demo import answer_everything
from wizard.core.draft.model import new_draft
from wizard.core.draft.store import save_draft
from wizard.core.scoring import score

RUNS = 20
TARGET_MS = 50.0


def median_ms(action: Callable[[], object]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> int:
    banks = load_banks(None, CHECK_IDS)
    draft = new_draft("Riverside Surgery", "A12345", [b.framework.id for b in banks])
    answer_everything(banks, draft, dt.date.today())
    for answer in draft.answers.values():
        answer.note = "Checked with the IT provider on the practice's reception PC. " * 3
    items = sum(1 for b in banks for _ in b.items())

    def score_and_plan() -> None:
        build_action_plan(score(banks, draft), draft)

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "draft.json"
        figures = {
            "load + validate both banks": median_ms(lambda: load_banks(None, CHECK_IDS)),
            f"score a full draft ({items} answers) + action plan": median_ms(score_and_plan),
            "save a full draft (atomic, fsync, backups)": median_ms(lambda: save_draft(path, draft)),
        }
        size = path.stat().st_size
    print(f"median of {RUNS} runs; target each < {TARGET_MS:.0f} ms; draft file {size / 1024:.0f} KiB")
    for name, ms in figures.items():
        verdict = "ok" if ms < TARGET_MS else "OVER TARGET"
        print(f"  {name:<55} {ms:8.2f} ms  {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
