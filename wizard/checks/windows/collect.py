"""The Windows collector: registry reads in Python, plus one PowerShell process.

The halves are independent on purpose. Registry facts come from ``winreg``
(64-bit view, read-only, no admin needed) and account facts from the Windows
API (``netapi``); both keep working when PowerShell is missing, too old,
blocked or in Constrained Language Mode. PowerShell supplies what only
cmdlets and COM can tell (Defender, Security Center, group members, BitLocker,
update history, listening ports). Nothing here changes the PC.

``winreg`` and ``ctypes.windll`` are touched only inside functions, so this
module imports on Linux and macOS, where the tests list its reads.
"""

from __future__ import annotations

import functools
import hashlib
import platform
import sys
from typing import Any

from wizard.checks.collector import DeviceIdentity, FactSpec, ReadError, run_command
from wizard.checks.windows.netapi import read_account_policy, read_admin_members
from wizard.checks.windows.powershell import POWERSHELL_TIMEOUT, Runner, powershell_path, read_powershell
from wizard.checks.windows.registry_read import (
    MACHINE_GUID,
    REGISTRY_FACTS,
    RegistryBackend,
    WinregBackend,
    read_key,
    read_keys,
    source_of,
)

POWERSHELL_FACT = "windows.powershell"
API_FACTS = (
    ("windows.account_policy", "Windows API NetUserModalsGet levels 0 and 3 (numbers)", read_account_policy),
    ("windows.admin_members", "Windows API NetLocalGroupGetMembers S-1-5-32-544 (SIDs)", read_admin_members),
)


def is_elevated() -> bool:
    """Whether this process runs with an administrator's full token (UAC elevated)."""
    if sys.platform != "win32":
        return False
    import ctypes

    try:
        return bool(ctypes.windll.shell32.IsUserAnAdmin())
    except (AttributeError, OSError):
        return False


def windows_name(version: dict[str, Any]) -> str:
    """A name people recognise: ProductName says "Windows 10" even on Windows 11.

    Windows 11 is build 22000 or later; the build and revision (UBR) are added so
    the exact patch level shows in the report.
    """
    build = _int(version.get("CurrentBuildNumber"))
    product = str(version.get("ProductName") or "Windows")
    if build is not None and build >= 22000:
        product = product.replace("Windows 10", "Windows 11")
    release = version.get("DisplayVersion") or version.get("ReleaseId") or ""
    ubr = version.get("UBR")
    build_text = f"{build}.{ubr}" if build is not None and ubr is not None else str(build or "unknown")
    return " ".join(part for part in (product, str(release), f"(build {build_text})") if part)


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


class WindowsCollector:
    """Reads facts on Windows; ``registry`` and ``run`` can be swapped in tests."""

    os = "windows"

    def __init__(self, registry: RegistryBackend | None = None, run: Runner = run_command) -> None:
        self._registry: RegistryBackend = registry or WinregBackend()
        self._run = run

    def identity(self) -> DeviceIdentity:
        hostname = platform.node() or "unknown"
        try:
            guid = read_key(MACHINE_GUID, self._registry)["values"]["MachineGuid"]
        except ReadError:
            guid = None
        # MachineGuid is stable across renames; the host name is a last resort.
        seed = f"windows:{guid}" if guid else f"windows-host:{hostname.lower()}"
        machine_id = hashlib.sha256(seed.encode("utf-8")).hexdigest()[:16]
        try:
            spec = REGISTRY_FACTS["windows.version"][0]
            os_name = windows_name(read_key(spec, self._registry)["values"])
        except ReadError:
            os_name = "Windows (version unreadable)"
        return DeviceIdentity(
            hostname=hostname, machine_id=machine_id, os_name=os_name, elevated=is_elevated()
        )

    def fact_specs(self) -> list[FactSpec]:
        """Every read, listed without touching the registry: reads happen when called."""
        specs = [
            FactSpec(name, source_of(keys), functools.partial(read_keys, keys, self._registry))
            for name, keys in REGISTRY_FACTS.items()
        ]
        specs += [FactSpec(name, source, read) for name, source, read in API_FACTS]
        specs.append(
            FactSpec(
                POWERSHELL_FACT,
                f"{powershell_path()} -NoProfile -NonInteractive (one process, JSON out)",
                functools.partial(read_powershell, self._run),
                timeout=POWERSHELL_TIMEOUT + 1.0,
            )
        )
        return specs
