"""Work off the GUI thread: its result reaches the GUI thread, and a program closed meanwhile hears nothing."""

from __future__ import annotations

import threading

import pytest
import shiboken6
from PySide6.QtCore import QThreadPool
from pytestqt.qtbot import QtBot

from wizard.ui import workers
from wizard.ui.workers import run_in_thread


def test_the_result_comes_back_on_the_gui_thread(qtbot: QtBot) -> None:
    heard: list[tuple[int, bool]] = []
    run_in_thread(
        lambda: 42,
        lambda value: heard.append((value, threading.current_thread() is threading.main_thread())),
        heard.append,
    )
    qtbot.waitUntil(lambda: bool(heard), timeout=5_000)
    assert heard == [(42, True)]


def test_a_job_that_ends_after_its_receiver_is_gone_says_nothing(
    qtbot: QtBot, capfd: pytest.CaptureFixture[str]
) -> None:
    """As when the window is closed while the libraries are still being read in behind it."""
    started, release = threading.Event(), threading.Event()
    heard: list[object] = []

    def job() -> int:
        started.set()
        release.wait(5)
        return 1

    before = set(workers._live)
    run_in_thread(job, heard.append, heard.append)
    assert started.wait(5)
    (relay,) = set(workers._live) - before
    shiboken6.delete(relay)  # what closing the program does to it
    release.set()
    assert QThreadPool.globalInstance().waitForDone(5_000)
    qtbot.wait(50)
    assert heard == [] and "Error calling Python override" not in capfd.readouterr().err
