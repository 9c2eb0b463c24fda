"""Issue 6: verbs CAMEO files under material cooperation but that report no act alone.

Hand-written sentences (no gold text). CAMEO's blocks of change-of-degree ("increase",
"improve") and managing verbs ("control", "head", "regulate") carry the default code 060; PLOVER's
COOPERATE is mutual material cooperation, so a bare "rebels control the oil fields" is no event,
while the blocks' object patterns still code what is cooperated on or done ("increased aid").
"""

from __future__ import annotations

import pytest

from newsgraph.pipeline import Analyzer


@pytest.mark.parametrize(
    "text",
    [
        "Rebel commanders control the northern oil fields.",
        "Exports increased by ten percent last year.",
        "Health workers improved conditions in the camp.",
        "The minister headed a committee on water.",
        "The new law regulates gun ownership.",
        "The town council enacted a zoning law.",
    ],
)
def test_issue6_degree_and_managing_verbs_alone_are_no_cooperation(
    events_only: Analyzer, text: str
) -> None:
    assert events_only.analyze(text).events == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The government increased aid to the refugees.", "AID"),
        ("Police expanded their investigation into the bombing.", "ACCUSE"),
    ],
)
def test_issue6_degree_verbs_keep_their_object_patterns(
    events_only: Analyzer, text: str, kind: str
) -> None:
    assert [e.type for e in events_only.analyze(text).events] == [kind]
