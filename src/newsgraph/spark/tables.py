"""The tables a Spark run writes, as plain Python: column names, kinds and row builders.

Nothing here imports PySpark, so the shape of the output is testable without a JVM and
:mod:`newsgraph.spark.job` only maps the kinds onto Spark types.

* ``analyses``: one row per article, ``analysis`` holding the whole Analysis JSON exactly as
  ``newsgraph analyze --jsonl`` prints it, so ``newsgraph load`` is lossless. Not partitioned:
  its rows are in input order (``seq``), which loading keeps.
* ``errors``: one row per input item that gave no Analysis (unreadable line, bad record,
  crashed analysis), with where it came from and the coded reason.
* one flat table per record type (``articles``, ``entities``, ``mentions``, ``places``,
  ``times``, ``quotes``, ``source_chains`` (a row per link), ``events``, ``techniques``),
  partitioned by ``published_date`` for analysts' queries. Evidence is flattened to
  ``stage``, ``confidence`` and ``spans``; free-form dicts (a time's anchor ref) become JSON.

Every value is coerced to its column's kind here (a wrong type becomes null) so that a stage
emitting an unexpected type cannot make Spark's schema check fail the whole job.

``seq`` is the input order key: ``file number × 2**32 + line number`` (both 0-based, files in
sorted path order), so sorting by it gives the order ``newsgraph analyze``/``ingest`` use.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator, Mapping
from typing import Any

Row = tuple[Any, ...]
Columns = tuple[tuple[str, str], ...]

# Column kinds and the Spark type each maps to (see job._SPARK_TYPES).
KINDS = ("string", "int", "long", "double", "bool", "strings", "spans")
PARTITION_COLUMN = "published_date"
LINE_BITS = 32

_KEY: Columns = (("article_id", "string"), ("seq", "long"))
_EVIDENCE: Columns = (("stage", "string"), ("confidence", "double"), ("spans", "spans"))
_DATE: Columns = ((PARTITION_COLUMN, "string"),)

TABLES: dict[str, Columns] = {
    "analyses": (*_KEY, (PARTITION_COLUMN, "string"), ("analysis", "string")),
    "errors": (
        ("seq", "long"),
        ("location", "string"),
        ("article_id", "string"),
        ("reason", "string"),
    ),
    "articles": (
        *_KEY,
        ("url", "string"),
        ("outlet", "string"),
        ("title", "string"),
        ("authors", "strings"),
        ("published", "string"),
        ("language", "string"),
        ("text", "string"),
        ("warnings", "strings"),
        ("stages", "strings"),
        ("newsgraph_version", "string"),
        ("schema_version", "string"),
        ("n_entities", "int"),
        ("n_places", "int"),
        ("n_times", "int"),
        ("n_quotes", "int"),
        ("n_events", "int"),
        ("n_techniques", "int"),
        *_DATE,
    ),
    "entities": (
        *_KEY,
        ("entity_id", "string"),
        ("name", "string"),
        ("type", "string"),
        ("aliases", "strings"),
        ("wikidata", "string"),
        ("country", "string"),
        ("sector", "string"),
        ("confidence", "double"),
        ("n_mentions", "int"),
        *_DATE,
    ),
    "mentions": (
        *_KEY,
        ("entity_id", "string"),
        ("start", "int"),
        ("end", "int"),
        ("text", "string"),
        *_EVIDENCE,
        *_DATE,
    ),
    "places": (
        *_KEY,
        ("idx", "int"),
        ("start", "int"),
        ("end", "int"),
        ("text", "string"),
        ("lat", "double"),
        ("lon", "double"),
        ("geonameid", "long"),
        ("name", "string"),
        ("feature_class", "string"),
        ("feature_code", "string"),
        ("admin1", "string"),
        ("admin2", "string"),
        ("country", "string"),
        ("precision", "string"),
        *_EVIDENCE,
        *_DATE,
    ),
    "times": (
        *_KEY,
        ("idx", "int"),
        ("start", "int"),
        ("end", "int"),
        ("text", "string"),
        ("type", "string"),
        ("value", "string"),
        ("earliest", "string"),
        ("latest", "string"),
        ("granularity", "string"),
        ("anchor_kind", "string"),
        ("anchor_ref", "string"),
        *_EVIDENCE,
        *_DATE,
    ),
    "quotes": (
        *_KEY,
        ("idx", "int"),
        ("quote_id", "string"),
        ("content", "spans"),
        ("cue_start", "int"),
        ("cue_end", "int"),
        ("source_start", "int"),
        ("source_end", "int"),
        ("speaker", "string"),
        ("speaker_entity", "string"),
        ("direct", "bool"),
        ("channel", "string"),
        *_EVIDENCE,
        *_DATE,
    ),
    "source_chains": (
        *_KEY,
        ("chain_idx", "int"),
        ("link_idx", "int"),
        ("quote_id", "string"),
        ("role", "string"),
        ("name", "string"),
        ("entity", "string"),
        *_EVIDENCE,
        *_DATE,
    ),
    "events": (
        *_KEY,
        ("event_id", "string"),
        ("type", "string"),
        ("mode", "strings"),
        ("actor_text", "string"),
        ("recipient_text", "string"),
        ("actors", "strings"),
        ("recipients", "strings"),
        ("trigger_start", "int"),
        ("trigger_end", "int"),
        ("place_text", "string"),
        ("place_lat", "double"),
        ("place_lon", "double"),
        ("place_country", "string"),
        ("place_geonameid", "long"),
        ("place_start", "int"),
        ("place_end", "int"),
        ("place_geo_precision", "int"),
        ("date", "string"),
        ("earliest", "string"),
        ("latest", "string"),
        ("date_source", "string"),
        ("fatalities", "int"),
        ("fatalities_unknown_count", "bool"),
        ("injured", "int"),
        ("arrested", "int"),
        ("negated", "bool"),
        ("hypothetical", "bool"),
        ("future", "bool"),
        ("habitual", "bool"),
        ("acled_event_type", "string"),
        ("acled_sub_event_type", "string"),
        ("attributed_to", "string"),
        *_EVIDENCE,
        *_DATE,
    ),
    "techniques": (
        *_KEY,
        ("idx", "int"),
        ("start", "int"),
        ("end", "int"),
        ("text", "string"),
        ("technique", "string"),
        ("speaker", "string"),
        ("target", "string"),
        *_EVIDENCE,
        *_DATE,
    ),
}
# The per-record-type tables (everything but the lossless ``analyses`` and ``errors``).
RECORD_TABLES = tuple(name for name in TABLES if name not in ("analyses", "errors"))


def make_seq(file_number: int, line_number: int) -> int:
    """The input order key of line ``line_number`` of the ``file_number``-th input file."""
    return (file_number << LINE_BITS) | line_number


def published_date(published: Any) -> str | None:
    """``YYYY-MM-DD`` of an ISO publication date/datetime, None when absent or not a date."""
    if not isinstance(published, str) or len(published) < 10:
        return None
    try:
        return dt.date.fromisoformat(published[:10]).isoformat()
    except ValueError:
        return None


def _string(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def _int(value: Any) -> int | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


def _double(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _bool(value: Any) -> bool | None:
    return value if isinstance(value, bool) else None


def _strings(value: Any) -> list[str] | None:
    if not isinstance(value, list):
        return None
    return [text for text in (_string(item) for item in value) if text is not None]


def _spans(value: Any) -> list[list[int]] | None:
    if not isinstance(value, list):
        return None
    spans = []
    for item in value:
        if isinstance(item, list | tuple) and len(item) == 2:
            start, end = _int(item[0]), _int(item[1])
            if start is not None and end is not None:
                spans.append([start, end])
    return spans


_COERCE: dict[str, Callable[[Any], Any]] = {
    "string": _string,
    "int": _int,
    "long": _int,
    "double": _double,
    "bool": _bool,
    "strings": _strings,
    "spans": _spans,
}


def to_row(table: str, values: Mapping[str, Any]) -> Row:
    """The row of ``table`` in column order, each value coerced to its column's kind."""
    return tuple(_COERCE[kind](values.get(name)) for name, kind in TABLES[table])


def _evidence(item: Mapping[str, Any]) -> dict[str, Any]:
    evidence = item.get("evidence")
    if not isinstance(evidence, dict):
        return {}
    return {
        "stage": evidence.get("stage"),
        "confidence": evidence.get("confidence"),
        "spans": evidence.get("spans"),
    }


def _pair(value: Any, names: tuple[str, str]) -> dict[str, Any]:
    if isinstance(value, list | tuple) and len(value) == 2:
        return {names[0]: value[0], names[1]: value[1]}
    return {}


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _items(data: Mapping[str, Any], layer: str) -> list[dict[str, Any]]:
    value = data.get(layer)
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def analysis_rows(data: Mapping[str, Any], seq: int) -> Iterator[tuple[str, Row]]:
    """``(table, row)`` for every record-type table row of one Analysis (its ``to_dict()``)."""
    key = {
        "article_id": data.get("id"),
        "seq": seq,
        PARTITION_COLUMN: published_date(data.get("published")),
    }
    counts = {
        f"n_{layer}": len(_items(data, layer))
        for layer in ("entities", "places", "times", "quotes", "events", "techniques")
    }
    yield "articles", to_row("articles", {**data, **key, **counts})
    for entity in _items(data, "entities"):
        mentions = _items(entity, "mentions")
        yield (
            "entities",
            to_row(
                "entities",
                {**entity, **key, "entity_id": entity.get("id"), "n_mentions": len(mentions)},
            ),
        )
        for mention in mentions:
            yield (
                "mentions",
                to_row(
                    "mentions",
                    {**mention, **_evidence(mention), **key, "entity_id": entity.get("id")},
                ),
            )
    for idx, place in enumerate(_items(data, "places")):
        yield "places", to_row("places", {**place, **_evidence(place), **key, "idx": idx})
    for idx, timex in enumerate(_items(data, "times")):
        anchor = _mapping(timex.get("anchor"))
        yield (
            "times",
            to_row(
                "times",
                {
                    **timex,
                    **_evidence(timex),
                    **key,
                    "idx": idx,
                    "anchor_kind": anchor.get("kind"),
                    "anchor_ref": None if anchor.get("ref") is None else json.dumps(anchor["ref"]),
                },
            ),
        )
    for idx, quote in enumerate(_items(data, "quotes")):
        yield (
            "quotes",
            to_row(
                "quotes",
                {
                    **quote,
                    **_evidence(quote),
                    **_pair(quote.get("cue"), ("cue_start", "cue_end")),
                    **_pair(quote.get("source"), ("source_start", "source_end")),
                    **key,
                    "idx": idx,
                    "quote_id": quote.get("id"),
                },
            ),
        )
    for chain_idx, chain in enumerate(_items(data, "source_chains")):
        for link_idx, link in enumerate(_items(chain, "links")):
            yield (
                "source_chains",
                to_row(
                    "source_chains",
                    {
                        **link,
                        **_evidence(link),
                        **key,
                        "chain_idx": chain_idx,
                        "link_idx": link_idx,
                        "quote_id": chain.get("quote"),
                    },
                ),
            )
    for event in _items(data, "events"):
        place = _mapping(event.get("place"))
        yield (
            "events",
            to_row(
                "events",
                {
                    **event,
                    **_evidence(event),
                    **_pair(event.get("trigger"), ("trigger_start", "trigger_end")),
                    **{
                        f"place_{name}": place.get(name)
                        for name in (
                            "text",
                            "lat",
                            "lon",
                            "country",
                            "geonameid",
                            "start",
                            "end",
                            "geo_precision",
                        )
                    },
                    **key,
                    "event_id": event.get("id"),
                },
            ),
        )
    for idx, technique in enumerate(_items(data, "techniques")):
        yield (
            "techniques",
            to_row("techniques", {**technique, **_evidence(technique), **key, "idx": idx}),
        )
