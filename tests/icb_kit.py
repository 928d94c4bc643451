"""An ICB's estate for the tests: forty practices' packs, built and signed by the program itself.

Thirty practices sign with self-signed certificates the ICB files in its
trust folder; ten with certificates the ICB issued. Every third practice has
not taken on Cyber Essentials. Mixed in, as an ICB
would meet them: a pack signed by another practice, a certificate that
changed, a revoked practice, a duplicate, a tampered pack and a missing
practice. Identities are made in memory (no PKCS#12 file, whose key
derivation is deliberately slow); packs come from ``build_pack``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from wizard.core.bank.model import Bank
from wizard.core.demo import demo_draft
from wizard.core.draft.answers import clear_answer, set_answer
from wizard.core.draft.model import Draft
from wizard.core.draft.store import save_draft
from wizard.icb.issuer import IcbIdentity, issue_certificate, make_icb
from wizard.icb.revocation import Revoked, build_crl
from wizard.icb.trust_store import add_to_trust
from wizard.pack.build import build_pack
from wizard.pack.identity.cert import make_self_signed
from wizard.pack.identity.request import make_request
from wizard.pack.identity.store import Identity
from wizard.pack.sign import SigningKey

PRACTICES = 40
SELF_SIGNED = 30  # P10001..P10030 self-signed; P10031..P10040 issued by the ICB
IMPOSTOR = "P10007"  # its pack is signed with P10008's key
IMPOSTOR_KEY = "P10008"
CHANGED = "P10010"  # signs with a new key; the trust folder has the old certificate
DUPLICATE = "P10012"  # sent two good packs, two days apart
TAMPERED = "P10015"  # a byte of its pack changed after signing
REVOKED = "P10033"  # ICB-issued, then revoked
MISSING = "P10040"  # expected, sent nothing
ICB_NAME = "NHS Test ICB"


def ods(number: int) -> str:
    return f"P1{number:04d}"


def number_of(code: str) -> int:
    """The practice's number in the estate: ``ods`` the other way."""
    return int(code[2:])


def name(code: str) -> str:
    return f"Practice {code[-2:]} Surgery"


@dataclass(frozen=True)
class Estate:
    folder: Path  # the packs, as the ICB received them
    trust: Path  # the ICB's trust folder
    expect: Path  # the expected practices, one ODS code a line
    icb_cert: Path
    files: dict[str, str]  # ODS -> file name of its (newest) pack

    @classmethod
    def at(cls, root: Path) -> Estate:
        """Where ``build_estate(banks, root)`` puts each thing."""
        codes = [ods(n) for n in range(1, PRACTICES + 1) if ods(n) != MISSING]
        files = {code: f"{code.lower()}.pdf" for code in codes}
        return cls(root / "received", root / "trust", root / "expected.txt", root / "icb.pem", files)


def takes_ce(number: int) -> bool:
    """Every third practice has not taken on Cyber Essentials: its pack holds the DSPT and good practice."""
    return number % 3 != 0


def draft_for(banks: list[Bank], code: str, number: int, today: dt.date) -> Draft:
    """A demo assessment for the practice, its answers varied so the estate shows every status."""
    if not takes_ce(number):
        banks = [bank for bank in banks if bank.framework.scoring != "cyber_essentials"]
    draft = demo_draft(banks, today, gaps=number % 4 != 0)
    draft.practice = draft.practice.model_copy(update={"name": name(code), "ods_code": code})
    for bank in banks:
        for item in bank.items():
            if number % 4 == 2 and item.ref in ("1.1.1", "4.2.1", "9.1.1") and item.type == "yes_no":
                set_answer(draft, item, "no")
            if number % 4 == 3 and bank.framework.scoring == "dspt" and item.ref.startswith("10."):
                clear_answer(draft, item)
    return draft


def _issued(icb: IcbIdentity, code: str) -> SigningKey:
    """A practice key and the certificate the ICB issued for its request (as icb issue does)."""
    key = ec.generate_private_key(ec.SECP256R1())
    _, named = make_self_signed(name(code), code)  # only its subject goes into the request
    request = x509.load_pem_x509_csr(make_request(Identity(key, named)))
    return SigningKey(key, issue_certificate(icb, request), (icb.certificate,))


def build_estate(banks: list[Bank], root: Path) -> Estate:
    today = dt.date.today()
    icb = make_icb(ICB_NAME)
    estate = Estate.at(root)
    keys: dict[str, SigningKey] = {}
    root.mkdir(parents=True, exist_ok=True)
    estate.icb_cert.write_bytes(icb.certificate.public_bytes(serialization.Encoding.PEM))
    drafts, certs = root / "drafts", root / "certs"
    for folder in (estate.folder, drafts, certs):
        folder.mkdir(parents=True)
    for number in range(1, PRACTICES + 1):
        code = ods(number)
        if number <= SELF_SIGNED:
            key, cert = make_self_signed(name(code), code)
            keys[code] = SigningKey(key, cert)
            (certs / f"{code}.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
        else:
            keys[code] = _issued(icb, code)
    add_to_trust(estate.trust, [certs])
    add_to_trust(estate.trust, [estate.icb_cert], issuer=True)
    keys[CHANGED] = SigningKey(*make_self_signed(name(CHANGED), CHANGED))  # the new key, not on file
    revoked = keys[REVOKED].certificate
    now = dt.datetime.now(dt.UTC)
    crl = build_crl(icb.key, icb.certificate, [Revoked(revoked.serial_number, now)], 1, now)
    (root / "revoked.crl").write_bytes(crl.public_bytes(serialization.Encoding.DER))
    add_to_trust(estate.trust, [root / "revoked.crl"])
    estate.expect.write_text(
        "# practices of the test ICB\n"
        + "".join(f"{ods(n)}, {name(ods(n))}\n" for n in range(1, PRACTICES + 1)),
        encoding="utf-8",
    )
    for number in range(1, PRACTICES + 1):
        code = ods(number)
        if code == MISSING:
            continue
        draft = draft_for(banks, code, number, today)
        path = drafts / f"{code}.json"
        save_draft(path, draft)
        signer = keys[IMPOSTOR_KEY if code == IMPOSTOR else code]
        if code == DUPLICATE:  # signed first, so the other one is the newest
            build_pack(banks, draft, path, signer, estate.folder / f"{code.lower()}-first-try.pdf")
        out = estate.folder / estate.files[code]
        build_pack(banks, draft, path, signer, out)
        if code == TAMPERED:
            data = bytearray(out.read_bytes())
            at = data.index(b"/Producer")  # inside the signed bytes: the report's own metadata
            data[at + 1] ^= 0x20
            out.write_bytes(bytes(data))
    return estate
