"""A pack signed with a certificate outside its validity dates is not good.

The practice's own key signs a real pack, but its certificate had expired, or
was not yet valid, when the pack was signed. poppler (through NSS) says the
same of the certificate; pyHanko, told to trust the certificate itself, does
not look at a trust anchor's dates, which is why the verifier checks them.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest

from tests.attack_kit import agrees_with_pdfsig, genuine_pack
from wizard.core.bank.model import Bank
from wizard.pack.identity.cert import fingerprint_of, make_self_signed
from wizard.pack.sign import SigningKey
from wizard.pack.verify import verify_file

NOW = dt.datetime.now(dt.UTC)
WINDOWS = {
    "expired": (NOW - dt.timedelta(days=4 * 365), "expired on"),
    "not yet valid": (NOW + dt.timedelta(days=30), "is not valid until"),
}


@pytest.mark.parametrize("case", sorted(WINDOWS))
def test_a_certificate_outside_its_dates(real_banks: list[Bank], case: str, tmp_path: Path) -> None:
    made_at, reason = WINDOWS[case]
    key, cert = make_self_signed("Riverside Surgery", "A12345", made_at)
    signing = SigningKey(key, cert)
    pack = genuine_pack(real_banks, tmp_path, signing)
    verdict = verify_file(pack, [cert], None, real_banks)
    assert not verdict.ok
    problems = " ".join(verdict.problems)
    assert "The signing certificate was not valid when the pack was signed" in problems and reason in problems
    assert agrees_with_pdfsig(pack, verdict.intact and verdict.valid, verdict.whole_file)
    poppler = subprocess.run(["pdfsig", pack], capture_output=True, text=True, timeout=120).stdout
    assert "Certificate Validation: Certificate has Expired" in poppler  # NSS's word for out of date


def test_the_same_pack_by_fingerprint_is_refused_too(real_banks: list[Bank], tmp_path: Path) -> None:
    """Trust by fingerprint skips pyHanko's path checks; the dates are still checked."""
    key, cert = make_self_signed("Riverside Surgery", "A12345", NOW - dt.timedelta(days=4 * 365))
    pack = genuine_pack(real_banks, tmp_path, SigningKey(key, cert))
    verdict = verify_file(pack, [], fingerprint_of(cert), real_banks)
    assert verdict.trusted and not verdict.ok
    assert any("expired on" in p for p in verdict.problems)
