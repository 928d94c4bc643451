"""Loops and runaway depth in the file's object graph end in a plain message, never a hang.

Termination is proved by pytest's faulthandler_timeout (set in pyproject.toml),
not by timing: every walk in the verifier counts what it visits.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from tests.attack_kit import (
    agrees_with_pdfsig,
    append_revision,
    last_trailer,
    next_free_id,
    object_text,
    practice_key,
)
from wizard.core.bank.model import Bank
from wizard.core.demo import demo_draft
from wizard.pack.identity.cert import fingerprint_of
from wizard.pack.report.document import build_report
from wizard.pack.report.inputs import PackInputs
from wizard.pack.sign import SigningKey, sign_report
from wizard.pack.verify import verify_file


def _root(data: bytes) -> tuple[int, bytes]:
    number = int(re.findall(rb"/Root (\d+) 0 R", data)[-1])
    return number, object_text(data, number)


def _replace_entry(catalog: bytes, key: bytes, value: bytes) -> bytes:
    """The catalog's text with ``key`` set to ``value`` (any old entry renamed out of the way)."""
    body = catalog.replace(key + b" ", key + b"Old ").replace(key + b"\n", key + b"Old\n")
    end = body.rindex(b">>")
    return body[:end] + key + b" " + value + b"\n" + body[end:]


def _loop(data: bytes, key: bytes, node: bytes) -> dict[int, bytes]:
    """Objects that point the catalog's ``key`` at a node whose /Kids holds itself."""
    root, catalog = _root(data)
    n = next_free_id(data)
    value = b"%d 0 R" % n if key != b"/Names" else b"<< /EmbeddedFiles %d 0 R >>" % n
    if key == b"/AcroForm":
        value = b"<< /Fields [%d 0 R] >>" % n
    return {root: _replace_entry(catalog, key, value), n: node % n}


APPENDED = {
    "attachment-tree": (b"/Names", b"<< /Kids [%d 0 R] >>"),
    "page-tree": (b"/Pages", b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>"),
    "form-fields": (b"/AcroForm", b"<< /FT /Sig /Kids [%d 0 R] >>"),
}


@pytest.mark.parametrize("where", sorted(APPENDED))
def test_a_loop_in_an_appended_revision(
    real_banks: list[Bank], demo_pack: tuple[Path, SigningKey], where: str, tmp_path: Path
) -> None:
    data = demo_pack[0].read_bytes()
    key, node = APPENDED[where]
    attack = tmp_path / f"{where}.pdf"
    attack.write_bytes(append_revision(data, _loop(data, key, node)))
    verdict = verify_file(attack, [demo_pack[1].certificate], None, real_banks)
    assert not verdict.ok and verdict.intact and not verdict.whole_file and verdict.changed_after_signing
    assert verdict.summary["practice"] == "Riverside Surgery"  # read from the signed revision only
    assert agrees_with_pdfsig(attack, verdict.intact and verdict.valid, verdict.whole_file)


def test_a_cross_reference_chain_that_loops(
    real_banks: list[Bank], demo_pack: tuple[Path, SigningKey], tmp_path: Path
) -> None:
    """An appended xref section whose /Prev points at itself."""
    data = demo_pack[0].read_bytes()
    _, keep = last_trailer(data)
    at = len(data)
    looped = (
        data
        + b"xref\n0 0\ntrailer\n<<\n"
        + keep
        + b"/Size %d\n/Prev %d\n>>\nstartxref\n%d\n%%%%EOF\n"
        % (
            next_free_id(data),
            at,
            at,
        )
    )
    attack = tmp_path / "prev-loop.pdf"
    attack.write_bytes(looped)
    verdict = verify_file(attack, [demo_pack[1].certificate], None, real_banks)
    assert not verdict.ok and not verdict.whole_file and verdict.changed_after_signing
    assert agrees_with_pdfsig(attack, verdict.intact and verdict.valid, verdict.whole_file)


def _loop_tree(first: int) -> dict[int, bytes]:
    return {first: b"<< /Kids [%d 0 R] >>" % (first + 1), first + 1: b"<< /Kids [%d 0 R] >>" % first}


def _deep_tree(first: int) -> dict[int, bytes]:
    deep = {first + i: b"<< /Kids [%d 0 R] >>" % (first + i + 1) for i in range(2000)}
    return deep | {first + 2000: b"<< /Names [] >>"}


def _wide_tree(first: int) -> dict[int, bytes]:
    kids = b" ".join(b"%d 0 R" % (first + 1 + i) for i in range(6000))
    return {first: b"<< /Kids [" + kids + b"] >>"} | {first + 1 + i: b"<< /Names [] >>" for i in range(6000)}


TREES = {
    "loop": (_loop_tree, "loops back on itself"),
    "deep": (_deep_tree, "far larger or deeper than a pack's"),
    "wide": (_wide_tree, "far larger or deeper than a pack's"),
}


def _signed_with_tree(banks: list[Bank], key: SigningKey, shape: str, folder: Path) -> Path:
    """A report whose own (signed) revision holds a name tree of ``shape``, signed by ``key``."""
    draft = demo_draft(banks, dt.date.today())
    created = dt.datetime.now(dt.UTC).replace(microsecond=0)
    fingerprint = fingerprint_of(key.certificate)
    inputs = PackInputs(
        banks, draft, folder / "d.json", "GPCW-A12345-20261201-0000", created, "", fingerprint
    )
    report = build_report(inputs)
    root, catalog = _root(report.pdf)
    first = next_free_id(report.pdf)
    names = _replace_entry(catalog, b"/Names", b"<< /EmbeddedFiles %d 0 R >>" % first)
    base = append_revision(report.pdf, {root: names, **TREES[shape][0](first)})
    signed = sign_report(
        base, [], key, report.signature_page, report.signature_box, draft.practice.name, created
    )
    out = folder / f"signed-{shape}.pdf"
    out.write_bytes(signed)
    return out


@pytest.mark.parametrize("shape", sorted(TREES))
def test_a_signed_attachment_tree_that_loops_or_runs_away(
    real_banks: list[Bank], shape: str, tmp_path: Path
) -> None:
    """The practice's own key signed it: the signature is fine, the pack is not, and nothing hangs."""
    key = practice_key()
    attack = _signed_with_tree(real_banks, key, shape, tmp_path)
    verdict = verify_file(attack, [key.certificate], None, real_banks)
    assert verdict.intact and verdict.valid and verdict.whole_file and not verdict.ok
    assert any(TREES[shape][1] in p for p in verdict.problems), verdict.problems
    assert agrees_with_pdfsig(attack, True, True)
