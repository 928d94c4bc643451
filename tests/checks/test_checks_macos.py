"""The macOS local checks, tested on Linux through facts snapshots and command text.

The fixtures are CONSTRUCTED from Apple's documented output formats, not
recorded on a real Mac (we have none); each snapshot says so in its
``meta.provenance`` fact. The parsers are fed the text files; the evaluators
are fed the snapshots, and variants made by changing one fact.
"""

from __future__ import annotations

import copy
import hashlib
import os
import plistlib
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import FIXTURES
from wizard.checks.catalogue import BY_ID, CHECK_IDS
from wizard.checks.collector import ReadError
from wizard.checks.evaluate import evaluate
from wizard.checks.facts import Fact, Snapshot, load_snapshot
from wizard.checks.macos import collect as macos
from wizard.checks.macos import parse as macos_read
from wizard.checks.macos.history import parse_update_history
from wizard.checks.registry import MACOS
from wizard.checks.runner import collect
from wizard.checks.verdict import Verdict

MACOS_FIXTURES = FIXTURES / "checks" / "macos"
TEXT = MACOS_FIXTURES / "text"
SEQUOIA, VENTURA, REFUSED = "sequoia_15_configured", "ventura_13_unprotected", "refused_reads"
NOT_ON_MAC = {"ms17_010", "smb1_server_off", "smb1_client_off", "uac_enabled", "autorun_off"}
EVALUATORS = MACOS.evaluators


def snapshot(name: str) -> Snapshot:
    return load_snapshot(MACOS_FIXTURES / f"{name}.json")


def text(name: str) -> str:
    return (TEXT / name).read_text(encoding="utf-8")


def variant(name: str, fact: str, raw: Any = None, error: str | None = None, **changes: Any) -> Snapshot:
    """A copy of a fixture with one fact replaced, or some of its values changed."""
    snap = copy.deepcopy(snapshot(name))
    old = snap.facts[fact]
    value = raw if raw is not None or changes == {} else {**old.raw, **changes}
    snap.facts[fact] = Fact(source=old.source, raw=None if error else value, read_at=old.read_at, error=error)
    return snap


def judge(snap: Snapshot, check_id: str) -> Verdict:
    return EVALUATORS[check_id](snap)


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


def _history(name: str) -> dict[str, Any]:
    return parse_update_history(text(name))


@pytest.mark.parametrize(
    ("history", "status"),
    [
        ("softwareupdate_history_iso.txt", "pass"),
        ("softwareupdate_history_dotted.txt", "pass"),
        ("softwareupdate_history_ambiguous.txt", "warning"),  # 3 November or 11 March: cannot tell
        ("softwareupdate_history_empty.txt", "warning"),
        ("softwareupdate_history_words.txt", "unable"),  # dates in words are never guessed at
    ],
)
def test_updates_recent_reads_only_dates_it_is_sure_of(history: str, status: str) -> None:
    verdict = judge(variant(SEQUOIA, "macos.update_history", _history(history)), "updates_recent")
    assert verdict.status == status, verdict.finding


def test_updates_two_months_old_are_a_warning() -> None:
    snap = variant(SEQUOIA, "macos.update_history", _history("softwareupdate_history_dmy.txt"))
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


# --- parsers, on the text fixtures ---------------------------------------------------------------


def test_sw_vers_and_ioreg() -> None:
    assert macos_read.parse_sw_vers(text("sw_vers_13.txt")) == {
        "ProductName": "macOS",
        "ProductVersion": "13.7.8",
        "BuildVersion": "22H730",
    }
    assert macos_read.parse_ioreg_uuid(text("ioreg_platform.txt")) == "5A1B2C3D-4E5F-6071-8293-A4B5C6D7E8F9"
    with pytest.raises(ValueError):
        macos_read.parse_sw_vers("sw_vers: Operation not permitted\n")


@pytest.mark.parametrize(
    ("name", "order", "newest_os"),
    [
        ("softwareupdate_history_dmy.txt", "dmy", "2026-11-13"),
        ("softwareupdate_history_mdy.txt", "mdy", "2026-03-24"),
        ("softwareupdate_history_iso.txt", "ymd", "2026-11-13"),
        ("softwareupdate_history_dotted.txt", "dmy", "2026-11-13"),
        ("softwareupdate_history_ambiguous.txt", "ambiguous", "2026-08-10"),  # earlier readings
    ],
)
def test_update_history_date_orders(name: str, order: str, newest_os: str) -> None:
    history = _history(name)
    assert history["date_order"] == order
    dates = [e["date"] for e in history["entries"] if e["kind"] == "os"]
    assert max(dates) == newest_os


def test_update_history_keeps_both_readings_of_an_ambiguous_date() -> None:
    first = _history("softwareupdate_history_ambiguous.txt")["entries"][0]
    assert (first["date"], first["date_other"], first["date_text"]) == (
        "2026-03-11",
        "2026-11-03",
        "03/11/2026",
    )


def test_update_history_kinds_and_undated_rows() -> None:
    entries = _history("softwareupdate_history_dmy.txt")["entries"]
    kinds = {e["name"]: e["kind"] for e in entries}
    assert kinds["macOS Sequoia 15.7.2"] == "os" and kinds["XProtectPayloads"] == "security_data"
    assert kinds["Safari"] == "other" and entries[0]["version"] == "154"
    words = _history("softwareupdate_history_words.txt")["entries"]
    assert words == [
        {
            "name": "macOS Sequoia 15.7.2",
            "version": None,
            "kind": "os",
            "date": None,
            "date_text": words[0]["date_text"],
        }
    ]
    assert _history("softwareupdate_history_empty.txt") == {"entries": [], "date_order": "none"}


def test_update_history_with_conflicting_orders_is_refused() -> None:
    mixed = "Display Name  Version  Date\n---\na  1  13/11/2026, 10:00:00\nb  2  11/13/2026, 10:00:00\n"
    with pytest.raises(ValueError, match="mixes"):
        parse_update_history(mixed)


def test_defaults_domain_keeps_top_level_scalars_only() -> None:
    values = macos_read.parse_defaults_domain(text("defaults_softwareupdate.txt"))
    assert values["AutomaticallyInstallMacOSUpdates"] == 1
    assert values["LastAttemptSystemVersion"] == "15.7.2 (24G325)"
    assert "PrimaryLanguages" not in values and "en" not in values
    nested = macos_read.parse_defaults_domain(text("defaults_softwareupdate_ventura.txt"))
    assert nested == {
        "AutomaticCheckEnabled": 1,
        "LastAttemptSystemVersion": "13.7.8 (22H730)",
        "LastResultCode": 2,
        "LastSessionSuccessful": 1,
    }


def test_defaults_key_absent_is_data_but_refused_is_an_error() -> None:
    assert macos_read.parse_defaults_key(0, "1\n", "") == 1
    absent = (
        "The domain/default pair of (/Library/Preferences/com.apple.loginwindow, GuestEnabled) does not exist"
    )
    assert macos_read.parse_defaults_key(1, "", absent) is None
    with pytest.raises(ValueError):
        macos_read.parse_defaults_key(1, "", "Could not open: Operation not permitted")


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("socketfilterfw_blockall_off.txt", False),
        ("socketfilterfw_blockall_off_old.txt", False),
        ("socketfilterfw_blockall_on_old.txt", True),
        ("socketfilterfw_stealth_on.txt", True),
        ("socketfilterfw_stealth_off_old.txt", False),
        ("socketfilterfw_globalstate_on.txt", True),
        ("socketfilterfw_globalstate_off.txt", False),
    ],
)
def test_firewall_flags_in_old_and_new_wordings(name: str, value: bool) -> None:
    assert macos_read.parse_firewall_flag(text(name)) is value


def test_firewall_state_numbers() -> None:
    assert macos_read.parse_firewall_state(text("socketfilterfw_globalstate_on.txt")) == 1
    assert macos_read.parse_firewall_state(text("socketfilterfw_globalstate_off.txt")) == 0
    assert macos_read.parse_firewall_state(text("socketfilterfw_globalstate_essential.txt")) == 2
    with pytest.raises(ValueError):
        macos_read.parse_firewall_flag("Die Firewall ist aktiviert")


@pytest.mark.parametrize(
    ("name", "status"),
    [
        ("fdesetup_on.txt", "on"),
        ("fdesetup_off.txt", "off"),
        ("fdesetup_encrypting.txt", "encrypting"),
        ("fdesetup_pending.txt", "pending_on"),
    ],
)
def test_fdesetup(name: str, status: str) -> None:
    assert macos_read.parse_fdesetup(text(name)) == status


def test_gatekeeper_groups_and_admins() -> None:
    assert macos_read.parse_spctl(text("spctl_enabled.txt")) is True
    assert macos_read.parse_spctl(text("spctl_disabled.txt")) is False
    assert macos_read.parse_admin_group(text("dscl_admin.txt")) == ["root", "practiceadmin"]
    assert macos_read.parse_admin_group(text("dscl_admin_wrapped.txt"))[-1] == "itsupport"
    assert macos_read.parse_admin_group(text("dscl_admin_nokey.txt")) == []
    assert "admin" in macos_read.parse_id_groups(text("id_groups_admin.txt"))
    assert "admin" not in macos_read.parse_id_groups(text("id_groups_standard.txt"))


def test_screen_lock_and_display_sleep() -> None:
    assert macos_read.parse_screen_lock(text("sysadminctl_screenlock_immediate.txt")) == 0
    assert macos_read.parse_screen_lock(text("sysadminctl_screenlock_300.txt")) == 300
    assert macos_read.parse_screen_lock(text("sysadminctl_screenlock_off.txt")) is None
    assert macos_read.parse_pmset_display_sleep(text("pmset_g.txt")) == 10
    with pytest.raises(ValueError):
        macos_read.parse_screen_lock("sysadminctl: unknown option")


def test_password_policy() -> None:
    policy = macos_read.parse_pwpolicy(text("pwpolicy.txt"))
    assert (policy["max_failed_attempts"], policy["lockout_seconds"], policy["min_length"]) == (10, 900, 12)
    assert macos_read.parse_pwpolicy(text("pwpolicy_none.txt"))["policies_set"] is False
    with pytest.raises(ValueError):
        macos_read.parse_pwpolicy("Permission denied. Please run as root.")


def test_listening_sockets_and_programs() -> None:
    sockets = macos_read.parse_netstat_listening(text("netstat_ventura.txt"))
    assert {"proto": "tcp4", "address": "*", "port": 22} in sockets
    assert {"proto": "tcp4", "address": "127.0.0.1", "port": 631} in sockets
    sequoia = macos_read.parse_netstat_listening(text("netstat_sequoia.txt"))
    assert {"proto": "tcp6", "address": "::1", "port": 631} in sequoia
    assert all(s["port"] != 5223 for s in sequoia), "established connections are not listening sockets"
    programs = macos_read.parse_lsof_listening(text("lsof_listen.txt"))
    assert programs[0] == {"command": "rapportd", "user": "practice", "address": "*", "port": 49152}
    assert programs[-1]["address"] == "::1"


# --- the reads, with the commands answered from the text fixtures ----------------------------------


class FakeMac:
    """Answers commands from the text fixtures, as (exit code, stdout, stderr)."""

    def __init__(self, answers: dict[str, tuple[int, str, str]]) -> None:
        self.answers = dict(answers)
        self.asked: list[list[str]] = []

    def capture(self, args: list[str], timeout: float, ok_codes: tuple[int, ...] = (0,)) -> macos.Output:
        self.asked.append(args)
        key = " ".join(args)
        if key not in self.answers:
            raise ReadError(f"{args[0]} is not installed")
        code, out, err = self.answers[key]
        if code not in ok_codes:
            raise ReadError(f"{args[0]} failed (exit {code})")
        return macos.Output(code, out, err)

    def run_command(self, args: list[str], timeout: float, ok_codes: tuple[int, ...] = (0,)) -> str:
        return self.capture(args, timeout, ok_codes).out


FW = macos.SOCKETFILTERFW
MAC_ANSWERS: dict[str, tuple[int, str, str]] = {
    "sw_vers": (0, text("sw_vers_15.txt"), ""),
    "ioreg -rd1 -c IOPlatformExpertDevice": (0, text("ioreg_platform.txt"), ""),
    "softwareupdate --history": (0, text("softwareupdate_history_dmy.txt"), ""),
    f"defaults read {macos.SOFTWARE_UPDATE}": (0, text("defaults_softwareupdate.txt"), ""),
    f"{FW} --getglobalstate": (0, text("socketfilterfw_globalstate_on.txt"), ""),
    f"{FW} --getblockall": (0, text("socketfilterfw_blockall_off.txt"), ""),
    f"{FW} --getstealthmode": (0, text("socketfilterfw_stealth_on.txt"), ""),
    "spctl --status": (1, "", text("spctl_disabled.txt")),
    "fdesetup status": (0, text("fdesetup_encrypting.txt"), ""),
    "dscl . -read /Groups/admin GroupMembership": (181, "", text("dscl_admin_nokey.txt")),
    "id -un": (0, "reception\n", ""),
    "id -Gn reception": (0, text("id_groups_standard.txt"), ""),
    f"defaults read {macos.LOGINWINDOW} GuestEnabled": (
        1,
        "",
        "The domain/default pair of (x, y) does not exist",
    ),
    "sysadminctl -screenLock status": (0, "", text("sysadminctl_screenlock_immediate.txt")),
    "defaults -currentHost read com.apple.screensaver idleTime": (0, "600\n", ""),
    "pmset -g": (0, text("pmset_g.txt"), ""),
    "pwpolicy -getaccountpolicies": (5, "", "Permission denied. Please run as root."),
    "launchctl print system/com.openssh.sshd": (113, "", 'Could not find service "com.openssh.sshd"'),
    "launchctl print system/com.apple.screensharing": (0, "system/com.apple.screensharing = {...}", ""),
    "netstat -an -p tcp": (0, text("netstat_ventura.txt"), ""),
    "lsof -nP -iTCP -sTCP:LISTEN": (1, "", ""),
}


@pytest.fixture
def fake_mac(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> FakeMac:
    fake = FakeMac(MAC_ANSWERS)
    monkeypatch.setattr(macos, "capture", fake.capture)
    monkeypatch.setattr(macos, "run_command", fake.run_command)
    monkeypatch.setattr(macos, "MANAGED_SOFTWARE_UPDATE", tmp_path / "none.plist")
    monkeypatch.setattr(macos, "XPROTECT_PLISTS", (tmp_path / "absent.plist",))
    return fake


def test_collecting_from_a_fake_mac_reads_answers_and_refusals(fake_mac: FakeMac) -> None:
    snap = collect(macos.MacCollector())
    assert snap.os == "macos" and snap.os_name == "macOS Sequoia 15.7.2 (24G325)"
    assert snap.machine_id == hashlib.sha256(b"5A1B2C3D-4E5F-6071-8293-A4B5C6D7E8F9").hexdigest()[:16]
    facts = snap.facts
    assert facts["macos.firewall"].raw == {
        "global_state": 1,
        "enabled": True,
        "block_all": False,
        "stealth": True,
    }
    assert facts["macos.gatekeeper"].raw == {"assessments_enabled": False}
    assert facts["macos.admin_group"].raw == {"members": []}
    assert facts["macos.guest"].raw == {"GuestEnabled": None}
    assert facts["macos.remote"].raw == {"remote_login": False, "screen_sharing": True}
    assert facts["macos.xprotect"].raw == {"present": False}
    assert facts["macos.screen_lock"].raw["screensaver_idle_seconds"] == 600
    assert facts["macos.auto_update"].raw["managed"] is None
    assert facts["macos.password_policy"].error == "pwpolicy failed (exit 5)"
    report = evaluate(snap)
    statuses = {r.check_id: r.status for r in report.results}
    assert statuses["password_policy"] == "unable" and statuses["antimalware_realtime"] == "fail"
    assert statuses["disk_encryption"] == "warning" and statuses["remote_desktop"] == "warning"


def test_no_command_run_writes_anything(fake_mac: FakeMac) -> None:
    collect(macos.MacCollector())
    for args in fake_mac.asked:
        assert args[0] != "defaults" or "read" in args, args
        assert not any(a.startswith(("--set", "-set", "write", "delete")) for a in args), args


def test_identity_survives_a_refused_ioreg(fake_mac: FakeMac) -> None:
    del fake_mac.answers["ioreg -rd1 -c IOPlatformExpertDevice"]
    identity = macos.MacCollector().identity()
    assert identity.machine_id.startswith("host-") and len(identity.machine_id) == 16


def test_xprotect_reads_the_newest_readable_bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    old, new = tmp_path / "old.plist", tmp_path / "new.plist"
    old.write_bytes(plistlib.dumps({"CFBundleShortVersionString": "5300"}))
    new.write_bytes(plistlib.dumps({"CFBundleShortVersionString": "5321"}))
    os.utime(old, (1_700_000_000, 1_700_000_000))
    monkeypatch.setattr(macos, "XPROTECT_PLISTS", (new, old))
    raw = macos.read_xprotect()
    assert raw["present"] and raw["version"] == "5321" and raw["path"] == str(new)


@pytest.mark.skipif(sys.platform == "win32", reason="uses a POSIX shell")
def test_capture_keeps_stderr_and_the_exit_code() -> None:
    done = macos.capture(["sh", "-c", "echo out; echo err >&2; exit 3"], 5, ok_codes=(3,))
    assert done == macos.Output(3, "out\n", "err\n")
    with pytest.raises(ReadError, match="exit 3: err"):
        macos.capture(["sh", "-c", "echo err >&2; exit 3"], 5)
    with pytest.raises(ReadError, match="not installed"):
        macos.capture(["gpcw-no-such-command"], 5)
    with pytest.raises(ReadError, match="did not answer"):
        macos.capture(["sleep", "5"], 0.2)


def test_a_refused_lsof_only_loses_program_names(fake_mac: FakeMac) -> None:
    del fake_mac.answers["lsof -nP -iTCP -sTCP:LISTEN"]
    raw = macos.read_listening()
    assert raw["processes"] is None and "lsof" in raw["processes_error"]
    assert {"proto": "tcp4", "address": "*", "port": 445} in raw["sockets"]
