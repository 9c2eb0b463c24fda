"""Precision on commentary (issue 6, sixth round): a participle that tells how someone feels
or seems ("felt ostracized") is a feeling, not the act of ostracizing
(:func:`newsgraph.stages.events.nature.feeling`). Invented sentences."""

from __future__ import annotations

import pytest

from newsgraph.pipeline import Analyzer
from support import event_types


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Many pupils said they felt ostracized.", []),
        ("The villagers felt threatened and abandoned.", []),
        ("The pupils were ostracized by their classmates.", ["COERCE"]),
        ("The protesters got arrested near the square.", ["COERCE"]),
    ],
)
def test_issue6_a_feeling_is_no_act(events_only: Analyzer, text: str, expected: list[str]) -> None:
    assert event_types(events_only, text) == expected
