"""The record serialises stably and maps every span in one place."""

from __future__ import annotations

import json

import pytest

from newsgraph.record import (
    Analysis,
    Article,
    Entity,
    Event,
    Evidence,
    Mention,
    Place,
    Quote,
    SourceChain,
    SourceLink,
    Technique,
    TimeExpr,
    speaker_name,
)

FORMAT_LAYERS = ("times", "places", "quotes", "techniques", "events")


def _analysis() -> Analysis:
    ev = Evidence([(0, 4)], "test", 0.5)
    analysis = Analysis.from_article(Article(id="a1", text="Iraq said “no” today."))
    analysis.entities = [Entity("e1", "Iraq", "GPE", mentions=[Mention(0, 4, "Iraq", ev)])]
    analysis.places = [Place(0, 4, "Iraq", 33.0, 44.0, 99237, ev)]
    analysis.times = [TimeExpr(15, 20, "today", "DATE", "2021-07-08", ev)]
    analysis.quotes = [Quote([(10, 14)], (5, 9), (0, 4), ev)]
    analysis.techniques = [Technique(10, 14, "“no”", "Loaded_Language", ev)]
    analysis.events = [Event("ev1", "REJECT", ev, trigger=(5, 9))]
    return analysis


def test_json_carries_format_layers_with_their_field_names() -> None:
    data = json.loads(_analysis().to_json())
    for layer in FORMAT_LAYERS:
        assert isinstance(data[layer], list)
    assert {"start", "end", "text", "type", "value"} <= set(data["times"][0])
    assert {"start", "end", "text", "lat", "lon", "geonameid"} <= set(data["places"][0])
    assert {"content", "cue", "source"} <= set(data["quotes"][0])
    assert {"start", "end", "technique"} <= set(data["techniques"][0])
    assert {"type", "mode", "actor_text", "recipient_text"} <= set(data["events"][0])
    assert data["quotes"][0]["content"] == [[10, 14]]
    assert data["id"] == "a1" and data["text"].startswith("Iraq")


def test_serialisation_is_byte_stable() -> None:
    assert _analysis().to_json() == _analysis().to_json()
    assert list(json.loads(_analysis().to_json()))[:3] == ["id", "text", "url"]


def test_map_offsets_moves_every_span_and_refreshes_texts() -> None:
    analysis = _analysis()
    analysis.text = "  " + analysis.text
    analysis.map_offsets(lambda s, e: (s + 2, e + 2))
    assert analysis.entities[0].mentions[0].text == "Iraq"
    assert analysis.entities[0].mentions[0].evidence.spans == [(2, 6)]
    assert analysis.quotes[0].content == [(12, 16)] and analysis.quotes[0].cue == (7, 11)
    assert analysis.events[0].trigger == (7, 11)
    assert analysis.times[0].text == "today"


def test_confidence_outside_unit_interval_is_rejected() -> None:
    with pytest.raises(ValueError, match="confidence"):
        Evidence([], "x", 1.5)


def test_from_dict_round_trips_exactly() -> None:
    analysis = _analysis()
    analysis.source_chains = [
        SourceChain([SourceLink("outlet", "Tasnim", Evidence([(0, 4)], "s", 0.9))], quote="q1")
    ]
    again = Analysis.from_json(analysis.to_json())
    assert again == analysis
    assert again.to_json() == analysis.to_json()
    assert Analysis.from_dict({**analysis.to_dict(), "future_field": 1}) == analysis


def test_spans_inside_anchor_and_place_dicts_are_mapped() -> None:
    analysis = _analysis()
    analysis.times[0].anchor = {
        "kind": "event",
        "ref": {"start": 5, "end": 9, "text": "said"},
        "time": {"start": 0, "end": 4, "text": "Iraq", "value": "x"},
    }
    analysis.events[0].place = {"text": "Iraq", "lat": 33.0}
    analysis.text = "  " + analysis.text
    analysis.map_offsets(lambda s, e: (s + 2, e + 2))
    anchor = analysis.times[0].anchor
    assert anchor["ref"] == {"start": 7, "end": 11, "text": "said"}
    assert anchor["time"]["start"] == 2 and anchor["time"]["text"] == "Iraq"
    assert analysis.events[0].place == {"text": "Iraq", "lat": 33.0}


def test_issue5_speaker_name_falls_back_to_the_words_of_the_source() -> None:
    """A quote's speaker for people: the resolved one, else the source mention's words (stored
    JSON gives the span as a list), else none."""
    text = "Rockets fell, the\narmy said."
    assert speaker_name(text, "Wayne Marotto", (14, 22)) == "Wayne Marotto"
    assert speaker_name(text, None, [14, 22]) == "the army"
    assert speaker_name(text, None, None) is None
    apposition = "Ryanair CEO, Michael O' Leary, said so."
    assert speaker_name(apposition, None, (0, 30)) == "Ryanair CEO, Michael O' Leary"
