"""``newsgraph eval``: score one layer of the analyser against a gold file."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from newsgraph.evaluate.metrics import LAYERS, format_report
from newsgraph.evaluate.runner import evaluate_layer
from newsgraph.pipeline import default_analyzer


def register(commands: Any) -> None:
    """Add the command to the top-level parser."""
    parser = commands.add_parser(
        "eval",
        help="score a layer against a gold JSONL file",
        description="Run the analyser over a gold file (shared/data/FORMAT.md) and print the "
        "layer's metrics (defined in docs/metrics.md).",
    )
    parser.add_argument("layer", choices=LAYERS)
    parser.add_argument("gold", type=Path, help="gold JSONL file")
    parser.add_argument("--json", action="store_true", help="print the metrics as JSON")
    parser.add_argument(
        "--predictions", type=Path, metavar="OUT.jsonl", help="also write the analyses to this file"
    )
    parser.add_argument("--limit", type=int, help="only the first N documents")
    parser.add_argument("--n-process", type=int, default=1)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Run the command; returns the exit code."""
    analyzer = default_analyzer(args.config)
    if args.predictions is not None:
        with args.predictions.open("w", encoding="utf-8") as out:
            report = evaluate_layer(
                analyzer,
                args.layer,
                args.gold,
                predictions=out,
                limit=args.limit,
                n_process=args.n_process,
            )
    else:
        report = evaluate_layer(
            analyzer, args.layer, args.gold, limit=args.limit, n_process=args.n_process
        )
    print(json.dumps(report, indent=2) if args.json else format_report(report))
    return 0
