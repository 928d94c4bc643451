"""The commands, run as a user would run them, on real files.

Most run in this process (tests/cli_run.py); the last tests start a real
``python -m wizard`` to show the exit codes and output a shell sees.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tests.cli_run import run_cli, run_process
from wizard import APP_NAME, __version__


@pytest.mark.parametrize(
    "command",
    [
        [],
        ["bank"],
        ["bank", "validate"],
        ["bank", "stats"],
        ["new-draft"],
        ["start-from"],
        ["answer"],
        ["score"],
    ],
)
def test_every_command_has_help(command: list[str]) -> None:
    result = run_cli(*command, "--help")
    assert result.returncode == 0 and "usage:" in result.stdout


def test_new_draft_answer_score(tmp_path: Path) -> None:
    draft = tmp_path / "riverside.json"
    created = run_cli("new-draft", "--practice", "Riverside Surgery", "--ods", "a12345", "--out", draft)
    assert created.returncode == 0, created.stderr
    data = json.loads(draft.read_text())
    assert data["practice"] == {**data["practice"], "name": "Riverside Surgery", "ods_code": "A12345"}
    assert sorted(data["frameworks"]) == ["cyber-essentials", "dspt-gp", "good-practice"]
    assert data["as_at"] == dt.date.today().isoformat()

    untouched = json.loads(run_cli("score", draft, "--json").stdout)
    assert untouched["dspt"][0]["overall"] == "Not started"
    assert untouched["cyber_essentials"][0]["verdict"] == "Not started"
    assert untouched["cyber_essentials"][0]["auto_fails"] == [] and untouched["action_plan"] == []

    for args in (
        ("7.3.4", "yes", "--field", "how=Nightly to the ICB's data centre; restore tested each quarter"),
        ("A6.4", "no"),
        ("3.2.1", "--field", "with_access=20", "--field", "completed=16", "--field", "figures_on=01/11/2026"),
        ("6.1.1", "not-sure"),
        ("6.2.1", "yes", "--provider", "ICB IT", "--given-on", "12/03/2026"),
    ):
        result = run_cli("answer", draft, *args)
        assert result.returncode == 0, result.stderr
    data = json.loads(draft.read_text())
    answers = data["answers"]
    assert answers["dspt-backups-tested"]["fields"]["how"].startswith("Nightly")
    assert answers["ce-upd-os-14-days"]["value"] == "no"
    assert answers["dspt-training-95"]["fields"] == {
        "with_access": 20,
        "completed": 16,
        "figures_on": "2026-11-01",
    }
    assert answers["dspt-breach-reporting"]["status"] == "not_sure"
    assert answers["dspt-anti-malware"]["provider"] == {"name": "ICB IT", "given_on": "2026-03-12"}

    scored = run_cli("score", draft, "--json")
    assert scored.returncode == 0, scored.stderr
    result = json.loads(scored.stdout)
    assert result["dspt"][0]["overall"] == "Standards Not Met"
    assert result["cyber_essentials"][0]["verdict"] == "Would fail automatically"
    assert result["cyber_essentials"][0]["auto_fails"] == ["A6.4"]
    plan = result["action_plan"]
    assert plan[0]["ref"] == "A6.4" and plan[0]["priority_label"] == "Critical"
    assert any(e["ref"] == "3.2.1" and "80%" in e["reason"] for e in plan)
    text = run_cli("score", draft)
    assert text.returncode == 0 and "Riverside Surgery (A12345)" in text.stdout
    assert "Would fail automatically: A6.4" in text.stdout and "practice's own estimate" in text.stdout
    assert "not answered yet" in text.stdout and "(s)" not in text.stdout


def test_bad_input_gets_plain_messages(tmp_path: Path) -> None:
    draft = tmp_path / "d.json"
    bad_ods = run_cli("new-draft", "--practice", "X", "--ods", "12345", "--out", draft)
    assert bad_ods.returncode == 1 and "one letter and five digits" in bad_ods.stderr
    assert not draft.exists()
    assert run_cli("new-draft", "--practice", "X", "--ods", "B82001", "--out", draft).returncode == 0
    before = draft.read_bytes()
    again = run_cli("new-draft", "--practice", "Y", "--ods", "B82001", "--out", draft)
    assert again.returncode == 1 and "already exists" in again.stderr
    assert draft.read_bytes() == before
    unknown = run_cli("answer", draft, "Z9.9", "yes")
    assert unknown.returncode == 1 and "No question has" in unknown.stderr
    wrong = run_cli("answer", draft, "A6.4", "perhaps")
    assert wrong.returncode == 1 and "Yes or No" in wrong.stderr
    assert draft.read_bytes() == before


@pytest.mark.parametrize(
    "content", [b"{ not json", b"", b'{"schema": "gp-cyber-wizard/draft", "schema_version": 99}']
)
def test_damaged_draft_exits_2_without_traceback(tmp_path: Path, content: bytes) -> None:
    draft = tmp_path / "d.json"
    draft.write_bytes(content)
    commands: list[tuple[str | Path, ...]] = [
        ("score", draft),
        ("score", draft, "--json"),
        ("answer", draft, "A6.4", "yes"),
    ]
    for command in commands:
        result = run_cli(*command)
        assert result.returncode == 2
        assert "Traceback" not in result.stderr and "cannot be opened" in result.stderr
    assert draft.read_bytes() == content


def test_a_real_process_prints_its_version_and_exits_0() -> None:
    version = run_process("--version")
    assert (version.returncode, version.stdout, version.stderr) == (0, f"{APP_NAME} {__version__}\n", "")


def test_a_real_process_exits_2_on_a_damaged_draft(tmp_path: Path) -> None:
    draft = tmp_path / "d.json"
    draft.write_bytes(b"{ not json")
    result = run_process("score", draft)
    assert result.returncode == 2 and result.stdout == ""
    assert "cannot be opened" in result.stderr and "Traceback" not in result.stderr
    assert draft.read_bytes() == b"{ not json"
