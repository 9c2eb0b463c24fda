"""A learned ACLED sub-event classifier over hashed words, refining the rule mapping.

The rules in :mod:`acled` decide *whether* an event is an ACLED event; which of the 25 sub-event
types it is depends on many small cues (who the victims are, "improvised", "mortar", "retook"),
which a linear model learns better than a hand list. The model is a multinomial logistic
regression trained by ``scripts/build_events_classifier.py`` on the tune part of the CASE 2021
development snippets (the held-out part is never seen). Features are the sentence's lower-cased
word unigrams and bigrams plus the rule coding (``plover=ASSAULT``, ``mode=aerial``,
``rule=Armed clash``), hashed with CRC-32 into a fixed number of buckets: the shipped file holds
only weights and label names, no text, and scoring needs only numpy.
"""

from __future__ import annotations

import functools
import itertools
import json
import re
import zlib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from newsgraph.stages.events.triggers import RESOURCE_DIR

MODEL_PATH = RESOURCE_DIR / "acled_classifier.npz"
_WORD = re.compile(r"[a-z][a-z\-']+|\d+")


def features(text: str, coding: Iterable[str]) -> list[str]:
    """The feature strings of one event: words, word bigrams and the rule coding."""
    words = _WORD.findall(text.lower())
    feats = [f"w={w}" for w in words]
    feats.extend(f"b={a}_{b}" for a, b in itertools.pairwise(words))
    feats.extend(f"c={c}" for c in coding)
    return feats


def hash_features(feats: Sequence[str], n_buckets: int) -> dict[int, float]:
    """Bucket counts, L2-normalised (the same function is used for training)."""
    counts: dict[int, float] = {}
    for feat in feats:
        bucket = zlib.crc32(feat.encode("utf-8")) % n_buckets
        counts[bucket] = counts.get(bucket, 0.0) + 1.0
    norm = float(np.sqrt(sum(v * v for v in counts.values()))) or 1.0
    return {k: v / norm for k, v in counts.items()}


class HashedLinear:
    """Softmax over labels of a linear model on hashed features: the form of both learned
    event models (the ACLED classifier here and the PLOVER re-typer in :mod:`.typer`)."""

    def __init__(
        self, weights: npt.NDArray[np.float32], bias: npt.NDArray[np.float32], labels: list[str]
    ) -> None:
        self.weights = weights  # (n_buckets, n_labels)
        self.bias = bias
        self.labels = labels
        self.n_buckets = int(weights.shape[0])

    def probabilities(self, feats: Sequence[str]) -> npt.NDArray[np.float64]:
        """Softmax over the labels (the order of :attr:`labels`)."""
        hashed = hash_features(feats, self.n_buckets)
        idx = np.fromiter(hashed.keys(), dtype=np.int64, count=len(hashed))
        vals = np.fromiter(hashed.values(), dtype=np.float32, count=len(hashed))
        scores: npt.NDArray[np.float64] = (vals @ self.weights[idx] + self.bias).astype(np.float64)
        probs: npt.NDArray[np.float64] = np.exp(scores - scores.max())
        probs /= probs.sum()
        return probs


def read_linear(
    path: Path,
) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.float32], list[str], dict[str, Any]]:
    """Weights, bias, labels and settings (empty when the file has none) of a model written
    by the build scripts' ``write_npz``."""
    with np.load(path) as data:
        weights = data["weights"].astype(np.float32)
        bias = data["bias"].astype(np.float32)
        labels = list(json.loads(str(data["labels"])))
        settings = json.loads(str(data["settings"])) if "settings" in data.files else {}
    return weights, bias, labels, settings


class AcledClassifier(HashedLinear):
    """Linear scores over hashed features → (sub-event type, probability)."""

    def predict(self, text: str, coding: Iterable[str]) -> tuple[str, float]:
        """The most probable sub-event type and its probability."""
        probs = self.probabilities(features(text, coding))
        best = int(np.argmax(probs))
        return self.labels[best], float(probs[best])


@functools.lru_cache(maxsize=2)
def load_classifier(path: Path = MODEL_PATH) -> AcledClassifier | None:
    """The shipped model, or None when it has not been built (the rules then decide alone)."""
    if not path.exists():
        return None
    weights, bias, labels, _ = read_linear(path)
    return AcledClassifier(weights, bias, labels)
