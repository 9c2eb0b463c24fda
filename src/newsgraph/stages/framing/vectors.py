"""The package's static word vectors, keyed by spaCy's string hashes for whole-document lookups.

The tagger and the sentence scorer learn from a few hundred articles, so most charged words of a
new article are words they never saw; the word vectors (``resources/lexicon/wordvectors.*``,
distilled from all-MiniLM-L6-v2, see :mod:`newsgraph.resources.wordvectors`) place such a word
near the seen ones it resembles. Like every other table of the framing model, the vectors are
looked up by the 64-bit hashes spaCy already holds for each token (one ``np.searchsorted`` per
document, no Python string per token): by the lemma first, then by the lower-case word, as
:meth:`WordVectors.for_token` does.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import numpy.typing as npt
from spacy.strings import StringStore

from newsgraph.resources.wordvectors import DEFAULT_DIR, WordVectors, load_word_vectors

U64 = npt.NDArray[np.uint64]
I64 = npt.NDArray[np.int64]
F32 = npt.NDArray[np.float32]

# Dimensions of the shipped vectors; the feature counts of the tagger and the sentence scorer
# depend on it, so a table of another size is refused.
VECTOR_DIM = 64


@dataclass(frozen=True)
class VectorTable:
    """Word hash → vector. ``matrix`` row 0 is zeros, the vector of every unknown word.

    ``keys`` (sorted spaCy hashes of the vocabulary words) and ``rows`` (their rows in
    ``matrix``) are parallel arrays.
    """

    keys: U64
    rows: I64
    matrix: F32

    def token_vectors(self, lemmas: U64, lowers: U64) -> F32:
        """Each token's vector by its lemma hash, else its lower-case word hash, else zeros."""
        rows = self._rows(lemmas)
        missing = rows == 0
        rows[missing] = self._rows(lowers[missing])
        vectors: F32 = self.matrix[rows]
        return vectors

    def _rows(self, hashes: U64) -> I64:
        pos = np.minimum(np.searchsorted(self.keys, hashes), len(self.keys) - 1)
        rows: I64 = np.where(self.keys[pos] == hashes, self.rows[pos], 0)
        return rows


def vector_table(vectors: WordVectors) -> VectorTable:
    """Index ``vectors`` by the spaCy hash of each (lower-case) word."""
    if vectors.dim != VECTOR_DIM:
        raise ValueError(f"word vectors have {vectors.dim} dimensions, the model {VECTOR_DIM}")
    strings = StringStore()
    words = vectors.words
    hashes = np.fromiter((strings.add(w) for w in words), dtype=np.uint64, count=len(words))
    order = np.argsort(hashes, kind="stable")
    matrix = np.vstack([np.zeros((1, VECTOR_DIM), np.float32), vectors.matrix])
    matrix.setflags(write=False)
    return VectorTable(hashes[order], (order + 1).astype(np.int64), matrix)


@lru_cache(maxsize=1)
def load_vector_table() -> VectorTable:
    """The shipped vectors as a :class:`VectorTable` (built once per process, ~0.3 s)."""
    return vector_table(load_word_vectors())


def vectors_sha256() -> str:
    """sha256 of the shipped vector matrix, which the framing model records and checks at load."""
    return hashlib.sha256((DEFAULT_DIR / "wordvectors.npy").read_bytes()).hexdigest()
