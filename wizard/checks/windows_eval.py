"""Evaluators for windows facts: pure functions from a snapshot to a verdict."""

from __future__ import annotations

from wizard.checks.verdict import Evaluator

EVALUATORS: dict[str, Evaluator] = {}
