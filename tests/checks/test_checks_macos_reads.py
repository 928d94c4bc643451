"""The macOS reads, with every command answered from the text fixtures: what is asked, and that nothing is written."""

from __future__ import annotations

import hashlib
import os
import plistlib
import sys
from pathlib import Path

import pytest

from tests.checks.macos_kit import (
    text,
)
from wizard.checks.collector import ReadError
from wizard.checks.evaluate import evaluate
from wizard.checks.macos import collect as macos
from wizard.checks.runner import collect

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
