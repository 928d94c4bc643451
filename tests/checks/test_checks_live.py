"""The checks for real on this machine: every Linux check answers, each read bounded, writing nothing."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import pytest

from tests.cli_run import run_cli, run_process
from tests.removable import stick
from wizard.checks.collector import DeviceIdentity, FactSpec, run_command
from wizard.checks.evaluate import EVALUATORS as BY_SYSTEM
from wizard.checks.runner import collect

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="live Linux checks")
STATUSES = {"pass", "fail", "warning", "not_applicable", "unable"}
EVALUATORS = BY_SYSTEM["linux"]  # through evaluate, which registers every system's evaluators


def test_list_json_names_every_check() -> None:
    listed = json.loads(run_cli("check", "--list", "--json").stdout)["checks"]
    assert len(listed) == 20
    by_id = {c["id"]: c for c in listed}
    assert by_id["firewall_enabled"]["platforms"] and by_id["firewall_enabled"]["theme"] == "firewalls"
    # The catalogue's own refs come first, labelled by framework.
    assert by_id["antimalware_realtime"]["refs"][:2] == ["Cyber Essentials A8.2", "DSPT 6.2.1"]
    assert by_id["ms17_010"]["not_on"] == {
        "macos": "the flaw is in Windows file sharing",
        "linux": "the flaw is in Windows file sharing",
    }


class _Hanging:
    """A collector with one read that never answers, and one command that hangs."""

    os = "linux"

    def identity(self) -> DeviceIdentity:
        return DeviceIdentity("test", "0" * 16, "Test OS", False)

    def fact_specs(self) -> list[FactSpec]:
        return [
            FactSpec("test.quick", "a quick read", lambda: 42, timeout=2.0),
            FactSpec("test.stuck", "a read that never returns", lambda: time.sleep(3600), timeout=0.5),
            FactSpec(
                "test.slow_command",
                "sleep 30",
                lambda: run_command(["sleep", "30"], timeout=0.7),
                timeout=2.0,
            ),
        ]


def test_a_hanging_read_is_unable_at_its_timeout() -> None:
    """The collector returns (the hour-long read is abandoned) and says which reads timed out."""
    snapshot = collect(_Hanging())
    assert snapshot.facts["test.quick"].raw == 42
    assert snapshot.facts["test.stuck"].error == "no answer within 0.5 s"
    assert "did not answer within 0.7 s" in (snapshot.facts["test.slow_command"].error or "")


def _tree(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in folder.rglob("*")
        if p.is_file()
    }


def test_check_json_answers_every_linux_check_and_writes_nothing_outside_the_data_folder(
    tmp_path: Path,
) -> None:
    """One whole run (start-up included) with a read-only home: every check answers, nothing is written."""
    with stick(tmp_path) as home:
        (home.folder / ".config").mkdir()
        (home.folder / ".config" / "settings.ini").write_text("[x]\n")
        before = _tree(home.folder)
        home.read_only()
        data = tmp_path / "data"
        data.mkdir()
        env = {
            "HOME": str(home.folder),
            "GPCW_DATA_DIR": str(data),
            "XDG_CACHE_HOME": "",
            "XDG_CONFIG_HOME": "",
            "XDG_DATA_HOME": "",
        }
        result = run_process("check", "--json", env=env)  # a whole run, start-up included
        assert result.returncode == 0, result.stderr
        report = json.loads(result.stdout)
        assert sorted(r["check_id"] for r in report["results"]) == sorted(EVALUATORS)
        for entry in report["results"]:
            assert entry["status"] in STATUSES and entry["finding"] and entry["source"]
        assert report["device"]["os"] == "linux"  # how long it takes: benchmarks/checks.py
        home.writable()
        assert _tree(home.folder) == before
        assert not any(data.iterdir())  # a plain run saves nothing, even in its own folder
