"""ACLED sub-event mapping rules of the 2026-12-03 round, on hand-written sentences' words."""

from __future__ import annotations

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
