"""The technical details at the end of the pack: what a reviewer's tools check, not what they read first.

The certificate's fingerprint (to compare with the one the practice gave
separately) and the SHA-256 of each question bank the answers were given
against. The verifier reads this page back and compares it with the pack's
summary, so it is always the report's last page.
"""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import cm  # type: ignore[import-untyped, unused-ignore]
from reportlab.pdfbase.pdfmetrics import stringWidth  # type: ignore[import-untyped, unused-ignore]
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table  # type: ignore[import-untyped, unused-ignore]

from wizard import APP_NAME, __version__
from wizard.core.bank.model import Bank
from wizard.pack.report.inputs import PackInputs
from wizard.pack.report.paragraphs import Paragraph
from wizard.pack.report.styles import FONT, NHS_BLUE, PALE, para, rich, styles, table_style, when

TECHNICAL_HEADING = "Technical details"
CONTENT_WIDTH = 17 * cm


def _fingerprint(fingerprint: str, width: float) -> Paragraph:
    """The full fingerprint on one line if it fits at a readable size, else wrapped at a colon."""
    text = fingerprint.upper()
    for size in (9.0, 8.5, 8.0, 7.5, 7.0):
        if stringWidth(text, FONT, size) <= width:
            return rich(f'<font size="{size}">{escape(text)}</font>', "value")
    pairs = text.split(":")
    half = len(pairs) // 2
    return rich(escape(":".join(pairs[:half])) + ":<br/>" + escape(":".join(pairs[half:])), "value")


def certificate_box(inputs: PackInputs) -> Table:
    """Whose certificate signed the pack, its fingerprint, and how the ICB tells it was really theirs."""
    body: list[list[Any]] = [
        [para("Signed with the certificate of", "label")],
        [para(inputs.signer_subject or "Not recorded", "value")],
        [para("Certificate SHA-256 fingerprint", "label")],
        [_fingerprint(inputs.certificate_fingerprint, CONTENT_WIDTH - 0.8 * cm)],
        [
            para(
                "Compare this fingerprint with the one the practice gave you separately (for example by "
                "email or on the phone). If they match, the pack was signed with the practice's own "
                "certificate and has not been changed since; if they differ, do not rely on it and contact "
                "the practice.",
                "notice",
            )
        ],
    ]
    extra = [
        ("BACKGROUND", (0, 0), (-1, -1), PALE),
        ("LINEBEFORE", (0, 0), (0, -1), 4, NHS_BLUE),
        ("LINEBELOW", (0, 0), (-1, -1), 0, PALE),
        ("LEFTPADDING", (0, 0), (-1, -1), 10),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    return Table(body, colWidths=[CONTENT_WIDTH], style=table_style(header=False, extra=extra), splitInRow=1)


def bank_hashes(banks: list[Bank]) -> Table:
    """Each question bank: its file and its SHA-256 in full."""
    rows: list[list[Any]] = [[para("Question bank", "cell_head"), para("SHA-256", "cell_head")]]
    for bank in banks:
        framework = bank.framework
        rows.append(
            [
                para(f"{framework.name} {framework.version}", "cell_bold"),
                para(f"{bank.path.name}\n{bank.sha256}", "cell_small"),
            ]
        )
    return Table(rows, colWidths=[7 * cm, 10 * cm], style=table_style(), splitInRow=1)


def technical(inputs: PackInputs, banks: list[Bank]) -> list[Flowable]:
    """The appendix, kept on one page (the verifier reads the last page)."""
    s = styles()
    return [
        KeepTogether(
            [
                Paragraph(TECHNICAL_HEADING, s["h1"]),
                para(
                    "For the ICB's reviewer and their tools. The verify command checks these against the "
                    "signed pack; a PDF reader shows the same certificate in its signature panel.",
                    "lead",
                ),
                Paragraph("Who signed this pack", s["h2"]),
                certificate_box(inputs),
                Paragraph("Question banks the answers were given against", s["h2"]),
                bank_hashes(banks),
                Spacer(1, 8),
                para(
                    f"Document ID {inputs.document_id}  ·  created {when(inputs.created_at)}  ·  "
                    f"prepared with {APP_NAME} {__version__}",
                    "small",
                ),
            ]
        )
    ]
