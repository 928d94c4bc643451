"""Small helpers for printing: JSON out, plain errors to stderr, and text from files made harmless.

``plain`` and ``csv_cell`` live in ``wizard.core.safe_text`` (the reviewer
window and the ICB's reports use them too); they are imported here for the commands.
"""

from __future__ import annotations

import json
import re
import sys
from typing import Any

from wizard.core.safe_text import UNSAFE_IN_JSON, csv_cell, plain

__all__ = ["CommandError", "csv_cell", "plain", "print_json"]

_RAW_IN_JSON = re.compile(f"[{UNSAFE_IN_JSON}]")


def _escape_controls(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group(0)):04x}"


def print_json(data: Any) -> None:
    """JSON for scripts; the control characters JSON itself lets through raw are escaped too."""
    text = json.dumps(data, indent=2, ensure_ascii=False, default=str)
    sys.stdout.write(_RAW_IN_JSON.sub(_escape_controls, text) + "\n")


class CommandError(Exception):
    """Stops a command with a plain message and an exit code (no traceback)."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code
