"""Embed the attachments and sign the report, in one incremental revision.

PAdES baseline B-B, a certification signature that allows no further changes,
its visible box on the declaration page. The stamp uses an embedded DejaVu
font rescaled to 1000 units per em (pyHanko writes glyph widths unscaled, so
a 2048-unit font would come out garbled), its Latin cut where that can write
the name (``stamp_font``). The signed file is written atomically and never
rewritten afterwards.
"""

from __future__ import annotations

import datetime as dt
import io
import secrets
from dataclasses import dataclass
from pathlib import Path

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes
from pyhanko.pdf_utils import embed, generic
from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.text import TextBoxStyle
from pyhanko.sign import fields, signers
from pyhanko.stamp import TextStampStyle
from pyhanko_certvalidator.registry import SimpleCertificateStore

from wizard.core.atomic import atomic_write
from wizard.pack.attachments import Attachment
from wizard.pack.stamp_font import stamp_font

FIELD = "PracticeSignature"
STAMP_TEXT = "Digitally signed by\n%(signer)s\n%(ts)s"
STAMP_TIME = "%d/%m/%Y %H:%M:%S %Z"  # ts: digits, '/', ':' and the zone


@dataclass(frozen=True)
class SigningKey:
    """The practice's key and certificate (and any issuing certificates), in memory only."""

    key: PrivateKeyTypes
    certificate: x509.Certificate
    chain: tuple[x509.Certificate, ...] = ()


def new_document_id(ods_code: str, when: dt.datetime) -> str:
    return f"GPCW-{ods_code or 'NOODS'}-{when:%Y%m%d}-{secrets.token_hex(2).upper()}"


def _asn1_cert(cert: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


def _signer(key: SigningKey) -> signers.SimpleSigner:
    der = key.key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    chain = [_asn1_cert(c) for c in key.chain]
    return signers.SimpleSigner(
        signing_cert=_asn1_cert(key.certificate),
        signing_key=asn1_keys.PrivateKeyInfo.load(der),
        cert_registry=SimpleCertificateStore.from_certs(chain),
    )


def _embed(writer: IncrementalPdfFileWriter, files: list[Attachment], when: dt.datetime) -> None:
    params = embed.EmbeddedFileParams(
        embed_size=True, embed_checksum=True, creation_date=when, modification_date=when
    )
    for item in files:
        data = embed.EmbeddedFileObject.from_file_data(
            writer, data=item.data, params=params, mime_type=item.mime_type
        )
        spec = embed.FileSpec(
            file_spec_string=item.name, file_name=item.name, embedded_data=data, description=item.description
        )
        embed.embed_file(writer, spec)
    writer.root["/PageMode"] = generic.NameObject("/UseAttachments")  # open on the attachments panel
    writer.update_root()


def sign_report(
    pdf: bytes,
    files: list[Attachment],
    key: SigningKey,
    signature_page: int,
    signature_box: tuple[float, float, float, float],
    signer_name: str,
    when: dt.datetime,
) -> bytes:
    """The signed PDF bytes: attachments and signature added in one incremental update."""
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    _embed(writer, files, when)
    box = (int(signature_box[0]), int(signature_box[1]), int(signature_box[2]), int(signature_box[3]))
    font = stamp_font(STAMP_TEXT % {"signer": signer_name, "ts": when.strftime(STAMP_TIME)})
    style = TextStampStyle(
        stamp_text=STAMP_TEXT,
        timestamp_format=STAMP_TIME,
        # 9 pt, as the font engine shapes it, on 12 pt lines: an accent no longer touches the line above.
        text_box_style=TextBoxStyle(
            font=GlyphAccumulatorFactory(str(font), font_size=9), font_size=9, leading=12
        ),
        border_width=1,
    )
    meta = signers.PdfSignatureMetadata(
        field_name=FIELD,
        certify=True,
        docmdp_permissions=fields.MDPPerm.NO_CHANGES,
        subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256",
        reason="Data security evidence pack approved by the practice",
        name=signer_name,
        location="England",
    )
    pdf_signer = signers.PdfSigner(
        meta,
        signer=_signer(key),
        stamp_style=style,
        new_field_spec=fields.SigFieldSpec(sig_field_name=FIELD, on_page=signature_page, box=box),
    )
    output = pdf_signer.sign_pdf(writer, in_place=False)
    return output.getvalue()  # type: ignore[no-any-return]


def write_pack(path: Path, data: bytes) -> None:
    """Write the signed pack atomically: a half-written pack is never left behind."""
    atomic_write(path, data)
