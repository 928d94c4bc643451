"""Broken banks: each problem is named by file, line and item id, and the bank is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli_run import run_cli
from tests.conftest import MINI_BANKS
from wizard.core.bank.errors import BankError
from wizard.core.bank.model import load_bank, load_banks

SOURCE = (MINI_BANKS / "mini-ce.yaml").read_text(encoding="utf-8")


def _line_of(text: str, needle: str, after: str | None = None) -> int:
    """The line of ``needle``, searching from the line holding ``after``."""
    lines = text.splitlines()
    start = next(n for n, line in enumerate(lines) if after in line) + 1 if after else 0
    return next(n for n, line in enumerate(lines[start:], start + 1) if needle in line)


def _broken(tmp_path: Path, old: str, new: str) -> tuple[Path, str]:
    assert old in SOURCE
    text = SOURCE.replace(old, new, 1)
    path = tmp_path / "broken.yaml"
    path.write_text(text, encoding="utf-8")
    return path, text


CASES = [
    # (name, old, new, expected item id, words in the message, line finder)
    (
        "missing field",
        "        question: Do you use cloud services?\n",
        "",
        "mce-cloud",
        "'question' is missing",
        "- id: mce-cloud",
    ),
    (
        "wrong type",
        "        scope: true",
        "        scope: maybe",
        "mce-cloud",
        "'scope' must be true or false",
        "scope: maybe",
    ),
    (
        "unknown answer type",
        "        type: number",
        "        type: numeric",
        "mce-lockout",
        "'type' must be one of",
        "type: numeric",
    ),
    (
        "duplicate id",
        "id: mce-lockout",
        "id: mce-patch",
        "mce-patch",
        "item id 'mce-patch' is used twice",
        "ref: A6.4>id: mce-patch",
    ),
    (
        "show_if nowhere",
        "item: mce-cloud",
        "item: mce-nowhere",
        "mce-mfa",
        "points to item 'mce-nowhere'",
        "show_if:",
    ),
    (
        "meets does not fit",
        "meets: {min: 1, max: lockout}",
        'meets: {equals: "yes"}',
        "mce-lockout",
        "does not fit a 'number' item",
        "id: mce-lockout>meets: {equals",
    ),
    (
        "unknown threshold",
        "{patch_days} days",
        "{patch_dayz} days",
        "mce-patch",
        "{patch_dayz}",
        "{patch_dayz}",
    ),
    (
        "duplicate key",
        "        ref: A6.6\n",
        "        ref: A6.6\n        ref: A6.9\n",
        "mce-lockout",
        "'ref' is given twice",
        "ref: A6.9",
    ),
    (
        "choice not offered",
        "meets: {in: [mfa, length_12]}",
        "meets: {in: [mfa, passkey]}",
        "mce-protection",
        "'passkey' is not a possible answer",
        "meets: {in: [mfa, passkey]}",
    ),
    (
        "bound for an answer the item cannot take",
        "min: {mfa: short, length_12: long}",
        "min: {mfa: short, passkey: long}",
        "mce-protection",
        "'passkey' is not one of the item's answers",
        "min: {mfa: short, passkey: long}",
    ),
    (
        "ref source not named",
        "        ref: A6.4\n        ref_confidence: confirmed\n        ref_sources: [fixture]",
        "        ref: A6.4\n        ref_confidence: confirmed\n        ref_sources: [rumour]",
        "mce-patch",
        "'rumour' is not one of the bank's sources",
        "ref_sources: [rumour]",
    ),
    (
        "not a Cyber Essentials number",
        "        ref: A6.8\n",
        '        ref: "6.8"\n',
        "mce-last-patched",
        "is not a Cyber Essentials question number",
        'ref: "6.8"',
    ),
    (
        "toolkit form outside the toolkit",
        "        ref: A6.4\n",
        "        ref: A6.4\n        form: tick\n",
        "mce-patch",
        "only toolkit (DSPT) items have a toolkit answer form",
        "form: tick",
    ),
]

DSPT_SOURCE = (MINI_BANKS / "mini-dspt.yaml").read_text(encoding="utf-8")
DSPT_CASES = [
    # (name, old, new, expected item id, words in the message, line finder)
    (
        "toolkit item without its form",
        "        type: evidence\n        form: document\n",
        "        type: evidence\n",
        "mini-plan",
        "a toolkit item needs its 'form'",
        "- id: mini-plan",
    ),
    (
        "form and type disagree",
        "        type: evidence\n        form: document\n",
        "        type: text\n        form: document\n",
        "mini-plan",
        "a 'document' item is answered as 'evidence', not 'text'",
        "id: mini-plan>type: text",
    ),
    (
        "not a toolkit ref",
        'ref: "2.1.2"',
        "ref: plan",
        "mini-plan",
        "is not a toolkit evidence item ref",
        "ref: plan",
    ),
    (
        "practice detail that does not exist",
        "binds: practice.ico_registration",
        "binds: practice.shoe_size",
        "mini-ico",
        "'practice.shoe_size' is not one of the practice details",
        "binds: practice.shoe_size",
    ),
    (
        "not applicable on a count nobody asks",
        "zero: [facts.breaches_12m]",
        "zero: [facts.thefts_12m]",
        "mini-breach-review",
        "'facts.thefts_12m' is not a number this bank asks",
        "not_applicable_if:",
    ),
    (
        "derived from a field that is not a number",
        "part: completed, whole: with_access",
        "part: figures_on, whole: with_access",
        "mini-training",
        "'figures_on' is not a number field of this item",
        "derived:",
    ),
    (
        "field shown for an answer the item cannot take",
        'when: ["yes"]',
        'when: ["maybe"]',
        "mini-backup-test",
        "'when: maybe' is not a possible answer of this item",
        "id: last_test",
    ),
]


def _check_case(path: Path, text: str, name: str, item_id: str, words: str, where: str) -> None:
    with pytest.raises(BankError) as caught:
        load_bank(path)
    errors = [p for p in caught.value.problems if p.severity == "error"]
    assert errors, name
    problem = next((p for p in errors if words in p.message), None)
    assert problem is not None, [str(p) for p in errors]
    assert problem.file.endswith("broken.yaml")
    assert problem.item_id == item_id
    after, _, needle = where.rpartition(">")
    assert problem.line == _line_of(text, needle, after or None)
    assert f"line {problem.line}" in str(problem) and item_id in str(problem)


@pytest.mark.parametrize(
    ("name", "old", "new", "item_id", "words", "where"), CASES, ids=[c[0] for c in CASES]
)
def test_broken_bank_names_file_line_and_id(
    tmp_path: Path, name: str, old: str, new: str, item_id: str, words: str, where: str
) -> None:
    path, text = _broken(tmp_path, old, new)
    _check_case(path, text, name, item_id, words, where)


@pytest.mark.parametrize(
    ("name", "old", "new", "item_id", "words", "where"), DSPT_CASES, ids=[c[0] for c in DSPT_CASES]
)
def test_broken_toolkit_bank_names_file_line_and_id(
    tmp_path: Path, name: str, old: str, new: str, item_id: str, words: str, where: str
) -> None:
    assert old in DSPT_SOURCE
    text = DSPT_SOURCE.replace(old, new, 1)
    path = tmp_path / "broken.yaml"
    path.write_text(text, encoding="utf-8")
    _check_case(path, text, name, item_id, words, where)


def test_good_practice_refs_never_look_official(tmp_path: Path) -> None:
    source = (MINI_BANKS / "mini-gp.yaml").read_text(encoding="utf-8")
    path = tmp_path / "gp.yaml"
    path.write_text(source.replace("ref: GP1", 'ref: "9.2.2"'), encoding="utf-8")
    with pytest.raises(BankError, match="looks like an official ref"):
        load_bank(path)
    path.write_text(source.replace("ref: GP1", "ref: A5.7"), encoding="utf-8")
    with pytest.raises(BankError, match="looks like an official ref"):
        load_bank(path)


def test_a_format_1_bank_is_refused_with_the_reason(tmp_path: Path) -> None:
    path = tmp_path / "old.yaml"
    path.write_text(SOURCE.replace("format: 2", "format: 1"), encoding="utf-8")
    with pytest.raises(BankError, match="format 1, which this version no longer reads") as caught:
        load_bank(path)
    assert caught.value.problems[0].line == _line_of(SOURCE, "format: 2")


def test_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    path, text = _broken(tmp_path, "meets: {min: 1, max: lockout}", "meets: {min: 1, max: lockout")
    with pytest.raises(BankError) as caught:
        load_bank(path)
    (problem,) = caught.value.problems
    assert "not valid YAML" in problem.message
    assert problem.line is not None and abs(problem.line - _line_of(text, "max: lockout")) <= 1


def test_yes_and_no_stay_words_not_booleans(tmp_path: Path) -> None:
    path, _ = _broken(tmp_path, 'meets: {equals: "yes"}', "meets: {equals: yes}")
    bank = load_bank(path)
    item = bank.find("A6.4")
    assert item is not None and item.meets is not None and item.meets.equals == "yes"


def test_unknown_check_id_is_only_a_warning(tmp_path: Path) -> None:
    path, _ = _broken(
        tmp_path, "        auto_fail: true\n", "        auto_fail: true\n        checks: [no_such_check]\n"
    )
    bank = load_bank(path, known_checks={"firewall_enabled"})
    assert [p.severity for p in bank.warnings] == ["warning"]
    assert "no_such_check" in bank.warnings[0].message


def test_ids_must_be_unique_across_banks(tmp_path: Path) -> None:
    clone = tmp_path / "clone.yaml"
    clone.write_text(SOURCE.replace("id: mini-ce", "id: mini-ce-2"), encoding="utf-8")
    with pytest.raises(BankError) as caught:
        load_banks([MINI_BANKS / "mini-ce.yaml", clone])
    assert any("also used in" in p.message and p.item_id == "mce-cloud" for p in caught.value.problems)


def test_cli_validate_exit_codes(tmp_path: Path) -> None:
    path, _ = _broken(tmp_path, "item: mce-cloud", "item: mce-nowhere")
    bad = run_cli("bank", "validate", path)
    assert bad.returncode == 1
    assert "broken.yaml, line" in bad.stderr and "mce-mfa" in bad.stderr
    assert "Traceback" not in bad.stderr
    good = run_cli("bank", "validate", MINI_BANKS / "mini-ce.yaml")
    assert good.returncode == 0, good.stderr


def test_a_bank_read_again_is_parsed_again_only_when_its_text_changed(tmp_path: Path) -> None:
    path = tmp_path / "mini-ce.yaml"
    path.write_text(SOURCE, encoding="utf-8")
    first = load_bank(path)
    assert load_bank(path) is first  # the same text: the bank parsed before
    path.write_text(
        SOURCE.replace("Do you use cloud services?", "Do you use any cloud services?"), encoding="utf-8"
    )
    changed = load_bank(path)
    assert changed is not first and changed.item("mce-cloud").question == "Do you use any cloud services?"
    path.write_text(SOURCE.replace("        type: number", "        type: numeric"), encoding="utf-8")
    for _ in range(2):  # a broken bank is refused every time, never served from before
        with pytest.raises(BankError, match="'type' must be one of"):
            load_bank(path)
