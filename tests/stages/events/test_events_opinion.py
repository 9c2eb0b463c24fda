"""Precision on opinion and commentary (issue 6, fifth round): claims, warnings, meanings,
names and questions told in the words of accusation, threat, promise, contact and request.
Invented sentences, negatives per class of :mod:`newsgraph.stages.events.opinion`; real
accusations, threats, promises, calls and requests with the same verbs keep their type."""

from __future__ import annotations

import pytest

from newsgraph.pipeline import Analyzer
from support import event_types


@pytest.mark.parametrize(
    "text",
    [
        "The defence argued that the crash was an accident.",
        "The carmaker claims that its new engine is cleaner than any rival's.",
        "The lawyers contended that the contract was void.",
        "Critics argued that the new stadium was a waste of money.",
        "The spokesman claimed that the figures were wrong.",
        '"The bridge is safe," the engineer claimed.',
        "The columnist argued for raising the minimum wage.",
    ],
)
def test_issue6_an_assertion_about_a_thing_is_no_accusation(
    events_only: Analyzer, text: str
) -> None:
    assert event_types(events_only, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The union claimed that the minister had lied to parliament.",
        "The opposition claimed that the mayor was corrupt.",
        "Kyiv claims that Russian forces shelled the power plant.",
        "The government argued that the rebels had broken the truce.",
        "The protesters claimed that police had beaten them.",
        "Activists argue that the army has tortured detainees.",
        "Prosecutors alleged that the company was a front for smuggling.",
    ],
)
def test_issue6_a_claim_about_a_party_stays_an_accusation(events_only: Analyzer, text: str) -> None:
    assert event_types(events_only, text) == ["ACCUSE"]


@pytest.mark.parametrize(
    "text",
    [
        '"It could spread to other regions," the doctor warned.',
        "Health officials warned the next epidemic would be worse.",
    ],
)
def test_issue6_a_forecast_of_a_happening_is_no_threat(events_only: Analyzer, text: str) -> None:
    assert event_types(events_only, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Hamas warned that it would retaliate for the raid.",
        "The army warned that it would not tolerate further unrest.",
        "The United States warned Iran against enriching uranium.",
    ],
)
def test_issue6_a_coercive_warning_stays_a_threat(events_only: Analyzer, text: str) -> None:
    assert event_types(events_only, text) == ["THREATEN"]


@pytest.mark.parametrize(
    "text",
    [
        "What does this mean for ordinary families?",
        "The donations were meant to pay for a new school roof.",
        "The plan was meant to reduce traffic in the city centre.",
    ],
)
def test_issue6_a_meaning_or_a_purpose_is_no_promise(events_only: Analyzer, text: str) -> None:
    assert event_types(events_only, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Iran intends to cooperate with the inspectors.",
        "The two leaders plan to sign a trade pact next month.",
        "The rebels intend to lay down their arms next month.",
    ],
)
def test_issue6_an_intent_to_act_stays_a_promise(events_only: Analyzer, text: str) -> None:
    assert event_types(events_only, text) == ["AGREE"]


@pytest.mark.parametrize(
    "text",
    [
        "I call it the worst budget in a decade.",
        "Critics called the budget a disaster.",
        "The mayor called the decision a betrayal.",
    ],
)
def test_issue6_naming_something_is_no_call(events_only: Analyzer, text: str) -> None:
    assert event_types(events_only, text) == []


def test_issue6_a_call_between_parties_stays_a_consultation(events_only: Analyzer) -> None:
    text = "The president was called by the prime minister after the vote."
    assert event_types(events_only, text) == ["CONSULT"]


@pytest.mark.parametrize(
    "text",
    [
        '"Why was the bridge closed?" the commuter asked.',
        "Reporters asked difficult questions about the budget.",
        "Students asked questions about the exam.",
        "She asked whether the museum would reopen.",
        "Journalists asked why the hospital had closed.",
        "Journalists asked about the delays.",
        "That is exactly what the voters are asking amid the crisis.",
    ],
)
def test_issue6_a_question_is_no_request(events_only: Analyzer, text: str) -> None:
    assert event_types(events_only, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The mayor asked the government for emergency funds.",
        "Ukraine asked its allies to send more air defence systems.",
        "The prisoners asked for asylum in Sweden.",
        "The refugees asked the United Nations for protection.",
        "Lebanon asked Israel to withdraw its troops.",
        "The union asked that the talks resume.",
        "The unions insisted on a pay rise for nurses.",
        "The council asked for more time.",
    ],
)
def test_issue6_asking_for_something_stays_a_request(events_only: Analyzer, text: str) -> None:
    assert event_types(events_only, text) == ["REQUEST"]


@pytest.mark.parametrize(
    "text",
    [
        "The mayor agreed with the report's findings.",
        "One local farmer agrees.",
        "The judge agreed with the experts' assessment.",
    ],
)
def test_issue6_sharing_a_view_is_no_agreement(events_only: Analyzer, text: str) -> None:
    assert event_types(events_only, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The rebels agreed to the truce.",
        "Russia agreed with Turkey on a ceasefire.",
        "The two sides agreed.",
        "Israel and Hamas agreed on a prisoner exchange.",
    ],
)
def test_issue6_an_agreement_to_something_or_between_parties_stays(
    events_only: Analyzer, text: str
) -> None:
    assert event_types(events_only, text) == ["AGREE"]


@pytest.mark.parametrize(
    "text",
    [
        "This contradicted the mayor's earlier account.",
        "That permitted the return of thousands of workers to the mines.",
    ],
)
def test_issue6_a_fact_as_doer_is_no_party(events_only: Analyzer, text: str) -> None:
    assert event_types(events_only, text) == []


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("The opposition contradicted the mayor's earlier account.", ["ACCUSE"]),
        ("The army permitted the return of thousands of refugees.", ["CONCEDE"]),
        ("This killed five people and injured twelve.", ["ASSAULT"]),
    ],
)
def test_issue6_a_party_or_an_act_of_force_keeps_its_event(
    events_only: Analyzer, text: str, kinds: list[str]
) -> None:
    assert event_types(events_only, text) == kinds


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The minister insisted the new law was fair.", []),
        ("The police chief insists there is no link between the two fires.", []),
        ("The union insisted that the strike had been a success.", []),
        ("The minister insisted that the talks resume at once.", ["REQUEST"]),
        ("The union insisted that the company should rehire the workers.", ["REQUEST"]),
        ("The president insisted on a full withdrawal of the troops.", ["REQUEST"]),
        ("The protesters demanded that the mayor resign.", ["REQUEST"]),
    ],
)
def test_issue6_insisting_that_something_is_so_is_no_demand(
    events_only: Analyzer, text: str, expected: list[str]
) -> None:
    assert event_types(events_only, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The villagers expressed differing views on the new dam.", []),
        ("Several residents have expressed their views on the school program.", []),
        ("The cardinal expressed his mind on the matter in a long letter.", []),
        ("The union expressed frustration with the ministry.", ["ACCUSE"]),
        ("The farmers expressed frustration with the ministry.", ["ACCUSE"]),
    ],
)
def test_issue6_a_view_expressed_is_no_disapproval(
    events_only: Analyzer, text: str, expected: list[str]
) -> None:
    assert event_types(events_only, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Diplomats worry about Iran's growing threat.", []),
        ("The militia's threats against journalists alarmed the editors.", ["THREATEN"]),
        ("The rebels' threat to storm the capital was taken seriously.", ["THREATEN"]),
    ],
)
def test_issue6_a_danger_is_no_threat_made(
    events_only: Analyzer, text: str, expected: list[str]
) -> None:
    assert event_types(events_only, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The senator argued that more funding is needed for the schools.", []),
        ("The engineers claimed that the bridge had been badly designed.", []),
        ("The union claimed that the workers had been beaten by the guards.", ["ACCUSE"]),
        ("The lawyers argued that the program violates the constitution.", ["ACCUSE"]),
        # an act of force claimed is told as the act, as after "said"
        ("The ministry claimed that the hospital was shelled overnight.", ["ASSAULT"]),
    ],
)
def test_issue6_a_claim_of_what_no_one_did_to_a_thing_accuses_no_one(
    events_only: Analyzer, text: str, expected: list[str]
) -> None:
    assert event_types(events_only, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The spokesman gave contradictory explanations for the delay.", []),
        ("Germany gave the refugees blankets and food.", ["AID"]),
        ("The United States supplied weapons to the rebels.", ["AID"]),
        ("Japan provided aid to the flood victims.", ["AID"]),
    ],
)
def test_issue6_help_goes_to_a_party_not_to_an_idea(
    events_only: Analyzer, text: str, expected: list[str]
) -> None:
    assert event_types(events_only, text) == expected
