"""The plain text a page of the report shows, read back from the signed revision.

Just enough for the verifier to compare the report with the pack's own data:
the report's fonts draw printable ASCII as itself, so the literal strings of a
page's content stream give its words, codes and dates (other characters become
spaces). Every step is bounded: the page tree is followed a limited depth, and
a page's content is read only up to a limit.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from typing import Any

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.rw_common import PdfHandler

MAX_TREE_DEPTH = 32
MAX_VISITS = 10_000
MAX_CONTENT_BYTES = 8 * 1024 * 1024
_LITERAL = re.compile(rb"\((?:\\.|[^\\()])*\)", re.DOTALL)
_ESCAPE = re.compile(rb"\\([0-7]{1,3}|.)", re.DOTALL)
_SIMPLE = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


class PageTextError(ValueError):
    """The page cannot be read; the message says why, plainly."""


def _resolve(obj: Any) -> Any:
    return obj.get_object() if isinstance(obj, generic.IndirectObject) else obj


def _pages(handler: PdfHandler, backwards: bool = False) -> Iterator[generic.DictionaryObject]:
    """The pages in order (or last first), visiting a bounded number of page-tree nodes.

    Nodes are read only as the walk reaches them, so the first few pages, or
    the last one, cost a few reads however long the report is.
    """
    stack: list[tuple[Any, int]] = [(handler.root.raw_get("/Pages"), 0)]
    seen: set[tuple[int, int]] = set()
    visits = 0
    while stack:
        raw, depth = stack.pop()
        visits += 1
        if isinstance(raw, generic.IndirectObject):
            if (raw.idnum, raw.generation) in seen:
                raise PageTextError("The report's page list loops back on itself: the file is damaged.")
            seen.add((raw.idnum, raw.generation))
        node = _resolve(raw)
        if depth > MAX_TREE_DEPTH or visits > MAX_VISITS or not isinstance(node, generic.DictionaryObject):
            raise PageTextError("The report's page list is damaged.")
        if node.get("/Type") == "/Page":
            yield node
            continue
        kids = _resolve(node.get("/Kids"))
        if not isinstance(kids, generic.ArrayObject):
            raise PageTextError("The report's page list is damaged.")
        shown = list(kids)[:MAX_VISITS]
        stack.extend((kid, depth + 1) for kid in (shown if backwards else reversed(shown)))


def leading_pages(handler: PdfHandler, count: int) -> list[generic.DictionaryObject]:
    """Up to the first ``count`` pages in order."""
    pages = list(itertools.islice(_pages(handler), count))
    if not pages:
        raise PageTextError("The report has no pages.")
    return pages


def last_page(handler: PdfHandler) -> generic.DictionaryObject:
    """The report's last page, reached from the end of the page tree."""
    last = next(_pages(handler, backwards=True), None)
    if last is None:
        raise PageTextError("The report has no pages.")
    return last


def _content(page: generic.DictionaryObject) -> bytes:
    parts = _resolve(page.get("/Contents"))
    streams = list(parts) if isinstance(parts, generic.ArrayObject) else [parts]
    data = b""
    for part in streams[:64]:
        stream = _resolve(part)
        if not isinstance(stream, generic.StreamObject):
            raise PageTextError("A page of the report is damaged.")
        data += bytes(stream.data)
        if len(data) > MAX_CONTENT_BYTES:
            raise PageTextError("A page of the report is far larger than a pack's.")
    return data


def _unescape(match: re.Match[bytes]) -> bytes:
    code = match.group(1)
    if code[:1].isdigit():
        return bytes([int(code, 8) & 0xFF])
    return _SIMPLE.get(code, code if code not in b"\r\n" else b"")


_PRINTABLE = bytes(b if 32 <= b < 127 else 32 for b in range(256))  # anything else becomes a space


def _printable(raw: bytes) -> str:
    return raw.translate(_PRINTABLE).decode("ascii")


def page_words(page: generic.DictionaryObject) -> str:
    """The page's text strings, one per line, as printable ASCII."""
    lines = (_printable(_ESCAPE.sub(_unescape, m.group(0)[1:-1])) for m in _LITERAL.finditer(_content(page)))
    return "\n".join(lines)
