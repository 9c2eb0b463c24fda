"""Unit tests for the events stage's rules: lexicon mapping, casualties, modes, ACLED, export."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pytest

from newsgraph.record import Event, Evidence
from newsgraph.stages.events.acled import SUB_TO_TYPE, acled_types
from newsgraph.stages.events.casualties import read_casualties
from newsgraph.stages.events.modes import ask_mode, assault_modes, coerce_modes, threaten_mode
from newsgraph.stages.events.plover import to_plover
from newsgraph.stages.events.triggers import cameo_to_plover, load_lexicon
from newsgraph.stages.events.typer import NONE, PloverTyper, load_typer


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("190", ("ASSAULT", None)),
        ("195", ("ASSAULT", "aerial")),
        ("1952", ("ASSAULT", "drone")),
        ("1831", ("ASSAULT", "suicide-attack")),
        ("112", ("ACCUSE", "allege")),
        ("0874", ("RETREAT", "withdraw")),
        ("1723", ("COERCE", "curfew")),
        ("010", (None, None)),
        ("---", (None, None)),
    ],
)
def test_cameo_codes_map_to_plover_by_longest_prefix(
    code: str, expected: tuple[str | None, str | None]
) -> None:
    assert cameo_to_plover(code) == expected


def test_lexicon_has_cameo_verbs_and_curated_nouns() -> None:
    lexicon = load_lexicon()
    assert lexicon.verbs["assassinate"].type == "ASSAULT"
    assert lexicon.verbs["accuse"].type == "ACCUSE"
    assert lexicon.verbs["say"].type is None  # reporting is attribution, not an event
    assert lexicon.nouns["air raid"].mode == "aerial"
    assert ("blow", "up") in lexicon.phrasal


def test_cameo_pattern_refines_a_verb() -> None:
    lexicon = load_lexicon()
    kill = lexicon.verbs["kill"]
    kind, _, _ = lexicon.refine(kill, [], ["in", "accident"])
    assert kind is None  # "killed in an accident" is no event


@pytest.mark.parametrize(
    ("text", "dead", "injured", "unknown"),
    [
        ("at least 12 people were killed and dozens wounded", 12, 12, False),
        ("the blast killed five soldiers", 5, None, False),
        ("a deadly air raid on the border", 1, None, True),
        ("up to 40 people may have died", 1, None, True),
        ("talks resumed in Geneva", None, None, False),
    ],
)
def test_casualties_are_conservative(
    text: str, dead: int | None, injured: int | None, unknown: bool
) -> None:
    found = read_casualties(text, 100)
    assert found.fatalities == dead
    assert found.injured == injured
    assert found.fatalities_unknown_count is unknown
    assert all(start >= 100 for start, _ in found.spans)


def test_arrest_counts() -> None:
    assert read_casualties("police arrested 30 protesters", 0).arrested == 30


def test_assault_modes_from_instruments() -> None:
    assert assault_modes({"targeted", "missile", "dozen"}, None) == ["heavy-weapons"]
    assert assault_modes({"air", "raid"}, None) == ["aerial"]
    assert assault_modes({"suicide", "bomber", "bomb"}, None) == ["suicide-attack"]
    assert assault_modes({"kill"}, "targeted") == ["targeted"]
    assert assault_modes({"attack"}, None) == []
    # A named instrument outranks CAMEO's coarse weapon pattern; a specific act does not.
    assert assault_modes({"minefield", "explosion", "kill"}, "firearms") == ["explosives"]
    assert assault_modes({"kill", "missile"}, "targeted") == ["targeted"]
    assert assault_modes({"fire", "rubber", "bullet"}, "heavy-weapons") == ["crowd-control"]
    assert assault_modes({"tear", "down", "statue"}, None) == []  # "tear down" is not tear gas


def test_coerce_modes_from_the_clause() -> None:
    assert coerce_modes({"hacker", "deface", "website"}, None) == ["cyber"]
    assert coerce_modes({"reimpose", "blockade"}, None) == ["restrict"]
    assert coerce_modes({"custody"}, "seize") == ["seize"]  # the lexicon's mode stands


def test_speech_act_modes_follow_the_embedded_act() -> None:
    assert threaten_mode(set(), ("ASSAULT", None)) == ["violence"]
    assert threaten_mode(set(), ("COERCE", "curfew")) == ["restrict"]
    assert threaten_mode({"retaliation"}, None) == ["violence"]
    assert ask_mode({"expulsion"}, None) == ["yield"]
    assert ask_mode(set(), ("CONSULT", None)) == ["meet"]


@pytest.mark.parametrize(
    ("kind", "modes", "words", "recipient", "sub"),
    [
        ("ASSAULT", ["aerial"], set(), None, "Air/drone strike"),
        ("ASSAULT", ["heavy-weapons"], set(), None, "Shelling/artillery/missile attack"),
        ("ASSAULT", [], {"grenade"}, None, "Grenade"),
        ("ASSAULT", [], set(), "six civilians", "Attack"),
        ("ASSAULT", [], set(), "government troops", "Armed clash"),
        ("PROTEST", ["riot"], set(), None, "Violent demonstration"),
        ("PROTEST", ["demo"], set(), None, "Peaceful protest"),
        ("COERCE", ["arrest"], set(), None, "Arrests"),
        ("ACCUSE", ["disapprove"], set(), None, None),
        # weapon cues anywhere in the sentence outrank the act's own mode
        ("ASSAULT", [], {"killed", "airstrike"}, None, "Air/drone strike"),
        ("ASSAULT", ["firearms"], {"chlorine", "gas"}, None, "Chemical weapon"),
        ("ASSAULT", [], {"suicide", "bomber"}, None, "Suicide bomb"),
        ("ASSAULT", [], {"mortar", "shells"}, None, "Shelling/artillery/missile attack"),
        ("ASSAULT", [], {"roadside", "bomb"}, None, "Remote explosive/landmine/IED"),
        # then who the victims are
        ("ASSAULT", [], {"raped"}, None, "Sexual violence"),
        ("ASSAULT", [], {"abducted"}, None, "Abduction/forced disappearance"),
        ("ASSAULT", [], {"protesters", "tear", "gas"}, None, "Protest with intervention"),
        (
            "ASSAULT",
            [],
            {"protesters", "live", "killed"},
            None,
            "Excessive force against protesters",
        ),
        ("ASSAULT", [], {"mob", "lynched"}, None, "Mob violence"),
        ("PROTEST", ["demo"], {"stones", "threw"}, None, "Violent demonstration"),
        ("COERCE", [], {"detained"}, None, "Arrests"),
        ("COERCE", ["seize"], {"grenades", "found"}, None, "Disrupted weapons use"),
    ],
)
def test_plover_to_acled(
    kind: str, modes: list[str], words: set[str], recipient: str | None, sub: str | None
) -> None:
    event_type, sub_type = acled_types(kind, modes, words, None, recipient)
    assert sub_type == sub
    assert event_type == (SUB_TO_TYPE[sub] if sub else None)


def test_plover_export_has_the_required_fields() -> None:
    text = "US warplanes bombed the village."
    event = Event(
        id="doc#ev0@13",
        type="ASSAULT",
        evidence=Evidence([(13, 19)], "newsgraph_events", 0.7),
        mode=["aerial"],
        actor_text="US warplanes",
        recipient_text="the village",
        actors=["wd:Q30"],
        trigger=(13, 19),
        date="2021-07-07",
        fatalities=1,
    )
    record = to_plover(event, text, {"id": "doc", "url": "https://example.org"})
    for key in (
        "id",
        "date",
        "actor",
        "recipient",
        "event",
        "mode",
        "event_loc",
        "event_text",
        "quad_code",
        "cite_info",
    ):
        assert key in record
    assert record["event"] == ["ASSAULT"]
    assert record["quad_code"] == 4
    assert record["event_text"] == "bombed"
    assert record["actor"] == [{"text": "US warplanes", "entity": "wd:Q30"}]
    assert record["size"]["dead"] == 1


def test_territory_taker_decides_battles_sub_event() -> None:
    words = {"captured", "capture", "village"}
    assert acled_types("ASSAULT", [], words, "government forces", None)[1] == (
        "Government regains territory"
    )
    assert acled_types("ASSAULT", [], words, "the rebels", None)[1] == (
        "Non-state actor overtakes territory"
    )
    # no stated actor: a state force named in the sentence is the taker
    army = words | {"army"}
    assert acled_types("ASSAULT", [], army, None, None)[1] == "Government regains territory"


def test_typer_decisions() -> None:
    weights = np.zeros((16, 3), dtype=np.float32)
    labels = ["AGREE", "ASSAULT", NONE]
    typer = PloverTyper(weights, np.zeros(3, np.float32), labels, retype_margin=0.2, drop_min=0.5)

    def probs(*values: float) -> npt.NDArray[np.float64]:
        return np.array(values, dtype=np.float64)

    assert typer.decide_on(probs(0.1, 0.8, 0.1), "AGREE") == "ASSAULT"  # clearly preferred
    assert typer.decide_on(probs(0.4, 0.5, 0.1), "AGREE") == "AGREE"  # not by the margin
    assert typer.decide_on(probs(0.2, 0.1, 0.7), "AGREE") is None  # not an event
    # a material conflict act is never dropped, however sure the model is
    assert typer.decide_on(probs(0.2, 0.1, 0.7), "ASSAULT") == "ASSAULT"
    assert typer.decide_on(probs(0.2, 0.35, 0.45), "AGREE") == "AGREE"  # NONE below drop_min


def test_shipped_typer_loads_with_its_settings() -> None:
    typer = load_typer()
    assert typer is not None
    assert NONE in typer.labels and "ASSAULT" in typer.labels
    assert 0.0 <= typer.retype_margin <= 1.0
    assert 0.0 <= typer.drop_min <= 1.01


def test_acled_codebook_precedence() -> None:
    """Force against violent protesters is a riot; an attack on a school with no second armed
    side is an Attack; a beaten-back attempt to take ground is a battle, not a territory change."""
    riot = {"police", "fired", "tear", "gas", "demonstrators", "protest", "violence"}
    assert acled_types("ASSAULT", ["crowd-control"], riot, "police", "demonstrators")[1] == (
        "Violent demonstration"
    )
    school = {"gunmen", "attacked", "a", "school", "killing", "two"}
    assert acled_types("ASSAULT", ["firearms"], school, "gunmen", "a school")[1] == "Attack"
    repelled = {"attack", "to", "capture", "positions", "was", "repelled", "by", "army"}
    assert acled_types("ASSAULT", [], repelled, None, None)[1] == "Armed clash"
