"""The Windows collector and its one PowerShell process, run on Linux with the registry and
PowerShell swapped for fakes fed from the fixtures."""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from tests.checks.test_checks_windows import CLM, DE, W10, load, results, statuses
from wizard.checks.collector import ReadError
from wizard.checks.facts import Fact, Snapshot
from wizard.checks.runner import collect
from wizard.checks.windows import powershell as windows_ps
from wizard.checks.windows.collect import API_FACTS, WindowsCollector, windows_name
from wizard.checks.windows.facts import to_int
from wizard.checks.windows.registry_read import REGISTRY_FACTS, WinregBackend, as_json_value

# ---- the collector, with the registry and PowerShell swapped for fakes ----


class FakeRegistry:
    """The registry as {(hive, path): values}; a path in ``denied`` raises like Windows does."""

    def __init__(self, keys: dict[tuple[str, str], dict[str, Any]], denied: Sequence[str] = ()) -> None:
        self.keys, self.denied, self.calls = keys, set(denied), 0

    def read(self, hive: str, path: str, names: Sequence[str]) -> dict[str, Any] | None:
        self.calls += 1
        if path in self.denied:
            raise PermissionError(13, "Access is denied")
        values = self.keys.get((hive, path))
        if values is None:
            return None
        return {n: values[n] for n in names if n in values} if names else dict(values)


def registry_of(snap: Snapshot) -> dict[tuple[str, str], dict[str, Any]]:
    """Rebuild the registry a fixture describes, so the real reader can read it back."""
    keys: dict[tuple[str, str], dict[str, Any]] = {}
    for name in REGISTRY_FACTS:
        for key in snap.facts[name].raw.values():
            if key["exists"]:
                hive, path = key["path"].split("\\", 1)
                values = keys.setdefault((hive, path), {})  # two facts may read one key
                values.update({k: v for k, v in key["values"].items() if v is not None})
    keys[("HKLM", r"SOFTWARE\Microsoft\Cryptography")] = {
        "MachineGuid": "6a5e8c1e-2b1d-4f07-9d3c-1f0e2a7b9c44"
    }
    return keys


def test_collector_reads_back_what_a_fixture_describes() -> None:
    snap = load(DE)
    fake = FakeRegistry(registry_of(snap))
    collected = collect(WindowsCollector(registry=fake))
    for name in REGISTRY_FACTS:
        assert collected.facts[name].ok, collected.facts[name].error
        assert collected.facts[name].raw == snap.facts[name].raw
    assert collected.os_name == "Windows 11 Enterprise 23H2 (build 22631.6199)"
    guid = "windows:6a5e8c1e-2b1d-4f07-9d3c-1f0e2a7b9c44"
    assert collected.machine_id == hashlib.sha256(guid.encode()).hexdigest()[:16]
    # No powershell.exe on this Linux: that fact fails plainly and nothing else does.
    assert "was not found" in str(collected.facts["windows.powershell"].error)


def test_missing_registry_key_is_unable_never_pass() -> None:
    keys = registry_of(load(W10))
    del keys[("HKLM", r"SYSTEM\CurrentControlSet\Services\LanmanServer\Parameters")]
    collected = collect(WindowsCollector(registry=FakeRegistry(keys)))
    assert "LanmanServer\\Parameters does not exist" in str(collected.facts["windows.smb"].error)
    got = statuses(collected)
    assert got["smb1_server_off"] == "unable" and got["smb1_client_off"] == "unable"


def test_refused_registry_read_is_unable_with_the_reason() -> None:
    policy = r"SOFTWARE\Policies\Microsoft\WindowsFirewall\PublicProfile"
    collected = collect(WindowsCollector(registry=FakeRegistry(registry_of(load(W10)), denied=[policy])))
    assert "refused" in str(collected.facts["windows.firewall"].error)
    assert results(collected)["firewall_enabled"].status == "unable"


def test_absent_values_and_keys_are_recorded_as_data() -> None:
    keys = registry_of(load(W10))
    del keys[("HKLM", r"SOFTWARE\Microsoft\Cryptography")]
    collected = collect(WindowsCollector(registry=FakeRegistry(keys)))
    smb = collected.facts["windows.smb"].raw
    assert smb["server"] == {
        "path": r"HKLM\SYSTEM\CurrentControlSet\Services\LanmanServer\Parameters",
        "exists": True,
        "values": {"SMB1": None},
    }
    assert smb["client"]["exists"] is False
    # No MachineGuid: the host name is the last resort, still a stable 16-hex id.
    host = collected.hostname.lower()
    assert collected.machine_id == hashlib.sha256(f"windows-host:{host}".encode()).hexdigest()[:16]
    assert as_json_value(b"\x95\x00\x00\x00") == {"reg_binary": "95000000"}  # JSON cannot hold bytes
    assert to_int(as_json_value(b"\x95\x00\x00\x00")) == 0x95


def test_module_imports_on_linux_and_lists_reads_without_winreg() -> None:
    fake = FakeRegistry({})
    specs = WindowsCollector(registry=fake).fact_specs()
    assert fake.calls == 0
    assert [s.name for s in specs] == [
        *REGISTRY_FACTS,
        *(name for name, _, _ in API_FACTS),
        "windows.powershell",
    ]
    assert all(s.name.startswith("windows.") and s.source for s in specs)
    assert next(s for s in specs if s.name == "windows.powershell").timeout >= windows_ps.POWERSHELL_TIMEOUT
    assert WindowsCollector().fact_specs()
    assert "winreg" not in sys.modules or sys.platform == "win32"


@pytest.mark.skipif(sys.platform == "win32", reason="checks the non-Windows refusal")
def test_real_registry_backend_refuses_plainly_off_windows() -> None:
    with pytest.raises(ReadError, match="only be read on Windows"):
        WinregBackend().read("HKLM", "SOFTWARE", ["x"])


def test_windows_name_says_11_for_build_22000_and_later() -> None:
    values = {
        "ProductName": "Windows 10 Pro",
        "CurrentBuildNumber": "26200",
        "UBR": 1234,
        "DisplayVersion": "25H2",
    }
    assert windows_name(values) == "Windows 11 Pro 25H2 (build 26200.1234)"
    assert windows_name({**values, "CurrentBuildNumber": "19045"}) == "Windows 10 Pro 25H2 (build 19045.1234)"


# ---- the PowerShell script and its JSON ----


def clm_output() -> str:
    """What the script prints in Constrained Language Mode: a warning, then JSON with errors."""
    answer = dict(load(CLM).facts["windows.powershell"].raw)
    answer["admins"] = {
        **answer["admins"],
        "members": [{"name": "Administratören", "sid": "S-1-5-21-1-2-3-500"}],
    }
    del answer["listening"]
    body = json.dumps(answer, separators=(",", ":"), ensure_ascii=True)
    return "\ufeffWARNING: Some commands are not available in ConstrainedLanguage mode.\r\n" + body + "\r\n"


def test_parser_reads_clm_output_and_fills_missing_sections() -> None:
    data = windows_ps.parse_powershell_json(clm_output())
    assert data["language_mode"] == "ConstrainedLanguage"
    assert data["admins"]["members"][0]["name"] == "Administratören"
    assert "error" in data["bitlocker"] and "error" in data["updates"]["history"]
    assert data["listening"] == {"error": "PowerShell did not report this section"}
    snap = load(CLM)
    snap.facts["windows.powershell"] = Fact("ps", data, snap.facts["windows.powershell"].read_at)
    got = statuses(snap)
    assert got["disk_encryption"] == "unable" and got["listening_ports"] == "unable"
    assert got["updates_recent"] == "pass"  # from the hotfix list


@pytest.mark.parametrize("text", ["", "Get-MpComputerStatus : access denied\r\n", "{not json", "[1, 2]"])
def test_parser_refuses_output_without_the_json_object(text: str) -> None:
    with pytest.raises(ReadError, match="PowerShell did not print the expected JSON"):
        windows_ps.parse_powershell_json(text)


def test_read_powershell_runs_one_process_with_safe_switches(tmp_path: Path) -> None:
    exe = tmp_path / "powershell.exe"
    exe.write_text("stand-in")
    seen: list[tuple[list[str], float]] = []

    def fake_run(args: list[str], timeout: float, ok_codes: tuple[int, ...] = (0,)) -> str:
        seen.append((args, timeout))
        return clm_output()

    data = windows_ps.read_powershell(fake_run, exe=str(exe))
    assert data["defender"]["AntivirusEnabled"] is True
    [(args, timeout)] = seen
    assert args[:6] == [str(exe), "-NoProfile", "-NonInteractive", "-ExecutionPolicy", "Bypass", "-Command"]
    assert args[6] == windows_ps.SCRIPT and timeout == windows_ps.POWERSHELL_TIMEOUT
    with pytest.raises(ReadError, match="not found"):
        windows_ps.read_powershell(fake_run, exe=str(tmp_path / "missing.exe"))


def test_script_is_one_read_only_line_that_survives_command_line_quoting() -> None:
    script = windows_ps.SCRIPT
    assert "\n" not in script and '"' not in script
    for name in windows_ps.SECTIONS:
        assert f"$r.{name} =" in script or f"$r.{name}=" in script
    for verb in (
        "Set-",
        "Remove-",
        "New-Item",
        "Add-Type",
        "Enable-",
        "Disable-",
        "net.exe",
        "Invoke-WebRequest",
    ):
        assert verb not in script
    assert "S-1-5-32-544" in script and "-501" in script
    assert "ConvertTo-Json -Depth 6 -Compress" in script
    assert script.count("try {") == script.count("catch {")


def test_sysnative_is_used_by_a_32_bit_python_on_64_bit_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SYSTEMROOT", r"C:\Windows")
    monkeypatch.delenv("PROCESSOR_ARCHITEW6432", raising=False)
    assert windows_ps.powershell_path().endswith(r"C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe")
    monkeypatch.setattr(sys, "maxsize", 2**31 - 1)
    monkeypatch.setenv("PROCESSOR_ARCHITEW6432", "AMD64")
    assert r"\Sysnative\WindowsPowerShell" in windows_ps.powershell_path()


# What Windows PowerShell 2.0 prints for the script: its version line, then (on a German
# Windows 7) the error for a cmdlet it does not have, as recorded in a public issue thread.
PS2_OUTPUT = (
    "GPCW-POWERSHELL 2.0\r\n"
    'Die Benennung "ConvertTo-Json" wurde nicht als Name eines Cmdlet, einer Funktion, einer Skriptdatei '
    "oder eines ausführbaren Programms erkannt.\r\n"
    "    + CategoryInfo          : ObjectNotFound: (ConvertTo-Json:String) [], CommandNotFoundException\r\n"
)


def test_powershell_2_says_it_is_too_old_in_plain_words() -> None:
    with pytest.raises(ReadError, match=r"this PC's PowerShell is too old for these checks \(2\.0\)"):
        windows_ps.parse_powershell_json(PS2_OUTPUT)
    with pytest.raises(ReadError, match=r"too old for these checks \(1\.0\)"):
        windows_ps.parse_powershell_json("GPCW-POWERSHELL \r\nsomething else\r\n")


def test_a_newer_powershell_without_json_still_says_what_it_printed() -> None:
    with pytest.raises(ReadError, match=r"did not print the expected JSON \(Get-MpComputerStatus"):
        windows_ps.parse_powershell_json("GPCW-POWERSHELL 5.1.19041.1\r\nGet-MpComputerStatus : denied\r\n")
    data = windows_ps.parse_powershell_json("GPCW-POWERSHELL 5.1.19041.1\r\n" + clm_output())
    assert data["powershell_version"] == "5.1.19041.1" and data["language_mode"] == "ConstrainedLanguage"


def test_the_account_api_reads_only_numbers_and_refuses_plainly_off_windows() -> None:
    import ctypes

    from wizard.checks.windows import netapi

    # USER_MODALS_INFO_0 and _3 are five and three DWORDs: the layout NetUserModalsGet fills.
    assert ctypes.sizeof(netapi._UserModals0) == 20 and ctypes.sizeof(netapi._UserModals3) == 12
    if sys.platform != "win32":
        with pytest.raises(ReadError, match="only be read on Windows"):
            netapi.read_account_policy()
        with pytest.raises(ReadError, match="only be read on Windows"):
            netapi.read_admin_members()
