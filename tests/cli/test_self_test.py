"""``--self-test`` from the source checkout: every step, the one-line report, the exit code.

tests/packaging/test_bundle.py runs the same self-test inside the built bundle.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from tests.cli_run import run_process
from wizard.cli import main
from wizard.cli.console import ensure_output
from wizard.cli.self_test import CORE_STEPS, SelfTestRun, run_self_test
from wizard.core.env_names import PASSPHRASE_ENV
from wizard.core.paths import DATA_ENV


def report_lines(text: str) -> list[tuple[str, str]]:
    return [
        (line[:4], line[6:].split()[0]) for line in text.splitlines() if line[:4] in ("PASS", "FAIL", "SKIP")
    ]


def test_a_failing_step_is_named_later_steps_that_need_it_are_skipped_and_exit_is_1(
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = os.environ[DATA_ENV]  # conftest: this test's own data folder

    def broken(run: SelfTestRun) -> str:
        raise OSError("the stick was pulled out")

    def needs_broken(run: SelfTestRun) -> str:
        run.need("broken", None)  # what the broken step would have handed on is missing
        return "not reached"

    # the banks step for real, then the broken one (every core step runs in the windowed test below)
    assert run_self_test([("broken", broken), ("after", needs_broken)], core_steps=CORE_STEPS[:1]) == 1
    assert os.environ[DATA_ENV] == data  # the self-test's own work folder is not left in force
    out = capsys.readouterr().out
    assert report_lines(out) == [("PASS", "banks"), ("FAIL", "broken"), ("SKIP", "after")]
    assert "FAIL  broken    OSError: the stick was pulled out" in out
    assert "SKIP  after     needs the broken step" in out
    assert "Self-test FAILED: 2 of 3 steps did not pass." in out


def test_self_test_does_not_mix_with_a_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--self-test", "score", "x.json"])
    assert stopped.value.code == 2
    assert "--self-test runs on its own" in capsys.readouterr().err


def test_no_command_and_no_self_test_asks_for_a_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main([])
    assert "choose a command" in capsys.readouterr().err


def test_windowed_entry_point_passes_every_step_and_leaves_the_practices_data_alone(tmp_path: Path) -> None:
    """``python -m wizard --self-test`` is what the windowed executable runs: the core steps, then the window."""
    data = tmp_path / "data"
    env = {
        "QT_QPA_PLATFORM": "offscreen",
        DATA_ENV: str(data),
        PASSPHRASE_ENV: "a passphrase from the environment",
    }
    result = run_process("--self-test", env=env)  # the windowed entry point: wizard/__main__.py
    out = result.stdout
    assert result.returncode == 0, out + result.stderr
    steps = ("banks", "checks", "identity", "pack", "verify", "window")
    assert report_lines(out) == [("PASS", step) for step in steps]
    assert "from source" in out and f"passphrase from {PASSPHRASE_ENV}" in out
    assert (
        "DSPT 2025-26: 45 items; Cyber Essentials 3.3: 89 items; Good practice 2026: 15 items; 2 answer maps"
        in out
    )
    assert "27 pages of the demo opened" in out  # practice, 22 sections, checks, review, sheet, sign
    assert out.rstrip().endswith("Self-test passed: all 6 steps.")
    assert not data.exists()


def test_a_windowed_start_without_any_console_writes_what_it_prints_to_the_data_folder(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A windowed executable has no stdout; started from a shortcut it has no console to borrow either."""
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    target = ensure_output()
    assert target == Path(os.environ[DATA_ENV]) / "last-command-output.txt"
    print("Self-test passed: all 6 steps.")
    assert sys.stdout is sys.stderr and sys.stdout is not None
    sys.stdout.close()
    assert target.read_text(encoding="utf-8") == "Self-test passed: all 6 steps.\n"


def test_a_console_start_leaves_output_alone() -> None:
    before = sys.stdout
    assert ensure_output() is None and sys.stdout is before


def test_a_write_protected_stick_is_reported_in_words_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    (stick / "portable").write_text("", encoding="utf-8")
    (stick / "data").write_text("", encoding="utf-8")  # a file where the data folder should be
    monkeypatch.delenv(DATA_ENV)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(stick / "gp-cyber-wizard-cli"))
    assert run_self_test() == 1
    out = capsys.readouterr().out
    assert f"FAIL  setup     no temporary folder could be made in {stick / 'data'}" in out
    assert "Is the stick write-protected or full?" in out
