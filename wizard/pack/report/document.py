"""Build the evidence pack PDF (before attachments and signing) with reportlab platypus.

The pack is laid out once. The canvas holds each finished page back until the
last one, so every footer can say "Page X of Y" without a second layout pass. The declaration page comes
last and holds an empty framed box whose coordinates the signing code uses for
the visible signature stamp; the technical details follow it.
"""

from __future__ import annotations

import dataclasses
import io
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib.pagesizes import A4  # type: ignore[import-untyped, unused-ignore]
from reportlab.lib.units import cm  # type: ignore[import-untyped, unused-ignore]
from reportlab.pdfbase.pdfmetrics import stringWidth  # type: ignore[import-untyped, unused-ignore]
from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped, unused-ignore]
from reportlab.platypus import (  # type: ignore[import-untyped, unused-ignore]
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
)

from wizard import APP_NAME, __version__
from wizard.core.bank.model import Bank
from wizard.core.scoring import included_banks
from wizard.pack.content import PackContent, pack_content
from wizard.pack.report.answers import answers
from wizard.pack.report.cover import SignatureBox, cover, declaration
from wizard.pack.report.inputs import BuiltReport, PackInputs
from wizard.pack.report.plan import action_plan, devices
from wizard.pack.report.portal import earlier_part, portal_part
from wizard.pack.report.styles import (
    DARK_BLUE,
    FONT,
    FONT_BOLD,
    GREY,
    NHS_BLUE,
    PAGE_MARGIN,
    RED,
    WHITE,
    fit,
    register_fonts,
    when,
)
from wizard.pack.report.summary import summary
from wizard.pack.report.technical import technical

PAGE_WIDTH, PAGE_HEIGHT = A4
COVER_BAND = 5 * cm
TITLE = "Data security evidence pack"
INCOMPLETE = "INCOMPLETE"
SUBJECT = "DSPT and Cyber Essentials evidence"
FOOTER_Y = 1.2 * cm


def default_period(banks: list[Bank]) -> str:
    """The period the pack covers: the DSPT year if included, else the first framework's version."""
    chosen = sorted(banks, key=lambda b: b.framework.scoring != "dspt")
    if not chosen:
        return ""
    framework = chosen[0].framework
    return f"{framework.short_name} {framework.version}"


@dataclass
class _Pages:
    """What the page callbacks need, and what they learn (the page count)."""

    practice: str
    document_id: str
    created: str
    period: str
    incomplete: bool = False  # marked on every page, so a loose page cannot pass for a finished pack
    seen: int = field(default=0)


class _NumberedCanvas(Canvas):  # type: ignore[misc, unused-ignore]
    """Keeps each page until the document ends, then writes "Page X of Y" on all of them."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._held: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._held.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._held)
        for state in self._held:
            self.__dict__.update(state)
            self.setFillColor(GREY)
            self.setFont(FONT_BOLD, 7.5)
            self.drawRightString(
                PAGE_WIDTH - PAGE_MARGIN, FOOTER_Y, f"Page {self.getPageNumber()} of {total}"
            )
            super().showPage()
        super().save()


def _footer(canvas: Canvas, pages: _Pages) -> None:
    """Document id on every page (the canvas adds "Page X of Y"), so a loose printed page can be traced."""
    pages.seen = max(pages.seen, canvas.getPageNumber())
    y = FOOTER_Y
    canvas.setStrokeColor(NHS_BLUE)
    canvas.setLineWidth(0.8)
    canvas.line(PAGE_MARGIN, y + 10, PAGE_WIDTH - PAGE_MARGIN, y + 10)
    canvas.setFillColor(GREY)
    canvas.setFont(FONT, 7.5)
    ident = f"  ·  Document ID {pages.document_id}" + (f"  ·  {INCOMPLETE}" if pages.incomplete else "")
    room = PAGE_WIDTH - 2 * PAGE_MARGIN - 3 * cm - stringWidth(ident, FONT, 7.5)
    canvas.drawString(PAGE_MARGIN, y, fit(pages.practice, FONT, 7.5, room) + ident)


def _header(canvas: Canvas, pages: _Pages) -> None:
    """Practice name and the pack's title above an NHS-blue rule."""
    y = PAGE_HEIGHT - 1.3 * cm
    canvas.setFillColor(DARK_BLUE)
    canvas.setFont(FONT_BOLD, 8.5)
    right = f"{TITLE}  ·  {pages.period}" if pages.period else TITLE
    mark = f"{INCOMPLETE}  ·  " if pages.incomplete else ""
    room = PAGE_WIDTH - 2 * PAGE_MARGIN - stringWidth(right, FONT, 8) - stringWidth(mark, FONT_BOLD, 8) - 12
    canvas.drawString(PAGE_MARGIN, y, fit(pages.practice, FONT_BOLD, 8.5, room))
    canvas.setFillColor(GREY)
    canvas.setFont(FONT, 8)
    canvas.drawRightString(PAGE_WIDTH - PAGE_MARGIN, y, right)
    if mark:
        canvas.setFillColor(RED)
        canvas.setFont(FONT_BOLD, 8)
        canvas.drawRightString(PAGE_WIDTH - PAGE_MARGIN - stringWidth(right, FONT, 8), y, mark)
    canvas.setStrokeColor(NHS_BLUE)
    canvas.setLineWidth(1.6)
    canvas.line(PAGE_MARGIN, y - 6, PAGE_WIDTH - PAGE_MARGIN, y - 6)


def _cover_band(canvas: Canvas, pages: _Pages) -> None:
    """The NHS-blue title band across the top of the cover."""
    canvas.setFillColor(NHS_BLUE)
    canvas.rect(0, PAGE_HEIGHT - COVER_BAND, PAGE_WIDTH, COVER_BAND, stroke=0, fill=1)
    canvas.setFillColor(DARK_BLUE)
    canvas.rect(0, PAGE_HEIGHT - COVER_BAND, PAGE_WIDTH, 5, stroke=0, fill=1)
    canvas.setFillColor(WHITE)
    canvas.setFont(FONT_BOLD, 26)
    canvas.drawString(PAGE_MARGIN, PAGE_HEIGHT - 2.4 * cm, TITLE)
    canvas.setFont(FONT, 11.5)
    canvas.drawString(
        PAGE_MARGIN,
        PAGE_HEIGHT - 3.3 * cm,
        "Data Security and Protection Toolkit and Cyber Essentials self-assessment",
    )
    canvas.setFont(FONT, 9)
    canvas.drawString(
        PAGE_MARGIN,
        PAGE_HEIGHT - 4.0 * cm,
        f"Prepared by the practice for its Integrated Care Board (ICB)  ·  {pages.period}",
    )


def _templates(pages: _Pages) -> list[PageTemplate]:
    """A cover template (band, no header) and a body template (header and footer)."""
    width = PAGE_WIDTH - 2 * PAGE_MARGIN
    bottom = PAGE_MARGIN
    cover_top = PAGE_HEIGHT - COVER_BAND - 0.7 * cm
    body_top = PAGE_HEIGHT - PAGE_MARGIN - 0.3 * cm

    def on_cover(canvas: Canvas, _doc: BaseDocTemplate) -> None:
        _cover_band(canvas, pages)
        _footer(canvas, pages)

    def on_body(canvas: Canvas, _doc: BaseDocTemplate) -> None:
        _header(canvas, pages)
        _footer(canvas, pages)

    return [
        PageTemplate(
            "cover",
            [
                Frame(
                    PAGE_MARGIN,
                    bottom,
                    width,
                    cover_top - bottom,
                    id="cover",
                    leftPadding=0,
                    rightPadding=0,
                    topPadding=0,
                    bottomPadding=0,
                )
            ],
            onPage=on_cover,
        ),
        PageTemplate(
            "body",
            [
                Frame(
                    PAGE_MARGIN,
                    bottom,
                    width,
                    body_top - bottom,
                    id="body",
                    leftPadding=0,
                    rightPadding=0,
                    topPadding=0,
                    bottomPadding=0,
                )
            ],
            onPage=on_body,
        ),
    ]


def _story(inputs: PackInputs, content: PackContent, box: SignatureBox) -> list[Flowable]:
    """Cover, summary, answers, toolkit sheet, earlier answers, checks, plan, declaration, technical details."""
    draft = inputs.draft
    refs = {
        item.id: f"{bank.framework.short_name} {item.ref}" for bank in content.banks for item in bank.items()
    }
    sheets: list[Flowable] = []
    for bank in content.banks:
        if bank.framework.scoring == "dspt":
            sheets += [*portal_part(bank, draft), PageBreak()]
    earlier = earlier_part(draft, refs)
    return [
        *cover(inputs, content),
        NextPageTemplate("body"),
        PageBreak(),
        *summary(content.assessment, draft),
        PageBreak(),
        *answers(content.assessment, draft),
        PageBreak(),
        *sheets,
        *([*earlier, PageBreak()] if earlier else []),
        *devices(content.devices),
        PageBreak(),
        *action_plan(content.plan, content.gaps),
        PageBreak(),
        *declaration(inputs, content, box),
        PageBreak(),
        *technical(inputs, content.banks),
    ]


def _document(buffer: io.BytesIO, inputs: PackInputs, pages: _Pages) -> BaseDocTemplate:
    """The document with its metadata: title, author, language and an embedded initial font."""
    name = inputs.draft.practice.name or "practice"
    return BaseDocTemplate(
        buffer,
        pagesize=A4,
        pageTemplates=_templates(pages),
        leftMargin=PAGE_MARGIN,
        rightMargin=PAGE_MARGIN,
        topMargin=PAGE_MARGIN,
        bottomMargin=PAGE_MARGIN,
        title=f"{TITLE} – {name}",
        author=name,
        subject=SUBJECT,
        creator=f"{APP_NAME} {__version__}",
        keywords=["DSPT", "Cyber Essentials", inputs.document_id],
        lang="en-GB",
        displayDocTitle=True,
        initialFontName=FONT,
        initialFontSize=10,
    )


def _build(inputs: PackInputs) -> tuple[bytes, _Pages, SignatureBox]:
    """The build; returns the bytes, the page count seen and where the signature box went."""
    practice = inputs.draft.practice.name or "Practice name not recorded"
    assert inputs.content is not None  # build_report fills it in
    content = inputs.content
    pages = _Pages(
        practice,
        inputs.document_id,
        when(inputs.created_at),
        inputs.period,
        not content.completeness.complete,
    )
    box = SignatureBox()
    buffer = io.BytesIO()
    _document(buffer, inputs, pages).build(_story(inputs, content, box), canvasmaker=_NumberedCanvas)
    return buffer.getvalue(), pages, box


def build_report(inputs: PackInputs) -> BuiltReport:
    """The unsigned, attachment-free pack, with the page and box the signer needs."""
    register_fonts()
    if inputs.content is None:
        inputs = dataclasses.replace(inputs, content=pack_content(inputs.banks, inputs.draft))
    if not inputs.period:
        inputs = dataclasses.replace(
            inputs, period=default_period(included_banks(inputs.banks, inputs.draft))
        )
    pdf, pages, box = _build(inputs)
    if box.page < 0:
        raise RuntimeError("the evidence pack has no signature box")  # a bug, not a user error
    return BuiltReport(pdf=pdf, page_count=pages.seen, signature_page=box.page, signature_box=box.box)
