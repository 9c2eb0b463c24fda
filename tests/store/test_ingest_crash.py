"""Crash safety: ``kill -9`` during ``newsgraph ingest``, rerun, and the database equals the one
an uninterrupted run builds (on SQLite and on PostgreSQL)."""

from __future__ import annotations

import contextlib
import itertools
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from newsgraph.cli import main
from newsgraph.corpus.ingest import IngestStats, ingest
from newsgraph.corpus.synthetic import generate, gold_analysis, write_corpus
from newsgraph.record import Analysis
from newsgraph.store import open_store

N_ARTICLES = 48
KILL_AFTER = 10


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("crash-corpus")
    articles = generate(N_ARTICLES, seed=21)
    write_corpus(articles, folder, "jsonl")
    return folder


def _ingest_args(corpus: Path, url: str) -> list[str]:
    return ["ingest", str(corpus), "--db", url, "--quiet", "--batch-size", "8"]


@pytest.fixture(scope="module")
def reference(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The snapshot of an uninterrupted run (backend-independent by design)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('reference') / 'ref.db'}"
    assert main(_ingest_args(corpus, url)) == 0
    with open_store(url) as store:
        return store.snapshot()


def _count(url: str) -> int:
    with open_store(url) as store:
        return store.count() + store.counts()["copies"]


def test_issue8_kill_9_mid_ingest_then_rerun_equals_uninterrupted_run(
    store_url: str, corpus: Path, reference: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    exe = Path(sys.executable).parent / "newsgraph"
    process = subprocess.Popen(
        [str(exe), *_ingest_args(corpus, store_url)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    try:
        done = 0
        while time.monotonic() < deadline and process.poll() is None:
            if "sqlite" not in store_url or Path(store_url.removeprefix("sqlite:///")).exists():
                done = _count(store_url)
                if done >= KILL_AFTER:
                    break
            time.sleep(0.05)
        assert process.poll() is None, "ingest finished before it could be killed"
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    partial = _count(store_url)
    assert KILL_AFTER <= partial < len(reference["articles"]) + len(reference["copies"])

    assert main(_ingest_args(corpus, store_url)) == 0
    out = capsys.readouterr().out
    assert f"{partial} unchanged" in out  # the rerun skipped, before analysis, what was committed
    with open_store(store_url) as store:
        assert store.snapshot() == reference
    # And a third run adds nothing at all.
    assert main(_ingest_args(corpus, store_url)) == 0
    assert "0 new, 0 updated, 0 exact copies" in capsys.readouterr().out


def reference_is_cheap(new_store_url: Callable[[], str]) -> bool:
    """SQLite stores are cheap to create and fill: test more stop points there."""
    return new_store_url().startswith("sqlite")


class _Interrupted(Exception):
    """Stands in for the process dying between two records."""


class _GoldAnalyzer:
    """analyze_many over synthetic gold analyses: exercises ingest without the pipeline."""

    def __init__(self, by_url: dict[str, Analysis]) -> None:
        self.by_url = by_url

    def analyze_many(
        self, records: Iterable[dict[str, Any]], *, n_process: int = 1, batch_size: int = 8
    ) -> Iterator[Analysis]:
        iterator = iter(records)
        while batch := list(itertools.islice(iterator, batch_size)):
            for record in batch:
                yield self.by_url[record["url"]]


def test_interrupting_ingest_anywhere_resumes_to_the_same_database(
    new_store_url: Callable[[], str],
) -> None:
    """Stop after every k-th record (article stored, copy recorded or skip), rerun, compare:
    with batches, the rerun's batch boundaries and copy lookups shift, the result must not."""
    articles = generate(40, seed=23)
    analyzer = _GoldAnalyzer({a.url: gold_analysis(a) for a in articles})
    records = [(a.url, a.record()) for a in articles]

    def run(url: str, stop_after: int | None = None) -> dict[str, Any]:
        seen = 0

        def progress(_: IngestStats) -> None:
            nonlocal seen
            seen += 1
            if stop_after is not None and seen >= stop_after:
                raise _Interrupted

        with open_store(url) as store:
            with contextlib.suppress(_Interrupted):
                ingest(records, store, analyzer, batch_size=8, on_progress=progress)
            return store.snapshot()

    reference = run(new_store_url())
    assert reference["copies"], "the corpus should hold exact copies"
    step = 4 if reference_is_cheap(new_store_url) else 8
    for stop_after in range(1, len(records), step):
        url = new_store_url()
        partial = run(url, stop_after)
        assert len(partial["articles"]) + len(partial["copies"]) <= stop_after
        assert run(url) == reference, f"differs after stopping at record {stop_after}"
