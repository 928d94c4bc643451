"""The in-process runner (tests/cli_run.py) gives what a process gives and leaves nothing behind.

Every command test relies on it: if it leaked a setting from one command to
the next, or hid an exception, those tests could pass when a real run fails.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

import keyring
import pytest

from tests.cli_run import ROOT, CommandTimedOut, run_cli
from tests.keyring_kit import MemoryKeyring
from wizard import APP_NAME, __version__
from wizard.cli import bank_cmds

PASS = "Riverside-passphrase-2026"


def test_exit_codes_of_argparse_and_of_commands() -> None:
    version = run_cli("--version")
    assert (version.returncode, version.stdout, version.stderr) == (0, f"{APP_NAME} {__version__}\n", "")
    unknown = run_cli("no-such-command")
    assert unknown.returncode == 2 and "invalid choice: 'no-such-command'" in unknown.stderr
    assert unknown.stdout == ""
    assert run_cli("identity", "show").returncode == 1  # a CommandError: no identity in this data folder


def test_output_is_utf8_read_back_as_a_pipe_would_be_in_the_working_folder_given(tmp_path: Path) -> None:
    (tmp_path / "bank £ – ’.yaml").write_text("a: &a [*a]\n", encoding="utf-8")
    result = run_cli("bank", "validate", "bank £ – ’.yaml", cwd=tmp_path)  # found there: named from there
    assert result.returncode == 1 and "bank £ – ’.yaml: NOT valid" in result.stderr, result.stderr


def test_the_environment_working_folder_and_streams_are_put_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    create = ("identity", "create", "--practice", "Riverside Surgery", "--ods", "A12345")
    monkeypatch.setenv("GPCW_PASSPHRASE", PASS)
    before, folder, streams = dict(os.environ), Path.cwd(), (sys.stdin, sys.stdout, sys.stderr)
    unset = run_cli(*create, env={"GPCW_PASSPHRASE": None})
    assert unset.returncode == 1 and "No passphrase was given" in unset.stderr  # it saw the variable gone
    made = run_cli(*create, env={"GPCW_DATA_DIR": str(tmp_path / "other")}, cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    assert (tmp_path / "other" / "identity").is_dir()  # it saw the variable it was given
    assert dict(os.environ) == before and Path.cwd() == folder
    assert (sys.stdin, sys.stdout, sys.stderr) == streams


def test_a_command_sees_the_keyring_a_new_process_would_and_the_tests_one_comes_back(tmp_path: Path) -> None:
    """conftest names the failing backend; a keyring a test installed is not what a new process would use."""
    mine = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(mine)
    try:
        made = run_cli(
            "identity",
            "create",
            "--practice",
            "Riverside Surgery",
            "--ods",
            "A12345",
            "--remember",
            env={"GPCW_PASSPHRASE": PASS},
        )
        assert made.returncode == 0, made.stderr
        assert "no secure password store" in made.stdout
        assert keyring.get_keyring() is mine and mine.entries == {}
    finally:
        keyring.set_keyring(previous)


def test_logging_levels_a_command_changes_are_put_back(tmp_path: Path) -> None:
    pyhanko = logging.getLogger("pyhanko")
    pyhanko.setLevel(logging.WARNING)
    try:
        result = run_cli("verify", tmp_path)  # verify quietens pyHanko's logging for the commissioner
        assert result.returncode == 1 and "holds no PDF files" in result.stderr
        assert pyhanko.level == logging.WARNING
    finally:
        pyhanko.setLevel(logging.NOTSET)


def test_an_exception_fails_the_test_and_still_everything_is_put_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("a bug in the command")

    monkeypatch.setattr(bank_cmds, "load_bank", broken)
    before, folder, streams = dict(os.environ), Path.cwd(), (sys.stdin, sys.stdout, sys.stderr)
    with pytest.raises(RuntimeError, match="a bug in the command"):
        run_cli(
            "bank", "validate", ROOT / "questions" / "dspt-2025-26-gp.yaml", env={"GPCW_X": "1"}, cwd=tmp_path
        )
    assert dict(os.environ) == before and Path.cwd() == folder
    assert (sys.stdin, sys.stdout, sys.stderr) == streams


def test_a_command_that_never_returns_is_stopped(monkeypatch: pytest.MonkeyPatch) -> None:
    def hangs(*args: object) -> None:
        while True:
            pass

    monkeypatch.setattr(bank_cmds, "load_bank", hangs)
    with pytest.raises(CommandTimedOut):
        run_cli("bank", "validate", ROOT / "questions" / "dspt-2025-26-gp.yaml", timeout=0.2)


def test_standard_input_is_no_terminal_so_no_passphrase_is_asked() -> None:
    asked = run_cli(
        "identity", "create", "--practice", "Riverside Surgery", "--ods", "A12345", stdin=PASS + "\n"
    )
    assert asked.returncode == 1 and "--passphrase-file" in asked.stderr
