"""Crash-safe file writing, and reading that takes only ordinary files, and only so much.

Writing: temporary file, flush, fsync, rename, fsync folder. After a power cut
or a pulled USB stick the target holds either the old or the new bytes, never
a mixture.

Reading: a path someone else chose may name a device (``/dev/zero`` never
ends), a named pipe (opening it waits for a writer that never comes) or a
folder. ``read_regular`` refuses those before opening them, and stops at a
size limit, so bad input cannot hang the program or fill its memory.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import stat
from pathlib import Path

TMP_PREFIX = ".gpcw-tmp-"
_MAX_NAME_BYTES = 255  # the usual file system limit for one name


def fsync_dir(folder: Path) -> None:
    """Make a rename durable. Windows cannot open folders, and needs no call."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _temporary_for(target: Path) -> Path:
    """A temporary name beside ``target``; shortened when the target's own name is near the limit."""
    name = f"{TMP_PREFIX}{os.getpid()}-{target.name}"
    if len(name.encode("utf-8")) > _MAX_NAME_BYTES:
        name = f"{TMP_PREFIX}{os.getpid()}-{hashlib.sha256(target.name.encode()).hexdigest()[:16]}"
    return target.with_name(name)


def atomic_write(target: Path, data: bytes) -> None:
    """Replace ``target`` with ``data`` atomically; raise OSError on failure."""
    tmp = _temporary_for(target)
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


def _too_large(limit: int) -> OSError:
    size = f"{limit / 1048576:.0f} MB" if limit >= 1048576 else f"{limit:,} bytes"
    return OSError(errno.EFBIG, f"it is larger than {size}, far more than expected")


def _refuse_special(info: os.stat_result, limit: int) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(errno.EISDIR, "it is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise OSError(errno.EINVAL, "it is not an ordinary file (a device, a pipe or a link)")
    if info.st_size > limit:
        raise _too_large(limit)


def read_regular(path: Path, limit: int, follow_symlinks: bool = True) -> bytes:
    """The bytes of an ordinary file of at most ``limit`` bytes; OSError (with a plain strerror) otherwise.

    With ``follow_symlinks=False`` a symbolic link is refused too, so a file in
    one of the program's own folders cannot point somewhere else.
    """
    _refuse_special(path.stat(follow_symlinks=follow_symlinks), limit)
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)
    if not follow_symlinks:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags)
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        _refuse_special(info, limit)  # swapped since the check above
        # Asking for the file's own size (not the limit) keeps a 20 MB read at 1 ms, not 11:
        # a read of ``limit`` bytes first sets aside that much memory.
        want = info.st_size + 1
        data = handle.read(want)
        if len(data) == want:  # it grew while being read: read on, up to one byte past the limit
            data += handle.read(limit + 1 - len(data))
    if len(data) > limit:
        raise _too_large(limit)
    return data
