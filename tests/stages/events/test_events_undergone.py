"""Acts a noun's possessor undergoes (issue 6, ``arguments._undergoes``): "Guyger's arrest"
names who was arrested, not who arrested. Seen judging the events coded on whole articles,
where the arrested officer was the arrest's actor. Invented sentences, with controls where
the possessor is the doer."""

from __future__ import annotations

import pytest

from newsgraph.pipeline import Analyzer


def _parties(analyzer: Analyzer, text: str, event_type: str) -> tuple[str | None, str | None]:
    events = [e for e in analyzer.analyze(text, published="2020-01-10").events]
    found = [(e.actor_text, e.recipient_text) for e in events if e.type == event_type]
    assert found, (text, [e.type for e in events])
    return found[0]


@pytest.mark.parametrize(
    ("text", "event_type", "recipient"),
    [
        ("Police did not explain why Amber Guyger's arrest came three days later.", "COERCE",
         "Amber Guyger"),
        ("The officer's arrest was announced by the department on Monday.", "COERCE", "officer"),
        ("Ms Okafor's arrest on Monday drew condemnation.", "COERCE", "Ms Okafor"),
        ("The journalist's killing in the capital sparked protests.", "ASSAULT", "journalist"),
    ],
)  # fmt: skip
def test_issue6_possessor_of_an_arrest_is_who_was_arrested(
    events_only: Analyzer, text: str, event_type: str, recipient: str
) -> None:
    actor, got = _parties(events_only, text, event_type)
    assert got == recipient
    assert actor != recipient


def test_issue6_a_by_phrase_still_names_the_doer(events_only: Analyzer) -> None:
    text = "Ms Okafor's arrest by state security on Monday drew condemnation."
    assert _parties(events_only, text, "COERCE") == ("state security", "Ms Okafor")


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        ("Israel's arrest of two Palestinian journalists drew protests.", "Israel",
         "two Palestinian journalists"),
        ("The rebels' abduction of two aid workers shocked the region.", "rebels",
         "two aid workers"),
    ],
)  # fmt: skip
def test_issue6_possessor_with_an_of_phrase_is_the_doer(
    events_only: Analyzer, text: str, actor: str, recipient: str
) -> None:
    events = events_only.analyze(text, published="2020-01-10").events
    assert events
    got_actor, got_recipient = events[0].actor_text, events[0].recipient_text
    assert got_actor == actor and got_recipient is not None and recipient in got_recipient
