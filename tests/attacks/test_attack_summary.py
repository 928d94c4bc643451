"""A pack whose summary its own answers do not give, or that carries a file twice, is not good.

Each pack here is hand-made the way a practice holding its own key could:
the program's building blocks, with one thing changed before signing. The
signature itself is sound (pdfsig agrees), so only the verifier's own checks
can refuse it.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from tests.attack_kit import HandMade, agrees_with_pdfsig, hand_made_pack, practice_key
from wizard.core.bank.model import Bank
from wizard.core.demo import demo_draft
from wizard.core.draft.model import Draft, new_draft
from wizard.pack.attachments import SUMMARY, Attachment
from wizard.pack.sign import SigningKey
from wizard.pack.verify import verify_file


def _set(path: str, value: Any) -> HandMade:
    """Change one value in the summary before signing: 'dspt.0.status' and the like."""

    def change(summary: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node: Any = summary
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node[part]
        node[int(last) if isinstance(node, list) else last] = value

    return HandMade(summary=change)


def _add(attachment: Attachment) -> HandMade:
    return HandMade(files=lambda files: [*files, attachment])


def _other_answers(banks: list[Bank]) -> Draft:
    """The demo answers with an item every DSPT status needs answered 'no': Standards Not Met."""
    draft = demo_draft(banks, dt.date.today())
    item = next(i for b in banks for i in b.items() if i.required_for == "approaching" and i.type == "yes_no")
    draft.answers[item.id] = draft.answer(item.id).model_copy(update={"value": "no"})
    return draft


FORGED = json.dumps({"practice": "Riverside Surgery", "ods_code": "A12345"}).encode()
CASES: dict[str, tuple[HandMade, str]] = {
    "a better DSPT status": (_set("dspt.0.status", "Standards Met"), "(it differs in: dspt)"),
    "Cyber Essentials ready": (_set("cyber_essentials.0.ready", True), "(it differs in: cyber_essentials)"),
    "no automatic fails": (_set("cyber_essentials.0.auto_fails", []), "(it differs in: cyber_essentials)"),
    "another answered percentage": (_set("answered_percent", 42), "differs in: answered_percent"),
    "another practice name": (_set("practice", "Hillside Surgery"), "(it differs in: practice)"),
    "an extra claim": (_set("externally_audited", True), "(it differs in: externally_audited)"),
    "a bank this version does not have": (
        _set("banks.0.sha256", "0" * 64),
        "made with question banks this version does not have",
    ),
    "another as-at date": (_set("as_at", "2020-01-01"), "(it differs in: as_at)"),
    "a second summary.json": (
        _add(Attachment(SUMMARY, FORGED, "s", "application/json")),
        "two attached files named summary.json",
    ),
    "an attachment named with a folder": (
        _add(Attachment("../../evil.json", b"{}", "x", "application/json")),
        "names a folder or drive",
    ),
    "an attachment named with a control code": (
        _add(Attachment("evil\x1b[2J.json", b"{}", "x", "application/json")),
        "holds characters a file name must not",
    ),
}


@pytest.fixture(scope="module")
def key() -> SigningKey:
    return practice_key()


def test_the_unchanged_hand_made_pack_is_good(
    real_banks: list[Bank], key: SigningKey, tmp_path: Path
) -> None:
    """Guards against checks that refuse everything: the building blocks alone make a good pack."""
    pack = hand_made_pack(real_banks, tmp_path, key, demo_draft(real_banks, dt.date.today()), HandMade())
    verdict = verify_file(pack, [key.certificate], None, real_banks)
    assert verdict.ok, verdict.problems


@pytest.mark.parametrize("frameworks", ["fresh", "dspt-gp", "cyber-essentials"])
def test_fresh_and_single_framework_packs_are_good(
    real_banks: list[Bank], key: SigningKey, frameworks: str, tmp_path: Path
) -> None:
    """The summary check and the report reading hold for every shape of pack, not just the demo's."""
    if frameworks == "fresh":
        draft = new_draft("Riverside Surgery", "A12345", [b.framework.id for b in real_banks])
    else:
        draft = demo_draft(real_banks, dt.date.today())
        draft.frameworks = [b.framework.id for b in real_banks if b.framework.id.startswith(frameworks)]
        assert len(draft.frameworks) == 1
    pack = hand_made_pack(real_banks, tmp_path, key, draft, HandMade())
    verdict = verify_file(pack, [key.certificate], None, real_banks)
    assert verdict.ok, verdict.problems


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_summary_the_answers_do_not_give(
    real_banks: list[Bank], key: SigningKey, case: str, tmp_path: Path
) -> None:
    change, reason = CASES[case]
    pack = hand_made_pack(real_banks, tmp_path, key, demo_draft(real_banks, dt.date.today()), change)
    verdict = verify_file(pack, [key.certificate], None, real_banks)
    assert not verdict.ok and any(reason in p for p in verdict.problems), verdict.problems
    assert verdict.intact and verdict.valid and verdict.whole_file and not verdict.changed_after_signing
    assert agrees_with_pdfsig(pack, True, True)


def test_a_report_drawn_from_other_answers(real_banks: list[Bank], key: SigningKey, tmp_path: Path) -> None:
    """answers.json and summary.json agree; the pages show a better status than they give."""
    draft = _other_answers(real_banks)
    better = demo_draft(real_banks, dt.date.today())
    pack = hand_made_pack(real_banks, tmp_path, key, draft, HandMade(report_draft=better))
    verdict = verify_file(pack, [key.certificate], None, real_banks)
    assert not verdict.ok
    assert any("The report's pages do not agree" in p and "DSPT status" in p for p in verdict.problems)
    assert agrees_with_pdfsig(pack, True, True)
