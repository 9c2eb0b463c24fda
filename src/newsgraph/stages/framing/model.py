"""Loading the shipped technique model and scoring documents with it (numpy only).

The model is written by ``scripts/train_framing.py``: ``model.npz`` holds plain arrays (the
loaded-word lexicon, the tagger's and the classifier's weights for the hash buckets that carry
any), read with ``allow_pickle=False``; ``model.json`` holds the settings and the sha256 of the
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
from newsgraph.stages.framing.features import (
    N_TOKEN_FEATURES,
    DocArrays,
    Lexicon,
    span_features,
    token_features,
)

F32 = npt.NDArray[np.float32]


class FramingModelError(ModelFileError):
    """The shipped technique model is missing, corrupt, or from another feature version."""


RESOURCE_DIR = Path(__file__).resolve().parent.parent.parent / "resources" / "framing"


@dataclass(frozen=True)
class TechniqueModel:
    """The span tagger, the technique classifier and the decoding settings."""

    lexicon: Lexicon
    tagger_weights: F32
    tagger_bias: float
    classifier_weights: F32
    classifier_bias: F32
    techniques: tuple[str, ...]
    token_buckets: int
    span_buckets: int
    token_threshold: float
    max_gap: int
    platt_slope: float
    platt_intercept: float

    def token_probs(self, arrays: DocArrays) -> npt.NDArray[np.float64]:
        """Probability that each token lies inside some technique span."""
        idx = token_features(arrays, self.token_buckets)
        z = self.tagger_weights[idx].sum(axis=1, dtype=np.float64) + self.tagger_bias
        probs: npt.NDArray[np.float64] = 1.0 / (1.0 + np.exp(-z))
        return probs

    def classify(
        self, doc: Doc, arrays: DocArrays, spans: list[tuple[int, int]]
    ) -> npt.NDArray[np.float64]:
        """Technique probabilities (rows: spans, columns: :attr:`techniques`)."""
        idx, starts = span_features(doc, arrays, spans, self.span_buckets)
        rows = self.classifier_weights[idx].astype(np.float64)
        z = np.add.reduceat(rows, starts[:-1], axis=0) + self.classifier_bias
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        probs: npt.NDArray[np.float64] = e / e.sum(axis=1, keepdims=True)
        return probs


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
    with np.load(weights_path, allow_pickle=False) as data:
        return TechniqueModel(
            lexicon=Lexicon(data["lexicon_keys"], data["lexicon_bins"]),
            tagger_weights=_dense(
                data["tagger_rows"], data["tagger_weights"], settings["token_buckets"]
            ),
            tagger_bias=float(data["tagger_bias"][0]),
            classifier_weights=_dense(
                data["classifier_rows"], data["classifier_weights"], settings["span_buckets"]
            ),
            classifier_bias=data["classifier_bias"].astype(np.float32),
            techniques=tuple(settings["techniques"]),
            token_buckets=int(settings["token_buckets"]),
            span_buckets=int(settings["span_buckets"]),
            token_threshold=float(settings["token_threshold"]),
            max_gap=int(settings["max_gap"]),
            platt_slope=float(settings["platt_slope"]),
            platt_intercept=float(settings["platt_intercept"]),
        )
