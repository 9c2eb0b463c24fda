"""``newsgraph ingest``: files and folders → analyses in a store, with a progress bar."""

from __future__ import annotations

import argparse
import sys
from collections import deque
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tqdm import tqdm

from newsgraph.cli.common import report_failure, warn
from newsgraph.corpus.sources import SourceError, iter_records
from newsgraph.pipeline import Failure, default_analyzer
from newsgraph.store import open_store
from newsgraph.summary import format_corpus_summary

DEFAULT_DB = "sqlite:///newsgraph.db"


def register(commands: Any) -> None:
    """Add the command to the top-level parser."""
    parser = commands.add_parser(
        "ingest",
        help="analyse files and folders into a database",
        description="Analyse text, HTML and JSONL files (folders recursively) and store every "
        "Analysis in the database; re-ingesting an article replaces it. Prints a summary.",
    )
    parser.add_argument("sources", nargs="+", type=Path, help="files or folders")
    parser.add_argument("--db", default=DEFAULT_DB, help=f"database URL (default {DEFAULT_DB})")
    parser.add_argument("--n-process", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--encoding", help="force the encoding of text/HTML files")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Run the command; returns the exit code (1 when any item failed)."""
    for source in args.sources:
        if not source.exists():
            warn(f"error: NG005 no such file or folder: {source}")
            return 2
    store = open_store(args.db)
    analyzer = default_analyzer(args.config)
    locations: deque[str] = deque()
    failed = 0

    def records() -> Iterator[dict[str, Any]]:
        nonlocal failed
        for location, item in iter_records(args.sources, args.encoding):
            if isinstance(item, SourceError):
                warn(f"{item.location}: {item.reason}")
                failed += 1
                continue
            locations.append(location)
            yield item

    progress = tqdm(
        desc="ingest", unit=" articles", file=sys.stderr, disable=args.quiet, dynamic_ncols=True
    )
    try:
        for result in analyzer.analyze_many(
            records(), n_process=args.n_process, batch_size=args.batch_size
        ):
            location = locations.popleft()
            if isinstance(result, Failure):
                failed += 1
                report_failure(result, location)
            else:
                store.put(result)
            progress.update()
            progress.set_postfix(errors=failed)
        progress.close()
        print(f"database: {args.db}")
        print(format_corpus_summary(store.iter_analyses(), failed))
    finally:
        store.close()
    return 1 if failed else 0
