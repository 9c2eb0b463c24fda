"""Issue 6: an attack on a site is aimed at the party the text puts there.

Hand-written sentences (no gold text). PLOVER's recipient is who an act is aimed at; the site
stays the event's place. When the text names no occupant, the site stays the recipient.
"""

from __future__ import annotations

import pytest

from newsgraph.pipeline import Analyzer
from newsgraph.record import Event


def _assaults(analyzer: Analyzer, text: str) -> list[Event]:
    return [e for e in analyzer.analyze(text).events if e.type == "ASSAULT"]


@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        ("Gunmen attacked a camp which is home to Turkish soldiers.", "Turkish soldiers"),
        ("Militants shelled the airport, which is used by UN peacekeepers.", "UN peacekeepers"),
        ("Rebels attacked the base where French troops are stationed.", "French troops"),
        ("Insurgents stormed a checkpoint manned by police officers.", "police officers"),
        ("Rockets hit the US-run base near the city.", "US"),
        ("Rebels shelled the rebels' camp.", "rebels"),
    ],
)
def test_issue6_site_attack_is_aimed_at_its_stated_occupants(
    events_only: Analyzer, text: str, recipient: str
) -> None:
    (event,) = _assaults(events_only, text)
    assert event.recipient_text == recipient


def test_issue6_later_mention_of_a_site_takes_the_occupants_stated_earlier(
    events_only: Analyzer,
) -> None:
    text = (
        "The Camp Delta base that houses Danish troops lies north of the river. "
        "The Camp Delta was shelled by militants in May. "
        "The latest attack against the base was carried out on Monday."
    )
    events = _assaults(events_only, text)
    assert [e.recipient_text for e in events] == ["Danish troops", "Danish troops"]


def test_issue6_same_sentence_against_target_outranks_an_earlier_occupant(
    events_only: Analyzer,
) -> None:
    text = (
        "The Camp Delta base that houses Danish troops lies north of the river. "
        "The Camp Delta was shelled by militants as revenge against the Danish army."
    )
    (event,) = _assaults(events_only, text)
    assert event.recipient_text == "Danish army"


@pytest.mark.parametrize(
    "text",
    [
        "Rebels attacked the base.",
        "Gunmen attacked a base. Later the base was shelled by militants.",
    ],
)
def test_issue6_site_with_no_stated_occupant_stays_the_recipient(
    events_only: Analyzer, text: str
) -> None:
    events = _assaults(events_only, text)
    assert events
    assert all(e.recipient_text == "base" for e in events)


def test_issue6_military_as_a_modifier_is_no_party(events_only: Analyzer) -> None:
    events = events_only.analyze("Iran threatened to launch a military offensive.").events
    assert [(e.type, e.recipient_text) for e in events] == [("THREATEN", None)]


def test_issue6_a_party_noun_naming_a_site_owns_it(events_only: Analyzer) -> None:
    (event,) = _assaults(events_only, "Troops captured part of a rebel stronghold in the hills.")
    assert event.recipient_text == "rebel"


def test_issue6_fire_launched_against_a_target_is_aimed_at_it(events_only: Analyzer) -> None:
    text = "The army launched artillery and rocket fire against rebel camps near the border."
    (event,) = _assaults(events_only, text)
    assert event.recipient_text == "rebel"
