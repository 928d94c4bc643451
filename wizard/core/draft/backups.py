"""Backup generations beside a draft, spread over time rather than over the last few saves.

Autosave writes every second or so; rotating five backups on every save would keep
only the last few seconds of typing. Instead a new generation is kept only when
the newest backup is at least ``INTERVAL`` old, or the save is the first of a
session: five generations then reach back over two and a half hours of work,
and the state each session started from is kept, so a bad afternoon can be undone.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from wizard.core.atomic import atomic_write

GENERATIONS = 5
INTERVAL = dt.timedelta(minutes=30)


def backup_path(path: Path, generation: int) -> Path:
    return path.with_name(f"{path.stem} (backup {generation}){path.suffix}")


def generations(path: Path) -> list[Path]:
    """Existing backups, newest first."""
    return [p for n in range(1, GENERATIONS + 1) if (p := backup_path(path, n)).exists()]


def _made(path: Path) -> dt.datetime | None:
    try:
        return dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC)
    except OSError:
        return None


def due(path: Path, first_of_session: bool, now: dt.datetime) -> bool:
    """Should this save keep the draft on disk as a new generation?"""
    newest = _made(backup_path(path, 1))
    return first_of_session or newest is None or now - newest >= INTERVAL


def keep(path: Path, previous: bytes, now: dt.datetime) -> None:
    """Move every backup down one place and keep ``previous`` as backup 1, stamped ``now``."""
    for n in range(GENERATIONS - 1, 0, -1):
        older = backup_path(path, n)
        if older.exists():
            older.replace(backup_path(path, n + 1))
    newest = backup_path(path, 1)
    atomic_write(newest, previous)
    stamp = now.timestamp()
    os.utime(newest, (stamp, stamp))
