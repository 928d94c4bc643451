"""Small helpers for printing: JSON out, plain errors to stderr, and text from files made harmless.

Text read from a pack or a file name comes from whoever made the file. Printed
raw, an escape sequence could clear the commissioner's screen or rewrite a
line to say GOOD, a newline could add a line of its own, and a cell starting
with '=' runs as a formula when the CSV is opened in a spreadsheet.
"""

from __future__ import annotations

import json
import re
import sys
from typing import Any

# C0 and C1 control characters (escape sequences start with one), the line and
# paragraph separators, and the marks that reverse the direction of text.
_UNSAFE_IN_JSON = "\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069"  # JSON leaves these raw
_CONTROL = re.compile(f"[\x00-\x1f{_UNSAFE_IN_JSON}]")
_RAW_IN_JSON = re.compile(f"[{_UNSAFE_IN_JSON}]")
_FORMULA_START = tuple("=+-@\t\r\uff1d\uff0b\uff0d\uff20")  # and the full-width forms Excel also reads


def plain(text: object) -> str:
    """``text`` as one printable line: every control character becomes '?'."""
    return _CONTROL.sub("?", str(text))


def csv_cell(text: object) -> str:
    """A cell a spreadsheet shows as text: plain, and never the start of a formula."""
    cell = plain(text)
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


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


def fail(message: str, code: int) -> int:
    print(message, file=sys.stderr)
    return code
