"""Run a collector's reads in parallel, each within its time limit.

Reads run on daemon threads: a read stuck in the operating system cannot be
killed from Python, but it can be abandoned, reported as ``unable`` and left
behind without stopping the program from finishing or exiting.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable
from typing import Any

from wizard import __version__
from wizard.checks.collector import Collector, FactSpec, system_locale
from wizard.checks.facts import Fact, Snapshot, utc_now

Progress = Callable[[int, int, str], None]  # done, total, name of the read just finished


def _read(spec: FactSpec, results: queue.Queue[tuple[str, Fact]]) -> None:
    stamp = utc_now().isoformat()
    try:
        value: Any = spec.read()
        fact = Fact(source=spec.source, raw=value, read_at=stamp)
    except Exception as exc:  # any failure of a read is reported, never raised
        reason = str(exc) or type(exc).__name__
        fact = Fact(source=spec.source, read_at=stamp, error=reason)
    results.put((spec.name, fact))


def collect(collector: Collector, progress: Progress | None = None) -> Snapshot:
    specs = collector.fact_specs()
    identity = collector.identity()
    results: queue.Queue[tuple[str, Fact]] = queue.Queue()
    started = time.monotonic()
    deadlines = {spec.name: started + spec.timeout for spec in specs}
    for spec in specs:
        threading.Thread(target=_read, args=(spec, results), name=f"check:{spec.name}", daemon=True).start()
    facts: dict[str, Fact] = {}
    by_name = {spec.name: spec for spec in specs}
    while len(facts) < len(specs):
        waiting = [name for name in deadlines if name not in facts]
        wait = max(0.0, min(deadlines[name] for name in waiting) - time.monotonic())
        try:
            name, fact = results.get(timeout=wait)
            if name in facts:
                continue  # already given up on: a late answer does not count
        except queue.Empty:
            now = time.monotonic()
            for late in [n for n in waiting if deadlines[n] <= now]:
                spec = by_name[late]
                facts[late] = Fact(
                    source=spec.source,
                    read_at=utc_now().isoformat(),
                    error=f"no answer within {spec.timeout:g} s",
                )
                if progress:
                    progress(len(facts), len(specs), late)
            continue
        facts[name] = fact
        if progress:
            progress(len(facts), len(specs), name)
    return Snapshot(
        os=collector.os,
        hostname=identity.hostname,
        machine_id=identity.machine_id,
        os_name=identity.os_name,
        elevated=identity.elevated,
        locale=system_locale(),
        program_version=__version__,
        collected_at=utc_now().isoformat(),
        facts=facts,
    )
