"""The answers section: every question, the answer given, the note and the evidence files.

Evidence files are named with size and SHA-256 so the ICB can match each one to
the file attached to the pack; questions that do not apply are still listed so
the reader sees nothing was silently left out.
"""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import cm  # type: ignore[import-untyped, unused-ignore]
from reportlab.platypus import CondPageBreak, Flowable, Table  # type: ignore[import-untyped, unused-ignore]

from wizard.core.describe import STATE_WORDS, answer_text
from wizard.core.draft.model import Draft, EvidenceRef
from wizard.core.portal import field_lines
from wizard.core.scoring import Assessment, ItemResult, SectionResult
from wizard.pack.report.paragraphs import Paragraph
from wizard.pack.report.styles import (
    grouped,
    para,
    size_text,
    status_para,
    styles,
    table_style,
    tint_cell,
)

HIDDEN_WORDS = "Not asked (does not apply)"
_WIDTHS = [1.4 * cm, 4.8 * cm, 3.5 * cm, 3.0 * cm, 4.3 * cm]
_HEADINGS = ("Ref", "Question", "Answer", "Note", "Evidence files (size, SHA-256)")


def evidence_cell(files: list[EvidenceRef]) -> list[Paragraph] | Paragraph:
    """Each file: name, size, the short hash to find it, then the full hash in small type."""
    if not files:
        return para("")
    cell: list[Paragraph] = []
    for ref in files:
        cell.append(para(ref.name, "cell_bold"))
        cell.append(para(f"{size_text(ref.size)} · {ref.sha256[:16]}…", "cell_small"))
        cell.append(para(grouped(ref.sha256), "hash"))
    return cell


def answer_cell(draft: Draft, result: ItemResult) -> list[Paragraph]:
    """The answer in words (with who gave it), its structured fields, then what it means for the item."""
    if result.state == "hidden":
        return [para(HIDDEN_WORDS, "cell_small")]
    item = result.item
    cell = [para(answer_text(item, draft.answer(item.id), result.evaluation))]
    cell += [para(line, "cell_small") for line in field_lines(draft, item, result.evaluation.value)]
    cell.append(status_para(result.state, STATE_WORDS[result.state]))
    cell += [para(problem[0].upper() + problem[1:], "cell_small") for problem in result.evaluation.problems]
    return cell


def _row(result: ItemResult, draft: Draft) -> list[Any]:
    """One question's row; a hidden item keeps its ref and question, greyed."""
    item = result.item
    answer = draft.answer(item.id)
    question_style = "cell_small" if result.state == "hidden" else "cell"
    return [
        para(item.ref, "cell_bold"),
        para(item.question, question_style),
        answer_cell(draft, result),
        para(answer.note),
        evidence_cell(answer.evidence),
    ]


def section_table(section: SectionResult, draft: Draft) -> Table:
    """One table per standard or CE section; the header repeats when it breaks across pages."""
    rows: list[list[Any]] = [[para(h, "cell_head") for h in _HEADINGS]]
    extra: list[tuple[Any, ...]] = []
    for row, result in enumerate(section.items, start=1):
        rows.append(_row(result, draft))
        extra.append(tint_cell(2, row, result.state))
    return Table(rows, colWidths=_WIDTHS, style=table_style(extra=extra), repeatRows=1, splitInRow=1)


def _section_heading(section: SectionResult, dspt: bool) -> str:
    """'Standard 3: Training' for the DSPT; 'A6 Security update management' for Cyber Essentials."""
    title = section.section.title
    return f"Standard {section.section.ref}: {title}" if dspt else f"{section.section.ref} {title}"


def _bank_part(title: str, sections: tuple[SectionResult, ...], draft: Draft, dspt: bool) -> list[Flowable]:
    """A framework's heading then a heading and table per section."""
    s = styles()
    flow: list[Flowable] = [CondPageBreak(6 * cm), Paragraph(escape(title), s["h2"])]
    for section in sections:
        # A heading never ends a page on its own: start a new page unless a few rows fit under it.
        flow.append(CondPageBreak(4 * cm))
        flow.append(Paragraph(escape(_section_heading(section, dspt)), s["h3"]))
        flow.append(section_table(section, draft))
    return flow


def answers(assessment: Assessment, draft: Draft) -> list[Flowable]:
    """The answers section for every included framework."""
    s = styles()
    flow: list[Flowable] = [
        Paragraph("Answers", s["h1"]),
        para(
            "Every question in each framework the practice included, with the answer given, any note and "
            "the evidence files attached to the pack. The SHA-256 of each file lets you check that the "
            "attached copy is the one the practice recorded.",
            "body",
        ),
        para(
            f"Questions that do not apply because of an earlier answer are listed as \u201c{HIDDEN_WORDS}\u201d "
            "and do not count towards any status.",
            "small",
        ),
    ]
    for result in assessment.dspt:
        framework = result.bank.framework
        flow += _bank_part(f"{framework.name} {framework.version}", result.standards, draft, True)
    for ce in assessment.ce:
        framework = ce.bank.framework
        flow += _bank_part(f"{framework.name} {framework.version}", ce.sections, draft, False)
    for good in assessment.good_practice:
        flow += _bank_part(good.bank.framework.name, good.sections, draft, False)
    return flow
