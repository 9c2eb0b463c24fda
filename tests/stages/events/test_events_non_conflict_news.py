"""Precision on news that is not about conflict (issue 6): business and aviation reports use
the words of fighting and diplomacy for losses, accidents, machines and trade. Invented
sentences, one or more per word class of :mod:`newsgraph.stages.events.agency`; reports of
real violence, protest and cooperation keep their type."""

from __future__ import annotations

import pytest

from newsgraph.pipeline import Analyzer
from support import event_types


@pytest.mark.parametrize(
    "text",
    [
        "The ministry is fighting to keep the bank afloat.",
        "The firm has been struggling with falling sales and rising costs.",
        "The carmaker has been battling weak demand.",
        "The team attacked the goal.",
    ],
)
def test_issue6_striving_and_contests_with_abstractions_are_no_fighting(
    events_only: Analyzer, text: str
) -> None:
    assert event_types(events_only, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Smaller shops were hardest hit by the downturn.",
        "The tourism sector was badly hit by the pandemic.",
        "Exporters were hit hard by the new tariffs.",
    ],
)
def test_issue6_losses_told_as_blows_are_no_assault(events_only: Analyzer, text: str) -> None:
    assert event_types(events_only, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The wing of the jet struck a lamp post while taxiing.",
        "The truck hit a wall on the motorway.",
        "The ship's bow struck the pier.",
    ],
)
def test_issue6_accidents_of_things_are_no_assault(events_only: Analyzer, text: str) -> None:
    assert event_types(events_only, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "A second prototype is also travelling to Japan on Tuesday.",
        "The locomotive arrived in Berlin on Friday.",
        "A second A380 is also travelling to the U.S. on Monday.",
        "The designers have been inspired by the success of the phone.",
    ],
)
def test_issue6_machines_and_deeds_are_no_political_actors(
    events_only: Analyzer, text: str
) -> None:
    assert event_types(events_only, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The manufacturer pushes back the launch of its new jet.",
        "The launch has been pushed back two years.",
    ],
)
def test_issue6_postponing_is_no_demand(events_only: Analyzer, text: str) -> None:
    assert event_types(events_only, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The carmaker bought a ten percent stake in its rival.",
        "The bank intends to purchase the remaining shares of the insurer.",
        "The group intends to use its option to buy the stake.",
    ],
)
def test_issue6_buying_shares_is_no_cooperation(events_only: Analyzer, text: str) -> None:
    assert event_types(events_only, text) == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Egypt agreed to buy Russian fighter jets.", "AGREE"),
        ("The rebels agreed to buy weapons.", "AGREE"),
        ("A missile struck a hospital in Aleppo.", "ASSAULT"),
        ("A car bomb struck a police convoy.", "ASSAULT"),
        ("A drone struck a convoy near the border.", "ASSAULT"),
        ("The town was hit hard by the shelling.", "ASSAULT"),
        ("Airstrikes hit the town overnight.", "ASSAULT"),
        ("Israeli helicopters and tanks shelled positions near the town.", "ASSAULT"),
        ("An army jet shot down a helicopter.", "ASSAULT"),
        ("Troops are fighting rebels in the north.", "ASSAULT"),
        ("Rebels fought government forces for control of the town.", "ASSAULT"),
        ("The militants struck a police station.", "ASSAULT"),
        ("Rebels clashed with troops near the border.", "ASSAULT"),
        ("The EU imposed sanctions on Russia.", "SANCTION"),
        ("Thousands protested against the government in the capital.", "PROTEST"),
        ("Police arrested 12 protesters in the capital.", "COERCE"),
        ("Troops pulled back from the town.", "RETREAT"),
    ],
)
def test_issue6_reports_of_force_and_cooperation_keep_their_type(
    events_only: Analyzer, text: str, kind: str
) -> None:
    assert event_types(events_only, text) == [kind]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("The airline's pilots went on strike.", "airline's pilots"),
        ("Dockers went on strike on Monday.", "Dockers"),
        ("The prisoners remain on hunger strike.", "prisoners"),
    ],
)
def test_issue6_going_on_strike_is_a_protest_by_the_subject(
    events_only: Analyzer, text: str, actor: str
) -> None:
    (event,) = events_only.analyze(text).events
    assert (event.type, event.actor_text) == ("PROTEST", actor)


def test_issue6_unveiled_sanctions_have_the_unveiler_as_actor(events_only: Analyzer) -> None:
    (event,) = events_only.analyze("The government unveiled sanctions against Iran.").events
    assert (event.type, event.actor_text, event.recipient_text) == (
        "SANCTION",
        "government",
        "Iran",
    )


def test_issue6_a_victim_in_a_place_is_the_recipient(events_only: Analyzer) -> None:
    """The "in" phrase of a person says where the person was, not whom the act is aimed at."""
    (event,) = events_only.analyze("Gunmen shot dead a judge in Kabul.").events
    assert (event.type, event.recipient_text) == ("ASSAULT", "judge")


def test_issue6_a_future_meeting_is_no_acled_agreement(events_only: Analyzer) -> None:
    """PLOVER codes a future meeting AGREE (its codebook: future CONSULT is AGREE); ACLED's
    Agreement is an agreement reached, so the promise alone has no ACLED coding."""
    (event,) = events_only.analyze("The ministers will meet next week.").events
    assert (event.type, event.future, event.acled_sub_event_type) == ("AGREE", True, None)
    (signed,) = events_only.analyze("The two sides will sign a peace deal next week.").events
    assert signed.acled_sub_event_type == "Agreement"


def test_issue6_an_actor_never_starts_with_a_dateline(events_only: Analyzer) -> None:
    """A dateline year glued to the first word of the next paragraph is no part of the
    actor's phrase; a duration in the phrase is ("a four-day strike")."""
    text = "Carmaker news\nMay 29, 2011\n\nFiat announced on Friday that it had signed a deal."
    actors = [e.actor_text for e in events_only.analyze(text).events]
    assert actors and all(a is not None and "2011" not in a for a in actors)


@pytest.mark.parametrize(
    "text",
    [
        "The governor moved to fill the empty seat on the court.",
        "The old hall was filled with folk music and laughter.",
        "Her speeches fill the crowds with hope.",
    ],
)
def test_issue6_a_thing_filled_is_no_concession(events_only: Analyzer, text: str) -> None:
    """:func:`newsgraph.stages.events.agency.thing_changed`: CAMEO files "fill" with
    "comply"; filling what is no demand and no act yields to no one."""
    assert event_types(events_only, text) == []


def test_issue6_restrictions_loosened_stay_a_concession(events_only: Analyzer) -> None:
    text = "The government loosened the restrictions on travel."
    assert event_types(events_only, text) == ["CONCEDE"]
