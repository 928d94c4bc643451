"""The use-case layer the wizard, the commands and the self-test share: real checks, real packs."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tests.conftest import RIVERSIDE_PASSPHRASE
from wizard.app.checks import check_this_pc, import_estate, keep_for_the_estate
from wizard.app.packs import default_pack_path, sign_pack
from wizard.checks.catalogue import CATALOGUE
from wizard.checks.evaluate import platforms_of
from wizard.core.bank.model import Bank
from wizard.core.data_folder import data_folder
from wizard.core.demo import demo_draft
from wizard.core.draft.store import save_draft
from wizard.pack.identity.store import IdentityError
from wizard.pack.verify import verify_file


def test_checks_here_are_kept_where_the_estate_import_finds_them() -> None:
    steps: list[tuple[int, int]] = []
    run = check_this_pc(lambda done, total, _name: steps.append((done, total)))
    linux = {entry.id for entry in CATALOGUE if "linux" in platforms_of(entry.id)}
    assert {result.check_id for result in run.report.results} >= linux
    assert steps and steps[-1][0] == steps[-1][1]  # progress reached the end
    assert not import_estate().found  # nothing kept yet, and reading made no folder
    assert not data_folder().estate.exists()
    saved = keep_for_the_estate(run)
    assert saved.parent == data_folder().estate
    found = import_estate()
    assert found.found and found.problems == []
    assert [r.device.hostname for r in found.reports] == [run.report.device.hostname]


def test_a_broken_estate_file_is_named_not_fatal() -> None:
    folder = data_folder().estate
    folder.mkdir(parents=True)
    (folder / "reception.json").write_text("{ not json", encoding="utf-8")
    found = import_estate()
    assert found.reports == [] and len(found.problems) == 1 and "reception.json" in found.problems[0]


@pytest.mark.usefixtures("riverside_identity")  # identity create's files, in this test's data folder
def test_sign_pack_signs_with_the_practices_key_and_a_wrong_passphrase_writes_nothing(
    real_banks: list[Bank], tmp_path: Path
) -> None:
    draft = demo_draft(real_banks, dt.date(2026, 11, 20))
    draft_path = data_folder().drafts / "Riverside Surgery.json"
    draft_path.parent.mkdir(parents=True)
    save_draft(draft_path, draft)
    out = default_pack_path(draft, dt.datetime(2026, 11, 24, 18, 20))
    assert out == data_folder().packs / "Evidence pack A12345 2026-11-24 1820.pdf"
    with pytest.raises(IdentityError):
        sign_pack(real_banks, draft, draft_path, "wrong passphrase", out)
    assert not out.exists()
    steps: list[str] = []
    signed = sign_pack(real_banks, draft, draft_path, RIVERSIDE_PASSPHRASE, out, progress=steps.append)
    assert steps[0] == "Opening the signing key" and steps[-1] == "Done"
    assert signed.result.path == out and signed.keyring_note is None
    verdict = verify_file(out, [], signed.result.fingerprint)
    assert verdict.ok and verdict.trusted, verdict.problems
    assert json.loads(draft_path.read_text(encoding="utf-8"))["practice"]["ods_code"] == "A12345"
