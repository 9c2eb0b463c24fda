"""``newsgraph bench``: full pipeline vs bare spaCy parse on the same texts, as a ratio."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from tqdm import tqdm

from newsgraph.bench import format_bench, run_bench
from newsgraph.cli.common import warn
from newsgraph.corpus.sources import SourceError, iter_records
from newsgraph.pipeline import default_analyzer

DEFAULT_INPUT = Path("examples")


def register(commands: Any) -> None:
    """Add the command to the top-level parser."""
    parser = commands.add_parser(
        "bench",
        help="throughput of the pipeline vs the bare spaCy parse",
        description="Analyse N articles with the full pipeline and with the bare spaCy parse "
        "in the same run; report articles/s, words/s, their ratio and peak RSS.",
    )
    parser.add_argument("--docs", type=int, default=200, help="articles per pass (default 200)")
    parser.add_argument(
        "--input",
        type=Path,
        default=DEFAULT_INPUT,
        help="texts to cycle through: files, a folder or JSONL (default examples/)",
    )
    parser.add_argument("--repeats", type=int, default=3, help="timed runs per pass (best kept)")
    parser.add_argument("--json", action="store_true")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Run the command; returns the exit code."""
    if not args.input.exists():
        warn(f"error: NG005 no benchmark input at {args.input} (use --input)")
        return 2
    texts = [
        str(item["text"])
        for _, item in iter_records([args.input])
        if not isinstance(item, SourceError) and isinstance(item.get("text"), str)
    ]
    analyzer = default_analyzer(args.config)
    total = args.docs * 2 * (args.repeats + 1)
    with tqdm(total=total, desc="bench", unit=" articles", file=sys.stderr) as bar:
        result = run_bench(
            analyzer, texts, docs=args.docs, repeats=args.repeats, progress=bar.update
        )
    print(json.dumps(result.to_dict(), indent=2) if args.json else format_bench(result))
    return 0
