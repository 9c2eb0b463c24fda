"""Building the spaCy pipeline from config and running it over articles.

One :class:`Analyzer` holds one loaded pipeline: the pinned backbone followed by the stages named in
``[pipeline] stages``, each a registered spaCy factory with declared ``requires``/``assigns``.
It turns prepared articles into :class:`~newsgraph.record.Analysis` objects, mapping every offset
back to the caller's text, and isolates failures per article.
"""

from __future__ import annotations

import importlib
import itertools
import multiprocessing
import time
import traceback
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph import extensions
from newsgraph.backbone import load_backbone
from newsgraph.config import load_config
from newsgraph.errors import W_STAGE_FAILED, ConfigError, NewsgraphError
from newsgraph.inputs import PreparedInput, prepare, record_fields
from newsgraph.record import Analysis
from newsgraph.version import __version__


@dataclass
class Failure:
    """An article that could not be analysed: which one, and the coded one-line reason."""

    index: int
    id: str | None
    reason: str


def build_nlp(config: dict[str, Any]) -> Language:
    """The backbone plus the configured stages, with their contracts checked."""
    nlp = load_backbone(config["backbone"])
    modules: dict[str, str] = config["pipeline"].get("modules", {})
    for name in config["pipeline"]["stages"]:
        if name in modules and not nlp.has_factory(name):
            importlib.import_module(modules[name])
        if not nlp.has_factory(name):
            raise ConfigError(f"unknown stage {name!r}: no spaCy factory of that name")
        nlp.add_pipe(name, config=config.get("stages", {}).get(name, {}))
    analysis = nlp.analyze_pipes()
    problems: dict[str, list[str]] = analysis["problems"] if analysis else {}
    missing = {stage: reqs for stage, reqs in problems.items() if reqs}
    if missing:
        raise ConfigError(f"stage requirements not met by earlier stages: {missing}")
    return nlp


def _apply_stage(name: str, stage: Callable[[Doc], Doc], doc: Doc) -> Doc:
    """Run one stage on one doc; a failure marks the doc (NG103) and the other stages go on.

    spaCy's own error handler drops a failing doc from ``nlp.pipe``; an article must instead
    keep every layer that did not fail.
    """
    try:
        return stage(doc)
    except Exception as exc:  # noqa: BLE001 - reported on the Analysis, never swallowed
        errors = doc._.ng_errors or []
        errors.append(f"{W_STAGE_FAILED} stage {name} failed: {type(exc).__name__}: {exc}")
        doc._.ng_errors = errors
        return doc


class Analyzer:
    """A loaded pipeline. Create one and reuse it: loading costs about a second."""

    def __init__(self, config: dict[str, Any] | None = None, config_path: str | None = None):
        self.config_path = config_path
        self.config = config if config is not None else load_config(config_path)
        self.nlp = build_nlp(self.config)
        self.stage_names = list(self.config["pipeline"]["stages"])
        self.stages = [(name, self.nlp.get_pipe(name)) for name in self.stage_names]
        # Wall seconds spent in each stage since the Analyzer was made (in this process): every
        # issue budgets its stage as a share of the bare parse, and `newsgraph bench` reports it.
        self.stage_seconds: defaultdict[str, float] = defaultdict(float)

    def prepare(self, text: str, **meta: Any) -> PreparedInput:
        """Validate and normalise one article (raises a coded NewsgraphError on bad input)."""
        return prepare(text, settings=self.config["input"], **meta)

    def analyze(self, text: str, **meta: Any) -> Analysis:
        """Analyse one article; raises NewsgraphError on bad input."""
        return self.analyze_prepared([self.prepare(text, **meta)], batch_size=1)[0]

    def analyze_prepared(self, batch: list[PreparedInput], batch_size: int) -> list[Analysis]:
        """Parse already-prepared articles in one ``nlp.pipe`` call, then run the stages on
        each doc with per-stage failure isolation (order kept)."""
        docs = self.nlp.pipe(
            [self._make_doc(p) for p in batch], batch_size=batch_size, disable=self.stage_names
        )
        results = []
        for doc, prepared in zip(docs, batch, strict=True):
            for name, stage in self.stages:
                start = time.perf_counter()
                doc = _apply_stage(name, stage, doc)
                self.stage_seconds[name] += time.perf_counter() - start
            results.append(self._to_analysis(doc, prepared))
        return results

    def _make_doc(self, prepared: PreparedInput) -> Doc:
        doc = self.nlp.make_doc(prepared.normalized.text)
        article = prepared.article
        doc._.ng_meta = {
            "id": article.id,
            "published": article.published,
            "url": article.url,
            "outlet": article.outlet,
            "title": article.title,
        }
        return doc

    def _to_analysis(self, doc: Doc, prepared: PreparedInput) -> Analysis:
        analysis = Analysis.from_article(prepared.article)
        for layer, attr in extensions.LAYER_ATTRS.items():
            setattr(analysis, layer, list(getattr(doc._, attr) or []))
        analysis.map_offsets(prepared.normalized.to_original)
        analysis.warnings = [*prepared.warnings, *(doc._.ng_errors or [])]
        analysis.stages = list(self.stage_names)
        analysis.newsgraph_version = __version__
        return analysis

    def analyze_many(
        self,
        records: Iterable[dict[str, Any] | str],
        *,
        n_process: int = 1,
        batch_size: int = 32,
    ) -> Iterator[Analysis | Failure]:
        """Stream results in input order, one per record; bad records become :class:`Failure`.

        ``records`` are strings or dicts ``{text, id?, published?, url?, outlet?, title?,
        authors?}``. At most ``2 × n_process`` batches are in flight, so memory stays flat on
        an endless stream. With ``n_process > 1`` each worker process loads the pipeline once.
        """
        batches = _batches(enumerate(records), batch_size)
        if n_process <= 1:
            for batch in batches:
                yield from _run_batch(self, batch, batch_size)
            return
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(
            n_process,
            mp_context=context,
            initializer=_worker_init,
            initargs=(self.config,),
        ) as pool:
            pending: deque[Future[list[Analysis | Failure]]] = deque()
            for batch in batches:
                pending.append(pool.submit(_worker_run, batch, batch_size))
                if len(pending) >= 2 * n_process:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()


def _batches(
    items: Iterable[tuple[int, dict[str, Any] | str]], size: int
) -> Iterator[list[tuple[int, dict[str, Any] | str]]]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, max(1, size))):
        yield batch


def _run_batch(
    analyzer: Analyzer, batch: list[tuple[int, dict[str, Any] | str]], batch_size: int
) -> list[Analysis | Failure]:
    """Prepare each record (bad ones fail alone), analyse the rest together, keep order."""
    results: list[Analysis | Failure | None] = [None] * len(batch)
    good: list[tuple[int, PreparedInput]] = []
    for slot, (index, record) in enumerate(batch):
        rid = record.get("id") if isinstance(record, dict) else None
        try:
            fields = {"text": record} if isinstance(record, str) else record_fields(record)
            good.append((slot, analyzer.prepare(**fields)))
        except NewsgraphError as exc:
            results[slot] = Failure(index, None if rid is None else str(rid), str(exc))
    try:
        analyses = analyzer.analyze_prepared([p for _, p in good], batch_size)
    except Exception:  # noqa: BLE001 - redo one by one so only the bad article fails
        for slot, prepared in good:
            results[slot] = _run_one(analyzer, batch[slot][0], prepared, batch_size)
    else:
        for (slot, _), analysis in zip(good, analyses, strict=True):
            results[slot] = analysis
    return [r for r in results if r is not None]


def _run_one(
    analyzer: Analyzer, index: int, prepared: PreparedInput, batch_size: int
) -> Analysis | Failure:
    try:
        return analyzer.analyze_prepared([prepared], batch_size)[0]
    except Exception as exc:  # noqa: BLE001 - reported as this article's failure
        detail = traceback.format_exception_only(exc)[-1].strip()
        return Failure(index, prepared.article.id, f"NG900 analysis crashed: {detail}")


_WORKER: Analyzer | None = None


def _worker_init(config: dict[str, Any]) -> None:
    global _WORKER
    _WORKER = Analyzer(config=config)


def _worker_run(
    batch: list[tuple[int, dict[str, Any] | str]], batch_size: int
) -> list[Analysis | Failure]:
    if _WORKER is None:
        raise RuntimeError("worker used before initialisation")
    return _run_batch(_WORKER, batch, batch_size)


_DEFAULT: dict[str | None, Analyzer] = {}


def default_analyzer(config_path: str | Path | None = None) -> Analyzer:
    """A process-wide Analyzer per config file, loaded on first use."""
    key = None if config_path is None else str(config_path)
    if key not in _DEFAULT:
        _DEFAULT[key] = Analyzer(config_path=key)
    return _DEFAULT[key]
