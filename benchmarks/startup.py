"""Time to first window: the wizard against a bare PySide6 QWizard with three pages.

    .venv/bin/python benchmarks/startup.py [--runs 10]

Each start is a whole new process (QT_QPA_PLATFORM=offscreen), timed from just
before it is launched to the moment its first window has been shown and the
event loop is running. The wizard shows its window first and loads the banks
on a worker thread, so its time until the start page is usable is printed
too. Prints the medians, the first-window ratio (target: at most 1.5) and each
program's peak memory (max RSS).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BARE_WIZARD = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWizard, QWizardPage
app = QApplication(sys.argv)
wizard = QWizard()
for n in range(3):
    page = QWizardPage()
    page.setTitle(f"Page {n + 1}")
    QVBoxLayout(page).addWidget(QLabel("Some text"))
    wizard.addPage(page)
wizard.show()
def report():
    print(f"first-window {time.time():.6f}", flush=True)
    app.quit()
QTimer.singleShot(0, report)
app.exec()
"""


def one_start(command: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """Seconds to first window and to a usable start page, and peak memory in KiB."""
    start = time.time()
    child = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert child.stdout is not None
    output = child.stdout.read().decode()
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    stamps = dict(line.split() for line in output.splitlines() if line.count(" ") == 1)
    if "first-window" not in stamps or child.returncode != 0:
        raise SystemExit(f"{command} did not report a first window (exit {child.returncode}): {output}")
    shown = float(stamps["first-window"]) - start
    ready = float(stamps.get("start-page-ready", stamps["first-window"])) - start
    return shown, ready, usage.ru_maxrss


def measure(name: str, command: list[str], env: dict[str, str], runs: int) -> tuple[float, int]:
    one_start(command, env)  # warm the disk cache; not counted
    results = [one_start(command, env) for _ in range(runs)]
    seconds = statistics.median(r[0] for r in results)
    ready = statistics.median(r[1] for r in results)
    peak = max(r[2] for r in results)
    print(
        f"  {name:<34} first window {seconds * 1000:7.1f} ms   ready {ready * 1000:7.1f} ms"
        f"   peak memory {peak / 1024:6.1f} MiB"
    )
    return seconds, peak


def prepare_data(folder: Path) -> None:
    """A realistic start: one saved assessment for the start page to describe."""
    sys.path.insert(0, str(ROOT))
    os.environ["GPCW_DATA_DIR"] = str(folder)
    from wizard.core.bank.model import load_banks
    from wizard.core.data_folder import data_folder
    from wizard.core.demo import demo_draft
    from wizard.core.draft.store import save_draft

    data_folder().drafts.mkdir(parents=True)
    save_draft(data_folder().drafts / "Riverside Surgery.json", demo_draft(load_banks(), dt.date.today()))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as data:
        prepare_data(Path(data))
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "GPCW_DATA_DIR": data, "GPCW_STARTUP_PROBE": "1"}
        print(f"first window, offscreen, median of {args.runs} whole-process starts")
        bare, bare_peak = measure(
            "bare QWizard, three pages", [sys.executable, "-c", BARE_WIZARD], env, args.runs
        )
        ours, ours_peak = measure(
            "GP Cyber Wizard (python -m wizard)", [sys.executable, "-m", "wizard"], env, args.runs
        )
    ratio = ours / bare
    verdict = "ok" if ratio <= 1.5 else "OVER TARGET"
    print(f"  ratio wizard / bare QWizard: {ratio:.2f} (target at most 1.5) {verdict}")
    print(f"  peak memory ratio: {ours_peak / bare_peak:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
