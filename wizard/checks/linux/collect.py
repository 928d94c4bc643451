"""The Linux collector: files and LC_ALL=C command output, no root needed.

Each read is independent, so the runner can make them all at once. A missing
file is data only where its absence means something (no Samba installed);
otherwise a read that fails raises, and the fact records the reason.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import socket
from pathlib import Path
from typing import Any

from wizard.checks.collector import DeviceIdentity, FactSpec, ReadError, run_command
from wizard.checks.linux import parse

FIREWALL_UNITS = ["ufw", "firewalld", "nftables"]
REMOTE_UNITS = ["ssh", "sshd", "xrdp", "vncserver", "x11vnc"]
CLAMAV_UNITS = ["clamav-daemon", "clamd", "clamav-freshclam"]


def _text(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError as exc:
        raise ReadError(f"{path} does not exist") from exc
    except PermissionError as exc:
        raise ReadError(f"{path} cannot be read without administrator rights") from exc


def _optional(path: str) -> str | None:
    try:
        return Path(path).read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return None
    except PermissionError as exc:
        raise ReadError(f"{path} cannot be read without administrator rights") from exc


def _units(units: list[str]) -> dict[str, str]:
    # is-active exits 3 for inactive units: that is an answer, not a failure.
    out = run_command(["systemctl", "is-active", *units], timeout=2.0, ok_codes=(0, 3, 4))
    return parse.parse_systemctl_active(out, units)


def read_os_release() -> dict[str, str]:
    return parse.parse_os_release(_text("/etc/os-release"))


def read_updates() -> dict[str, Any]:
    history = _optional("/var/log/apt/history.log")
    stamp = Path("/var/lib/apt/periodic/update-success-stamp")
    if history is None and shutil.which("apt-get") is None:
        raise ReadError("this system does not use apt; its update history is not read yet")
    result = parse.parse_apt_history(history or "")
    result["history_file"] = history is not None
    result["lists_updated"] = stamp.stat().st_mtime if stamp.exists() else None
    try:
        result.update(
            parse.parse_simulated_upgrade(
                run_command(["apt-get", "-s", "-o", "Debug::NoLocking=1", "upgrade"], timeout=4.0)
            )
        )
    except (ReadError, ValueError) as exc:
        result["pending_error"] = str(exc)
    return result


def read_auto_updates() -> dict[str, Any]:
    settings: dict[str, str] = {}
    for path in sorted(Path("/etc/apt/apt.conf.d").glob("*")):
        text = _optional(str(path))
        if text:
            settings.update(parse.parse_apt_periodic(text))
    return {
        "apt_periodic": settings,
        "unattended_upgrades_installed": Path("/usr/bin/unattended-upgrade").exists(),
        "dnf_automatic_installed": Path("/usr/bin/dnf-automatic").exists(),
    }


def read_firewall() -> dict[str, Any]:
    ufw = _optional("/etc/ufw/ufw.conf")
    defaults = _optional("/etc/default/ufw")
    try:
        units: dict[str, str] | str = _units(FIREWALL_UNITS)
    except ReadError as exc:
        units = f"unknown: {exc}"
    return {
        "ufw_installed": ufw is not None,
        "ufw_enabled": parse.parse_key_values(ufw).get("ENABLED") if ufw else None,
        "ufw_default_input": parse.parse_key_values(defaults).get("DEFAULT_INPUT_POLICY")
        if defaults
        else None,
        "units": units,
    }


def read_block_devices() -> dict[str, Any]:
    out = run_command(["lsblk", "-J", "-o", "NAME,TYPE,FSTYPE,MOUNTPOINT"], timeout=2.0)
    return parse.encrypted_devices(json.loads(out))


def read_accounts() -> dict[str, Any]:
    groups = run_command(["id", "-Gn"], timeout=1.0).split()
    admin_groups = parse.parse_group_line(
        run_command(["getent", "group", "sudo", "wheel", "admin"], timeout=1.0, ok_codes=(0, 2))
    )
    return {
        "user": os.environ.get("USER") or str(os.getuid()),
        "uid": os.getuid(),
        "groups": groups,
        "admin_groups": admin_groups,
    }


def read_password_policy() -> dict[str, Any]:
    login_defs = parse.parse_key_values(_optional("/etc/login.defs") or "", " ")
    faillock = parse.parse_key_values(_optional("/etc/security/faillock.conf") or "")
    pwquality = parse.parse_key_values(_optional("/etc/security/pwquality.conf") or "")
    pam = "\n".join(t for p in ("/etc/pam.d/common-auth", "/etc/pam.d/system-auth") if (t := _optional(p)))
    return {
        "pass_min_len": login_defs.get("PASS_MIN_LEN"),
        "faillock_deny": faillock.get("deny"),
        "pam_faillock": "pam_faillock" in pam or "pam_tally2" in pam,
        "minlen": pwquality.get("minlen"),
    }


def read_screen_lock() -> dict[str, Any]:
    desktop = any(os.environ.get(v) for v in ("DISPLAY", "WAYLAND_DISPLAY", "XDG_CURRENT_DESKTOP"))
    if not desktop or shutil.which("gsettings") is None:
        return {"desktop": desktop, "gsettings": False}
    delay = run_command(["gsettings", "get", "org.gnome.desktop.session", "idle-delay"], timeout=2.0)
    lock = run_command(["gsettings", "get", "org.gnome.desktop.screensaver", "lock-enabled"], timeout=2.0)
    return {
        "desktop": True,
        "gsettings": True,
        "idle_delay": int(delay.split()[-1]),
        "lock_enabled": lock.strip() == "true",
    }


def read_listening() -> list[dict[str, Any]]:
    return parse.parse_listening(run_command(["ss", "-ltnH"], timeout=2.0))


def read_samba() -> dict[str, Any]:
    text = _optional("/etc/samba/smb.conf")
    if text is None:
        return {"installed": False}
    settings = {k.lower(): v for k, v in parse.parse_key_values(text).items()}
    return {
        "installed": True,
        "server_min_protocol": settings.get("server min protocol") or settings.get("min protocol"),
    }


def read_remote_access() -> dict[str, str]:
    return _units(REMOTE_UNITS)


def read_clamav() -> dict[str, Any]:
    databases = list(Path("/var/lib/clamav").glob("*.c[lv]d"))
    try:
        units: dict[str, str] | str = _units(CLAMAV_UNITS)
    except ReadError as exc:
        units = f"unknown: {exc}"
    return {
        "installed": shutil.which("clamscan") is not None or shutil.which("clamd") is not None,
        "newest_database": max((p.stat().st_mtime for p in databases), default=None),
        "units": units,
    }


class LinuxCollector:
    os = "linux"

    def identity(self) -> DeviceIdentity:
        raw_id = (_optional("/etc/machine-id") or socket.gethostname()).strip()
        release = parse.parse_os_release(_optional("/etc/os-release") or "")
        return DeviceIdentity(
            hostname=socket.gethostname(),
            machine_id=hashlib.sha256(raw_id.encode()).hexdigest()[:16],
            os_name=release.get("PRETTY_NAME", "Linux"),
            elevated=os.geteuid() == 0,
        )

    def fact_specs(self) -> list[FactSpec]:
        return [
            FactSpec("linux.os_release", "/etc/os-release", read_os_release),
            FactSpec("linux.updates", "/var/log/apt/history.log; apt-get -s upgrade", read_updates, 5.0),
            FactSpec("linux.auto_updates", "/etc/apt/apt.conf.d; unattended-upgrades", read_auto_updates),
            FactSpec(
                "linux.firewall", "/etc/ufw/ufw.conf; /etc/default/ufw; systemctl is-active", read_firewall
            ),
            FactSpec("linux.block_devices", "lsblk -J -o NAME,TYPE,FSTYPE,MOUNTPOINT", read_block_devices),
            FactSpec("linux.accounts", "id -Gn; getent group sudo wheel admin", read_accounts),
            FactSpec(
                "linux.password_policy", "/etc/login.defs; /etc/security; /etc/pam.d", read_password_policy
            ),
            FactSpec("linux.screen_lock", "gsettings org.gnome.desktop", read_screen_lock),
            FactSpec("linux.listening", "ss -ltnH", read_listening),
            FactSpec("linux.samba", "/etc/samba/smb.conf", read_samba),
            FactSpec("linux.remote_access", "systemctl is-active ssh sshd xrdp vnc", read_remote_access),
            FactSpec("linux.clamav", "/var/lib/clamav; systemctl is-active clamav", read_clamav),
        ]
