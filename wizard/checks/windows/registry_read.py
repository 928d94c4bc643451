"""Read-only registry reads for the Windows checks, kept as data.

Each fact is a list of keys and the values wanted from them. Every read opens
the 64-bit view (``KEY_WOW64_64KEY``): a 32-bit Python would otherwise be sent
to ``WOW6432Node`` and see the wrong Windows version and settings.

What is recorded: for each key, whether it exists and every asked value, with
``None`` (JSON null) for a value that is not there. A missing value is data
(SMB1 absent means "Windows default"); a missing *required* key, or a refusal,
is a read error. Policy keys are optional: no key means no policy is set.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from wizard.checks.collector import ReadError

HIVE_NAMES = {"HKLM": "HKEY_LOCAL_MACHINE", "HKCU": "HKEY_CURRENT_USER"}


@dataclass(frozen=True)
class KeySpec:
    label: str  # how evaluators name this key, e.g. "policy_public"
    hive: str  # "HKLM" or "HKCU"
    path: str
    values: tuple[str, ...]  # the values wanted; empty: every value the key holds
    required: bool = True  # False: the key's absence is an answer (no policy set)

    @property
    def where(self) -> str:
        return f"{self.hive}\\{self.path}"


class RegistryBackend(Protocol):
    def read(self, hive: str, path: str, names: Sequence[str]) -> dict[str, Any] | None:
        """Values by name (None when absent); every value when ``names`` is empty;
        None when the key does not exist."""
        ...


def as_json_value(value: Any) -> Any:
    """REG_BINARY comes back as bytes, which JSON cannot hold: keep its hex, marked as binary,
    so an evaluator can decode it as the little-endian number it usually is."""
    if isinstance(value, bytes):
        return {"reg_binary": value.hex()}
    return value


class WinregBackend:
    """The real registry, through ``winreg``; imported only when a read happens."""

    def read(self, hive: str, path: str, names: Sequence[str]) -> dict[str, Any] | None:
        if sys.platform != "win32":
            raise ReadError("the Windows registry can only be read on Windows")
        import winreg

        root = winreg.HKEY_LOCAL_MACHINE if hive == "HKLM" else winreg.HKEY_CURRENT_USER
        try:
            key = winreg.OpenKey(root, path, 0, winreg.KEY_READ | winreg.KEY_WOW64_64KEY)
        except FileNotFoundError:
            return None
        values: dict[str, Any] = {}
        with key:
            if not names:
                return _every_value(winreg, key)
            for name in names:
                try:
                    value, _kind = winreg.QueryValueEx(key, name)
                except FileNotFoundError:
                    values[name] = None
                else:
                    values[name] = as_json_value(value)
        return values


def _every_value(winreg: Any, key: Any) -> dict[str, Any]:
    values: dict[str, Any] = {}
    index = 0
    while True:
        try:
            name, value, _kind = winreg.EnumValue(key, index)
        except OSError:  # no more values
            return values
        values[name] = as_json_value(value)
        index += 1


def read_key(spec: KeySpec, backend: RegistryBackend) -> dict[str, Any]:
    """One key as recorded evidence; raise ReadError with a plain reason on trouble."""
    try:
        values = backend.read(spec.hive, spec.path, spec.values)
    except PermissionError as exc:
        raise ReadError(f"Windows refused to let this account read {spec.where}") from exc
    except OSError as exc:
        raise ReadError(f"{spec.where} could not be read ({exc.strerror or exc})") from exc
    if values is None:
        if spec.required:
            raise ReadError(f"the registry key {spec.where} does not exist")
        return {"path": spec.where, "exists": False, "values": dict.fromkeys(spec.values)}
    return {
        "path": spec.where,
        "exists": True,
        "values": {name: values.get(name) for name in spec.values} if spec.values else dict(values),
    }


def read_keys(specs: Sequence[KeySpec], backend: RegistryBackend) -> dict[str, Any]:
    return {spec.label: read_key(spec, backend) for spec in specs}


def source_of(specs: Sequence[KeySpec]) -> str:
    """Where a fact came from, in the words a technician would type into regedit."""
    parts = [f"{spec.where} ({', '.join(spec.values) or 'every value'})" for spec in specs]
    return "registry (64-bit view): " + "; ".join(parts)


_CV = r"SOFTWARE\Microsoft\Windows NT\CurrentVersion"
_SYSTEM_POLICIES = r"SOFTWARE\Microsoft\Windows\CurrentVersion\Policies\System"
_EXPLORER_POLICIES = r"Microsoft\Windows\CurrentVersion\Policies\Explorer"
_FW_POLICY = r"SOFTWARE\Policies\Microsoft\WindowsFirewall"
_FW_LOCAL = r"SYSTEM\CurrentControlSet\Services\SharedAccess\Parameters\FirewallPolicy"
_FW_VALUES = ("EnableFirewall", "DefaultInboundAction")
_SCREEN_VALUES = ("ScreenSaveActive", "ScreenSaverIsSecure", "ScreenSaveTimeOut", "SCRNSAVE.EXE")

# The three firewall profiles: (name shown to people, policy key name, local key name).
FIREWALL_PROFILES = (
    ("Domain", "DomainProfile", "DomainProfile"),
    ("Private", "PrivateProfile", "StandardProfile"),
    ("Public", "PublicProfile", "PublicProfile"),
)

MACHINE_GUID = KeySpec("cryptography", "HKLM", r"SOFTWARE\Microsoft\Cryptography", ("MachineGuid",))

VERSION_VALUES = (
    "CurrentBuildNumber",
    "UBR",
    "DisplayVersion",
    "ReleaseId",
    "EditionID",
    "ProductName",
    "InstallationType",
)

REGISTRY_FACTS: dict[str, tuple[KeySpec, ...]] = {
    "windows.version": (KeySpec("current_version", "HKLM", _CV, VERSION_VALUES),),
    "windows.firewall": (
        *(
            KeySpec(f"policy_{name.lower()}", "HKLM", f"{_FW_POLICY}\\{key}", _FW_VALUES, required=False)
            for name, key, _ in FIREWALL_PROFILES
        ),
        *(
            KeySpec(f"local_{name.lower()}", "HKLM", f"{_FW_LOCAL}\\{key}", _FW_VALUES)
            for name, _, key in FIREWALL_PROFILES
        ),
        KeySpec("service", "HKLM", r"SYSTEM\CurrentControlSet\Services\mpssvc", ("Start",), required=False),
    ),
    "windows.smb": (
        KeySpec("server", "HKLM", r"SYSTEM\CurrentControlSet\Services\LanmanServer\Parameters", ("SMB1",)),
        KeySpec("client", "HKLM", r"SYSTEM\CurrentControlSet\Services\mrxsmb10", ("Start",), required=False),
        # srv.sys is the SMB version 1 server driver: removing SMB1 removes its service key.
        KeySpec(
            "server_driver", "HKLM", r"SYSTEM\CurrentControlSet\Services\srv", ("Start",), required=False
        ),
    ),
    # Every inbound rule, local and from Group Policy: "v2.30|Action=Allow|Active=TRUE|Dir=In|
    # LPort=445|Profile=Public|..." strings whose names are resource references, not text.
    "windows.firewall_rules": (
        KeySpec("local", "HKLM", f"{_FW_LOCAL}\\FirewallRules", (), required=False),
        KeySpec("policy", "HKLM", f"{_FW_POLICY}\\FirewallRules", (), required=False),
    ),
    "windows.uac": (
        KeySpec(
            "system_policies",
            "HKLM",
            _SYSTEM_POLICIES,
            ("EnableLUA", "ConsentPromptBehaviorAdmin", "PromptOnSecureDesktop"),
        ),
    ),
    "windows.autorun": (
        KeySpec(
            "machine", "HKLM", f"SOFTWARE\\{_EXPLORER_POLICIES}", ("NoDriveTypeAutoRun", "NoAutorun"), False
        ),
        KeySpec(
            "user", "HKCU", f"Software\\{_EXPLORER_POLICIES}", ("NoDriveTypeAutoRun", "NoAutorun"), False
        ),
    ),
    "windows.rdp": (
        KeySpec(
            "local", "HKLM", r"SYSTEM\CurrentControlSet\Control\Terminal Server", ("fDenyTSConnections",)
        ),
        KeySpec(
            "policy",
            "HKLM",
            r"SOFTWARE\Policies\Microsoft\Windows NT\Terminal Services",
            ("fDenyTSConnections",),
            required=False,
        ),
    ),
    "windows.auto_update": (
        KeySpec(
            "policy_au",
            "HKLM",
            r"SOFTWARE\Policies\Microsoft\Windows\WindowsUpdate\AU",
            ("NoAutoUpdate", "AUOptions", "UseWUServer"),
            required=False,
        ),
        KeySpec(
            "policy_wu", "HKLM", r"SOFTWARE\Policies\Microsoft\Windows\WindowsUpdate", ("WUServer",), False
        ),
        # The choice made in Control Panel on Windows 7 and 8.1 (Windows 10 and 11 have none).
        KeySpec(
            "local_au",
            "HKLM",
            r"SOFTWARE\Microsoft\Windows\CurrentVersion\WindowsUpdate\Auto Update",
            ("AUOptions",),
            required=False,
        ),
        # Windows 10 and 11: updates paused from Settings until this time (UTC, ISO 8601).
        KeySpec(
            "pause",
            "HKLM",
            r"SOFTWARE\Microsoft\WindowsUpdate\UX\Settings",
            ("PauseUpdatesExpiryTime",),
            False,
        ),
    ),
    "windows.screen_lock": (
        KeySpec("machine_policy", "HKLM", _SYSTEM_POLICIES, ("InactivityTimeoutSecs",)),
        KeySpec(
            "user_policy",
            "HKCU",
            r"Software\Policies\Microsoft\Windows\Control Panel\Desktop",
            _SCREEN_VALUES,
            required=False,
        ),
        KeySpec("user", "HKCU", r"Control Panel\Desktop", _SCREEN_VALUES),
    ),
}
