"""Time the local checks against a Lynis audit of the same machine.

    .venv/bin/python benchmarks/checks.py [--runs 5]

Runs ``python -m wizard check --json`` and ``lynis audit system --quick`` as
whole processes, prints the median wall time and peak memory of each and
their ratio. Target: the wizard's checks under 3 s here.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(command: list[str], env: dict[str, str]) -> tuple[float, int]:
    start = time.perf_counter()
    child = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{command[0]} failed (exit {os.waitstatus_to_exitcode(status)})")
    return elapsed, usage.ru_maxrss


def measure(name: str, command: list[str], env: dict[str, str], runs: int) -> float:
    results = [run(command, env) for _ in range(runs)]
    seconds = statistics.median(r[0] for r in results)
    peak = max(r[1] for r in results)
    print(f"  {name:<40} {seconds:7.2f} s   peak memory {peak / 1024:6.1f} MiB")
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as data:
        env = {**os.environ, "GPCW_DATA_DIR": data}
        print(f"median of {args.runs} runs, whole processes")
        ours = measure(
            "python -m wizard check --json",
            [sys.executable, "-m", "wizard", "check", "--json"],
            env,
            args.runs,
        )
        lynis = shutil.which("lynis") or "/usr/sbin/lynis"
        if not Path(lynis).exists():
            print("  lynis is not installed (Debian package lynis; make setup installs it): no comparison")
            return 0
        theirs = measure(
            "lynis audit system --quick",
            [
                lynis,
                "audit",
                "system",
                "--quick",
                "--no-colors",
                "--logfile",
                f"{data}/lynis.log",
                "--report-file",
                f"{data}/lynis.dat",
            ],
            env,
            args.runs,
        )
    verdict = "ok" if ours < 3.0 else "OVER TARGET"
    print(
        f"  wizard checks: {ours:.2f} s (target under 3 s) {verdict}; Lynis takes {theirs / ours:.1f}x as long"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
