"""Pure parsers for Linux files and command output (text in, data out)."""

from __future__ import annotations

import re
import shlex
from typing import Any


def parse_os_release(text: str) -> dict[str, str]:
    values: dict[str, str] = {}
    for line in text.splitlines():
        if "=" in line and not line.lstrip().startswith("#"):
            key, _, value = line.partition("=")
            try:
                parts = shlex.split(value)
            except ValueError:
                parts = [value.strip('"')]
            values[key.strip()] = parts[0] if parts else ""
    return values


def parse_key_values(text: str, separator: str = "=") -> dict[str, str]:
    """KEY=value or 'key value' config lines; comments and blanks skipped; last one wins."""
    values: dict[str, str] = {}
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if separator == " ":
            key, _, value = line.partition(" ")
        else:
            key, _, value = line.partition(separator)
        values[key.strip()] = value.strip().strip('"')
    return values


def parse_apt_periodic(text: str) -> dict[str, str]:
    """APT::Periodic::Unattended-Upgrade "1"; lines from apt.conf.d files."""
    return {m.group(1): m.group(2) for m in re.finditer(r'(APT::Periodic::[\w-]+)\s+"([^"]*)"\s*;', text)}


def parse_apt_history(text: str) -> dict[str, Any]:
    """The newest Start-Date of an apt run that installed or upgraded something."""
    latest: str | None = None
    block_date: str | None = None
    for line in text.splitlines():
        if line.startswith("Start-Date:"):
            block_date = line.split(":", 1)[1].strip()
        elif line.startswith(("Upgrade:", "Install:")) and block_date:
            latest = block_date
    runs = text.count("Start-Date:")
    return {"last_change": latest, "runs": runs}


def parse_simulated_upgrade(text: str) -> dict[str, int]:
    """'apt-get -s upgrade' (LC_ALL=C): '3 upgraded, 0 newly installed, ...'."""
    match = re.search(r"^(\d+) upgraded, (\d+) newly installed", text, re.MULTILINE)
    if match is None:
        raise ValueError("the simulated upgrade gave no summary line")
    security = sum(1 for line in text.splitlines() if line.startswith("Inst ") and "-security" in line)
    return {"upgradable": int(match.group(1)), "security": security}


def parse_listening(text: str) -> list[dict[str, Any]]:
    """'ss -ltnH' lines: State Recv-Q Send-Q Local:Port Peer:Port."""
    sockets: list[dict[str, Any]] = []
    for line in text.splitlines():
        parts = line.split()
        if len(parts) < 4:
            continue
        local = parts[3]
        address, _, port = local.rpartition(":")
        if port.isdigit():
            sockets.append({"address": address.strip("[]"), "port": int(port)})
    return sockets


def parse_group_line(text: str) -> dict[str, list[str]]:
    """getent group lines: name:x:gid:member1,member2."""
    groups: dict[str, list[str]] = {}
    for line in text.splitlines():
        parts = line.split(":")
        if len(parts) >= 4:
            groups[parts[0]] = [m for m in parts[3].split(",") if m]
    return groups


def parse_systemctl_active(text: str, units: list[str]) -> dict[str, str]:
    """'systemctl is-active a b c' prints one state per line, in order."""
    states = [line.strip() for line in text.splitlines() if line.strip()]
    return dict(zip(units, states, strict=False))


def encrypted_devices(lsblk: dict[str, Any]) -> dict[str, Any]:
    """From 'lsblk -J -o NAME,TYPE,FSTYPE,MOUNTPOINT': is the root file system on an encrypted device?"""

    def walk(nodes: list[dict[str, Any]], inside_crypt: bool) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = []
        for node in nodes:
            crypt = inside_crypt or node.get("type") == "crypt" or node.get("fstype") == "crypto_LUKS"
            found.append({"name": node.get("name"), "mount": node.get("mountpoint"), "encrypted": crypt})
            found.extend(walk(node.get("children") or [], crypt))
        return found

    devices = walk(lsblk.get("blockdevices") or [], False)
    mounts = [d for d in devices if d["mount"] in ("/", "/home")]
    return {"devices": devices, "system_mounts": mounts}
