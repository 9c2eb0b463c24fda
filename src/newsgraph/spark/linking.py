"""Cross-article story linking as a Spark stage, for corpora that do not fit one machine.

The store links events into stories one article at a time; over millions of articles that is a
quadratic scan unless candidate pairs are *blocked*. Here:

1. every real event (not negated, hypothetical or future; with a type and a day window) becomes a
   small :class:`LinkEvent`;
2. it is put in **blocks** keyed by event type (PLOVER type, and ACLED event type when it has
   one), **date bucket** (``bucket_days``-day buckets its window overlaps) and **coarse place**
   (a ``cell_degrees`` grid cell, else its country, else "unknown place"). An event is *home* in
   its own blocks and *visits* the neighbouring cells within ``radius_km``, its country's block
   and the unknown-place block, so that every pair :func:`same_event` could accept shares a block
   in which at least one of the two is home: blocking never loses a compatible pair;
3. inside each block, pairs with a home member are compared with :func:`same_event` (small and
   pure: swap in the corpus layer's rule by passing ``compare``);
4. accepted pairs are joined into connected components (label propagation), and each component
   is cut into stories **complete-link** in input order: an event joins the oldest story all of
   whose members it is compatible with, else opens a new one. Events of different components
   are never compatible, so this equals running the rule over the whole corpus in order.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from pyspark import RDD
from pyspark.sql.types import IntegerType, LongType, StringType, StructField, StructType

from newsgraph.geo import haversine_km

_NOT_REAL = ("negated", "hypothetical", "future")
_KM_PER_DEGREE = 111.19

STORY_SCHEMA = StructType(
    [
        StructField("story_id", StringType()),
        StructField("gid", StringType()),
        StructField("article_id", StringType()),
        StructField("event_id", StringType()),
        StructField("seq", LongType()),
        StructField("type", StringType()),
        StructField("start", StringType()),
        StructField("end", StringType()),
        StructField("size", IntegerType()),
    ]
)


@dataclass(frozen=True)
class LinkSettings:
    """Thresholds of the rule and the block sizes (days per date bucket, degrees per cell)."""

    radius_km: float = 50.0
    strong_radius_km: float = 15.0
    publication_window_days: int = 3
    open_window_days: int = 7
    strong_window_days: int = 2
    bucket_days: int = 7
    cell_degrees: float = 1.0
    max_iterations: int = 50


@dataclass(frozen=True)
class LinkEvent:
    """What linking compares about one event. ``start``/``end`` are ISO days (inclusive)."""

    gid: str
    article_id: str
    event_id: str
    order: tuple[int, int]
    type: str
    acled_type: str | None
    start: str
    end: str
    lat: float | None
    lon: float | None
    country: str | None
    participants: frozenset[str]


Compare = Callable[[LinkEvent, LinkEvent], bool]


def _day(value: Any) -> dt.date | None:
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def window(
    event: Mapping[str, Any], published: str | None, settings: LinkSettings
) -> tuple[dt.date, dt.date] | None:
    """The closed day interval the event happened in; the publication date bounds an undated
    event (news reports the last few days); an open end is closed ``open_window_days`` away."""
    earliest, latest = _day(event.get("earliest")), _day(event.get("latest"))
    if earliest is None and latest is None:
        earliest = latest = _day(event.get("date"))
    pub = _day(published)
    if earliest is None and latest is None:
        if pub is None:
            return None
        return pub - dt.timedelta(days=settings.publication_window_days), pub
    if earliest is None and latest is not None:
        span = settings.publication_window_days if latest == pub else settings.open_window_days
        earliest = latest - dt.timedelta(days=span)
    if latest is None and earliest is not None:
        latest = earliest + dt.timedelta(days=settings.open_window_days)
    if earliest is None or latest is None:
        return None
    return (earliest, latest) if earliest <= latest else (latest, earliest)


def _participants(event: Mapping[str, Any]) -> frozenset[str]:
    ids = [*(event.get("actors") or []), *(event.get("recipients") or [])]
    if ids:
        return frozenset(str(i) for i in ids)
    return frozenset(
        "text:" + " ".join(part.casefold().split())
        for text in (event.get("actor_text"), event.get("recipient_text"))
        if isinstance(text, str)
        for part in text.split(";")
        if part.strip()
    )


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def link_events(data: Mapping[str, Any], seq: int, settings: LinkSettings) -> list[LinkEvent]:
    """The linkable events of one Analysis (its ``to_dict()``)."""
    out = []
    article_id = str(data.get("id"))
    for index, event in enumerate(data.get("events") or []):
        if not event.get("type") or any(event.get(flag) for flag in _NOT_REAL):
            continue
        days = window(event, data.get("published"), settings)
        if days is None:
            continue
        place = event.get("place") if isinstance(event.get("place"), dict) else {}
        lat, lon = _number(place.get("lat")), _number(place.get("lon"))
        country = place.get("country")
        out.append(
            LinkEvent(
                gid=f"{article_id}/{event.get('id')}",
                article_id=article_id,
                event_id=str(event.get("id")),
                order=(seq, index),
                type=str(event["type"]),
                acled_type=event.get("acled_event_type") or None,
                start=days[0].isoformat(),
                end=days[1].isoformat(),
                lat=lat if lon is not None else None,
                lon=lon if lat is not None else None,
                country=country.upper() if isinstance(country, str) and country else None,
                participants=_participants(event),
            )
        )
    return out


def _days(start: str, end: str) -> int:
    return (dt.date.fromisoformat(end) - dt.date.fromisoformat(start)).days + 1


def same_event(a: LinkEvent, b: LinkEvent, settings: LinkSettings) -> bool:
    """Whether two reports can be of one real-world event: same PLOVER or ACLED type,
    overlapping windows, places within ``radius_km`` (or the same country when a coordinate
    is missing), and shared participants unless place and time pin the event down."""
    if a.type != b.type and not (a.acled_type and a.acled_type == b.acled_type):
        return False
    if a.start > b.end or b.start > a.end:
        return False
    distance = None
    if a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None:
        distance = haversine_km(a.lat, a.lon, b.lat, b.lon)
        if distance > settings.radius_km:
            return False
    elif a.country and b.country and a.country != b.country:
        return False
    if a.participants and b.participants and not a.participants & b.participants:
        pinned_time = max(_days(a.start, a.end), _days(b.start, b.end))
        return (
            distance is not None
            and distance <= settings.strong_radius_km
            and pinned_time <= settings.strong_window_days
        )
    return True


def _cells(event: LinkEvent, settings: LinkSettings) -> tuple[str, list[str]]:
    """The event's grid cell and the cells within ``radius_km`` of any point of it."""
    if event.lat is None or event.lon is None:
        raise ValueError("event has no coordinates")
    size = settings.cell_degrees
    rows, columns = math.ceil(180 / size), math.ceil(360 / size)
    row = min(rows - 1, int((event.lat + 90) // size))
    column = int((event.lon + 180) // size) % columns
    reach_lat = settings.radius_km / _KM_PER_DEGREE
    k_row = math.ceil(reach_lat / size)
    widest = min(89.999, abs(event.lat) + reach_lat + size)
    k_column = min(columns, math.ceil(reach_lat / math.cos(math.radians(widest)) / size))
    near = {
        f"{r}:{c % columns}"
        for r in range(max(0, row - k_row), min(rows, row + k_row + 1))
        for c in range(column - k_column, column + k_column + 1)
    }
    home = f"{row}:{column}"
    return home, sorted(near - {home})


def blocks(event: LinkEvent, settings: LinkSettings) -> list[tuple[str, bool]]:
    """``(block key, is_home)`` for every block the event belongs to (see the module doc)."""
    types = [f"p:{event.type}", *([f"a:{event.acled_type}"] if event.acled_type else [])]
    start = dt.date.fromisoformat(event.start).toordinal() // settings.bucket_days
    end = dt.date.fromisoformat(event.end).toordinal() // settings.bucket_days
    places: list[tuple[str, bool]]
    if event.lat is not None and event.lon is not None:
        home, near = _cells(event, settings)
        places = [(f"cell:{home}", True), *((f"cell:{cell}", False) for cell in near)]
        places.append((f"cc:{event.country or '?'}", event.country is None))
    elif event.country:
        places = [(f"cc:{event.country}", True), ("cc:?", False)]
    else:
        places = []
    places.append(("*", not places))
    return [
        (f"{kind}|{bucket}|{place}", home)
        for kind in types
        for bucket in range(start, end + 1)
        for place, home in places
    ]


def block_pairs(
    members: Iterable[tuple[LinkEvent, bool]], compare: Compare
) -> Iterator[tuple[str, str]]:
    """Accepted ``(gid, gid)`` pairs (sorted within the pair) of one block."""
    listed = sorted(members, key=lambda member: member[0].order)
    for i, (a, home_a) in enumerate(listed):
        for b, home_b in listed[i + 1 :]:
            if (home_a or home_b) and a.gid != b.gid and compare(a, b):
                yield (a.gid, b.gid) if a.gid < b.gid else (b.gid, a.gid)


def story_id(first_gid: str) -> str:
    """Deterministic story id, named after the event that opened the story."""
    return "st:" + hashlib.sha256(first_gid.encode("utf-8")).hexdigest()[:16]


def complete_link(events: Iterable[LinkEvent], compare: Compare) -> list[list[LinkEvent]]:
    """Stories of one component in input order: each event joins the oldest story it is
    compatible with in full, else opens a new one."""
    stories: list[list[LinkEvent]] = []
    for event in sorted(events, key=lambda e: e.order):
        for story in stories:
            if all(compare(event, member) for member in story):
                story.append(event)
                break
        else:
            stories.append([event])
    return stories


def _components(
    vertices: RDD[str], edges: RDD[tuple[str, str]], max_iterations: int
) -> RDD[tuple[str, str]]:
    """``(vertex, component label)``: the smallest vertex id reachable, by label propagation."""
    n = vertices.getNumPartitions()
    both = edges.flatMap(lambda e: [e, (e[1], e[0])]).distinct(n).cache()
    labels = vertices.map(lambda v: (v, v)).partitionBy(n).cache()
    for _ in range(max_iterations):
        proposals = both.join(labels, n).map(lambda item: (item[1][0], item[1][1]))
        updated = labels.union(proposals).reduceByKey(min, n).cache()
        changed = updated.join(labels, n).filter(lambda item: item[1][0] != item[1][1]).count()
        labels.unpersist()
        labels = updated
        if not changed:
            break
    both.unpersist()
    return labels


def link_stories(
    analyses: RDD[tuple[int, str]],
    settings: LinkSettings | None = None,
    compare: Compare | None = None,
) -> RDD[tuple[Any, ...]]:
    """Story rows (:data:`STORY_SCHEMA`) for ``(seq, Analysis JSON)`` pairs."""
    settings = settings or LinkSettings()
    rule: Compare = compare or (lambda a, b: same_event(a, b, settings))
    n = analyses.getNumPartitions()
    # An article id given twice (a re-sent record) is one article: its first copy counts.
    events = (
        analyses.flatMap(lambda item: link_events(json.loads(item[1]), item[0], settings))
        .map(lambda e: (e.gid, e))
        .reduceByKey(lambda a, b: a if a.order <= b.order else b, n)
        .values()
        .cache()
    )
    pairs = (
        events.flatMap(lambda e: [(key, (e, home)) for key, home in blocks(e, settings)])
        .groupByKey(n)
        .flatMap(lambda block: block_pairs(block[1], rule))
        .distinct(n)
    )
    labels = _components(events.map(lambda e: e.gid), pairs, settings.max_iterations)
    grouped = (
        events.map(lambda e: (e.gid, e)).join(labels, n).map(lambda item: (item[1][1], item[1][0]))
    )

    def rows(component: tuple[str, Iterable[LinkEvent]]) -> Iterator[tuple[Any, ...]]:
        for story in complete_link(component[1], rule):
            sid = story_id(story[0].gid)
            for e in story:
                yield (
                    sid,
                    e.gid,
                    e.article_id,
                    e.event_id,
                    e.order[0],
                    e.type,
                    e.start,
                    e.end,
                    len(story),
                )

    return grouped.groupByKey(n).flatMap(rows)
