"""A pronoun actor or recipient names the person the text has just named as its subject
(issue 6: actors and recipients resolved to canonical entities). Seen on whole articles: "He
praised the rapid response …", "She signed a petition …" had no entity. Invented sentences;
the negatives are the cases where a wrong person would be worse than none."""

from __future__ import annotations

import pytest

import newsgraph
from newsgraph.record import Event


def _event(text: str, event_type: str) -> tuple[Event, dict[str, str]]:
    analysis = newsgraph.analyze(text, published="2020-01-10")
    names = {e.id: e.name for e in analysis.entities}
    found = [e for e in analysis.events if e.type == event_type]
    assert found, (text, [(e.type, e.actor_text) for e in analysis.events])
    return found[-1], names


@pytest.mark.parametrize(
    ("text", "event_type", "role", "person"),
    [
        (
            "Health minister Mariam Okafor visited the clinic on Monday. She praised the "
            "rapid response of the nurses.",
            "SUPPORT",
            "actor",
            "Mariam Okafor",
        ),
        (
            "Keith Vaz spoke to reporters outside the court. Police arrested him on Monday.",
            "COERCE",
            "recipient",
            "Keith Vaz",
        ),
        (
            "Senator John Kerry criticised the plan. Obama praised him on Monday.",
            "SUPPORT",
            "recipient",
            "John Kerry",
        ),
    ],
)
def test_issue6_a_pronoun_names_the_person_just_named_as_subject(
    text: str, event_type: str, role: str, person: str
) -> None:
    event, names = _event(text, event_type)
    ids = event.actors if role == "actor" else event.recipients
    assert [names[i] for i in ids] == [person], event


@pytest.mark.parametrize(
    ("text", "event_type", "role"),
    [
        # the subject of an embedded clause is not the topic ("that Ms Lane had to be heard")
        (
            "First he said that Ms Lane had to be heard. Then he blamed the Senate for the delay.",
            "ACCUSE",
            "actor",
        ),
        # a pronoun inside a quotation is the speaker's
        (
            'Mariam Okafor wrote of the activist: "I respect him for his honesty and I praise '
            'him."',
            "SUPPORT",
            "recipient",
        ),
        # not across a paragraph
        ("Keith Vaz spoke on Monday.\n\nHe condemned the decision.", "ACCUSE", "actor"),
        # the last named subject is no person
        (
            "Mariam Okafor met the board. The Kremlin praised the talks. He condemned the "
            "decision.",
            "ACCUSE",
            "actor",
        ),
    ],
)
def test_issue6_a_pronoun_stays_unresolved_when_in_doubt(
    text: str, event_type: str, role: str
) -> None:
    event, _ = _event(text, event_type)
    assert (event.actors if role == "actor" else event.recipients) == [], event


def test_issue6_he_is_neither_a_plural_nor_a_thing() -> None:
    # Inside the sentence "he" took the subject of the verb above it: here the officials
    # (plural), and failing them the inquiry (no person).
    text = (
        "The inquiry examines how city and federal officials handled his detention before he "
        "picked up a rifle and shot two guards."
    )
    event, _ = _event(text, "ASSAULT")
    assert event.actor_text == "he", event
    # control: the verb-governed reading stays for a person
    said, _ = _event("The minister said he would expel the diplomats.", "THREATEN")
    assert said.actor_text == "minister"
