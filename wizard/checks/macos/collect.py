"""The macOS collector: read-only reads a standard user can make, each within a time limit.

Nothing here changes the Mac: only ``defaults read`` (never ``write``), status
queries and file reads. Commands run with ``LC_ALL=C``; the parsers in
``parse`` read numbers and state keywords, never translated sentences.
A read that is refused or times out raises, and the runner records it as an
error, so the evaluators say ``unable`` instead of guessing.

This module imports on any OS (the tests list its reads on Linux); it only
runs commands when a read is called.
"""

from __future__ import annotations

import hashlib
import os
import plistlib
import socket
from pathlib import Path
from typing import Any

from wizard.checks.collector import CommandOutput, DeviceIdentity, FactSpec, ReadError, capture, run_command
from wizard.checks.eol import table
from wizard.checks.macos import parse

SOFTWARE_UPDATE = "/Library/Preferences/com.apple.SoftwareUpdate"
MANAGED_SOFTWARE_UPDATE = Path("/Library/Managed Preferences/com.apple.SoftwareUpdate.plist")
LOGINWINDOW = "/Library/Preferences/com.apple.loginwindow"
SOCKETFILTERFW = "/usr/libexec/ApplicationFirewall/socketfilterfw"
XPROTECT_PLISTS = (
    # macOS 15 keeps the copy it updates here; older versions only have the second.
    Path("/var/protected/xprotect/XProtect.bundle/Contents/Info.plist"),
    Path("/Library/Apple/System/Library/CoreServices/XProtect.bundle/Contents/Info.plist"),
)
AUTO_UPDATE_KEYS = (
    "AutomaticCheckEnabled",
    "AutomaticDownload",
    "AutomaticallyInstallMacOSUpdates",
    "CriticalUpdateInstall",
    "ConfigDataInstall",
)
HISTORY_SECONDS = 5.5  # softwareupdate --history reads the whole install history: the slowest read
ANY_EXIT = tuple(range(256))
LAUNCHCTL_NOT_FOUND = 113  # launchctl print: "Could not find service ... in domain for system"


Output = CommandOutput  # the name the macOS reads and tests use


def _cmd(seconds: float) -> float:
    """A command's own limit: a little under the read's, so the command's error is the one reported."""
    return max(0.5, seconds - 0.5)


def read_sw_vers() -> dict[str, str]:
    return parse.parse_sw_vers(run_command(["sw_vers"], _cmd(2.5)))


def read_update_history() -> dict[str, Any]:
    return parse.parse_update_history(run_command(["softwareupdate", "--history"], _cmd(HISTORY_SECONDS)))


def _managed_plist(path: Path) -> dict[str, Any] | None:
    """A configuration profile's settings, which win over the local ones; None when there is none."""
    try:
        data = plistlib.loads(path.read_bytes())
    except FileNotFoundError:
        return None
    except (OSError, plistlib.InvalidFileException) as exc:
        raise ReadError(f"{path} could not be read ({exc})") from exc
    return data if isinstance(data, dict) else None


def read_auto_update() -> dict[str, Any]:
    done = capture(["defaults", "read", SOFTWARE_UPDATE], _cmd(2.5), ok_codes=(0, 1))
    if done.code == 1 and "does not exist" not in done.err:
        raise ReadError(f"defaults failed: {done.err.strip()[-120:]}")
    local = parse.parse_defaults_domain(done.out) if done.code == 0 else {}
    managed = _managed_plist(MANAGED_SOFTWARE_UPDATE)
    return {
        "domain_exists": done.code == 0,
        "local": {k: v for k, v in local.items() if k in AUTO_UPDATE_KEYS},
        "managed": {k: v for k, v in managed.items() if k in AUTO_UPDATE_KEYS} if managed else None,
    }


def read_firewall() -> dict[str, Any]:
    """Three quick questions to socketfilterfw, each given a third of the read's time."""
    state = parse.parse_firewall_state(run_command([SOCKETFILTERFW, "--getglobalstate"], 1.4))
    block_all = parse.parse_firewall_flag(run_command([SOCKETFILTERFW, "--getblockall"], 1.4))
    stealth = parse.parse_firewall_flag(run_command([SOCKETFILTERFW, "--getstealthmode"], 1.4))
    return {
        "global_state": state,
        "enabled": state > 0,
        "block_all": block_all or state == 2,
        "stealth": stealth,
    }


def read_gatekeeper() -> dict[str, Any]:
    # spctl exits 1 when assessments are disabled: that is an answer, not a failure.
    done = capture(["spctl", "--status"], _cmd(2.5), ok_codes=(0, 1))
    return {"assessments_enabled": parse.parse_spctl(done.out + done.err)}


def read_xprotect() -> dict[str, Any]:
    """The newest readable XProtect: its version and when its Info.plist last changed."""
    found: list[dict[str, Any]] = []
    refused: list[str] = []
    for path in XPROTECT_PLISTS:
        try:
            info = plistlib.loads(path.read_bytes())
            modified = path.stat().st_mtime
        except FileNotFoundError:
            continue
        except (OSError, plistlib.InvalidFileException) as exc:
            refused.append(f"{path}: {exc}")
            continue
        version = str(info.get("CFBundleShortVersionString") or info.get("CFBundleVersion") or "")
        found.append({"path": str(path), "version": version, "modified": parse.iso_mtime(modified)})
    if not found and refused:
        raise ReadError("XProtect could not be read (" + "; ".join(refused) + ")")
    if not found:
        return {"present": False}
    newest = max(found, key=lambda f: str(f["modified"]))
    return {"present": True, **newest, "not_readable": refused}


def read_filevault() -> dict[str, Any]:
    text = run_command(["fdesetup", "status"], _cmd(3.0))
    return {"status": parse.parse_fdesetup(text), "text": text.strip()}


def read_admin_group() -> dict[str, Any]:
    # An empty group is an answer ("No such key"), whatever exit code dscl gives with it.
    done = capture(["dscl", ".", "-read", "/Groups/admin", "GroupMembership"], _cmd(2.5), ANY_EXIT)
    if done.code != 0 and "No such key" not in done.out + done.err:
        raise ReadError(f"dscl failed (exit {done.code}: {(done.err or done.out).strip()[-120:]})")
    return {"members": parse.parse_admin_group(done.out + done.err)}


def read_current_user() -> dict[str, Any]:
    """Who is running this, and their groups; under sudo, the person who typed sudo."""
    user = run_command(["id", "-un"], _cmd(2.5)).strip()
    sudo_user = os.environ.get("SUDO_USER", "") if user == "root" else ""
    target = sudo_user or user
    groups = parse.parse_id_groups(run_command(["id", "-Gn", target], _cmd(2.5)))
    return {"user": target, "via_sudo": bool(sudo_user), "groups": groups, "is_admin": "admin" in groups}


def read_guest() -> dict[str, Any]:
    done = capture(["defaults", "read", LOGINWINDOW, "GuestEnabled"], _cmd(2.5), ok_codes=(0, 1))
    return {"GuestEnabled": parse.parse_defaults_key(*done)}


def read_screen_lock() -> dict[str, Any]:
    """The lock delay (sysadminctl), the screen saver timer and the display sleep timer."""
    lock = capture(["sysadminctl", "-screenLock", "status"], 2.0)
    delay = parse.parse_screen_lock(lock.err + lock.out)
    idle = capture(["defaults", "-currentHost", "read", "com.apple.screensaver", "idleTime"], 1.2, (0, 1))
    display = parse.parse_pmset_display_sleep(run_command(["pmset", "-g"], 1.2))
    return {
        "lock_enabled": delay is not None,
        "lock_delay_seconds": delay,
        "screensaver_idle_seconds": parse.parse_defaults_key(*idle),
        "display_sleep_minutes": display,
    }


def read_password_policy() -> dict[str, Any]:
    done = capture(["pwpolicy", "-getaccountpolicies"], _cmd(4.0))
    # The "Getting global account policies" line goes to stderr, the policy XML to stdout.
    return parse.parse_pwpolicy(done.err + "\n" + done.out)


def _loaded(label: str) -> bool:
    done = capture(["launchctl", "print", f"system/{label}"], 1.8, (0, LAUNCHCTL_NOT_FOUND))
    return done.code == 0


def read_remote() -> dict[str, bool]:
    return {"remote_login": _loaded("com.openssh.sshd"), "screen_sharing": _loaded("com.apple.screensharing")}


def read_listening() -> dict[str, Any]:
    """Every listening TCP socket (netstat), and the programs behind those this user may see (lsof).

    lsof run without admin lists only the user's own programs, so it alone
    would miss Remote Login, file sharing and Screen Sharing, which belong to
    the system: netstat shows every socket without admin.
    """
    sockets = parse.parse_netstat_listening(run_command(["netstat", "-an", "-p", "tcp"], 2.5))
    try:  # only adds program names: the judgement rests on netstat
        lsof = capture(["lsof", "-nP", "-iTCP", "-sTCP:LISTEN"], 2.0, (0, 1))
    except ReadError as exc:
        return {"sockets": sockets, "processes": None, "processes_error": str(exc)}
    return {"sockets": sockets, "processes": parse.parse_lsof_listening(lsof.out)}


def _os_name(values: dict[str, str]) -> str:
    """'macOS Sequoia 15.3.1 (24D70)': the marketing name from the end-of-support table."""
    version = values.get("ProductVersion", "")
    major = int(version.split(".")[0])
    names = {row["major"]: str(row["name"]) for row in table().get("macos", [])}
    name = names.get(major, "").removesuffix(f" {major}") or values.get("ProductName", "macOS")
    build = values.get("BuildVersion")
    return f"{name} {version}" + (f" ({build})" if build else "")


def _dirs() -> list[str]:
    return [str(path.parents[2]) for path in XPROTECT_PLISTS]


class MacCollector:
    os = "macos"

    def identity(self) -> DeviceIdentity:
        """Who this Mac is; never raises, since the snapshot is worth keeping without it."""
        hostname = socket.gethostname()
        try:
            uuid = parse.parse_ioreg_uuid(run_command(["ioreg", "-rd1", "-c", "IOPlatformExpertDevice"], 2.5))
            machine_id = hashlib.sha256(uuid.encode("ascii")).hexdigest()[:16]
        except (ReadError, ValueError):
            machine_id = "host-" + hashlib.sha256(hostname.encode("utf-8")).hexdigest()[:11]
        try:
            os_name = _os_name(read_sw_vers())
        except (ReadError, ValueError, OSError):
            os_name = "macOS (version could not be read)"
        geteuid = getattr(os, "geteuid", None)
        return DeviceIdentity(hostname, machine_id, os_name, bool(geteuid and geteuid() == 0))

    def fact_specs(self) -> list[FactSpec]:
        return [
            FactSpec("macos.sw_vers", "sw_vers", read_sw_vers),
            FactSpec(
                "macos.update_history", "softwareupdate --history", read_update_history, HISTORY_SECONDS
            ),
            FactSpec("macos.auto_update", f"defaults read {SOFTWARE_UPDATE}", read_auto_update),
            FactSpec(
                "macos.firewall",
                f"{SOCKETFILTERFW} --getglobalstate/--getblockall/--getstealthmode",
                read_firewall,
                4.0,
            ),
            FactSpec("macos.gatekeeper", "spctl --status", read_gatekeeper),
            FactSpec(
                "macos.xprotect", "XProtect.bundle Info.plist (" + ", ".join(_dirs()) + ")", read_xprotect
            ),
            FactSpec("macos.filevault", "fdesetup status", read_filevault, 3.0),
            FactSpec("macos.admin_group", "dscl . -read /Groups/admin GroupMembership", read_admin_group),
            FactSpec("macos.current_user", "id -un; id -Gn", read_current_user),
            FactSpec("macos.guest", f"defaults read {LOGINWINDOW} GuestEnabled", read_guest),
            FactSpec(
                "macos.screen_lock",
                "sysadminctl -screenLock status; defaults -currentHost read "
                "com.apple.screensaver idleTime; pmset -g",
                read_screen_lock,
                4.0,
            ),
            FactSpec("macos.password_policy", "pwpolicy -getaccountpolicies", read_password_policy, 4.0),
            FactSpec(
                "macos.remote",
                "launchctl print system/com.openssh.sshd, system/com.apple.screensharing",
                read_remote,
                4.0,
            ),
            FactSpec(
                "macos.listening", "netstat -an -p tcp; lsof -nP -iTCP -sTCP:LISTEN", read_listening, 5.0
            ),
        ]
