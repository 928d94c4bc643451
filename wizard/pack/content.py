"""What a pack says, worked out once: the scores, the action plan, the devices, how complete it is.

The report is laid out twice (the first pass counts the pages) and the summary
is written beside it; all of them read this one result instead of scoring the
draft again.
"""

from __future__ import annotations

from dataclasses import dataclass

from wizard.core.action_plan import ActionEntry, SectionGap, build_action_plan, unanswered_by_section
from wizard.core.bank.model import Bank
from wizard.core.check_results import DeviceReport
from wizard.core.completeness import Completeness, completeness
from wizard.core.draft.model import Draft
from wizard.core.estate import device_reports
from wizard.core.scoring import Assessment, included_banks, score


@dataclass(frozen=True)
class PackContent:
    banks: list[Bank]  # the banks the draft includes
    assessment: Assessment
    plan: list[ActionEntry]
    gaps: list[SectionGap]
    devices: list[DeviceReport]
    completeness: Completeness


def pack_content(banks: list[Bank], draft: Draft) -> PackContent:
    assessment = score(banks, draft)
    return PackContent(
        banks=included_banks(banks, draft),
        assessment=assessment,
        plan=build_action_plan(assessment, draft),
        gaps=unanswered_by_section(assessment),
        devices=device_reports(draft),
        completeness=completeness(assessment, draft),
    )
