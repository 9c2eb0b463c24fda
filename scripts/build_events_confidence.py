"""Fit the event-confidence model shipped in ``resources/events/confidence.json``.

Run ``.venv/bin/python scripts/build_events_confidence.py`` from the repository root. It reads
the hand judgements of ``data/annotations/events-judgements.jsonl`` (one line per event the
stage coded on a full article: its source file under ``../shared/data``, document id, trigger
offsets, type and ``real``: 1 when it is a real event of the coded type, by the PLOVER codebook),
runs the whole pipeline on those articles, aligns each judged event to the stage's output by
trigger offsets and type, and fits a logistic regression (scikit-learn, L2, fixed settings) on
the features of :func:`newsgraph.stages.events.confidence.event_features`.

Only the judgements whose source is in ``--fit`` are fitted on (default: the PTC, MEANTIME and
WikiWars articles); the others (default: PolNeAR) are the test set, scored once with the
shipped model and reported, never used to choose anything. Cross-validation by document over the
fitting part reports ranking (AUC), calibration (Brier score) and precision at 0.5.

The output holds feature names and weights only (no text). Deterministic: rerunning it on the
same inputs writes the same file.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import brier_score_loss, roc_auc_score

from newsgraph.pipeline import Analyzer
from newsgraph.stages.events.confidence import CONFIDENCE_PATH, event_features

REPO_ROOT = Path(__file__).resolve().parent.parent
JUDGEMENTS = REPO_ROOT / "data" / "annotations" / "events-judgements.jsonl"
SHARED_DATA = REPO_ROOT.parent / "shared" / "data"
FIT_SOURCES = ("techniques/ptc-train.jsonl", "times/meantime-en.jsonl", "times/wikiwars.jsonl")
C = 0.3  # L2 strength, chosen by out-of-fold AUC and Brier score on the fitting part (0.1-1)
FOLDS = 5


def judged_examples(
    analyzer: Analyzer, judgements: list[dict[str, Any]], data: Path
) -> list[tuple[str, str, list[str], int, float]]:
    """(source, document, features, label, the stage's confidence) of every judgement the
    stage still codes."""
    by_doc: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for row in judgements:
        by_doc[(row["source"], row["doc"])].append(row)
    articles: dict[str, dict[str, dict[str, Any]]] = {}
    examples = []
    for (source, doc_id), rows in sorted(by_doc.items()):
        if source not in articles:
            lines = (data / source).read_text("utf-8").splitlines()
            articles[source] = {r["id"]: r for r in map(json.loads, lines)}
        article = articles[source][doc_id]
        text = article["text"][: rows[0]["text_end"]]
        prepared = analyzer.prepare(text, id=doc_id, published=article.get("published"))
        doc = analyzer.nlp.make_doc(prepared.normalized.text)
        doc._.ng_meta = {"id": doc_id, "published": prepared.article.published}
        for _, component in analyzer.nlp.pipeline:
            doc = component(doc)
        coded = {}
        for event in doc._.ng_events or []:
            if event.trigger is not None:
                key = (*prepared.normalized.to_original(*event.trigger), event.type)
                coded[key] = event
        for row in rows:
            found = coded.get((row["start"], row["end"], row["type"]))
            if found is not None:
                features = event_features(doc, found)
                confidence = found.evidence.confidence
                examples.append((source, doc_id, features, int(row["real"]), confidence))
    return examples


def matrix(rows: list[list[str]], names: list[str]) -> csr_matrix:
    """Binary document-feature matrix over ``names`` (unknown features dropped)."""
    index = {n: i for i, n in enumerate(names)}
    data, cols, ptr = [], [], [0]
    for feats in rows:
        hit = sorted({index[f] for f in feats if f in index})
        cols.extend(hit)
        data.extend([1.0] * len(hit))
        ptr.append(len(cols))
    return csr_matrix((data, cols, ptr), shape=(len(rows), len(names)), dtype=np.float64)


def fit(rows: list[list[str]], labels: list[int]) -> tuple[dict[str, float], float]:
    """Weights by feature name and bias of the logistic regression."""
    names = sorted({f for feats in rows for f in feats})
    model = LogisticRegression(C=C, max_iter=2000)
    model.fit(matrix(rows, names), np.array(labels))
    weights = {n: round(float(w), 4) for n, w in zip(names, model.coef_[0], strict=True)}
    return weights, round(float(model.intercept_[0]), 4)


def probabilities(weights: dict[str, float], bias: float, rows: list[list[str]]) -> np.ndarray:
    """The model's P(real) for each feature list."""
    z = np.array([bias + sum(weights.get(f, 0.0) for f in feats) for feats in rows])
    probs: np.ndarray = 1.0 / (1.0 + np.exp(-z))
    return probs


def report(name: str, probs: np.ndarray, labels: list[int], old: float | None = None) -> str:
    """AUC, Brier score and precision / share kept at 0.5 of a set of predictions."""
    y = np.array(labels)
    kept = probs >= 0.5
    precision = float(y[kept].mean()) if kept.any() else float("nan")
    recall = float(kept[y == 1].mean()) if (y == 1).any() else float("nan")
    line = (
        f"{name}: {len(y)} events, {int(y.sum())} real (precision of the stage {y.mean():.3f});"
        f" AUC {roc_auc_score(y, probs):.3f}, Brier {brier_score_loss(y, probs):.3f}"
    )
    if old is not None:
        line += f" (constant {old:.2f}: Brier {brier_score_loss(y, np.full(len(y), old)):.3f})"
    return line + (
        f"; at 0.5: {int(kept.sum())} kept, precision {precision:.3f}, recall {recall:.3f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--judgements", type=Path, default=JUDGEMENTS)
    parser.add_argument("--data", type=Path, default=SHARED_DATA, help="../shared/data")
    parser.add_argument("--fit", nargs="*", default=list(FIT_SOURCES), help="sources to fit on")
    parser.add_argument("--output", type=Path, default=CONFIDENCE_PATH)
    args = parser.parse_args()
    judgements = [json.loads(line) for line in args.judgements.read_text("utf-8").splitlines()]
    examples = judged_examples(Analyzer(), judgements, args.data)
    fitting = [e for e in examples if e[0] in args.fit]
    testing = [e for e in examples if e[0] not in args.fit]
    print(f"{len(judgements)} judgements, {len(examples)} still coded by the stage")
    docs = sorted({e[1] for e in fitting})
    fold_of = {d: i % FOLDS for i, d in enumerate(docs)}
    oof = np.zeros(len(fitting))
    for fold in range(FOLDS):
        train = [e for e in fitting if fold_of[e[1]] != fold]
        weights, bias = fit([e[2] for e in train], [e[3] for e in train])
        idx = [i for i, e in enumerate(fitting) if fold_of[e[1]] == fold]
        oof[idx] = probabilities(weights, bias, [fitting[i][2] for i in idx])
    real_share = round(float(np.mean([e[3] for e in fitting])), 4)
    print(report("fitting part, out of fold", oof, [e[3] for e in fitting], old=real_share))
    weights, bias = fit([e[2] for e in fitting], [e[3] for e in fitting])
    if testing:
        test_probs = probabilities(weights, bias, [e[2] for e in testing])
        labels = [e[3] for e in testing]
        print(report("test part (never fitted on)", test_probs, labels, real_share))
    payload = {
        "what": "event confidence: logistic regression over event_features()",
        "fitted_on": sorted(args.fit),
        "examples": len(fitting),
        # The fitting part's share of real events: the best constant a model without features
        # could give, and the reference of the calibration test on the never-fitted part.
        "real_share": real_share,
        "C": C,
        "bias": bias,
        "weights": dict(sorted(weights.items())),
    }
    args.output.write_text(json.dumps(payload, indent=1, sort_keys=False) + "\n", "utf-8")
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
