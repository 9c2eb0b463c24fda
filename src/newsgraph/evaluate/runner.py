"""Running the analyser over a gold file and scoring one layer (``newsgraph eval``)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from newsgraph.evaluate.gold import read_gold
from newsgraph.evaluate.metrics import LAYERS, score_layer
from newsgraph.pipeline import Analyzer, Failure


def evaluate_layer(
    analyzer: Analyzer,
    layer: str,
    gold_path: Path,
    *,
    predictions: IO[str] | None = None,
    limit: int | None = None,
    n_process: int = 1,
) -> dict[str, Any]:
    """Score ``layer`` of the analyser's output against ``gold_path``.

    Only the gold's ``id``, ``text`` and ``published`` reach the analyser. An article the
    analyser fails on is scored as all misses. ``predictions``, when given, receives one
    Analysis JSON per line (a crashed article is written as ``{"id", "error"}``).
    """
    if layer not in LAYERS:
        raise ValueError(f"unknown layer {layer!r}; expected one of {', '.join(LAYERS)}")
    golds: list[dict[str, Any]] = []

    def inputs() -> Iterator[dict[str, Any]]:
        for number, gold in enumerate(read_gold(gold_path)):
            if limit is not None and number >= limit:
                return
            golds.append(gold)
            yield {"id": gold["id"], "text": gold["text"], "published": gold.get("published")}

    pairs: list[tuple[dict[str, Any], dict[str, Any] | None]] = []
    for index, result in enumerate(analyzer.analyze_many(inputs(), n_process=n_process)):
        if isinstance(result, Failure):
            pairs.append((golds[index], None))
            if predictions is not None:
                predictions.write(json.dumps({"id": result.id, "error": result.reason}) + "\n")
            continue
        pairs.append((golds[index], result.to_dict()))
        if predictions is not None:
            predictions.write(result.to_json() + "\n")
    report = score_layer(layer, pairs)
    report["gold_path"] = str(gold_path)
    return report
