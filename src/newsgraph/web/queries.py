"""Queries the web layer needs, written over the store's public API only.

* :class:`EventParams`: the ``newsgraph events`` filters as validated query parameters (one
  definition for the API, the pages and the OpenAPI schema);
* :class:`EventIndex`: every event matching one filter, in the store's order, with the facet
  counts, the per-day timeline and the map points derived from it once;
* cursors: opaque, tied to the filter, pointing *after* an event id, so a page boundary does not
  shift when events are added before it (an offset would);
* :func:`article_annotations`: an Analysis turned into highlightable spans with their evidence;
* exports of events, search hits and one article as JSON, CSV and GeoJSON.
"""

from __future__ import annotations

import base64
import binascii
import csv
import hashlib
import io
import itertools
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

from newsgraph.corpus import stories
from newsgraph.corpus.stories import Story, StoryEvent
from newsgraph.record import speaker_name
from newsgraph.store import EventFilter, SearchHit, Store
from newsgraph.store.export import to_feature

_DATE = r"^\d{4}-\d{2}-\d{2}$"
_FULL_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_NEAR = r"^-?\d{1,2}(\.\d+)?,-?\d{1,3}(\.\d+)?$"
FACET_SIZE = 15
# The "confidence at least" facet's steps (event confidences are calibrated probabilities).
CONFIDENCE_CUTS = (0.3, 0.5, 0.7)


class EventParams(BaseModel):
    """Filters of the events list, the same as ``newsgraph events`` (all must hold)."""

    model_config = ConfigDict(extra="ignore")

    type: Annotated[
        list[Annotated[str, Field(max_length=40)]],
        Field(max_length=20, description="PLOVER type (repeatable)"),
    ] = []
    mode: Annotated[
        list[Annotated[str, Field(max_length=40)]],
        Field(max_length=20, description="PLOVER mode (repeatable)"),
    ] = []
    actor: Annotated[
        str | None, Field(max_length=200, description="entity id or part of an actor's name")
    ] = None
    country: Annotated[
        str | None, Field(pattern=r"^[A-Za-z]{2}$", description="ISO 3166 alpha-2 code")
    ] = None
    near: Annotated[
        str | None, Field(pattern=_NEAR, max_length=40, description="LAT,LON centre")
    ] = None
    radius: Annotated[float, Field(gt=0, le=20_000, description="km around near")] = 50.0
    since: Annotated[str | None, Field(pattern=_DATE, description="on or after (ISO date)")] = None
    until: Annotated[str | None, Field(pattern=_DATE, description="on or before (ISO date)")] = None
    outlet: Annotated[str | None, Field(max_length=200, description="reported by this outlet")] = (
        None
    )
    min_sources: Annotated[
        int | None, Field(ge=1, le=1000, description="at least N independent sources")
    ] = None
    story: Annotated[str | None, Field(max_length=100, description="story id")] = None
    asserted_by: Annotated[
        str | None,
        Field(
            max_length=200,
            description="who asserts the event: outlet, party, third-party, unresolved, "
            "or a speaker (entity id or part of the name)",
        ),
    ] = None
    min_confidence: Annotated[
        float | None, Field(ge=0, le=1, description="confidence at least (calibrated, 0-1)")
    ] = None
    all: Annotated[bool, Field(description="include negated, hypothetical and future events")] = (
        False
    )

    def to_filter(self) -> EventFilter:
        """The store filter (without a limit: paging is done over the cached list)."""
        near = None
        if self.near:
            lat, lon = (float(p) for p in self.near.split(","))
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                raise ValueError(f"near out of range: {self.near}")
            near = (lat, lon)
        return EventFilter(
            types=list(self.type),
            modes=list(self.mode),
            actor=self.actor or None,
            country=self.country.upper() if self.country else None,
            near=near,
            radius_km=self.radius,
            since=self.since,
            until=self.until,
            outlet=self.outlet or None,
            min_sources=self.min_sources,
            story=self.story or None,
            asserted_by=self.asserted_by or None,
            min_confidence=self.min_confidence,
            include_unreal=self.all,
        )

    def key(self) -> str:
        """A canonical string of the filter: the cache key and what a cursor is bound to."""
        return json.dumps(self.model_dump(), sort_keys=True, separators=(",", ":"))

    def query_items(self) -> list[tuple[str, str]]:
        """The filter as URL query items (defaults left out), for links and permalinks."""
        items: list[tuple[str, str]] = [("type", t) for t in self.type]
        items += [("mode", m) for m in self.mode]
        for name in (
            "actor",
            "country",
            "near",
            "since",
            "until",
            "outlet",
            "min_sources",
            "asserted_by",
            "min_confidence",
        ):
            value = getattr(self, name)
            if value not in (None, ""):
                items.append((name, str(value)))
        if self.near and self.radius != 50.0:
            items.append(("radius", f"{self.radius:g}"))
        if self.story:
            items.append(("story", self.story))
        if self.all:
            items.append(("all", "true"))
        return items


def event_day(row: dict[str, Any]) -> str | None:
    """The date an event is listed under: its date ("2021-07-07", or "1989" when only the year
    is known), else its earliest, else its article's date."""
    value = row.get("date") or row.get("earliest") or row.get("published")
    return str(value)[:10] if value else None


def timeline_day(row: dict[str, Any]) -> str | None:
    """The day an event sits on in the timeline and the month facet, or None.

    An event known only to a year or a month ("since 1989") has no day: putting it on the
    first of January, or on its article's date, would show it where it did not happen.
    """
    day = event_day(row)
    return day if day is not None and _FULL_DAY.fullmatch(day) else None


def _names(text: str | None, ids: list[str]) -> list[str]:
    parts = [p.strip() for p in (text or "").split(";") if p.strip()]
    return parts or list(ids)


@dataclass
class EventIndex:
    """Every event matching one filter, in order, and what the views derive from the set."""

    rows: list[dict[str, Any]]
    position: dict[str, int] = field(default_factory=dict)
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    timeline: list[tuple[str, str, int]] = field(default_factory=list)
    points: list[dict[str, Any]] = field(default_factory=list)
    points_truncated: bool = False

    @classmethod
    def build(cls, rows: list[dict[str, Any]], max_points: int) -> EventIndex:
        """Index the rows and compute facets, timeline and map points in one pass."""
        index = cls(rows=rows)
        types: Counter[str] = Counter()
        actors: Counter[str] = Counter()
        countries: Counter[str] = Counter()
        outlets: Counter[str] = Counter()
        asserted: Counter[str] = Counter()
        months: Counter[str] = Counter()
        per_day: Counter[tuple[str, str]] = Counter()
        places: dict[tuple[float, float], dict[str, Any]] = {}
        for i, row in enumerate(rows):
            index.position[row["gid"]] = i
            types[row["type"]] += 1
            for name in set(
                _names(row["actor_text"], row["actors"])
                + _names(row["recipient_text"], row["recipients"])
            ):
                actors[name] += 1
            if row["country"]:
                countries[row["country"]] += 1
            if row["outlet"]:
                outlets[row["outlet"]] += 1
            asserted[row["asserted_by"]] += 1
            day = timeline_day(row)
            if day:
                months[day[:7]] += 1
                per_day[(day, row["type"])] += 1
            if row["lat"] is not None and row["lon"] is not None:
                key = (round(row["lat"], 3), round(row["lon"], 3))
                point = places.get(key)
                if point is None:
                    if len(places) >= max_points:
                        index.points_truncated = True
                        continue
                    point = places[key] = {
                        "lat": key[0],
                        "lon": key[1],
                        "place": row["place"],
                        "n": 0,
                        "types": Counter(),
                    }
                point["n"] += 1
                point["types"][row["type"]] += 1
        index.facets = {
            "type": sorted(types.items(), key=lambda kv: (-kv[1], kv[0])),
            "actor": sorted(actors.items(), key=lambda kv: (-kv[1], kv[0]))[:FACET_SIZE],
            "country": sorted(countries.items(), key=lambda kv: (-kv[1], kv[0]))[:FACET_SIZE],
            "outlet": sorted(outlets.items(), key=lambda kv: (-kv[1], kv[0]))[:FACET_SIZE],
            "asserted_by": sorted(asserted.items(), key=lambda kv: (-kv[1], kv[0])),
            "month": sorted(months.items()),
            "min_confidence": [
                (f"{cut:g}", n)
                for cut in CONFIDENCE_CUTS
                if (n := sum(1 for r in rows if (r["confidence"] or 0.0) >= cut))
            ],
        }
        index.timeline = sorted((d, t, n) for (d, t), n in per_day.items())
        index.points = [
            {**p, "types": dict(sorted(p["types"].items(), key=lambda kv: (-kv[1], kv[0])))}
            for p in places.values()
        ]
        return index

    def page(self, after: str | None, size: int) -> tuple[list[dict[str, Any]], str | None]:
        """Up to ``size`` rows after the event ``after`` (None: from the start), and the id of
        the last row returned when more follow."""
        start = 0
        if after is not None:
            if after not in self.position:
                raise KeyError(after)
            start = self.position[after] + 1
        rows = self.rows[start : start + size]
        more = start + size < len(self.rows)
        return rows, (rows[-1]["gid"] if rows and more else None)


class CursorError(ValueError):
    """A cursor that is malformed, from another filter, or points at a vanished event."""


def _fingerprint(filter_key: str) -> str:
    return hashlib.sha256(filter_key.encode("utf-8")).hexdigest()[:12]


def encode_cursor(filter_key: str, after: str) -> str:
    """An opaque cursor: continue after event ``after`` of the filter ``filter_key``."""
    raw = json.dumps({"f": _fingerprint(filter_key), "a": after}, separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode("utf-8")).decode("ascii").rstrip("=")


def decode_cursor(filter_key: str, cursor: str) -> str:
    """The event id a cursor continues after; :class:`CursorError` if it is not for this
    filter or cannot be read."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        data = json.loads(raw)
    except (binascii.Error, UnicodeDecodeError, json.JSONDecodeError, ValueError) as exc:
        raise CursorError("malformed cursor") from exc
    if not isinstance(data, dict) or not isinstance(data.get("a"), str):
        raise CursorError("malformed cursor")
    if data.get("f") != _fingerprint(filter_key):
        raise CursorError("cursor belongs to another query")
    return str(data["a"])


# ---------------------------------------------------------------------- article annotations

KINDS = ("event", "actor", "place", "time", "quote", "speaker", "cue", "technique", "source")


@dataclass
class Annotation:
    """One extraction as the article view shows it: spans to highlight and details to read."""

    id: str
    kind: str
    label: str
    spans: list[tuple[int, int]]
    stage: str | None
    confidence: float | None
    details: dict[str, Any]

    def to_dict(self, text: str) -> dict[str, Any]:
        """JSON-ready, with the words of each evidence span (``evidence_text``)."""
        evidence = self.details.get("evidence") or []
        return {
            "evidence_text": [
                text[s[0] : s[1]] if len(s) == 2 and all(isinstance(x, int) for x in s) else ""
                for s in evidence
            ],
            "id": self.id,
            "kind": self.kind,
            "label": self.label,
            "spans": [list(s) for s in self.spans],
            "stage": self.stage,
            "confidence": self.confidence,
            "details": self.details,
        }


def _spans(raw: Any, size: int) -> list[tuple[int, int]]:
    """Valid ``[start, end]`` pairs clipped to the text (stored data is not trusted)."""
    out = []
    for item in raw or []:
        if isinstance(item, list | tuple) and len(item) == 2:
            s, e = item
            if isinstance(s, int) and isinstance(e, int):
                s, e = max(0, s), min(size, e)
                if s < e:
                    out.append((s, e))
    return out


def _evidence(item: dict[str, Any]) -> tuple[str | None, float | None, list[list[int]]]:
    ev = item.get("evidence") or {}
    conf = ev.get("confidence")
    return (
        ev.get("stage"),
        float(conf) if isinstance(conf, int | float) else None,
        [list(s) for s in ev.get("spans") or [] if isinstance(s, list | tuple)],
    )


def _quote_speaker(text: str, quote: dict[str, Any]) -> str:
    name = speaker_name(text, quote.get("speaker"), quote.get("source"))
    return name or "unknown speaker"


def article_annotations(data: dict[str, Any]) -> list[Annotation]:
    """Every extraction of a stored Analysis with the spans that show it in the text."""
    text = str(data.get("text") or "")
    size = len(text)
    out: list[Annotation] = []

    def add(
        kind: str, label: str, spans: list[tuple[int, int]], item: dict[str, Any], **d: Any
    ) -> None:
        stage, conf, ev_spans = _evidence(item)
        details = {k: v for k, v in d.items() if v not in (None, [], {}, "")}
        details["evidence"] = ev_spans
        out.append(Annotation(f"a{len(out)}", kind, label, spans, stage, conf, details))

    speakers = {q.get("id"): _quote_speaker(text, q) for q in data.get("quotes") or []}
    for ev in data.get("events") or []:
        trigger = _spans([ev.get("trigger")] if ev.get("trigger") else [], size)
        spans = trigger or _spans((ev.get("evidence") or {}).get("spans"), size)
        place = ev.get("place") or {}
        add(
            "event",
            f"{ev.get('type')}: {ev.get('actor_text') or '?'} → {ev.get('recipient_text') or '?'}",
            spans,
            ev,
            mode=ev.get("mode"),
            place=place.get("text") or place.get("name"),
            date=ev.get("date"),
            earliest=ev.get("earliest"),
            latest=ev.get("latest"),
            fatalities=ev.get("fatalities"),
            injured=ev.get("injured"),
            arrested=ev.get("arrested"),
            negated=ev.get("negated") or None,
            hypothetical=ev.get("hypothetical") or None,
            future=ev.get("future") or None,
            attributed_to=ev.get("attributed_to"),
            according_to=speakers.get(ev.get("attributed_to"), "the outlet"),
            acled=ev.get("acled_event_type"),
        )
    for ent in data.get("entities") or []:
        mentions = ent.get("mentions") or []
        spans = _spans([[m.get("start"), m.get("end")] for m in mentions], size)
        first = mentions[0] if mentions else {}
        stage, conf, _ = _evidence(first)
        out.append(
            Annotation(
                f"a{len(out)}",
                "actor",
                f"{ent.get('name')} ({ent.get('type')})",
                spans,
                stage,
                float(ent.get("confidence", conf or 1.0)),
                {
                    k: v
                    for k, v in {
                        "entity": ent.get("id"),
                        "wikidata": ent.get("wikidata"),
                        "country": ent.get("country"),
                        "sector": ent.get("sector"),
                        "mentions": len(mentions),
                        "evidence": [list(s) for s in spans],
                    }.items()
                    if v not in (None, "")
                },
            )
        )
    for pl in data.get("places") or []:
        add(
            "place",
            f"{pl.get('name') or pl.get('text')} ({pl.get('country') or '?'})",
            _spans([[pl.get("start"), pl.get("end")]], size),
            pl,
            lat=pl.get("lat"),
            lon=pl.get("lon"),
            geonameid=pl.get("geonameid"),
            feature=pl.get("feature_code"),
            precision=pl.get("precision"),
        )
    for tm in data.get("times") or []:
        add(
            "time",
            f"{tm.get('type')} {tm.get('value')}",
            _spans([[tm.get("start"), tm.get("end")]], size),
            tm,
            earliest=tm.get("earliest"),
            latest=tm.get("latest"),
            granularity=tm.get("granularity"),
        )
    for q in data.get("quotes") or []:
        speaker = _quote_speaker(text, q)
        qid = q.get("id")
        add(
            "quote",
            f"{'quote' if q.get('direct', True) else 'indirect'} of {speaker}",
            _spans(q.get("content"), size),
            q,
            quote=qid,
            speaker=q.get("speaker"),
            speaker_entity=q.get("speaker_entity"),
            channel=q.get("channel"),
            role=q.get("role"),
            direct=q.get("direct", True),
        )
        if q.get("source"):
            add("speaker", f"speaker {speaker}", _spans([q["source"]], size), q, quote=qid)
        if q.get("cue"):
            add("cue", f"cue of {speaker}", _spans([q["cue"]], size), q, quote=qid)
    for tq in data.get("techniques") or []:
        add(
            "technique",
            str(tq.get("technique")),
            _spans([[tq.get("start"), tq.get("end")]], size),
            tq,
            speaker=tq.get("speaker"),
            target=tq.get("target"),
        )
    return out


def chain_annotations(data: dict[str, Any], start: int) -> list[list[Annotation]]:
    """The source chains, each link an annotation (selectable, highlighted only on demand)."""
    size = len(str(data.get("text") or ""))
    chains = []
    n = start
    for chain in data.get("source_chains") or []:
        links = []
        for link in chain.get("links") or []:
            stage, conf, ev_spans = _evidence(link)
            links.append(
                Annotation(
                    f"a{n}",
                    "source",
                    f"{link.get('role')}: {link.get('name')}",
                    _spans(ev_spans, size),
                    stage,
                    conf,
                    {
                        "role": link.get("role"),
                        "entity": link.get("entity"),
                        "quote": chain.get("quote"),
                        "evidence": ev_spans,
                    },
                )
            )
            n += 1
        chains.append(links)
    return chains


@dataclass
class Segment:
    """A run of text covered by the same set of annotations."""

    text: str
    ids: list[str]
    kinds: list[str]


def segments(text: str, anns: list[Annotation]) -> list[Segment]:
    """The text cut at every span boundary; each piece lists the annotations covering it."""
    edges: dict[int, list[tuple[int, Annotation]]] = {}
    for ann in anns:
        for s, e in ann.spans:
            edges.setdefault(s, []).append((1, ann))
            edges.setdefault(e, []).append((-1, ann))
    points = sorted({0, len(text), *edges})
    active: Counter[str] = Counter()
    by_id = {a.id: a for a in anns}
    out: list[Segment] = []
    for a, b in itertools.pairwise(points):
        for delta, ann in edges.get(a, []):
            active[ann.id] += delta
        if a >= b:
            continue
        ids = sorted((i for i, c in active.items() if c > 0), key=lambda i: int(i[1:]))
        kinds = sorted({by_id[i].kind for i in ids})
        out.append(Segment(text[a:b], ids, kinds))
    return out


# ---------------------------------------------------------------------- exports

EVENT_CSV_FIELDS = (
    "gid",
    "article_id",
    "type",
    "modes",
    "actor_text",
    "recipient_text",
    "place",
    "lat",
    "lon",
    "country",
    "date",
    "earliest",
    "latest",
    "fatalities",
    "injured",
    "arrested",
    "attributed_to",
    "according_to",
    "asserted_by",
    "confidence",
    "story_id",
    "sources",
    "outlet",
    "url",
    "title",
    "published",
)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    text = str(value)
    # A cell starting with = + - @ is a formula in spreadsheets: article text is untrusted.
    return "'" + text if text[:1] in ("=", "+", "-", "@") and not _is_number(text) else text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def to_csv(rows: list[dict[str, Any]], fields: tuple[str, ...] | list[str]) -> str:
    """CSV with a header; formula-like cells are defused."""
    out = io.StringIO()
    writer = csv.DictWriter(
        out, fieldnames=list(fields), lineterminator="\n", extrasaction="ignore"
    )
    writer.writeheader()
    writer.writerows({k: _cell(row.get(k)) for k in fields} for row in rows)
    return out.getvalue()


def events_geojson(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """FeatureCollection of the events that have coordinates (the CLI export's features)."""
    features = [f for f in (to_feature(row) for row in rows) if f is not None]
    return {"type": "FeatureCollection", "features": features}


SEARCH_CSV_FIELDS = (
    "kind",
    "article_id",
    "title",
    "outlet",
    "published",
    "url",
    "speaker",
    "snippet",
)


def hit_dict(hit: SearchHit) -> dict[str, Any]:
    """A search hit as JSON."""
    return {
        "kind": hit.kind,
        "article_id": hit.article_id,
        "title": hit.title,
        "outlet": hit.outlet,
        "published": hit.published,
        "url": hit.url,
        "snippet": hit.snippet,
        "speaker": hit.speaker,
    }


def article_geojson(data: dict[str, Any]) -> dict[str, Any]:
    """The article's resolved places as a FeatureCollection."""
    features = []
    for i, place in enumerate(data.get("places") or []):
        if place.get("lat") is None or place.get("lon") is None:
            continue
        props = {k: v for k, v in place.items() if k not in ("lat", "lon", "evidence")}
        props["article_id"] = data.get("id")
        features.append(
            {
                "type": "Feature",
                "id": f"{data.get('id')}/p{i}",
                "geometry": {"type": "Point", "coordinates": [place["lon"], place["lat"]]},
                "properties": props,
            }
        )
    return {"type": "FeatureCollection", "features": features}


ANNOTATION_CSV_FIELDS = ("id", "kind", "label", "start", "end", "text", "stage", "confidence")


def annotation_rows(data: dict[str, Any]) -> list[dict[str, Any]]:
    """One CSV row per highlighted span of the article."""
    text = str(data.get("text") or "")
    rows = []
    for ann in article_annotations(data):
        for s, e in ann.spans:
            rows.append(
                {
                    "id": ann.id,
                    "kind": ann.kind,
                    "label": ann.label,
                    "start": s,
                    "end": e,
                    "text": text[s:e],
                    "stage": ann.stage,
                    "confidence": ann.confidence,
                }
            )
    return rows


# ---------------------------------------------------------------------- stories and articles


def article_stories(store: Store, data: dict[str, Any]) -> dict[str, str]:
    """Event gid → story id for one stored article.

    The store has no per-article event query, so this asks :meth:`Store.events` for the
    article's own event types, outlet and date range (each event's linking window, its date and
    the publication day) and keeps the article's rows: a narrow, indexed query.
    """
    events = data.get("events") or []
    if not events:
        return {}
    days: list[str] = []
    published = data.get("published")
    for event in events:
        window = stories.event_window(event, published, store.story_settings)
        days += [d[:10] for d in (*(window or ()), event.get("date"), published) if d]
    where = EventFilter(
        types=sorted({str(e.get("type")) for e in events if e.get("type")}),
        outlet=data.get("outlet") or None,
        since=min(days) if days else None,
        until=max(days) if days else None,
        include_unreal=True,
    )
    return {
        row["gid"]: row["story_id"]
        for row in store.events(where)
        if row["article_id"] == data.get("id") and row["story_id"]
    }


STORY_FIELDS = (
    ("date", "date"),
    ("place", "place"),
    ("actors", "actor"),
    ("recipients", "recipient"),
    ("fatalities", "fatalities"),
    ("injured", "injured"),
    ("arrested", "arrested"),
    ("according_to", "according to"),
)


def _story_value(event: StoryEvent, name: str) -> str:
    if name == "actors":
        return event.actor_text or "; ".join(event.actors)
    if name == "recipients":
        return event.recipient_text or "; ".join(event.recipients)
    if name == "date":
        return (event.date or event.earliest or "")[:10]
    value = getattr(event, name)
    return "" if value is None else str(value)


def story_columns(story: Story) -> list[dict[str, Any]]:
    """One column per member event; each cell says which conflicting value (0, 1, …) its
    article reports when the detail is disputed, so the view can colour disagreements."""
    disputed = {c.field: c.values for c in story.conflicts}
    columns = []
    for event in story.events:
        cells = []
        for name, label in STORY_FIELDS:
            group = None
            for k, value in enumerate(disputed.get(name, [])):
                if event.article_id in value.articles:
                    group = k
                    break
            cells.append(
                {
                    "field": name,
                    "label": label,
                    "value": _story_value(event, name),
                    "conflict": group,
                }
            )
        columns.append({"event": event, "cells": cells})
    return columns


def openapi_routes(schema: dict[str, Any]) -> list[dict[str, Any]]:
    """Routes of the OpenAPI schema with their parameters, for the offline docs page."""
    out = []
    for path, methods in sorted(schema.get("paths", {}).items()):
        for method, op in methods.items():
            out.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary", ""),
                    "description": op.get("description", ""),
                    "parameters": [
                        {
                            "name": p.get("name"),
                            "in": p.get("in"),
                            "required": p.get("required", False),
                            "description": p.get("description")
                            or (p.get("schema") or {}).get("description", ""),
                        }
                        for p in op.get("parameters", [])
                    ],
                }
            )
    return out
