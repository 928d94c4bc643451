"""Run a function where folder permissions really apply.

CI runs as root, and root may write into a read-only folder. For those tests
the function runs in a forked child that has dropped to the 'nobody' user, so
the operating system itself refuses the write, exactly as on a locked-down PC.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

NOBODY = 65534


def is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def shared_tmp_dir() -> Path:
    """A folder the unprivileged child can reach (pytest's tmp_path is root-only)."""
    folder = Path(tempfile.mkdtemp(prefix="gpcw-ro-"))
    folder.chmod(0o755)
    return folder


def run_unprivileged(fn: Callable[[], Any]) -> Any:
    """Call ``fn`` without root rights; its JSON-able result is returned."""
    if not is_root():
        return fn()
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # child
        os.close(read_end)
        try:
            os.setgroups([])
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            payload = {"result": fn()}
        except BaseException as exc:  # report everything to the parent
            payload = {"error": f"{type(exc).__name__}: {exc}"}
        os.write(write_end, json.dumps(payload).encode())
        os._exit(0)
    os.close(write_end)
    chunks = []
    while chunk := os.read(read_end, 65536):
        chunks.append(chunk)
    os.close(read_end)
    os.waitpid(pid, 0)
    payload = json.loads(b"".join(chunks))
    if "error" in payload:
        raise AssertionError(f"unprivileged call failed: {payload['error']}")
    return payload["result"]
