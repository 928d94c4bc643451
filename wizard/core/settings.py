"""The program's own settings (the window's size and place): one small JSON file in the data folder.

Kept in the data folder, not the PC's registry, so a portable stick stays
portable. Reading never fails: a missing or damaged file means the defaults.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from wizard.core.atomic import atomic_write
from wizard.core.data_folder import data_folder


def settings_path() -> Path:
    return data_folder().settings_file


def load_settings() -> dict[str, Any]:
    try:
        data = json.loads(settings_path().read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return {}
    return data if isinstance(data, dict) else {}


def save_setting(key: str, value: Any) -> bool:
    """Store one setting; False when the data folder cannot be written (the program carries on)."""
    settings = load_settings()
    settings[key] = value
    target = settings_path()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(target, json.dumps(settings, indent=1).encode("utf-8"))
    except OSError:
        return False
    return True
