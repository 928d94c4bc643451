"""Registering evaluators per system: a decorator instead of tables keyed by id.

``@WINDOWS.check("uac_enabled", needs="windows.uac", what="the UAC settings")``
registers the function under that id and gives it the fact it needs, already
known to be readable: when the read failed, the wrapper answers ``unable``
with the reason, so no evaluator repeats "read the fact, else unable".

``needs`` is a fact's name or a function that picks a fact out of a snapshot
(a section of the one PowerShell answer, for example). ``check_all`` registers
an evaluator that weighs several facts itself.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import TypeVar

from wizard.checks.catalogue import BY_ID
from wizard.checks.facts import Fact, Snapshot
from wizard.checks.verdict import Evaluator, Verdict, unable

FactPicker = Callable[[Snapshot], Fact]
WithFact = Callable[[Snapshot, Fact], Verdict]
F = TypeVar("F", bound=Evaluator)


class Registry:
    """The evaluators of one system, by check id."""

    def __init__(self, system: str) -> None:
        self.system = system
        self.evaluators: dict[str, Evaluator] = {}

    def _add(self, check_id: str, evaluator: Evaluator) -> None:
        if check_id not in BY_ID:
            raise KeyError(f"{check_id!r} is not in the check catalogue")
        if check_id in self.evaluators:
            raise KeyError(f"{check_id!r} has two {self.system} evaluators")
        if not BY_ID[check_id].runs_on(self.system):
            raise KeyError(f"the catalogue says {check_id!r} is not on {self.system}")
        self.evaluators[check_id] = evaluator

    def check(self, check_id: str, needs: str | FactPicker, what: str) -> Callable[[WithFact], WithFact]:
        """Register ``evaluator(snapshot, fact)``; an unreadable fact is ``unable``, said with its reason."""
        pick: FactPicker = (lambda s: s.fact(needs)) if isinstance(needs, str) else needs

        def register(evaluator: WithFact) -> WithFact:
            @wraps(evaluator)
            def guarded(snapshot: Snapshot) -> Verdict:
                fact = pick(snapshot)
                if not fact.ok:
                    return unable(fact, what)
                return evaluator(snapshot, fact)

            self._add(check_id, guarded)
            return evaluator

        return register

    def check_all(self, check_id: str) -> Callable[[F], F]:
        """Register ``evaluator(snapshot)`` that reads, and reports unreadable, several facts itself."""

        def register(evaluator: F) -> F:
            self._add(check_id, evaluator)
            return evaluator

        return register


WINDOWS = Registry("windows")
MACOS = Registry("macos")
LINUX = Registry("linux")
