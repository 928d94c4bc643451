"""Crash-safe file writing: temporary file, flush, fsync, rename, fsync folder.

After a power cut or a pulled USB stick the target holds either the old or the
new bytes, never a mixture.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

TMP_PREFIX = ".gpcw-tmp-"


def fsync_dir(folder: Path) -> None:
    """Make a rename durable. Windows cannot open folders, and needs no call."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write(target: Path, data: bytes) -> None:
    """Replace ``target`` with ``data`` atomically; raise OSError on failure."""
    tmp = target.with_name(f"{TMP_PREFIX}{os.getpid()}-{target.name}")
    try:
        with tmp.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        tmp.replace(target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_dir(target.parent)


def remove_stale_temporaries(target: Path) -> None:
    """Temporary files left by a process that was killed mid-write."""
    for stale in target.parent.glob(f"{TMP_PREFIX}*-{target.name}"):
        with contextlib.suppress(OSError):
            stale.unlink()
