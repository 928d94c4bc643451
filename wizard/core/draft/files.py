"""A new assessment's file takes the practice's name once the practice says it.

A new draft has to be saved before the practice is named, so it starts as
"Assessment 2026-12-01 0754.json"; a folder of those says nothing. When the
practice's name is first given, the draft (with its backups and its evidence
folder) is renamed after the practice. A draft the practice named is never renamed.
"""

from __future__ import annotations

import re
from pathlib import Path

from wizard.core.data_folder import evidence_dir
from wizard.core.draft.backups import GENERATIONS, backup_path
from wizard.core.draft.evidence import safe_name

PROVISIONAL = re.compile(r"^Assessment \d{4}-\d{2}-\d{2} \d{4}( \(\d+\))?$")


def is_provisional(path: Path) -> bool:
    return bool(PROVISIONAL.match(path.stem))


def _companions(path: Path) -> list[Path]:
    return [backup_path(path, n) for n in range(1, GENERATIONS + 1)] + [evidence_dir(path)]


def free_path(folder: Path, stem: str, suffix: str) -> Path:
    """``stem`` + ``suffix`` in ``folder``, or with " (2)", " (3)"... where that name or its companions exist."""
    candidate = folder / f"{stem}{suffix}"
    counter = 2
    while candidate.exists() or any(p.exists() for p in _companions(candidate)):
        candidate = folder / f"{stem} ({counter}){suffix}"
        counter += 1
    return candidate


def name_after_practice(path: Path, practice_name: str) -> Path:
    """Rename a provisional draft after the practice; return where it is now (the same path if not renamed).

    Raises OSError when a file cannot be moved; files moved before the failure are
    moved back, so the draft is always whole under one name.
    """
    stem = safe_name(practice_name.strip()).removesuffix(".json")
    if not is_provisional(path) or not practice_name.strip() or stem == "evidence":
        return path
    target = free_path(path.parent, stem, path.suffix)
    moves = [(path, target)] + [
        (old, new) for old, new in zip(_companions(path), _companions(target), strict=True) if old.exists()
    ]
    done: list[tuple[Path, Path]] = []
    try:
        for old, new in moves:
            old.rename(new)
            done.append((old, new))
    except OSError:
        for old, new in reversed(done):
            new.rename(old)
        raise
    return target
