"""Signed packs: any change after signing is caught, by our verifier and by pyHanko's."""

from __future__ import annotations

import io
import random
from pathlib import Path

import pytest
from pyhanko.pdf_utils.generic import NumberObject
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader

from tests.attack_kit import agrees_with_pdfsig, practice_key, verify_command
from wizard.core.bank.model import Bank
from wizard.pack.sign import SigningKey
from wizard.pack.verify import verify_bytes

FLIPS = 200


@pytest.fixture(scope="module")
def signed(demo_pack: tuple[Path, SigningKey]) -> tuple[bytes, SigningKey]:
    """A real pack, built and signed by the program from the demo assessment (conftest), as bytes."""
    return demo_pack[0].read_bytes(), demo_pack[1]


def _signed_range(data: bytes) -> list[tuple[int, int]]:
    sig = PdfFileReader(io.BytesIO(data)).embedded_signatures[0]
    br = [int(x) for x in sig.sig_object["/ByteRange"]]
    return [(br[0], br[0] + br[1]), (br[2], br[2] + br[3])]


def test_the_untouched_pack_is_good(signed: tuple[bytes, SigningKey]) -> None:
    data, key = signed
    verdict = verify_bytes(Path("pack.pdf"), data, [key.certificate], None)
    assert verdict.ok, verdict.problems
    assert verdict.summary["practice"] == "Riverside Surgery"


def test_single_byte_flips_are_all_caught(
    signed: tuple[bytes, SigningKey], real_banks: list[Bank], tmp_path: Path
) -> None:
    """Every flip is refused, and poppler agrees on whether the signature holds and covers the file."""
    data, key = signed
    rng = random.Random(595)
    ranges = _signed_range(data)
    caught = 0
    flipped = tmp_path / "flipped.pdf"
    for _ in range(FLIPS):
        start, end = rng.choice(ranges)
        where = rng.randrange(start, end)
        tampered = bytearray(data)
        tampered[where] ^= 1 << rng.randrange(8)
        verdict = verify_bytes(Path("pack.pdf"), bytes(tampered), [key.certificate], None, real_banks)
        assert not verdict.ok, f"a flip at byte {where} went unnoticed"
        assert verdict.problems
        flipped.write_bytes(tampered)
        assert agrees_with_pdfsig(flipped, verdict.intact and verdict.valid, verdict.whole_file), where
        caught += 1
    assert caught == FLIPS


def test_an_added_revision_that_changes_a_page_is_caught(
    signed: tuple[bytes, SigningKey], tmp_path: Path
) -> None:
    data, key = signed
    writer = IncrementalPdfFileWriter(io.BytesIO(data))
    page = writer.root["/Pages"]["/Kids"][0]
    page["/Rotate"] = NumberObject(90)
    writer.update_container(page)
    changed = io.BytesIO()
    writer.write(changed)
    verdict = verify_bytes(Path("pack.pdf"), changed.getvalue(), [key.certificate], None)
    assert not verdict.ok and verdict.changed_after_signing
    assert "changed after it was signed" in " ".join(verdict.problems)
    assert verdict.summary["practice"] == "Riverside Surgery"  # what was signed, read from the signed bytes
    # the command line says the same, with exit code 1
    pack = tmp_path / "changed.pdf"
    pack.write_bytes(changed.getvalue())
    assert agrees_with_pdfsig(pack, verdict.intact and verdict.valid, verdict.whole_file)
    result = verify_command(pack, key, tmp_path)
    assert result.returncode == 1 and "changed after it was signed" in result.stdout
    assert "Traceback" not in result.stderr


def test_the_wrong_certificate_or_fingerprint_is_not_trusted(signed: tuple[bytes, SigningKey]) -> None:
    data, _ = signed
    other = practice_key()
    assert not verify_bytes(Path("p.pdf"), data, [other.certificate], None).trusted
    good = verify_bytes(Path("p.pdf"), data, [], None)
    assert not good.ok and "not confirmed" in " ".join(good.problems)
    assert verify_bytes(Path("p.pdf"), data, [], good.fingerprint.lower().replace(":", "")).ok
    assert not verify_bytes(Path("p.pdf"), data, [], "00" * 32).ok
