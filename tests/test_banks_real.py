"""The two built-in banks load, validate and carry what the issue asks for."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import ROOT
from wizard.core.bank import Bank

DSPT_CONFIRMED = {
    "1.1.3",
    "1.1.5",
    "1.3.12",
    "1.3.13",
    "2.1.1",
    "2.2.1",
    "3.1.1",
    "3.2.1",
    "3.4.1",
    "4.3.1",
    "4.4.1",
    "4.5.3",
    "6.1.1",
    "6.2.1",
    "7.1.1",
    "7.3.4",
    "8.3.1",
    "9.1.1",
    "9.2.1",
    "9.5.2",
    "10.1.2",
    "10.2.1",
}
CE_AUTO_FAILS = ["A6.4", "A6.5", "A7.14", "A7.15", "A7.16", "A7.17"]


def _bank(banks: list[Bank], scoring: str) -> Bank:
    return next(b for b in banks if b.framework.scoring == scoring)


def test_both_banks_load_without_warnings(real_banks: list[Bank]) -> None:
    assert sorted(b.framework.id for b in real_banks) == ["cyber-essentials", "dspt-gp"]
    for bank in real_banks:
        assert bank.warnings == ()
        assert len(bank.sha256) == 64


def test_dspt_bank(real_banks: list[Bank]) -> None:
    bank = _bank(real_banks, "dspt")
    assert (bank.framework.version, bank.framework.edition) == ("2025-26", "Toolkit version 8")
    assert [s.ref for s in bank.sections] == [str(n) for n in range(1, 11)]
    items = list(bank.items())
    assert len(items) >= 45
    confirmed = {i.ref for i in items if i.ref_confidence == "confirmed"}
    assert confirmed == DSPT_CONFIRMED
    assert all(len(s.items) >= 3 for s in bank.sections)
    assert {i.required_for for i in items} == {"approaching", "met", None}
    assert bank.find("3.2.1").meets.min == "training_completion_percent"  # type: ignore[union-attr]
    assert bank.thresholds["training_completion_percent"] == 95
    for ref in ("4.5.3", "9.2.1", "9.5.2", "10.1.2"):
        assert bank.find(ref).it_provider, ref  # type: ignore[union-attr]
    for item in items:
        assert item.help.why and item.help.evidence and item.help.how_to_check and item.remediation
        assert item.id.startswith("dspt-")


def test_cyber_essentials_bank(real_banks: list[Bank]) -> None:
    bank = _bank(real_banks, "cyber_essentials")
    assert bank.framework.version == "3.3"
    assert [s.ref for s in bank.sections] == [f"A{n}" for n in range(1, 9)]
    items = list(bank.items())
    assert len(items) >= 60
    assert [i.ref for i in items if i.auto_fail] == CE_AUTO_FAILS
    assert bank.find("A1.1").max_length == 150  # type: ignore[union-attr]
    scope = {i.id for i in items if i.scope}
    assert {"ce-scope-servers", "ce-scope-cloud", "ce-scope-home-working", "ce-scope-mobile"} <= scope
    dependants = [i for i in items if i.show_if and i.show_if.item in scope]
    assert len(dependants) >= 8
    for ref in ("A7.14", "A7.15", "A7.16", "A7.17"):
        assert bank.find(ref).show_if.item == "ce-scope-cloud"  # type: ignore[union-attr]
    assert bank.thresholds["patch_days"] == 14
    assert "14 days" in bank.find("A6.4").question  # type: ignore[union-attr]
    assert all("{" not in i.question for i in items)


def test_cli_validate_and_stats_on_the_real_banks() -> None:
    validate = subprocess.run(
        [sys.executable, "-m", "wizard", "bank", "validate"], capture_output=True, text=True, cwd=ROOT
    )
    assert validate.returncode == 0, validate.stderr
    assert validate.stderr == ""
    stats = subprocess.run(
        [sys.executable, "-m", "wizard", "bank", "stats", "--json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    frameworks = {f["id"]: f for f in json.loads(stats.stdout)["frameworks"]}
    ce, dspt = frameworks["cyber-essentials"], frameworks["dspt-gp"]
    assert ce["auto_fail"] == CE_AUTO_FAILS and ce["sections"] == 8 and ce["items"] >= 60
    assert dspt["sections"] == 10 and dspt["items"] == len(dspt["refs"]) >= 45
    assert set(dspt["refs"]) >= DSPT_CONFIRMED
    assert dspt["required_met"] > 0 and dspt["required_approaching"] > 0
    for key in (
        "id",
        "name",
        "version",
        "sections",
        "items",
        "required_met",
        "required_approaching",
        "auto_fail",
        "refs",
    ):
        assert key in ce
