"""Give the windowed Windows executable somewhere to print.

A windowed (no console) program on Windows starts with no standard output, so
``gp-cyber-wizard.exe --self-test`` would print nothing. Borrow the console of
the Command Prompt or PowerShell it was started from; when there is none (it
was started from a shortcut), write to a file in the data folder instead.
Elsewhere, and for the console executable, nothing changes.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from wizard.core.data_folder import data_folder


def _console_streams() -> tuple[TextIO, TextIO] | None:
    if sys.platform != "win32":
        return None
    import ctypes

    if not ctypes.windll.kernel32.AttachConsole(-1):  # -1: the parent process's console
        return None
    out = Path("CONOUT$").open("w", encoding="utf-8", errors="replace")  # noqa: SIM115 - kept open
    return out, out


def ensure_output() -> Path | None:
    """Make sure print() goes somewhere; the file written to when it is not a console, else None."""
    if sys.stdout is not None and sys.stderr is not None:
        return None
    streams = _console_streams()
    if streams is not None:
        sys.stdout, sys.stderr = streams
        return None
    target = data_folder().command_log
    target.parent.mkdir(parents=True, exist_ok=True)
    log = target.open("w", encoding="utf-8")  # lives as long as the process
    sys.stdout = sys.stdout or log
    sys.stderr = sys.stderr or log
    return target
