"""``newsgraph ingest``: files, folders, feeds and web archives → analyses in a database."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from tqdm import tqdm

from newsgraph.cli.common import warn
from newsgraph.corpus.feeds import DEFAULT_USER_AGENT, FetchSettings, PoliteFetcher
from newsgraph.corpus.ingest import IngestStats, ingest, is_url, iter_sources
from newsgraph.pipeline import default_analyzer
from newsgraph.store import default_db_url, open_store
from newsgraph.summary import format_corpus_summary


def register(commands: Any) -> None:
    """Add the command to the top-level parser."""
    parser = commands.add_parser(
        "ingest",
        help="analyse files, folders, feeds and WARCs into a database",
        description="Analyse text, HTML, JSONL, RSS/Atom and WARC files (folders recursively) "
        "and RSS/Atom feed URLs, and store every Analysis in the database, one article per "
        "transaction. Already stored articles (same id, URL or text) are skipped before "
        "analysis, an exact copy under a new URL is recorded as a copy, and a new version of a "
        "stored URL replaces it; so a rerun adds nothing and an interrupted run resumes. "
        "Prints a summary.",
    )
    parser.add_argument("sources", nargs="+", help="files, folders or feed URLs")
    parser.add_argument(
        "--db",
        default=None,
        help=f"database URL: sqlite:///path.db or postgresql://… (default {default_db_url()})",
    )
    parser.add_argument("--n-process", type=int, default=1, help="analysis worker processes")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--encoding", help="force the encoding of text/HTML files")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    feeds = parser.add_argument_group("feeds (fetching article pages)")
    feeds.add_argument(
        "--no-fetch",
        action="store_true",
        help="never use the network: feed entries must carry their own text",
    )
    feeds.add_argument("--user-agent", default=DEFAULT_USER_AGENT)
    feeds.add_argument(
        "--delay", type=float, default=1.0, help="seconds between requests to one host"
    )
    feeds.add_argument("--timeout", type=float, default=20.0, help="seconds per request")
    feeds.add_argument(
        "--ignore-robots",
        action="store_true",
        help="do not read robots.txt (only for sites you own or have permission to crawl)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Run the command; returns the exit code (1 when any item failed)."""
    for source in args.sources:
        if not is_url(source) and not Path(source).exists():
            warn(f"error: NG005 no such file or folder: {source}")
            return 2
    url = args.db or default_db_url()
    store = open_store(url)
    fetcher = None
    if not args.no_fetch:
        fetcher = PoliteFetcher(
            FetchSettings(
                user_agent=args.user_agent,
                delay_s=args.delay,
                timeout_s=args.timeout,
                respect_robots=not args.ignore_robots,
            )
        )
    progress = tqdm(
        desc="ingest", unit=" articles", file=sys.stderr, disable=args.quiet, dynamic_ncols=True
    )

    def on_progress(stats: IngestStats) -> None:
        progress.update(stats.seen - progress.n)
        progress.set_postfix(
            new=stats.new,
            skipped=stats.unchanged + stats.copies,
            errors=stats.failed,
            refresh=False,
        )

    def on_error(location: str, reason: str) -> None:
        progress.clear()
        warn(f"{location}: {reason}")

    try:
        analyzer = default_analyzer(args.config)
        stats = ingest(
            iter_sources(args.sources, encoding=args.encoding, fetcher=fetcher),
            store,
            analyzer,
            n_process=args.n_process,
            batch_size=args.batch_size,
            on_error=on_error,
            on_progress=on_progress,
        )
        progress.close()
        counts = store.counts()
        print(f"database: {url}")
        print(stats.format())
        print(format_corpus_summary(store.iter_analyses(), stats.failed))
        print(
            f"  {counts['copies']} exact copies, {counts['near_duplicates']} near-duplicates"
            f" (in {counts['duplicate_groups']} groups), {counts['stories']} stories"
            f" ({counts['corroborated_stories']} with two or more independent sources)"
        )
    finally:
        progress.close()
        store.close()
    return 1 if stats.failed else 0
