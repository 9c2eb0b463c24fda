"""Throughput of the full pipeline against the bare spaCy parse of the same texts, same run.

Absolute seconds depend on the machine; the ratio to the bare parse does not (much), so the
ratio is the number to watch. Both passes see identical texts, in the same process, after a
warm-up pass, and each is timed as the best of ``repeats`` interleaved runs to damp noise from
other load.

Each stage's own time is reported too, as a share of the bare parse, because that is how the
issues budget a stage ("costs at most 25% of the bare parse time"); what is left of the full
pass is preparation, the parse itself and building the Analysis record.
"""

from __future__ import annotations

import itertools
import resource
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from newsgraph.pipeline import Analyzer, Failure


@dataclass
class BenchResult:
    """One benchmark run: sizes, both timings, their ratio and peak memory."""

    docs: int
    words: int
    bare_seconds: float
    full_seconds: float
    bare_docs_per_s: float
    full_docs_per_s: float
    bare_words_per_s: float
    full_words_per_s: float
    ratio: float
    peak_rss_mb: float
    stages: list[str]
    stage_seconds: dict[str, float]
    stage_ratios: dict[str, float]

    def to_dict(self) -> dict[str, Any]:
        """Plain data for ``--json``."""
        return asdict(self)


def run_bench(
    analyzer: Analyzer,
    texts: Sequence[str],
    *,
    docs: int,
    batch_size: int = 32,
    repeats: int = 3,
    progress: Callable[[int], None] | None = None,
) -> BenchResult:
    """Time ``docs`` articles (cycling through ``texts``) through the bare parse and the full
    pipeline. ``progress`` is called with the number of articles just finished."""
    if not texts:
        raise ValueError("no texts to benchmark")
    sample = list(itertools.islice(itertools.cycle(texts), docs))
    normalised = [analyzer.prepare(t).normalized.text for t in sample]
    words = sum(len(t.split()) for t in sample)
    stage_names = analyzer.stage_names

    def bare() -> None:
        with analyzer.nlp.select_pipes(disable=stage_names):
            for _ in analyzer.nlp.pipe(normalised, batch_size=batch_size):
                if progress:
                    progress(1)

    def full() -> None:
        for result in analyzer.analyze_many(sample, batch_size=batch_size):
            if isinstance(result, Failure):
                raise RuntimeError(f"benchmark article failed: {result.reason}")
            if progress:
                progress(1)

    bare()  # warm-up: caches, lazy initialisation
    full()
    # Interleaved, so that a change in machine load affects both passes alike.
    timings = []
    per_stage: dict[str, float] = {}
    for _ in range(repeats):
        before = dict(analyzer.stage_seconds)
        timings.append((_timed(bare), _timed(full)))
        for name in stage_names:
            spent = analyzer.stage_seconds[name] - before.get(name, 0.0)
            per_stage[name] = min(per_stage.get(name, spent), spent)
    bare_s = min(b for b, _ in timings)
    full_s = min(f for _, f in timings)
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return BenchResult(
        docs=len(sample),
        words=words,
        bare_seconds=round(bare_s, 6),
        full_seconds=round(full_s, 6),
        bare_docs_per_s=round(len(sample) / bare_s, 2),
        full_docs_per_s=round(len(sample) / full_s, 2),
        bare_words_per_s=round(words / bare_s, 1),
        full_words_per_s=round(words / full_s, 1),
        ratio=round(full_s / bare_s, 3),
        peak_rss_mb=round(peak_kb / 1024, 1),
        stages=list(stage_names),
        stage_seconds={name: round(spent, 6) for name, spent in per_stage.items()},
        stage_ratios={name: round(spent / bare_s, 4) for name, spent in per_stage.items()},
    )


def _timed(func: Callable[[], None]) -> float:
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def format_bench(result: BenchResult) -> str:
    """The human-readable report."""
    return "\n".join(
        [
            f"{result.docs} articles, {result.words:,} words; stages: {', '.join(result.stages)}",
            f"  bare spaCy parse : {result.bare_docs_per_s:8.1f} articles/s "
            f"{result.bare_words_per_s:10.0f} words/s",
            f"  full pipeline    : {result.full_docs_per_s:8.1f} articles/s "
            f"{result.full_words_per_s:10.0f} words/s",
            f"  ratio full/bare  : {result.ratio:.2f}x",
            "  each stage, share of the bare parse (best run):",
            *(f"    {name:<24} {share:6.1%}" for name, share in result.stage_ratios.items()),
            f"  peak RSS         : {result.peak_rss_mb:.0f} MB",
        ]
    )
