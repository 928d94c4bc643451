"""The macOS parsers, fed the text fixtures built from Apple's documented output formats."""

from __future__ import annotations

import pytest

from tests.checks.macos_kit import (
    history,
    text,
)
from wizard.checks.macos import parse as macos_read
from wizard.checks.macos.history import parse_update_history

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
    parsed = history(name)
    assert parsed["date_order"] == order
    dates = [e["date"] for e in parsed["entries"] if e["kind"] == "os"]
    assert max(dates) == newest_os


def test_update_history_keeps_both_readings_of_an_ambiguous_date() -> None:
    first = history("softwareupdate_history_ambiguous.txt")["entries"][0]
    assert (first["date"], first["date_other"], first["date_text"]) == (
        "2026-03-11",
        "2026-11-03",
        "03/11/2026",
    )


def test_update_history_kinds_and_undated_rows() -> None:
    entries = history("softwareupdate_history_dmy.txt")["entries"]
    kinds = {e["name"]: e["kind"] for e in entries}
    assert kinds["macOS Sequoia 15.7.2"] == "os" and kinds["XProtectPayloads"] == "security_data"
    assert kinds["Safari"] == "other" and entries[0]["version"] == "154"
    words = history("softwareupdate_history_words.txt")["entries"]
    assert words == [
        {
            "name": "macOS Sequoia 15.7.2",
            "version": None,
            "kind": "os",
            "date": None,
            "date_text": words[0]["date_text"],
        }
    ]
    assert history("softwareupdate_history_empty.txt") == {"entries": [], "date_order": "none"}


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
