"""The terminal summary (``newsgraph analyze --format text``) on a hand-built Analysis: every
layer a reader checks, in words, without the offsets."""

from __future__ import annotations

from newsgraph.record import (
    Analysis,
    Entity,
    Event,
    Evidence,
    Place,
    Quote,
    SourceChain,
    SourceLink,
    Technique,
    TimeExpr,
)
from newsgraph.summary import format_analysis

TEXT = (
    "Rockets hit the Ain al-Asad base on Wednesday, wounding two, the army said. "
    "Reuters reported, citing the group, that it was a cowardly attack."
)


def _at(words: str) -> tuple[int, int]:
    start = TEXT.index(words)
    return start, start + len(words)


def _evidence(words: str) -> Evidence:
    return Evidence([_at(words)], "test", 0.5)


def _analysis() -> Analysis:
    army = Quote(
        content=[_at("Rockets hit the Ain al-Asad base on Wednesday, wounding two")],
        cue=_at("said"),
        source=_at("the army"),
        evidence=_evidence("said"),
        id="q1",
        direct=False,
    )
    group = Quote(
        content=[_at("it was a cowardly attack")],
        cue=_at("citing"),
        source=_at("the group"),
        evidence=_evidence("citing"),
        id="q2",
        speaker="Kataib Hezbollah",
        speaker_entity="kh",
        direct=True,
    )
    chain = SourceChain(
        [
            SourceLink("relay", "Reuters", _evidence("Reuters")),
            SourceLink("speaker", "Kataib Hezbollah", _evidence("the group")),
        ],
        quote="q2",
    )
    attack = Event(
        id="e1",
        type="ASSAULT",
        evidence=_evidence("hit"),
        mode=["heavy-weapons"],
        recipient_text="the Ain al-Asad base",
        place={"text": "Ain al-Asad", "country": "IQ"},
        earliest="2021-07-01",
        latest="2021-07-07",
        injured=2,
        fatalities=1,
        fatalities_unknown_count=True,
        habitual=True,
        attributed_to="q1",
    )
    return Analysis(
        id="doc-1",
        text=TEXT,
        published="2021-07-08",
        entities=[Entity(id="kh", name="Kataib Hezbollah", type="ORG", country="IQ")],
        places=[
            Place(
                *_at("Ain al-Asad"),
                "Ain al-Asad",
                33.8,
                42.4,
                None,
                _evidence("Ain al-Asad"),
                name="Ain al-Asad Airbase",
                admin1="Al Anbar",
                country="IQ",
                precision="point",
            ),
        ],
        times=[
            TimeExpr(
                *_at("Wednesday"),
                "Wednesday",
                "DATE",
                "2021-07-07",
                _evidence("Wednesday"),
                earliest="2021-07-07",
                latest="2021-07-07",
            ),
        ],
        quotes=[army, group],
        source_chains=[chain],
        events=[attack],
        techniques=[
            Technique(
                *_at("cowardly attack"),
                "cowardly attack",
                "Loaded_Language",
                _evidence("cowardly"),
                speaker="kh",
                target="kh",
            ),
        ],
    )


def test_summary_names_every_layer_in_words() -> None:
    lines = format_analysis(_analysis()).splitlines()
    assert "  - Ain al-Asad Airbase [Al Anbar, IQ; point] ×1: Ain al-Asad" in lines
    assert "  - “Wednesday” DATE 2021-07-07" in lines
    assert (
        "  - q1: the army, indirect, said: Rockets hit the Ain al-Asad base on Wednesday,"
        " wounding two" in lines
    )
    assert (
        "  - q2: Kataib Hezbollah via Reuters, direct, citing: “it was a cowardly attack”" in lines
    )
    assert (
        "  - 2021-07-01 – 2021-07-07 ASSAULT [heavy-weapons]: ? → the Ain al-Asad base"
        " @ Ain al-Asad, IQ (habitual, dead ≥ 1, 2 injured); according to the army" in lines
    )
    assert (
        "  - Loaded_Language (Kataib Hezbollah, 0.50): “cowardly attack” → Kataib Hezbollah"
        in lines
    )
