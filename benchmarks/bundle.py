"""Build both USB variants from scratch, and measure their size, start-up and memory.

    .venv/bin/python benchmarks/bundle.py [--runs 10]

Builds the onedir and onefile bundles with scripts/bundle.sh into a temporary
folder with empty work folders (a clean build, as CI does it), then prints:
each build's time; the size of the onedir folder and of each onefile
executable (target: onefile under 80 MB); the time to the first window of
`python -m wizard`, the onedir bundle and the onefile bundle (offscreen,
median of --runs whole-process starts, each with the same saved assessment)
with the bundles' ratios to the source run (target: onedir within 1.2x); and
each one's peak memory (max RSS; for onefile, the larger of its two processes).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from startup import ROOT, measure, prepare_data  # the sibling benchmark: one start-up timer

ONEFILE_TARGET_MB = 80
ONEDIR_RATIO_TARGET = 1.2


def build(variant: str, dist: Path, work: Path) -> float:
    started = time.perf_counter()
    subprocess.run(
        ["bash", "scripts/bundle.sh", variant],
        cwd=ROOT,
        env={**os.environ, "GPCW_DIST": str(dist), "GPCW_WORK": str(work)},
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - started


def megabytes(path: Path) -> float:
    files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files) / 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        dist, work, data = Path(scratch, "dist"), Path(scratch, "work"), Path(scratch, "data")
        onedir_s = build("onedir", dist, work)
        onefile_s = build("onefile", dist, work)
        onedir, onefile = dist / "gp-cyber-wizard", dist / "onefile"
        print(f"clean build: onedir {onedir_s:.0f} s, onefile {onefile_s:.0f} s")

        onefile_sizes = {exe.name: megabytes(exe) for exe in sorted(onefile.iterdir())}
        largest = max(onefile_sizes.values())
        print(f"size: onedir folder {megabytes(onedir):.1f} MB")
        for name, size in onefile_sizes.items():
            print(f"      onefile {name} {size:.1f} MB")
        verdict = "ok" if largest < ONEFILE_TARGET_MB else "OVER TARGET"
        print(
            f"      largest onefile executable {largest:.1f} MB (target under {ONEFILE_TARGET_MB} MB) {verdict}"
        )

        prepare_data(data)
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "GPCW_DATA_DIR": str(data),
            "GPCW_STARTUP_PROBE": "1",
        }
        print(f"first window, offscreen, median of {args.runs} whole-process starts")
        source, source_peak = measure("python -m wizard", [sys.executable, "-m", "wizard"], env, args.runs)
        folder, folder_peak = measure("onedir bundle", [str(onedir / "gp-cyber-wizard")], env, args.runs)
        single, single_peak = measure("onefile bundle", [str(onefile / "gp-cyber-wizard")], env, args.runs)
    verdict = "ok" if folder / source <= ONEDIR_RATIO_TARGET else "OVER TARGET"
    print(f"  ratio onedir / source: {folder / source:.2f} (target at most {ONEDIR_RATIO_TARGET}) {verdict}")
    print(f"  ratio onefile / source: {single / source:.2f} (it unpacks itself at every start)")
    print(
        f"  peak memory ratio to source: onedir {folder_peak / source_peak:.2f}, "
        f"onefile {single_peak / source_peak:.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
