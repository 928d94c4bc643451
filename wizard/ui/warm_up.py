"""Read in the checks and sign pages' libraries behind the wizard, before those pages open.

They need cryptography, pyHanko and reportlab: more than a second of imports on
a slow PC, with the window frozen if that happens when the page opens. Once an
assessment is open the practice manager is on the way to those pages, so they
are read in on a worker then; not at start, so someone who only looks at the
start page, or reviews packs, does not pay the 75 MB they take.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from PySide6.QtCore import QObject

from wizard.ui.workers import run_in_thread

MODULES = ("wizard.app.checks", "wizard.app.packs")


def _read_in() -> None:
    for name in MODULES:
        importlib.import_module(name)


def warm_up(owner: QObject, done: Callable[[], None]) -> None:
    """Import ``MODULES`` on a worker; ``done`` runs on the GUI thread after.

    A library that fails to import is reported by its page when opened, as before.
    """
    run_in_thread(_read_in, lambda _result: done(), lambda _exc: None, owner)
