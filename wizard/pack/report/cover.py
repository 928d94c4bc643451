"""The cover and the declaration: who the pack is from, its result, who signs it.

The cover states the result in words; the declaration carries the named roles
and what the signer confirmed. Hashes and fingerprints are in the technical
details (``report_technical``).
"""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import cm  # type: ignore[import-untyped, unused-ignore]
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table  # type: ignore[import-untyped, unused-ignore]

from wizard import APP_NAME, __version__
from wizard.core.bank.model import Bank
from wizard.core.describe import plural
from wizard.core.draft.model import SignOff
from wizard.core.practice import Practice
from wizard.core.scoring import ESTIMATE_WORDS
from wizard.pack.content import PackContent
from wizard.pack.report.inputs import PackInputs
from wizard.pack.report.paragraphs import Paragraph
from wizard.pack.report.styles import (
    GREY,
    day,
    long_day,
    para,
    status_para,
    styles,
    table_style,
    tint_cell,
    when,
)

CONTENT_WIDTH = 17 * cm
SIGNATURE_WIDTH = 8 * cm
SIGNATURE_HEIGHT = 3 * cm


def role_rows(practice: Practice) -> list[tuple[str, str]]:
    """The people the ICB may need to contact, in the order the toolkit names them."""
    return [
        ("Senior Information Risk Owner (SIRO)", practice.siro),
        ("Caldicott Guardian", practice.caldicott_guardian),
        ("Data Protection Officer (DPO)", practice.dpo),
        ("Information governance (IG) lead", practice.ig_lead),
        ("IT provider", practice.it_provider),
    ]


def roles_table(practice: Practice) -> Table:
    """Role | name; an empty role says so rather than leaving a blank the reader must interpret."""
    rows: list[list[Any]] = [[para("Role", "cell_head"), para("Name", "cell_head")]]
    for role, name in role_rows(practice):
        rows.append([para(role, "cell_bold"), para(name or "Not recorded")])
    return Table(rows, colWidths=[7 * cm, 10 * cm], style=table_style(), repeatRows=1, splitInRow=1)


def _facts_table(rows: list[tuple[str, str]]) -> Table:
    """Label | value pairs without a header: the cover's at-a-glance facts."""
    data = [[para(label, "label"), para(value, "value")] for label, value in rows]
    return Table(data, colWidths=[4 * cm, 13 * cm], style=table_style(header=False), splitInRow=1)


def frameworks_table(banks: list[Bank]) -> Table:
    """Each included framework and its version (the banks' hashes are in the technical details)."""
    rows: list[list[Any]] = [[para("Framework", "cell_head"), para("Version", "cell_head")]]
    for bank in banks:
        framework = bank.framework
        version = framework.version + (f" ({framework.edition})" if framework.edition else "")
        rows.append([para(framework.name, "cell_bold"), para(version)])
    return Table(rows, colWidths=[11 * cm, 6 * cm], style=table_style(), splitInRow=1)


def signed_by(sign_off: SignOff | None) -> str:
    if sign_off is None or not sign_off.name.strip():
        return "Not recorded"
    return (
        f"{sign_off.name.strip()}, {sign_off.role.strip()}"
        if sign_off.role.strip()
        else sign_off.name.strip()
    )


def result_rows(content: PackContent, sign_off: SignOff | None) -> list[tuple[str, str]]:
    """The result in words, first thing on the cover: what the reviewer came to find out."""
    assessment = content.assessment
    rows: list[tuple[str, str]] = [
        (f"{d.bank.framework.short_name} {d.bank.framework.version}", d.overall) for d in assessment.dspt
    ]
    rows += [(f"{c.bank.framework.short_name} {c.bank.framework.version}", c.verdict) for c in assessment.ce]
    rows.append(
        (
            "Answered",
            f"{assessment.answered} of {assessment.total} questions ({assessment.percent_complete}%)",
        )
    )
    rows.append(("Signed by", signed_by(sign_off)))
    return rows


def result_table(content: PackContent, sign_off: SignOff | None) -> Table:
    rows = result_rows(content, sign_off)
    data = [[para(label, "label"), status_para(value, value)] for label, value in rows]
    extra = [tint_cell(1, row, value) for row, (_, value) in enumerate(rows)]
    return Table(
        data, colWidths=[4 * cm, 13 * cm], style=table_style(header=False, extra=extra), splitInRow=1
    )


def incomplete_banner(content: PackContent) -> list[Flowable]:
    done = content.completeness
    if done.complete:
        return []
    words = (
        f"INCOMPLETE: {plural(done.mandatory_missing, 'mandatory question is', 'mandatory questions are')} "
        "not answered yet. The results below count them as not met."
    )
    extra = [tint_cell(0, 0, "Standards Not Met"), ("LINEBELOW", (0, 0), (-1, -1), 0, None)]
    return [
        Table(
            [[status_para("Standards Not Met", words, "h3")]],
            colWidths=[CONTENT_WIDTH],
            style=table_style(header=False, extra=extra),
        ),
        Spacer(1, 4),
    ]


def cover(inputs: PackInputs, content: PackContent) -> list[Flowable]:
    """The cover's flowables (the blue title band is drawn by the page template)."""
    practice = inputs.draft.practice
    s = styles()
    where = "  ·  ".join(
        p for p in (f"ODS code {practice.ods_code}" if practice.ods_code else "", practice.address) if p
    )
    return [
        Paragraph(escape(practice.name or "Practice name not recorded"), s["practice"]),
        para(where, "lead"),
        Spacer(1, 4),
        *incomplete_banner(content),
        Paragraph(f"Result ({ESTIMATE_WORDS}, as at {long_day(inputs.draft.as_at)})", s["h2"]),
        result_table(content, inputs.draft.sign_off),
        Spacer(1, 4),
        _facts_table(
            [
                ("Period", inputs.period),
                ("Document ID", inputs.document_id),
                ("Created", when(inputs.created_at)),
                ("Prepared with", f"{APP_NAME} {__version__}"),
            ]
        ),
        Paragraph("Frameworks included", s["h2"]),
        frameworks_table(content.banks),
        Spacer(1, 6),
        para(
            f"Signed with the certificate of {inputs.signer_subject or 'an unnamed holder'}. Its fingerprint, "
            "to compare with the one the practice gave you, is in the technical details at the end of the pack.",
            "body",
        ),
    ]


class SignatureBox(Flowable):  # type: ignore[misc]
    """An empty framed area for the signer's visible stamp; remembers where it landed.

    The signing code places the stamp by coordinates, so the box records its
    absolute position on the page while it is drawn.
    """

    def __init__(self, width: float = SIGNATURE_WIDTH, height: float = SIGNATURE_HEIGHT) -> None:
        super().__init__()
        self.width = width
        self.height = height
        self.page = -1
        self.box: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        """Fixed size: the stamp needs this much room whatever the page holds."""
        return self.width, self.height

    def draw(self) -> None:
        """A thin grey frame, nothing inside; record its page-absolute corners."""
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(GREY)
        canvas.setLineWidth(0.6)
        canvas.rect(0, 0, self.width, self.height, stroke=1, fill=0)
        canvas.restoreState()
        x1, y1 = canvas.absolutePosition(0, 0)
        x2, y2 = canvas.absolutePosition(self.width, self.height)
        self.box = (float(x1), float(y1), float(x2), float(y2))
        self.page = canvas.getPageNumber() - 1


def declaration_text(inputs: PackInputs, content: PackContent) -> list[str]:
    """The declaration, built only from what was collected: who signed, what they confirmed, what is missing."""
    practice = inputs.draft.practice
    name = practice.name or "the practice"
    ods = f" (ODS code {practice.ods_code})" if practice.ods_code else ""
    sign_off = inputs.draft.sign_off
    done = content.completeness
    lines = [
        f"{signed_by(sign_off)} signed this pack for {name}{ods} on {day(inputs.created_at.date())}"
        + (
            " and confirmed that they had reviewed the answers in it."
            if sign_off and sign_off.reviewed
            else "."
        )
    ]
    if done.complete:
        lines.append("Every mandatory question is answered.")
    else:
        missing = plural(done.mandatory_missing, "mandatory question is", "mandatory questions are")
        lines.append(f"The pack is INCOMPLETE: {missing} not answered; the results count them as not met.")
    lines += [line for line in done.lines() if not line.startswith("Every question")]
    if done.by_provider:
        lines.append(
            f"{plural(done.by_provider, 'answer was', 'answers were')} given by the practice's IT provider; "
            "each says who gave it and when."
        )
    lines.append(f"The statuses and the Cyber Essentials result are {ESTIMATE_WORDS}.")
    if sign_off and sign_off.plan_committed:
        lines.append("The practice will carry out the action plan in this pack by the dates shown.")
    return lines


def declaration(inputs: PackInputs, content: PackContent, box: SignatureBox) -> list[Flowable]:
    """The declaration page: what the signer confirmed, the roles and the empty signature box."""
    s = styles()
    signing = (
        "The digital signature below covers the whole document and the evidence files attached to it. "
        "Any change made after signing breaks the signature. The certificate's SHA-256 fingerprint is in "
        "the technical details on the next page."
    )
    return [
        KeepTogether(
            [
                Paragraph("Declaration", s["h1"]),
                *(para(line, "lead") for line in declaration_text(inputs, content)),
                Paragraph("Named roles", s["h2"]),
                roles_table(inputs.draft.practice),
                Spacer(1, 12),
                para(signing, "body"),
                Spacer(1, 10),
                para(f"Document ID {inputs.document_id}  ·  created {when(inputs.created_at)}", "small"),
                Spacer(1, 6),
                para("Digital signature", "caption"),
                Spacer(1, 2),
                box,
            ]
        )
    ]
