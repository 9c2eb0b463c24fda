"""Attach place, time, attribution and canonical entities from the other layers.

The events stage never imports the places, times, attribution or actors stages; it reads what
they left on the Doc (``doc._.ng_places``, ``ng_times``, ``ng_quotes``, ``ng_entities``), any of
which may be ``None`` when that stage is not configured. Each link degrades on its own:

* **place**: where the event happened. A definite site noun that is the trigger's target or
  location ("the latest attack against *the airbase*", "the town was shelled") names the last
  compatible place mentioned before it (an airbase, a town, a province …); else the resolved
  toponym inside the event's clause (the trigger's or its light verb's subtree) nearest to the
  trigger, after dropping a place that only contains another one there ("the airbase … in the
  province of al-Anbar" is at the airbase); else the same in the sentence. The place carries
  its mention's offsets and ACLED's geo precision: 1 for the town or site itself, 2 for a
  district or "near"/"outside" a town, 3 for a province, region, border, or country.
* **time**: a DATE/TIME expression inside the clause, else in the sentence (narrowed to the day
  the times stage inferred for it through an event it measures from, if any); else the date of
  the previous event of the same paragraph (narratives keep their time); else the article's
  publication date, at lower confidence (``date_source`` = "publication").
* **attribution**: the quote whose content contains the trigger; ``None`` means the outlet
  itself asserts the event.
* **entities**: the canonical entity ids whose mentions overlap the actor / recipient text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span, Token

from newsgraph.record import Entity, Place, Quote, TimeExpr
from newsgraph.stages.events.arguments import Argument, participant

# GeoNames feature codes of seas, gulfs, oceans, straits, lakes and canals.
_WATER_CODES = frozenset({"SEA", "GULF", "OCN", "STRT", "LK", "CNL", "BAY", "CHN"})
_LOCATIVE_PREPOSITIONS = frozenset(
    {"in", "at", "near", "across", "inside", "throughout", "within", "into", "outside", "around"}
)
# Prepositions that make their object the event's target or location ("attack against the base").
_SITE_PREPOSITIONS = _LOCATIVE_PREPOSITIONS | {"against", "on", "upon", "targeting", "toward"}
_DEFINITE = frozenset({"the", "this", "that"})
# Site nouns and the places they can stand for: a feature class or code, or a Place precision
# ("the capital" only a national capital, not the last town named). Not "state": "attacks
# against the state" names the government, not a province.
_SITE_NOUNS: dict[str, tuple[str, ...]] = {
    "airbase": ("S",),
    "base": ("S",),
    "airfield": ("S",),
    "airport": ("S",),
    "camp": ("S",),
    "city": ("city",),
    "town": ("city",),
    "village": ("city",),
    "capital": ("PPLC",),
    "province": ("province",),
    "governorate": ("province",),
    "district": ("district",),
    "county": ("district",),
    "border": ("line",),
}
# Words before a place that put the event around it rather than in it (ACLED precision 2).
_AROUND = frozenset({"near", "outside", "around", "outskirts", "vicinity", "nearby"})
_GEO_PRECISION = {"point": 1, "city": 1, "district": 2}


@dataclass
class TimeLink:
    """The event's date and interval and where they came from."""

    date: str | None
    earliest: str | None
    latest: str | None
    source: str  # "time", "narrative", "publication" or "none"


def clause_range(tokens: Sequence[Any]) -> tuple[int, int]:
    """Character range from the first to the last of the clause's tokens."""
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def link_place(
    places: Sequence[Place] | None,
    clause: tuple[int, int],
    sent: Span,
    trigger_char: int,
    heads: Sequence[Token] = (),
) -> dict[str, Any] | None:
    """The place of the event as ``{text, start, end, lat, lon, country, geonameid, admin1,
    feature_code, precision, geo_precision}``, or None.

    ``heads`` are the trigger and its light verb, whose targets may be a site noun standing for
    an earlier place. A country-level mention counts only as a location ("in Iraq"), not as a
    modifier ("US forces", "Iraqi people") or an origin ("missiles from Iran").
    """
    if not places:
        return None
    site = _site_antecedent(places, heads)
    if site is not None:
        return _place_link(site[0], site[1], sent.doc)
    for lo, hi in (clause, (sent.start_char, sent.end_char)):
        inside = [
            p
            for p in places
            if lo <= p.start and p.end <= hi and p.lat is not None and _locative(p, sent.doc)
        ]
        if inside:
            specific = [p for p in inside if not any(_contains(p, q) for q in inside)]
            best = min(specific, key=lambda p: abs(p.start - trigger_char))
            return _place_link(best, None, sent.doc)
    return None


def place_before_act(places: Sequence[Place] | None, heads: Sequence[Token]) -> bool:
    """Whether an actor is only where an act happened: a town or province named before a noun
    that is no party ("the Florida shooting", "the Baghdad bombing killed 30") says where, not
    who did it. A country so named stays the actor ("US airstrikes"), a place's people stay
    ("Florida officials" is headed by the officials), and without the places layer nothing
    changes."""
    if not places or not heads:
        return False
    for head in heads:
        if head.dep_ != "compound" or head.head.pos_ != "NOUN" or participant(head.head):
            return False
        if not any(
            p.start <= head.idx < p.end and p.precision not in (None, "country") for p in places
        ):
            return False
    return True


def _place_link(place: Place, site: Span | None, doc: Doc) -> dict[str, Any]:
    """The event's place: the gazetteer entry of the mention ``place``; ``site`` is the site
    noun that stood for it in the event's own words ("the airbase"), if any."""
    link: dict[str, Any] = {
        "text": place.text,
        "start": place.start,
        "end": place.end,
        "lat": place.lat,
        "lon": place.lon,
        "country": place.country,
        "geonameid": place.geonameid,
        "admin1": place.admin1,
        "feature_code": place.feature_code,
        "precision": place.precision,
        "geo_precision": _geo_precision(place, doc),
    }
    if site is not None:
        link["site"] = {"start": site.start_char, "end": site.end_char, "text": site.text}
    return link


def _site_antecedent(places: Sequence[Place], heads: Sequence[Token]) -> tuple[Place, Span] | None:
    """The place a definite site noun among the heads' targets stands for, with that noun
    phrase: the last compatible place mentioned before it ("the airbase" → Ain al-Assad)."""
    for noun in _site_nouns(heads):
        kinds = _SITE_NOUNS[noun.lemma_.lower()]
        before = [
            p
            for p in places
            if p.end <= noun.idx
            and p.lat is not None
            and (p.feature_class in kinds or p.feature_code in kinds or p.precision in kinds)
        ]
        if before:
            phrase = noun.doc[min(t.i for t in noun.subtree) : noun.i + 1]
            return max(before, key=lambda p: p.start), phrase
    return None


def _site_nouns(heads: Sequence[Token]) -> list[Token]:
    """Definite site nouns that are a head's object, passive subject or the object of a
    target/location preposition on it ("attack against the airbase", "the town was shelled")."""
    found: list[Token] = []
    for head in dict.fromkeys(heads):  # the trigger is its own anchor when no light verb
        for child in head.children:
            targets = (
                [g for g in child.children if g.dep_ == "pobj"]
                if child.dep_ == "prep" and child.lower_ in _SITE_PREPOSITIONS
                else [child]
                if child.dep_ in ("dobj", "nsubjpass")
                else []
            )
            found.extend(
                t
                for t in targets
                if t.lemma_.lower() in _SITE_NOUNS
                and any(d.dep_ == "det" and d.lower_ in _DEFINITE for d in t.children)
            )
    return found


def _contains(outer: Place, inner: Place) -> bool:
    """Whether ``outer`` is a province or country that merely contains ``inner`` (a more
    precise place of the same clause), as in "the airbase in the province of al-Anbar"."""
    if outer is inner or inner.precision in ("province", "country", "line"):
        return False
    if outer.precision == "country":
        return inner.country is not None and inner.country == outer.country
    if outer.precision == "province":
        return (
            inner.country == outer.country
            and inner.admin1 is not None
            and inner.admin1 == outer.admin1
        )
    return False


def _geo_precision(place: Place, doc: Doc) -> int:
    """ACLED's geo precision: 1 the named town or site, 2 its surroundings ("near X", "outside
    X") or a district, 3 a province, region, border line or country."""
    level = _GEO_PRECISION.get(place.precision or "", 3)
    if level == 1:
        span = doc.char_span(place.start, place.end, alignment_mode="expand")
        window = doc[max(span.start - 3, 0) : span.start] if span is not None else ()
        if any(t.lower_ in _AROUND for t in window):
            return 2
    return level


def _locative(place: Place, doc: Doc) -> bool:
    """Whether a place mention says where: any mention of a place below country size, or of a
    water body ("patrolled the South China Sea"); a country or region only after a locative
    preposition ("in Iraq", not "US forces")."""
    if place.precision != "country" or place.feature_code in _WATER_CODES:
        return True
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ in _LOCATIVE_PREPOSITIONS


def link_time(
    times: Sequence[TimeExpr] | None,
    clause: tuple[int, int],
    sent: Span,
    previous: TimeLink | None,
    published: str | None,
    trigger: tuple[int, int] | None = None,
    narrative: bool = False,
    own: frozenset[int] | None = None,
) -> TimeLink:
    """The event's date: its own time expression, the narrative's, or the publication date.

    First, a time expression the times stage solved *for this event* ("five days after the
    assassination" dates the assassination) gives the event's interval, open ends included.
    In a text that tells history (``narrative``, the times stage's reading), an act with no
    time of its own takes the story's time: the previous act's, else the last time the text
    named before it; never the publication date, which lies decades after ("On 10 June, Italy
    invaded … France surrendered" is June 1940, not the day the article was published).
    ``own`` holds the start offsets of the clause's own tokens: a time inside the clause's
    range but in a clause it sets aside ("On June 10, Italy invaded …; twelve days later France
    surrendered") dates the other act.
    """
    if trigger is not None:
        for t in times or []:
            anchor = t.anchor or {}
            ref = anchor.get("ref") if anchor.get("kind") == "event" else None
            if isinstance(ref, dict) and ref["start"] < trigger[1] and trigger[0] < ref["end"]:
                earliest, latest = anchor.get("event_earliest"), anchor.get("event_latest")
                if earliest or latest:
                    date = earliest if earliest == latest else None
                    return TimeLink(date, earliest, latest, "time")
    for lo, hi, mine in ((*clause, own), (sent.start_char, sent.end_char, None)):
        inside = [
            t
            for t in (times or [])
            if lo <= t.start
            and t.end <= hi
            and t.type in {"DATE", "TIME"}
            and (mine is None or t.start in mine)
        ]
        if inside:
            best = inside[0]
            narrowed = _narrowed_by_event(times or [], best)
            if narrowed is not None:
                return TimeLink(narrowed[0], narrowed[0], narrowed[1], "time")
            date = best.value if _is_calendar(best.value) else best.earliest
            return TimeLink(date, best.earliest, best.latest, "time")
    if previous is not None and (
        previous.source == "time" or (narrative and previous.source == "narrative")
    ):
        return TimeLink(previous.date, previous.earliest, previous.latest, "narrative")
    if narrative:
        told = [t for t in (times or []) if t.end <= clause[0] and story_time(t)]
        if told:
            last = told[-1]
            date = last.value if _is_calendar(last.value) else last.earliest
            return TimeLink(date, last.earliest, last.latest, "narrative")
        return TimeLink(None, None, None, "none")
    if published:
        day = published[:10]
        return TimeLink(day, None, day, "publication")
    return TimeLink(None, None, None, "none")


def story_time(time: TimeExpr) -> bool:
    """A calendar time the story tells, which a later untimed act in history may take: not one
    counted from publication ("today", "last year"), which is the writer's time."""
    return (
        time.type in {"DATE", "TIME"}
        and time.earliest is not None
        and (time.anchor or {}).get("kind") != "publication"
    )


def _narrowed_by_event(times: Sequence[TimeExpr], clause_time: TimeExpr) -> tuple[str, str] | None:
    """The day the times stage dated ``clause_time`` to through an event it measures from
    ("in January 2020 … the assassination two days earlier", the assassination solved to
    January 3 → January 5), if any."""
    for t in times:
        anchor = t.anchor or {}
        ref_time = anchor.get("time")
        if (
            anchor.get("kind") == "event"
            and isinstance(ref_time, dict)
            and ref_time.get("start") == clause_time.start
            and anchor.get("time_earliest")
        ):
            return anchor["time_earliest"], anchor["time_latest"]
    return None


def _is_calendar(value: str) -> bool:
    return len(value) >= 4 and value[:4].isdigit()


def link_quote(quotes: Sequence[Quote] | None, trigger_char: int) -> str | None:
    """Id of the quote whose content contains the trigger (None: the outlet's own words)."""
    for quote in quotes or []:
        if any(start <= trigger_char < end for start, end in quote.content):
            return quote.id or None
    return None


def link_entities(entities: Sequence[Entity] | None, spans: Sequence[tuple[int, int]]) -> list[str]:
    """Entity ids with a mention overlapping any of the argument spans (in text order)."""
    found: list[str] = []
    for entity in entities or []:
        for mention in entity.mentions:
            if any(min(mention.end, e) - max(mention.start, s) > 0 for s, e in spans):
                if entity.id not in found:
                    found.append(entity.id)
                break
    return found


def names_a_time(times: Sequence[TimeExpr] | None, argument: Argument) -> bool:
    """Whether an argument's head lies inside a date or time the times stage found: "499 BC",
    which NER may call an organisation, says when, not who."""
    return any(
        t.type in {"DATE", "TIME"} and t.start <= head.idx < t.end
        for head in argument.heads
        for t in times or []
    )


def names_a_channel(entities: Sequence[Entity] | None, argument: Argument) -> bool:
    """Whether an argument is the medium an act went out on, not a party to it: the object of
    "on" or "in" that the entities layer knows as a news or social medium ("claimed on Twitter
    that …", "said in the Guardian"; sector ``MED`` of the actor dictionary)."""
    if len(argument.heads) != 1 or argument.span is None:
        return False
    head = argument.heads[0]
    if head.dep_ != "pobj" or head.head.lower_ not in {"on", "in"}:
        return False
    span = (argument.span.start_char, argument.span.end_char)
    media = [
        e for e in entities or [] if any(m.start < span[1] and span[0] < m.end for m in e.mentions)
    ]
    return bool(media) and all(e.sector == "MED" for e in media)


# Pronouns that stand for one person ("He praised the rapid response …").
_PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her"})
# How many sentences before the pronoun's own a referent may stand in (same paragraph only).
REFERENT_SENTENCES = 2


def party_entities(
    entities: Sequence[Entity] | None, heads: Sequence[Token], spans: Sequence[tuple[int, int]]
) -> list[str]:
    """Entity ids of an argument: those its words mention, else, for a lone personal pronoun
    ("He praised …", "She signed a petition"), the person the text last named as a subject."""
    found = link_entities(entities, spans)
    if found or len(heads) != 1:
        return found
    referent = pronoun_referent(entities, heads[0])
    return [] if referent is None else [referent]


def pronoun_referent(entities: Sequence[Entity] | None, pronoun: Token) -> str | None:
    """The person a personal pronoun stands for: the last named subject before it — from the
    start of the sentence two before its own, not across a paragraph break, and not the subject
    of the pronoun's own verb when the pronoun is its object ("Trump praised him" is not
    Trump) — when that subject is a person of the entities layer. News keeps its topic person
    in subject position ("WHO chief Tedros visited Madagascar. He praised …"). When the last
    named subject is no person the model knows, or there is none, the pronoun stays unresolved:
    a wrong actor is worse than a pronoun."""
    if pronoun.pos_ != "PRON" or pronoun.lower_ not in _PERSON_PRONOUNS or not entities:
        return None
    doc = pronoun.doc
    if _quoted(doc[pronoun.sent.start : pronoun.i].text):
        return None  # "I respect him", wrote Zakkout: a quote's pronouns are the speaker's
    first = pronoun.sent
    for _ in range(REFERENT_SENTENCES):
        if first.start == 0:
            break
        before = doc[first.start - 1].sent
        if "\n\n" in doc[before.start : first.start].text_with_ws:
            break
        first = before
    own_verb = -1 if pronoun.dep_ in _SUBJECTS else pronoun.head.i
    subjects = [
        t
        for t in doc[first.start : pronoun.i]
        if t.dep_ in _SUBJECTS
        and t.pos_ == "PROPN"
        and t.head.i != own_verb
        and _main_clause(t.head)
    ]
    if not subjects:
        return None
    named = subjects[-1].idx
    for entity in entities:
        if any(m.start <= named < m.end for m in entity.mentions):
            return entity.id if entity.type == "PERSON" else None
    return None


_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def _main_clause(verb: Token) -> bool:
    """The sentence's own verb or one coordinated with it: the subject of "First he said that
    Brasey had to be heard" is he, not Brasey."""
    return verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")


def _quoted(before: str) -> bool:
    """Whether a quotation opened in ``before`` (the sentence up to a word) is still open."""
    return before.count("\u201c") > before.count("\u201d") or before.count('"') % 2 == 1


def doc_layer(doc: Doc, attr: str) -> list[Any] | None:
    """A layer from the Doc, or None when its stage is not configured."""
    value = getattr(doc._, attr)
    return list(value) if value is not None else None
