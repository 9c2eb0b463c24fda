"""Deaths and thoughts that are no events (issue 6, :mod:`newsgraph.stages.events.nature`):
what kills without anyone acting, a death with no violence, and verbs of thinking or
perceiving that CAMEO files under consultation. Found by judging the events coded on whole
articles (docs/events.md, "Event confidence"); invented sentences, with controls that keep
the violent deaths and the meetings."""

from __future__ import annotations

import pytest

from newsgraph.pipeline import Analyzer
from support import event_types


@pytest.mark.parametrize(
    "text",
    [
        "The outbreak of cholera in the region has killed 97 people since August.",
        "The plague has killed at least 124 people in the capital.",
        "The earthquake and the tsunami hit the coast a week ago, killing thousands.",
        "The airliner crashed into the sea in June, killing all 228 people on board.",
        "A powerful storm killed six people in the north of the country.",
        "Six people were killed by the storm.",
        "Malaria kills thousands every year.",
    ],
)
def test_issue6_harm_by_nature_is_no_assault(events_only: Analyzer, text: str) -> None:
    assert "ASSAULT" not in event_types(events_only, text)


@pytest.mark.parametrize(
    "text",
    [
        "The company's founder has died at the age of 56.",
        "Kim assumed power after his father died in 2011.",
        "Last week fewer than 60 people had died and around 600 had been infected.",
        "The former minister died of cancer on Sunday.",
    ],
)
def test_issue6_a_death_with_no_violence_is_no_assault(events_only: Analyzer, text: str) -> None:
    assert "ASSAULT" not in event_types(events_only, text)


@pytest.mark.parametrize(
    "text",
    [
        "I think our relationship with the North is going to be very different.",
        "We learned a lot about each other and our countries, the president said.",
        "The guard heard a drilling sound and went to look.",
        "Some have speculated that the judge would rule in his favour.",
        "What do you think?",
    ],
)
def test_issue6_a_state_of_mind_is_no_consultation(events_only: Analyzer, text: str) -> None:
    assert "CONSULT" not in event_types(events_only, text)


@pytest.mark.parametrize(
    "text",
    [
        "Militants killed 12 villagers in Borno state on Monday.",
        "Two gunmen died in a shootout with police in the capital.",
        "Two soldiers died in the ambush near the border.",
        "The soldier died of his wounds in hospital.",
        "A policeman died of gunshot wounds on Sunday.",
        "One man died after picking up a hand grenade outside a subway station.",
        "The explosion killed five people at the market.",
        "The fire set by rioters killed two shopkeepers.",
        "The attack cost the army over 5,000 soldiers killed, wounded or captured.",
    ],
)
def test_issue6_violent_deaths_stay_assaults(events_only: Analyzer, text: str) -> None:
    assert "ASSAULT" in event_types(events_only, text)


@pytest.mark.parametrize(
    "text",
    [
        "Police officers arrived on the 32nd floor two minutes later.",
        "A lot of the good jobs in the county have left.",
        "Every other night, everybody exited right off the boulevard.",
    ],
)
def test_issue6_a_trip_to_nowhere_named_is_no_visit(events_only: Analyzer, text: str) -> None:
    assert "CONSULT" not in event_types(events_only, text)


@pytest.mark.parametrize(
    "text",
    [
        "The foreign ministers met in Geneva on Tuesday to discuss the ceasefire.",
        "The UN envoy arrived in Kabul on Monday.",
        "The foreign minister travelled to Moscow for two days.",
        "The two delegations met again in the capital on Friday.",
    ],
)
def test_issue6_meetings_and_visits_stay_consultations(events_only: Analyzer, text: str) -> None:
    assert "CONSULT" in event_types(events_only, text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("However, given the current weakened state of the economy, we will act.", "COOPERATE"),
        ("Given what we are now seeing, the plan looks wise.", "COOPERATE"),
        ("The outbreak had helped spread the bacteria more widely.", "AID"),
        ("This helps explain why Iran placed so much importance on the area.", "AID"),
    ],
)
def test_issue6_function_verbs_are_no_acts(events_only: Analyzer, text: str, kind: str) -> None:
    """:mod:`newsgraph.stages.events.auxiliary`: a participle used as a preposition, "help"
    as a helper of another verb."""
    assert kind not in event_types(events_only, text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The United States gave Israel three billion dollars in military aid.", "AID"),
        ("Iran helped the Syrian regime establish control over the area.", "AID"),
        ("The Red Cross helped the refugees in the camp.", "AID"),
    ],
)
def test_issue6_giving_and_helping_stay_acts(events_only: Analyzer, text: str, kind: str) -> None:
    assert kind in event_types(events_only, text)


@pytest.mark.parametrize(
    "text",
    [
        "The outbreak, which started in the north and has killed 80 people, is still spreading.",
        "Cholera spread through the camps and has killed 40 people.",
    ],
)
def test_issue6_harm_by_nature_told_through_a_conjunct_or_a_relative_is_no_assault(
    events_only: Analyzer, text: str
) -> None:
    """The doer of a conjunct with no subject is its first conjunct's; a relative pronoun
    stands for the noun it hangs on."""
    assert "ASSAULT" not in event_types(events_only, text)


@pytest.mark.parametrize(
    "text",
    [
        "The gunmen who stormed the hotel and killed 20 guests were arrested.",
        "The militia, which attacked the village and killed 12 people, withdrew.",
    ],
)
def test_issue6_killings_by_armed_men_told_the_same_way_stay_assaults(
    events_only: Analyzer, text: str
) -> None:
    assert "ASSAULT" in event_types(events_only, text)


@pytest.mark.parametrize(
    "text",
    [
        "Thousands of children caught the flu last winter.",
        "Nurses in the ward are catching the infection.",
    ],
)
def test_issue6_an_illness_caught_is_no_seizure(events_only: Analyzer, text: str) -> None:
    assert event_types(events_only, text) == []


def test_issue6_a_suspect_caught_stays_an_arrest(events_only: Analyzer) -> None:
    assert event_types(events_only, "Police caught the suspect near the border.") == ["COERCE"]


@pytest.mark.parametrize(
    "text",
    [
        "Firefighters arrived on the third floor where Mark Davis was trapped.",
        "The nurses arrived at the ward where Dr Helen Price worked.",
    ],
)
def test_issue6_a_name_in_a_clause_on_the_place_is_no_place_named(
    events_only: Analyzer, text: str
) -> None:
    """Who is where one arrives is not where one arrives: the place's own words count."""
    assert "CONSULT" not in event_types(events_only, text)


def test_issue6_arriving_in_a_named_capital_stays_a_visit(events_only: Analyzer) -> None:
    assert event_types(events_only, "The envoy arrived in Kabul on Monday.") == ["CONSULT"]


@pytest.mark.parametrize(
    "text",
    [
        "He fought pancreatic cancer in 2004.",
        "The singer has been battling breast cancer for two years.",
    ],
)
def test_issue6_fighting_a_disease_is_no_assault(events_only: Analyzer, text: str) -> None:
    assert event_types(events_only, text) == []


def test_issue6_fighting_rebels_stays_an_assault(events_only: Analyzer) -> None:
    text = "Government forces fought the rebels near the border."
    assert event_types(events_only, text) == ["ASSAULT"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The general was joined in March by two former ministers.", []),
        ("The foreign ministers joined the talks in Geneva.", ["CONSULT"]),
        ("Several advisers joined the meeting later in the day.", ["CONSULT"]),
    ],
)
def test_issue6_joining_people_is_no_meeting(
    events_only: Analyzer, text: str, expected: list[str]
) -> None:
    assert event_types(events_only, text) == expected


def test_issue6_joining_others_in_an_act_is_left_to_that_act(events_only: Analyzer) -> None:
    # "joined X in demanding …": the joining is read as before (no rule of this round).
    text = "The students joined the workers in demanding higher wages."
    assert event_types(events_only, text) == ["CONSULT"]
