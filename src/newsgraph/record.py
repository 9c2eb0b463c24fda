"""The newsgraph record: plain, typed, JSON-serialisable data.

Everything is a span of the article text or points at one. Offsets are Unicode code points into
``Analysis.text`` (the text exactly as the caller gave it, after decoding and HTML extraction),
end exclusive. Every extracted value carries :class:`Evidence`: the spans that support it, the
stage that produced it and a confidence in [0, 1].

The JSON shape is documented in ``docs/record.md`` and versioned by :data:`SCHEMA_VERSION`. Field
order is fixed by the dataclass declarations, so serialisation is byte-for-byte stable. The
``times``, ``places``, ``quotes``, ``techniques`` and ``events`` layers carry the field names of
``shared/data/FORMAT.md`` so that an Analysis can be scored against gold directly.

Stages build these objects with offsets into the *normalised* text the spaCy ``Doc`` was made
from; :meth:`Analysis.map_offsets` moves every span back to the caller's text in one place, so no
stage has to know about normalisation.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

SCHEMA_VERSION = "1"

Span = tuple[int, int]
SpanMapper = Callable[[int, int], Span]


@dataclass
class Evidence:
    """Why a value is believed: supporting spans, producing stage, and confidence."""

    spans: list[Span]
    stage: str
    confidence: float

    def __post_init__(self) -> None:
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"confidence must be in [0, 1], got {self.confidence}")


@dataclass
class Article:
    """One input document and its metadata."""

    id: str
    text: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    language: str = "en"


@dataclass
class Mention:
    """One occurrence of an entity in the text."""

    start: int
    end: int
    text: str
    evidence: Evidence


@dataclass
class Entity:
    """A canonical actor, person, organisation or state, with all its mentions."""

    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    wikidata: str | None = None
    country: str | None = None
    sector: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    confidence: float = 1.0


@dataclass
class Place:
    """A toponym resolved (or not) to a gazetteer entry."""

    start: int
    end: int
    text: str
    lat: float | None
    lon: float | None
    geonameid: int | None
    evidence: Evidence
    name: str | None = None
    feature_class: str | None = None
    feature_code: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    country: str | None = None
    precision: str | None = None


@dataclass
class TimeExpr:
    """A temporal expression with its TimeML type/value and a resolved interval.

    ``earliest``/``latest`` are ISO dates (or datetimes); ``None`` is an open end. ``anchor`` is
    ``{"kind": "publication" | "time" | "event", "ref": ...}`` or ``None``.
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    evidence: Evidence
    earliest: str | None = None
    latest: str | None = None
    granularity: str | None = None
    anchor: dict[str, Any] | None = None


@dataclass
class Quote:
    """An attribution: content span(s), cue, speaker mention and resolved speaker.

    ``role`` is the speaker's role as the text states it: the source mention when it is a
    description ("a senior leader of Kata'ib Hezbollah"), else the office beside the name
    ("Spokeswoman" of "Spokeswoman Sandy Angers"); ``nested`` is true when the cue lies
    inside another quote's content ("he continued" inside what "Press TV reported").
    """

    content: list[Span]
    cue: Span | None
    source: Span | None
    evidence: Evidence
    id: str = ""
    speaker: str | None = None
    speaker_entity: str | None = None
    direct: bool = True
    channel: str | None = None
    role: str | None = None
    nested: bool = False


def speaker_name(text: str, speaker: str | None, source: Any) -> str | None:
    """Who a quote is by, for people: the resolved speaker, else the words of the source
    mention as the text has them ("the army"; without the comma that closes an apposition,
    which PolNeAR's source spans include), else ``None``. ``source`` is a ``(start, end)``
    span or its JSON list; shared by the summary, the store and the web view, which read
    quotes as records or as stored JSON."""
    if speaker:
        return speaker
    if isinstance(source, list | tuple) and len(source) == 2:
        words = " ".join(text[source[0] : source[1]].split()).strip(" ,;:")
        return words or None
    return None


@dataclass
class SourceLink:
    """One link of a source chain: an outlet, a relaying outlet, a speaker or a channel."""

    role: str
    name: str
    evidence: Evidence
    entity: str | None = None


@dataclass
class SourceChain:
    """Who reports whom, from the publishing outlet down to the original speaker and channel."""

    links: list[SourceLink]
    quote: str | None = None


@dataclass
class Event:
    """A PLOVER-coded event with actors, place, time, casualties and attribution.

    ``date_source`` says where the date came from: ``"time"`` (its own time expression),
    ``"narrative"`` (inherited from the previous event), ``"publication"`` (fallback, low
    confidence) or ``"none"``. ``fatalities_unknown_count`` marks "deadly" with no number
    (``fatalities`` is then the conservative 1).
    """

    id: str
    type: str
    evidence: Evidence
    mode: list[str] = field(default_factory=list)
    actor_text: str | None = None
    recipient_text: str | None = None
    actors: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    trigger: Span | None = None
    place: dict[str, Any] | None = None
    date: str | None = None
    earliest: str | None = None
    latest: str | None = None
    date_source: str | None = None
    fatalities: int | None = None
    fatalities_unknown_count: bool = False
    injured: int | None = None
    arrested: int | None = None
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    habitual: bool = False
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    attributed_to: str | None = None


@dataclass
class Technique:
    """A persuasion-technique span and whose words it is (the outlet's or a quoted speaker's)."""

    start: int
    end: int
    text: str
    technique: str
    evidence: Evidence
    speaker: str | None = None
    target: str | None = None


@dataclass
class Analysis:
    """Everything newsgraph extracted from one article.

    Serialised flat: the article's fields first (``id``, ``text``, ``published`` … as in
    FORMAT.md), then one list per layer. Layers of stages that are not configured are empty lists.
    """

    id: str
    text: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    language: str = "en"
    entities: list[Entity] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    source_chains: list[SourceChain] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    techniques: list[Technique] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    stages: list[str] = field(default_factory=list)
    newsgraph_version: str = ""
    schema_version: str = SCHEMA_VERSION

    @classmethod
    def from_article(cls, article: Article) -> Analysis:
        """An empty analysis carrying the article's metadata."""
        return cls(
            id=article.id,
            text=article.text,
            url=article.url,
            outlet=article.outlet,
            title=article.title,
            authors=list(article.authors),
            published=article.published,
            language=article.language,
        )

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data: spans become ``[start, end]`` lists."""
        data: dict[str, Any] = _plain(self)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Analysis:
        """Rebuild an Analysis from :meth:`to_dict` output (stored JSON, Spark Parquet rows).

        Unknown keys are ignored, so newer files load in older code within a schema version.
        """
        built: Analysis = _build(cls, data)
        return built

    @classmethod
    def from_json(cls, text: str) -> Analysis:
        """Rebuild an Analysis from :meth:`to_json` output."""
        return cls.from_dict(json.loads(text))

    def to_json(self, *, indent: int | None = None) -> str:
        """Stable JSON (declared field order, UTF-8 characters kept, no trailing spaces)."""
        separators = (",", ": ") if indent else (",", ":")
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent, separators=separators)

    def map_offsets(self, mapper: SpanMapper) -> None:
        """Rewrite every span in place with ``mapper(start, end) -> (start, end)``.

        Used once per document to move offsets from the normalised text back to the caller's.
        Walking the dataclasses generically means a new record type cannot forget a field; an
        object shared between records (one Evidence for two values) is mapped once.
        """
        seen: set[int] = set()
        for layer in (
            self.entities,
            self.places,
            self.times,
            self.quotes,
            self.source_chains,
            self.events,
            self.techniques,
        ):
            for item in layer:
                _map_spans(item, mapper, seen, self.text)


_SPAN_FIELDS = ("cue", "source", "trigger")


def _map_spans(obj: Any, mapper: SpanMapper, seen: set[int], text: str) -> None:
    """Map the spans of one record object, recursing into nested records, evidence and dicts
    (a TimeExpr's ``anchor``, an Event's ``place``); every ``text`` beside a ``start``/``end``
    is re-read from the caller's ``text``."""
    if id(obj) in seen:
        return
    seen.add(id(obj))
    names = [f.name for f in dataclasses.fields(obj)]
    if "start" in names and "end" in names:
        obj.start, obj.end = mapper(obj.start, obj.end)
        if "text" in names:
            obj.text = text[obj.start : obj.end]
    for name in names:
        value = getattr(obj, name)
        if name in _SPAN_FIELDS and value is not None:
            setattr(obj, name, mapper(*value))
        elif name in ("content", "spans"):
            setattr(obj, name, [mapper(s, e) for s, e in value])
        elif isinstance(value, dict):
            _map_dict(value, mapper, seen, text)
        elif isinstance(value, list):
            for item in value:
                _map_value(item, mapper, seen, text)
        else:
            _map_value(value, mapper, seen, text)


def _map_value(value: Any, mapper: SpanMapper, seen: set[int], text: str) -> None:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        _map_spans(value, mapper, seen, text)
    elif isinstance(value, dict):
        _map_dict(value, mapper, seen, text)


def _map_dict(data: dict[str, Any], mapper: SpanMapper, seen: set[int], text: str) -> None:
    """Spans kept in plain dicts: ``{"start": int, "end": int, "text"?: str, …}``, nested."""
    if id(data) in seen:
        return
    seen.add(id(data))
    if isinstance(data.get("start"), int) and isinstance(data.get("end"), int):
        data["start"], data["end"] = mapper(data["start"], data["end"])
        if "text" in data:
            data["text"] = text[data["start"] : data["end"]]
    for value in data.values():
        if isinstance(value, list):
            for item in value:
                _map_value(item, mapper, seen, text)
        else:
            _map_value(value, mapper, seen, text)


_LAYER_TYPES: dict[str, type] = {
    "entities": Entity,
    "places": Place,
    "times": TimeExpr,
    "quotes": Quote,
    "source_chains": SourceChain,
    "events": Event,
    "techniques": Technique,
    "mentions": Mention,
    "links": SourceLink,
}
_SPAN_LIST_FIELDS = ("content", "spans")


def _build(cls: type, data: dict[str, Any]) -> Any:
    """Inverse of :func:`_plain` for the record classes: lists of spans back to tuples."""
    kwargs: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if f.name not in data:
            continue
        value = data[f.name]
        if f.name == "evidence" and value is not None:
            value = Evidence(
                [(s, e) for s, e in value["spans"]], value["stage"], value["confidence"]
            )
        elif f.name in _LAYER_TYPES and isinstance(value, list):
            value = [_build(_LAYER_TYPES[f.name], item) for item in value]
        elif f.name in _SPAN_LIST_FIELDS and isinstance(value, list):
            value = [(s, e) for s, e in value]
        elif f.name in _SPAN_FIELDS and value is not None:
            value = (value[0], value[1])
        kwargs[f.name] = value
    return cls(**kwargs)


def _plain(obj: Any) -> Any:
    """Dataclasses → dicts, tuples → lists, recursively, keeping declared field order."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: _plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, list | tuple):
        return [_plain(item) for item in obj]
    if isinstance(obj, dict):
        return {key: _plain(value) for key, value in obj.items()}
    return obj
