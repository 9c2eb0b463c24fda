"""ACLED sub-event mapping rules of the 2026-12-03 round, on hand-written sentences' words."""

from __future__ import annotations

from newsgraph.pipeline import Analyzer
from newsgraph.stages.events.acled import acled_types


def _words(sentence: str) -> set[str]:
    return set(sentence.lower().replace(",", " ").replace(".", " ").split())


def test_agree_is_an_acled_agreement_without_an_agreement_noun() -> None:
    words = _words("The two militias agreed to open a corridor for the wounded.")
    assert acled_types("AGREE", [], words, "The two militias", None) == (
        "Strategic developments",
        "Agreement",
    )


def test_concession_needs_an_agreement_noun() -> None:
    words = _words("The governor eased the curfew in the northern districts.")
    assert acled_types("CONCEDE", [], words, "The governor", "the curfew") == (None, None)


def test_agreement_to_open_a_corridor_is_coded_as_acled_agreement(events_only: Analyzer) -> None:
    text = "The army and the rebels agreed to open a humanitarian corridor in the city."
    coded = [e for e in events_only.analyze(text).events if e.acled_sub_event_type]
    assert [(e.type, e.acled_sub_event_type) for e in coded] == [("AGREE", "Agreement")]
