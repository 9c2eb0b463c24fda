"""The output tables without Spark: flattening every layer, coercing bad types to null."""

from __future__ import annotations

from newsgraph.record import (
    Analysis,
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
)
from newsgraph.spark.tables import TABLES, analysis_rows, make_seq, published_date, to_row


def _full_analysis() -> Analysis:
    ev = Evidence([(0, 4)], "newsgraph_test", 0.9)
    anchor = {"kind": "publication", "ref": None}
    place = {"text": "Baghdad", "lat": 33.3, "lon": 44.4, "country": "IQ", "geonameid": 98182}
    return Analysis(
        id="art-1",
        text="Iran said on Monday that Baghdad was hit.",
        published="2021-07-08T10:00:00",
        entities=[Entity("wd:Q794", "Iran", "GPE", mentions=[Mention(0, 4, "Iran", ev)])],
        places=[Place(25, 32, "Baghdad", 33.3, 44.4, 98182, ev, country="IQ")],
        times=[TimeExpr(13, 19, "Monday", "DATE", "2021-07-05", ev, anchor=anchor)],
        quotes=[Quote([(20, 40)], (5, 9), (0, 4), ev, id="q1", speaker="Iran")],
        source_chains=[SourceChain([SourceLink("speaker", "Iran", ev, "wd:Q794")], quote="q1")],
        events=[Event("e1", "ASSAULT", ev, trigger=(37, 40), place=place)],
        techniques=[Technique(0, 4, "Iran", "Loaded_Language", ev)],
    )


def _named(table: str, row: tuple[object, ...]) -> dict[str, object]:
    return dict(zip([name for name, _ in TABLES[table]], row, strict=True))


def test_every_layer_gets_its_rows() -> None:
    rows: dict[str, list[dict[str, object]]] = {}
    for table, row in analysis_rows(_full_analysis().to_dict(), seq=make_seq(2, 5)):
        rows.setdefault(table, []).append(_named(table, row))
    assert {name: len(found) for name, found in rows.items()} == {
        "articles": 1,
        "entities": 1,
        "mentions": 1,
        "places": 1,
        "times": 1,
        "quotes": 1,
        "source_chains": 1,
        "events": 1,
        "techniques": 1,
    }
    article = rows["articles"][0]
    assert article["seq"] == 2 * 2**32 + 5 and article["published_date"] == "2021-07-08"
    assert article["n_events"] == 1
    assert rows["quotes"][0]["content"] == [[20, 40]] and rows["quotes"][0]["cue_start"] == 5
    assert rows["events"][0]["place_geonameid"] == 98182 and rows["events"][0]["trigger_end"] == 40
    assert rows["times"][0]["anchor_kind"] == "publication"
    assert rows["mentions"][0]["spans"] == [[0, 4]] and rows["mentions"][0]["confidence"] == 0.9
    assert rows["source_chains"][0]["quote_id"] == "q1"


def test_wrong_types_become_null_instead_of_failing_the_job() -> None:
    row = _named(
        "places",
        to_row("places", {"start": "3", "lat": "north", "geonameid": 12.0, "spans": [[1, "x"]]}),
    )
    assert row["start"] is None and row["lat"] is None
    assert row["geonameid"] == 12 and row["spans"] == []


def test_published_date() -> None:
    assert published_date("2021-07-08T23:00:00+03:00") == "2021-07-08"
    assert published_date("yesterday") is None
    assert published_date(None) is None
