"""The events stage on the real pipeline: Tasnim regression cases, negatives, quality floors.

Floors are pinned a little below what the stage scored on the **held-out** third of each
development set (split by ``sha256(id) % 3 == 0``, see ``scripts/build_events_classifier.py``);
the rules, the PLOVER re-typer and the (local) ACLED classifier were tuned on the other two
thirds only.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from newsgraph.evaluate.runner import evaluate_layer
from newsgraph.pipeline import Analyzer
from newsgraph.record import Event

ROOT = Path(__file__).resolve().parents[3]
TASNIM = ROOT.parent / "shared" / "examples" / "tasnim-2021-07"
sys.path.insert(0, str(ROOT / "scripts"))

from build_events_classifier import read_part  # noqa: E402


def shared_file(relative: str) -> Path:
    """A file under ../shared/data, or skip the test with the reason."""
    path = ROOT.parent / "shared" / "data" / relative
    if not path.exists():
        pytest.skip(f"development data not found at {path} (../shared is not checked out)")
    return path


def _events(analyzer: Analyzer, text: str, published: str | None = None) -> list[Event]:
    return analyzer.analyze(text, published=published).events


@pytest.fixture(scope="session")
def tasnim_events(events_only: Analyzer) -> list[Event]:
    path = TASNIM / "article.txt"
    if not path.exists():
        pytest.skip(f"reference example not found at {path} (../shared is not checked out)")
    return _events(events_only, path.read_text("utf-8"), "2021-07-08")


def _find(events: list[Event], kind: str, trigger_word: str, text: str) -> Event:
    for event in events:
        assert event.trigger is not None
        if event.type == kind and text[event.trigger[0] : event.trigger[1]] == trigger_word:
            return event
    raise AssertionError(f"no {kind} event on {trigger_word!r}")


@pytest.fixture(scope="session")
def tasnim_text() -> str:
    return (TASNIM / "article.txt").read_text("utf-8")


def test_issue6_threaten_by_al_askari(tasnim_events: list[Event], tasnim_text: str) -> None:
    event = _find(tasnim_events, "THREATEN", "warning", tasnim_text)
    assert event.mode == ["violence"]
    assert event.actor_text == "Abu Ali al-Askari"
    assert event.recipient_text is not None and "American military" in event.recipient_text


def test_issue6_parliament_request(tasnim_events: list[Event], tasnim_text: str) -> None:
    event = _find(tasnim_events, "REQUEST", "demanding", tasnim_text)
    assert event.mode == ["yield"]
    assert event.actor_text is not None and "parliament" in event.actor_text
    assert event.recipient_text is not None and "forces" in event.recipient_text


def test_issue6_assassination_is_one_event(tasnim_events: list[Event], tasnim_text: str) -> None:
    kills = [e for e in tasnim_events if e.mode == ["targeted"]]
    assert len(kills) == 1  # three mentions, one act
    assert kills[0].actor_text == "US"
    assert kills[0].recipient_text is not None and "Soleimani" in kills[0].recipient_text
    assert len(kills[0].evidence.spans) >= 3


def test_issue6_missile_strike_by_iran(tasnim_events: list[Event]) -> None:
    event = next(e for e in tasnim_events if e.mode == ["heavy-weapons"])
    assert event.type == "ASSAULT"
    assert event.actor_text == "Iran"
    assert event.recipient_text is not None and "US" in event.recipient_text  # not the base


def test_issue6_wednesday_attack_has_no_guessed_perpetrator(
    tasnim_events: list[Event], tasnim_text: str
) -> None:
    event = _find(tasnim_events, "ASSAULT", "attack", tasnim_text)
    assert event.actor_text is None
    assert event.actors == []
    assert event.recipient_text is not None and "US" in event.recipient_text  # the base's troops
    assert event.fatalities is None  # "deadly" belongs to the air raid, not to this attack


def test_issue6_deadly_air_raid(tasnim_events: list[Event], tasnim_text: str) -> None:
    event = _find(tasnim_events, "ASSAULT", "air raid", tasnim_text)
    assert event.mode == ["aerial"]
    assert event.actor_text == "US military" or event.actor_text == "the US military"
    assert event.recipient_text == "resistance forces"
    assert event.fatalities == 1  # at least one, count unknown
    assert event.acled_event_type == "Explosions/Remote violence"
    assert event.acled_sub_event_type == "Air/drone strike"


def test_issue6_repeated_targeting_is_habitual(tasnim_events: list[Event]) -> None:
    habitual = [e for e in tasnim_events if e.habitual]
    assert len(habitual) == 1
    assert habitual[0].type == "ASSAULT"
    assert habitual[0].actor_text is None


def test_issue6_accusation_by_al_askari(tasnim_events: list[Event], tasnim_text: str) -> None:
    event = _find(tasnim_events, "ACCUSE", "Traitors", tasnim_text)
    assert event.actor_text == "al-Askari"
    assert event.recipient_text is not None and event.recipient_text.startswith("those who")


def test_issue6_no_event_from_avoid_attacking(tasnim_events: list[Event], tasnim_text: str) -> None:
    start = tasnim_text.index("avoid attacking")
    end = tasnim_text.index("foreign party")
    assert not [e for e in tasnim_events if e.trigger and start <= e.trigger[0] < end]


def test_issue6_dates_fall_back_to_publication(tasnim_events: list[Event]) -> None:
    assert all(e.date == "2021-07-08" for e in tasnim_events)


@pytest.mark.parametrize(
    "text",
    [
        "Thousands gathered on the anniversary of the war.",
        "The festival opened with a film about the attack.",
        "Rebels avoided attacking the town.",
        "The army did not bomb the village.",
        "If the rebels attack, the army will respond.",
        "Veterans marked the anniversary of the bombing of the city.",
        "A documentary about the massacre won a prize.",
        "The museum opened an exhibition on the history of the civil war.",
        "The book tells the story of the fighting in 1994.",
        "A documentary about protesters who gathered in 1968 won a prize.",
        "Police could use tear gas on protesters.",
        "The minister did not visit Moscow.",
    ],
)
def test_issue6_mentions_of_violence_are_not_events(events_only: Analyzer, text: str) -> None:
    assert _events(events_only, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "A film about the attack was released on Friday.",
        "The army released footage of the strike.",
        "Houthis released a video showing the captured ship.",
    ],
)
def test_issue6_released_works_are_not_releases(events_only: Analyzer, text: str) -> None:
    """A film, footage or a report made public is no RETREAT: CAMEO's "release" frees captives
    or property."""
    assert [e.type for e in _events(events_only, text)] == []


@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        ("The rebels released 20 hostages on Friday.", "20 hostages"),
        ("The journalist was released after two weeks.", "journalist"),
        ("The group released the bodies of three soldiers.", "three soldiers"),
    ],
)
def test_issue6_released_captives_are_releases(
    events_only: Analyzer, text: str, recipient: str
) -> None:
    events = _events(events_only, text)
    assert [(e.type, e.recipient_text) for e in events] == [("RETREAT", recipient)]


def test_compound_actors_are_lists(events_only: Analyzer) -> None:
    events = _events(events_only, "Hungarian and Romanian officials agreed to cooperate.")
    assert [e.type for e in events] == ["AGREE"]
    assert events[0].actor_text == "Hungarian; Romanian"


def test_passive_attack_keeps_roles(events_only: Analyzer) -> None:
    events = _events(events_only, "Two soldiers were killed by gunmen in Kabul on Monday.")
    assert [e.type for e in events] == ["ASSAULT"]
    assert events[0].actor_text == "gunmen"
    assert events[0].recipient_text == "Two soldiers"
    assert events[0].fatalities == 2
    assert events[0].mode == ["firearms"]


def test_future_aid_is_agree_and_future_force_is_threaten(events_only: Analyzer) -> None:
    aid = _events(events_only, "Finland will give Tanzania a grant of 5 million dollars.")
    assert [(e.type, e.future) for e in aid] == [("AGREE", True)]
    curfew = _events(events_only, "The president said he will impose a curfew in the city.")
    assert [e.type for e in curfew] == ["THREATEN"]


def _score(analyzer: Analyzer, gold: str, part: str, tmp_path: Path) -> dict[str, Any]:
    out = tmp_path / f"{part}.jsonl"
    docs = read_part(shared_file(f"events/{gold}"), part)
    out.write_text("".join(json.dumps(d) + "\n" for d in docs), "utf-8")
    return evaluate_layer(analyzer, "events", out)


def test_plover_gsr_floor_on_heldout(events_only: Analyzer, tmp_path: Path) -> None:
    result = _score(events_only, "plover-gsr.jsonl", "heldout", tmp_path)
    assert result["docs"] == 95
    assert result["micro_f1"] >= 0.69
    # Lowered on purpose from 0.59 on 2026-12-03 (0.598 -> 0.589) by the non-conflict-news
    # round; back to 0.59 after the sport, culture, science and weather round (0.592); see
    # docs/results.md, Events.
    assert result["macro_f1"] >= 0.59
    assert result["actor_match"] >= 0.92
    assert result["recipient_match"] >= 0.68
    assert result["mode_acc"] >= 0.63


def test_case2021_floor_on_heldout(events_only: Analyzer, tmp_path: Path) -> None:
    result = _score(events_only, "case2021-acled-dev.jsonl", "heldout", tmp_path)
    assert result["matched_on"] == "acled_event_type"
    assert result["micro_f1"] >= 0.61
    assert result["acled_sub_event_type_weighted_f1"] >= 0.68


def test_issue6_casualty_participle_is_the_same_attack(events_only: Analyzer) -> None:
    events = _events(
        events_only, "Taliban fighters attacked a checkpoint in Jawzjan, killing 12 guards."
    )
    assert [e.type for e in events] == ["ASSAULT"]
    assert events[0].actor_text == "Taliban fighters"
    assert events[0].fatalities == 12


def test_issue6_wounded_when_grenade_exploded_is_one_event(events_only: Analyzer) -> None:
    events = _events(events_only, "Seven people were wounded when a grenade exploded in Davao.")
    assert [e.type for e in events] == ["ASSAULT"]
    assert events[0].injured == 7


def test_issue6_purpose_clause_is_not_a_second_event(events_only: Analyzer) -> None:
    events = _events(
        events_only, "Farmers began a hunger strike outside parliament to demand land reform."
    )
    assert [(e.type, e.mode) for e in events] == [("PROTEST", ["hunger"])]


def test_issue6_circumstance_clause_is_background(events_only: Analyzer) -> None:
    text = "The prime minister resigned on Sunday as protesters threatened to storm his office."
    events = _events(events_only, text)
    assert len(events) == 1
    assert events[0].trigger is not None
    assert text[events[0].trigger[0] : events[0].trigger[1]] == "resigned"


def test_issue6_passive_description_is_background(events_only: Analyzer) -> None:
    events = _events(
        events_only, "The government lifted the curfew that was imposed after the coup."
    )
    assert [e.type for e in events] == ["CONCEDE"]


def test_issue6_objects_decide_generic_verbs(events_only: Analyzer) -> None:
    blocked = _events(events_only, "Angry farmers blocked roads into the capital.")
    assert [(e.type, e.mode) for e in blocked] == [("PROTEST", ["obstruct"])]
    closed = _events(events_only, "Russia closed its borders with Georgia on Monday.")
    assert [e.type for e in closed] == ["SANCTION"]
    sued = _events(events_only, "A businessman is suing the United States for damages.")
    assert [e.type for e in sued] == ["ACCUSE"]


def test_issue6_lodged_protest_is_an_accusation(events_only: Analyzer) -> None:
    events = _events(events_only, "Serbia lodged an official protest with Albania on Monday.")
    assert [e.type for e in events] == ["ACCUSE"]


def test_issue6_recipient_is_the_affected_party(events_only: Analyzer) -> None:
    events = _events(events_only, "Serbia eased emergency measures in Montenegro on Wednesday.")
    assert [e.type for e in events] == ["CONCEDE"]
    assert events[0].recipient_text == "Montenegro"


def test_issue6_retold_attack_is_one_event(events_only: Analyzer) -> None:
    text = (
        "Al-Shabab fighters attacked Kenyan positions near Hosingow on Monday. "
        "The al-Shabab fighters attacked the base from all directions."
    )
    events = _events(events_only, text)
    assert [e.type for e in events] == ["ASSAULT"]
    assert len(events[0].evidence.spans) >= 2


def test_physical_verbs_keep_their_reading(events_only: Analyzer) -> None:
    # CAMEO's patterns for verbal attacks fire on "government"; a physical act stays physical
    events = _events(events_only, "Militants attacked Syrian government forces near Aleppo.")
    assert [e.type for e in events] == ["ASSAULT"]
    marched = _events(events_only, "Demonstrators marched in the capital on Friday.")
    assert [(e.type, e.mode) for e in marched] == [("PROTEST", ["demo"])]


def test_arguments_decide_generic_verbs(events_only: Analyzer) -> None:
    found = _events(events_only, "A bomb has been found near the station.")
    assert [(e.type, e.acled_sub_event_type) for e in found] == [
        ("COERCE", "Disrupted weapons use")
    ]
    refuge = _events(events_only, "Some 800,000 Kurds sought refuge in Germany last month.")
    assert [e.type for e in refuge] == ["REQUEST"]
    streets = _events(events_only, "Thousands of people took to the streets on Friday.")
    assert [e.type for e in streets] == ["PROTEST"]
    ties = _events(events_only, "Czechia and Albania have upgraded their diplomatic ties.")
    assert [e.type for e in ties] == ["SUPPORT"]


def test_casualty_reports_the_event_noun(events_only: Analyzer) -> None:
    events = _events(events_only, "Seven soldiers were injured in a grenade explosion.")
    assert [(e.type, e.acled_sub_event_type) for e in events] == [("ASSAULT", "Grenade")]


def test_stated_demand_of_a_protest_is_its_content(events_only: Analyzer) -> None:
    text = "Thousands of Kurds demonstrated in Kirkuk on Sunday calling for independence."
    assert [e.type for e in _events(events_only, text)] == ["PROTEST"]


def test_relative_clause_describes_a_participant(events_only: Analyzer) -> None:
    text = (
        "Security forces in Guinea have tortured dozens of refugees, whom authorities blame for"
        " the conflict."
    )
    assert [e.type for e in _events(events_only, text)] == ["ASSAULT"]


def test_refused_cooperation_is_a_rejection(events_only: Analyzer) -> None:
    events = _events(events_only, "The U.S. said it would not meet the hostage-takers' demands.")
    assert [e.type for e in events] == ["REJECT"]
    assert not events[0].negated


@pytest.mark.parametrize(
    ("text", "sub_event"),
    [
        (
            "Teachers suffered suffocation after poisonous gas was used against the school.",
            "Chemical weapon",
        ),
        ("Special groups of troops have been formed in four regions.", "Change to group/activity"),
        (
            "Riot police chase demonstrators during anti-government protests in Tunis.",
            "Protest with intervention",
        ),
    ],
)
def test_acled_fallback_without_trigger(events_only: Analyzer, text: str, sub_event: str) -> None:
    events = _events(events_only, text)
    assert [e.acled_sub_event_type for e in events] == [sub_event]
    assert events[0].evidence.confidence < 0.5  # a low constant: read off cue words alone


@pytest.mark.parametrize(
    ("text", "sub_event"),
    [
        (
            "Hundreds of demonstrators outside the ministry hurled stones and bottles.",
            "Violent demonstration",
        ),
        (
            "Rubber bullets and water cannon were used in the city centre by riot police.",
            "Protest with intervention",
        ),
    ],
)
def test_acled_fallback_codebook_cues(events_only: Analyzer, text: str, sub_event: str) -> None:
    events = _events(events_only, text)
    assert [e.acled_sub_event_type for e in events] == [sub_event]
    assert events[0].actor_text != "riot police"  # the police are not the protest's actor


def test_acled_fallback_codes_the_material_act_that_holds_its_cue(
    events_only: Analyzer,
) -> None:
    text = "Turkish forces have established three military observation points near the border."
    events = _events(events_only, text)
    assert len(events) == 1  # one record: the cue is inside the coded act, not a second event
    assert events[0].acled_sub_event_type == "Headquarters or base established"


def test_acled_fallback_skips_attempts_and_calls(events_only: Analyzer) -> None:
    assert _events(events_only, "The envoy tried to broker a truce between the factions.") == []


def test_attempted_force_is_coded(events_only: Analyzer) -> None:
    events = _events(events_only, "Gunmen tried to storm the parliament building on Monday.")
    assert [e.type for e in events] == ["ASSAULT"]
    assert not events[0].hypothetical


@pytest.mark.parametrize(
    "text",
    [
        "Syrian troops retook the town of Palmyra on Sunday.",
        "The army units drove the militants out of key areas in Homs province.",
    ],
)
def test_taking_ground_is_fighting(events_only: Analyzer, text: str) -> None:
    events = _events(events_only, text)
    assert [(e.type, e.acled_sub_event_type) for e in events] == [
        ("ASSAULT", "Government regains territory")
    ]


def test_generic_verbs_stay_uncoded_without_ground(events_only: Analyzer) -> None:
    assert _events(events_only, "He drove his car to the market on Sunday.") == []


def test_toll_reports_its_cause(events_only: Analyzer) -> None:
    events = _events(events_only, "A prisoner died as a result of torture in police custody.")
    assert [e.type for e in events] == ["ASSAULT"]
    assert events[0].acled_sub_event_type == "Attack"  # a detainee is not an armed party


def test_crowd_control_means_decide_the_mode(events_only: Analyzer) -> None:
    text = "Security forces fired rubber bullets and tear gas to disperse the crowd."
    events = _events(events_only, text)
    assert events[0].mode == ["crowd-control"]


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        ("Japan said on Tuesday it had halted economic aid to Serbia.", "Japan", "Serbia"),
        ("Thousands of Iraqi Kurds demonstrated in Kirkuk on Sunday.", "Iraqi Kurds", None),
        ("Norway is willing to send troops to help defend Saudi Arabia.", "Norway", None),
        ("The PRC on Tuesday demanded that the US cancel the arms sale.", "PRC", "US"),
        ("Museveni threatened to ban opposition candidates from the vote.", "Museveni", None),
        ("Peru has granted asylum to five Panamanian army officers.", "Peru", "officers"),
        ("Rebels fired rockets at the town of Kaya on Monday.", "Rebels", "Kaya"),
    ],
)
def test_actor_and_recipient_resolution(
    events_only: Analyzer, text: str, actor: str, recipient: str | None
) -> None:
    event = _events(events_only, text)[0]
    assert event.actor_text is not None and actor in event.actor_text
    if recipient is not None:
        assert event.recipient_text is not None and recipient in event.recipient_text
    assert event.recipient_text != "Tuesday"  # a date is not a party


def test_acled_fallback_takes_only_parsed_arguments(events_only: Analyzer) -> None:
    text = "Riot police chased demonstrators during the protests in Tunis on Tuesday."
    chase = _events(events_only, text)[0]
    assert chase.acled_sub_event_type == "Protest with intervention"
    assert chase.actor_text == "demonstrators"  # the crowd protests, not the police
    gas = "Teachers suffered suffocation after poisonous gas was used against the school."
    event = _events(events_only, gas)[0]
    assert event.actor_text is None  # no perpetrator is guessed
    # The gas is the weapon, not a party; the site it was used against stands in for the
    # party when none is named, as for every attack on a site.
    assert event.recipient_text == "school"
    by = "Villagers suffered suffocation after poisonous gas was used by militants."
    assert _events(events_only, by)[0].actor_text == "militants"


def test_act_inside_a_description_is_background(events_only: Analyzer) -> None:
    text = "Police arrested three officers accused of torturing detainees."
    assert [e.type for e in _events(events_only, text)] == ["COERCE"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an event noun modifying a light verb's object
        ("The minister undertook a mediation mission between the two parties.", "CONSULT"),
        # relief goods or arms delivered to a party are aid
        ("Japanese volunteers delivered food and blankets to the refugees.", "AID"),
        ("The United States sent weapons to the rebels.", "AID"),
        # turning down a proposal rejects it, whatever the proposal is about
        ("The militia dismissed an offer to hand in its weapons.", "REJECT"),
        ("The two parties reached a deal on the border.", "SUPPORT"),
        # a verb with "off" cancels the event noun it governs
        ("The union called off the strike.", "CONCEDE"),
        ("The army lifted the siege of the town.", "RETREAT"),
        ("The UN renewed its appeal for aid to Sudan.", "REQUEST"),
        ("The government announced a suspension of flights to the country.", "SANCTION"),
        ("The minister reiterated that the rebels must hand over the hostages.", "REQUEST"),
        # a decided act happened: no future, no mere agreement
        ("The court decided to allow the opposition leader to run in the election.", "CONCEDE"),
    ],
)
def test_issue6_generic_verbs_and_nouns_coded_by_their_objects(
    events_only: Analyzer, text: str, expected: str
) -> None:
    assert [e.type for e in _events(events_only, text)] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The two sides agreed to a truce after weeks of heavy fighting.", "AGREE"),
        (
            "The government threatened to shell the border towns in retaliation for an air raid.",
            "THREATEN",
        ),
    ],
)
def test_issue6_event_noun_that_dates_or_motivates_another_act_is_no_report(
    events_only: Analyzer, text: str, expected: str
) -> None:
    assert [e.type for e in _events(events_only, text)] == [expected]


def test_issue6_act_in_a_clause_of_a_relative_description_is_background(
    events_only: Analyzer,
) -> None:
    text = (
        "The government paid compensation to the families for the homes they lost when the"
        " army expelled them in 1990."
    )
    assert [e.type for e in _events(events_only, text)] == ["RETREAT"]


def test_issue6_verbal_act_in_after_clause_is_background(events_only: Analyzer) -> None:
    text = "The government expelled the envoy after officials accused him of spying."
    # One event: the accusation is background. Expelling an envoy is a SANCTION (CAMEO 161).
    assert [e.type for e in _events(events_only, text)] == ["SANCTION"]


def test_issue6_passive_weapon_capture_is_disrupted_weapons_use(
    events_only: Analyzer,
) -> None:
    events = _events(events_only, "Forty rifles and ammunition were captured in the town.")
    assert [e.acled_sub_event_type for e in events] == ["Disrupted weapons use"]


def test_issue6_violence_in_a_riots_participial_adjunct_is_the_riot(
    events_only: Analyzer,
) -> None:
    text = (
        "Inmates rioted at the prison on Sunday, setting fire to mattresses and smashing windows."
    )
    events = _events(events_only, text)
    assert [(e.type, e.acled_sub_event_type) for e in events] == [
        ("PROTEST", "Violent demonstration")
    ]


def test_issue6_a_rallys_stated_demand_is_the_rally(events_only: Analyzer) -> None:
    text = "Hundreds of students staged rallies in the capital, saying the minister must resign."
    assert [e.type for e in _events(events_only, text)] == ["PROTEST"]


def test_issue6_act_deep_inside_a_circumstance_clause_is_background(
    events_only: Analyzer,
) -> None:
    text = (
        "Rebels blocked the main road into the city as they continued their campaign to"
        " overthrow the government."
    )
    assert [e.type for e in _events(events_only, text)] == ["PROTEST"]


def test_issue6_along_with_adds_a_member(events_only: Analyzer) -> None:
    """ "…the assassination of Soleimani, along with al-Muhandis": both are recipients (the
    parser hangs "along with" on the main verb, so the words decide)."""
    events = _events(
        events_only,
        "Gunmen killed the village chief, along with his two sons, on Friday.",
    )
    assert len(events) == 1
    assert events[0].recipient_text == "village chief; his two sons"


def test_issue6_tasnim_assassination_recipients(tasnim_events: list[Event]) -> None:
    event = next(e for e in tasnim_events if e.mode == ["targeted"])
    assert event.recipient_text is not None
    assert "Qassem Soleimani" in event.recipient_text
    assert event.recipient_text.endswith("; Abu Mahdi al-Muhandis")
