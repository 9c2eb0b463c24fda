"""Issue 6: a sea, gulf or strait is where an act happens, never who it is aimed at.

Hand-written sentences (no gold text). spaCy tags "the Red Sea" LOC, as it tags regions, so the
argument rules once took it for the recipient of "attacked two ships in the Red Sea".
"""

from __future__ import annotations

import pytest

from newsgraph.config import load_config
from newsgraph.pipeline import Analyzer


@pytest.fixture(scope="module")
def full() -> Analyzer:
    return Analyzer(config=load_config())


@pytest.mark.parametrize(
    ("text", "recipient", "place"),
    [
        ("Houthi forces attacked two ships in the Red Sea on Tuesday.", "two ships", "Red Sea"),
        ("Pirates hijacked a tanker in the Gulf of Aden.", "tanker", "Gulf of Aden"),
        ("Chinese vessels patrolled the South China Sea.", None, "South China Sea"),
    ],
)
def test_issue6_waters_are_the_place_not_the_recipient(
    full: Analyzer, text: str, recipient: str | None, place: str
) -> None:
    events = full.analyze(text, published="2024-01-10").events
    assert len(events) == 1, events
    event = events[0]
    assert event.recipient_text == recipient
    assert event.place is not None and event.place["text"] == place
