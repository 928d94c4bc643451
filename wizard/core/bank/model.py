"""Load question banks: parse, fill in thresholds, validate, and index.

A bank with any error is refused whole (``BankError`` lists every problem with
file, line and item id); warnings are kept on the bank for the caller to show.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from wizard.core.bank.errors import (
    BankError,
    BankProblem,
    display_name,
    item_id_at,
    problems_from_validation,
)
from wizard.core.bank.rules import check_bank
from wizard.core.bank.schema import BankFile, Framework, Item, Section
from wizard.core.bank.yaml_source import Path_, YamlDocument, YamlSyntaxError, parse_yaml
from wizard.core.paths import questions_dir

_PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}")
_TEXT_FIELDS = ("question", "remediation", "title", "summary", "why", "evidence", "how_to_check", "label")


@dataclass(frozen=True)
class Bank:
    """A validated bank, indexed for the wizard, the scorer and the CLI."""

    source: BankFile
    path: Path
    sha256: str
    warnings: tuple[BankProblem, ...] = ()
    _items: dict[str, Item] = field(default_factory=dict, repr=False)
    _sections_of: dict[str, Section] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for section in self.source.sections:
            for item in section.items:
                self._items[item.id] = item
                self._sections_of[item.id] = section

    @property
    def framework(self) -> Framework:
        return self.source.framework

    @property
    def sections(self) -> list[Section]:
        return self.source.sections

    @property
    def thresholds(self) -> dict[str, float]:
        return self.source.thresholds

    def items(self) -> Iterator[Item]:
        for section in self.source.sections:
            yield from section.items

    def item(self, item_id: str) -> Item | None:
        return self._items.get(item_id)

    def section_of(self, item_id: str) -> Section:
        return self._sections_of[item_id]

    def find(self, ref_or_id: str) -> Item | None:
        """An item by id, or by official ref (case-insensitive)."""
        if ref_or_id in self._items:
            return self._items[ref_or_id]
        wanted = ref_or_id.strip().lower()
        for item in self.items():
            if item.ref.lower() == wanted:
                return item
        return None

    def number(self, value: float | str) -> float:
        """A ``meets`` bound: a number, or the name of one of the thresholds."""
        return self.thresholds[value] if isinstance(value, str) else value


def _format_number(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _fill_placeholders(doc: YamlDocument, file: str) -> list[BankProblem]:
    """Put threshold numbers into the text, in place; report unknown names."""
    data = doc.data
    thresholds = data.get("thresholds") if isinstance(data, dict) else None
    numbers = thresholds if isinstance(thresholds, dict) else {}
    problems: list[BankProblem] = []

    def fill(node: Any, path: Path_) -> Any:
        if isinstance(node, dict):
            return {key: fill(value, (*path, key)) for key, value in node.items()}
        if isinstance(node, list):
            return [fill(value, (*path, index)) for index, value in enumerate(node)]
        if isinstance(node, str) and path and path[-1] in _TEXT_FIELDS and "{" in node:
            for name in _PLACEHOLDER.findall(node):
                if name not in numbers:
                    problems.append(
                        BankProblem(
                            file,
                            doc.line_of(path),
                            item_id_at(data, path),
                            f"the text uses {{{name}}}, which is not one of the bank's thresholds",
                        )
                    )
            return _PLACEHOLDER.sub(lambda m: _format_number(numbers.get(m.group(1), m.group(0))), node)
        return node

    if isinstance(data, dict) and isinstance(data.get("sections"), list):
        data["sections"] = fill(data["sections"], ("sections",))
    return problems


def parse_bank(text: str, path: Path, known_checks: Collection[str] | None = None) -> Bank:
    """Validate bank text; raise BankError naming every problem."""
    file = display_name(path)
    try:
        doc = parse_yaml(text)
    except YamlSyntaxError as exc:
        raise BankError([BankProblem(file, exc.line, None, str(exc))]) from exc
    if not isinstance(doc.data, dict):
        raise BankError([BankProblem(file, 1, None, "the file does not hold a question bank")])
    problems = [
        BankProblem(
            file,
            line,
            item_id_at(doc.data, key_path[:-1]),
            f"'{key_path[-1]}' is given twice; only one can count",
        )
        for key_path, line in doc.duplicate_keys
    ]
    if doc.data.get("format") == 1:
        message = (
            "this bank is in format 1, which this version no longer reads; format 2 adds each item's "
            "toolkit form and the sources of its ref (see questions/README.md)"
        )
        raise BankError([BankProblem(file, doc.line_of(("format",)), None, message)])
    problems += _fill_placeholders(doc, file)
    try:
        model = BankFile.model_validate(doc.data)
    except ValidationError as exc:
        raise BankError(problems + problems_from_validation(exc, file, doc)) from exc
    findings = check_bank(model, known_checks)
    for where, message, severity in findings:
        problems.append(BankProblem(file, doc.line_of(where), item_id_at(doc.data, where), message, severity))
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise BankError(problems)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Bank(model, path, digest, tuple(problems))


@lru_cache(maxsize=32)
def _parsed(text: str, path: Path, known_checks: frozenset[str] | None) -> Bank:
    """A bank already read in this process, while its text is the same (a Bank is never changed)."""
    return parse_bank(text, path, known_checks)


def load_bank(path: Path, known_checks: Collection[str] | None = None) -> Bank:
    """Read and validate one bank file.

    The file is read every time; its parsed form is kept while its text stays
    the same, so a verifier checking pack after pack, or the tests, parse
    each bank once.
    """
    file = display_name(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise BankError([BankProblem(file, None, None, f"the file could not be read ({reason})")]) from exc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BankError([BankProblem(file, None, None, "the file is not UTF-8 text")]) from exc
    return _parsed(text, path, None if known_checks is None else frozenset(known_checks))


def bank_files(folder: Path | None = None) -> list[Path]:
    return sorted((folder or questions_dir()).glob("*.yaml"))


def load_banks(paths: list[Path] | None = None, known_checks: Collection[str] | None = None) -> list[Bank]:
    """Load several banks; any error in any of them raises, naming them all."""
    problems: list[BankProblem] = []
    banks: list[Bank] = []
    for path in paths if paths is not None else bank_files():
        try:
            banks.append(load_bank(path, known_checks))
        except BankError as exc:
            problems.extend(exc.problems)
    problems.extend(_clashes(banks))
    if any(p.severity == "error" for p in problems):
        raise BankError(problems)
    return sorted(banks, key=lambda b: (b.framework.scoring != "dspt", b.framework.id))


def _clashes(banks: list[Bank]) -> Iterator[BankProblem]:
    """Ids must be unique across banks, since a draft keys answers by id."""
    owners: dict[str, str] = {}
    frameworks: dict[str, str] = {}
    for bank in banks:
        file = display_name(bank.path)
        if bank.framework.id in frameworks:
            yield BankProblem(
                file,
                None,
                None,
                f"framework id '{bank.framework.id}' is also used by {frameworks[bank.framework.id]}",
            )
        frameworks[bank.framework.id] = file
        for item in bank.items():
            if item.id in owners:
                yield BankProblem(
                    file, None, item.id, f"item id '{item.id}' is also used in {owners[item.id]}"
                )
            owners.setdefault(item.id, file)
