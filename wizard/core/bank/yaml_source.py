"""Read YAML keeping the line of every value, so errors can name it.

The loader treats only ``true``/``false`` as booleans (YAML 1.2 style): in a
question bank ``yes`` and ``no`` are answers, not booleans, and an ODS code or
a version number must not silently change type.

Before anything is built, the text's shape is checked from its event stream
(which needs no recursion): aliases that multiply into billions of values (a
"billion laughs"), an alias inside the value it names, or nesting deeper than
any bank has, are refused with a plain message instead of hanging or
overflowing the stack.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

Path_ = tuple[str | int, ...]

_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BOOL_TAG = "tag:yaml.org,2002:bool"
MAX_DEPTH = 64  # the built-in banks nest 7 deep
MAX_VALUES = 200_000  # the built-in banks hold about 3,000 values, aliases counted in full


class _StrictBoolLoader(_BaseLoader):  # type: ignore[valid-type,misc]
    """Safe loader whose only booleans are true and false."""


_StrictBoolLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != _BOOL_TAG]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_StrictBoolLoader.add_implicit_resolver(
    _BOOL_TAG, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


class YamlSyntaxError(ValueError):
    """The text is not valid YAML; ``line`` is 1-based or None."""

    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.line = line


@dataclass
class YamlDocument:
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    duplicate_keys: list[tuple[Path_, int]] = field(default_factory=list)

    def line_of(self, path: Path_) -> int | None:
        """The line of ``path``, or of its nearest parent that has one."""
        probe = tuple(path)
        while True:
            if probe in self.lines:
                return self.lines[probe]
            if not probe:
                return None
            probe = probe[:-1]


def _walk(node: yaml.Node, path: Path_, doc: YamlDocument) -> None:
    doc.lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key in seen:
                doc.duplicate_keys.append(((*path, key), key_node.start_mark.line + 1))
            seen.add(key)
            _walk(value_node, (*path, key), doc)
            doc.lines[(*path, key)] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, child in enumerate(node.value):
            _walk(child, (*path, index), doc)


def _line(event: yaml.Event) -> int | None:
    return event.start_mark.line + 1 if event.start_mark is not None else None


def _check_shape(text: str) -> None:
    """Refuse runaway aliases and nesting, counting every value as building the data would."""
    loader = _StrictBoolLoader(text)
    sizes: dict[str, int] = {}  # anchor -> how many values it stands for
    open_: list[tuple[str | None, int]] = []  # containers being read: their anchor and values so far
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.CollectionStartEvent):
                open_.append((event.anchor, 0))
                if len(open_) > MAX_DEPTH:
                    raise YamlSyntaxError(f"the values nest more than {MAX_DEPTH} levels deep", _line(event))
                continue
            if isinstance(event, yaml.CollectionEndEvent):
                anchor, size = open_.pop()
                size += 1
            elif isinstance(event, yaml.ScalarEvent):
                anchor, size = event.anchor, 1
            elif isinstance(event, yaml.AliasEvent):
                if event.anchor not in sizes:
                    raise YamlSyntaxError(
                        f"the alias *{event.anchor} is inside the value it names", _line(event)
                    )
                anchor, size = None, sizes[event.anchor]
            else:
                continue
            if anchor is not None:
                sizes[anchor] = size
            if open_:
                open_[-1] = (open_[-1][0], open_[-1][1] + size)
            if size > MAX_VALUES or sum(count for _, count in open_) > MAX_VALUES:
                raise YamlSyntaxError(
                    f"its aliases (*name) repeat values far more than a question bank would "
                    f"(over {MAX_VALUES:,} values)",
                    _line(event),
                )
    finally:
        loader.dispose()


def parse_yaml(text: str) -> YamlDocument:
    """Parse one YAML document with positions; raise YamlSyntaxError."""
    try:
        _check_shape(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise YamlSyntaxError(
            f"the file is not valid YAML: {exc.problem or exc}", mark.line + 1 if mark is not None else None
        ) from exc
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(f"the file is not valid YAML: {exc}", None) from exc
    loader = _StrictBoolLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return YamlDocument(data=None)
        doc = YamlDocument(data=loader.construct_document(node))
        _walk(node, (), doc)
        return doc
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = exc.problem or str(exc)
        raise YamlSyntaxError(f"the file is not valid YAML: {problem}", line) from exc
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(f"the file is not valid YAML: {exc}", None) from exc
    finally:
        loader.dispose()
