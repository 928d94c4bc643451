"""Windows checks, tested on Linux through constructed fact snapshots.

The fixtures under tests/fixtures/checks/windows are built by hand from
Microsoft's documented registry values and cmdlet output shapes (each says so
in its ``meta.provenance`` fact); none was recorded on a real PC.
"""

from __future__ import annotations

import copy
import hashlib
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

from wizard.checks import windows_ps
from wizard.checks.collector import ReadError
from wizard.checks.evaluate import evaluate
from wizard.checks.facts import Fact, Snapshot, load_snapshot
from wizard.checks.runner import collect
from wizard.checks.windows import WindowsCollector, windows_name
from wizard.checks.windows_eval import EVALUATORS
from wizard.checks.windows_registry import REGISTRY_FACTS, WinregBackend, as_json_value

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "checks" / "windows"
W10 = "win10-22h2-en-gb-standard-user"
DE = "win11-23h2-de-de-domain"
AAD = "win11-25h2-en-gb-azuread"
CLM = "win11-24h2-en-gb-constrained-language"
NOPS = "win10-ltsc2021-en-gb-no-powershell"
ALL = (W10, DE, AAD, CLM, NOPS)


def load(name: str) -> Snapshot:
    return load_snapshot(FIXTURES / f"{name}.json")


def results(snapshot: Snapshot) -> dict[str, Any]:
    return {r.check_id: r for r in evaluate(snapshot).results}


def statuses(snapshot: Snapshot) -> dict[str, str]:
    return {check: r.status for check, r in results(snapshot).items()}


# Small edits to a copy of a fixture: each returns the edited snapshot.
Edit = Callable[[Snapshot], Snapshot]


def reg(fact: str, label: str, **values: Any) -> Edit:
    def edit(snap: Snapshot) -> Snapshot:
        raw = copy.deepcopy(snap.facts[fact].raw)
        raw[label]["exists"] = True
        raw[label]["values"].update({k.replace("__", "."): v for k, v in values.items()})
        snap.facts[fact] = Fact(snap.facts[fact].source, raw, snap.facts[fact].read_at)
        return snap

    return edit


def ps(name: str, data: Any = None, **changes: Any) -> Edit:
    def edit(snap: Snapshot) -> Snapshot:
        fact = snap.facts["windows.powershell"]
        raw = copy.deepcopy(fact.raw)
        raw[name] = copy.deepcopy(data) if data is not None else {**raw[name], **changes}
        snap.facts["windows.powershell"] = Fact(fact.source, raw, fact.read_at)
        return snap

    return edit


def broken(*facts: str) -> Edit:
    def edit(snap: Snapshot) -> Snapshot:
        for name in facts:
            snap.facts[name] = Fact(
                snap.fact(name).source, None, "", "Windows refused to let this account read it"
            )
        return snap

    return edit


def both(*edits: Edit) -> Edit:
    def edit(snap: Snapshot) -> Snapshot:
        for one in edits:
            snap = one(snap)
        return snap

    return edit


def same(snap: Snapshot) -> Snapshot:
    return snap


VERSION = "windows.version"
OLD = reg(VERSION, "current_version", CurrentBuildNumber="14393", UBR=900)
PASSIVE = ps(
    "defender", AMRunningMode="Passive Mode", AntivirusEnabled=False, RealTimeProtectionEnabled=False
)
SOPHOS_ON = {"displayName": "Sophos Intercept X", "productState": 266240}
SOPHOS_OFF = {"displayName": "Sophos Intercept X", "productState": 262144}
SOPHOS_STALE = {"displayName": "Sophos Intercept X", "productState": 266256}
HOTFIX_ONLY_DEFS = ps(
    "updates",
    {
        "history": {
            "total": 1,
            "entries": [{"date": "2026-03-10T03:00:00Z", "result": 2, "title": "x KB2267602"}],
        },
        "hotfixes": {"entries": []},
    },
)

# (check, fixture, edit, expected status, words the finding must contain)
CASES: list[tuple[str, str, Edit, str, str]] = [
    ("os_supported", DE, same, "pass", "10 November 2026"),
    ("os_supported", AAD, same, "pass", "Windows 11 version 25H2"),
    ("os_supported", NOPS, same, "pass", "12 January 2027"),
    ("os_supported", W10, same, "fail", "Extended Security Updates"),
    ("os_supported", W10, reg(VERSION, "current_version", CurrentBuildNumber="27000"), "warning", "newer"),
    ("os_supported", W10, reg(VERSION, "current_version", InstallationType="Server"), "warning", "Server"),
    ("os_supported", W10, broken(VERSION), "unable", "refused"),
    ("updates_recent", DE, same, "pass", "KB5075941"),
    ("updates_recent", CLM, same, "pass", "hotfix list"),
    ("updates_recent", W10, same, "fail", "145 days"),
    ("updates_recent", W10, HOTFIX_ONLY_DEFS, "warning", "apart from anti-malware"),
    (
        "updates_recent",
        CLM,
        ps("updates", {"history": {"error": "x"}, "hotfixes": {"error": "y"}}),
        "unable",
        "",
    ),
    ("updates_recent", NOPS, same, "unable", "PowerShell was not found"),
    ("ms17_010", DE, same, "pass", "built in"),
    (
        "ms17_010",
        W10,
        reg(VERSION, "current_version", CurrentBuildNumber="14393", UBR=953),
        "pass",
        "14393.953",
    ),
    ("ms17_010", W10, OLD, "fail", "older than the March 2017"),
    (
        "ms17_010",
        W10,
        reg(VERSION, "current_version", CurrentBuildNumber="7601"),
        "warning",
        "cannot confirm",
    ),
    (
        "ms17_010",
        W10,
        both(
            reg(VERSION, "current_version", CurrentBuildNumber="7601"),
            ps("updates", {"hotfixes": {"entries": [{"id": "KB4012212", "installed_on": "2017-03-20"}]}}),
        ),
        "pass",
        "KB4012212",
    ),
    ("ms17_010", NOPS, reg(VERSION, "current_version", CurrentBuildNumber="7601"), "unable", "hotfixes"),
    ("ms17_010", W10, broken(VERSION), "unable", ""),
    ("smb1_server_off", DE, same, "pass", "SMB1 = 0"),
    ("smb1_server_off", W10, same, "pass", "1709"),
    ("smb1_server_off", W10, reg("windows.smb", "server", SMB1=1), "fail", "WannaCry"),
    ("smb1_server_off", W10, OLD, "warning", "older Windows"),
    ("smb1_server_off", W10, broken("windows.smb"), "unable", ""),
    ("smb1_server_off", W10, broken(VERSION), "unable", "could not be read"),
    ("smb1_client_off", W10, same, "pass", "not installed"),
    ("smb1_client_off", DE, same, "pass", "Start = 4"),
    ("smb1_client_off", W10, reg("windows.smb", "client", Start=3), "fail", "Start = 3"),
    ("smb1_client_off", W10, broken("windows.smb"), "unable", ""),
    ("firewall_enabled", W10, same, "pass", "Domain, Private and Public"),
    ("firewall_enabled", DE, same, "pass", "set by Group Policy"),
    (
        "firewall_enabled",
        W10,
        reg("windows.firewall", "local_public", EnableFirewall=0),
        "fail",
        "off for Public",
    ),
    (
        "firewall_enabled",
        DE,
        reg("windows.firewall", "policy_public", EnableFirewall=0),
        "fail",
        "Group Policy",
    ),
    ("firewall_enabled", W10, reg("windows.firewall", "service", Start=4), "fail", "service is disabled"),
    (
        "firewall_enabled",
        W10,
        both(
            reg("windows.firewall", "local_private", EnableFirewall=0),
            ps("security_center", firewall=[{"displayName": "ESET Firewall", "productState": 266256}]),
        ),
        "pass",
        "ESET Firewall",
    ),
    (
        "firewall_enabled",
        W10,
        both(
            reg("windows.firewall", "local_private", EnableFirewall=0), ps("security_center", {"error": "x"})
        ),
        "fail",
        "could not be checked",
    ),
    ("firewall_enabled", W10, broken("windows.firewall"), "unable", ""),
    ("firewall_inbound_blocked", W10, same, "pass", "every network type"),
    ("firewall_inbound_blocked", DE, same, "pass", "Group Policy"),
    (
        "firewall_inbound_blocked",
        W10,
        reg("windows.firewall", "local_private", DefaultInboundAction=0),
        "fail",
        "Private",
    ),
    ("firewall_inbound_blocked", W10, broken("windows.firewall"), "unable", ""),
    ("antimalware_realtime", DE, same, "pass", "tamper protection"),
    (
        "antimalware_realtime",
        W10,
        ps("defender", RealTimeProtectionEnabled=False),
        "fail",
        "real-time protection is off",
    ),
    (
        "antimalware_realtime",
        W10,
        both(PASSIVE, ps("security_center", antivirus=[SOPHOS_ON])),
        "pass",
        "Sophos",
    ),
    (
        "antimalware_realtime",
        W10,
        both(PASSIVE, ps("security_center", antivirus=[SOPHOS_OFF])),
        "fail",
        "Sophos",
    ),
    ("antimalware_realtime", W10, both(PASSIVE, ps("security_center", {"error": "x"})), "warning", "Passive"),
    ("antimalware_realtime", NOPS, same, "unable", "not found"),
    ("antimalware_signatures", W10, same, "pass", "0 days"),
    ("antimalware_signatures", W10, ps("defender", AntivirusSignatureAge=5), "warning", "5 days"),
    ("antimalware_signatures", W10, ps("defender", AntivirusSignatureAge=20), "fail", "20 days"),
    ("antimalware_signatures", W10, ps("defender", AntivirusSignatureAge=65535), "fail", "never"),
    (
        "antimalware_signatures",
        W10,
        both(PASSIVE, ps("security_center", antivirus=[SOPHOS_ON])),
        "pass",
        "Sophos",
    ),
    (
        "antimalware_signatures",
        W10,
        both(PASSIVE, ps("security_center", antivirus=[SOPHOS_STALE])),
        "fail",
        "out-of",
    ),
    ("antimalware_signatures", NOPS, same, "unable", ""),
    ("disk_encryption", DE, same, "pass", "C:"),
    ("disk_encryption", W10, same, "fail", "off"),
    ("disk_encryption", W10, ps("bitlocker", protection=3), "warning", "encrypting"),
    ("disk_encryption", CLM, same, "unable", "Constrained Language Mode"),
    ("disk_encryption", W10, ps("bitlocker", protection=None), "unable", "no BitLocker state"),
    (
        "disk_encryption",
        W10,
        both(ps("bitlocker", protection=0), reg(VERSION, "current_version", EditionID="Core")),
        "not_applicable",
        "Home",
    ),
    ("uac_enabled", W10, same, "pass", "on"),
    ("uac_enabled", W10, reg("windows.uac", "system_policies", EnableLUA=0), "fail", "EnableLUA = 0"),
    (
        "uac_enabled",
        W10,
        reg("windows.uac", "system_policies", ConsentPromptBehaviorAdmin=0),
        "warning",
        "never",
    ),
    ("uac_enabled", W10, broken("windows.uac"), "unable", ""),
    ("local_admins", W10, same, "pass", "PracticeAdmin"),
    ("local_admins", DE, same, "pass", "Domänen-Admins (Domain Admins)"),
    ("local_admins", AAD, same, "warning", "3 accounts"),
    ("local_admins", NOPS, same, "unable", ""),
    ("user_not_admin", W10, same, "pass", "standard user"),
    ("user_not_admin", CLM, same, "pass", "standard user"),
    ("user_not_admin", AAD, same, "fail", "held back by UAC"),
    ("user_not_admin", W10, ps("current_user", is_in_role_admin=True), "fail", "administrator"),
    (
        "user_not_admin",
        AAD,
        ps("current_user", group_sids=None, groups_error="whoami.exe was blocked"),
        "fail",
        "member of Administrators",
    ),
    (
        "user_not_admin",
        W10,
        both(ps("current_user", groups_error="blocked"), ps("admins", {"error": "x"})),
        "unable",
        "blocked",
    ),
    ("user_not_admin", NOPS, same, "unable", ""),
    ("guest_disabled", W10, same, "pass", "switched off"),
    ("guest_disabled", DE, same, "pass", "Gast"),
    (
        "guest_disabled",
        DE,
        ps("guest", {"accounts": [{"name": "Gast", "sid": "S-1-5-21-1-2-3-501", "enabled": True}]}),
        "fail",
        "Gast",
    ),
    ("guest_disabled", NOPS, same, "unable", ""),
    ("password_policy", DE, same, "pass", "domain accounts follow"),
    ("password_policy", AAD, same, "pass", "smart lock-out"),
    ("password_policy", W10, same, "fail", "never lock"),
    ("password_policy", DE, ps("password_policy", MaxBadPasswordsAllowed=50), "fail", "only after 50"),
    ("password_policy", DE, ps("password_policy", MaxBadPasswordsAllowed=None), "unable", ""),
    ("password_policy", NOPS, same, "unable", ""),
    ("screen_lock", DE, same, "pass", "set by Group Policy"),
    ("screen_lock", AAD, same, "pass", "5 minutes"),
    (
        "screen_lock",
        W10,
        reg(
            "windows.screen_lock",
            "user_policy",
            ScreenSaveActive="1",
            ScreenSaverIsSecure="1",
            ScreenSaveTimeOut="600",
            SCRNSAVE__EXE="scrnsave.scr",
        ),
        "pass",
        "set by Group Policy",
    ),
    ("screen_lock", W10, same, "fail", "does not ask for the password"),
    ("screen_lock", AAD, reg("windows.screen_lock", "user", ScreenSaveTimeOut="1800"), "fail", "30 minutes"),
    ("screen_lock", W10, broken("windows.screen_lock"), "unable", ""),
    ("autorun_off", DE, same, "pass", "all drives"),
    ("autorun_off", W10, same, "fail", "0x91"),
    ("autorun_off", AAD, same, "fail", "No AutoRun policy"),
    ("autorun_off", W10, broken("windows.autorun"), "unable", ""),
    ("remote_desktop", W10, same, "pass", "refuses"),
    ("remote_desktop", DE, same, "warning", "make sure only the IT provider"),
    ("remote_desktop", W10, broken("windows.rdp"), "unable", ""),
    ("auto_updates", W10, same, "pass", "default, automatic"),
    ("auto_updates", DE, same, "pass", "wsus.praxis.local"),
    ("auto_updates", DE, reg("windows.auto_update", "policy_au", NoAutoUpdate=1), "fail", "NoAutoUpdate = 1"),
    ("auto_updates", DE, reg("windows.auto_update", "policy_au", AUOptions=3), "warning", "wait for someone"),
    ("auto_updates", W10, broken("windows.auto_update"), "unable", ""),
    ("listening_ports", CLM, same, "pass", "Neither"),
    ("listening_ports", DE, same, "warning", "File sharing (445) and Remote Desktop (3389)"),
    ("listening_ports", W10, ps("listening", {"ports": [{"address": "127.0.0.1", "port": 445}]}), "pass", ""),
    ("listening_ports", NOPS, same, "unable", ""),
]


@pytest.mark.parametrize(("check", "fixture", "edit", "expected", "words"), CASES)
def test_windows_evaluator(check: str, fixture: str, edit: Edit, expected: str, words: str) -> None:
    result = results(edit(load(fixture)))[check]
    assert result.status == expected, result.finding
    assert words in result.finding
    if result.finding.startswith("Could not read"):
        assert result.raw is None  # nothing was read, so nothing is shown as if it had been
    if expected not in ("pass", "not_applicable"):
        assert result.remediation


def test_every_evaluator_has_pass_fail_and_unable_cases() -> None:
    seen: dict[str, set[str]] = {}
    for check, _, _, expected, _ in CASES:
        seen.setdefault(check, set()).add(expected)
    assert set(seen) == set(EVALUATORS)
    for check, found in seen.items():
        assert "pass" in found and "unable" in found, check
        assert found & {"fail", "warning"}, check


@pytest.mark.parametrize("name", ALL)
def test_fixtures_are_marked_constructed_and_evaluate_cleanly(name: str) -> None:
    snap = load(name)
    provenance = snap.fact("meta.provenance").raw
    assert "CONSTRUCTED, not recorded" in provenance["note"]
    report = evaluate(snap)
    assert len(report.results) == 20
    assert not [r for r in report.results if "The check itself failed" in r.finding]
    assert Snapshot.from_json(json.loads(json.dumps(snap.to_json()))) == snap


def _rename(snap: Snapshot, names: dict[str, str]) -> Snapshot:
    """Swap every translated name in the PowerShell answer; SIDs and numbers stay."""
    fact = snap.facts["windows.powershell"]
    text = json.dumps(fact.raw, ensure_ascii=False)
    for old, new in names.items():
        text = text.replace(old, new)
    snap.facts["windows.powershell"] = Fact(fact.source, json.loads(text), fact.read_at)
    snap.locale = "en_GB" if snap.locale == "de_DE" else "de_DE"
    return snap


GERMAN = {
    "Administratoren": "Administrators",
    "Domänen-Admins": "Domain Admins",
    "IT-Dienstleister": "IT Provider",
    "Gast": "Guest",
    "Kumulatives Update für": "Cumulative Update for",
    "x64-basierte Systeme": "x64-based Systems",
    "m.müller": "m.mueller",
}


def test_german_names_give_the_same_statuses_as_english() -> None:
    german = load(DE)
    english = _rename(load(DE), GERMAN)
    assert english.locale == "en_GB"
    assert "Administratoren" not in json.dumps(english.facts["windows.powershell"].raw)
    assert statuses(german) == statuses(english)
    assert results(english)["guest_disabled"].finding == "The Guest account (Guest) is switched off."


def test_english_pc_with_german_names_gives_the_same_statuses() -> None:
    english = load(W10)
    german = _rename(
        load(W10), {"Administrators": "Administratoren", "Guest": "Gast", 'Administrator"': 'Admin"'}
    )
    assert statuses(english) == statuses(german)


def test_nothing_passes_when_every_read_failed() -> None:
    snap = load(DE)
    snap = broken(*[name for name in snap.facts if name.startswith("windows.")])(snap)
    assert set(statuses(snap).values()) == {"unable"}


def test_missing_powershell_leaves_the_registry_checks_working() -> None:
    got = statuses(load(NOPS))
    registry_checks = {"os_supported", "ms17_010", "smb1_server_off", "smb1_client_off", "firewall_enabled"}
    registry_checks |= {
        "firewall_inbound_blocked",
        "uac_enabled",
        "screen_lock",
        "autorun_off",
        "remote_desktop",
    }
    assert all(got[c] == "pass" for c in registry_checks | {"auto_updates"})
    assert all(s == "unable" for c, s in got.items() if c not in registry_checks | {"auto_updates"})


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
        return {n: values[n] for n in names if n in values}


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
    assert as_json_value(b"\x01\xff") == "01ff"  # REG_BINARY kept as hex: JSON cannot hold bytes


def test_module_imports_on_linux_and_lists_reads_without_winreg() -> None:
    fake = FakeRegistry({})
    specs = WindowsCollector(registry=fake).fact_specs()
    assert fake.calls == 0
    assert [s.name for s in specs] == [*REGISTRY_FACTS, "windows.powershell"]
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
