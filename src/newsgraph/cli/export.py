"""``newsgraph export``: the database as JSONL, PLOVER-JSONL, ACLED-style CSV, GeoJSON or
Parquet."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from newsgraph.cli.common import warn
from newsgraph.cli.events import add_db_argument, add_filter_arguments, event_filter, open_existing
from newsgraph.store.export import BINARY_FORMATS, FORMATS, write_parquet, write_text


def register(commands: Any) -> None:
    """Add the command to the top-level parser."""
    parser = commands.add_parser(
        "export",
        help="export analyses or events (JSONL, PLOVER, ACLED CSV, GeoJSON, Parquet)",
        description="Write every stored Analysis (jsonl) or the events matching the filters "
        "(plover-jsonl, acled-csv, geojson, parquet) to stdout or --output.",
    )
    add_db_argument(parser)
    parser.add_argument("--format", choices=FORMATS, default="jsonl")
    parser.add_argument(
        "--output", "-o", type=Path, help="file to write (required for parquet; default stdout)"
    )
    add_filter_arguments(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Run the command; returns the exit code."""
    if args.format in BINARY_FORMATS and args.output is None:
        warn(f"error: --format {args.format} writes a binary file: give --output PATH")
        return 2
    where = event_filter(args)
    with open_existing(args.db) as store:
        if args.format in BINARY_FORMATS:
            n = write_parquet(store, args.output, where)
        elif args.output is not None:
            with args.output.open("w", encoding="utf-8", newline="") as out:
                n = write_text(store, args.format, out, where)
        else:
            n = write_text(store, args.format, sys.stdout, where)
    warn(f"exported {n} records ({args.format})")
    return 0
