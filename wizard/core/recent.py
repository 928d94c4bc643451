"""The drafts this PC has opened, newest first, for the start page."""

from __future__ import annotations

import json
from pathlib import Path

from wizard.core.atomic import atomic_write
from wizard.core.data_folder import data_folder

KEEP = 10


def _recent_file() -> Path:
    return data_folder().recent_file


def recent_drafts() -> list[Path]:
    """Drafts opened before that still exist, then any others in the drafts folder."""
    try:
        listed = json.loads(_recent_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        listed = []
    paths = [Path(p) for p in listed if isinstance(p, str)] if isinstance(listed, list) else []
    found = [p for p in paths if p.is_file()]
    folder = data_folder().drafts
    if folder.is_dir():
        others = sorted(
            (p for p in folder.glob("*.json") if "(backup " not in p.name and p not in found),
            key=lambda p: p.stat().st_mtime,
            reverse=True,
        )
        found += others
    return found


def remember(path: Path) -> None:
    """Put ``path`` first in the list. A failure to write the list is not worth an error."""
    resolved = path.resolve()
    entries = [str(resolved)] + [str(p) for p in recent_drafts() if p.resolve() != resolved]
    target = _recent_file()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(target, json.dumps(entries[:KEEP], indent=1).encode("utf-8"))
    except OSError:
        pass


def new_draft_path(stamp: str) -> Path:
    """A fresh file name in the drafts folder (created if needed)."""
    folder = data_folder().drafts
    folder.mkdir(parents=True, exist_ok=True)
    candidate = folder / f"Assessment {stamp}.json"
    counter = 2
    while candidate.exists():
        candidate = folder / f"Assessment {stamp} ({counter}).json"
        counter += 1
    return candidate
