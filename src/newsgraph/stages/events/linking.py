"""Attach place, time, attribution and canonical entities from the other layers.

The events stage never imports the places, times, attribution or actors stages; it reads what
they left on the Doc (``doc._.ng_places``, ``ng_times``, ``ng_quotes``, ``ng_entities``), any of
which may be ``None`` when that stage is not configured. Each link degrades on its own:

* **place**: the resolved toponym inside the event's clause (the trigger's or its light verb's
  subtree), nearest to the trigger; else the nearest one in the sentence.
* **time**: a DATE/TIME expression inside the clause, else in the sentence; else the date of
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

from spacy.tokens import Doc, Span

from newsgraph.record import Entity, Place, Quote, TimeExpr

_LOCATIVE_PREPOSITIONS = frozenset(
    {"in", "at", "near", "across", "inside", "throughout", "within", "into", "outside", "around"}
)


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
    places: Sequence[Place] | None, clause: tuple[int, int], sent: Span, trigger_char: int
) -> dict[str, Any] | None:
    """The place of the event as ``{text, lat, lon, country, geonameid}``, or None.

    A country-level mention counts only as a location ("in Iraq"), not as a modifier ("US
    forces", "Iraqi people") or an origin ("missiles from Iran").
    """
    if not places:
        return None
    for lo, hi in (clause, (sent.start_char, sent.end_char)):
        inside = [
            p
            for p in places
            if lo <= p.start and p.end <= hi and p.lat is not None and _locative(p, sent.doc)
        ]
        if inside:
            best = min(inside, key=lambda p: abs(p.start - trigger_char))
            return {
                "text": best.text,
                "lat": best.lat,
                "lon": best.lon,
                "country": best.country,
                "geonameid": best.geonameid,
            }
    return None


def _locative(place: Place, doc: Doc) -> bool:
    if place.precision != "country":
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
) -> TimeLink:
    """The event's date: its own time expression, the narrative's, or the publication date.

    First, a time expression the times stage solved *for this event* ("five days after the
    assassination" dates the assassination) gives the event's interval, open ends included.
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
    for lo, hi in (clause, (sent.start_char, sent.end_char)):
        inside = [
            t for t in (times or []) if lo <= t.start and t.end <= hi and t.type in {"DATE", "TIME"}
        ]
        if inside:
            best = inside[0]
            date = best.value if _is_calendar(best.value) else best.earliest
            return TimeLink(date, best.earliest, best.latest, "time")
    if previous is not None and previous.source == "time":
        return TimeLink(previous.date, previous.earliest, previous.latest, "narrative")
    if published:
        day = published[:10]
        return TimeLink(day, None, day, "publication")
    return TimeLink(None, None, None, "none")


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


def doc_layer(doc: Doc, attr: str) -> list[Any] | None:
    """A layer from the Doc, or None when its stage is not configured."""
    value = getattr(doc._, attr)
    return list(value) if value is not None else None
