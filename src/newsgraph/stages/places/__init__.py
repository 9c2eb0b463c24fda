"""Places: toponyms recognised with an offline gazetteer and resolved with document context.

The stage ``newsgraph_places`` writes ``doc._.ng_places``: one :class:`~newsgraph.record.Place`
per toponym mention, with the GeoNames id where one exists, coordinates, feature class/code,
admin1/admin2 names, ISO country, precision (point, city, district, province, country, line)
and evidence. Recognition (:mod:`.recognize`) matches the shipped gazetteer (:mod:`.gazetteer`)
with context instead of trusting NER alone; resolution (:mod:`.resolve`) ranks candidates with
the article's other places, its actors and its outlet's country (:mod:`.outlet`). The ranked
candidates of the last document are kept in ``doc._.ng_place_candidates`` for debugging.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.extensions import register_extensions
from newsgraph.record import Entity, Evidence, Place
from newsgraph.stages.places.gazetteer import DEFAULT_PATH, Gazetteer, open_gazetteer
from newsgraph.stages.places.outlet import outlet_country
from newsgraph.stages.places.recognize import Mention, recognize
from newsgraph.stages.places.resolve import (
    Resolution,
    drop_borrowed_names,
    drop_far_namesakes,
    resolve,
)

STAGE = "newsgraph_places"
DEBUG_ATTR = "ng_place_candidates"
# How much each recognition cue is worth as evidence that the span is a place at all.
_CUE_CONFIDENCE = (
    ("border", 0.9),
    ("curated", 0.9),
    ("ner:GPE", 0.9),
    ("ner:LOC", 0.85),
    ("ner:FAC", 0.8),
    ("head", 0.8),
    ("pinned", 0.85),
    ("pinning", 0.85),
    ("prep", 0.7),
    ("ner:NORP", 0.6),
    ("demonym", 0.55),
)
_DEFAULT_CONFIDENCE = 0.6
# Ids of entities the actors stage made from NER alone (not from its dictionary).
_DOC_ENTITY = "doc:"
# NER's label for a place of each GeoNames feature class: countries, regions and towns are
# GPEs, sites (spot, building, farm) are facilities, the rest (water, terrain, area) locations.
_ENTITY_KIND = {"A": "GPE", "P": "GPE", "S": "FAC"}


@Language.factory(
    STAGE,
    requires=["doc.ents"],
    assigns=["doc._.ng_places"],
    default_config={
        "min_population": 50000,
        "admit_points": 1.0,
        "gazetteer_path": "",
        "debug_candidates": 5,
    },
)
def make_places_stage(
    nlp: Language,
    name: str,
    min_population: int,
    admit_points: float,
    gazetteer_path: str,
    debug_candidates: int,
) -> PlacesStage:
    """spaCy factory for the places stage (the gazetteer is opened once per process)."""
    path = Path(gazetteer_path) if gazetteer_path else DEFAULT_PATH
    return PlacesStage(open_gazetteer(path), min_population, admit_points, debug_candidates)


class PlacesStage:
    """Recognise and resolve toponyms; see the module docstring."""

    def __init__(
        self,
        gazetteer: Gazetteer,
        min_population: int,
        admit_points: float,
        debug_candidates: int,
    ) -> None:
        register_extensions()
        if not Doc.has_extension(DEBUG_ATTR):
            Doc.set_extension(DEBUG_ATTR, default=None)
        self.gazetteer = gazetteer
        self.min_population = min_population
        self.admit_points = admit_points
        self.debug_candidates = debug_candidates

    def __call__(self, doc: Doc) -> Doc:
        countries: Counter[str] = Counter()
        people: list[str] = []
        for entity in doc._.ng_entities or []:
            if entity.country:
                countries[entity.country] += 1
            if entity.type == "PERSON":
                people.append(entity.name)
        home = outlet_country(doc._.ng_meta, self.gazetteer.countries)
        if home is not None:
            countries[home] += 1
        mentions = recognize(doc, self.gazetteer, self.min_population, people, self.admit_points)
        resolutions = drop_borrowed_names(resolve(mentions, countries), countries)
        resolutions = drop_far_namesakes(resolutions, countries)
        doc._.ng_places = [self._place(r) for r in resolutions]
        locate_entities(doc._.ng_entities or [], doc._.ng_places)
        setattr(doc._, DEBUG_ATTR, [self._debug(r) for r in resolutions])
        return doc

    def _place(self, resolution: Resolution) -> Place:
        mention, cand = resolution.mention, resolution.candidate
        confidence = _recognition_confidence(mention) * (0.5 + 0.5 * resolution.probability)
        admin1 = self.gazetteer.admin_name(cand.admin1) if cand.admin1 else None
        admin2 = self.gazetteer.admin_name(cand.admin2) if cand.admin2 else None
        return Place(
            start=mention.start_char,
            end=mention.end_char,
            text=mention.text,
            lat=cand.lat,
            lon=cand.lon,
            geonameid=cand.geonameid,
            evidence=Evidence(
                [(mention.start_char, mention.end_char)], STAGE, round(min(1.0, confidence), 3)
            ),
            name=cand.name,
            feature_class=cand.feature_class,
            feature_code=cand.feature_code,
            admin1=admin1,
            admin2=admin2,
            country=cand.country,
            precision=cand.precision,
        )

    def _debug(self, resolution: Resolution) -> dict[str, Any]:
        return {
            "text": resolution.mention.text,
            "cues": sorted(resolution.mention.cues),
            "points": resolution.mention.points,
            "candidates": [
                {
                    "name": c.name,
                    "geonameid": c.geonameid,
                    "country": c.country,
                    "admin1": c.admin1,
                    "feature_code": c.feature_code,
                    "score": round(score, 3),
                    "lat": c.lat,
                    "lon": c.lon,
                }
                for c, score, _ in resolution.ranked[: self.debug_candidates]
            ],
        }


def locate_entities(entities: list[Entity], places: list[Place]) -> None:
    """Give the place's kind and country to an entity that is only a place.

    The actors stage makes an entity of every NER name its dictionary lacks ("doc:" ids), with
    NER's label, which is often wrong for places the small model has not seen ("Ain al-Assad"
    as a PERSON), and with no country. When every mention of such an entity is a toponym this
    stage resolved, all in one country, the entity is that place: its type becomes the
    gazetteer's kind (GPE, FAC or LOC) and it gets the country, so speakers, event parties and
    the entity list read it as a place. Dictionary entities keep their curated fields.
    """
    resolved = {(p.start, p.end): p for p in places if p.lat is not None}
    for entity in entities:
        if not entity.id.startswith(_DOC_ENTITY) or not entity.mentions:
            continue
        found = [resolved.get((m.start, m.end)) for m in entity.mentions]
        located = [p for p in found if p is not None]
        countries = {p.country for p in located}
        if len(located) < len(found) or len(countries) != 1:
            continue
        entity.type = _ENTITY_KIND.get(located[0].feature_class or "", "LOC")
        entity.country = entity.country or countries.pop()


def _recognition_confidence(mention: Mention) -> float:
    for cue, value in _CUE_CONFIDENCE:
        if cue in mention.cues:
            return value
    return _DEFAULT_CONFIDENCE
