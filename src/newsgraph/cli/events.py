"""``newsgraph events``: filter the stored events (or stories) and print them as a table,
JSON or CSV. Also home of the options and store opening that ``search`` and ``export`` share."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path
from typing import Any

from newsgraph.errors import StoreError
from newsgraph.store import EventFilter, Store, default_db_url, open_store

TABLE_COLUMNS = (
    ("date", 10),
    ("type", 9),
    ("actor", 22),
    ("recipient", 22),
    ("place", 18),
    ("cc", 2),
    ("dead", 4),
    ("src", 3),
    ("according to", 16),
    ("outlet", 18),
    ("title", 40),
)


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    """``--db URL`` with the user's default database."""
    parser.add_argument(
        "--db",
        default=None,
        help=f"database URL: sqlite:///path.db or postgresql://… (default {default_db_url()})",
    )


def open_existing(url: str | None) -> Store:
    """Open a store for reading; a missing SQLite file is an error, not a new empty database."""
    url = url or default_db_url()
    if "://" not in url or url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        if not path.exists():
            raise StoreError(f"no database at {path}; run `newsgraph ingest … --db {url}` first")
    return open_store(url)


def _point(value: str) -> tuple[float, float]:
    try:
        lat, lon = (float(part) for part in value.split(","))
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"expected LAT,LON, got {value!r}") from exc
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise argparse.ArgumentTypeError(f"LAT,LON out of range: {value!r}")
    return lat, lon


def _probability(value: str) -> float:
    try:
        number = float(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"expected a number from 0 to 1, got {value!r}") from exc
    if not 0.0 <= number <= 1.0:
        raise argparse.ArgumentTypeError(f"expected a number from 0 to 1, got {value!r}")
    return number


def add_filter_arguments(parser: argparse.ArgumentParser) -> None:
    """The event filters shared by ``events`` and ``export``."""
    group = parser.add_argument_group("filters (all must hold)")
    group.add_argument("--type", action="append", default=[], help="PLOVER type (repeatable)")
    group.add_argument("--mode", action="append", default=[], help="PLOVER mode (repeatable)")
    group.add_argument("--actor", help="actor or recipient: entity id or part of a name")
    group.add_argument("--country", help="ISO 3166 alpha-2 code of the event's place")
    group.add_argument("--near", type=_point, metavar="LAT,LON", help="centre of a radius search")
    group.add_argument("--radius", type=float, default=50.0, help="km around --near (default 50)")
    group.add_argument("--since", metavar="DATE", help="events on or after this ISO date")
    group.add_argument("--until", metavar="DATE", help="events on or before this ISO date")
    group.add_argument("--outlet", help="reported by this outlet (or an exact copy on it)")
    group.add_argument("--min-sources", type=int, help="at least N independent sources")
    group.add_argument("--story", help="only the events of this story id")
    group.add_argument(
        "--asserted-by",
        metavar="WHO",
        help="who asserts the event: 'outlet' (its own voice), 'party' (a speaker who is, or "
        "shares a country with, an actor or recipient), 'third-party', 'unresolved', or a "
        "speaker (entity id or part of the name)",
    )
    group.add_argument(
        "--min-confidence",
        type=_probability,
        metavar="P",
        help="only events the stage judged at least this likely to be real (0-1; the "
        "confidence is calibrated, see docs/events.md)",
    )
    group.add_argument(
        "--all",
        action="store_true",
        dest="include_unreal",
        help="include negated, hypothetical and future events",
    )
    group.add_argument("--limit", type=int, help="at most N events")


def event_filter(args: argparse.Namespace) -> EventFilter:
    """The EventFilter named by the parsed filter options."""
    return EventFilter(
        types=list(args.type),
        modes=list(args.mode),
        actor=args.actor,
        country=args.country,
        near=args.near,
        radius_km=args.radius,
        since=args.since,
        until=args.until,
        outlet=args.outlet,
        min_sources=args.min_sources,
        story=args.story,
        asserted_by=args.asserted_by,
        min_confidence=args.min_confidence,
        include_unreal=args.include_unreal,
        limit=args.limit,
    )


def register(commands: Any) -> None:
    """Add the command to the top-level parser."""
    parser = commands.add_parser(
        "events",
        help="list stored events (or stories) with filters",
        description="List the events in the database that match every filter, oldest first, "
        "with their outlet and the number of independent sources of their story; or, with "
        "--stories, the stories (same real-world event across articles) with their outlets "
        "and conflicting details.",
    )
    add_db_argument(parser)
    add_filter_arguments(parser)
    parser.add_argument("--format", choices=("table", "json", "csv"), default="table")
    parser.add_argument(
        "--stories",
        action="store_true",
        help="list the stories of the matching events instead of the events",
    )
    parser.set_defaults(run=run)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return str(value)


def _table_row(row: dict[str, Any]) -> dict[str, str]:
    return {
        "date": (row["date"] or row["earliest"] or row["published"] or "")[:10],
        "type": row["type"],
        "actor": row["actor_text"] or "; ".join(row["actors"]),
        "recipient": row["recipient_text"] or "; ".join(row["recipients"]),
        "place": row["place"] or "",
        "cc": row["country"] or "",
        "dead": _cell(row["fatalities"]),
        "src": _cell(row["sources"]),
        "according to": row["according_to"] or "the outlet",
        "outlet": row["outlet"] or "",
        "title": row["title"] or "",
    }


def format_table(rows: list[dict[str, str]], columns: tuple[tuple[str, int], ...]) -> str:
    """Fixed-width columns, long cells cut with an ellipsis."""

    def fit(text: str, width: int) -> str:
        text = " ".join(text.split())
        return text if len(text) <= width else text[: width - 1] + "…"

    lines = ["  ".join(name.ljust(width) for name, width in columns).rstrip()]
    for row in rows:
        lines.append(
            "  ".join(
                fit(row.get(name, ""), width).ljust(width) for name, width in columns
            ).rstrip()
        )
    return "\n".join(lines)


def _print_events(rows: list[dict[str, Any]], fmt: str) -> None:
    if fmt == "json":
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif fmt == "csv":
        if not rows:
            return
        writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: _cell(v) for k, v in row.items()} for row in rows)
    else:
        print(format_table([_table_row(r) for r in rows], TABLE_COLUMNS))
        print(f"{len(rows)} events")


def _print_stories(store: Store, rows: list[dict[str, Any]], fmt: str) -> None:
    ids = list(dict.fromkeys(r["story_id"] for r in rows if r["story_id"]))
    found = [s for s in (store.story(sid) for sid in ids) if s is not None]
    if fmt == "json":
        json.dump([s.to_dict() for s in found], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    flat = [
        {
            "story": s.id,
            "type": s.type,
            "earliest": s.earliest or "",
            "latest": s.latest or "",
            "place": s.place or "",
            "cc": s.country or "",
            "events": str(len(s.events)),
            "src": str(s.independent_sources),
            "outlets": "; ".join(s.outlets),
            "conflicts": "; ".join(
                f"{c.field}: "
                + " vs ".join(f"{_cell(v.value)} ({', '.join(v.outlets)})" for v in c.values)
                for c in s.conflicts
            ),
        }
        for s in found
    ]
    if fmt == "csv":
        if flat:
            writer = csv.DictWriter(sys.stdout, fieldnames=list(flat[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows(flat)
        return
    columns = (
        ("story", 19),
        ("type", 9),
        ("earliest", 10),
        ("place", 18),
        ("cc", 2),
        ("events", 6),
        ("src", 3),
        ("outlets", 30),
        ("conflicts", 50),
    )
    print(format_table(flat, columns))
    print(f"{len(flat)} stories")


def run(args: argparse.Namespace) -> int:
    """Run the command; returns the exit code."""
    with open_existing(args.db) as store:
        rows = store.events(event_filter(args))
        if args.stories:
            _print_stories(store, rows, args.format)
        else:
            _print_events(rows, args.format)
    return 0
