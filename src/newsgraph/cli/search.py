"""``newsgraph search``: full-text search over stored articles and quotes, with snippets."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from typing import Any

from newsgraph.cli.events import add_db_argument, open_existing

# Bold on a terminal; brackets when piped, so snippets stay plain text.
_ANSI = ("\033[1m", "\033[0m")
_PLAIN = ("[", "]")


def register(commands: Any) -> None:
    """Add the command to the top-level parser."""
    parser = commands.add_parser(
        "search",
        help="full-text search over stored articles and quotes",
        description="Search the text of stored articles and the contents of their quotes. "
        'Words are all required; use "a phrase", OR between terms and -word to exclude. '
        "Matches are highlighted in the snippets (bold on a terminal, [brackets] otherwise).",
    )
    parser.add_argument("query", help='search terms, e.g. "rocket attack" base -drill')
    add_db_argument(parser)
    parser.add_argument("--limit", type=int, default=20, help="at most N results (default 20)")
    parser.add_argument("--no-quotes", action="store_true", help="search article text only")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Run the command; returns the exit code (1 when nothing matched)."""
    highlight = _ANSI if args.format == "text" and sys.stdout.isatty() else _PLAIN
    with open_existing(args.db) as store:
        hits = store.search(
            args.query, limit=args.limit, quotes=not args.no_quotes, highlight=highlight
        )
    if args.format == "json":
        json.dump([asdict(h) for h in hits], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for hit in hits:
            where = " · ".join(x for x in (hit.outlet, (hit.published or "")[:10]) if x)
            kind = f"quote by {hit.speaker}" if hit.kind == "quote" and hit.speaker else hit.kind
            print(f"{hit.title or hit.article_id}  ({where}; {kind})")
            print(f"  {' '.join(hit.snippet.split())}")
            print(f"  {hit.url or hit.article_id}")
        print(f"{len(hits)} results", file=sys.stderr)
    return 0 if hits else 1
