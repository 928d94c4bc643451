"""Running the wizard's commands from a test: in this process (fast), or as a real process.

``run_cli`` calls ``wizard.cli.main`` here, the way click's CliRunner (and
pyHanko's CLI tests with it) run a command: standard input, output and error
are swapped for in-memory streams, ``SystemExit`` becomes the exit code, and
the environment, working folder, keyring backend and logging levels are put
back afterwards, even when the command raises. Starting ``python -m wizard``
costs over a second of imports (reportlab, pyHanko, cryptography); this costs
only the command's own work.

What a real process gives, the in-process run gives too:
- output as bytes written in UTF-8 (``sys.stdout.buffer`` works), read back as
  ``subprocess.run(..., text=True)`` reads it (universal newlines);
- no terminal: standard input is ``stdin`` (empty by default), never a tty,
  so a command that would ask for a passphrase refuses in words instead (and
  were one to call ``getpass`` all the same, ``AskedTheTerminal`` fails the
  test rather than letting it wait on /dev/tty);
- the keyring backend a fresh process would pick from ``PYTHON_KEYRING_BACKEND``
  (conftest sets the failing one), not one a test installed or one cached earlier.

Any other exception is not caught: it fails the test with its traceback, as a
traceback on a real process's stderr failed the tests that looked for one.

``run_process`` is the real thing, ``python -m wizard``, for what only a
process shows: its exit code and output as the shell sees them, its start-up.
"""

from __future__ import annotations

import getpass
import io
import logging
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import keyring
import keyring.core

from wizard.cli import main

ROOT = Path(__file__).resolve().parent.parent  # the checkout: where every command ran before
Arg = str | Path | int
Env = Mapping[str, str | None]  # None removes a variable


@dataclass(frozen=True)
class Ran:
    """What a command did; the same names as ``subprocess.CompletedProcess``."""

    args: list[str]
    returncode: int
    stdout: str
    stderr: str


class CommandTimedOut(BaseException):
    """The command ran past its time limit: a hang, stopped as a child process's timeout would stop it."""


class AskedTheTerminal(BaseException):
    """A command asked for a passphrase at the terminal, where a test has none (a real run would wait).

    A BaseException, so no ``except Exception`` in the command can hide it.
    """


def _no_terminal(prompt: str = "", stream: object = None) -> str:
    raise AskedTheTerminal(f"the command asked the terminal: {prompt!r}")


def _universal_newlines(data: bytes) -> str:
    """Decoded as ``subprocess.run(text=True)`` decodes a child's output."""
    text = data.decode("utf-8")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _applied(base: Mapping[str, str], env: Env | None) -> dict[str, str]:
    """``base`` with ``env`` laid over it: a value sets a variable, None removes it."""
    environment = dict(base)
    for name, value in (env or {}).items():
        if value is None:
            environment.pop(name, None)
        else:
            environment[name] = value
    return environment


@contextmanager
def _environment(env: Env | None) -> Iterator[None]:
    saved = dict(os.environ)
    try:
        os.environ.clear()
        os.environ.update(_applied(saved, env))
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


@contextmanager
def _working_folder(cwd: Path | None) -> Iterator[None]:
    saved = Path.cwd()
    os.chdir(cwd or ROOT)
    try:
        yield
    finally:
        os.chdir(saved)


@contextmanager
def _fresh_keyring() -> Iterator[None]:
    """The backend a new process would choose now (from PYTHON_KEYRING_BACKEND), and the old one back after."""
    saved = keyring.core._keyring_backend  # None until first used: put back as it was
    keyring.core.init_backend()
    try:
        yield
    finally:
        keyring.core._keyring_backend = saved


@contextmanager
def _logging_kept() -> Iterator[None]:
    """Undo what a command does to logging (received.quiet_pyhanko mutes pyHanko), as a process's end would."""
    manager = logging.Logger.manager
    loggers = {name: log for name, log in manager.loggerDict.items() if isinstance(log, logging.Logger)}
    root = logging.getLogger()
    saved = {
        name: (log.level, list(log.handlers), log.propagate, log.disabled)
        for name, log in [("", root), *loggers.items()]
    }
    disable = manager.disable
    try:
        yield
    finally:
        manager.disable = disable
        for name, log in [("", root), *manager.loggerDict.items()]:
            if not isinstance(log, logging.Logger):
                continue
            if name in saved:
                log.level, handlers, log.propagate, log.disabled = saved[name]
                log.handlers[:] = handlers
            else:  # made during the run (was a placeholder, or new): as it would be in a new process
                log.setLevel(logging.NOTSET)
        manager._clear_cache()  # type: ignore[attr-defined]


@contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """SIGALRM interrupts even a blocking open() of a named pipe; only the main thread can take it."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "SIGALRM"):
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise CommandTimedOut(f"the command was still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@dataclass
class _Output:
    stdout: bytes = b""
    stderr: bytes = b""


@contextmanager
def _standard_streams(stdin: str) -> Iterator[_Output]:
    """UTF-8 text over bytes, as a process's pipes; what was written is in the yielded object after."""
    out, err = io.BytesIO(), io.BytesIO()
    streams = (
        io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8")), encoding="utf-8"),
        io.TextIOWrapper(out, encoding="utf-8", errors="strict", write_through=True),
        io.TextIOWrapper(err, encoding="utf-8", errors="backslashreplace", write_through=True),
    )
    saved = (sys.stdin, sys.stdout, sys.stderr)
    ask = getpass.getpass
    written = _Output()
    sys.stdin, sys.stdout, sys.stderr = streams
    getpass.getpass = _no_terminal
    try:
        yield written
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved
        getpass.getpass = ask
        for stream in streams[1:]:
            stream.flush()
        written.stdout, written.stderr = out.getvalue(), err.getvalue()
        for stream in streams:
            stream.close()


def run_cli(
    *args: Arg, env: Env | None = None, cwd: Path | None = None, stdin: str = "", timeout: float = 120
) -> Ran:
    """``python -m wizard ARGS``, run in this process; ``env`` adds to (or, with None, removes from) the environment.

    ``cwd`` is the working folder (the checkout when not given, as for every
    command the tests ran before). A command still running after ``timeout``
    seconds (a hang) is stopped with ``CommandTimedOut``, as the child
    processes' timeout stopped them.
    """
    argv = [str(a) for a in args]
    with (
        _environment(env),
        _working_folder(cwd),
        _fresh_keyring(),
        _logging_kept(),
        _standard_streams(stdin) as written,
        _time_limit(timeout),
    ):
        try:
            returned: object = main(argv)
        except SystemExit as stopped:  # argparse: --help, --version, a usage error
            returned = stopped.code
        if isinstance(returned, int):
            code = returned
        elif returned is None:
            code = 0
        else:  # sys.exit("message"): printed, and exit 1, as Python does
            print(returned, file=sys.stderr)
            code = 1
    return Ran(
        argv,
        code,
        _universal_newlines(written.stdout),
        _universal_newlines(written.stderr),
    )


def run_process(
    *args: Arg,
    env: Env | None = None,
    cwd: Path | None = None,
    stdin: str | None = None,
    timeout: float = 300,
) -> subprocess.CompletedProcess[str]:
    """``python -m wizard ARGS`` as a real process; standard input is ``stdin``, or nothing (/dev/null)."""
    return subprocess.run(
        [sys.executable, "-m", "wizard", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        env=_applied(os.environ, env),
        timeout=timeout,
        input=stdin,
        stdin=subprocess.DEVNULL if stdin is None else None,
    )
