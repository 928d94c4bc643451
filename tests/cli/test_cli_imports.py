"""The command line imports a command's libraries only when that command runs.

Each case starts a fresh interpreter (the modules already loaded in this one
would hide the answer) and lists what a step left in ``sys.modules``.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT

HEAVY = ("reportlab", "pyhanko", "cryptography", "PySide6", "keyring", "pydantic")


def _loaded_after(step: str) -> set[str]:
    code = f"import sys\n{step}\nimport json\nprint(json.dumps(sorted(sys.modules)))\n"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert done.returncode == 0, done.stderr[-800:]
    return {name.split(".")[0] for name in json.loads(done.stdout.splitlines()[-1])}


def test_building_the_parser_loads_no_heavy_library() -> None:
    loaded = _loaded_after(
        "from wizard.cli import build_parser\nbuild_parser().parse_args(['verify', 'x.pdf'])"
    )
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))


@pytest.mark.parametrize(
    ("argv", "needs", "spared"),
    [
        (["bank", "validate"], {"pydantic"}, {"reportlab", "pyhanko", "PySide6"}),
        (["check", "--list"], set(), {"reportlab", "pyhanko", "PySide6"}),
    ],
)
def test_a_command_loads_what_it_needs_and_not_the_rest(
    argv: list[str], needs: set[str], spared: set[str]
) -> None:
    step = (
        "import contextlib, io\n"
        "from wizard.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert main({json.dumps(argv)}) == 0\n"
    )
    loaded = _loaded_after(step)
    assert needs <= loaded, sorted(needs - loaded)
    assert not loaded & spared, sorted(loaded & spared)
