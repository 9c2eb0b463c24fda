"""Mere mentions (issue 6): sentences that name an act without reporting it give no event,
while reports of the same acts keep their type. Invented sentences, one per lexical class of
:mod:`newsgraph.stages.events.mentions` and the verb-of-force rules."""

from __future__ import annotations

import pytest

from newsgraph.config import load_config
from newsgraph.pipeline import Analyzer
from support import event_types


@pytest.mark.parametrize(
    "text",
    [
        "The podcast discusses the kidnapping of the journalist.",
        "The podcast examines the assassination of the president.",
        "The report examines the shelling of the hospital.",
        "The film depicts the bombing of Dresden.",
        "The novel portrays the invasion of Kuwait.",
        "The exhibition remembers the deportation of the Jews.",
    ],
)
def test_issue6_what_a_work_discusses_is_its_topic(events_only: Analyzer, text: str) -> None:
    assert event_types(events_only, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The city commemorated the victims of the attack.",
        "The exhibition commemorates the 1994 genocide.",
        "The museum honours the victims of the bombing.",
        "Thousands mourned the victims of the massacre on Sunday.",
        "A memorial service for the victims of the bombing was held on Sunday.",
    ],
)
def test_issue6_remembering_an_act_is_no_act(events_only: Analyzer, text: str) -> None:
    assert event_types(events_only, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The war memorial was unveiled on Sunday.",
        "The mayor inaugurated a monument to the fallen soldiers.",
    ],
)
def test_issue6_unveiling_a_memorial_is_no_support(events_only: Analyzer, text: str) -> None:
    assert event_types(events_only, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The court will hear the case next month.",
        "The trial of the two suspects is scheduled to begin in March.",
        "The hearing is scheduled to resume in May.",
    ],
)
def test_issue6_court_schedules_are_no_events(events_only: Analyzer, text: str) -> None:
    assert event_types(events_only, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The airline resumed flights to Baghdad.",
        "The board fired the chief executive on Monday.",
        "The company fired its chief financial officer.",
        "The chef fired up the grill.",
        "The striker shot the ball into the net.",
        "Liverpool beat Chelsea 2-1 on Saturday.",
        "Tottenham beat Arsenal 3-1 in the derby.",
        "Manchester United crushed Leeds 5-0.",
        "The team defeated its rivals in the final.",
    ],
)
def test_issue6_trade_jobs_and_sport_are_no_events(events_only: Analyzer, text: str) -> None:
    assert event_types(events_only, text) == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Police arrested 12 protesters in the capital.", "COERCE"),
        ("A drone strike killed 3 militants.", "ASSAULT"),
        ("The court sentenced him to 10 years in prison.", "COERCE"),
        ("Gunmen kidnapped the journalist on Monday.", "ASSAULT"),
        ("Police investigate the killing of the journalist.", "ACCUSE"),
        ("A UN report accused the army of killing civilians.", "ACCUSE"),
        ("A report says militants killed 12 villagers.", "ASSAULT"),
        ("Troops fired rockets at the village.", "ASSAULT"),
        ("Police fired at the gunmen.", "ASSAULT"),
        ("Gunmen killed 2-3 civilians in the market.", "ASSAULT"),
        ("Protesters marched in the capital in March.", "PROTEST"),
        ("The guards opened fire on the attackers.", "ASSAULT"),
        ("Rebels defeated government troops in the battle for the town.", "ASSAULT"),
        ("A bomb exploded at a memorial service in Kabul, killing 12.", "ASSAULT"),
    ],
)
def test_issue6_reports_keep_their_type(events_only: Analyzer, text: str, kind: str) -> None:
    assert event_types(events_only, text) == [kind]


def test_issue6_firing_on_people_is_no_property_destruction(events_only: Analyzer) -> None:
    """The verb "fire" is a shot, not arson: "set fire" has its own rule."""
    events = events_only.analyze("Soldiers fired on protesters, killing two.").events
    assert [e.type for e in events] == ["ASSAULT"]
    assert "destroy" not in events[0].mode
    assert events[0].acled_sub_event_type != "Looting/property destruction"


@pytest.mark.parametrize(
    ("text", "sub_event"),
    [
        ("Gunmen killed the mayor of the town on Monday.", "Attack"),
        ("An attempt to assassinate the deputy governor of the region was thwarted.", "Attack"),
        ("Unknown gunmen shot dead a police official in Kandahar.", "Armed clash"),
        ("The US killed General Qassem Soleimani in Baghdad.", "Armed clash"),
        ("Militants killed two soldiers at a checkpoint.", "Armed clash"),
    ],
)
def test_issue6_violence_against_a_civilian_office_holder_is_an_attack(
    events_only: Analyzer, text: str, sub_event: str
) -> None:
    """ACLED: violence against unarmed non-combatants is one-sided (Violence against
    civilians); a victim named by an armed force or a military rank, with no weapon cue,
    stays an Armed clash."""
    events = events_only.analyze(text).events
    assert [e.acled_sub_event_type for e in events] == [sub_event]


@pytest.fixture(scope="module")
def events_with_actors() -> Analyzer:
    config = load_config()
    config["pipeline"]["stages"] = ["newsgraph_actors", "newsgraph_events"]
    return Analyzer(config=config)


def test_issue6_a_seized_ships_recipient_is_its_owners_country(
    events_only: Analyzer, events_with_actors: Analyzer
) -> None:
    """The recipient of releasing a seized ship is its owner: the nationality that modifies
    the ship ("British"), which the actors stage resolves to the country."""
    text = "Iran released the seized British tanker."
    assert [(e.type, e.recipient_text) for e in events_only.analyze(text).events] == [
        ("RETREAT", "British")
    ]
    analysis = events_with_actors.analyze(text)
    countries = {e.id: e.country for e in analysis.entities}
    (event,) = analysis.events
    assert [countries[r] for r in event.recipients] == ["GB"]


@pytest.mark.parametrize(
    "text",
    [
        "The police department fired Officer Jane Brown on Monday.",
        "The sheriff's office fired Deputy Mark Ellis after the inquiry.",
    ],
)
def test_issue6_firing_a_named_person_is_a_dismissal(events_only: Analyzer, text: str) -> None:
    assert event_types(events_only, text) == []


def test_issue6_firing_at_a_named_person_stays_an_attack(events_only: Analyzer) -> None:
    assert event_types(events_only, "The gunman fired at Officer John Miller.") == ["ASSAULT"]


@pytest.mark.parametrize(
    "text",
    [
        "The children read the story about how Cain killed his brother.",
        "She wrote a novel about how the army crushed the uprising.",
        "The film tells the story of how the rebels attacked the town.",
    ],
)
def test_issue6_a_clause_a_story_tells_is_its_topic(events_only: Analyzer, text: str) -> None:
    assert event_types(events_only, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Witnesses spoke about how the army crushed the uprising.",
        "The army crushed the uprising, the report said.",
    ],
)
def test_issue6_an_act_witnesses_tell_stays_a_report(events_only: Analyzer, text: str) -> None:
    assert event_types(events_only, text) == ["ASSAULT"]
