"""Random, truncated and mutated drafts: the loader never crashes and never writes."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wizard.core.draft.model import Answer, draft_to_bytes, new_draft
from wizard.core.draft.store import DraftLoadError, load_draft

_draft = new_draft("Riverside Surgery", "A12345", ["dspt-gp", "cyber-essentials"])
_draft.answers["dspt-x"] = Answer(value="yes", status="answered", note="Checked £ – ’ ✓")
_draft.answers["ce-y"] = Answer(value=["av", "allowlist"], status="answered")
VALID = draft_to_bytes(_draft)
FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _load_untouched(raw: bytes) -> None:
    """Load ``raw`` from a real file: a draft or a plain DraftLoadError, file unchanged."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.json"
        path.write_bytes(raw)
        stamp = path.stat().st_mtime_ns
        try:
            load_draft(path)
        except DraftLoadError as exc:
            assert str(exc) and "Traceback" not in str(exc)
        assert path.read_bytes() == raw
        assert path.stat().st_mtime_ns == stamp
        assert sorted(p.name for p in Path(folder).iterdir()) == ["fuzz.json"]


@FUZZ
@given(st.binary(max_size=4096))
def test_random_bytes(raw: bytes) -> None:
    _load_untouched(raw)


@FUZZ
@given(st.integers(min_value=0, max_value=len(VALID)))
def test_truncated(cut: int) -> None:
    _load_untouched(VALID[:cut])


@FUZZ
@given(st.lists(st.tuples(st.integers(0, len(VALID) - 1), st.integers(0, 255)), min_size=1, max_size=8))
def test_mutated_bytes(flips: list[tuple[int, int]]) -> None:
    raw = bytearray(VALID)
    for where, value in flips:
        raw[where] = value
    _load_untouched(bytes(raw))


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=20,
)


@FUZZ
@given(st.sampled_from(sorted(json.loads(VALID))), _json)
def test_mutated_fields(field: str, value: object) -> None:
    data = json.loads(VALID)
    data[field] = value
    _load_untouched(json.dumps(data).encode())


def test_deeply_nested_json_is_refused_plainly() -> None:
    _load_untouched(b"[" * 100_000 + b"]" * 100_000)
