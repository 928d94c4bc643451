"""``start-from`` and ``answer --confirm``: next year's assessment from a script."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from tests.cli_run import run_cli
from wizard.core.bank.model import Bank
from wizard.core.demo import demo_draft
from wizard.core.draft.store import save_draft

THIS_YEAR = dt.date(2026, 3, 31)


def test_start_from_then_confirm(real_banks: list[Bank], tmp_path: Path) -> None:
    earlier = tmp_path / "riverside 2026.json"
    save_draft(earlier, demo_draft(real_banks, THIS_YEAR))
    new = tmp_path / "riverside 2027.json"
    made = run_cli("start-from", earlier, "--out", new, "--as-at", "2027-04-20")
    assert made.returncode == 0, made.stderr
    assert "answers copied, each to be confirmed (answer REF --confirm) or changed" in made.stdout
    scored = json.loads(run_cli("score", new, "--json").stdout)
    assert scored["dspt"][0]["overall"] == "Not started"
    assert len(scored["good_practice"][0]["unanswered"]) == 15
    confirmed = run_cli("answer", new, "8.1.4", "--confirm")
    assert confirmed.returncode == 0, confirmed.stderr
    patched = next(i for b in real_banks for i in b.items() if i.ref == "8.1.4")
    answers = json.loads(new.read_text())["answers"]
    assert answers[patched.id]["value"] == "yes" and "carried_from" not in answers[patched.id]
    assert sum("carried_from" not in a for a in answers.values()) == 1  # only the one confirmed
    again = run_cli("start-from", earlier, "--out", new)
    assert again.returncode == 1 and "already exists; it was left as it is" in again.stderr
