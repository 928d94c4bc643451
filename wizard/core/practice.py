"""Who the practice is: the details asked once and shown on every page of the pack.

Kept apart from the draft so the question banks can name these fields
(``practice.siro``) without depending on the draft.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class StrictModel(BaseModel):
    """Unknown keys are refused, and values are checked on assignment too."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Practice(StrictModel):
    name: str = ""
    ods_code: str = ""
    address: str = ""
    siro: str = ""
    caldicott_guardian: str = ""
    dpo: str = ""
    ig_lead: str = ""
    it_provider: str = ""
    ico_registration: str = ""
    staff_count: int | None = Field(default=None, ge=0)
    computer_count: int | None = Field(default=None, ge=0)
