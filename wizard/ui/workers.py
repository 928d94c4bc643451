"""Run slow work (file copies, saves) off the GUI thread and hear back by signal."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class _Relay(QObject):
    """Lives on the GUI thread. The worker emits its signals; because the
    receiving slots belong to this object, Qt queues them to the GUI thread."""

    done = Signal(object)
    failed = Signal(object)
    progressed = Signal(object)

    def __init__(
        self,
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None],
        owner: QObject | None,
        on_progress: Callable[[Any], None] | None = None,
    ) -> None:
        super().__init__()
        self._on_done = on_done
        self._on_error = on_error
        self._on_progress = on_progress
        self._owner = owner
        self.done.connect(self._deliver_done)
        self.failed.connect(self._deliver_error)
        self.progressed.connect(self._deliver_progress)

    def _owner_gone(self) -> bool:
        return self._owner is not None and not shiboken6.isValid(self._owner)

    @Slot(object)
    def _deliver_done(self, value: Any) -> None:
        _live.discard(self)
        if not self._owner_gone():  # e.g. the page was closed while a file was copied
            self._on_done(value)

    @Slot(object)
    def _deliver_progress(self, step: Any) -> None:
        if self._on_progress is not None and not self._owner_gone():
            self._on_progress(step)

    @Slot(object)
    def _deliver_error(self, exc: Exception) -> None:
        _live.discard(self)
        if not self._owner_gone():
            self._on_error(exc)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._fn = fn
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._fn()
        except Exception as exc:  # handed to the GUI thread, which decides what to say
            self._send("failed", exc)
            return
        self._send("done", result)

    def _send(self, signal: str, value: Any) -> None:
        with contextlib.suppress(RuntimeError):  # the program closed while the job ran: no one left to tell
            getattr(self._relay, signal).emit(value)


_live: set[_Relay] = set()  # keeps relays alive until they have delivered


def run_in_thread(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[Exception], None],
    owner: QObject | None = None,
) -> None:
    """Call ``fn`` on the thread pool; ``on_done``/``on_error`` run on the GUI thread,
    unless ``owner`` (the widget that asked) has been deleted by then."""
    relay = _Relay(on_done, on_error, owner)
    _live.add(relay)
    QThreadPool.globalInstance().start(_Job(fn, relay))


def run_with_progress(
    fn: Callable[[Callable[[Any], None]], Any],
    on_progress: Callable[[Any], None],
    on_done: Callable[[Any], None],
    on_error: Callable[[Exception], None],
    owner: QObject | None = None,
) -> None:
    """Like ``run_in_thread``; ``fn`` is given a callback whose steps reach ``on_progress`` by signal."""
    relay = _Relay(on_done, on_error, owner, on_progress)
    _live.add(relay)
    QThreadPool.globalInstance().start(_Job(lambda: fn(relay.progressed.emit), relay))


def wait_for_workers(msecs: int = 10_000) -> bool:
    return QThreadPool.globalInstance().waitForDone(msecs)
