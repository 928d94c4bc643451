"""Which pages the wizard has, in order: data built from the banks and the draft."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from wizard.ui.pages.base import Page
from wizard.ui.pages.portal import PortalPage
from wizard.ui.pages.practice import PracticePage
from wizard.ui.pages.review import ReviewPage
from wizard.ui.pages.section import SectionPage
from wizard.ui.session import Session


@dataclass(frozen=True)
class PageSpec:
    key: str  # stored in the draft to resume at the same place
    title: str  # in the side list
    group: str  # heading in the side list
    build: Callable[[QWidget], Page]
    section_id: str | None = None


def page_specs(session: Session) -> list[PageSpec]:
    specs = [
        PageSpec("practice", "About the practice", "Start", lambda parent: PracticePage(session, parent))
    ]
    for bank in session.included_banks():
        group = f"{bank.framework.short_name} {bank.framework.version}"
        for section in bank.sections:
            specs.append(
                PageSpec(
                    f"section:{section.id}",
                    f"{section.ref}. {section.title}",
                    group,
                    lambda parent, b=bank, s=section: SectionPage(session, b, s, parent),  # type: ignore[misc]
                    section.id,
                )
            )
    specs += [
        PageSpec("checks", "Check this computer", "Finish", lambda parent: _checks_page(session, parent)),
        PageSpec("review", "Review and action plan", "Finish", lambda parent: ReviewPage(session, parent)),
        PageSpec("portal", "Toolkit sheet", "Finish", lambda parent: PortalPage(session, parent)),
        PageSpec("sign", "Sign and export", "Finish", lambda parent: _sign_page(session, parent)),
    ]
    return specs


# The checks and the pack bring in pyHanko, cryptography and reportlab: imported
# when their page is first opened, so the start page is not kept waiting.
def _checks_page(session: Session, parent: QWidget) -> Page:
    from wizard.ui.pages.checks import ChecksPage

    return ChecksPage(session, parent)


def _sign_page(session: Session, parent: QWidget) -> Page:
    from wizard.ui.pages.sign import SignPage

    return SignPage(session, parent)
