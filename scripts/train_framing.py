"""Train the framing stage's persuasion-technique model from PTC (SemEval-2020 Task 11) train.

Usage::

    .venv/bin/python scripts/train_framing.py ../shared/data/techniques/ptc-train.jsonl \
        [--out src/newsgraph/resources/framing] [--cache /tmp/ptc-docs.spacy]

Deterministic: the split is by a hash of the article id, folds likewise, and every learner has a
fixed seed, so the same data and code give the same ``model.npz``.

The split (documented in ``resources/framing/README.md``): an article is **held out** when
``sha256(id)`` read as an integer is ``< 20 (mod 100)``; held-out articles are never seen by
training, tuning or calibration. The other articles are the training part; its five folds
(``sha256(id) // 100 mod 5``) give out-of-fold predictions on which the decoding thresholds are
tuned and the confidence is calibrated, so nothing is tuned on the held-out part.

Model:

1. a loaded-word **lexicon**: smoothed share of each lemma's occurrences inside a technique span
   in the training part, in :data:`LEXICON_BINS` bins (out-of-fold values when it is a feature
   for training rows, so the tagger does not learn to trust a leaked lexicon);
2. a binary **span tagger**: logistic regression (SGD) over hashed token features (including
   VADER valences and intensifiers from ``resources/framing/affect.npz``, built by
   ``scripts/build_framing_lexicons.py``), predicting whether a token is inside any technique
   span, each gold span's tokens weighted so that a short span counts about as much as a long
   one (:func:`token_weights`, as the SI metric averages over spans);
3. a **sentence scorer**: logistic regression over ``features.unit_stats`` (summaries of the
   tagger's logits and of learned word and word-pair log-odds in each sentence, punctuation,
   superlatives, capitals, position, neighbour and article context), trained on the
   out-of-fold tagger output with log-odds tables counted on the other folds
   (:func:`fit_log_odds`);
4. **decoding** of runs of tokens into spans (``spans.propose_spans``) over the combined score
   ``sigmoid(w * token logit + sentence logit)``; ``w``, the token threshold and gap bridging are
   tuned for the SemEval SI F1 on out-of-fold predictions, among the settings whose out-of-fold
   technique accuracy on the gold spans they find exactly stays at or above :data:`TC_MIN`; and
   a Platt-scaled span confidence;
5. a one-vs-rest **technique classifier** (SGD logistic regression) over hashed span features
   (including the WordNet supersenses of the span's lemmas), trained on the gold spans.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from scipy import sparse
from sklearn.linear_model import LogisticRegression, SGDClassifier
from sklearn.metrics import roc_auc_score
from spacy.tokens import Doc, DocBin

from newsgraph.backbone import load_backbone
from newsgraph.config import load_config
from newsgraph.normalize import normalize
from newsgraph.stages.framing.affect import AFFECT_FILE, RESOURCE_PATH, affect_sha256
from newsgraph.stages.framing.features import (
    LEXICON_BINS,
    N_DENSE_FEATURES,
    N_SPAN_DENSE_FEATURES,
    N_TOKEN_FEATURES,
    N_UNIT_FEATURES,
    DocArrays,
    Lexicon,
    LogOdds,
    doc_arrays,
    span_dense,
    span_features,
    token_dense,
    token_features,
    unit_stats,
)
from newsgraph.stages.framing.model import token_logits
from newsgraph.stages.framing.spans import propose_spans
from newsgraph.stages.framing.vectors import vectors_sha256

SEED = 20200911
HELD_OUT_PERCENT = 20
FOLDS = 5
TOKEN_BUCKETS = 1 << 20
SPAN_BUCKETS = 1 << 18
ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "src" / "newsgraph" / "resources" / "framing"


def id_hash(doc_id: str) -> int:
    """Stable integer of an article id (the split and the folds depend only on it)."""
    return int(hashlib.sha256(doc_id.encode("utf-8")).hexdigest(), 16)


def is_held_out(doc_id: str) -> bool:
    """The held-out validation articles: about 20 % of ids, chosen by hash."""
    return id_hash(doc_id) % 100 < HELD_OUT_PERCENT


def fold_of(doc_id: str) -> int:
    """Cross-validation fold of a training article."""
    return (id_hash(doc_id) // 100) % FOLDS


@dataclass
class Article:
    """One PTC article in normalised form with its gold spans (normalised offsets)."""

    id: str
    doc: Doc
    gold: list[tuple[int, int, str]]


def _to_normalised(
    text: str, spans: list[dict[str, Any]]
) -> tuple[str, list[tuple[int, int, str]]]:
    norm = normalize(text)
    first: dict[int, int] = {}
    last: dict[int, int] = {}
    for i, (s, e) in enumerate(zip(norm._starts, norm._ends, strict=True)):
        first.setdefault(s, i)
        last[e] = i
    out = []
    for span in spans:
        start = next(first[k] for k in range(span["start"], span["end"] + 1) if k in first)
        end = next(last[k] for k in range(span["end"], span["start"], -1) if k in last) + 1
        out.append((start, end, span["technique"]))
    return norm.text, out


def load_articles(path: Path, cache: Path | None) -> list[Article]:
    """Read, normalise and parse every article (the parse is cached when ``cache`` is given)."""
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    texts, golds = [], []
    for row in rows:
        text, gold = _to_normalised(row["text"], row.get("techniques") or [])
        texts.append(text)
        golds.append(gold)
    nlp = load_backbone(load_config()["backbone"])
    if cache is not None and cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    else:
        docs = list(nlp.pipe(texts, batch_size=16))
        if cache is not None:
            DocBin(store_user_data=False, docs=docs).to_disk(cache)
    return [Article(r["id"], d, g) for r, d, g in zip(rows, docs, golds, strict=True)]


def token_labels(article: Article) -> npt.NDArray[np.int8]:
    """1 for tokens overlapping any gold span, else 0."""
    inside = np.zeros(len(article.doc.text) + 1, dtype=np.int32)
    for start, end, _ in article.gold:
        inside[start] += 1
        inside[end] -= 1
    covered = np.cumsum(inside)[:-1] > 0
    labels = np.zeros(len(article.doc), dtype=np.int8)
    for tok in article.doc:
        if not tok.is_space and covered[tok.idx : tok.idx + len(tok)].any():
            labels[tok.i] = 1
    return labels


def fit_lexicon(articles: Iterable[Article]) -> Lexicon:
    """Smoothed inside-rate of each lemma, binned; lemmas seen fewer than 3 times are left out."""
    seen: dict[int, list[int]] = {}
    for article in articles:
        lemmas = article.doc.to_array(["LEMMA"]).astype(np.uint64)
        for lemma, label in zip(lemmas.tolist(), token_labels(article).tolist(), strict=True):
            counts = seen.setdefault(lemma, [0, 0])
            counts[0] += 1
            counts[1] += label
    prior = 0.13
    keys, bins = [], []
    for lemma, (total, inside) in sorted(seen.items()):
        if total < 3:
            continue
        rate = (inside + 2 * prior) / (total + 2)
        # bins 1..7 over the rate; 0 is reserved for unknown lemmas
        bin_ = 1 + min(int(rate / 0.1), LEXICON_BINS - 2)
        keys.append(lemma)
        bins.append(bin_)
    return Lexicon(np.asarray(keys, dtype=np.uint64), np.asarray(bins, dtype=np.uint8))


# Smoothing of the sentence scorer's log-odds tables: prior inside-rates and prior strength.
WORD_PRIOR, PAIR_PRIOR, PRIOR_WEIGHT = 0.25, 0.2, 5.0


def _log_odds_table(
    keys: npt.NDArray[np.uint64], inside: npt.NDArray[np.bool_], prior: float
) -> LogOdds:
    """Smoothed log-odds of ``inside`` per key against ``prior``; keys seen once are left out."""
    unique, inverse = np.unique(keys, return_inverse=True)
    total = np.bincount(inverse, minlength=len(unique)).astype(np.float64)
    hits = np.bincount(inverse, weights=inside, minlength=len(unique))
    odds = np.log((hits + PRIOR_WEIGHT * prior) / (total - hits + PRIOR_WEIGHT * (1 - prior)))
    values = odds - np.log(prior / (1 - prior))
    seen = total >= 2
    return LogOdds(unique[seen], values[seen].astype(np.float32))


def fit_log_odds(
    items: Iterable[tuple[DocArrays, npt.NDArray[np.int8]]],
) -> tuple[LogOdds, LogOdds]:
    """Word and word-pair log-odds tables (``features.unit_stats``) from labelled articles.

    A pair is inside when both its words are; pairs with whitespace are not counted.
    """
    words, word_in, pairs, pair_in = [], [], [], []
    for arrays, labels in items:
        real = arrays.unit_ids >= 0
        inside = labels.astype(bool)
        words.append(arrays.word_keys()[real])
        word_in.append(inside[real])
        both = real[:-1] & real[1:]
        pairs.append(arrays.pair_keys()[:-1][both])
        pair_in.append((inside[:-1] & inside[1:])[both])
    return (
        _log_odds_table(np.concatenate(words), np.concatenate(word_in), WORD_PRIOR),
        _log_odds_table(np.concatenate(pairs), np.concatenate(pair_in), PAIR_PRIOR),
    )


def token_matrix(arrays: list[DocArrays]) -> sparse.csr_matrix:
    """The tagger's design matrix: hashed buckets, then the dense word-vector columns."""
    blocks = [token_features(a, TOKEN_BUCKETS) for a in arrays]
    idx = np.concatenate(blocks)
    rows = idx.shape[0]
    indptr = np.arange(0, rows * N_TOKEN_FEATURES + 1, N_TOKEN_FEATURES)
    data = np.ones(idx.size, dtype=np.float32)
    matrix = sparse.csr_matrix((data, idx.ravel(), indptr), shape=(rows, TOKEN_BUCKETS))
    matrix.sum_duplicates()
    dense = sparse.csr_matrix(np.vstack([token_dense(a) for a in arrays]))
    return sparse.hstack([matrix, dense], format="csr")


# A token inside a gold span of this many tokens weighs 1 in the tagger's loss (see
# :func:`token_weights`); tuned out of fold among 4, 8 and 16.
SPAN_WEIGHT_TOKENS = 8.0


def token_weights(article: Article) -> npt.NDArray[np.float64]:
    """Tagger sample weights: ``SPAN_WEIGHT_TOKENS / length`` inside a gold span, 1 outside.

    The SI metric averages recall over gold spans, so a two-word "occupying forces" counts as
    much as a forty-word sentence of doubt; unweighted, the tagger's loss is dominated by the
    long spans' many tokens. A token in several spans takes the shortest one's weight.
    """
    shortest = np.full(len(article.doc), np.inf)
    for (start, end), _ in gold_token_spans(article):
        shortest[start:end] = np.minimum(shortest[start:end], end - start)
    inside = np.isfinite(shortest)
    weights = np.ones(len(article.doc))
    weights[inside] = SPAN_WEIGHT_TOKENS / shortest[inside]
    return weights


def fit_tagger(
    x: sparse.csr_matrix, y: npt.NDArray[np.int8], weights: npt.NDArray[np.float64]
) -> SGDClassifier:
    model = SGDClassifier(
        loss="log_loss", alpha=2e-6, max_iter=15, tol=None, random_state=SEED, average=True
    )
    model.fit(x, y, sample_weight=weights)
    return model


def unit_labels(article: Article, arrays: DocArrays) -> npt.NDArray[np.bool_]:
    """Per unit (sentence piece): does any of its tokens lie in a gold span?"""
    ids = arrays.unit_ids
    n_units = int(ids.max()) + 1 if len(ids) else 0
    inside = token_labels(article).astype(np.float64)
    keep = ids >= 0
    labels: npt.NDArray[np.bool_] = (
        np.bincount(ids[keep], weights=inside[keep], minlength=n_units) > 0
    )
    return labels


@dataclass
class UnitScorer:
    """The sentence scorer: standardisation and logistic-regression weights."""

    mean: npt.NDArray[np.float64]
    scale: npt.NDArray[np.float64]
    weights: npt.NDArray[np.float64]
    bias: float

    def logits(self, stats: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        z: npt.NDArray[np.float64] = ((stats - self.mean) / self.scale) @ self.weights + self.bias
        return z


def fit_unit_scorer(stats: npt.NDArray[np.float64], labels: npt.NDArray[np.bool_]) -> UnitScorer:
    mean = stats.mean(axis=0)
    scale = stats.std(axis=0) + 1e-9
    model = LogisticRegression(C=1.0, max_iter=1000, random_state=SEED)
    model.fit((stats - mean) / scale, labels)
    return UnitScorer(mean, scale, model.coef_[0].astype(np.float64), float(model.intercept_[0]))


def combined_scores(
    arrays: DocArrays, probs: npt.NDArray[np.float64], unit_z: npt.NDArray[np.float64], w: float
) -> npt.NDArray[np.float64]:
    """The same decoding score as ``TechniqueModel.token_scores``, from given unit logits."""
    logits = token_logits(probs)
    ids = arrays.unit_ids
    z = w * logits + unit_z[np.maximum(ids, 0)] if len(unit_z) else logits
    scores: npt.NDArray[np.float64] = np.where(ids >= 0, 1.0 / (1.0 + np.exp(-z)), 0.0)
    return scores


def span_matrix(items: list[tuple[Article, DocArrays, list[tuple[int, int]]]]) -> sparse.csr_matrix:
    """The technique classifier's design matrix: hashed buckets, then the dense vector columns."""
    all_idx, all_ptr, offset = [], [np.zeros(1, dtype=np.int64)], 0
    for article, arrays, spans in items:
        idx, ptr = span_features(article.doc, arrays, spans, SPAN_BUCKETS)
        all_idx.append(idx)
        all_ptr.append(ptr[1:] + offset)
        offset += len(idx)
    indices = np.concatenate(all_idx)
    indptr = np.concatenate(all_ptr)
    data = np.ones(len(indices), dtype=np.float32)
    matrix = sparse.csr_matrix((data, indices, indptr), shape=(len(indptr) - 1, SPAN_BUCKETS))
    matrix.sum_duplicates()
    dense = np.vstack([span_dense(arrays, spans) for _, arrays, spans in items])
    return sparse.hstack([matrix, sparse.csr_matrix(dense)], format="csr")


def gold_token_spans(article: Article) -> list[tuple[tuple[int, int], str]]:
    """Gold spans as token ranges (the tokens the character span touches)."""
    out = []
    for start, end, label in article.gold:
        span = article.doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span):
            out.append(((span.start, span.end), label))
    return out


def fit_classifier(x: sparse.csr_matrix, y: list[str]) -> SGDClassifier:
    model = SGDClassifier(
        loss="log_loss", alpha=1e-4, max_iter=30, tol=None, random_state=SEED, average=True
    )
    model.fit(x, y)
    return model


def si_scores(
    pred: list[list[tuple[int, int]]], gold: list[list[tuple[int, int]]]
) -> tuple[float, float, float]:
    """SemEval-2020 SI P/R/F1 with merging (the same definition as ``newsgraph eval``)."""
    pm = rm = 0.0
    ns = nt = 0
    for p_spans, g_spans in zip(pred, gold, strict=True):
        s_m, t_m = _merge(p_spans), _merge(g_spans)
        ns += len(s_m)
        nt += len(t_m)
        for s in s_m:
            for t in t_m:
                shared = min(s[1], t[1]) - max(s[0], t[0])
                if shared > 0:
                    pm += shared / (s[1] - s[0])
                    rm += shared / (t[1] - t[0])
    p = pm / ns if ns else 0.0
    r = rm / nt if nt else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def char_spans(doc: Doc, spans: list[tuple[int, int, float]]) -> list[tuple[int, int]]:
    return [(doc[s].idx, doc[e - 1].idx + len(doc[e - 1])) for s, e, _ in spans]


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def out_of_fold_arrays(
    train: list[Article], folds: list[int], held: int
) -> tuple[list[int], list[DocArrays]]:
    """Arrays for the training rows of fold ``held``'s model, with an out-of-fold lexicon."""
    ids: list[int] = []
    arrays: list[DocArrays] = []
    for g in range(FOLDS):
        if g == held:
            continue
        inner = fit_lexicon(a for a, f in zip(train, folds, strict=True) if f not in (g, held))
        for i, (article, f) in enumerate(zip(train, folds, strict=True)):
            if f == g:
                ids.append(i)
                arrays.append(doc_arrays(article.doc, inner))
    return ids, arrays


def tagger_probs(model: SGDClassifier, arrays: DocArrays) -> npt.NDArray[np.float64]:
    probs: npt.NDArray[np.float64] = model.predict_proba(token_matrix([arrays]))[:, 1]
    return probs


def span_precision(article: Article, span: tuple[int, int]) -> float:
    """Share of a predicted span's characters inside some gold span."""
    covered = np.zeros(len(article.doc.text) + 1, dtype=np.int32)
    for start, end, _ in article.gold:
        covered[start] += 1
        covered[end] -= 1
    inside = np.cumsum(covered)[:-1] > 0
    return float(inside[span[0] : span[1]].mean())


# The floor for technique accuracy on the system's own spans is 0.55; out-of-fold
# estimates on a few hundred exactly found spans move by several points, hence the margin.
TC_MIN = 0.6


def tc_given_own_spans(
    train: list[Article],
    arrays: list[DocArrays],
    proposed: list[list[tuple[int, int, float]]],
    classifiers: list[SGDClassifier],
) -> float:
    """Out-of-fold ``tc_given_spans_accuracy``: labels right on the gold spans found exactly."""
    right = total = 0
    for article, arr, spans, classifier in zip(train, arrays, proposed, classifiers, strict=True):
        gold = {(s, e): label for s, e, label in article.gold}
        token_spans = [(s, e) for s, e, _ in spans]
        found = [
            (i, gold_key)
            for i, gold_key in enumerate(char_spans(article.doc, spans))
            if gold_key in gold
        ]
        if not found:
            continue
        labels = classifier.predict(
            span_matrix([(article, arr, [token_spans[i] for i, _ in found])])
        )
        right += sum(label == gold[key] for label, (_, key) in zip(labels, found, strict=True))
        total += len(found)
    return right / total if total else 0.0


DECODE_GRID = [(t, g) for t in (0.05, 0.1, 0.15, 0.2, 0.25, 0.3) for g in (2, 6, 16, 60)]
TOKEN_WEIGHTS = (0.1, 0.2, 0.3, 0.4, 0.5)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--cache", type=Path, default=None)
    args = parser.parse_args(argv)
    t0 = time.time()
    articles = load_articles(args.gold, args.cache)
    train = [a for a in articles if not is_held_out(a.id)]
    held_out = [a for a in articles if is_held_out(a.id)]
    log(f"parsed {len(articles)} articles ({len(train)} train) in {time.time() - t0:.0f}s")
    folds = [fold_of(a.id) for a in train]
    labels = [token_labels(a) for a in train]
    weights = [token_weights(a) for a in train]

    # 1. Out-of-fold tagger probabilities and span-classifier predictions.
    oof: list[npt.NDArray[np.float64]] = [np.zeros(0)] * len(train)
    oof_arrays: list[DocArrays | None] = [None] * len(train)
    fold_classifiers: list[SGDClassifier] = []
    tc_right = tc_total = 0
    for f in range(FOLDS):
        ids, arrays = out_of_fold_arrays(train, folds, f)
        tagger = fit_tagger(
            token_matrix(arrays),
            np.concatenate([labels[i] for i in ids]),
            np.concatenate([weights[i] for i in ids]),
        )
        gold_items = [
            (train[i], a, gold_token_spans(train[i])) for i, a in zip(ids, arrays, strict=True)
        ]
        classifier = fit_classifier(
            span_matrix([(art, a, [s for s, _ in g]) for art, a, g in gold_items]),
            [label for _, _, g in gold_items for _, label in g],
        )
        fold_classifiers.append(classifier)
        lexicon = fit_lexicon(a for a, g in zip(train, folds, strict=True) if g != f)
        for i, article in enumerate(train):
            if folds[i] != f:
                continue
            arrays_i = doc_arrays(article.doc, lexicon)
            oof[i] = tagger_probs(tagger, arrays_i)
            oof_arrays[i] = arrays_i
            gold_i = gold_token_spans(article)
            if gold_i:
                predicted = classifier.predict(
                    span_matrix([(article, arrays_i, [s for s, _ in gold_i])])
                )
                tc_right += sum(p == label for p, (_, label) in zip(predicted, gold_i, strict=True))
                tc_total += len(gold_i)
        log(f"fold {f} done at {time.time() - t0:.0f}s")
    tc_oof = tc_right / tc_total

    # 2. The sentence scorer on out-of-fold tagger output (itself cross-validated by fold, so
    #    the decoding below is tuned on sentence scores the scorer did not see in training).
    arrays_oof = [a for a in oof_arrays if a is not None]
    fold_tables = [
        fit_log_odds((a, labels[i]) for i, a in enumerate(arrays_oof) if folds[i] != f)
        for f in range(FOLDS)
    ]
    stats = [
        unit_stats(a, token_logits(p), *fold_tables[folds[i]])
        for i, (a, p) in enumerate(zip(arrays_oof, oof, strict=True))
    ]
    ulabels = [unit_labels(art, a) for art, a in zip(train, arrays_oof, strict=True)]
    unit_z: list[npt.NDArray[np.float64]] = [np.zeros(0)] * len(train)
    for f in range(FOLDS):
        inner = [i for i in range(len(train)) if folds[i] != f]
        scorer = fit_unit_scorer(
            np.concatenate([stats[i] for i in inner]), np.concatenate([ulabels[i] for i in inner])
        )
        for i in range(len(train)):
            if folds[i] == f:
                unit_z[i] = scorer.logits(stats[i])
    unit_scorer = fit_unit_scorer(np.concatenate(stats), np.concatenate(ulabels))
    unit_auc = float(roc_auc_score(np.concatenate(ulabels), np.concatenate(unit_z)))

    # 3. Decoding parameters and calibration on the out-of-fold scores.
    gold_chars = [[(s, e) for s, e, _ in a.gold] for a in train]
    best = (-1.0, 0.0, 0.0, 0)
    tc_own = 0.0
    for weight in TOKEN_WEIGHTS:
        decoded = [
            combined_scores(a, p, z, weight)
            for a, p, z in zip(arrays_oof, oof, unit_z, strict=True)
        ]
        for threshold, gap in DECODE_GRID:
            proposed = [
                propose_spans(a.doc, decoded[i], threshold, gap) for i, a in enumerate(train)
            ]
            pred = [char_spans(a.doc, spans) for a, spans in zip(train, proposed, strict=True)]
            f1 = si_scores(pred, gold_chars)[2]
            tc = tc_given_own_spans(
                train, arrays_oof, proposed, [fold_classifiers[f] for f in folds]
            )
            log(f"decode w={weight} t={threshold} gap={gap}: OOF SI F1 {f1:.4f}, TC {tc:.3f}")
            # The issue asks TC >= 0.55 on the spans the system finds itself; a decoding that
            # wins SI by finding gold spans the classifier gets wrong is not taken.
            if tc >= TC_MIN and f1 > best[0]:
                best, tc_own = (f1, weight, threshold, gap), tc
    si_oof, token_weight, token_threshold, max_gap = best
    decoded = [
        combined_scores(a, p, z, token_weight)
        for a, p, z in zip(arrays_oof, oof, unit_z, strict=True)
    ]
    scores, targets = [], []
    for i, article in enumerate(train):
        spans = propose_spans(article.doc, decoded[i], token_threshold, max_gap)
        for span, (_, _, score) in zip(char_spans(article.doc, spans), spans, strict=True):
            scores.append(score)
            targets.append(span_precision(article, span) >= 0.5)
    calibrator = LogisticRegression(C=1e4, random_state=SEED).fit(
        np.array(scores)[:, None], targets
    )
    slope, intercept = float(calibrator.coef_[0, 0]), float(calibrator.intercept_[0])

    # 4. Final models on the whole training part.
    lexicon = fit_lexicon(train)
    words, pairs = fit_log_odds(zip(arrays_oof, labels, strict=True))
    ids, arrays = out_of_fold_arrays(train, folds, -1)
    tagger = fit_tagger(
        token_matrix(arrays),
        np.concatenate([labels[i] for i in ids]),
        np.concatenate([weights[i] for i in ids]),
    )
    full_arrays = [doc_arrays(a.doc, lexicon) for a in train]
    gold_items = [(a, arr, gold_token_spans(a)) for a, arr in zip(train, full_arrays, strict=True)]
    classifier = fit_classifier(
        span_matrix([(art, a, [s for s, _ in g]) for art, a, g in gold_items]),
        [label for _, _, g in gold_items for _, label in g],
    )
    log(f"final models at {time.time() - t0:.0f}s")
    decoding = {
        "token_threshold": token_threshold,
        "max_gap": max_gap,
        "token_weight": token_weight,
        "platt_slope": slope,
        "platt_intercept": intercept,
        "unit_features": N_UNIT_FEATURES,
        "unit_weights": unit_scorer.weights.tolist(),
        "unit_bias": unit_scorer.bias,
        "unit_mean": unit_scorer.mean.tolist(),
        "unit_scale": unit_scorer.scale.tolist(),
    }
    save_model(args.out, lexicon, (words, pairs), tagger, classifier, decoding)
    report = {
        "train_articles": len(train),
        "held_out_articles": len(held_out),
        "held_out_ids": sorted(a.id for a in held_out),
        "oof_sentence_auc": round(unit_auc, 4),
        "oof_si_f1": round(si_oof, 4),
        "oof_tc_accuracy_on_gold_spans": round(tc_oof, 4),
        "oof_tc_accuracy_on_own_spans": round(tc_own, 4),
        "token_threshold": token_threshold,
        "max_gap": max_gap,
        "token_weight": token_weight,
        "platt": [slope, intercept],
        "seconds": round(time.time() - t0, 1),
    }
    (args.out / "training-report.json").write_text(json.dumps(report, indent=1) + "\n", "utf-8")
    log(json.dumps({k: v for k, v in report.items() if k != "held_out_ids"}))
    return 0


def save_model(
    out: Path,
    lexicon: Lexicon,
    log_odds: tuple[LogOdds, LogOdds],
    tagger: SGDClassifier,
    classifier: SGDClassifier,
    decoding: dict[str, Any],
) -> None:
    """Weights as NPZ (only the hash buckets that carry weight), settings as JSON with sha256.

    ``decoding`` holds the tuned decoding settings, the calibration and the sentence scorer's
    few weights, stored as JSON numbers.
    """
    out.mkdir(parents=True, exist_ok=True)
    if out.resolve() != RESOURCE_PATH.resolve():
        # the features were computed with the shipped VADER tables; the model needs them beside it
        shutil.copy2(RESOURCE_PATH / AFFECT_FILE, out / AFFECT_FILE)
    tag_w = tagger.coef_[0, :TOKEN_BUCKETS].astype(np.float32)
    tag_dense = tagger.coef_[0, TOKEN_BUCKETS:].astype(np.float32)
    tag_rows = np.flatnonzero(tag_w).astype(np.int32)
    cls_w = classifier.coef_.T[:SPAN_BUCKETS].astype(np.float32)
    cls_dense = classifier.coef_.T[SPAN_BUCKETS:].astype(np.float32)
    cls_rows = np.flatnonzero(np.abs(cls_w).sum(axis=1)).astype(np.int32)
    path = out / "model.npz"
    with path.open("wb") as handle:
        np.savez_compressed(
            handle,
            lexicon_keys=lexicon.keys,
            lexicon_bins=lexicon.bins,
            word_keys=log_odds[0].keys,
            word_values=log_odds[0].values.astype(np.float16),
            pair_keys=log_odds[1].keys,
            pair_values=log_odds[1].values.astype(np.float16),
            tagger_rows=tag_rows,
            tagger_weights=tag_w[tag_rows].astype(np.float16),
            tagger_dense=tag_dense,
            tagger_bias=np.asarray(tagger.intercept_, dtype=np.float32),
            classifier_rows=cls_rows,
            classifier_weights=cls_w[cls_rows].astype(np.float16),
            classifier_dense=cls_dense,
            classifier_bias=classifier.intercept_.astype(np.float32),
        )
    settings = {
        "format": 2,
        "token_buckets": TOKEN_BUCKETS,
        "span_buckets": SPAN_BUCKETS,
        "token_features": N_TOKEN_FEATURES,
        "dense_features": N_DENSE_FEATURES,
        "span_dense_features": N_SPAN_DENSE_FEATURES,
        "techniques": [str(c) for c in classifier.classes_],
        "affect_sha256": affect_sha256(out),
        "wordvectors_sha256": vectors_sha256(),
        **decoding,
        "model_sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
    }
    (out / "model.json").write_text(json.dumps(settings, indent=1) + "\n", "utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
