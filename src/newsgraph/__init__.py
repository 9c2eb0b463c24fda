"""newsgraph: news articles to a source-attributed record of who did what to whom, where, when.

The library API is the product; the CLI and other interfaces are thin shells over it::

    import newsgraph
    analysis = newsgraph.analyze(text, published="2021-07-08", url="https://…")
    for result in newsgraph.analyze_many(records, n_process=2, batch_size=32):
        ...

See ``docs/record.md`` for the shape of an :class:`Analysis`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from newsgraph.errors import NewsgraphError
from newsgraph.pipeline import Analyzer, Failure, default_analyzer
from newsgraph.record import (
    Analysis,
    Article,
    Entity,
    Event,
    Evidence,
    Place,
    Quote,
    SourceChain,
    Technique,
    TimeExpr,
)
from newsgraph.version import __version__

__all__ = [
    "Analysis",
    "Analyzer",
    "Article",
    "Entity",
    "Event",
    "Evidence",
    "Failure",
    "NewsgraphError",
    "Place",
    "Quote",
    "SourceChain",
    "Technique",
    "TimeExpr",
    "__version__",
    "analyze",
    "analyze_many",
]


def analyze(
    text: str,
    *,
    published: str | None = None,
    url: str | None = None,
    id: str | None = None,
    outlet: str | None = None,
    title: str | None = None,
    config: str | Path | None = None,
) -> Analysis:
    """Analyse one article. Raises a coded :class:`NewsgraphError` on bad input."""
    return default_analyzer(config).analyze(
        text, published=published, url=url, id=id, outlet=outlet, title=title
    )


def analyze_many(
    records: Iterable[dict[str, Any] | str],
    *,
    n_process: int = 1,
    batch_size: int = 32,
    config: str | Path | None = None,
) -> Iterator[Analysis | Failure]:
    """Analyse a stream of articles; yields one Analysis or Failure per record, in order."""
    return default_analyzer(config).analyze_many(
        records, n_process=n_process, batch_size=batch_size
    )
