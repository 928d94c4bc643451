"""Device results in the draft, the CLI's estate files, and the answers they suggest."""

from __future__ import annotations

import copy
import json
from pathlib import Path

from tests.cli_run import run_cli
from tests.conftest import FIXTURES, ROOT
from wizard.checks.evaluate import evaluate
from wizard.checks.facts import Fact, load_snapshot
from wizard.core.action_plan import build_action_plan, edit_action
from wizard.core.bank.model import Bank
from wizard.core.draft.answers import set_answer
from wizard.core.draft.model import new_draft
from wizard.core.draft.store import load_draft, save_draft
from wizard.core.estate import add_device_report, device_reports, suggestions
from wizard.core.scoring import score

RECORDED = ROOT / "tests" / "fixtures" / "checks" / "linux" / "debian12-container-root.json"


def _report(hostname: str, machine_id: str, firewall_on: bool) -> object:
    snapshot = copy.deepcopy(load_snapshot(RECORDED))
    snapshot.hostname, snapshot.machine_id = hostname, machine_id
    raw = {
        "ufw_installed": True,
        "ufw_enabled": "yes" if firewall_on else "no",
        "ufw_default_input": "DROP",
        "units": {"ufw": "active" if firewall_on else "inactive"},
    }
    snapshot.facts["linux.firewall"] = Fact(
        source="/etc/ufw/ufw.conf", raw=raw, read_at=snapshot.collected_at
    )
    return evaluate(snapshot)


def _firewall_item(banks: list[Bank]) -> tuple[Bank, object]:
    """A yes/no question whose only linked check is the firewall one."""
    bank = next(b for b in banks if b.framework.scoring == "cyber_essentials")
    item = next(i for i in bank.items() if i.type == "yes_no" and i.checks == ["firewall_enabled"])
    assert item.meets is not None and item.meets.equals == "yes"
    return bank, item


def test_suggestions_follow_the_checks_and_never_change_answers(
    real_banks: list[Bank], tmp_path: Path
) -> None:
    draft = new_draft("Riverside Surgery", "A12345", [b.framework.id for b in real_banks])
    _, item = _firewall_item(real_banks)
    assert suggestions(real_banks, draft) == {}
    add_device_report(draft, _report("RECEPTION-1", "a" * 16, firewall_on=True))  # type: ignore[arg-type]
    offered = suggestions(real_banks, draft)
    assert item.id not in offered or offered[item.id].value == "yes"  # type: ignore[attr-defined]
    add_device_report(draft, _report("NURSE-2", "b" * 16, firewall_on=False))  # type: ignore[arg-type]
    offered = suggestions(real_banks, draft)
    assert offered[item.id].value == "no" and "NURSE-2" in offered[item.id].reason  # type: ignore[attr-defined]
    set_answer(draft, item, "yes")  # type: ignore[arg-type]
    offered = suggestions(real_banks, draft)
    assert draft.answers[item.id].value == "yes"  # type: ignore[attr-defined]
    path = tmp_path / "d.json"
    save_draft(path, draft)
    again = load_draft(path)
    assert [r.device.hostname for r in device_reports(again)] == ["NURSE-2", "RECEPTION-1"]
    add_device_report(again, _report("NURSE-2", "b" * 16, firewall_on=True))  # re-checked: replaces
    assert len(device_reports(again)) == 2


def test_results_name_the_questions_they_give_evidence_for() -> None:
    report = evaluate(load_snapshot(FIXTURES / "checks" / "linux" / "debian12-container-root.json"))
    firewall = report.result("firewall_enabled")
    assert firewall is not None and firewall.refs == ["Cyber Essentials A4.1.1", "Cyber Essentials A4.1.2"]


def test_cli_save_and_re_evaluate(tmp_path: Path) -> None:
    """Saving as a stick does on each PC; the facts come from a real PC's recording.

    A live run's save is the same code after the reading (test_checks_live.py
    reads this PC through the same command; test_app.py saves a live run).
    """
    saved = run_cli("check", "--facts", str(RECORDED), "--save", str(tmp_path), "--json")
    assert saved.returncode == 0, saved.stderr
    files = list(tmp_path.glob("*.json"))
    assert len(files) == 1
    device = json.loads(files[0].read_text())
    assert device["report"]["device"]["machine_id"] in files[0].name
    assert set(device["facts"]["facts"]) >= {"linux.os_release", "linux.firewall"}
    # the same computer's facts saved again: its file is replaced, not added to
    again = run_cli("check", "--facts", str(files[0]), "--save", str(tmp_path), "--json")
    assert again.returncode == 0 and list(tmp_path.glob("*.json")) == files  # one file per device
    for source in (files[0], RECORDED):
        judged = run_cli("check", "--facts", str(source), "--json")
        assert judged.returncode == 0, judged.stderr
        assert len(json.loads(judged.stdout)["results"]) == 15
    broken = tmp_path / "broken.json"
    broken.write_text("{ nope")
    bad = run_cli("check", "--facts", str(broken))
    assert (
        bad.returncode == 2
        and "not a readable facts snapshot" in bad.stderr
        and "Traceback" not in bad.stderr
    )


def test_a_failed_check_is_one_action_naming_each_computer(real_banks: list[Bank]) -> None:
    draft = new_draft("Riverside Surgery", "A12345", [b.framework.id for b in real_banks])
    for host, machine, on in (
        ("RECEPTION-1", "a" * 16, False),
        ("NURSE-2", "b" * 16, False),
        ("GP-3", "c" * 16, True),
    ):
        add_device_report(draft, _report(host, machine, firewall_on=on))  # type: ignore[arg-type]
    plan = build_action_plan(score(real_banks, draft), draft)
    firewall = next(e for e in plan if e.item_id == "check:firewall_enabled")
    assert firewall.framework == "Computer checks" and firewall.priority_label == "High"
    assert "failed on 2 computers" in firewall.question
    assert (
        "RECEPTION-1: " in firewall.reason
        and "NURSE-2: " in firewall.reason
        and "GP-3" not in firewall.reason
    )
    assert firewall.action  # the check's own advice
    edit_action(draft, "check:firewall_enabled", owner="ICB IT")
    again = next(
        e for e in build_action_plan(score(real_banks, draft), draft) if e.item_id == "check:firewall_enabled"
    )
    assert again.owner == "ICB IT"
