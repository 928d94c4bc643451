"""The seam between the generic runner and each operating system's collector.

A collector lists the independent reads it can make (``FactSpec``); the runner
makes them in parallel, each with its own time limit. A read that fails or
runs out of time becomes a fact with an ``error``, which the evaluators turn
into ``unable``: never a pass, never a fail, never a default value.
"""

from __future__ import annotations

import locale
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NamedTuple, Protocol

DEFAULT_TIMEOUT = 2.5


@dataclass(frozen=True)
class FactSpec:
    name: str  # e.g. "linux.os_release"
    source: str  # where it is read from, in words a technician recognises
    read: Callable[[], Any]  # returns JSON-able data; raises on failure
    timeout: float = DEFAULT_TIMEOUT


@dataclass(frozen=True)
class DeviceIdentity:
    hostname: str
    machine_id: str
    os_name: str
    elevated: bool


class Collector(Protocol):
    os: str  # "windows", "macos" or "linux"

    def identity(self) -> DeviceIdentity: ...

    def fact_specs(self) -> list[FactSpec]: ...


class ReadError(Exception):
    """A read failed in a way worth saying plainly (missing tool, refused...)."""


def system_locale() -> str:
    lang, _ = locale.getlocale()
    return lang or os.environ.get("LANG", "") or "unknown"


class CommandOutput(NamedTuple):
    code: int
    out: str
    err: str


def capture(args: list[str], timeout: float, ok_codes: tuple[int, ...] = (0,)) -> CommandOutput:
    """Run a read-only command with untranslated output; raise ReadError on trouble.

    ``LC_ALL=C`` keeps the output in English whatever the PC's language, so
    nothing translated is ever parsed. No window flashes up on Windows. The
    exit code and stderr are kept: some tools answer through them (macOS
    ``sysadminctl`` on stderr, ``defaults`` and ``launchctl`` by exit code).
    """
    env = {**os.environ, "LC_ALL": "C", "LANG": "C"}
    flags = getattr(subprocess, "CREATE_NO_WINDOW", 0) if sys.platform == "win32" else 0
    try:
        done = subprocess.run(
            args,
            capture_output=True,
            text=True,
            timeout=timeout,
            env=env,
            stdin=subprocess.DEVNULL,
            creationflags=flags,
            check=False,
        )
    except FileNotFoundError as exc:
        raise ReadError(f"{args[0]} is not installed") from exc
    except subprocess.TimeoutExpired as exc:
        raise ReadError(f"{args[0]} did not answer within {timeout:g} s") from exc
    except OSError as exc:
        raise ReadError(f"{args[0]} could not be run ({exc.strerror or exc})") from exc
    if done.returncode not in ok_codes:
        detail = (done.stderr or done.stdout).strip().splitlines()
        raise ReadError(f"{args[0]} failed (exit {done.returncode}{': ' + detail[-1] if detail else ''})")
    return CommandOutput(done.returncode, done.stdout, done.stderr)


def run_command(args: list[str], timeout: float, ok_codes: tuple[int, ...] = (0,)) -> str:
    """The standard output of ``capture``, for the many reads that need nothing else."""
    return capture(args, timeout, ok_codes).out
