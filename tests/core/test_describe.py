"""What the help panel and the action plan say meets an item, in words a practice manager reads."""

from __future__ import annotations

import pytest

from wizard.core.bank.model import Bank
from wizard.core.describe import expected_text


@pytest.mark.parametrize(
    ("ref", "words"),
    [
        ("1.1.1", "any answer filled in"),  # a text item: never the bare "an answer"
        ("1.1.2", "a document, link or statement"),
        ("3.2.1", "at least 95%"),  # worked out from the item's own figures
        ("7.3.4", "Yes"),
        ("A2.1", "any answer"),  # a scope question: no answer is wrong
        (
            "GP5",
            "one of: No, they are all supported and updated, Yes, but they are kept off the network or separated",
        ),
    ],
)
def test_what_meets_an_item(real_banks: list[Bank], ref: str, words: str) -> None:
    bank, item = next((b, i) for b in real_banks for i in b.items() if i.ref == ref)
    assert expected_text(bank, item) == words
