"""A forgery needs no key: append a revision, re-encode /Contents so the sizes add up.

pyHanko's own "entire file" test counts the file's length against the two
signed ranges and the /Contents string; a forger can pad a literal-string
/Contents (in the gap, or in a re-sent signature dictionary) until that sum
matches a file with a forged summary.json appended. Each test first shows
pyHanko alone is fooled, so the attack is real, then that ``verify`` is not,
and that it agrees with poppler's pdfsig.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from tests.attack_kit import (
    Signed,
    agrees_with_pdfsig,
    forge_in_the_gap,
    forge_with_resent_signature,
    forged_summary,
    signed_parts,
    verify_command,
)
from wizard.core.bank.model import Bank
from wizard.pack.attachments import SUMMARY
from wizard.pack.pack_files import read_pack_files
from wizard.pack.sign import SigningKey
from wizard.pack.verify import verify_file

FORGED = json.dumps(
    {"practice": "Forged Surgery", "ods_code": "A12345", "dspt": [{"status": "Standards Met"}]}
)
Forge = Callable[[Signed, dict[int, bytes]], bytes]
FORGERIES: list[Forge] = [forge_with_resent_signature, forge_in_the_gap]


def _forge(genuine: tuple[Path, SigningKey], forge: Forge, folder: Path) -> Path:
    data = genuine[0].read_bytes()
    forged = folder / f"{forge.__name__}.pdf"
    forged.write_bytes(forge(signed_parts(data), forged_summary(data, FORGED.encode())))
    return forged


@pytest.mark.parametrize("forge", FORGERIES, ids=lambda f: f.__name__)
def test_pyhanko_alone_is_fooled(demo_pack: tuple[Path, SigningKey], forge: Forge, tmp_path: Path) -> None:
    """The premise: without the byte-level check the forgery passes as a whole, intact file."""
    forged = _forge(demo_pack, forge, tmp_path)
    reader = PdfFileReader(io.BytesIO(forged.read_bytes()), strict=False)
    offline = ValidationContext(trust_roots=[], allow_fetching=False)
    status = validate_pdf_signature(reader.embedded_signatures[0], offline, skip_diff=True)
    assert status.intact and status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    latest = read_pack_files(reader, reader.xrefs.total_revisions - 1).data(SUMMARY)
    assert latest is not None and b"Forged Surgery" in latest  # what a naive reader shows


@pytest.mark.parametrize("forge", FORGERIES, ids=lambda f: f.__name__)
def test_verify_refuses_the_forgery_and_reads_only_what_was_signed(
    real_banks: list[Bank], demo_pack: tuple[Path, SigningKey], forge: Forge, tmp_path: Path
) -> None:
    forged = _forge(demo_pack, forge, tmp_path)
    key = demo_pack[1]
    verdict = verify_file(forged, [key.certificate], None, real_banks)
    assert not verdict.ok and verdict.intact and not verdict.whole_file and verdict.changed_after_signing
    assert "bytes were added after the part of the file that was signed" in " ".join(verdict.problems)
    assert verdict.summary["practice"] == "Riverside Surgery"  # the signed summary, never the forged one
    assert agrees_with_pdfsig(forged, verdict.intact and verdict.valid, verdict.whole_file)


@pytest.mark.parametrize("forge", FORGERIES, ids=lambda f: f.__name__)
def test_the_command_says_not_good(demo_pack: tuple[Path, SigningKey], forge: Forge, tmp_path: Path) -> None:
    result = verify_command(_forge(demo_pack, forge, tmp_path), demo_pack[1], tmp_path)
    assert result.returncode == 1 and result.stdout.startswith("signature not good")
    assert "Forged Surgery" not in result.stdout and "Traceback" not in result.stderr


def test_the_genuine_pack_is_good_and_pdfsig_agrees(
    real_banks: list[Bank], demo_pack: tuple[Path, SigningKey]
) -> None:
    """Guards against a check that refuses everything."""
    path, key = demo_pack
    verdict = verify_file(path, [key.certificate], None, real_banks)
    assert verdict.ok, verdict.problems
    assert agrees_with_pdfsig(path, True, True)
