"""Plain-English problems found in a question bank, each with file, line and id."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from wizard.core.bank.yaml_source import Path_, YamlDocument

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class BankProblem:
    file: str
    line: int | None
    item_id: str | None
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f", line {self.line}"
        if self.item_id:
            where += f", item '{self.item_id}'"
        label = "warning: " if self.severity == "warning" else ""
        return f"{where}: {label}{self.message}"


class BankError(Exception):
    """A bank with any error is not used at all; this lists every problem."""

    def __init__(self, problems: list[BankProblem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def describe_path(path: Path_) -> str:
    """('sections', 2, 'items', 4, 'help', 'why') -> 'help.why'."""
    tail = list(path)
    if len(tail) >= 4 and tail[0] == "sections" and tail[2] == "items":
        tail = tail[4:]
    elif len(tail) >= 2 and tail[0] == "sections":
        tail = tail[2:]
    words = [str(part) if isinstance(part, str) else f"[{part}]" for part in tail]
    return ".".join(words).replace(".[", "[") or "the file"


def item_id_at(data: Any, path: Path_) -> str | None:
    """The id of the item (or section) a path points into, if it has one."""
    try:
        if len(path) >= 4 and path[0] == "sections" and path[2] == "items":
            value = data["sections"][path[1]]["items"][path[3]].get("id")
        elif len(path) >= 2 and path[0] == "sections":
            value = data["sections"][path[1]].get("id")
        else:
            return None
    except (KeyError, IndexError, TypeError, AttributeError):
        return None
    return value if isinstance(value, str) else None


_TYPE_WORDS = {
    "string_type": "must be text (put it in quotes if it looks like a number or date)",
    "bool_type": "must be true or false",
    "int_type": "must be a whole number",
    "int_parsing": "must be a whole number",
    "float_type": "must be a number",
    "float_parsing": "must be a number",
    "list_type": "must be a list",
    "dict_type": "must be a set of 'key: value' lines",
    "model_type": "must be a set of 'key: value' lines",
    "date_type": "must be a date like 2025-09-01",
    "date_from_datetime_parsing": "must be a date like 2025-09-01",
    "date_parsing": "must be a date like 2025-09-01",
    "missing": "is missing",
    "extra_forbidden": "is not a field the bank format knows (check the spelling)",
    "string_too_short": "must not be empty",
    "too_short": "must not be empty",
}


def _plain(error: ErrorDetails) -> str:
    kind = error["type"]
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        return f"must be one of {expected}"
    if kind == "string_pattern_mismatch":
        return "may only use lower-case letters, digits and '-' (and must not start with '-')"
    if kind in ("greater_than", "greater_than_equal"):
        return "must be a positive number"
    return _TYPE_WORDS.get(kind, error["msg"].rstrip(".").lower())


def _clean_loc(loc: tuple[str | int, ...]) -> Path_:
    """Drop pydantic's union branch names (e.g. 'float', 'str') from a location."""
    return tuple(part for part in loc if not (isinstance(part, str) and part in _UNION_TAGS))


_UNION_TAGS = {"float", "str", "int", "bool", "list[str]", "function-after[...]"}


def problems_from_validation(exc: ValidationError, file: str, doc: YamlDocument) -> list[BankProblem]:
    problems: list[BankProblem] = []
    seen: set[tuple[Path_, str]] = set()
    for error in exc.errors():
        path = _clean_loc(tuple(error["loc"]))
        message = f"'{describe_path(path)}' {_plain(error)}"
        if (path, message) in seen:
            continue
        seen.add((path, message))
        problems.append(BankProblem(file, doc.line_of(path), item_id_at(doc.data, path), message))
    return problems


def display_name(path: Path) -> str:
    """A short name for messages: relative to the working folder when possible."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)
