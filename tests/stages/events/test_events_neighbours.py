"""Issue 6: verbs the trigger lexicon lacks are typed by their nearest lexicon verb.

Hand-written sentences (no gold text). "lambast" is not in the CAMEO verb dictionary, but its
nearest lexicon verb by the shared word vectors is the variant spelling "lambaste" (ACCUSE);
verbs whose nearest lexicon verb is too far, or is no event itself, stay silent.
"""

from __future__ import annotations

import pytest

from newsgraph.pipeline import Analyzer
from newsgraph.resources.wordvectors import load_word_vectors
from newsgraph.stages.events.neighbours import MIN_SIMILARITY, TriggerNeighbours
from newsgraph.stages.events.triggers import load_lexicon


@pytest.fixture(scope="module")
def neighbours() -> TriggerNeighbours:
    return TriggerNeighbours(load_lexicon(), load_word_vectors())


def test_issue6_unknown_verb_borrows_its_nearest_lexicon_verbs_coding(
    neighbours: TriggerNeighbours,
) -> None:
    assert "lambast" not in load_lexicon().verbs
    trigger = neighbours.lookup("lambast")
    assert trigger is not None
    assert (trigger.type, trigger.mode, trigger.code) == ("ACCUSE", "disapprove", "111")


def test_issue6_lexicon_verbs_are_never_retyped_by_neighbours(
    neighbours: TriggerNeighbours,
) -> None:
    # "say" is a reporting verb of the lexicon: known, so the lexicon's "no event" stands.
    assert neighbours.lookup("say") is None
    assert neighbours.lookup("attack") is None


def test_issue6_unknown_verb_near_a_non_event_verb_stays_silent(
    neighbours: TriggerNeighbours,
) -> None:
    # The nearest lexicon verb of "have" is a verb of knowing, which reports no event.
    assert neighbours.lookup("have") is None


def test_issue6_unknown_verb_far_from_every_lexicon_verb_stays_silent() -> None:
    strict = TriggerNeighbours(load_lexicon(), load_word_vectors(), min_similarity=0.99)
    assert strict.lookup("lambast") is None
    assert MIN_SIMILARITY < 0.99


def test_issue6_unknown_verb_is_coded_in_the_pipeline(events_only: Analyzer) -> None:
    events = events_only.analyze("The opposition lambasted the government over the deal.").events
    assert [(e.type, e.actor_text, e.recipient_text) for e in events] == [
        ("ACCUSE", "opposition", "government")
    ]


@pytest.mark.parametrize("verb", ["prove", "radio", "work"])
def test_issue6_a_neighbour_of_another_word_class_lends_no_coding(
    neighbours: TriggerNeighbours, verb: str
) -> None:
    # "prove" (a state) lies next to "verify", "radio" (speech) next to "station" (deploying
    # troops), "work" next to "pay": WordNet files each under another class than its neighbour.
    assert neighbours.lookup(verb) is None


@pytest.mark.parametrize(
    "text",
    [
        "Every detail of the story has been proven.",
        "The rumours proved false.",
        "The guard radioed down to the front desk.",
        "The update works with older phones.",
    ],
)
def test_issue6_a_verb_typed_only_by_a_neighbour_of_another_class_is_no_event(
    events_only: Analyzer, text: str
) -> None:
    assert events_only.analyze(text).events == []
