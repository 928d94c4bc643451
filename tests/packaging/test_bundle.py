"""The onedir USB bundle, built from build.spec and run as a practice manager would run it.

The bundle is built once per test session with scripts/bundle.sh (about a minute;
build/onedir is reused, so a second run only redoes what changed), or taken
from GPCW_BUNDLE_DIR when that names one already built.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import wizard
from tests.conftest import ROOT

GUI = "gp-cyber-wizard"
CLI = "gp-cyber-wizard-cli"
PASSPHRASE = "correct horse battery staple"
CORE_STEPS = ["banks", "checks", "identity", "pack", "verify"]

pytestmark = [
    pytest.mark.package,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the CI bundle is built on Linux"),
]


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    given = os.environ.get("GPCW_BUNDLE_DIR")
    if given:
        return Path(given)
    dist = tmp_path_factory.mktemp("dist")
    build = subprocess.run(
        ["bash", "scripts/bundle.sh", "onedir"],
        cwd=ROOT,
        env={**os.environ, "GPCW_DIST": str(dist)},
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    return dist / GUI


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """A bare environment: an empty home and temp folder, so anything written to the PC shows."""
    env = {"PATH": os.environ["PATH"], "HOME": str(home), "TMPDIR": str(home / "tmp"), "LANG": "C.UTF-8"}
    (home / "tmp").mkdir(parents=True, exist_ok=True)
    return {**env, **extra}


def run(exe: Path, *args: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(exe), *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=300)


def files_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


def step_lines(output: str) -> dict[str, str]:
    """``PASS  banks  ...`` lines by step name: the word each step ended with."""
    found = {}
    for line in output.splitlines():
        word, _, rest = line.partition("  ")
        if word in ("PASS", "FAIL", "SKIP") and rest.split():
            found[rest.split()[0]] = word
    return found


def test_bundle_holds_both_executables_the_banks_and_assets_and_no_unused_qt_parts(bundle: Path) -> None:
    internal = bundle / "_internal"
    assert (bundle / GUI).is_file() and os.access(bundle / GUI, os.X_OK)
    assert (bundle / CLI).is_file() and os.access(bundle / CLI, os.X_OK)
    banks = sorted(p.name for p in (internal / "questions").glob("*.yaml"))
    assert banks == sorted(p.name for p in (ROOT / "questions").glob("*.yaml"))
    maps = sorted(p.name for p in (internal / "questions" / "maps").iterdir())
    assert maps and maps == sorted(p.name for p in (ROOT / "questions" / "maps").glob("*.yaml"))
    for asset in (
        "end-of-support.yaml",
        "style.qss",
        "gp-cyber-wizard.png",
        "fonts/DejaVuSans.ttf",
        "fonts/LICENSE-DejaVu.txt",
    ):
        assert (internal / "assets" / asset).is_file(), asset
    qt = internal / "PySide6" / "Qt"
    assert not (qt / "translations").exists()
    assert {p.name for p in (qt / "plugins").iterdir()} <= {
        "platforms",
        "platforminputcontexts",
        "xcbglintegrations",
        "styles",
    }
    platforms = {p.name for p in (qt / "plugins" / "platforms").iterdir()}
    assert platforms == {"libqxcb.so", "libqoffscreen.so", "libqminimal.so"}
    assert not list(internal.glob("libQt6Network*")) and not (internal / "lxml").exists()
    assert list(internal.glob("_rl_accel*")), "reportlab's C speed-ups (build.spec hiddenimports)"


def test_every_library_in_the_bundle_finds_what_it_links_to(bundle: Path) -> None:
    """What build.spec leaves out must not be something a kept library needs."""
    internal = bundle / "_internal"
    missing = []
    for library in [p for p in internal.rglob("*.so*") if p.is_file() and not p.is_symlink()]:
        out = subprocess.run(
            ["ldd", str(library)],
            env={**os.environ, "LD_LIBRARY_PATH": str(internal)},
            capture_output=True,
            text=True,
        ).stdout
        missing += [f"{library.name}: {line.strip()}" for line in out.splitlines() if "not found" in line]
    assert missing == []


def test_console_executable_self_test_passes_with_the_passphrase_from_the_environment(
    bundle: Path, tmp_path: Path
) -> None:
    result = run(
        bundle / CLI,
        "--self-test",
        env=clean_env(tmp_path / "home", GPCW_PASSPHRASE=PASSPHRASE),
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert step_lines(result.stdout) == dict.fromkeys(CORE_STEPS, "PASS")
    assert "onedir bundle" in result.stdout
    assert "passphrase from GPCW_PASSPHRASE" in result.stdout
    assert result.stdout.rstrip().endswith("Self-test passed: all 5 steps.")


def test_windowed_executable_self_test_also_opens_every_page_offscreen(bundle: Path, tmp_path: Path) -> None:
    env = clean_env(tmp_path / "home", QT_QPA_PLATFORM="offscreen")
    result = run(bundle / GUI, "--self-test", env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert step_lines(result.stdout) == dict.fromkeys([*CORE_STEPS, "window"], "PASS")
    assert "pages of the demo opened" in result.stdout


def test_self_test_without_a_screen_fails_that_step_in_words_and_exits_1(
    bundle: Path, tmp_path: Path
) -> None:
    result = run(bundle / GUI, "--self-test", env=clean_env(tmp_path / "home"), cwd=tmp_path)
    assert result.returncode == 1
    lines = step_lines(result.stdout)
    assert lines.pop("window") == "FAIL" and set(lines.values()) == {"PASS"}
    assert "there is no screen; set QT_QPA_PLATFORM=offscreen" in result.stdout
    assert "Self-test FAILED: 1 of 6 steps did not pass." in result.stdout


@pytest.fixture
def stick(bundle: Path, tmp_path: Path) -> Path:
    """The bundle copied to a 'stick' with the ``portable`` marker beside the executables."""
    target = tmp_path / "stick" / "GP Cyber Wizard"
    shutil.copytree(bundle, target, symlinks=True)
    (target / "portable").write_text("", encoding="utf-8")
    return target


def test_portable_stick_keeps_everything_in_its_data_folder_and_writes_nothing_to_the_pc(
    stick: Path, tmp_path: Path
) -> None:
    home, work = tmp_path / "home", tmp_path / "work"
    work.mkdir()
    env = clean_env(home, GPCW_PASSPHRASE=PASSPHRASE, QT_QPA_PLATFORM="offscreen")
    created = run(
        stick / CLI,
        *("identity", "create", "--practice", "Riverside Surgery", "--ods", "A12345", "--remember"),
        env=env,
        cwd=work,
    )
    assert created.returncode == 0, created.stdout + created.stderr
    assert "running from a prepared USB stick" in created.stdout  # the PC's keyring was left alone
    (stick / "data" / "drafts").mkdir()
    draft = run(
        stick / CLI,
        *("new-draft", "--practice", "Riverside Surgery", "--ods", "A12345"),
        *("--out", str(stick / "data" / "drafts" / "Riverside Surgery.json")),
        env=env,
        cwd=work,
    )
    assert draft.returncode == 0, draft.stdout + draft.stderr
    checked = run(stick / CLI, "check", "--save", str(stick / "data"), env=env, cwd=work)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    started = run(stick / GUI, env={**env, "GPCW_STARTUP_PROBE": "1"}, cwd=work)
    assert started.returncode == 0 and "start-page-ready" in started.stdout, started.stderr
    tested = run(stick / GUI, "--self-test", env=env, cwd=work)
    assert tested.returncode == 0, tested.stdout + tested.stderr
    assert f"portable, data in {stick / 'data'}" in tested.stdout

    kept = {p.relative_to(stick / "data").parts[0] for p in files_under(stick / "data")}
    assert {"identity", "drafts"} <= kept and any(p.suffix == ".json" for p in (stick / "data").iterdir())
    assert not [p for p in (stick / "data").iterdir() if p.name.startswith("self-test-")]
    assert files_under(home) == [] and files_under(work) == []


def test_windows_version_resource_reads_back_with_the_package_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PyInstaller reads this file on Windows only; read it here with its own reader.

    That module imports the Windows API at the top for writing resources into an
    .exe, which is not what is checked here, so it is given an empty stand-in.
    """
    import PyInstaller.compat

    monkeypatch.setattr(PyInstaller.compat, "win32api", None, raising=False)
    from PyInstaller.utils.win32.versioninfo import load_version_info_from_text_file

    monkeypatch.syspath_prepend(str(ROOT / "scripts"))
    from version_info import write_version_file

    info = load_version_info_from_text_file(str(write_version_file(tmp_path / "version-info.txt")))
    strings = {entry.name: entry.val for entry in info.kids[0].kids[0].kids}
    assert strings["FileVersion"] == strings["ProductVersion"] == wizard.__version__
    assert strings["ProductName"] == wizard.APP_NAME
    major, minor, patch = (int(n) for n in wizard.__version__.split("."))
    assert info.ffi.fileVersionMS == (major << 16) | minor and info.ffi.fileVersionLS == patch << 16
    assert len(info.toRaw()) > 500  # the binary resource the Windows build writes into each .exe


def test_windows_icon_carries_every_size_explorer_asks_for() -> None:
    from PIL import Image

    with Image.open(ROOT / "assets" / "gp-cyber-wizard.ico") as icon:
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(icon.info["sizes"])


# One run of each command module, in the order a practice (then an ICB) would use them.
# Each either works or refuses in words; none may find its module missing.
COMMANDS = {
    "bank_cmds": ["bank", "validate"],
    "check_cmds": ["check", "--list"],
    "draft_cmds": ["new-draft", "--practice", "Riverside Surgery", "--ods", "B82002", "--out", "d.json"],
    "portal_cmds": ["portal-sheet", "d.json"],
    "identity_cmds": ["identity", "show"],
    "pack_cmds": ["pack", "d.json", "--out", "p.pdf"],
    "verify_cmds": ["verify", "missing.pdf"],
    "trust_cmds": ["trust", "list", "--trust-dir", "trust"],
    "icb_cmds": ["icb", "revoke", "B82002", "--dir", "icb"],
}


def _handler_modules() -> set[str]:
    """Every module the parser names as a handler ("module:function")."""
    from wizard.cli import build_parser

    found: set[str] = set()
    parsers = [build_parser()]
    while parsers:
        parser = parsers.pop()
        handler = parser.get_default("handler")
        if handler:
            found.add(str(handler).split(":")[0])
        for action in parser._actions:
            if isinstance(action.choices, dict):
                parsers += [p for p in action.choices.values() if hasattr(p, "get_default")]
    return found


def test_every_command_runs_in_the_bundle(bundle: Path, tmp_path: Path) -> None:
    """The commands are imported by name when they run, which PyInstaller cannot see: build.spec lists them."""
    assert set(COMMANDS) == _handler_modules()
    env = clean_env(tmp_path / "home", GPCW_DATA_DIR=str(tmp_path / "data"))
    for module, argv in COMMANDS.items():
        result = run(bundle / CLI, *argv, env=env, cwd=tmp_path)
        said = result.stdout + result.stderr
        assert result.returncode in (0, 1, 2), (module, said)
        assert "Traceback" not in said and "ModuleNotFoundError" not in said, (module, said)
    assert (tmp_path / "d.json").is_file()
