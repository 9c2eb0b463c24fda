"""Exact and near-duplicate articles: content keys, MinHash signatures and LSH bands.

News is copied far more than it is written: a wire story reappears verbatim on a dozen sites and
lightly edited (a new headline, a dropped paragraph, a local byline) on a dozen more. Counting each
copy as a source would make one agency look like a consensus, so copies are grouped before stories
count their sources.

* **Exact copies** share a :func:`content_key`: a hash of the text after Unicode, quote,
  whitespace and case folding, so trivially re-encoded copies collide.
* **Near-duplicates** share many word shingles. :class:`MinHasher` estimates the Jaccard
  similarity of two shingle sets from ``num_perm`` min-hashes; :meth:`MinHasher.bands` cuts a
  signature into LSH bands so that a store finds candidates with an indexed equality lookup
  instead of comparing every pair. With 32 bands of 4 rows a pair at Jaccard 0.5 becomes a
  candidate with probability 1 - (1 - 0.5**4)**32 ≈ 0.87, at 0.7 with ≈ 1.0, at 0.2 with ≈ 0.05;
  candidates are then confirmed on the estimated similarity.

Everything is deterministic (fixed seed, CRC32 shingle hashes), so the same corpus gives the same
groups on every machine and in every process.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

import numpy as np
import numpy.typing as npt

# Typographic quotes and dashes folded before hashing, so that a copy re-typeset by a CMS is
# still the same text.
_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u00a0": " ",
    }
)
_WORD = re.compile(r"\w+")
_MERSENNE = np.uint64((1 << 61) - 1)
_MAX_HASH = np.uint64((1 << 32) - 1)
T = TypeVar("T")


def fold_text(text: str) -> str:
    """The text as compared for identity: NFKC, straight quotes, one space, case-folded."""
    return " ".join(unicodedata.normalize("NFKC", text).translate(_FOLD).casefold().split())


def content_key(text: str) -> str:
    """Hash of :func:`fold_text`: equal for copies that differ only in typography or spacing."""
    return hashlib.sha256(fold_text(text).encode("utf-8")).hexdigest()[:32]


def shingles(text: str, size: int = 3) -> set[int]:
    """CRC32 hashes of the word ``size``-grams of the folded text (one gram for short texts)."""
    words = _WORD.findall(fold_text(text))
    if len(words) < size:
        return {zlib.crc32(" ".join(words).encode("utf-8"))} if words else set()
    return {
        zlib.crc32(" ".join(words[i : i + size]).encode("utf-8"))
        for i in range(len(words) - size + 1)
    }


@dataclass(frozen=True)
class DedupSettings:
    """How near-duplicates are found: signature size, LSH banding and the confirming threshold."""

    num_perm: int = 128
    bands: int = 32
    shingle_size: int = 3
    threshold: float = 0.5
    seed: int = 1

    def __post_init__(self) -> None:
        if self.num_perm % self.bands:
            raise ValueError(f"num_perm ({self.num_perm}) must be a multiple of bands")
        if not 0.0 < self.threshold <= 1.0:
            raise ValueError(f"threshold must be in (0, 1], got {self.threshold}")


class MinHasher:
    """MinHash signatures with universal hashing ``(a·x + b) mod (2^61 − 1)``, vectorised."""

    def __init__(self, settings: DedupSettings | None = None) -> None:
        self.settings = settings or DedupSettings()
        rng = np.random.default_rng(self.settings.seed)
        n = self.settings.num_perm
        self._a = rng.integers(1, int(_MERSENNE), size=n, dtype=np.uint64)
        self._b = rng.integers(0, int(_MERSENNE), size=n, dtype=np.uint64)

    def signature(self, text: str) -> npt.NDArray[np.uint32]:
        """The ``num_perm`` min-hashes of the text's shingles (all 0xFFFFFFFF for no words)."""
        values = shingles(text, self.settings.shingle_size)
        if not values:
            return np.full(self.settings.num_perm, 0xFFFFFFFF, dtype=np.uint32)
        x = np.fromiter(values, dtype=np.uint64, count=len(values))
        # uint64 arithmetic wraps; the wrap is deterministic, which is all MinHash needs here.
        hashed = ((np.outer(x, self._a) + self._b) % _MERSENNE) & _MAX_HASH
        return np.asarray(hashed.min(axis=0), dtype=np.uint32)

    def bands(self, signature: npt.NDArray[np.uint32]) -> list[tuple[int, int]]:
        """``(band, bucket)`` pairs: a signed 64-bit hash of each band's rows."""
        rows = self.settings.num_perm // self.settings.bands
        out = []
        for band in range(self.settings.bands):
            chunk = signature[band * rows : (band + 1) * rows].tobytes()
            digest = hashlib.blake2b(chunk, digest_size=8, person=b"newsgraph-lsh").digest()
            out.append((band, int.from_bytes(digest, "big", signed=True)))
        return out


def similarity(a: npt.NDArray[np.uint32], b: npt.NDArray[np.uint32]) -> float:
    """Estimated Jaccard similarity: the share of equal min-hashes."""
    if len(a) != len(b):
        raise ValueError("signatures of different sizes")
    return float(np.count_nonzero(a == b)) / len(a)


def best_match(
    signature: npt.NDArray[np.uint32],
    candidates: Iterable[tuple[T, npt.NDArray[np.uint32]]],
    threshold: float,
) -> tuple[T, float] | None:
    """The most similar candidate at or above ``threshold`` (the first one on ties), or None."""
    best: tuple[T, float] | None = None
    for key, other in candidates:
        sim = similarity(signature, other)
        if sim >= threshold and (best is None or sim > best[1]):
            best = (key, sim)
    return best


def to_bytes(signature: npt.NDArray[np.uint32]) -> bytes:
    """A signature as little-endian bytes, for a BLOB/BYTEA column."""
    return signature.astype("<u4").tobytes()


def from_bytes(data: bytes) -> npt.NDArray[np.uint32]:
    """The inverse of :func:`to_bytes`."""
    return np.frombuffer(data, dtype="<u4").astype(np.uint32)


def group_near_duplicates(texts: Sequence[str], settings: DedupSettings | None = None) -> list[int]:
    """In-memory grouping: for each text, the index of the first text of its group.

    The same rule the store applies incrementally (each text joins the most similar earlier text
    at or above the threshold, found through shared LSH bands), for callers without a database.
    """
    hasher = MinHasher(settings)
    threshold = hasher.settings.threshold
    buckets: dict[tuple[int, int], list[int]] = {}
    signatures: list[npt.NDArray[np.uint32]] = []
    groups: list[int] = []
    for index, text in enumerate(texts):
        signature = hasher.signature(text)
        band_keys = hasher.bands(signature)
        candidates = sorted({c for key in band_keys for c in buckets.get(key, [])})
        best = best_match(signature, [(c, signatures[c]) for c in candidates], threshold)
        groups.append(index if best is None else groups[best[0]])
        signatures.append(signature)
        for key in band_keys:
            buckets.setdefault(key, []).append(index)
    return groups


def count_groups(groups: Iterable[int]) -> int:
    """Number of distinct groups in a :func:`group_near_duplicates` result."""
    return len(set(groups))
