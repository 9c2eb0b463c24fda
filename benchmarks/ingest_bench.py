"""Ingest throughput against the pipeline's own throughput, on the synthetic corpus.

The store must not be the bottleneck: issue 8 asks that ``newsgraph ingest`` into SQLite runs at
no less than 90 % of the throughput ``newsgraph bench`` measures for the pipeline alone. This
script generates the seeded synthetic corpus (``newsgraph.corpus.synthetic``), then measures on
the same texts, in one process:

1. the pipeline (``newsgraph.bench.run_bench``: full pipeline vs bare parse, best of repeats);
2. ``ingest`` into a fresh SQLite file (read JSONL, identity lookups, analysis, one transaction
   per article with FTS, near-duplicates and story linking), and a rerun (must add nothing);
3. the same into PostgreSQL when ``--pg-url`` (or ``NEWSGRAPH_TEST_PG_URL``) is given, in a
   fresh schema that is dropped afterwards;
4. the store alone: ``put`` of the corpus's gold analyses, per backend.

Usage::

    .venv/bin/python benchmarks/ingest_bench.py --docs 2000 [--pg-url postgresql://…] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from newsgraph.bench import run_bench
from newsgraph.corpus.ingest import ingest, iter_sources
from newsgraph.corpus.synthetic import generate, gold_analysis, write_corpus
from newsgraph.pipeline import default_analyzer
from newsgraph.store import Store, open_store


def _pg_schema(base: str) -> tuple[str, str]:
    import psycopg

    schema = f"ng_bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(base, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    separator = "&" if "?" in base else "?"
    return schema, f"{base}{separator}options=-csearch_path%3D{schema}"


def _drop_schema(base: str, schema: str) -> None:
    import psycopg

    with psycopg.connect(base, autocommit=True) as admin:
        admin.execute(f"DROP SCHEMA {schema} CASCADE")


class _TimedStore:
    """Delegates to a store and adds up the time spent in its write-path calls: the share of
    ingest wall time the store takes does not depend on how loaded the machine is."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.seconds = 0.0

    def _timed(self, name: str, *args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return getattr(self.store, name)(*args, **kwargs)
        finally:
            self.seconds += time.perf_counter() - start

    def classify(self, **kwargs: Any) -> str:
        return str(self._timed("classify", **kwargs))

    def add_copy(self, *args: Any) -> Any:
        return self._timed("add_copy", *args)

    def put(self, analysis: Any) -> Any:
        return self._timed("put", analysis)


def _ingest_run(corpus: Path, url: str, n_process: int) -> dict[str, Any]:
    analyzer = default_analyzer()
    with open_store(url) as store:
        timed = _TimedStore(store)
        first = ingest(iter_sources([corpus]), timed, analyzer, n_process=n_process)  # type: ignore[arg-type]
        store_seconds = timed.seconds
        again = ingest(iter_sources([corpus]), store, analyzer, n_process=n_process)
        counts = store.counts()
    stored = first.new + first.copies
    return {
        "store_seconds": round(store_seconds, 2),
        "store_share_of_ingest": round(store_seconds / first.seconds, 4),
        "first_run": first.to_dict(),
        "stored_per_second": round(stored / first.seconds, 2),
        "analysed_per_second": round(first.analysed / first.seconds, 2),
        "records_per_second": round(first.rate(), 2),
        "rerun": again.to_dict(),
        "rerun_added_nothing": again.new == again.updated == again.copies == 0,
        "counts": counts,
    }


def _store_only(articles: list[Any], url: str) -> dict[str, Any]:
    analyses = [gold_analysis(a) for a in articles]
    with open_store(url) as store:
        start = time.perf_counter()
        for analysis in analyses:
            store.put(analysis)
        seconds = time.perf_counter() - start
        counts = store.counts()
    return {
        "articles": len(analyses),
        "seconds": round(seconds, 2),
        "puts_per_second": round(len(analyses) / seconds, 1),
        "ms_per_put": round(1000 * seconds / len(analyses), 2),
        "counts": counts,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=2000, help="corpus size (default 2000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeats", type=int, default=1, help="timed bench passes (best kept)")
    parser.add_argument("--n-process", type=int, default=1)
    parser.add_argument("--pg-url", default=os.environ.get("NEWSGRAPH_TEST_PG_URL"))
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args()

    articles = generate(args.docs, seed=args.seed)
    results: dict[str, Any] = {"docs": args.docs, "seed": args.seed, "n_process": args.n_process}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        write_corpus(articles, folder, "jsonl")
        log = sys.stderr
        print(f"pipeline bench on {args.docs} synthetic articles …", file=log)
        bench = run_bench(
            default_analyzer(), [a.text for a in articles], docs=args.docs, repeats=args.repeats
        )
        results["bench"] = bench.to_dict()
        # newsgraph bench feeds bare texts; ingest feeds records with metadata (a publication
        # date makes the times and events stages resolve more). Same records, pipeline only:
        print("pipeline on the ingest records …", file=log)
        analyzer = default_analyzer()
        records = [a.record() for a in articles]
        start = time.perf_counter()
        analysed = sum(1 for _ in analyzer.analyze_many(records, n_process=args.n_process))
        seconds = time.perf_counter() - start
        results["pipeline_on_records"] = {
            "records": analysed,
            "seconds": round(seconds, 2),
            "per_second": round(analysed / seconds, 2),
        }
        print("ingest into SQLite …", file=log)
        sqlite_url = f"sqlite:///{Path(tmp) / 'bench.db'}"
        results["sqlite"] = _ingest_run(folder, sqlite_url, args.n_process)
        results["sqlite_store_only"] = _store_only(articles, f"sqlite:///{Path(tmp) / 'gold.db'}")
        if args.pg_url:
            print("ingest into PostgreSQL …", file=log)
            for key, runner in (
                ("postgresql", lambda url: _ingest_run(folder, url, args.n_process)),
                ("postgresql_store_only", lambda url: _store_only(articles, url)),
            ):
                schema, url = _pg_schema(args.pg_url)
                try:
                    results[key] = runner(url)
                finally:
                    _drop_schema(args.pg_url, schema)
    pipeline = bench.full_docs_per_s
    on_records = results["pipeline_on_records"]["per_second"]
    for backend in ("sqlite", "postgresql"):
        if backend in results:
            ratio = results[backend]["records_per_second"] / pipeline
            results[backend]["ratio_to_pipeline"] = round(ratio, 3)
            same = results[backend]["records_per_second"] / on_records
            results[backend]["ratio_to_pipeline_on_records"] = round(same, 3)
            analysed = results[backend]["analysed_per_second"] / pipeline
            results[backend]["analysed_ratio_to_pipeline"] = round(analysed, 3)
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    print(f"{args.docs} synthetic articles (seed {args.seed}), n_process={args.n_process}")
    print(f"  pipeline (newsgraph bench) : {pipeline:8.2f} articles/s")
    print(f"  pipeline on ingest records : {on_records:8.2f} articles/s")
    for backend in ("sqlite", "postgresql"):
        if backend in results:
            r = results[backend]
            print(
                f"  ingest {backend:<10}        : {r['records_per_second']:8.2f} articles/s"
                f"  ({r['ratio_to_pipeline']:.0%} of pipeline; counting only analysed articles"
                f" {r['analysed_per_second']:.2f}/s = {r['analysed_ratio_to_pipeline']:.0%}; rerun"
                f" {'added nothing' if r['rerun_added_nothing'] else 'ADDED ROWS'}"
                f" in {r['rerun']['seconds']:.1f} s)"
            )
            print(
                f"    = {r['ratio_to_pipeline_on_records']:.0%} of the pipeline on the same"
                " records;"
                f" store calls took {r['store_seconds']:.1f} s ="
                f" {r['store_share_of_ingest']:.1%} of ingest wall time"
            )
            store_only = results[f"{backend}_store_only"]
            print(f"  store only {backend:<10}    : {store_only['ms_per_put']:8.2f} ms per article")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
