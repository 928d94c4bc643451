"""Bad input never crashes, hangs or fills memory: devices, named pipes, long names, deep nesting, YAML bombs.

Each case runs the real command and expects a plain message and the
documented exit code. Most run in this process (tests/cli_run.py), where a
hang trips the runner's time limit; a device that never ends (/dev/zero)
is given to a child process, so a command that read it whole would fill
only the child's memory. The work is bounded by what is read and counted,
never by a clock.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.attack_kit import HandMade, agrees_with_pdfsig, hand_made_pack, practice_key
from tests.cli_run import Ran, run_cli, run_process
from tests.conftest import RIVERSIDE_PASSPHRASE as PASS
from tests.conftest import ROOT
from wizard.core.bank.model import Bank
from wizard.core.demo import demo_draft
from wizard.core.draft.model import draft_to_bytes
from wizard.core.draft.store import save_draft
from wizard.pack.attachments import ANSWERS, SUMMARY, Attachment
from wizard.pack.verify import verify_file

DEEP = 100_000


def _plain(result: Ran | subprocess.CompletedProcess[str], code: int, words: str) -> None:
    assert result.returncode == code, (result.returncode, result.stdout, result.stderr)
    assert words in result.stdout + result.stderr, result.stdout + result.stderr
    assert "Traceback" not in result.stderr


@pytest.fixture
def pipe(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.pdf"
    os.mkfifo(path)  # opening it for reading waits for a writer that never comes
    return path


# --- special files -----------------------------------------------------------------------------


@pytest.mark.parametrize("special", ["/dev/zero", "pipe"])
def test_verify_a_device_or_a_pipe(special: str, pipe: Path) -> None:
    target, run = (pipe, run_cli) if special == "pipe" else (Path(special), run_process)
    _plain(run("verify", target), 2, "not an ordinary file")
    _plain(run("verify", ROOT / "README.md", "--trust", target), 2, "not an ordinary file")


def test_pack_from_a_device_or_a_pipe(pipe: Path, tmp_path: Path) -> None:
    _plain(run_cli("pack", pipe, "--out", tmp_path / "p.pdf"), 2, "is not a draft file")
    _plain(run_process("pack", "/dev/zero", "--out", tmp_path / "p.pdf"), 2, "is not a draft file")


@pytest.mark.usefixtures("riverside_identity")
def test_passphrase_file_or_key_file_that_is_a_pipe(
    real_banks: list[Bank], pipe: Path, tmp_path: Path
) -> None:
    draft = tmp_path / "riverside.json"
    save_draft(draft, demo_draft(real_banks, dt.date.today()))
    out = tmp_path / "p.pdf"
    _plain(run_cli("pack", draft, "--out", out, "--passphrase-file", pipe), 1, "could not be read")
    _plain(
        run_process("identity", "import", "/dev/zero", "--replace", env={"GPCW_PASSPHRASE": PASS}),
        1,
        "not an ordinary file",
    )
    assert not out.exists()


# --- long names --------------------------------------------------------------------------------


def test_300_character_names(tmp_path: Path) -> None:
    long = tmp_path / ("p" * 296 + ".pdf")
    _plain(run_cli("verify", long), 2, "name too long")
    _plain(run_cli("pack", tmp_path / ("d" * 295 + ".json"), "--out", tmp_path / "p.pdf"), 2, "name too long")


# --- deep nesting ------------------------------------------------------------------------------


def test_a_draft_nested_far_too_deep(tmp_path: Path) -> None:
    draft = tmp_path / "deep.json"
    draft.write_text(
        '{"schema": "gp-cyber-wizard/draft", "schema_version": 1, "answers": ' + "[" * DEEP + "]" * DEEP + "}"
    )
    _plain(run_cli("pack", draft, "--out", tmp_path / "p.pdf"), 2, "cannot be opened")


@pytest.mark.usefixtures("riverside_identity")
def test_check_results_that_are_not_device_results(real_banks: list[Bank], tmp_path: Path) -> None:
    """Deeply nested where a computer's results belong: the draft is refused as damaged, nothing is signed."""
    data = json.loads(draft_to_bytes(demo_draft(real_banks, dt.date.today())))
    nested: dict[str, object] = {}
    for _ in range(600):
        nested = {"x": nested}
    data["check_results"] = {"pc": nested}
    draft = tmp_path / "riverside.json"
    draft.write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / "p.pdf"
    _plain(run_cli("pack", draft, "--out", out, env={"GPCW_PASSPHRASE": PASS}), 2, "cannot be opened")
    assert not out.exists()


@pytest.mark.parametrize("name", [ANSWERS, SUMMARY])
def test_a_signed_pack_carrying_deep_json(real_banks: list[Bank], name: str, tmp_path: Path) -> None:
    deep = ("[" * DEEP + "]" * DEEP).encode()

    def swap(files: list[Attachment]) -> list[Attachment]:
        return [Attachment(f.name, deep, f.description, f.mime_type) if f.name == name else f for f in files]

    key = practice_key()
    pack = hand_made_pack(
        real_banks, tmp_path, key, demo_draft(real_banks, dt.date.today()), HandMade(files=swap)
    )
    verdict = verify_file(pack, [key.certificate], None, real_banks)
    assert not verdict.ok and verdict.intact and not verdict.summary
    assert any("could not be read" in p or "cannot be read" in p for p in verdict.problems), verdict.problems
    assert agrees_with_pdfsig(pack, True, True)


# --- YAML question banks -----------------------------------------------------------------------


def _laughs() -> str:
    text = 'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n'
    for previous, name in zip("abcdefghi", "bcdefghij", strict=True):
        text += f"{name}: &{name} [{', '.join(['*' + previous] * 9)}]\n"
    return text


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (_laughs(), "repeat values far more than a question bank would"),
        ("a: &a [*a]\n", "is inside the value it names"),
        ("a: " + "[" * 100 + "]" * 100 + "\n", "nest more than 64 levels deep"),
        ("a: " + "[" * DEEP + "]" * DEEP + "\n", "not valid YAML"),
    ],
    ids=["billion laughs", "self-reference", "deep", "very deep"],
)
def test_a_hostile_question_bank(text: str, words: str, tmp_path: Path) -> None:
    bank = tmp_path / "bank.yaml"
    bank.write_text(text, encoding="utf-8")
    _plain(run_cli("bank", "validate", bank), 1, words)
