"""Windows checks, tested on Linux through the fixtures' fact snapshots.

Each fixture under tests/fixtures/checks/windows combines values recorded on real
PCs and published with values built from Microsoft's documentation; its
``meta.provenance`` names the source of each and ``meta.expected`` holds the
verdicts an administrator wrote down before the evaluators ran (see
build_fixtures.py beside them). The cases below change one fact of a fixture to
reach each misjudgement found by replaying real outputs, numbered as in the issue.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import pytest

from tests.conftest import FIXTURES
from wizard.checks.evaluate import evaluate
from wizard.checks.facts import Fact, Snapshot, load_snapshot
from wizard.checks.registry import WINDOWS
from wizard.checks.windows.facts import to_int

WINDOWS_FIXTURES = FIXTURES / "checks" / "windows"
W10 = "win10-22h2-en-gb-standard-user"
OFF = "win10-22h2-en-gb-antivirus-off"
DE = "win11-23h2-de-de-domain"
AAD = "win11-25h2-en-gb-azuread"
CLM = "win11-24h2-en-gb-constrained-language"
NOPS = "win10-ltsc2021-en-gb-no-powershell"
W7 = "win7-sp1-en-gb-powershell2"
ALL = (W10, OFF, DE, AAD, CLM, NOPS, W7)
EVALUATORS = WINDOWS.evaluators


def load(name: str) -> Snapshot:
    return load_snapshot(WINDOWS_FIXTURES / f"{name}.json")


def results(snapshot: Snapshot) -> dict[str, Any]:
    return {r.check_id: r for r in evaluate(snapshot).results}


def statuses(snapshot: Snapshot) -> dict[str, str]:
    return {check: r.status for check, r in results(snapshot).items()}


# Small edits to a copy of a fixture: each returns the edited snapshot.
Edit = Callable[[Snapshot], Snapshot]


def reg(fact: str, label: str, exists: bool = True, **values: Any) -> Edit:
    def edit(snap: Snapshot) -> Snapshot:
        raw = copy.deepcopy(snap.facts[fact].raw)
        raw[label]["exists"] = exists
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


def raw_fact(name: str, raw: Any) -> Edit:
    def edit(snap: Snapshot) -> Snapshot:
        snap.facts[name] = Fact(snap.fact(name).source, raw, snap.collected_at)
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


def on(day: str) -> Edit:
    def edit(snap: Snapshot) -> Snapshot:
        snap.collected_at = f"{day}T10:00:00+00:00"
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


def version(**values: Any) -> Edit:
    return reg(VERSION, "current_version", **values)


def av(*products: tuple[str, str, int]) -> Edit:
    return ps(
        "security_center",
        antivirus=[{"displayName": n, "instanceGuid": g, "productState": s} for n, g, s in products],
    )


DEFENDER = ("Windows Defender", "{D68DDC3A-831F-4fae-9E44-DA132C1ACF46}", 393472)
SOPHOS_ON = ("Sophos Intercept X", "{97FE6FDE-0E5E-4BB4-95E5-41B8B0C6F0B2}", 266240)
SOPHOS_STALE = ("Sophos Intercept X", "{97FE6FDE-0E5E-4BB4-95E5-41B8B0C6F0B2}", 266256)
STOPPED = ps("defender", {"error": "Die Operation konnte nicht abgeschlossen werden. (0x800106ba)"})
NO_LISTS = ps("updates", {"history": {"total": 0, "entries": []}, "hotfixes": {"entries": []}})
SMB_PUBLIC = (
    "v2.30|Action=Allow|Active=TRUE|Dir=In|Protocol=6|Profile=Public|LPort=445|App=System|"
    "Name=@FirewallAPI.dll,-28502|"
)

# (issue item, check, fixture, edit, expected status, words the finding must contain)
CASES: list[tuple[int, str, str, Edit, str, str]] = [
    # 1. Anti-malware: Defender by its Security Center identity; passive and EDR block mode judged on
    # the active product.
    (1, "antimalware_realtime", DE, same, "pass", "Bitdefender Endpoint Security Tools"),
    (1, "antimalware_signatures", DE, same, "pass", "Bitdefender"),
    (1, "antimalware_realtime", OFF, same, "fail", "Sophos Intercept X is switched off"),
    (1, "antimalware_signatures", OFF, same, "fail", "No running anti-malware"),
    (1, "antimalware_realtime", W10, both(STOPPED, av(SOPHOS_ON, DEFENDER)), "pass", "Sophos"),
    (1, "antimalware_signatures", W10, both(STOPPED, av(SOPHOS_STALE, DEFENDER)), "fail", "out-of-date"),
    (1, "antimalware_realtime", W10, ps("defender", AMRunningMode="EDR Block Mode"), "fail", "EDR Block Mode"),
    (1, "antimalware_realtime", W10, ps("defender", RealTimeProtectionEnabled=False), "fail", "is off"),
    (1, "antimalware_realtime", W10, both(STOPPED, ps("security_center", {"error": "x"})), "unable", "0x800106ba"),
    (1, "antimalware_realtime", DE, ps("security_center", {"error": "Zugriff verweigert"}), "unable", "Passive"),
    (1, "antimalware_realtime", W10, av(("Bitdefender Total Security", "{6B4E}", 262144)), "pass", "Defender is on"),
    (1, "antimalware_signatures", W10, ps("defender", AntivirusSignatureAge=5), "warning", "5 days"),
    (1, "antimalware_signatures", W10, ps("defender", AntivirusSignatureAge=20), "fail", "20 days"),
    (1, "antimalware_signatures", W10, ps("defender", AntivirusSignatureAge=65535), "fail", "never"),
    (1, "antimalware_signatures", NOPS, same, "unable", "PowerShell was not found"),
    # 2. Firewall: off in a profile, or its service disabled, blocks nothing there.
    (2, "firewall_inbound_blocked", OFF, same, "fail", "off for Domain, Private and Public"),
    (2, "firewall_inbound_blocked", W10, reg("windows.firewall", "service", Start=4), "fail", "service is disabled"),
    (2, "firewall_inbound_blocked", DE, reg("windows.firewall", "policy_public", EnableFirewall=0), "fail", "Public"),
    (2, "firewall_inbound_blocked", W10, reg("windows.firewall", "local_private", DefaultInboundAction=0), "fail", ""),
    (
        2,
        "firewall_inbound_blocked",
        OFF,
        ps("security_center", firewall=[{"displayName": "ESET Firewall", "productState": 266256}]),
        "unable",
        "ESET Firewall",
    ),
    (2, "firewall_enabled", OFF, same, "fail", "off for Domain, Private and Public"),
    (2, "firewall_inbound_blocked", W10, broken("windows.firewall"), "unable", "refused"),
    # 3. SMBv1 on old Windows: on unless removed.
    (3, "smb1_server_off", W7, same, "fail", "srv"),
    (3, "smb1_server_off", W10, both(version(CurrentBuildNumber="14393"), raw_fact("windows.smb", {
        "server": {"exists": True, "values": {"SMB1": None}}})), "fail", "before version 1709"),
    (3, "smb1_server_off", W7, reg("windows.smb", "server_driver", Start=4), "pass", "absent or disabled"),
    (3, "smb1_server_off", W7, reg("windows.smb", "server", SMB1=0), "pass", "SMB1 = 0"),
    (3, "smb1_server_off", W10, reg("windows.smb", "server_driver", Start=3), "fail", "srv"),
    (3, "smb1_client_off", W7, same, "fail", "Start = 2"),
    (3, "smb1_server_off", W10, broken("windows.smb"), "unable", ""),
    # 4. Automatic updates on Windows 7 and 8.1: the Control Panel choice is read, or "could not check".
    (4, "auto_updates", W7, same, "pass", "Control Panel"),
    (4, "auto_updates", W7, reg("windows.auto_update", "local_au", AUOptions=1), "fail", "never checks"),
    (4, "auto_updates", W7, reg("windows.auto_update", "local_au", exists=False, AUOptions=None), "unable", ""),
    (4, "auto_updates", W10, reg("windows.auto_update", "pause", PauseUpdatesExpiryTime="2026-04-01T00:00:00Z"),
     "warning", "paused"),
    (4, "auto_updates", DE, reg("windows.auto_update", "policy_au", NoAutoUpdate=1), "fail", "NoAutoUpdate"),
    (4, "auto_updates", W10, broken("windows.auto_update"), "unable", ""),
    # 5. Update age: the revision (UBR) when the lists are empty; .NET and Flash removal do not count.
    (5, "updates_recent", NOPS, same, "pass", "19044.6575"),
    (5, "updates_recent", W10, both(version(CurrentBuildNumber="19041", UBR=685), NO_LISTS), "fail",
     "19041.685"),
    (5, "updates_recent", OFF, same, "fail", "19045.5247"),
    (5, "updates_recent", W10, both(version(UBR=9999), NO_LISTS), "unable", "table"),
    # The newest monthly update installed: up to date however long ago, until the next one is out...
    (5, "updates_recent", NOPS, on("2025-12-08"), "pass", "11 November 2025"),
    # ...and while the next one is younger than 14 days (9 December 2025 -> 23 December).
    (5, "updates_recent", NOPS, on("2025-12-22"), "pass", "11 November 2025"),
    (5, "updates_recent", W10, both(version(UBR=6456), NO_LISTS, on("2025-11-20")), "pass", "14 October 2025"),
    (5, "updates_recent", W10, both(version(UBR=6456), NO_LISTS, on("2025-11-26")), "fail", "11 November 2025"),
    (5, "updates_recent", DE, on("2026-04-30"), "fail", "14 April 2026"),
    (5, "updates_recent", W10, broken(VERSION), "unable", ""),
    # 6. Support dates, LTSB/LTSC included; a build the table does not know is "could not check".
    (6, "os_supported", NOPS, same, "pass", "12 January 2027"),
    (6, "os_supported", NOPS, version(EditionID="IoTEnterpriseS"), "pass", "13 January 2032"),
    (6, "os_supported", NOPS, both(version(CurrentBuildNumber="14393", EditionID="EnterpriseS"), on("2026-06-01")),
     "pass", "13 October 2026"),
    (6, "os_supported", NOPS, both(version(CurrentBuildNumber="10240", EditionID="EnterpriseS"), on("2025-06-01")),
     "pass", "14 October 2025"),
    (6, "os_supported", W10, version(CurrentBuildNumber="27000"), "unable", "newer than"),
    (6, "os_supported", W10, version(CurrentBuildNumber="19044", EditionID="Professional"), "fail", "13 June 2023"),
    (6, "os_supported", W10, version(InstallationType="Server"), "warning", "Server"),
    (6, "os_supported", W7, same, "fail", "14 January 2020"),
    (6, "os_supported", W10, broken(VERSION), "unable", "refused"),
    # 7. REG_BINARY numbers are little-endian.
    (7, "autorun_off", W7, same, "fail", "0x95"),
    (7, "autorun_off", W7, reg("windows.autorun", "user", NoDriveTypeAutoRun={"reg_binary": "ff000000"}), "pass", ""),
    (7, "autorun_off", DE, same, "pass", "all drives"),
    (7, "autorun_off", W10, broken("windows.autorun"), "unable", ""),
    # 8. Password policy from the Windows API, locale-proof; ADSI only when the API could not be read.
    (8, "password_policy", W7, same, "fail", "never lock"),
    (8, "password_policy", NOPS, same, "pass", "10 wrong passwords"),
    (8, "password_policy", DE, broken("windows.account_policy"), "pass", "10 wrong passwords"),
    (8, "password_policy", DE, raw_fact("windows.account_policy", {"lockout_threshold": 50}), "fail", "50"),
    (8, "password_policy", CLM, broken("windows.account_policy"), "unable", "language mode"),
    # 9. Local administrators: the Windows API's SIDs when Get-LocalGroupMember throws.
    (9, "local_admins", DE, same, "pass", "Domänen-Admins (Domain Admins)"),
    (9, "local_admins", AAD, same, "warning", "3 accounts"),
    (9, "local_admins", DE, broken("windows.admin_members"), "unable", "Fehler beim Vergleichen"),
    (9, "user_not_admin", AAD, ps("current_user", group_sids=None, groups_error="blocked"), "fail",
     "member of Administrators"),
    # 10. PowerShell 2.0 says so.
    (10, "guest_disabled", W7, same, "unable", "too old for these checks (2.0)"),
    (10, "disk_encryption", W7, same, "unable", "too old for these checks (2.0)"),
    # 11. Listening ports: judged by what the firewall lets in.
    (11, "listening_ports", W10, same, "pass", "only on the practice's own"),
    (11, "listening_ports", OFF, same, "fail", "any network"),
    (11, "listening_ports", W10, raw_fact("windows.firewall_rules", {"local": {"values": {"x": SMB_PUBLIC}}}),
     "fail", "any network"),
    (11, "listening_ports", W10, broken("windows.firewall_rules"), "unable", "refused"),
    (11, "listening_ports", W10, ps("listening", {"ports": [{"address": "127.0.0.1", "port": 445}]}), "pass", ""),
    (11, "listening_ports", NOPS, same, "unable", ""),
    # The remaining checks, each with a pass, a fail or warning, and an unable.
    (0, "ms17_010", DE, same, "pass", "built in"),
    (0, "ms17_010", W10, version(CurrentBuildNumber="14393", UBR=900), "fail", "older than the March 2017"),
    (0, "ms17_010", W7, same, "unable", "too old"),
    (0, "uac_enabled", W10, same, "pass", "on"),
    (0, "uac_enabled", W10, reg("windows.uac", "system_policies", EnableLUA=0), "fail", "EnableLUA = 0"),
    (0, "uac_enabled", W10, broken("windows.uac"), "unable", ""),
    (0, "user_not_admin", AAD, same, "fail", "held back by UAC"),
    (0, "user_not_admin", W10, same, "pass", "standard user"),
    (0, "user_not_admin", W7, same, "unable", "too old"),
    (0, "guest_disabled", DE, ps("guest", {"accounts": [{"name": "Gast", "sid": "S-1-5-21-1-2-3-501",
     "enabled": True}]}), "fail", "Gast"),
    (0, "guest_disabled", DE, same, "pass", "Gast"),
    (0, "disk_encryption", OFF, same, "warning", "suspended"),
    (0, "disk_encryption", W10, same, "fail", "off"),
    (0, "disk_encryption", DE, same, "pass", "C:"),
    (0, "screen_lock", DE, same, "pass", "set by Group Policy"),
    (0, "screen_lock", W10, same, "fail", "15 minutes"),
    (0, "screen_lock", W10, broken("windows.screen_lock"), "unable", ""),
    (0, "remote_desktop", DE, same, "warning", "make sure only the IT provider"),
    (0, "remote_desktop", W10, same, "pass", "refuses"),
    (0, "remote_desktop", W10, broken("windows.rdp"), "unable", ""),
    (0, "firewall_enabled", W10, same, "pass", "Domain, Private and Public"),
    (0, "smb1_client_off", W10, same, "pass", "not installed"),
    (0, "smb1_client_off", W10, broken("windows.smb"), "unable", ""),
    (0, "firewall_enabled", W10, broken("windows.firewall"), "unable", ""),
]  # fmt: skip


@pytest.mark.parametrize(("item", "check", "fixture", "edit", "expected", "words"), CASES)
def test_windows_evaluator(
    item: int, check: str, fixture: str, edit: Edit, expected: str, words: str
) -> None:
    result = results(edit(load(fixture)))[check]
    assert result.status == expected, result.finding
    assert words in result.finding, result.finding
    if result.finding.startswith("Could not read"):
        assert result.raw is None  # nothing was read, so nothing is shown as if it had been
    if expected not in ("pass", "not_applicable"):
        assert result.remediation


def test_every_evaluator_has_pass_fail_and_unable_cases() -> None:
    seen: dict[str, set[str]] = {}
    for _, check, _, _, expected, _ in CASES:
        seen.setdefault(check, set()).add(expected)
    for name in ALL:
        for check, expected in load(name).fact("meta.expected").raw.items():
            seen.setdefault(check, set()).add(expected)
    assert set(seen) == set(EVALUATORS)
    for check, found in seen.items():
        assert "pass" in found and "unable" in found, check
        assert found & {"fail", "warning"}, check


@pytest.mark.parametrize("name", ALL)
def test_each_fixture_gives_the_verdicts_written_down_for_it(name: str) -> None:
    snap = load(name)
    expected = snap.fact("meta.expected").raw
    assert set(expected) == set(EVALUATORS)
    got = statuses(snap)
    assert got == expected, {c: (got[c], expected[c]) for c in got if got[c] != expected[c]}
    assert not [r for r in results(snap).values() if "The check itself failed" in r.finding]


@pytest.mark.parametrize("name", ALL)
def test_each_fixture_names_the_source_of_its_values(name: str) -> None:
    provenance = load(name).fact("meta.provenance").raw
    assert provenance["scenario"] and provenance["values"]
    kinds = {entry["kind"] for entry in provenance["values"].values()}
    assert kinds <= {"recorded", "documented"}
    assert all(entry["source"] for entry in provenance["values"].values())
    snap = load(name)
    assert Snapshot.from_json(json.loads(json.dumps(snap.to_json()))) == snap


def test_the_fixtures_cover_what_the_issue_asks_for() -> None:
    scenarios = " ".join(load(name).fact("meta.provenance").raw["scenario"] for name in ALL)
    for words in ("German", "passive", "BitLocker off", "BitLocker suspended", "support ended", "LTSC",
                  "domain", "standard user", "Windows 7", "PowerShell 2.0"):  # fmt: skip
        assert words in scenarios, words
    recorded = [n for n in ALL if "recorded" in json.dumps(load(n).fact("meta.provenance").raw)]
    assert len(recorded) >= 5


def test_reg_binary_is_read_as_a_little_endian_number() -> None:
    assert to_int({"reg_binary": "95000000"}) == 0x95
    assert to_int({"reg_binary": "ff000000"}) == 255
    assert to_int({"reg_binary": "01000000" + "00000000"}) == 1
    assert to_int({"reg_binary": ""}) is None and to_int({"reg_binary": "zz"}) is None
    assert to_int("95000000") == 95000000  # REG_SZ text stays what it says


def _rename(snap: Snapshot, names: dict[str, str]) -> Snapshot:
    """Swap every translated name in the PowerShell and API answers; SIDs and numbers stay."""
    for fact_name in ("windows.powershell", "windows.admin_members"):
        fact = snap.facts[fact_name]
        text = json.dumps(fact.raw, ensure_ascii=False)
        for old, new in names.items():
            text = text.replace(old, new)
        snap.facts[fact_name] = Fact(fact.source, json.loads(text), fact.read_at)
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
    "Fehler beim Vergleichen von zwei Elementen im Array.": "Failed to compare two elements in the array.",
}


def test_german_names_give_the_same_statuses_as_english() -> None:
    german = load(DE)
    english = _rename(load(DE), GERMAN)
    assert english.locale == "en_GB"
    assert "Domänen-Admins" not in json.dumps(english.facts["windows.admin_members"].raw)
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


def test_without_powershell_the_registry_and_api_checks_still_judge() -> None:
    got = statuses(load(NOPS))
    from_python = {"os_supported", "updates_recent", "ms17_010", "smb1_server_off", "smb1_client_off",
                   "firewall_enabled", "firewall_inbound_blocked", "uac_enabled", "screen_lock", "autorun_off",
                   "remote_desktop", "auto_updates", "password_policy", "local_admins"}  # fmt: skip
    assert all(got[c] == "pass" for c in from_python)
    assert all(s == "unable" for c, s in got.items() if c not in from_python)


def test_monthly_release_days_are_second_tuesdays() -> None:
    import datetime as dt

    from wizard.checks.windows.patch_cycle import cycle, release_day

    known = {(2025, 10): 14, (2025, 11): 11, (2025, 12): 9, (2026, 1): 13, (2026, 3): 10, (2026, 12): 8}
    for (year, month), day in known.items():
        assert release_day(year, month) == dt.date(year, month, day)
    now = cycle(dt.date(2026, 12, 1))  # today: the newest release is November's, a fortnight and more ago
    assert (now.newest, now.previous, now.in_grace) == (dt.date(2026, 11, 10), dt.date(2026, 10, 13), False)
    assert now.current(dt.date(2026, 11, 10)) and not now.current(dt.date(2026, 11, 9))
    assert now.overdue(dt.date(2026, 11, 10)) and not cycle(dt.date(2026, 11, 24)).overdue(
        dt.date(2026, 11, 10)
    )
