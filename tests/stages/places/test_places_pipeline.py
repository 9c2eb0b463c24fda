"""The places stage in the real pipeline: the Tasnim example and the LGL quality floor."""

from __future__ import annotations

import hashlib
import json
import tempfile
from pathlib import Path
from typing import Any

import pytest

from newsgraph.config import load_config
from newsgraph.evaluate.runner import evaluate_layer
from newsgraph.geo import haversine_km
from newsgraph.pipeline import Analyzer
from support import shared_file


@pytest.fixture(scope="module")
def places_analyzer() -> Analyzer:
    # Only what the places stage reads (the actors' countries and people): the other stages
    # cannot change its output, and leaving them out keeps this layer's tests to this layer.
    cfg = load_config()
    cfg["pipeline"]["stages"] = ["newsgraph_actors", "newsgraph_places"]
    cfg["pipeline"]["modules"]["newsgraph_places"] = "newsgraph.stages.places"
    return Analyzer(config=cfg)


def _places(analyzer: Analyzer, record: dict[str, Any]) -> list[dict[str, Any]]:
    analysis = analyzer.analyze(record["text"], published="2021-07-08")
    places: list[dict[str, Any]] = analysis.to_dict()["places"]
    return places


def test_issue4_tasnim_places(places_analyzer: Analyzer, tasnim: dict[str, Any]) -> None:
    places = _places(places_analyzer, tasnim)
    by_text: dict[str, list[dict[str, Any]]] = {}
    for place in places:
        by_text.setdefault(place["text"], []).append(place)
    base = by_text["Ain al-Assad"][0]
    assert haversine_km(base["lat"], base["lon"], 33.79, 42.44) <= 25
    assert base["admin1"] == "Al Anbar" and base["country"] == "IQ"
    assert by_text["Baghdad"][0]["geonameid"] == 98182
    anbar = by_text["al-Anbar"][0]
    assert anbar["geonameid"] == 99592 and anbar["precision"] == "province"
    assert anbar["country"] == "IQ"
    assert by_text["Iraq"][0]["geonameid"] == 99237
    # The second mention: the NER model calls "The Ain al-Assad" a PERSON.
    assert len(by_text["Ain al-Assad"]) == 2
    assert (by_text["Ain al-Assad"][1]["lat"], by_text["Ain al-Assad"][1]["lon"]) == (
        base["lat"],
        base["lon"],
    )
    border = by_text["Iraqi-Syrian border"][0]
    assert border["precision"] == "line" and border["feature_code"] == "BRDR"
    for place in places:
        assert place["evidence"]["stage"] == "newsgraph_places"
        assert tasnim["text"][place["start"] : place["end"]] == place["text"]


def test_issue4_every_tasnim_gold_place_found(
    places_analyzer: Analyzer, tasnim: dict[str, Any]
) -> None:
    places = _places(places_analyzer, tasnim)
    for gold in tasnim["places"]:
        match = [p for p in places if p["start"] < gold["end"] and gold["start"] < p["end"]]
        assert match, gold["text"]
        assert haversine_km(match[0]["lat"], match[0]["lon"], gold["lat"], gold["lon"]) <= 161


def _held_out_lgl(tmp: Path) -> Path:
    """The held-out third of LGL (sha256 of the id mod 3 == 0), never used for tuning."""
    source = shared_file("places/lgl.jsonl")
    out = tmp / "lgl-held.jsonl"
    with source.open(encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        for line in src:
            doc_id = json.loads(line)["id"]
            if int(hashlib.sha256(doc_id.encode()).hexdigest(), 16) % 3 == 0:
                dst.write(line)
    return out


@pytest.mark.slow
def test_issue4_lgl_held_out_floor(places_analyzer: Analyzer) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        report = evaluate_layer(places_analyzer, "places", _held_out_lgl(Path(tmp)))
    # Measured on the held-out third in round 4: recall 0.882, acc161 0.8628, AUC 0.242 (round
    # 3: 0.881, 0.855, 0.250; its floor 0.850 was lowered on purpose, see docs/places.md).
    # 2026-12-03 (word classes, borrowed names): precision 0.759 -> 0.820, acc161 0.8636 ->
    # 0.8681, recall 0.882 -> 0.8775. The recall floor was lowered on purpose from 0.88 to 0.87
    # (six held-out toponyms for about 70 false places fewer; issue 4 asks >= 0.85), and a
    # precision floor added (docs/places.md, "Word classes"). 2026-12-03, round 2 (far small
    # namesakes, ranks and first names; read once): precision 0.8547, recall 0.8722, acc161
    # 0.8734, AUC 0.236; the precision, acc161 and AUC floors went up. 2026-12-03, round 3
    # (villages of unnamed countries, surnames after ranks; read once): the same figures.
    assert report["recognition_r"] >= 0.87
    assert report["recognition_p"] >= 0.85
    assert report["acc161"] >= 0.870
    assert report["auc_error"] <= 0.240


@pytest.mark.parametrize(
    ("text", "url", "country"),
    [
        ("A bus crashed near Cordoba on Sunday.", "https://noticias.example.es/n/1", "ES"),
        ("A bus crashed near Cordoba on Sunday.", "https://diario.example.com.ar/n/1", "AR"),
        ("Voters in Perth went to the polls.", None, "AU"),
        ("Voters in Perth went to the polls.", "https://www.bbc.co.uk/news/1", "GB"),
    ],
)
def test_issue4_outlet_country_is_a_prior(
    places_analyzer: Analyzer, text: str, url: str | None, country: str
) -> None:
    """The outlet's location: a name the text leaves open goes to the outlet's country."""
    meta = {"url": url} if url else {}
    places = places_analyzer.analyze(text, **meta).places
    assert [p.country for p in places] == [country]


def test_issue4_seas_gulfs_and_straits_are_places(places_analyzer: Analyzer) -> None:
    """Attacks on shipping happen at sea: the water bodies conflict news names resolve."""
    text = (
        "Rebels attacked two ships in the Red Sea and the Gulf of Aden on Tuesday, while drones"
        " struck ports on the Black Sea and patrols crossed the Taiwan Strait."
    )
    places = places_analyzer.analyze(text, published="2024-01-10").to_dict()["places"]
    by_text = {p["text"]: p for p in places}
    for name, lat, lon in (
        ("Red Sea", 22.0, 38.0),
        ("Gulf of Aden", 12.0, 48.0),
        ("Black Sea", 44.0, 35.0),
        ("Taiwan Strait", 24.0, 119.0),
    ):
        place = by_text[name]
        assert haversine_km(place["lat"], place["lon"], lat, lon) <= 161, name
        assert place["country"] is None  # shared waters name no single country
    assert by_text["Red Sea"]["precision"] == "country"
    assert by_text["Taiwan Strait"]["precision"] == "district"


@pytest.mark.parametrize(
    "text",
    [
        "The mayor told the Post that the budget would pass.",
        "The senator, speaking to the Globe, denied the report.",
        "According to the Star, the deal collapsed on Friday.",
        "The Herald reported that the plant would close.",
    ],
)
def test_issue4_a_newspaper_told_or_reporting_is_no_town(
    places_analyzer: Analyzer, text: str
) -> None:
    # Towns named Post (Texas), Globe (Arizona), Star and Herald exist; "the" and a verb of
    # telling or reporting make the word a newspaper.
    assert places_analyzer.analyze(text, published="2020-01-10").places == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Police in Globe said the road was closed.", "Globe"),
        ("She moved to Post, Texas, in 1990.", "Post"),
    ],
)
def test_issue4_the_towns_themselves_stay(places_analyzer: Analyzer, text: str, name: str) -> None:
    names = [p.name for p in places_analyzer.analyze(text, published="2020-01-10").places]
    assert name in names


def test_issue6_an_acronym_the_text_spells_out_is_no_town(places_analyzer: Analyzer) -> None:
    # Gao is a town in Mali; here it is the Government Accountability Office, spelled out
    # earlier. Controls: an acronym the text does not spell out, and real places beside it.
    text = (
        "The Government Accountability Office on June 18 called for a re-run of the bidding. "
        "Boeing had filed a protest before the GAO in Washington."
    )
    places = places_analyzer.analyze(text, published="2008-07-02").places
    assert [p.text for p in places] == ["Washington"]
    spelled = places_analyzer.analyze(
        "Fighting in the Democratic Republic of Congo spread. The DRC army retreated.",
        published="2008-07-02",
    ).places
    assert [p.country for p in spelled] == ["CD", "CD"]
