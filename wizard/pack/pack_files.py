"""The files attached to a pack, read from the revision the signature covers.

A name tree is a graph inside the file: a ``/Kids`` loop, a very deep tree or
millions of entries must end in a plain "damaged" message, never a hang, so
every walk here counts what it visits. Each attachment must have a plain file
name given once, and the same name in the tree and in its file specification,
so what a commissioner extracts with any PDF reader is what was checked.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.reader import PdfFileReader

from wizard.core.draft.evidence import plain_name_problem

MAX_TREE_NODES = 5_000
MAX_TREE_DEPTH = 16
MAX_FILES = 50_000
MAX_JSON_BYTES = 64 * 1024 * 1024  # the same bound as a draft on disk


class PackFilesError(ValueError):
    """The attachments cannot be read as a pack holds them; the message says why, plainly."""


@dataclass(frozen=True)
class PackFiles:
    """File specifications by name, from one revision of the file."""

    specs: dict[str, generic.DictionaryObject]

    def data(self, name: str, limit: int = MAX_JSON_BYTES) -> bytes | None:
        """The bytes of one attachment, or None when the pack does not carry it."""
        spec = self.specs.get(name)
        if spec is None:
            return None
        stream = _resolve(_resolve(spec.get("/EF"))["/F"])
        if not isinstance(stream, generic.StreamObject):
            raise PackFilesError(f"The attached file {name} is damaged.")
        if len(stream.encoded_data) > limit:
            raise PackFilesError(f"The attached file {name} is far larger than a pack's {name}.")
        data = bytes(stream.data)  # pyHanko caps how far a compressed stream may expand
        if len(data) > limit:
            raise PackFilesError(f"The attached file {name} is far larger than a pack's {name}.")
        return data


def _resolve(obj: Any) -> Any:
    return obj.get_object() if isinstance(obj, generic.IndirectObject) else obj


def _text(obj: Any) -> str | None:
    obj = _resolve(obj)
    return str(obj) if isinstance(obj, generic.TextStringObject) else None


def _check_spec(name: str, spec: Any) -> generic.DictionaryObject:
    """One file specification: a dictionary whose own names and streams agree with its entry."""
    if not isinstance(spec, generic.DictionaryObject):
        raise PackFilesError(f"The entry for the attached file {name} is damaged.")
    for key in ("/F", "/UF"):
        if key in spec and _text(spec.get(key)) != name:
            raise PackFilesError(
                f"The attached file {name} carries a different name inside it; "
                "a reader could save it under that other name."
            )
    streams = _resolve(spec.get("/EF"))
    if not isinstance(streams, generic.DictionaryObject) or "/F" not in streams:
        raise PackFilesError(f"The attached file {name} has no content.")
    main, unicode = streams.raw_get("/F"), streams.raw_get("/UF") if "/UF" in streams else None
    if unicode is not None and unicode != main:
        raise PackFilesError(
            f"The attached file {name} holds two different contents; readers may show either."
        )
    return spec


def _kids(node: generic.DictionaryObject) -> list[Any]:
    kids = _resolve(node.get("/Kids"))
    if kids is None:
        return []
    if not isinstance(kids, generic.ArrayObject):
        raise PackFilesError("The list of attached files is damaged.")
    return list(kids)


def _entries(node: generic.DictionaryObject) -> list[Any]:
    names = _resolve(node.get("/Names"))
    if names is None:
        return []
    if not isinstance(names, generic.ArrayObject) or len(names) % 2:
        raise PackFilesError("The list of attached files is damaged.")
    return list(names)


def _walk(tree: Any) -> dict[str, generic.DictionaryObject]:
    """Every (name, spec) in the tree, visiting each node once and at most ``MAX_TREE_NODES``."""
    found: dict[str, generic.DictionaryObject] = {}
    seen: set[tuple[int, int]] = set()
    stack: list[tuple[Any, int]] = [(tree, 0)]
    visited = 0
    while stack:
        raw, depth = stack.pop()
        if isinstance(raw, generic.IndirectObject):
            key = (raw.idnum, raw.generation)
            if key in seen:
                raise PackFilesError("The list of attached files loops back on itself: the file is damaged.")
            seen.add(key)
        visited += 1
        if visited > MAX_TREE_NODES or depth > MAX_TREE_DEPTH:
            raise PackFilesError("The list of attached files is far larger or deeper than a pack's.")
        node = _resolve(raw)
        if not isinstance(node, generic.DictionaryObject):
            raise PackFilesError("The list of attached files is damaged.")
        entries = _entries(node)
        for i in range(0, len(entries), 2):
            name = _text(entries[i])
            if name is None:
                raise PackFilesError("An attached file's name is not text.")
            problem = plain_name_problem(name)
            if problem:
                raise PackFilesError(f"An attached file has an unsafe name: {problem}.")
            if name in found:
                raise PackFilesError(
                    f"The pack lists two attached files named {name}; a pack names each file once."
                )
            found[name] = _check_spec(name, _resolve(entries[i + 1]))
            if len(found) > MAX_FILES:
                raise PackFilesError("The pack holds far more attached files than a pack can.")
        stack.extend((kid, depth + 1) for kid in _kids(node))
    return found


def read_pack_files(reader: PdfFileReader, revision: int) -> PackFiles:
    """The attachments as they were in ``revision`` (the signed one), checked as above."""
    root = reader.get_historical_resolver(revision).root
    names = _resolve(root.get("/Names"))
    if not isinstance(names, generic.DictionaryObject) or "/EmbeddedFiles" not in names:
        return PackFiles({})
    return PackFiles(_walk(names.raw_get("/EmbeddedFiles")))
