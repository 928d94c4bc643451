"""The built-in banks match the official lists, asserted against the reference tables here.

The tables below are copied from the project's corrected reference notes
(DSPT 2025-26 GP profile: 45 items; Cyber Essentials Danzell numbering), not
from the banks, so a bank that drifts from the toolkit fails here.
"""

from __future__ import annotations

import json
import re

import pytest

from tests.cli_run import run_cli
from tests.conftest import ROOT
from wizard.core.bank.model import Bank

# ref: (form, Met, Approaching, IT provider supplies the evidence, v8 change)
# Met and Approaching as the reference's rule gives them: Met includes every
# item Approaching needs, so 1.3.8, 1.4.3 and 6.1.2 are needed for both.
DSPT_GP_2025_26: dict[str, tuple[str, bool, bool, bool, str | None]] = {
    "1.1.1": ("text", True, True, False, None),
    "1.1.2": ("document", True, True, False, None),
    "1.1.3": ("document", True, True, False, "changed"),
    "1.1.5": ("text", True, True, False, "changed"),
    "1.1.6": ("tick", False, False, False, None),
    "1.2.4": ("tick", True, False, False, None),
    "1.3.1": ("tick", True, True, False, "changed"),
    "1.3.2": ("tick", True, False, False, None),
    "1.3.6": ("text", False, False, False, None),
    "1.3.8": ("tick", True, True, False, None),
    "1.3.13": ("text", True, True, False, None),
    "1.4.1": ("tick", True, True, False, None),
    "1.4.3": ("text", True, True, False, None),
    "2.1.1": ("tick", True, True, False, None),
    "2.2.1": ("tick", True, True, False, None),
    "3.2.1": ("tick", True, False, False, None),
    "4.1.1": ("tick", True, True, False, None),
    "4.2.4": ("tick", True, True, False, None),
    "4.3.1": ("tick", True, False, True, "newly_mandatory"),
    "4.4.1": ("tick", False, False, False, None),
    "4.5.3": ("tick", True, False, True, None),
    "5.1.1": ("tick", True, False, False, None),
    "5.2.1": ("tick", False, False, False, None),
    "6.1.1": ("tick", True, True, False, None),
    "6.1.2": ("tick", True, True, False, None),
    "6.1.3": ("tick", True, True, False, None),
    "6.2.1": ("tick", True, True, True, None),
    "6.3.5": ("text", False, False, False, None),
    "7.1.1": ("document", True, False, True, "newly_mandatory"),
    "7.1.2": ("tick", True, False, False, None),
    "7.1.5": ("tick", False, False, False, "new"),
    "7.1.6": ("tick", False, False, False, "new"),
    "7.3.2": ("tick", True, True, False, None),
    "7.3.4": ("tick", True, False, True, None),
    "8.1.4": ("tick", False, False, False, "new"),
    "8.2.1": ("document", False, False, False, "new"),
    "8.3.1": ("document", True, False, True, "changed"),
    "8.3.8": ("tick", False, False, False, "new"),
    "8.4.3": ("tick", False, False, False, "new"),
    "9.1.1": ("tick", True, False, True, None),
    "9.2.1": ("tick", False, False, True, None),
    "9.5.2": ("tick", True, False, True, None),
    "10.1.2": ("tick", True, True, True, None),
    "10.2.1": ("tick", True, False, True, None),
    "10.2.2": ("tick", False, False, False, None),
}
# The spreadsheet's own Met column (29 items): everything above marked Met,
# except the three the reference's note adds.
MET_BY_SPREADSHEET = {ref for ref, row in DSPT_GP_2025_26.items() if row[1]} - {"1.3.8", "1.4.3", "6.1.2"}
NOT_IN_GP_PROFILE = [
    "1.3.12", "1.4.2", "2.3.1", "3.1.1", "3.4.1", "4.2.1", "4.4.2", "4.5.1", "4.5.4", "5.3.1",
    "6.3.1", "6.3.2", "7.2.1", "7.3.1", "8.3.2", "9.2.2", "9.3.5", "9.4.1", "10.1.1",
]  # fmt: skip

DANZELL = [
    "A1.1",
    "A1.2",
    "A1.3",
    "A1.4",
    "A1.5",
    "A1.6",
    "A1.6.1",
    "A1.7",
    "A1.8",
    "A1.9",
    "A1.10",
    "A1.11",
    "A2.1",
    "A2.2",
    "A2.3",
    "A2.4",
    "A2.4.1",
    "A2.5",
    "A2.6",
    "A2.7",
    "A2.7.1",
    "A2.8",
    "A2.9",
    "A2.10",
    "A3.1",
    "A3.2",
    "A3.3",
    "A4.1",
    "A4.1.1",
    "A4.1.2",
    "A4.2",
    "A4.2.1",
    "A4.3",
    "A4.4",
    "A4.5",
    "A4.6",
    "A4.7",
    "A4.8",
    "A4.9",
    "A4.10",
    "A4.11",
    "A5.1",
    "A5.2",
    "A5.3",
    "A5.4",
    "A5.5",
    "A5.6",
    "A5.7",
    "A5.8",
    "A5.9",
    "A5.10",
    "A6.1",
    "A6.2",
    "A6.2.1",
    "A6.2.2",
    "A6.2.3",
    "A6.2.4",
    "A6.3",
    "A6.3.1",
    "A6.4",
    "A6.4.1",
    "A6.4.2",
    "A6.5",
    "A6.5.1",
    "A6.5.2",
    "A6.6",
    "A6.7",
    "A7.1",
    "A7.2",
    "A7.3",
    "A7.4",
    "A7.5",
    "A7.6",
    "A7.7",
    "A7.8",
    "A7.9",
    "A7.10",
    "A7.11",
    "A7.12",
    "A7.13",
    "A7.14",
    "A7.15",
    "A7.16",
    "A7.17",
    "A8.1",
    "A8.2",
    "A8.3",
    "A8.4",
    "A8.5",
]
CE_AUTO_FAILS = ["A6.4", "A6.5", "A7.16", "A7.17"]
OFFICIAL_LOOKING = re.compile(r"^(\d+(\.\d+)+|A\d+(\.\d+)*)$")


def _bank(banks: list[Bank], scoring: str) -> Bank:
    return next(b for b in banks if b.framework.scoring == scoring)


def test_the_three_banks_load_without_warnings(real_banks: list[Bank]) -> None:
    assert sorted(b.framework.id for b in real_banks) == ["cyber-essentials", "dspt-gp", "good-practice"]
    for bank in real_banks:
        assert bank.warnings == ()
        assert len(bank.sha256) == 64


def test_dspt_is_exactly_the_45_items_of_the_gp_profile(real_banks: list[Bank]) -> None:
    bank = _bank(real_banks, "dspt")
    assert (bank.framework.version, bank.framework.edition) == ("2025-26", "Toolkit version 8")
    assert [s.ref for s in bank.sections] == [str(n) for n in range(1, 11)]
    items = list(bank.items())
    assert [i.ref for i in items] == list(DSPT_GP_2025_26)  # the same refs, in toolkit order
    for item in items:
        form, met, approaching, it, change = DSPT_GP_2025_26[item.ref]
        assert item.form == form, item.ref
        assert (item.required_for in ("met", "approaching")) == met, item.ref
        assert (item.required_for == "approaching") == approaching, item.ref
        assert item.it_provider == it, item.ref
        assert item.change == change, item.ref
        assert item.ref.split(".")[0] == bank.section_of(item.id).ref  # each item under its own standard
    assert len(MET_BY_SPREADSHEET) == 29
    assert sum(1 for row in DSPT_GP_2025_26.values() if row[3]) == 11


def test_dspt_has_no_ref_from_another_profile(real_banks: list[Bank]) -> None:
    refs = {i.ref for b in real_banks for i in b.items()}
    assert not refs & set(NOT_IN_GP_PROFILE)


def test_every_ref_names_its_sources(real_banks: list[Bank]) -> None:
    for bank in real_banks:
        for item in bank.items():
            if item.ref_confidence == "own":
                assert bank.framework.scoring == "good_practice"
                continue
            assert item.ref_sources and set(item.ref_sources) <= set(bank.source.sources), item.ref
    readme = (ROOT / "questions" / "README.md").read_text(encoding="utf-8")
    for bank in real_banks:
        for source in bank.source.sources:
            assert f"`{source}`" in readme, source


def test_dspt_structured_fields_beside_the_toolkit_answer(real_banks: list[Bank]) -> None:
    bank = _bank(real_banks, "dspt")
    training = bank.find("3.2.1")
    assert training is not None and training.derived is not None
    assert bank.number(training.derived.min) == 95  # kept as data
    assert {f.id for f in training.fields} >= {training.derived.percent.part, training.derived.percent.whole}
    for ref in ("5.1.1", "6.1.2", "6.1.3", "6.3.5"):
        item = bank.find(ref)
        assert item is not None and item.not_applicable_if is not None, ref
        assert all(name.startswith("facts.") for name in item.not_applicable_if.zero)
    exceptions = bank.find("4.5.3")
    assert exceptions is not None
    lists = [f for f in exceptions.fields if f.type == "list"]
    assert lists and {c.id for c in lists[0].columns or []} >= {"service", "approved_by"}
    roles = bank.find("1.1.5")
    assert roles is not None
    assert {f.shared for f in roles.fields} >= {
        "practice.siro",
        "practice.caldicott_guardian",
        "practice.dpo",
    }
    ico = bank.find("1.1.1")
    assert ico is not None and ico.binds == "practice.ico_registration"
    backups = bank.find("7.3.4")
    assert backups is not None and any(f.type == "text" and f.required for f in backups.fields)


def test_cyber_essentials_carries_the_danzell_numbers(real_banks: list[Bank]) -> None:
    bank = _bank(real_banks, "cyber_essentials")
    assert bank.framework.version == "3.3"
    assert [s.ref for s in bank.sections] == [f"A{n}" for n in range(1, 9)]
    items = list(bank.items())
    assert [i.ref for i in items] == DANZELL
    assert [i.ref for i in items if i.auto_fail] == CE_AUTO_FAILS
    assert bank.find("A1.1").max_length == 150  # type: ignore[union-attr]
    assert bank.find("A1.1").binds == "practice.name"  # type: ignore[union-attr]
    assert bank.find("A1.4").binds == "practice.address"  # type: ignore[union-attr]
    for ref in ("A7.14", "A7.16", "A7.17"):  # cloud services cannot be scoped out
        assert bank.find(ref).show_if is None, ref  # type: ignore[union-attr]
    assert bank.find("A7.15").show_if.item == bank.find("A7.14").id  # type: ignore[union-attr]
    admin_page = bank.find("A4.11")
    assert admin_page is not None and admin_page.meets is not None
    assert set(admin_page.meets.in_ or []) == {"mfa", "allowlist"}
    assert bank.thresholds["patch_days"] == 14
    assert "14 days" in bank.find("A6.4").question  # type: ignore[union-attr]
    assert all("{" not in i.question for i in items)


def test_good_practice_is_its_own_group(real_banks: list[Bank]) -> None:
    bank = _bank(real_banks, "good_practice")
    items = list(bank.items())
    assert items and all(i.ref_confidence == "own" and not OFFICIAL_LOOKING.match(i.ref) for i in items)
    assert all(not i.required_for and not i.auto_fail for i in items)
    topics = " ".join(i.question.lower() for i in items)
    for topic in ("smb", "remote desktop", "wi-fi", "medical", "own", "smartcard", "lock", "suspicious"):
        assert topic in topics, topic


@pytest.mark.parametrize("scoring", ["dspt", "cyber_essentials", "good_practice"])
def test_every_item_has_help_and_remediation(real_banks: list[Bank], scoring: str) -> None:
    for item in _bank(real_banks, scoring).items():
        assert item.help.why and item.help.evidence and item.help.how_to_check and item.remediation
        assert "TODO" not in item.model_dump_json()


def test_cli_stats_list_every_item_with_its_flags() -> None:
    validate = run_cli("bank", "validate")
    assert validate.returncode == 0, validate.stderr
    assert validate.stderr == ""
    stats = run_cli("bank", "stats", "--json")
    assert stats.returncode == 0, stats.stderr
    frameworks = {f["id"]: f for f in json.loads(stats.stdout)["frameworks"]}
    dspt = frameworks["dspt-gp"]
    assert [i["ref"] for i in dspt["items"]] == list(DSPT_GP_2025_26)
    for entry in dspt["items"]:
        form, met, approaching, _, _ = DSPT_GP_2025_26[entry["ref"]]
        assert (entry["form"], entry["required_met"], entry["required_approaching"]) == (
            form,
            met,
            approaching,
        )
        assert entry["auto_fail"] is False
    ce = frameworks["cyber-essentials"]
    assert [i["ref"] for i in ce["items"]] == DANZELL
    assert [i["ref"] for i in ce["items"] if i["auto_fail"]] == CE_AUTO_FAILS
    good = frameworks["good-practice"]
    assert good["kind"] == "good_practice"
    assert all(not OFFICIAL_LOOKING.match(i["ref"]) and not i["auto_fail"] for i in good["items"])
    assert dspt["period"] == {"start": "2025-07-01", "end": "2026-06-30"} and dspt["deadline"] == "2026-06-30"
