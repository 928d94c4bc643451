"""Building attacks on a signed pack byte by byte, and asking poppler's pdfsig about them.

A forger holds a genuine pack but not the key. Everything here writes PDF
syntax by hand (an appended revision is objects, an xref table and a trailer),
so a test shows exactly which bytes the verifier has to refuse. pyHanko's
reader is used only to find where things are in the genuine file.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.reader import PdfFileReader

from tests.cli_run import Ran, run_cli
from wizard.core.bank.model import Bank
from wizard.core.demo import demo_draft
from wizard.core.draft.model import Draft, draft_to_bytes
from wizard.core.draft.store import save_draft
from wizard.pack.attachments import Attachment, attachments, pack_summary
from wizard.pack.build import build_pack
from wizard.pack.identity.cert import fingerprint_of, make_self_signed
from wizard.pack.report.document import build_report
from wizard.pack.report.inputs import BuiltReport, PackInputs
from wizard.pack.sign import SigningKey, new_document_id, sign_report


def practice_key(ods: str = "A12345", name: str = "Riverside Surgery") -> SigningKey:
    """A fresh self-signed key for a practice, as ``identity create`` makes it."""
    key, cert = make_self_signed(name, ods)
    return SigningKey(key, cert)


def genuine_pack(banks: list[Bank], folder: Path, key: SigningKey, draft: Draft | None = None) -> Path:
    """A pack built and signed by the program itself from the demo assessment (or ``draft``)."""
    folder.mkdir(parents=True, exist_ok=True)
    draft = draft or demo_draft(banks, dt.date.today())
    path = folder / "riverside.json"
    save_draft(path, draft)
    return build_pack(banks, draft, path, key, folder / "pack.pdf").path


@dataclass
class HandMade:
    """What a practice holding its own key could change in a pack the program would build."""

    summary: Callable[[dict[str, Any]], None] = lambda _summary: None
    files: Callable[[list[Attachment]], list[Attachment]] = lambda files: files
    report_draft: Draft | None = None  # the report drawn from other answers
    when: dt.datetime | None = None


_FIRST_MADE: dict[
    tuple[str, str], dt.datetime
] = {}  # (certificate, practice) -> when its first pack was made
_REPORTS: dict[tuple[Any, ...], BuiltReport] = {}


def _made_at(fingerprint: str, ods: str) -> tuple[dt.datetime, str]:
    """When, and under which document ID, this key's hand-made packs for the practice are made.

    The same for every pack of one test process, so that packs differing only
    in their summary or attachments can share one report (below).
    """
    created = _FIRST_MADE.setdefault((fingerprint, ods), dt.datetime.now(dt.UTC).replace(microsecond=0))
    short = fingerprint.replace(":", "")[:4].upper()
    return created, f"GPCW-{ods or 'NOODS'}-{created:%Y%m%d}-{short}"


def _report(inputs: PackInputs) -> BuiltReport:
    """The report pages are drawn from the draft, key and time alone: made once for each of those."""
    key = (
        tuple(bank.sha256 for bank in inputs.banks),
        draft_to_bytes(inputs.draft),
        inputs.document_id,
        inputs.created_at,
        inputs.signer_subject,
        inputs.certificate_fingerprint,
    )
    if key not in _REPORTS:
        _REPORTS[key] = build_report(inputs)
    return _REPORTS[key]


def hand_made_pack(banks: list[Bank], folder: Path, key: SigningKey, draft: Draft, change: HandMade) -> Path:
    """A pack made from the program's own building blocks (as ``build_pack`` does), with ``change``."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "riverside.json"
    save_draft(path, draft)
    fingerprint = fingerprint_of(key.certificate)
    if change.when is None:
        created, document_id = _made_at(fingerprint, draft.practice.ods_code)
    else:
        created, document_id = change.when, new_document_id(draft.practice.ods_code, change.when)
    summary = pack_summary(banks, draft, document_id, fingerprint)
    change.summary(summary)
    files = change.files(attachments(banks, draft, path, summary))
    report = _report(
        PackInputs(
            banks=banks,
            draft=change.report_draft or draft,
            draft_path=path,
            document_id=document_id,
            created_at=created,
            signer_subject=key.certificate.subject.rfc4514_string(),
            certificate_fingerprint=fingerprint,
        )
    )
    signed = sign_report(
        report.pdf, files, key, report.signature_page, report.signature_box, draft.practice.name, created
    )
    out = folder / "pack.pdf"
    out.write_bytes(signed)
    return out


@dataclass(frozen=True)
class Signed:
    """Where the signature sits in a genuine pack."""

    data: bytes
    byte_range: tuple[int, int, int, int]
    sig_id: int  # object number of the signature dictionary
    der: bytes  # /Contents as signed, padding included

    @property
    def gap(self) -> tuple[int, int]:
        return self.byte_range[1], self.byte_range[2]


def signed_parts(data: bytes) -> Signed:
    reader = PdfFileReader(io.BytesIO(data), strict=False)
    signature = reader.embedded_signatures[0]
    ref = signature.sig_field.raw_get("/V")
    a, b, c, d = (int(x) for x in signature.sig_object.raw_get("/ByteRange"))
    return Signed(data, (a, b, c, d), ref.idnum, signature.pkcs7_content)


def last_trailer(data: bytes) -> tuple[int, bytes]:
    """The last startxref offset and the text of the /Root, /Info and /ID entries to carry over."""
    startxref = int(re.findall(rb"startxref\s+(\d+)", data)[-1])
    trailer = data[data.rindex(b"trailer") :]
    keep = b"".join(
        m.group(0) + b"\n" for m in re.finditer(rb"/(?:Root|Info) \d+ \d+ R|/ID \[[^\]]*\]", trailer)
    )
    return startxref, keep


def next_free_id(data: bytes) -> int:
    return max(int(n) for n in re.findall(rb"/Size (\d+)", data))


def literal(raw: bytes) -> bytes:
    """A PDF literal string holding exactly ``raw`` (no end-of-line rewriting)."""
    out = raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
    return b"(" + out.replace(b"\r", b"\\r").replace(b"\n", b"\\n") + b")"


def stream_object(payload: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(payload), extra) + payload + b"\nendstream"


def append_revision(data: bytes, objects: dict[int, bytes], pad: int = 0) -> bytes:
    """``data`` plus one incremental update that (re)defines ``objects`` (number -> body)."""
    prev, keep = last_trailer(data)
    out = bytearray(data if data.endswith(b"\n") else data + b"\n")
    offsets: dict[int, int] = {}
    for number, body in sorted(objects.items()):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    out += b" " * pad
    xref_at = len(out)
    out += b"xref\n"
    for number, offset in sorted(offsets.items()):
        out += b"%d 1\n%010d 00000 n \n" % (number, offset)
    size = max(next_free_id(data), max(objects) + 1)
    out += b"trailer\n<<\n" + keep + b"/Size %d\n/Prev %d\n>>\n" % (size, prev)
    out += b"startxref\n%d\n%%%%EOF\n" % xref_at
    return bytes(out)


def object_text(data: bytes, number: int) -> bytes:
    """The body of the last definition of object ``number`` (between 'obj' and 'endobj')."""
    start = [m.end() for m in re.finditer(rb"(?<![0-9])%d 0 obj\s" % number, data)][-1]
    return data[start : data.index(b"endobj", start)].rstrip()


def resend_signature(signed: Signed, contents: bytes) -> bytes:
    """The signature dictionary's text with its hex /Contents replaced by ``contents`` (a PDF string)."""
    body = object_text(signed.data, signed.sig_id)
    hex_at = body.index(b"/Contents") + len(b"/Contents ")
    end = body.index(b">", hex_at) + 1
    return body[:hex_at] + contents + body[end:]


def embedded_stream_id(data: bytes, name: str) -> int:
    """Object number of an attachment's embedded file stream, found through the name tree."""
    reader = PdfFileReader(io.BytesIO(data), strict=False)
    names = reader.root["/Names"]["/EmbeddedFiles"]["/Names"]
    for i in range(0, len(names), 2):
        if str(names[i]) == name:
            spec = names[i + 1]
            ref = spec.get_object()["/EF"].raw_get("/F")
            assert isinstance(ref, generic.IndirectObject)
            return int(ref.idnum)
    raise KeyError(name)


def pdfsig(path: Path) -> tuple[bool, bool]:
    """poppler's opinion: (signature valid, whole document signed). Both False if it cannot tell."""
    result = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True, timeout=120)
    text = result.stdout
    valid = "Signature Validation: Signature is Valid" in text
    whole = "Total document signed" in text and "Not total document signed" not in text
    return valid, whole


def _der_length(der: bytes) -> int:
    """Length of the DER SEQUENCE at the start of ``der`` (the rest is zero padding)."""
    first = der[1]
    if first < 0x80:
        return 2 + first
    count = first & 0x7F
    return 2 + count + int.from_bytes(der[2 : 2 + count], "big")


def forge_with_resent_signature(signed: Signed, objects: dict[int, bytes]) -> bytes:
    """Append ``objects`` and the signature dictionary again, its /Contents a longer literal string.

    pyHanko counts the file as wholly signed when its length is the two signed
    ranges plus twice the /Contents length plus two; padding the literal string
    with zero bytes makes that sum come out right for the longer file.
    """
    der = signed.der[: _der_length(signed.der)]
    extra = 0
    while True:
        contents = der + b"\0" * (len(signed.der) - len(der) + extra)
        revision = {**objects, signed.sig_id: resend_signature(signed, literal(contents))}
        grown = len(append_revision(signed.data, revision)) - len(signed.data)
        pad = 2 * (len(contents) - len(signed.der)) - grown
        if pad >= 0:
            return append_revision(signed.data, revision, pad)
        extra += -pad // 2 + 1


def forge_in_the_gap(signed: Signed, objects: dict[int, bytes]) -> bytes:
    """Rewrite the signed hex /Contents in place as a literal string and append ``objects``.

    The literal string is shorter than the hex it replaces (spaces fill the
    rest of the gap) and holds enough zero padding that pyHanko's size sum
    matches the file with the appended revision.
    """
    a, b = signed.gap
    der = signed.der[: _der_length(signed.der)]
    grown = len(append_revision(signed.data, objects)) - len(signed.data)
    contents = der + b"\0" * (grown // 2 + 1)
    pad = 2 * (len(contents) - len(signed.der)) - grown
    if pad < 0:  # the padded literal would be longer than the signed one: pad with the original length
        contents = der + b"\0" * (len(signed.der) - len(der) + (-pad + 1) // 2)
        pad = 2 * (len(contents) - len(signed.der)) - grown
    token = literal(contents)
    if len(token) > b - a:
        raise ValueError("the appended revision is too large for the signature gap")
    data = signed.data[:a] + token + b" " * (b - a - len(token)) + signed.data[b:]
    return append_revision(data, objects, pad)


def forged_summary(data: bytes, summary: bytes) -> dict[int, bytes]:
    """The revision objects that replace the pack's summary.json with ``summary``."""
    number = embedded_stream_id(data, "summary.json")
    return {number: stream_object(summary, b"/Type /EmbeddedFile /Subtype /application#2Fjson ")}


def agrees_with_pdfsig(path: Path, intact_and_valid: bool, whole_file: bool) -> bool:
    """Does poppler say the same about the signature itself: valid or not, and, when valid, covering every byte?

    Poppler's coverage line is only an opinion about a signature it could read:
    with a damaged signature dictionary (a flipped byte in its object header or
    the start of /Contents) it prints "not signed" or "Not total document signed"
    although the byte ranges still span the file. Both tools refuse such a pack.
    """
    valid, whole = pdfsig(path)
    return valid == intact_and_valid and (not valid or whole == whole_file)


def verify_command(pack: Path, key: SigningKey, folder: Path) -> Ran:
    """``python -m wizard verify PACK --trust CERT``, as a commissioner runs it."""
    cert = folder / "practice.pem"
    cert.write_bytes(key.certificate.public_bytes(serialization.Encoding.PEM))
    return run_cli("verify", pack, "--trust", cert)
