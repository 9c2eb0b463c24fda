"""Train the PLOVER re-typer shipped in ``resources/events/plover_typer.npz``.

Run ``.venv/bin/python scripts/build_events_typer.py`` from the repository root. It reads the
PLOVER gold standard (``../shared/data/events/plover-gsr.jsonl``, CC BY-SA 4.0, Open Event Data
Alliance), keeps only the **tune** part of the split below, parses each sentence with the
backbone and runs the rule detector of the events stage (re-typer off) to get its candidates.
Each candidate is labelled from the gold by alignment (:func:`align`): the gold type when the
rules found it, else the type of the gold event whose event words contain the trigger, else the
remaining gold type when the candidate is the sentence's main predicate, else ``NONE``.

A multinomial logistic regression (scikit-learn, fixed seed) is fitted on hashed features
(:mod:`newsgraph.stages.events.typer`). Its regularisation and the two decision settings (how
much more probable another type must be to re-type, how probable ``NONE`` must be to drop) are
chosen by 5-fold cross-validation inside the tune part, on micro F1 of the sentences' type
multisets. The held-out part is never read.

**Split.** A document is held out when ``int(sha256(id), 16) % 3 == 0`` (about a third), else
it is in the tune part: the rule of ``scripts/build_events_classifier.py``.

The output holds weights, biases, label names and the settings (no text from the data set). It
is a derivative of the PLOVER gold standard and is shared under CC BY-SA 4.0 (see
``resources/events/LICENSE.md``).
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression

from build_events_classifier import write_npz
from newsgraph.backbone import load_backbone
from newsgraph.config import load_config
from newsgraph.extensions import register_extensions
from newsgraph.stages.events.classifier import hash_features
from newsgraph.stages.events.detect import Candidate, Detector
from newsgraph.stages.events.triggers import load_lexicon
from newsgraph.stages.events.typer import NONE, TYPER_PATH, PloverTyper

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data" / "events" / "plover-gsr.jsonl"
N_BUCKETS = 1 << 14
SEED = 13
FOLDS = 5
GRID_C = (1.0, 4.0, 16.0)
GRID_MARGIN = (0.0, 0.1, 0.2, 0.3, 0.4)
GRID_DROP = (0.5, 0.6, 0.7, 0.8, 1.01)

Row = tuple[list[str], str, str]  # features, rule type, aligned label


def part_of(doc_id: str) -> str:
    """``"heldout"`` for about a third of the ids (stable hash), else ``"tune"``."""
    digest = int(hashlib.sha256(doc_id.encode("utf-8")).hexdigest(), 16)
    return "heldout" if digest % 3 == 0 else "tune"


def align(candidates: list[Candidate], gold: list[dict[str, Any]]) -> list[str]:
    """One training label per candidate (see the module docstring for the order of passes)."""
    remaining = list(range(len(gold)))
    labels: list[str | None] = [None] * len(candidates)
    for n, cand in enumerate(candidates):
        match = next((g for g in remaining if gold[g]["type"] == cand.type), None)
        if match is not None:
            labels[n] = cand.type
            remaining.remove(match)
    for n, cand in enumerate(candidates):
        if labels[n] is not None:
            continue
        forms = {cand.trigger.lower_, cand.trigger.lemma_.lower()}
        for g in remaining:
            words = set(re.findall(r"[a-z][a-z\-]+", str(gold[g].get("event_text") or "").lower()))
            if forms & words:
                labels[n] = str(gold[g]["type"])
                remaining.remove(g)
                break
    for n, cand in enumerate(candidates):
        if labels[n] is None and remaining and cand.anchor.dep_ == "ROOT":
            labels[n] = str(gold[remaining.pop(0)]["type"])
    return [label or NONE for label in labels]


def collect(path: Path) -> tuple[list[list[Row]], list[list[str]]]:
    """Per tune document: its candidate rows and its gold type list."""
    register_extensions()
    nlp = load_backbone(load_config()["backbone"])
    detector = Detector(load_lexicon())
    golds = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    golds = [g for g in golds if part_of(str(g["id"])) == "tune"]
    docs_rows: list[list[Row]] = []
    docs_gold: list[list[str]] = []
    for gold, doc in zip(golds, nlp.pipe(g["text"] for g in golds), strict=True):
        candidates = [c for c in detector(doc) if c.features]
        labels = align(candidates, gold["events"])
        docs_rows.append(
            [(c.features, c.type, label) for c, label in zip(candidates, labels, strict=True)]
        )
        docs_gold.append([str(e["type"]) for e in gold["events"]])
    return docs_rows, docs_gold


def matrix(rows: list[Row]) -> csr_matrix:
    """Hashed, L2-normalised feature rows (the function the stage scores with)."""
    data: list[float] = []
    indices: list[int] = []
    indptr = [0]
    for feats, _, _ in rows:
        hashed = hash_features(feats, N_BUCKETS)
        for key in sorted(hashed):
            indices.append(key)
            data.append(hashed[key])
        indptr.append(len(indices))
    return csr_matrix((data, indices, indptr), shape=(len(rows), N_BUCKETS))


def fit(rows: list[Row], c: float) -> LogisticRegression:
    """The logistic regression on the rows' aligned labels."""
    model = LogisticRegression(C=c, max_iter=3000, random_state=SEED)
    model.fit(matrix(rows), [label for _, _, label in rows])
    return model


def typer_of(model: LogisticRegression, margin: float, drop: float) -> PloverTyper:
    """The stage's decision object around a fitted model."""
    return PloverTyper(
        model.coef_.T.astype(np.float32),
        model.intercept_.astype(np.float32),
        [str(label) for label in model.classes_],
        retype_margin=margin,
        drop_min=drop,
    )


def typer_of_settings(typer: PloverTyper, margin: float, drop: float) -> PloverTyper:
    """The same weights under other decision settings."""
    return PloverTyper(typer.weights, typer.bias, typer.labels, retype_margin=margin, drop_min=drop)


def micro_f1(decided: list[list[str | None]], gold: list[list[str]]) -> float:
    """Micro F1 of the documents' predicted type multisets against the gold ones."""
    tp = n_pred = n_gold = 0
    for pred_types, gold_types in zip(decided, gold, strict=True):
        pred = Counter(t for t in pred_types if t is not None)
        tp += sum((pred & Counter(gold_types)).values())
        n_pred += sum(pred.values())
        n_gold += len(gold_types)
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def cross_validate(
    docs_rows: list[list[Row]], docs_gold: list[list[str]]
) -> tuple[float, float, float, float]:
    """(C, margin, drop, CV micro F1) of the best setting on the tune part."""
    folds = [n % FOLDS for n in range(len(docs_rows))]
    best = (GRID_C[0], 1.0, 1.01, -1.0)
    for c in GRID_C:
        typers: dict[int, PloverTyper] = {}
        for fold in range(FOLDS):
            train = [r for n, rows in enumerate(docs_rows) if folds[n] != fold for r in rows]
            typers[fold] = typer_of(fit(train, c), 0.0, 1.0)
        # Probabilities do not depend on the decision settings: compute them once per C.
        probs = [
            [(typers[folds[n]].probabilities(f), rule) for f, rule, _ in rows]
            for n, rows in enumerate(docs_rows)
        ]
        for margin, drop in itertools.product(GRID_MARGIN, GRID_DROP):
            judges = {k: typer_of_settings(t, margin, drop) for k, t in typers.items()}
            decided = [
                [judges[folds[n]].decide_on(pr, rule) for pr, rule in rows]
                for n, rows in enumerate(probs)
            ]
            score = micro_f1(decided, docs_gold)
            if score > best[3] + 1e-9:
                best = (c, margin, drop, score)
    baseline = micro_f1([[rule for _, rule, _ in rows] for rows in docs_rows], docs_gold)
    print(f"rules alone: micro F1 {baseline:.4f} (tune)")
    return best


def main() -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--output", type=Path, default=TYPER_PATH)
    args = parser.parse_args()
    docs_rows, docs_gold = collect(args.data)
    c, margin, drop, score = cross_validate(docs_rows, docs_gold)
    print(f"chosen C={c} margin={margin} drop={drop}: CV micro F1 {score:.4f} (tune)")
    model = fit([r for rows in docs_rows for r in rows], c)
    settings = {"retype_margin": margin, "drop_min": drop, "C": c}
    args.output.parent.mkdir(parents=True, exist_ok=True)
    write_npz(
        args.output,
        weights=model.coef_.T.astype(np.float32),
        bias=model.intercept_.astype(np.float32),
        labels=np.array(json.dumps([str(label) for label in model.classes_])),
        settings=np.array(json.dumps(settings, sort_keys=True)),
    )
    n_rows = sum(len(rows) for rows in docs_rows)
    print(f"trained on {n_rows} candidates of {len(docs_rows)} tune sentences -> {args.output}")


if __name__ == "__main__":
    main()
