"""Next year's assessment from this year's: details and answers come across, and none counts until looked at again."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from wizard.core.action_plan import unanswered_by_section
from wizard.core.bank.model import Bank
from wizard.core.completeness import completeness, still_to_confirm
from wizard.core.data_folder import evidence_dir
from wizard.core.demo import demo_draft
from wizard.core.describe import answer_text
from wizard.core.draft.answers import confirm_answer, set_note
from wizard.core.draft.evidence import add_evidence
from wizard.core.draft.model import SCHEMA_VERSION, Draft
from wizard.core.draft.next_year import next_year_path, start_from
from wizard.core.draft.store import load_draft, save_draft
from wizard.core.item_state import evaluate
from wizard.core.scoring import score
from wizard.core.visibility import is_visible

THIS_YEAR = dt.date(2026, 3, 31)
NEXT_YEAR = dt.date(2027, 4, 20)


def _find(banks: list[Bank], ref: str) -> tuple[Bank, object]:
    return next((b, i) for b in banks for i in b.items() if i.ref == ref)


def _earlier(banks: list[Bank], tmp_path: Path) -> tuple[Draft, Path]:
    path = tmp_path / "Riverside Surgery.json"
    draft = demo_draft(banks, THIS_YEAR)
    source = tmp_path / "asset register.xlsx"
    source.write_bytes(b"register rows\n" * 100)
    add_evidence(draft, path, _find(banks, "1.1.2")[1], source)  # type: ignore[arg-type]
    draft.facts["breaches_12m"] = 0
    save_draft(path, draft)
    return draft, path


def test_details_and_answers_come_across_and_count_only_once_looked_at(
    real_banks: list[Bank], tmp_path: Path
) -> None:
    earlier, earlier_path = _earlier(real_banks, tmp_path)
    new_path = tmp_path / "next" / "Riverside Surgery 2027.json"
    new_path.parent.mkdir()
    made = start_from(earlier, earlier_path, new_path, NEXT_YEAR)
    draft = made.draft
    assert draft.practice == earlier.practice and draft.frameworks == earlier.frameworks
    assert draft.as_at == NEXT_YEAR and made.left_behind == []
    assert draft.facts == {}  # last year's incident counts are not this year's
    assert draft.check_results == {} and draft.action_plan == {} and draft.sign_off is None
    assert made.carried == len(draft.answers) > 100
    assert all(a.carried_from == THIS_YEAR for a in draft.answers.values())
    result = score(real_banks, draft)
    assert result.dspt[0].overall == "Not started" and result.ce[0].verdict == "Not started"
    assert {r.state for s in result.sections() for r in s.items} <= {"unanswered", "hidden", "met"}
    # The copied file is the new draft's own, with its name and hash.
    [ref] = draft.answer(_find(real_banks, "1.1.2")[1].id).evidence  # type: ignore[attr-defined]
    [old] = earlier.answer(_find(real_banks, "1.1.2")[1].id).evidence  # type: ignore[attr-defined]
    assert (ref.name, ref.sha256) == (old.name, old.sha256)
    assert (evidence_dir(new_path) / ref.stored_as).read_bytes() == b"register rows\n" * 100


def test_confirming_or_changing_an_answer_makes_it_count(real_banks: list[Bank], tmp_path: Path) -> None:
    earlier, earlier_path = _earlier(real_banks, tmp_path)
    draft = start_from(earlier, earlier_path, tmp_path / "new.json", NEXT_YEAR).draft
    bank, backups = _find(real_banks, "7.3.4")
    bank, patched = _find(real_banks, "8.1.4")
    assert evaluate(bank, draft, patched, NEXT_YEAR).state == "unanswered"  # type: ignore[arg-type]
    confirm_answer(draft, patched)  # type: ignore[arg-type]
    assert evaluate(bank, draft, patched, NEXT_YEAR).state == "met"  # type: ignore[arg-type]
    set_note(draft, backups, "Restore tested on 3 April 2027.")  # type: ignore[arg-type]
    assert draft.answer(backups.id).carried_from is None  # type: ignore[attr-defined]


def test_an_old_date_does_not_pass_once_confirmed(real_banks: list[Bank], tmp_path: Path) -> None:
    earlier, earlier_path = _earlier(real_banks, tmp_path)
    draft = start_from(earlier, earlier_path, tmp_path / "new.json", NEXT_YEAR).draft
    bank, register = _find(real_banks, "1.1.2")
    assert evaluate(bank, earlier, register, THIS_YEAR).state == "met"  # type: ignore[arg-type]
    confirm_answer(draft, register)  # type: ignore[arg-type]
    after = evaluate(bank, draft, register, NEXT_YEAR)  # type: ignore[arg-type]
    assert after.state == "not_met" and "days before 20/04/2027" in " ".join(after.problems)


def test_a_lost_evidence_file_is_named_and_the_rest_comes_across(
    real_banks: list[Bank], tmp_path: Path
) -> None:
    earlier, earlier_path = _earlier(real_banks, tmp_path)
    for kept in evidence_dir(earlier_path).iterdir():
        kept.unlink()
    made = start_from(earlier, earlier_path, tmp_path / "new.json", NEXT_YEAR)
    assert len(made.left_behind) == 1 and made.left_behind[0].startswith("asset register.xlsx: ")
    assert made.draft.answer(_find(real_banks, "1.1.2")[1].id).evidence == []  # type: ignore[attr-defined]
    assert made.carried == len(made.draft.answers)


def test_saved_and_read_back_the_copies_stay_unconfirmed(real_banks: list[Bank], tmp_path: Path) -> None:
    earlier, earlier_path = _earlier(real_banks, tmp_path)
    stored = json.loads(earlier_path.read_text())
    assert stored["schema_version"] == SCHEMA_VERSION
    assert not any("carried_from" in a for a in stored["answers"].values())  # only copies say it
    path = tmp_path / "new.json"
    save_draft(path, start_from(earlier, earlier_path, path, NEXT_YEAR).draft)
    again = load_draft(path)
    assert {a.carried_from for a in again.answers.values()} == {THIS_YEAR}


def test_the_new_draft_is_named_after_the_practice_and_the_day(tmp_path: Path) -> None:
    first = next_year_path("St. Mary's Surgery", NEXT_YEAR, tmp_path)
    assert first == tmp_path / "St. Mary's Surgery 2027-04-20.json"
    first.write_text("{}")
    assert (
        next_year_path("St. Mary's Surgery", NEXT_YEAR, tmp_path).name
        == "St. Mary's Surgery 2027-04-20 (2).json"
    )
    assert next_year_path("", NEXT_YEAR, tmp_path).name == "Assessment 2027-04-20.json"


def test_the_pack_and_plan_say_an_unconfirmed_copy_in_words(real_banks: list[Bank], tmp_path: Path) -> None:
    earlier, earlier_path = _earlier(real_banks, tmp_path)
    draft = start_from(earlier, earlier_path, tmp_path / "new.json", NEXT_YEAR).draft
    bank, register = _find(real_banks, "1.1.2")  # it has a file attached: never "1 file attached" here
    words = answer_text(register, draft.answer(register.id), evaluate(bank, draft, register, NEXT_YEAR))  # type: ignore[arg-type, attr-defined]
    assert words == "Not confirmed: copied from the assessment as at 31/03/2026"


def test_the_plan_counts_copies_to_confirm_by_section(real_banks: list[Bank], tmp_path: Path) -> None:
    earlier, earlier_path = _earlier(real_banks, tmp_path)
    draft = start_from(earlier, earlier_path, tmp_path / "new.json", NEXT_YEAR).draft
    confirm_answer(draft, _find(real_banks, "8.1.4")[1])  # type: ignore[arg-type]
    gaps = {g.section: g for g in unanswered_by_section(score(real_banks, draft)) if g.framework == "DSPT"}
    eight = gaps["8 Unsupported systems"]
    assert (eight.count, eight.copied) == (4, 4)
    assert (
        eight.words
        == "DSPT 8 Unsupported systems: 4 questions not answered yet (4 copied from the last assessment, to confirm)"
    )


def test_the_sign_off_says_how_many_copies_wait(real_banks: list[Bank], tmp_path: Path) -> None:
    earlier, earlier_path = _earlier(real_banks, tmp_path)
    draft = start_from(earlier, earlier_path, tmp_path / "new.json", NEXT_YEAR).draft
    confirm_answer(draft, _find(real_banks, "8.1.4")[1])  # type: ignore[arg-type]
    told = completeness(score(real_banks, draft), draft)
    shown = {i.id for b in real_banks for i in b.items() if is_visible(b, draft, i)}
    waiting = sum(a.carried_from is not None for item_id, a in draft.answers.items() if item_id in shown)
    assert told.copied == waiting and not told.complete  # questions not asked are not counted
    notice = still_to_confirm(score(real_banks, draft)) or ""
    assert notice.startswith(
        f"{waiting} answers copied from the assessment as at 31/03/2026 still to confirm"
    )
    for item_id in list(draft.answers):
        draft.answers[item_id] = draft.answers[item_id].changed()
    assert still_to_confirm(score(real_banks, draft)) is None
    assert f"{waiting} answers were copied from the last assessment and not yet confirmed" in " ".join(
        told.lines()
    )
