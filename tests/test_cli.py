"""The commands, run as a user would run them: a real process, real files."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT


def wiz(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "wizard", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )


@pytest.mark.parametrize(
    "command", [[], ["bank"], ["bank", "validate"], ["bank", "stats"], ["new-draft"], ["answer"], ["score"]]
)
def test_every_command_has_help(command: list[str]) -> None:
    result = wiz(*command, "--help")
    assert result.returncode == 0 and "usage:" in result.stdout


def test_new_draft_answer_score(tmp_path: Path) -> None:
    draft = tmp_path / "riverside.json"
    created = wiz("new-draft", "--practice", "Riverside Surgery", "--ods", "a12345", "--out", draft)
    assert created.returncode == 0, created.stderr
    data = json.loads(draft.read_text())
    assert data["practice"] == {**data["practice"], "name": "Riverside Surgery", "ods_code": "A12345"}
    assert sorted(data["frameworks"]) == ["cyber-essentials", "dspt-gp", "good-practice"]
    assert data["as_at"] == dt.date.today().isoformat()

    untouched = json.loads(wiz("score", draft, "--json").stdout)
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
        result = wiz("answer", draft, *args)
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

    scored = wiz("score", draft, "--json")
    assert scored.returncode == 0, scored.stderr
    result = json.loads(scored.stdout)
    assert result["dspt"][0]["overall"] == "Standards Not Met"
    assert result["cyber_essentials"][0]["verdict"] == "Would fail automatically"
    assert result["cyber_essentials"][0]["auto_fails"] == ["A6.4"]
    plan = result["action_plan"]
    assert plan[0]["ref"] == "A6.4" and plan[0]["priority_label"] == "Critical"
    assert any(e["ref"] == "3.2.1" and "80%" in e["reason"] for e in plan)
    text = wiz("score", draft)
    assert text.returncode == 0 and "Riverside Surgery (A12345)" in text.stdout
    assert "Would fail automatically: A6.4" in text.stdout and "practice's own estimate" in text.stdout
    assert "not answered yet" in text.stdout and "(s)" not in text.stdout


def test_bad_input_gets_plain_messages(tmp_path: Path) -> None:
    draft = tmp_path / "d.json"
    bad_ods = wiz("new-draft", "--practice", "X", "--ods", "12345", "--out", draft)
    assert bad_ods.returncode == 1 and "one letter and five digits" in bad_ods.stderr
    assert not draft.exists()
    assert wiz("new-draft", "--practice", "X", "--ods", "B82001", "--out", draft).returncode == 0
    before = draft.read_bytes()
    again = wiz("new-draft", "--practice", "Y", "--ods", "B82001", "--out", draft)
    assert again.returncode == 1 and "already exists" in again.stderr
    assert draft.read_bytes() == before
    unknown = wiz("answer", draft, "Z9.9", "yes")
    assert unknown.returncode == 1 and "No question has" in unknown.stderr
    wrong = wiz("answer", draft, "A6.4", "perhaps")
    assert wrong.returncode == 1 and "Yes or No" in wrong.stderr
    assert draft.read_bytes() == before


@pytest.mark.parametrize(
    "content", [b"{ not json", b"", b'{"schema": "gp-cyber-wizard/draft", "schema_version": 99}']
)
def test_damaged_draft_exits_2_without_traceback(tmp_path: Path, content: bytes) -> None:
    draft = tmp_path / "d.json"
    draft.write_bytes(content)
    for command in (["score", draft], ["score", draft, "--json"], ["answer", draft, "A6.4", "yes"]):
        result = wiz(*command)
        assert result.returncode == 2
        assert "Traceback" not in result.stderr and "cannot be opened" in result.stderr
    assert draft.read_bytes() == content
