"""Does the signature cover the whole file? Decided on the file's own bytes.

pyHanko counts a file as wholly signed when its length equals the two signed
ranges plus twice the length of the /Contents string it read, plus two. A
forger holding a genuine pack can append a revision and re-encode /Contents
(as a literal string, in the gap or in a re-sent signature dictionary) so that
sum still comes out right, and the appended revision is then read as if it
had been signed. poppler's pdfsig is not fooled because it checks where the
second range ends. A pack must pass the stricter test of both: the
``/ByteRange`` is four whole numbers ``[0 a b c]``, ``b + c`` is the file's
length, and the bytes from ``a`` to ``b`` are exactly ``<hex>`` where the hex
is the signature pyHanko checked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_HEX = re.compile(rb"<([0-9A-Fa-f]*)>")
_BYTE_RANGE = re.compile(rb"/ByteRange\s*\[\s*(\d{1,12})\s+(\d{1,12})\s+(\d{1,12})\s+(\d{1,12})\s*\]")


@dataclass(frozen=True)
class Coverage:
    """What the byte range says; ``problem`` is empty when the signature covers every byte."""

    whole_file: bool
    changed_after_signing: bool
    problem: str = ""
    signed_length: int | None = None  # the file's first bytes the signature covers, when that is clear


def _four_whole_numbers(byte_range: object) -> tuple[int, int, int, int] | None:
    try:
        numbers = list(byte_range)  # type: ignore[call-overload]
    except TypeError:
        return None
    if len(numbers) != 4 or not all(isinstance(n, int) and not isinstance(n, bool) for n in numbers):
        return None
    return numbers[0], numbers[1], numbers[2], numbers[3]


def check_coverage(data: bytes, byte_range: object, contents: bytes) -> Coverage:
    """Check ``/ByteRange`` and the gap it leaves against the whole of ``data``.

    ``contents`` is the signature as the validator read it from ``/Contents``.
    """
    numbers = _four_whole_numbers(byte_range)
    if numbers is None:
        return Coverage(False, True, "The signature's byte range is not the four numbers a signed pack has.")
    start, gap_start, gap_end, tail = numbers
    if start != 0 or not 0 < gap_start < gap_end or tail < 0:
        return Coverage(
            False, True, "The signature's byte range does not start at the beginning of the file."
        )
    end = gap_end + tail
    if end < len(data):
        added = f"{len(data) - end:,} bytes were added after the part of the file that was signed."
        return Coverage(False, True, added, end)
    if end > len(data):
        return Coverage(False, True, "The signature claims to cover more bytes than the file holds.")
    gap = _HEX.fullmatch(data[gap_start:gap_end])
    if gap is None or len(gap.group(1)) % 2:
        return Coverage(
            False, True, "The space kept for the signature holds something other than the signature.", end
        )
    if bytes.fromhex(gap.group(1).decode("ascii")) != contents:
        return Coverage(False, True, "The signature that was checked is not the one in the signed file.", end)
    return Coverage(True, False, "", end)


def coverage_from_bytes(data: bytes) -> Coverage | None:
    """The same test for a file too damaged to read as a PDF, from its one ``/ByteRange`` if it has one.

    poppler still finds a signature in such a file and says whether it covers
    every byte; so does this, leaving whether the signature is valid unsaid.
    """
    found = _BYTE_RANGE.findall(data)
    if len(found) != 1:
        return None
    numbers = tuple(int(n) for n in found[0])
    gap = _HEX.fullmatch(data[numbers[1] : numbers[2]]) if numbers[1] < numbers[2] <= len(data) else None
    contents = bytes.fromhex(gap.group(1).decode("ascii")) if gap and len(gap.group(1)) % 2 == 0 else b""
    return check_coverage(data, numbers, contents)
