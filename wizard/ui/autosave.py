"""Save every change within a second, off the GUI thread, and say when it fails.

Changes restart a short timer; when it fires the draft is encoded on the GUI
thread (so the bytes are a consistent snapshot) and written by a worker. One
write is in flight at a time. A failed write keeps the answers in memory,
reports at once and retries every few seconds until a save succeeds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from wizard.core.draft.model import Draft
from wizard.core.draft.store import DraftSaveError, encode_for_save, write_draft_bytes
from wizard.ui.workers import run_in_thread, wait_for_workers

DEBOUNCE_MS = 600
RETRY_MS = 5000


class AutoSaver(QObject):
    saved = Signal(object)  # datetime of the save
    failed = Signal(str)  # plain-English reason

    def __init__(
        self, draft: Callable[[], Draft], path: Callable[[], Path], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._draft = draft
        self._path = path
        self._dirty = False
        self._in_flight = False
        self._attempt = 0  # replies from attempts older than a blocking flush are stale
        self._saved_once = False  # the first save of a session always keeps a backup generation
        self.last_error: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._save_now)

    def schedule(self) -> None:
        self._dirty = True
        self._timer.start(DEBOUNCE_MS)

    def _save_now(self) -> None:
        if self._in_flight or not self._dirty:
            return
        self._dirty = False
        self._in_flight = True
        self._attempt += 1
        attempt = self._attempt
        data = encode_for_save(self._draft())
        path = self._path()
        first = not self._saved_once
        run_in_thread(
            lambda: write_draft_bytes(path, data, must_exist=True, first_of_session=first),
            lambda _: self._on_saved(attempt),
            lambda exc: self._on_failed(attempt, exc),
            self,
        )

    def _on_saved(self, attempt: int) -> None:
        if attempt != self._attempt:
            return
        self._in_flight = False
        self._saved_once = True
        self.last_error = None
        self.saved.emit(dt.datetime.now())
        if self._dirty:
            self._timer.start(0)

    def _on_failed(self, attempt: int, exc: Exception) -> None:
        if attempt != self._attempt:
            return
        self._in_flight = False
        self._dirty = True
        message = str(exc) if isinstance(exc, DraftSaveError) else f"The answers could not be saved ({exc})."
        self.last_error = message
        self.failed.emit(message)
        self._timer.start(RETRY_MS)

    def flush(self) -> str | None:
        """Save now, on this thread (closing the window). Returns the error, if any."""
        self._timer.stop()
        wait_for_workers()
        needed = self._dirty or self._in_flight or self.last_error is not None
        self._attempt += 1  # whatever the worker said is now out of date
        self._in_flight = False
        if not needed:
            return None
        try:
            write_draft_bytes(
                self._path(),
                encode_for_save(self._draft()),
                must_exist=True,
                first_of_session=not self._saved_once,
            )
        except DraftSaveError as exc:
            self.last_error = str(exc)
            self._dirty = True
            self.failed.emit(self.last_error)
            return self.last_error
        self._dirty = False
        self._saved_once = True
        self.last_error = None
        self.saved.emit(dt.datetime.now())
        return None
