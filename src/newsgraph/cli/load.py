"""``newsgraph load``: a Spark run's analyses (Parquet or JSONL) into a store, in input order."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from tqdm import tqdm

from newsgraph.cli.common import warn
from newsgraph.record import Analysis
from newsgraph.spark.output import count_errors, find_table, iter_analysis_json
from newsgraph.store import open_store

DEFAULT_DB = "sqlite:///newsgraph.db"


def register(commands: Any) -> None:
    """Add the command to the top-level parser."""
    parser = commands.add_parser(
        "load",
        help="load a Spark run (Parquet or JSONL) into a database",
        description="Store every Analysis of a `newsgraph spark analyze` run (its OUTPUT "
        "folder, or the analyses folder itself; Parquet or JSONL) in the database, in the "
        "run's input order. Idempotent: loading the same run again changes nothing.",
    )
    parser.add_argument("run_dir", type=Path, metavar="PARQUET_OR_JSONL_DIR")
    parser.add_argument("--db", default=DEFAULT_DB, help=f"database URL (default {DEFAULT_DB})")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Run the command; returns 1 when some line was not an Analysis."""
    table = find_table(args.run_dir)
    if table is None or not table.files:
        warn(f"error: NG005 no analyses found under {args.run_dir}")
        return 2
    store = open_store(args.db)
    statuses: Counter[str] = Counter()
    failed = 0
    progress = tqdm(
        desc="load", unit=" analyses", file=sys.stderr, disable=args.quiet, dynamic_ncols=True
    )
    try:
        for location, text in iter_analysis_json(table):
            try:
                analysis = Analysis.from_json(text)
            except (ValueError, TypeError, KeyError) as exc:
                warn(f"{location}: NG005 not an Analysis: {type(exc).__name__}: {exc}")
                failed += 1
                continue
            statuses[store.put(analysis).status] += 1
            progress.update()
        progress.close()
    finally:
        store.close()
    summary = ", ".join(f"{status} {n}" for status, n in sorted(statuses.items())) or "none"
    print(f"database: {args.db}")
    print(f"loaded {sum(statuses.values())} analyses from {table.path} ({summary})")
    errors = count_errors(args.run_dir)
    if errors:
        print(f"the run reported {errors} failed record(s) in its errors table")
    if failed:
        warn(f"{failed} line(s) were not analyses")
    return 1 if failed else 0
