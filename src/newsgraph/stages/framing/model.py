"""Loading the shipped technique model and scoring documents with it (numpy only).

The model is written by ``scripts/train_framing.py``: ``model.npz`` holds plain arrays (the
loaded-word lexicon, the sentence scorer's word and word-pair log-odds tables, the tagger's and
the classifier's weights for the hash buckets that carry any), read with
``allow_pickle=False``; ``model.json`` holds the settings and the sha256 of the
NPZ, checked at load so a stale or foreign weight file is refused instead of silently used.
Scikit-learn is needed only to train, never at run time.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import numpy.typing as npt
from spacy.tokens import Doc

from newsgraph.errors import ModelFileError
from newsgraph.stages.framing.affect import AffectLexicon, affect_sha256, load_affect
from newsgraph.stages.framing.features import (
    N_DENSE_FEATURES,
    N_SPAN_DENSE_FEATURES,
    N_TOKEN_FEATURES,
    N_UNIT_FEATURES,
    DocArrays,
    Lexicon,
    LogOdds,
    span_dense,
    span_features,
    token_dense,
    token_features,
    unit_stats,
)
from newsgraph.stages.framing.vectors import VectorTable, load_vector_table, vectors_sha256

F32 = npt.NDArray[np.float32]


class FramingModelError(ModelFileError):
    """The shipped technique model is missing, corrupt, or from another feature version."""


RESOURCE_DIR = Path(__file__).resolve().parent.parent.parent / "resources" / "framing"


@dataclass(frozen=True)
class TechniqueModel:
    """The span tagger, the sentence scorer, the technique classifier and the decoding settings.

    The sentence scorer is a logistic regression over :func:`unit_stats` (standardised with
    ``unit_mean``/``unit_scale``), trained on out-of-fold tagger output, so it sees the
    tagger's logits as the tagger behaves on unseen text.
    """

    lexicon: Lexicon
    affect: AffectLexicon
    words: LogOdds
    pairs: LogOdds
    vectors: VectorTable
    tagger_weights: F32
    tagger_dense: F32
    tagger_bias: float
    classifier_weights: F32
    classifier_dense: F32
    classifier_bias: F32
    techniques: tuple[str, ...]
    token_buckets: int
    span_buckets: int
    token_threshold: float
    max_gap: int
    platt_slope: float
    platt_intercept: float
    unit_weights: npt.NDArray[np.float64]
    unit_bias: float
    unit_mean: npt.NDArray[np.float64]
    unit_scale: npt.NDArray[np.float64]
    token_weight: float

    def token_probs(self, arrays: DocArrays) -> npt.NDArray[np.float64]:
        """Probability that each token lies inside some technique span."""
        idx = token_features(arrays, self.token_buckets)
        z = self.tagger_weights[idx].sum(axis=1, dtype=np.float64) + self.tagger_bias
        z += token_dense(arrays) @ self.tagger_dense
        probs: npt.NDArray[np.float64] = 1.0 / (1.0 + np.exp(-z))
        return probs

    def token_scores(self, arrays: DocArrays) -> npt.NDArray[np.float64]:
        """Decoding score of each token: its tagger logit, scaled, plus its sentence's logit.

        ``sigmoid(token_weight * logit(token) + logit(sentence))``: the sentence scorer decides
        *where* techniques are, the token logit shapes the span inside the sentence. Whitespace
        tokens score 0 (decoding bridges or trims them).
        """
        logits = token_logits(self.token_probs(arrays))
        stats = unit_stats(arrays, logits, self.words, self.pairs)
        unit_z = ((stats - self.unit_mean) / self.unit_scale) @ self.unit_weights + self.unit_bias
        ids = arrays.unit_ids
        z = self.token_weight * logits + unit_z[np.maximum(ids, 0)] if len(unit_z) else logits
        scores: npt.NDArray[np.float64] = np.where(ids >= 0, 1.0 / (1.0 + np.exp(-z)), 0.0)
        return scores

    def classify(
        self, doc: Doc, arrays: DocArrays, spans: list[tuple[int, int]]
    ) -> npt.NDArray[np.float64]:
        """Technique probabilities (rows: spans, columns: :attr:`techniques`)."""
        idx, starts = span_features(doc, arrays, spans, self.span_buckets)
        rows = self.classifier_weights[idx].astype(np.float64)
        z = np.add.reduceat(rows, starts[:-1], axis=0) + self.classifier_bias
        z += span_dense(arrays, spans) @ self.classifier_dense
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        probs: npt.NDArray[np.float64] = e / e.sum(axis=1, keepdims=True)
        return probs


def token_logits(probs: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """Logits of tagger probabilities, clipped so saturated tokens stay finite."""
    clipped = np.clip(probs.astype(np.float64), 1e-9, 1.0 - 1e-9)
    logits: npt.NDArray[np.float64] = np.log(clipped / (1.0 - clipped))
    return logits


def _dense(rows: npt.NDArray[np.int32], weights: npt.NDArray[np.float16], size: int) -> F32:
    shape = (size, *weights.shape[1:])
    dense = np.zeros(shape, dtype=np.float32)
    dense[rows] = weights.astype(np.float32)
    return dense


@lru_cache(maxsize=4)
def load_model(directory: Path = RESOURCE_DIR) -> TechniqueModel:
    """Read and verify the model in ``directory`` (cached: every stage instance shares it)."""
    settings_path = directory / "model.json"
    weights_path = directory / "model.npz"
    try:
        settings = json.loads(settings_path.read_text("utf-8"))
        blob = weights_path.read_bytes()
    except OSError as exc:
        raise FramingModelError(f"framing model not readable in {directory}: {exc}") from exc
    digest = hashlib.sha256(blob).hexdigest()
    if digest != settings["model_sha256"]:
        raise FramingModelError(
            f"framing model {weights_path} has sha256 {digest}, expected "
            f"{settings['model_sha256']}: rebuild it with scripts/train_framing.py"
        )
    if settings["token_features"] != N_TOKEN_FEATURES:
        raise FramingModelError("framing model was trained with other token features")
    if settings.get("unit_features") != N_UNIT_FEATURES:
        raise FramingModelError("framing model was trained with other sentence features")
    if settings.get("span_dense_features") != N_SPAN_DENSE_FEATURES:
        raise FramingModelError("framing model was trained with other dense span features")
    if settings.get("dense_features") != N_DENSE_FEATURES:
        raise FramingModelError("framing model was trained with other dense token features")
    try:
        vectors_digest = vectors_sha256()
    except OSError as exc:
        raise FramingModelError(f"word vectors not readable: {exc}") from exc
    if vectors_digest != settings.get("wordvectors_sha256"):
        raise FramingModelError(
            "the package's word vectors are not the ones the framing model was trained with: "
            "retrain with scripts/train_framing.py"
        )
    try:
        affect_digest = affect_sha256(directory)
    except OSError as exc:
        raise FramingModelError(f"framing lexicon not readable in {directory}: {exc}") from exc
    if affect_digest != settings.get("affect_sha256"):
        raise FramingModelError(
            f"framing lexicon {directory / 'affect.npz'} is not the one the model was trained "
            "with: retrain with scripts/train_framing.py"
        )
    with np.load(weights_path, allow_pickle=False) as data:
        return TechniqueModel(
            lexicon=Lexicon(data["lexicon_keys"], data["lexicon_bins"]),
            affect=load_affect(directory),
            vectors=load_vector_table(),
            words=LogOdds(data["word_keys"], data["word_values"].astype(np.float32)),
            pairs=LogOdds(data["pair_keys"], data["pair_values"].astype(np.float32)),
            tagger_weights=_dense(
                data["tagger_rows"], data["tagger_weights"], settings["token_buckets"]
            ),
            tagger_dense=data["tagger_dense"].astype(np.float32),
            tagger_bias=float(data["tagger_bias"][0]),
            classifier_weights=_dense(
                data["classifier_rows"], data["classifier_weights"], settings["span_buckets"]
            ),
            classifier_dense=data["classifier_dense"].astype(np.float32),
            classifier_bias=data["classifier_bias"].astype(np.float32),
            techniques=tuple(settings["techniques"]),
            token_buckets=int(settings["token_buckets"]),
            span_buckets=int(settings["span_buckets"]),
            token_threshold=float(settings["token_threshold"]),
            max_gap=int(settings["max_gap"]),
            platt_slope=float(settings["platt_slope"]),
            platt_intercept=float(settings["platt_intercept"]),
            unit_weights=np.asarray(settings["unit_weights"], dtype=np.float64),
            unit_bias=float(settings["unit_bias"]),
            unit_mean=np.asarray(settings["unit_mean"], dtype=np.float64),
            unit_scale=np.asarray(settings["unit_scale"], dtype=np.float64),
            token_weight=float(settings["token_weight"]),
        )
