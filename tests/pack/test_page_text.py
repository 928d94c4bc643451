"""Reading a report's pages back: in order from the front, and the last one from the end of a nested tree."""

from __future__ import annotations

import io

from hypothesis import given
from hypothesis import strategies as st
from pyhanko.pdf_utils.reader import PdfFileReader

from wizard.pack import page_text
from wizard.pack.page_text import last_page, leading_pages, page_words


def _pdf(objects: dict[int, bytes]) -> bytes:
    """A PDF whose objects are given by number (1 is the catalog), with a correct cross-reference table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = out.tell()
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, objects[number]))
    start = out.tell()
    size = max(objects) + 1
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % size)
    for number in range(1, size):  # numbers not used are free entries
        out.write(b"%010d 00000 n \n" % offsets[number] if number in offsets else b"0000000000 65535 f \n")
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, start))
    return out.getvalue()


def _page(number: int, parent: int, content: int) -> bytes:
    return b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R >>" % (parent, content)


def _content(text: bytes) -> bytes:
    body = b"BT /F1 12 Tf 72 720 Td (" + text + b") Tj ET"
    return b"<< /Length %d >>\nstream\n%s\nendstream" % (len(body), body)


def _nested_report() -> PdfFileReader:
    """Pages one to five in a two-level tree: [[1, 2], [3, [4, 5]]]."""
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 5 >>",
        3: b"<< /Type /Pages /Parent 2 0 R /Kids [10 0 R 11 0 R] /Count 2 >>",
        4: b"<< /Type /Pages /Parent 2 0 R /Kids [12 0 R 5 0 R] /Count 3 >>",
        5: b"<< /Type /Pages /Parent 4 0 R /Kids [13 0 R 14 0 R] /Count 2 >>",
    }
    parents = {10: 3, 11: 3, 12: 4, 13: 5, 14: 5}
    for n, (page, parent) in enumerate(parents.items(), start=1):
        objects[page] = _page(page, parent, 20 + n)
        objects[20 + n] = _content(b"Page %d" % n)
    return PdfFileReader(io.BytesIO(_pdf(objects)), strict=False)


def test_pages_come_in_order_and_the_last_is_found_from_the_end() -> None:
    reader = _nested_report()
    assert [page_words(p) for p in leading_pages(reader, 3)] == ["Page 1", "Page 2", "Page 3"]
    assert [page_words(p) for p in leading_pages(reader, 40)][-1] == "Page 5"
    assert page_words(last_page(reader)) == "Page 5"


@given(st.binary(max_size=300))
def test_printable_keeps_printable_ascii_and_spaces_the_rest(raw: bytes) -> None:
    expected = "".join(chr(b) if 32 <= b < 127 else " " for b in raw)
    assert page_text._printable(raw) == expected
