"""The check catalogue (assets/checks.yaml): one list of checks that every system agrees with."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from wizard.checks.catalogue import BY_ID, CATALOGUE, CHECK_IDS, SYSTEMS, ref_label, risky_ports, threshold
from wizard.checks.evaluate import EVALUATORS, REGISTRIES
from wizard.checks.facts import Snapshot
from wizard.checks.registry import Registry
from wizard.core.bank.model import Bank
from wizard.core.check_results import CheckResult, DeviceReport

# The ids the question banks link to: none may disappear or be renamed.
KEPT_IDS = {
    "os_supported", "updates_recent", "ms17_010", "smb1_server_off", "smb1_client_off", "firewall_enabled",
    "firewall_inbound_blocked", "antimalware_realtime", "antimalware_signatures", "disk_encryption",
    "uac_enabled", "local_admins", "user_not_admin", "guest_disabled", "password_policy", "screen_lock",
    "autorun_off", "remote_desktop", "auto_updates", "listening_ports",
}  # fmt: skip


def test_every_kept_id_is_still_in_the_catalogue() -> None:
    assert KEPT_IDS <= CHECK_IDS


@pytest.mark.parametrize("system", SYSTEMS)
def test_every_check_has_an_evaluator_or_a_reason_on_each_system(system: str) -> None:
    registered = set(EVALUATORS[system])
    for check in CATALOGUE:
        if check.runs_on(system):
            assert check.id in registered, f"{check.id} has no {system} evaluator and no not_on reason"
        else:
            assert check.id not in registered, f"{check.id} is registered on {system} but marked not_on"
            assert len(check.not_on[system]) > 10  # a reason a person can read
    assert registered <= CHECK_IDS


def test_refs_are_labelled_with_their_framework() -> None:
    assert ref_label("A6.4") == "Cyber Essentials A6.4"
    assert ref_label("8.3.1") == "DSPT 8.3.1"
    assert ref_label("GP7") == "Good practice GP7"


def test_every_check_has_advice_for_every_system_it_runs_on() -> None:
    for check in CATALOGUE:
        for system in SYSTEMS:
            if check.runs_on(system):
                assert len(check.advice(system)) > 20, (check.id, system)
    # Advice that names one system's settings is never given on another.
    for check in CATALOGUE:
        assert "System Settings" not in check.advice("windows"), check.id
        assert "Windows Security" not in check.advice("macos"), check.id


def test_one_screen_lock_limit_everywhere_and_in_the_advice() -> None:
    limit = threshold("screen_lock", "max_idle_seconds")
    assert limit == 900
    for system in SYSTEMS:
        assert f"{limit // 60} minutes" in BY_ID["screen_lock"].advice(system)
    assert threshold("password_policy", "max_bad_passwords") == 10
    assert threshold("updates_recent", "critical_update_days") == 14
    assert set(risky_ports()) == {22, 445, 3389, 5900}


def test_the_python_code_holds_no_threshold_of_its_own() -> None:
    """The numbers the catalogue holds appear nowhere else as constants in the evaluators."""
    from pathlib import Path

    import wizard.checks

    root = Path(wizard.checks.__file__).parent
    for path in root.rglob("evaluate*.py"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"\b(600|900)\b", text), path
        assert "RISKY_PORTS" not in text and "MAX_BAD_PASSWORDS" not in text, path


def test_registering_twice_or_an_unknown_or_excluded_id_is_refused() -> None:
    registry = Registry("macos")

    @registry.check_all("screen_lock")
    def one(snapshot: Snapshot) -> object:
        raise AssertionError

    with pytest.raises(KeyError, match="two macos evaluators"):
        registry.check_all("screen_lock")(one)
    with pytest.raises(KeyError, match="not in the check catalogue"):
        registry.check_all("no_such_check")(one)
    with pytest.raises(KeyError, match="not on macos"):
        registry.check_all("ms17_010")(one)
    assert set(REGISTRIES) == set(SYSTEMS)


def test_the_decorator_answers_unable_when_the_fact_is_missing() -> None:
    empty = Snapshot("linux", "h", "m", "Linux", False, "C", "0", "2026-12-01T09:00:00+00:00")
    for check_id, evaluator in EVALUATORS["linux"].items():
        verdict = evaluator(empty)
        assert verdict.status == "unable", check_id
        assert "this value was not collected" in verdict.finding, check_id


def test_a_report_saved_with_dspt_refs_still_loads() -> None:
    old = {
        "device": {
            "hostname": "RECEPTION-1",
            "machine_id": "a" * 16,
            "os": "windows",
            "os_name": "Windows 10 Pro",
            "elevated": False,
            "locale": "en_GB",
            "program_version": "0.1.0",
        },
        "checked_at": "2026-03-10T09:30:00+00:00",
        "results": [
            {
                "check_id": "firewall_enabled",
                "title": "Firewall on for every network type",
                "status": "pass",
                "finding": "On.",
                "theme": "firewalls",
                "dspt_refs": ["DSPT 8.2.1"],
            }
        ],
    }
    report = DeviceReport.model_validate(old)
    assert report.results[0].refs == ["DSPT 8.2.1"]
    saved = report.model_dump(mode="json", by_alias=True)
    assert saved["results"][0]["refs"] == ["DSPT 8.2.1"] and "dspt_refs" not in saved["results"][0]
    again = CheckResult.model_validate(saved["results"][0])
    assert again.refs == ["DSPT 8.2.1"] and again.read_at is None
    assert report.checked_at == dt.datetime(2026, 3, 10, 9, 30, tzinfo=dt.UTC)


def test_the_catalogue_and_the_banks_link_the_same_questions(real_banks: list[Bank]) -> None:
    """A check's refs in assets/checks.yaml are exactly the questions whose bank items name the check."""
    linked: dict[str, set[str]] = {check.id: set() for check in CATALOGUE}
    for bank in real_banks:
        for item in bank.items():
            for check_id in item.checks:
                linked[check_id].add(item.ref)
    for check in CATALOGUE:
        assert set(check.refs) == linked[check.id], check.id
