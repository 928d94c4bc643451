"""A folder that can really be made read-only, or pulled out like a USB stick.

As root (CI) the folder is a small tmpfs mount: remounting it read-only makes
the kernel refuse every write (EROFS), as a write-protected stick does, and
unmounting it is a pulled stick. Without root, permissions do the same job.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.unprivileged import is_root


class Stick:
    def __init__(self, folder: Path, mounted: bool) -> None:
        self.folder = folder
        self.mounted = mounted

    def _mount(self, *args: str) -> None:
        subprocess.run(["mount", *args, str(self.folder)], check=True, capture_output=True)

    def read_only(self) -> None:
        if self.mounted:
            self._mount("-o", "remount,ro")
        else:
            self.folder.chmod(0o555)

    def writable(self) -> None:
        if self.mounted:
            self._mount("-o", "remount,rw")
        else:
            self.folder.chmod(0o755)

    def pull_out(self) -> None:
        if not self.mounted:
            pytest.skip("pulling a stick out needs a mount (run as root)")
        subprocess.run(["umount", str(self.folder)], check=True, capture_output=True)
        self.mounted = False


@contextmanager
def stick(base: Path) -> Iterator[Stick]:
    folder = base / "stick"
    folder.mkdir()
    mounted = False
    if is_root():
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=32m", "tmpfs", str(folder)], capture_output=True
        )
        if done.returncode != 0:
            pytest.skip(f"cannot mount a test file system here: {done.stderr.decode().strip()}")
        mounted = True
    handle = Stick(folder, mounted)
    try:
        yield handle
    finally:
        if handle.mounted:
            subprocess.run(["umount", "-l", str(folder)], capture_output=True)
        else:
            folder.chmod(0o755)
