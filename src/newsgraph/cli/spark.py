"""``newsgraph spark analyze``: the PySpark job over a corpus on any Hadoop-compatible path."""

from __future__ import annotations

import argparse
from typing import Any

from newsgraph.cli.common import warn
from newsgraph.config import load_config


def register(commands: Any) -> None:
    """Add the command group to the top-level parser."""
    parser = commands.add_parser(
        "spark",
        help="run the analysis as an Apache Spark job (see docs/spark.md)",
        description="Scale-out on Apache Spark. Also runnable through spark-submit with "
        "newsgraph/spark/__main__.py as the application (see docs/spark.md).",
    )
    actions = parser.add_subparsers(dest="spark_command", required=True, metavar="ACTION")
    analyze = actions.add_parser(
        "analyze",
        help="analyse JSONL, text, HTML and WARC inputs into Parquet tables or JSONL",
        description="Analyse every record of the inputs (JSONL files, text/HTML files, WARC "
        "archives, folders or globs on any Hadoop-compatible path) with analyze_many per "
        "partition and write OUTPUT: Parquet tables (analyses, errors, articles, entities, "
        "mentions, places, times, quotes, source_chains, events, techniques; record tables "
        "partitioned by "
        "published_date) or JSONL (analyses/part-*, the lines `newsgraph analyze --jsonl` "
        "prints, in input order; errors/part-*).",
    )
    analyze.add_argument("inputs", nargs="+", metavar="INPUT", help="files, folders or globs")
    analyze.add_argument("output", metavar="OUTPUT", help="output folder (must not exist)")
    analyze.add_argument("--format", choices=("parquet", "jsonl"), default="parquet")
    analyze.add_argument(
        "--master", help="Spark master URL (default: spark-submit's, else local[*])"
    )
    analyze.add_argument(
        "--partitions", type=int, help="input partitions (default: 2 per core of the cluster)"
    )
    analyze.add_argument("--batch-size", type=int, default=32, help="nlp.pipe batch size")
    analyze.add_argument("--encoding", help="force the encoding of text/HTML files")
    analyze.add_argument("--overwrite", action="store_true", help="replace an existing OUTPUT")
    analyze.add_argument(
        "--link",
        action="store_true",
        help="also group near-duplicates and link events into stories across articles, as "
        "the store does (duplicates and stories tables)",
    )
    analyze.set_defaults(run=run_analyze)


def run_analyze(args: argparse.Namespace) -> int:
    """Run the job; returns 1 when some records went to the errors table."""
    if args.partitions is not None and args.partitions < 1:
        warn("error: --partitions must be at least 1")
        return 2
    # PySpark loads only when the command runs: `newsgraph --help` stays fast.
    from pyspark.sql import SparkSession

    from newsgraph.spark.job import JobOptions, build_session, run_job

    config = load_config(args.config)
    options = JobOptions(
        output_format=args.format,
        partitions=args.partitions,
        batch_size=args.batch_size,
        encoding=args.encoding,
        overwrite=args.overwrite,
        link=args.link,
    )
    # Inside an application that already has a session (a notebook, a test), use it and
    # leave it running; a session this command starts is stopped at the end.
    owned = SparkSession.getActiveSession() is None
    spark = build_session(args.master)
    try:
        result = run_job(spark, list(args.inputs), args.output, config, options)
    finally:
        if owned:
            spark.stop()
    print(
        f"{result.analyses} analyses, {result.errors} errors -> {result.output} "
        f"({args.format}: {', '.join(result.tables)})"
    )
    if result.errors:
        warn(f"{result.errors} record(s) failed: see {result.output}/errors")
    return 1 if result.errors else 0
