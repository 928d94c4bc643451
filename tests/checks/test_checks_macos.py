"""The macOS local checks, tested on Linux through facts snapshots and command text.

The fixtures are CONSTRUCTED from Apple's documented output formats, not
recorded on a real Mac (we have none); each snapshot says so in its
``meta.provenance`` fact. The parsers are fed the text files; the evaluators
are fed the snapshots, and variants made by changing one fact.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.checks.macos_kit import (
    EVALUATORS,
    NOT_ON_MAC,
    REFUSED,
    SEQUOIA,
    VENTURA,
    history,
    judge,
    snapshot,
    text,
    variant,
)
from wizard.checks.catalogue import BY_ID, CHECK_IDS
from wizard.checks.evaluate import evaluate
from wizard.checks.facts import Fact, Snapshot
from wizard.checks.macos import collect as macos
from wizard.checks.macos import parse as macos_read
from wizard.checks.macos.history import parse_update_history

# --- what is covered -------------------------------------------------------------------------


def test_every_catalogue_check_with_a_mac_equivalent_has_an_evaluator() -> None:
    assert set(EVALUATORS) == CHECK_IDS - NOT_ON_MAC


def test_fact_specs_are_listed_on_linux_without_running_anything(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("listing the reads must not run a command")

    monkeypatch.setattr(subprocess, "run", refuse)  # the one place every command goes through
    specs = macos.MacCollector().fact_specs()
    names = [spec.name for spec in specs]
    assert len(names) == len(set(names)) == 14
    assert all(name.startswith("macos.") and spec.source for name, spec in zip(names, specs, strict=True))
    assert all(0 < spec.timeout <= 6 for spec in specs)
    assert next(s for s in specs if s.name == "macos.update_history").timeout >= 5


def test_every_fact_an_evaluator_reads_is_collected_and_in_the_fixtures() -> None:
    names = {spec.name for spec in macos.MacCollector().fact_specs()}
    empty = Snapshot("macos", "h", "m", "macOS", False, "C", "0", "2026-11-20T09:00:00+00:00")
    for check_id, evaluator in EVALUATORS.items():
        verdict = evaluator(empty)
        assert verdict.status == "unable", check_id
        assert verdict.evidence is not None and verdict.evidence.source in names, check_id
    for name in (SEQUOIA, VENTURA, REFUSED):
        assert names <= set(snapshot(name).facts), name


@pytest.mark.parametrize("name", [SEQUOIA, VENTURA, REFUSED])
def test_fixtures_say_they_are_constructed(name: str) -> None:
    provenance = snapshot(name).facts["meta.provenance"]
    assert provenance.source == "fixture" and "CONSTRUCTED" in provenance.raw


def test_the_collector_only_reads() -> None:
    source = Path(macos.__file__).read_text(encoding="utf-8")
    for forbidden in (
        '"write"',
        '"delete"',
        '"import"',
        "--set",
        "-set",
        '"sudo"',
        '"-enable"',
        '"-disable"',
    ):
        assert forbidden not in source, forbidden


# --- the three snapshots ---------------------------------------------------------------------


@pytest.mark.parametrize("check_id", sorted(EVALUATORS))
def test_a_configured_sequoia_mac_passes(check_id: str) -> None:
    verdict = judge(snapshot(SEQUOIA), check_id)
    assert verdict.status == "pass", verdict.finding
    assert verdict.evidence is not None and verdict.evidence.ok


VENTURA_EXPECTED = {
    "os_supported": "fail",
    "updates_recent": "fail",
    "auto_updates": "warning",
    "firewall_enabled": "fail",
    "firewall_inbound_blocked": "fail",
    "antimalware_realtime": "pass",
    "antimalware_signatures": "fail",
    "disk_encryption": "fail",
    "local_admins": "warning",
    "user_not_admin": "fail",
    "guest_disabled": "fail",
    "password_policy": "fail",
    "screen_lock": "fail",
    "remote_desktop": "warning",
    "listening_ports": "warning",
}


@pytest.mark.parametrize(("check_id", "status"), sorted(VENTURA_EXPECTED.items()))
def test_an_unprotected_ventura_mac(check_id: str, status: str) -> None:
    result = next(r for r in evaluate(snapshot(VENTURA)).results if r.check_id == check_id)
    assert result.status == status, result.finding
    assert bool(result.remediation) == (status != "pass"), "what to do, when there is something to do"
    if status != "pass":
        assert result.remediation == BY_ID[check_id].advice("macos")  # the catalogue's words for a Mac
        assert "Windows" not in result.remediation


@pytest.mark.parametrize("check_id", sorted(EVALUATORS))
def test_a_refused_read_is_unable_never_a_fail(check_id: str) -> None:
    verdict = judge(snapshot(REFUSED), check_id)
    assert verdict.status == "unable"
    assert verdict.evidence is not None and verdict.evidence.error
    assert verdict.evidence.error in verdict.finding
    assert verdict.shown_raw() is None


def test_evaluate_gives_a_device_report_for_each_snapshot() -> None:
    report = evaluate(snapshot(VENTURA))
    assert report.device.os == "macos" and report.device.os_name.startswith("macOS Ventura 13.7.8")
    assert {r.check_id for r in report.results} == set(EVALUATORS)
    firewall = report.result("firewall_enabled")
    assert firewall is not None and firewall.source.startswith("/usr/libexec/ApplicationFirewall")
    assert firewall.raw == {"global_state": 0} and firewall.read_at is not None


def test_the_sequoia_snapshot_matches_its_text_fixtures() -> None:
    facts = snapshot(SEQUOIA).facts
    assert facts["macos.sw_vers"].raw == macos_read.parse_sw_vers(text("sw_vers_15.txt"))
    assert facts["macos.update_history"].raw == parse_update_history(text("softwareupdate_history_dmy.txt"))
    sockets = macos_read.parse_netstat_listening(text("netstat_sequoia.txt"))
    assert facts["macos.listening"].raw["sockets"] == sockets
    assert facts["macos.password_policy"].raw == macos_read.parse_pwpolicy(text("pwpolicy.txt"))


# --- one fact changed: the cases the snapshots do not show ---------------------------------------


@pytest.mark.parametrize(
    ("version", "status"), [("15.7.2", "pass"), ("27.0", "warning"), ("12.7.6", "fail"), ("10.15.7", "fail")]
)
def test_os_supported_follows_the_end_of_support_table(version: str, status: str) -> None:
    verdict = judge(variant(SEQUOIA, "macos.sw_vers", ProductVersion=version), "os_supported")
    assert verdict.status == status and version in verdict.finding


@pytest.mark.parametrize(
    ("fixture", "status"),
    [
        ("softwareupdate_history_iso.txt", "pass"),
        ("softwareupdate_history_dotted.txt", "pass"),
        ("softwareupdate_history_ambiguous.txt", "warning"),  # 3 November or 11 March: cannot tell
        ("softwareupdate_history_empty.txt", "warning"),
        ("softwareupdate_history_words.txt", "unable"),  # dates in words are never guessed at
    ],
)
def test_updates_recent_reads_only_dates_it_is_sure_of(fixture: str, status: str) -> None:
    verdict = judge(variant(SEQUOIA, "macos.update_history", history(fixture)), "updates_recent")
    assert verdict.status == status, verdict.finding


def test_updates_two_months_old_are_a_warning() -> None:
    snap = variant(SEQUOIA, "macos.update_history", history("softwareupdate_history_dmy.txt"))
    snap.collected_at = "2027-01-20T09:00:00+00:00"
    assert judge(snap, "updates_recent").status == "warning"


@pytest.mark.parametrize(
    ("settings", "status"),
    [
        ({"AutomaticallyInstallMacOSUpdates": 0}, "warning"),
        ({"CriticalUpdateInstall": 0}, "fail"),
        ({"AutomaticCheckEnabled": 0}, "fail"),
        ({"AutomaticallyInstallMacOSUpdates": "maybe"}, "unable"),
    ],
)
def test_auto_updates_settings(settings: dict[str, Any], status: str) -> None:
    raw = snapshot(SEQUOIA).facts["macos.auto_update"].raw
    changed = {**raw, "local": {**raw["local"], **settings}}
    assert judge(variant(SEQUOIA, "macos.auto_update", changed), "auto_updates").status == status


def test_a_management_profile_wins_over_local_settings() -> None:
    raw = {"domain_exists": False, "local": {}, "managed": {"AutomaticallyInstallMacOSUpdates": True}}
    verdict = judge(variant(VENTURA, "macos.auto_update", raw), "auto_updates")
    assert verdict.status == "pass" and "management profile" in verdict.finding


@pytest.mark.parametrize(
    ("changes", "status"),
    [({"block_all": True, "stealth": False}, "pass"), ({"block_all": False, "stealth": False}, "warning")],
)
def test_firewall_inbound(changes: dict[str, bool], status: str) -> None:
    verdict = judge(variant(SEQUOIA, "macos.firewall", **changes), "firewall_inbound_blocked")
    assert verdict.status == status
    if status == "warning":
        assert "allowed" in verdict.finding


def test_gatekeeper_off_is_a_fail_and_a_missing_xprotect_read_is_unable() -> None:
    off = variant(SEQUOIA, "macos.gatekeeper", assessments_enabled=False)
    assert judge(off, "antimalware_realtime").status == "fail"
    unread = variant(SEQUOIA, "macos.xprotect", error="XProtect could not be read (denied)")
    assert judge(unread, "antimalware_realtime").status == "unable"
    absent = variant(SEQUOIA, "macos.xprotect", {"present": False})
    assert judge(absent, "antimalware_realtime").status == "fail"
    assert judge(absent, "antimalware_signatures").status == "fail"


@pytest.mark.parametrize(("modified", "status"), [("2026-11-01", "warning"), ("2026-09-01", "fail")])
def test_xprotect_age(modified: str, status: str) -> None:
    snap = variant(SEQUOIA, "macos.xprotect", modified=f"{modified}T03:00:00+00:00")
    snap.facts["macos.update_history"] = Fact(source="softwareupdate --history", error="not read")
    assert judge(snap, "antimalware_signatures").status == status


def test_xprotect_history_entry_newer_than_a_stale_bundle_counts() -> None:
    """On macOS 15 the updated XProtect may be unreadable; the install history still shows it."""
    snap = variant(SEQUOIA, "macos.xprotect", modified="2026-08-01T03:00:00+00:00")
    verdict = judge(snap, "antimalware_signatures")
    assert verdict.status == "pass" and verdict.evidence is snap.facts["macos.update_history"]


@pytest.mark.parametrize(
    ("status_word", "status"),
    [
        ("encrypting", "warning"),
        ("pending_on", "warning"),
        ("pending_restart", "warning"),
        ("decrypting", "fail"),
    ],
)
def test_filevault_in_between_states(status_word: str, status: str) -> None:
    assert judge(variant(SEQUOIA, "macos.filevault", status=status_word), "disk_encryption").status == status


def test_only_root_in_the_admin_group_passes() -> None:
    verdict = judge(variant(VENTURA, "macos.admin_group", members=["root"]), "local_admins")
    assert verdict.status == "pass" and verdict.shown_raw() == []


def test_running_as_root_cannot_judge_the_everyday_account() -> None:
    snap = variant(SEQUOIA, "macos.current_user", user="root", groups=["wheel", "admin"], is_admin=True)
    assert judge(snap, "user_not_admin").status == "unable"


@pytest.mark.parametrize(("value", "status"), [(None, "pass"), ("YES", "fail"), ("sometimes", "unable")])
def test_guest_setting_values(value: Any, status: str) -> None:
    snap = variant(SEQUOIA, "macos.guest", {"GuestEnabled": value})
    assert judge(snap, "guest_disabled").status == status


def test_a_lockout_above_ten_attempts_is_a_warning() -> None:
    snap = variant(SEQUOIA, "macos.password_policy", max_failed_attempts=20)
    assert judge(snap, "password_policy").status == "warning"


@pytest.mark.parametrize(
    ("changes", "status"),
    [
        ({"screensaver_idle_seconds": 1200, "display_sleep_minutes": 30}, "warning"),
        ({"screensaver_idle_seconds": 0, "display_sleep_minutes": 0}, "fail"),
        ({"screensaver_idle_seconds": None, "display_sleep_minutes": None}, "warning"),
        ({"screensaver_idle_seconds": None, "display_sleep_minutes": 5}, "pass"),
        ({"lock_delay_seconds": 3600}, "warning"),
    ],
)
def test_screen_lock_timers(changes: dict[str, Any], status: str) -> None:
    verdict = judge(variant(SEQUOIA, "macos.screen_lock", **changes), "screen_lock")
    assert verdict.status == status, verdict.finding


def test_screen_sharing_on_is_a_warning() -> None:
    verdict = judge(variant(SEQUOIA, "macos.remote", screen_sharing=True), "remote_desktop")
    assert verdict.status == "warning" and "Screen Sharing" in verdict.finding


def test_listening_on_a_network_address_counts_but_loopback_does_not() -> None:
    sockets = [{"proto": "tcp4", "address": "127.0.0.1", "port": 5900}]
    assert judge(variant(SEQUOIA, "macos.listening", sockets=sockets), "listening_ports").status == "pass"
    sockets.append({"proto": "tcp4", "address": "192.168.1.23", "port": 3389})
    verdict = judge(variant(SEQUOIA, "macos.listening", sockets=sockets), "listening_ports")
    assert verdict.status == "warning" and verdict.shown_raw() == [3389]
