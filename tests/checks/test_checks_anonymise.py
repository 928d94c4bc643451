"""check --save DIR --anonymise: no name that identifies the practice survives, and no verdict changes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli_run import run_cli
from tests.conftest import ROOT
from wizard.checks.anonymise import anonymise
from wizard.checks.evaluate import evaluate
from wizard.checks.facts import Snapshot, load_snapshot

FIXTURES = ROOT / "tests" / "fixtures" / "checks"

# What identifies each recording, listed by hand from the fixture (not by the code under test):
# host, user, account and domain names, addresses, the domain part of SIDs, serial numbers.
IDENTIFYING = {
    "windows/win10-22h2-en-gb-standard-user": [
        "RECEPTION-01", "jane", "PracticeAdmin", "192.168.1.23", "2105183640-3390862178-1863526357",
        "77696e31302d3232",
    ],
    "windows/win10-22h2-en-gb-antivirus-off": [
        "NURSE-ROOM-2", "RECEPTION-01", "jane", "PracticeAdmin", "192.168.1.23", "2105183640",
        "97FE6FDE-0E5E-4BB4-95E5-41B8B0C6F0B2",
    ],
    "windows/win11-23h2-de-de-domain": [
        "PRAXIS-PC07", "praxis.local", "PRAXIS\\", "m.müller", "IT-Dienstleister", "wsus.praxis.local",
        "3623811015-3361044348-30300820", "3457937927-2839227994-823803824", "6B4E7E26-E8E0-FA0A-D2E3-ABA1F2D4B3B1",
    ],
    "windows/win11-24h2-en-gb-constrained-language": [
        "PRAXIS-PC12", "praxis.local", "2961203571-1436232958-1184466409", "3623811015",
    ],
    "windows/win11-25h2-en-gb-azuread": [
        "GP-LAPTOP-03", "SarahJones", "2183558723-1216538236-3137424547-2451203049",
        "3572418561-1143434412-2715466910-1620357482", "1715567821-926492609-3931883224",
    ],
    "windows/win10-ltsc2021-en-gb-no-powershell": ["SURGERY-KIOSK", "ITSupport", "1004336348-1177238915-682003330"],
    "windows/win7-sp1-en-gb-powershell2": ["OLD-SCANNER-PC", "Reception", "1292428093-1275210071-839522115"],
    "macos/sequoia_15_configured": ["Reception-MacBook-Air", "practiceadmin", "reception", "3f9a1c0d5e7b2468"],
    "macos/ventura_13_unprotected": ["Practice-iMac", "practiceadmin", "reception", "nurse", "itsupport"],
    "macos/refused_reads": ["Nurse-MacBook-Pro", "0c4d7e21a9b3f586"],
    "linux/debian12-container-root": ["0035969ec53f6e7f"],
}  # fmt: skip


def statuses(snapshot: Snapshot) -> dict[str, str]:
    return {r.check_id: r.status for r in evaluate(snapshot).results}


def test_every_fixture_is_listed() -> None:
    found = {str(p.relative_to(FIXTURES).with_suffix("")) for p in FIXTURES.glob("*/*.json")}
    assert found == set(IDENTIFYING)


@pytest.mark.parametrize("name", sorted(IDENTIFYING))
def test_no_identifying_name_survives_and_no_verdict_changes(name: str) -> None:
    original = load_snapshot(FIXTURES / f"{name}.json")
    before = json.dumps(original.to_json(), ensure_ascii=False)
    hidden = anonymise(original)
    text = json.dumps(hidden.to_json(), ensure_ascii=False).lower()
    for word in IDENTIFYING[name]:
        assert word.lower() in before.lower(), f"{word} is not in {name}: the list is wrong"
        assert word.lower() not in text, f"{word} survived"
    assert statuses(hidden) == statuses(original)
    assert json.dumps(original.to_json(), ensure_ascii=False) == before  # the original is untouched
    again = anonymise(load_snapshot(FIXTURES / f"{name}.json"))
    assert again == hidden  # stable: the same recording always gives the same placeholders


def test_what_the_verdicts_turn_on_is_kept() -> None:
    hidden = anonymise(load_snapshot(FIXTURES / "windows" / "win11-23h2-de-de-domain.json"))
    members = hidden.facts["windows.admin_members"].raw["members"]
    assert [m["sid"].rsplit("-", 1)[1] for m in members] == ["500", "512", "1105", "1107"]
    assert all(m["sid"].startswith("S-1-5-21-1000000000-1000000000-") for m in members)
    products = hidden.facts["windows.powershell"].raw["security_center"]["antivirus"]
    assert products[1]["instanceGuid"] == "{D68DDC3A-831F-4fae-9E44-DA132C1ACF46}"
    assert products[0]["instanceGuid"] == "{00000000-0000-4000-8000-000000000001}"
    ports = hidden.facts["windows.powershell"].raw["listening"]["ports"]
    assert {p["address"] for p in ports} == {"0.0.0.0", "::"}
    assert "meta.anonymised" in hidden.facts and hidden.hostname == "host-1"


def test_addresses_become_documentation_addresses() -> None:
    hidden = anonymise(load_snapshot(FIXTURES / "windows" / "win10-22h2-en-gb-standard-user.json"))
    addresses = {p["address"] for p in hidden.facts["windows.powershell"].raw["listening"]["ports"]}
    assert addresses == {"0.0.0.0", "::", "127.0.0.1", "192.0.2.1"}


def test_cli_saves_an_anonymised_recording(tmp_path: Path) -> None:
    source = FIXTURES / "windows" / "win11-23h2-de-de-domain.json"
    done = run_cli("check", "--facts", str(source), "--save", str(tmp_path), "--anonymise", "--json")
    assert done.returncode == 0, done.stderr
    [saved] = tmp_path.glob("*.json")
    assert saved.name.startswith("host-1-")
    text = saved.read_text(encoding="utf-8").lower()
    for word in IDENTIFYING["windows/win11-23h2-de-de-domain"]:
        assert word.lower() not in text
    again = run_cli("check", "--facts", str(saved), "--json")
    assert {r["check_id"]: r["status"] for r in json.loads(again.stdout)["results"]} == statuses(
        load_snapshot(source)
    )
    refused = run_cli("check", "--facts", str(source), "--anonymise")
    assert refused.returncode == 2 and "--save" in refused.stderr
