"""Stories: events from different articles that are the same real-world event.

Two reports are taken to describe one event when everything they both state agrees:

* **type**: the same PLOVER type, or the same ACLED event type (one outlet's "clashes" is
  another's "attack" at the PLOVER level, but both are ACLED "Battles");
* **time**: their intervals overlap. An event dated only by its article's publication date gets
  the window ``[published − publication_window_days, published]`` (news reports what happened in
  the last few days); an interval open on one side is closed ``open_window_days`` away; an
  event known only to a period longer than ``max_window_days`` ("in 2021") is too vague to link
  and stays a story of its own;
* **place**: within ``radius_km`` of each other when both have coordinates, else the same country
  when both have one; an unknown place on either side neither confirms nor rules out;
* **participants**: actor and recipient entities overlap. Reports do disagree about who did it
  (that is a conflict to show, not a reason to split), so disjoint participants are accepted only
  when place (coordinates within ``strong_radius_km``) and time (both windows of at most
  ``strong_window_days``) pin the event down.

Linking is complete-link: an event joins a story only if it is compatible with *every* member,
so chains of pairwise-similar events cannot merge two attacks on the same base days apart. Among
compatible stories the best-scoring one wins; ties go to the story created first. The store runs
this incrementally in the transaction that stores each article, so the result depends only on
the order of articles, which ingest keeps.

Independent sources: the member articles grouped by near-duplicate group and by outlet (a wire
copy, or the same outlet reporting twice, is one source), counted once per group.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from newsgraph.geo import haversine_km

# Events that did not happen (or not yet) are not linked into stories.
_NOT_REAL = ("negated", "hypothetical", "future")
CONFLICT_FIELDS = ("fatalities", "injured", "arrested", "actors", "recipients", "date")


@dataclass(frozen=True)
class StorySettings:
    """Thresholds of the linking rule (see the module docstring)."""

    radius_km: float = 50.0
    strong_radius_km: float = 15.0
    publication_window_days: int = 3
    open_window_days: int = 7
    strong_window_days: int = 2
    max_window_days: int = 31


@dataclass(frozen=True)
class EventKey:
    """What linking compares about one stored event."""

    gid: str
    article_id: str
    type: str
    acled_type: str | None
    start: str | None
    end: str | None
    lat: float | None
    lon: float | None
    country: str | None
    participants: frozenset[str]


def event_gid(article_id: str, event_id: str) -> str:
    """Corpus-wide id of an article's event."""
    return f"{article_id}/{event_id}"


def story_id(first_gid: str) -> str:
    """Deterministic story id, named after the event that opened the story."""
    return "st:" + hashlib.sha256(first_gid.encode("utf-8")).hexdigest()[:16]


def eligible(event: Mapping[str, Any]) -> bool:
    """Whether an event describes something that happened (and so can join a story)."""
    return bool(event.get("type")) and not any(event.get(flag) for flag in _NOT_REAL)


def _day(value: Any) -> dt.date | None:
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def event_window(
    event: Mapping[str, Any], published: str | None, settings: StorySettings
) -> tuple[str, str] | None:
    """The closed day interval ``(start, end)`` the event happened in, or None if unknown."""
    earliest, latest = _day(event.get("earliest")), _day(event.get("latest"))
    if earliest is None and latest is None:
        earliest = latest = _day(event.get("date"))
    pub = _day(published)
    if earliest is None and latest is None:
        if pub is None:
            return None
        earliest, latest = pub - dt.timedelta(days=settings.publication_window_days), pub
    elif earliest is None and latest is not None:
        # The events stage dates an event without a time expression as (None, published day).
        from_publication = latest == pub and _day(event.get("date")) in (None, pub)
        span = settings.publication_window_days if from_publication else settings.open_window_days
        earliest = latest - dt.timedelta(days=span)
    elif latest is None and earliest is not None:
        latest = earliest + dt.timedelta(days=settings.open_window_days)
    if earliest is None or latest is None:
        return None
    if latest < earliest:
        earliest, latest = latest, earliest
    if (latest - earliest).days + 1 > settings.max_window_days:
        return None
    return earliest.isoformat(), latest.isoformat()


def window_floor(start: str, settings: StorySettings) -> str:
    """The earliest start a window overlapping one that starts at ``start`` can have (windows
    are at most ``max_window_days`` long), so candidates come from a bounded index range."""
    floor = dt.date.fromisoformat(start) - dt.timedelta(days=settings.max_window_days)
    return floor.isoformat()


def participants(event: Mapping[str, Any]) -> frozenset[str]:
    """Entity ids of actors and recipients; the folded surface text when no id was resolved."""
    ids = [*(event.get("actors") or []), *(event.get("recipients") or [])]
    if ids:
        return frozenset(str(i) for i in ids)
    texts = [event.get("actor_text"), event.get("recipient_text")]
    return frozenset(
        "text:" + " ".join(part.casefold().split())
        for text in texts
        if isinstance(text, str)
        for part in text.split(";")
        if part.strip()
    )


def event_gids(article_id: str, events: Sequence[Mapping[str, Any]]) -> list[str]:
    """The corpus-wide id of each of an article's events, in order: :func:`event_gid`, with
    ``#index`` appended when the article repeats an event id (ids must stay unique)."""
    gids: list[str] = []
    seen: set[str] = set()
    for index, event in enumerate(events):
        gid = event_gid(article_id, str(event.get("id") or f"e{index}"))
        if gid in seen:
            gid = f"{gid}#{index}"
        seen.add(gid)
        gids.append(gid)
    return gids


def _coordinate(value: Any) -> float | None:
    return None if value is None else float(value)


def event_key(
    gid: str, article_id: str, event: Mapping[str, Any], window: tuple[str, str] | None
) -> EventKey:
    """What linking compares about an event (``window`` from :func:`event_window`): the one
    constructor the store and the Spark stage share, so both compare the same values."""
    place = event.get("place") or {}
    return EventKey(
        gid=gid,
        article_id=article_id,
        type=event.get("type") or "",
        acled_type=event.get("acled_event_type"),
        start=window[0] if window else None,
        end=window[1] if window else None,
        lat=_coordinate(place.get("lat")),
        lon=_coordinate(place.get("lon")),
        country=str(place["country"]).upper() if place.get("country") else None,
        participants=participants(event),
    )


def _days(start: str, end: str) -> int:
    return (dt.date.fromisoformat(end) - dt.date.fromisoformat(start)).days + 1


def _distance(a: EventKey, b: EventKey) -> float | None:
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    return haversine_km(a.lat, a.lon, b.lat, b.lon)


def compatible(a: EventKey, b: EventKey, settings: StorySettings) -> bool:
    """Whether two events can be the same real-world event (every stated detail agrees)."""
    if a.type != b.type and not (a.acled_type and a.acled_type == b.acled_type):
        return False
    if a.start is None or a.end is None or b.start is None or b.end is None:
        return False
    if a.start > b.end or b.start > a.end:
        return False
    distance = _distance(a, b)
    if distance is not None:
        if distance > settings.radius_km:
            return False
    elif a.country and b.country and a.country.upper() != b.country.upper():
        return False
    if a.participants and b.participants and not a.participants & b.participants:
        pinned_place = distance is not None and distance <= settings.strong_radius_km
        pinned_time = max(_days(a.start, a.end), _days(b.start, b.end)) <= (
            settings.strong_window_days
        )
        return pinned_place and pinned_time
    return True


def score(a: EventKey, b: EventKey, settings: StorySettings) -> float:
    """How well two compatible events match: time overlap, closeness and shared participants."""
    if not (a.start and a.end and b.start and b.end):
        return 0.0
    overlap = _days(max(a.start, b.start), min(a.end, b.end))
    union = _days(min(a.start, b.start), max(a.end, b.end))
    total = overlap / union
    distance = _distance(a, b)
    if distance is not None:
        total += 1.0 - distance / settings.radius_km
    elif a.country and b.country:
        total += 0.25
    if a.participants and b.participants:
        total += len(a.participants & b.participants) / len(a.participants | b.participants)
    if a.type == b.type:
        total += 0.5
    return total


def choose_story(
    event: EventKey, stories: Mapping[str, Sequence[EventKey]], settings: StorySettings
) -> str | None:
    """The story ``event`` belongs to: compatible with every member, best mean score; ties go
    to the first story in ``stories`` order (callers pass them oldest first)."""
    best: tuple[float, str] | None = None
    for sid, members in stories.items():
        if not members or not all(compatible(event, m, settings) for m in members):
            continue
        value = sum(score(event, m, settings) for m in members) / len(members)
        if best is None or value > best[0]:
            best = (value, sid)
    return None if best is None else best[1]


def independent_sources(members: Iterable[tuple[str, str | None, str | None]]) -> int:
    """Distinct sources among ``(article_id, duplicate_group, outlet)``: articles sharing a
    near-duplicate group or an outlet count once."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    articles = set()
    for article_id, group, outlet in members:
        node = "a:" + article_id
        articles.add(node)
        for other in (
            "g:" + (group or article_id),
            "o:" + outlet.casefold() if outlet else None,
        ):
            if other is not None:
                parent[find(node)] = find(other)
    return len({find(a) for a in articles})


@dataclass
class StoryEvent:
    """One member event of a story, with the article that reports it."""

    gid: str
    article_id: str
    outlet: str | None
    url: str | None
    title: str | None
    published: str | None
    duplicate_group: str | None
    type: str
    date: str | None
    earliest: str | None
    latest: str | None
    place: str | None
    lat: float | None
    lon: float | None
    country: str | None
    actors: list[str]
    recipients: list[str]
    actor_text: str | None
    recipient_text: str | None
    fatalities: int | None
    injured: int | None
    arrested: int | None
    according_to: str | None


@dataclass
class ConflictValue:
    """One of the differing values of a detail, and who reports it."""

    value: Any
    articles: list[str]
    outlets: list[str]


@dataclass
class Conflict:
    """A detail the member reports disagree about, the values side by side."""

    field: str
    values: list[ConflictValue]


@dataclass
class Story:
    """The same real-world event as reported by several articles."""

    id: str
    type: str
    earliest: str | None
    latest: str | None
    place: str | None
    lat: float | None
    lon: float | None
    country: str | None
    events: list[StoryEvent]
    outlets: list[str]
    independent_sources: int
    conflicts: list[Conflict] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data."""
        return asdict(self)


def _conflict_value(event: StoryEvent, name: str) -> Any:
    if name == "actors":
        return sorted(event.actors) or (event.actor_text or None)
    if name == "recipients":
        return sorted(event.recipients) or (event.recipient_text or None)
    if name == "date":
        return event.date[:10] if event.date else None
    return getattr(event, name)


def conflicts(events: Sequence[StoryEvent]) -> list[Conflict]:
    """Details reported with different values by different member events (unknowns ignored).

    Only disagreements *between articles* are listed; values are ordered by how many articles
    report them, then by value, so the output is stable.
    """
    found = []
    for name in CONFLICT_FIELDS:
        by_value: dict[str, tuple[Any, list[StoryEvent]]] = {}
        for event in events:
            value = _conflict_value(event, name)
            if value is None or value == []:
                continue
            key = repr(value)
            by_value.setdefault(key, (value, []))[1].append(event)
        if len(by_value) < 2:
            continue
        articles_per_value = [{e.article_id for e in evs} for _, evs in by_value.values()]
        if len(set().union(*articles_per_value)) < 2:
            continue  # one article contradicting itself is the extractor's problem, not news
        values = [
            ConflictValue(
                value=value,
                articles=sorted({e.article_id for e in evs}),
                outlets=sorted({e.outlet for e in evs if e.outlet}),
            )
            for value, evs in by_value.values()
        ]
        values.sort(key=lambda v: (-len(v.articles), repr(v.value)))
        found.append(Conflict(name, values))
    return found


def summarise(sid: str, events: Sequence[StoryEvent], extra_outlets: Iterable[str] = ()) -> Story:
    """A :class:`Story` from its member events (and outlets of exact copies of its articles)."""
    if not events:
        raise ValueError(f"story {sid} has no events")
    types = Counter(e.type for e in events)
    with_place = [e for e in events if e.place]
    located = [e for e in events if e.lat is not None and e.lon is not None]
    countries = Counter(e.country.upper() for e in events if e.country)
    starts = [s for s in (e.earliest or e.date for e in events) if s]
    ends = [s for s in (e.latest or e.date for e in events) if s]
    outlets = sorted({e.outlet for e in events if e.outlet} | set(extra_outlets))
    return Story(
        id=sid,
        type=min(types, key=lambda t: (-types[t], t)),
        earliest=min(s[:10] for s in starts) if starts else None,
        latest=max(s[:10] for s in ends) if ends else None,
        place=with_place[0].place if with_place else None,
        lat=located[0].lat if located else None,
        lon=located[0].lon if located else None,
        country=min(countries, key=lambda c: (-countries[c], c)) if countries else None,
        events=list(events),
        outlets=outlets,
        independent_sources=independent_sources(
            (e.article_id, e.duplicate_group, e.outlet) for e in events
        ),
        conflicts=conflicts(events),
    )
