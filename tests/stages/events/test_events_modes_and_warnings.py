"""Issue 6: threat modes of a threatened protest, coordinated instrument modes, and warnings
that only state a fact. Hand-written sentences (no gold text)."""

from __future__ import annotations

import pytest

from newsgraph.pipeline import Analyzer
from newsgraph.stages.events.modes import coordinated_instruments, threaten_mode
from support import event_types


def test_issue6_a_threatened_protest_restricts() -> None:
    assert threaten_mode(frozenset({"strike"}), ("PROTEST", "strike")) == ["restrict"]


def test_issue6_coordinated_instruments_give_one_mode_each() -> None:
    assert coordinated_instruments(["helicopter", "tank"], ["aerial"]) == [
        "aerial",
        "heavy-weapons",
    ]
    assert coordinated_instruments(["rebel", "tank"], ["heavy-weapons"]) == ["heavy-weapons"]


def test_issue6_helicopters_and_tanks_shelling_is_aerial_and_heavy(events_only: Analyzer) -> None:
    events = events_only.analyze("Syrian helicopters and tanks shelled the village.").events
    assert [(e.type, e.mode) for e in events] == [("ASSAULT", ["aerial", "heavy-weapons"])]


@pytest.mark.parametrize(
    "text",
    [
        "Officials cautioned that no date had been set for the vote.",
        "The minister warned that the economy is in trouble.",
    ],
)
def test_issue6_a_warning_that_states_a_fact_is_no_threat(events_only: Analyzer, text: str) -> None:
    assert events_only.analyze(text).events == []


@pytest.mark.parametrize(
    "text",
    [
        "The minister warned that police will break up the rallies.",
        "The army warned Hamas against further attacks.",
    ],
)
def test_issue6_a_warning_of_an_act_stays_a_threat(events_only: Analyzer, text: str) -> None:
    assert [e.type for e in events_only.analyze(text).events] == ["THREATEN"]


def test_issue6_killing_a_leader_is_targeted(events_only: Analyzer) -> None:
    events = events_only.analyze("Rebels killed the deputy commander of the militia.").events
    assert [(e.type, e.mode) for e in events] == [("ASSAULT", ["targeted"])]
    events = events_only.analyze("Rebels killed three villagers.").events
    assert [(e.type, e.mode) for e in events] == [("ASSAULT", [])]


def test_issue6_expelling_envoys_is_a_sanction_expelling_people_a_deportation(
    events_only: Analyzer,
) -> None:
    diplomats = events_only.analyze("Russia expelled two Danish diplomats.").events
    assert [(e.type, e.mode) for e in diplomats] == [("SANCTION", ["expel"])]
    refugees = events_only.analyze("The government expelled thousands of refugees.").events
    assert [(e.type, e.mode) for e in refugees] == [("COERCE", ["deport"])]


def test_issue6_a_threatened_blockade_restricts() -> None:
    assert threaten_mode(frozenset({"blockade", "city"}), ("SANCTION", None)) == ["restrict"]
    assert threaten_mode(frozenset({"ties"}), ("SANCTION", None)) == ["relations"]


def test_issue6_a_reminder_that_someone_must_act_is_a_request(events_only: Analyzer) -> None:
    text = "The president issued a reminder to Chad that it must free the prisoners."
    events = events_only.analyze(text).events
    assert [(e.type, e.actor_text, e.recipient_text) for e in events] == [
        ("REQUEST", "president", "Chad")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The general warned the president that the army was exhausted.", []),
        ("The adviser warned the king that the treasury was empty.", []),
        ("The general warned the rebels that the army would strike.", ["THREATEN"]),
        ("Police warned the protesters.", ["THREATEN"]),
    ],
)
def test_issue6_a_fact_told_to_someone_is_no_threat(
    events_only: Analyzer, text: str, expected: list[str]
) -> None:
    assert event_types(events_only, text) == expected
