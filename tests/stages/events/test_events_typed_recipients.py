"""Issue 6: recipients that depend on the event's type (``recipients.py``).

Hand-written sentences (no gold text): moved forces are aimed at the country they go to or
leave, a protest at the party its demand names, a threat at whoever must meet its condition;
a party acted on directly keeps its place.
"""

from __future__ import annotations

import pytest

from newsgraph.pipeline import Analyzer


def _coded(analyzer: Analyzer, text: str) -> list[tuple[str, str | None]]:
    return [(e.type, e.recipient_text) for e in analyzer.analyze(text).events]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Canada pulled its troops out of Mali on Friday.", ("RETREAT", "Mali")),
        ("Kenya mobilized army reservists for a war against Somalia.", ("MOBILIZE", "Somalia")),
        ("Chile said it is willing to withdraw its soldiers from Haiti.", ("AGREE", "Haiti")),
    ],
)
def test_issue6_moved_forces_are_aimed_at_their_country(
    events_only: Analyzer, text: str, expected: tuple[str, str]
) -> None:
    assert expected in _coded(events_only, text)


@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        ("Farmers began a hunger strike to demand the resignation of Minister Ole Berg.", "Ole"),
        ("Drivers blocked roads in Lima in defiance of the Peruvian authorities.", "authorities"),
        ("Students marched in Quito calling for independence from Spain.", "Spain"),
    ],
)
def test_issue6_protest_is_aimed_at_the_party_its_demand_names(
    events_only: Analyzer, text: str, recipient: str
) -> None:
    protests = [r for t, r in _coded(events_only, text) if t == "PROTEST"]
    assert len(protests) == 1
    assert protests[0] is not None and recipient in protests[0]


def test_issue6_protest_against_a_party_keeps_it(events_only: Analyzer) -> None:
    text = "Students marched against the government to demand the release of Ole Berg."
    assert ("PROTEST", "government") in _coded(events_only, text)


def test_issue6_protest_with_no_party_in_its_demand_names_none(events_only: Analyzer) -> None:
    text = "Farmers staged a protest outside the ministry to demand subsidies."
    assert _coded(events_only, text) == [("PROTEST", None)]


def test_issue6_threat_is_aimed_at_whoever_must_meet_its_condition(
    events_only: Analyzer,
) -> None:
    text = "Norway threatened to halt the talks unless Russia withdrew its demands."
    assert ("THREATEN", "Russia") in _coded(events_only, text)


def test_issue6_attacked_or_arrested_troops_stay_the_recipient(events_only: Analyzer) -> None:
    assert _coded(events_only, "Rebels attacked soldiers in Kabul.") == [("ASSAULT", "soldiers")]
    assert _coded(events_only, "Police arrested troops in Lagos.") == [("COERCE", "troops")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile issued an ultimatum to Peru.", ("THREATEN", "Peru")),
        ("Austria announced a suspension of flights with Libya.", ("SANCTION", "Libya")),
        ("The army imposed a curfew in the town of Tikrit.", ("COERCE", "Tikrit")),
        ("Oslo rejected calls by Ole Berg to resign.", ("REJECT", "Ole Berg")),
    ],
)
def test_issue6_a_thing_acted_on_yields_to_the_party_it_names(
    events_only: Analyzer, text: str, expected: tuple[str, str]
) -> None:
    assert expected in _coded(events_only, text)


def test_issue6_allowing_someone_to_act_is_aimed_at_them(events_only: Analyzer) -> None:
    text = "The court allowed candidate Ole Berg to run in the elections."
    coded = _coded(events_only, text)
    assert any(t == "CONCEDE" and r is not None and "Ole Berg" in r for t, r in coded)


def test_issue6_a_promise_is_aimed_at_the_party_of_the_promised_act(
    events_only: Analyzer,
) -> None:
    text = "Norway agreed to send medical supplies to Chad."
    coded = _coded(events_only, text)
    assert coded and coded[0] == ("AGREE", "Chad")


def test_issue6_a_thing_on_a_named_party_yields_to_its_name(events_only: Analyzer) -> None:
    text = "The army lifted a blockade on Palestinian trucks."
    assert ("RETREAT", "Palestinian") in _coded(events_only, text)


def test_issue6_an_attack_noun_keeps_its_modifier_as_owner_not_target(
    events_only: Analyzer,
) -> None:
    text = "At least 12 security personnel were killed in Taliban attacks across Afghanistan."
    assert ("ASSAULT", "12 security personnel") in _coded(events_only, text)


def test_issue6_an_attack_noun_on_a_place_keeps_the_place(events_only: Analyzer) -> None:
    text = "Militants launched an attack against a neighborhood in the city of Homs."
    assert ("ASSAULT", "neighborhood") in _coded(events_only, text)


def test_issue6_refusing_a_proposal_is_aimed_at_its_author(events_only: Analyzer) -> None:
    text = "The rebels refused to respond to a demand from the Kenyan government."
    coded = _coded(events_only, text)
    assert any(t == "REJECT" and r is not None and "government" in r for t, r in coded)


def test_issue6_an_investigation_of_crimes_is_aimed_at_who_committed_them(
    events_only: Analyzer,
) -> None:
    text = (
        "Police launched an investigation into crimes committed by militia fighters"
        " against civilians."
    )
    coded = _coded(events_only, text)
    assert any(t == "ACCUSE" and r is not None and "fighters" in r for t, r in coded)


def test_issue6_an_act_is_never_aimed_at_its_own_actor(events_only: Analyzer) -> None:
    text = "The report echoes an accusation by Ole Berg, the UN envoy."
    for kind, recipient in _coded(events_only, text):
        assert recipient is None or "Berg" not in recipient, (kind, recipient)
