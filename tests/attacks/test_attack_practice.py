"""A pack signed with another practice's key is not good: 'signed by another practice (C83003)'.

The practice is named in four places (the report's cover, answers.json,
summary.json and the document id); the signing certificate names the
practice it belongs to. Packs here are built by the program itself (the
``pack`` command with another practice's identity) and by hand.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import ec

from tests.attack_kit import HandMade, agrees_with_pdfsig, genuine_pack, hand_made_pack, practice_key
from tests.cli_run import run_cli
from tests.pack.test_identity import _issue as issue
from wizard.core.bank.model import Bank
from wizard.core.demo import demo_draft
from wizard.core.draft.model import Draft
from wizard.core.draft.store import save_draft
from wizard.pack.attachments import ANSWERS, Attachment
from wizard.pack.sign import SigningKey
from wizard.pack.verify import verify_file

OTHER = "C83003"
REASON = f"signed by another practice ({OTHER})"


def _draft(banks: list[Bank], ods: str) -> Draft:
    draft = demo_draft(banks, dt.date.today())
    draft.practice = draft.practice.model_copy(update={"ods_code": ods})
    return draft


def _refused(pack: Path, key: SigningKey, banks: list[Bank], reason: str = REASON) -> list[str]:
    verdict = verify_file(pack, [key.certificate], None, banks)
    assert not verdict.ok and any(reason in p for p in verdict.problems), verdict.problems
    assert agrees_with_pdfsig(pack, True, True)  # the signature itself is sound
    return verdict.problems


def test_built_by_the_program_with_another_practices_key(real_banks: list[Bank], tmp_path: Path) -> None:
    problems = _refused(genuine_pack(real_banks, tmp_path, practice_key(OTHER)), practice_key(), real_banks)
    assert "signed by another practice (C83003): summary.json names A12345" in " ".join(problems)


def test_the_pack_command_with_another_practices_identity(real_banks: list[Bank], tmp_path: Path) -> None:
    env = {"GPCW_PASSPHRASE": "Hillside-passphrase-2026"}
    made = run_cli("identity", "create", "--practice", "Hillside Surgery", "--ods", OTHER, env=env)
    assert made.returncode == 0, made.stderr
    draft = tmp_path / "riverside.json"
    save_draft(draft, _draft(real_banks, "A12345"))
    packed = run_cli("pack", draft, "--out", tmp_path / "pack.pdf", env=env)
    assert packed.returncode == 0, packed.stderr
    assert "C83003" in packed.stdout and "A12345" in packed.stdout  # the practice manager is warned
    fingerprint = packed.stdout.split("fingerprint: ")[1].split()[0]
    checked = run_cli("verify", tmp_path / "pack.pdf", "--fingerprint", fingerprint, env=env)
    assert checked.returncode == 1 and REASON in checked.stdout, checked.stdout


@pytest.mark.parametrize("where", ["summary.json", "answers.json", "the report"])
def test_one_place_names_another_practice(real_banks: list[Bank], where: str, tmp_path: Path) -> None:
    """The key and three places say C83003; the fourth says A12345."""
    key = practice_key(OTHER)
    own, elsewhere = _draft(real_banks, OTHER), _draft(real_banks, "A12345")
    raw_elsewhere = Attachment(
        ANSWERS, elsewhere.model_dump_json(by_alias=True).encode(), "a", "application/json"
    )
    change = {
        "summary.json": HandMade(summary=lambda summary: summary.update(ods_code="A12345")),
        "answers.json": HandMade(files=lambda files: [raw_elsewhere, *files[1:]]),
        "the report": HandMade(report_draft=elsewhere),
    }[where]
    problems = _refused(hand_made_pack(real_banks, tmp_path, key, own, change), key, real_banks)
    assert f"{REASON}: {where} names A12345" in " ".join(problems)


def test_the_consistent_pack_of_that_practice_is_good(real_banks: list[Bank], tmp_path: Path) -> None:
    key = practice_key(OTHER)
    pack = hand_made_pack(real_banks, tmp_path, key, _draft(real_banks, OTHER), HandMade())
    verdict = verify_file(pack, [key.certificate], None, real_banks)
    assert verdict.ok, verdict.problems


def test_a_certificate_that_names_no_practice(real_banks: list[Bank], tmp_path: Path) -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    signing = SigningKey(key, issue("Riverside Surgery", key, key, ods=""))
    pack = genuine_pack(real_banks, tmp_path, signing)
    _refused(pack, signing, real_banks, "does not say which practice it belongs to")
