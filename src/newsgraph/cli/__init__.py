"""The ``newsgraph`` command: one thin module per command over the library.

Output goes to stdout so it pipes; errors and warnings go to stderr as one coded line each.
Exit codes: 0 success, 1 some input failed (reported on stderr), 2 usage error or fatal input.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from newsgraph.cli import (
    analyze,
    bench,
    evaluate,
    events,
    export,
    ingest,
    load,
    search,
    serve,
    spark,
)
from newsgraph.errors import NewsgraphError
from newsgraph.version import __version__

COMMANDS = (analyze, ingest, evaluate, bench, search, events, export, load, spark, serve)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every command registered."""
    parser = argparse.ArgumentParser(
        prog="newsgraph",
        description="News articles to a source-attributed record of who did what to whom, "
        "where, when, and according to whom.",
    )
    parser.add_argument("--version", action="version", version=f"newsgraph {__version__}")
    parser.add_argument("--config", help="TOML file overriding config/defaults.toml")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in COMMANDS:
        module.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``newsgraph`` console script."""
    args = build_parser().parse_args(argv)
    try:
        code: int = args.run(args)
    except NewsgraphError as exc:
        print(f"newsgraph: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `newsgraph analyze … | head`: the reader left, not an error
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("newsgraph: interrupted", file=sys.stderr)
        return 130
    return code
