"""Linux checks: parsers on recorded output, every evaluator's pass, fail and unable."""

from __future__ import annotations

import copy
import datetime as dt
import json
from typing import Any

import pytest

from tests.conftest import FIXTURES
from wizard.checks.evaluate import evaluate
from wizard.checks.facts import Fact, Snapshot, load_snapshot
from wizard.checks.linux import parse
from wizard.checks.registry import LINUX

HERE = FIXTURES / "checks" / "linux"
TEXT = HERE / "text"
RECORDED = load_snapshot(HERE / "debian12-container-root.json")
EVALUATORS = LINUX.evaluators


def _with(fact_name: str, raw: Any = None, error: str | None = None, **changes: Any) -> Snapshot:
    snap = copy.deepcopy(RECORDED)
    old = snap.facts[fact_name]
    snap.facts[fact_name] = Fact(source=old.source, raw=raw, read_at=old.read_at, error=error)
    for key, value in changes.items():
        setattr(snap, key, value)
    return snap


def _status(check_id: str, snapshot: Snapshot) -> str:
    return EVALUATORS[check_id](snapshot).status


# --- parsers, on output recorded from the Debian 12 container ------------------------------------------


def test_parsers_on_recorded_output() -> None:
    release = parse.parse_os_release((TEXT / "debian12-os-release.txt").read_text())
    assert (release["ID"], release["VERSION_ID"]) == ("debian", "12")
    sockets = parse.parse_listening((TEXT / "debian12-ss-ltnH.txt").read_text())
    assert sockets and all(isinstance(s["port"], int) for s in sockets)
    disks = parse.encrypted_devices(json.loads((TEXT / "debian12-lsblk.json").read_text()))
    assert [m["mount"] for m in disks["system_mounts"]] == ["/"]
    assert parse.parse_group_line((TEXT / "debian12-getent-group.txt").read_text()) == {"sudo": []}
    pending = parse.parse_simulated_upgrade((TEXT / "debian12-apt-get-s-upgrade.txt").read_text())
    assert pending["upgradable"] > 0 and 0 < pending["security"] <= pending["upgradable"]
    history = parse.parse_apt_history((TEXT / "debian12-apt-history.log").read_text())
    assert history["runs"] >= 1


def test_parsers_on_other_shapes() -> None:
    ipv6 = parse.parse_listening("LISTEN 0 50 [::]:445 [::]:*\nLISTEN 0 50 127.0.0.1:631 0.0.0.0:*\n")
    assert ipv6 == [{"address": "::", "port": 445}, {"address": "127.0.0.1", "port": 631}]
    luks = {
        "blockdevices": [
            {
                "name": "nvme0n1",
                "type": "disk",
                "fstype": None,
                "mountpoint": None,
                "children": [
                    {
                        "name": "nvme0n1p3",
                        "type": "part",
                        "fstype": "crypto_LUKS",
                        "mountpoint": None,
                        "children": [{"name": "root", "type": "crypt", "fstype": "ext4", "mountpoint": "/"}],
                    }
                ],
            }
        ]
    }
    assert parse.encrypted_devices(luks)["system_mounts"] == [
        {"name": "root", "mount": "/", "encrypted": True}
    ]
    assert parse.parse_apt_periodic(
        'APT::Periodic::Update-Package-Lists "1";\nAPT::Periodic::Unattended-Upgrade "1";'
    ) == {"APT::Periodic::Update-Package-Lists": "1", "APT::Periodic::Unattended-Upgrade": "1"}
    with pytest.raises(ValueError):
        parse.parse_simulated_upgrade("E: Could not open lock file")


# --- every evaluator: a pass, a fail (or warning) and an unable ---------------------------------------

ubuntu_2004 = {"ID": "ubuntu", "VERSION_ID": "20.04", "PRETTY_NAME": "Ubuntu 20.04.6 LTS"}
ubuntu_2404 = {"ID": "ubuntu", "VERSION_ID": "24.04", "PRETTY_NAME": "Ubuntu 24.04.1 LTS"}
CASES: list[tuple[str, str, Any]] = [
    ("os_supported", "pass", ubuntu_2404),
    ("os_supported", "fail", ubuntu_2004),
    ("os_supported", "warning", {"ID": "arch", "VERSION_ID": "", "PRETTY_NAME": "Arch Linux"}),
    ("updates_recent", "pass", {"upgradable": 0, "security": 0}),
    ("updates_recent", "fail", {"upgradable": 5, "security": 2}),
    ("updates_recent", "warning", {"upgradable": 5, "security": 0}),
    ("updates_recent", "unable", {"pending_error": "apt-get did not answer within 4 s"}),
    (
        "auto_updates",
        "pass",
        {
            "apt_periodic": {"APT::Periodic::Unattended-Upgrade": "1"},
            "unattended_upgrades_installed": True,
            "dnf_automatic_installed": False,
        },
    ),
    (
        "auto_updates",
        "fail",
        {"apt_periodic": {}, "unattended_upgrades_installed": False, "dnf_automatic_installed": False},
    ),
    (
        "firewall_enabled",
        "pass",
        {
            "ufw_installed": True,
            "ufw_enabled": "yes",
            "ufw_default_input": "DROP",
            "units": {"ufw": "active", "firewalld": "inactive", "nftables": "inactive"},
        },
    ),
    (
        "firewall_enabled",
        "fail",
        {
            "ufw_installed": True,
            "ufw_enabled": "no",
            "ufw_default_input": "DROP",
            "units": {"ufw": "inactive", "firewalld": "inactive", "nftables": "inactive"},
        },
    ),
    ("firewall_inbound_blocked", "pass", {"ufw_default_input": "DROP", "units": {}}),
    ("firewall_inbound_blocked", "fail", {"ufw_default_input": "ACCEPT", "units": {}}),
    (
        "antimalware_realtime",
        "pass",
        {"installed": True, "newest_database": None, "units": {"clamav-daemon": "active"}},
    ),
    (
        "antimalware_realtime",
        "warning",
        {"installed": True, "newest_database": None, "units": {"clamav-daemon": "inactive"}},
    ),
    ("antimalware_realtime", "fail", {"installed": False, "newest_database": None, "units": {}}),
    ("disk_encryption", "pass", {"system_mounts": [{"name": "root", "mount": "/", "encrypted": True}]}),
    ("disk_encryption", "fail", {"system_mounts": [{"name": "vda", "mount": "/", "encrypted": False}]}),
    (
        "local_admins",
        "pass",
        {"uid": 1000, "user": "sam", "groups": ["sam"], "admin_groups": {"sudo": ["it"]}},
    ),
    (
        "local_admins",
        "warning",
        {
            "uid": 1000,
            "user": "sam",
            "groups": ["sam"],
            "admin_groups": {"sudo": ["it", "sam", "reception"], "wheel": ["locum"]},
        },
    ),
    ("user_not_admin", "pass", {"uid": 1000, "user": "sam", "groups": ["sam", "users"], "admin_groups": {}}),
    ("user_not_admin", "fail", {"uid": 1000, "user": "sam", "groups": ["sam", "sudo"], "admin_groups": {}}),
    ("password_policy", "pass", {"pam_faillock": True, "faillock_deny": "5"}),
    ("password_policy", "fail", {"pam_faillock": True, "faillock_deny": "0"}),
    ("screen_lock", "pass", {"desktop": True, "gsettings": True, "idle_delay": 300, "lock_enabled": True}),
    ("screen_lock", "fail", {"desktop": True, "gsettings": True, "idle_delay": 0, "lock_enabled": True}),
    ("screen_lock", "not_applicable", {"desktop": False, "gsettings": False}),
    ("smb1_server_off", "pass", {"installed": True, "server_min_protocol": "SMB2"}),
    ("smb1_server_off", "fail", {"installed": True, "server_min_protocol": "NT1"}),
    ("remote_desktop", "pass", {"ssh": "inactive", "xrdp": "inactive"}),
    ("remote_desktop", "warning", {"ssh": "active", "xrdp": "inactive"}),
    ("listening_ports", "pass", [{"address": "127.0.0.1", "port": 445}, {"address": "0.0.0.0", "port": 80}]),
    ("listening_ports", "warning", [{"address": "0.0.0.0", "port": 445}]),
]
FACT_OF = {
    "os_supported": "linux.os_release",
    "updates_recent": "linux.updates",
    "auto_updates": "linux.auto_updates",
    "firewall_enabled": "linux.firewall",
    "firewall_inbound_blocked": "linux.firewall",
    "antimalware_realtime": "linux.clamav",
    "antimalware_signatures": "linux.clamav",
    "disk_encryption": "linux.block_devices",
    "local_admins": "linux.accounts",
    "user_not_admin": "linux.accounts",
    "password_policy": "linux.password_policy",
    "screen_lock": "linux.screen_lock",
    "smb1_server_off": "linux.samba",
    "remote_desktop": "linux.remote_access",
    "listening_ports": "linux.listening",
}


@pytest.mark.parametrize(("check_id", "expected", "raw"), CASES, ids=[f"{c}-{e}" for c, e, _ in CASES])
def test_evaluator_cases(check_id: str, expected: str, raw: Any) -> None:
    assert _status(check_id, _with(FACT_OF[check_id], raw)) == expected


@pytest.mark.parametrize("check_id", sorted(EVALUATORS))
def test_a_failed_read_is_unable_never_pass_or_fail(check_id: str) -> None:
    snapshot = _with(FACT_OF[check_id], error="permission denied")
    verdict = EVALUATORS[check_id](snapshot)
    assert verdict.status == "unable"
    assert "permission denied" in verdict.finding and verdict.shown_raw() is None


def test_every_evaluator_has_pass_and_fail_cases() -> None:
    covered: dict[str, set[str]] = {}
    for check_id, expected, _ in CASES + _SIGNATURE_CASES:
        covered.setdefault(check_id, set()).add(expected)
    for check_id in EVALUATORS:
        assert "pass" in covered.get(check_id, set()) or check_id == "antimalware_signatures", check_id
        assert covered.get(check_id, set()) & {"fail", "warning"}, check_id


_NOW = dt.datetime.fromisoformat(RECORDED.collected_at).timestamp()
_SIGNATURE_CASES: list[tuple[str, str, Any]] = [
    ("antimalware_signatures", "pass", {"installed": True, "newest_database": _NOW - 86400, "units": {}}),
    (
        "antimalware_signatures",
        "warning",
        {"installed": True, "newest_database": _NOW - 5 * 86400, "units": {}},
    ),
    (
        "antimalware_signatures",
        "fail",
        {"installed": True, "newest_database": _NOW - 30 * 86400, "units": {}},
    ),
]


@pytest.mark.parametrize(("check_id", "expected", "raw"), _SIGNATURE_CASES)
def test_signature_age(check_id: str, expected: str, raw: Any) -> None:
    assert _status(check_id, _with("linux.clamav", raw)) == expected


def test_recorded_snapshot_re_evaluates_the_same() -> None:
    """A saved snapshot judged later gives the same results: evaluation is pure."""
    first = evaluate(RECORDED)
    again = evaluate(load_snapshot(HERE / "debian12-container-root.json"))
    assert first == again
    by_id = {r.check_id: r for r in first.results}
    assert by_id["os_supported"].status == "pass" and by_id["user_not_admin"].status == "fail"
    assert by_id["remote_desktop"].status == "unable"  # no systemd in the container: said, not guessed
    assert all(r.source for r in first.results)
