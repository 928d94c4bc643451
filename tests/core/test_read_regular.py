"""``read_regular`` returns every byte of an ordinary file and stops at its limit, whatever the file's size claims."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from wizard.core.atomic import read_regular


@pytest.mark.parametrize("size", [0, 1, 4095, 4096, 1024 * 1024 + 7])
def test_an_ordinary_file_is_read_whole(tmp_path: Path, size: int) -> None:
    path = tmp_path / "evidence.bin"
    data = os.urandom(size)
    path.write_bytes(data)
    assert read_regular(path, size) == data  # exactly at the limit is allowed


def test_one_byte_over_the_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "evidence.bin"
    path.write_bytes(b"x" * 101)
    with pytest.raises(OSError) as caught:
        read_regular(path, 100)
    assert caught.value.errno == errno.EFBIG
    assert "larger than 100 bytes" in str(caught.value.strerror)


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux's /proc")
def test_a_file_holding_more_than_its_size_says_is_read_on() -> None:
    """/proc files report a size of 0 but hold text: the read goes on past the stated size."""
    path = Path("/proc/self/status")
    assert path.stat().st_size == 0
    text = read_regular(path, 1024 * 1024)
    assert text.startswith(b"Name:") and b"\nPid:" in text


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux's /proc")
def test_a_file_holding_more_than_its_size_says_still_stops_at_the_limit() -> None:
    with pytest.raises(OSError) as caught:
        read_regular(Path("/proc/self/status"), 10)
    assert caught.value.errno == errno.EFBIG
