"""Loader for the static word vectors shipped in ``resources/lexicon/wordvectors.*``.

The table is distilled from the sentence encoder all-MiniLM-L6-v2 by
``scripts/build_word_vectors.py`` (see ``resources/lexicon/README.md`` for the method, the
vocabulary and the rebuild, ``LICENSE.md`` for the licence): 64 dimensions per word, unit length.
Models trained on a few hundred gold sentences use it to treat a word they never saw like the
seen words it resembles, at the cost of a dictionary lookup instead of a run of the encoder.

The table is read once per process on first use and shared; its arrays are read-only so that no
caller can change what another stage sees. A words file whose length disagrees with the matrix is
an error naming both files, since a shifted row would silently give every word its neighbour's
vector.
"""

from __future__ import annotations

import functools
import gzip
from pathlib import Path

import numpy as np
import numpy.typing as npt

__all__ = ["DEFAULT_DIR", "WordVectors", "load_word_vectors"]

DEFAULT_DIR = Path(__file__).resolve().parent / "lexicon"

Vector = npt.NDArray[np.float32]


class WordVectors:
    """Unit-length vectors by lower-case word, with lemma-then-text lookups for tokens."""

    def __init__(self, words: list[str], matrix: Vector) -> None:
        if len(words) != len(matrix):
            raise ValueError(f"{len(words)} words for {len(matrix)} vectors")
        self._index = {word: row for row, word in enumerate(words)}
        self._words = tuple(words)
        self.matrix = matrix
        self.matrix.setflags(write=False)
        self.dim = int(matrix.shape[1])
        self._zero: Vector = np.zeros(self.dim, dtype=np.float32)
        self._zero.setflags(write=False)

    def __len__(self) -> int:
        return len(self._words)

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and word.lower() in self._index

    @property
    def words(self) -> tuple[str, ...]:
        """The words, in the order of the rows of :attr:`matrix` (for callers that index the
        table their own way, such as by spaCy string hashes)."""
        return self._words

    def row(self, word: str) -> int | None:
        """The row of ``word`` (any case) in :attr:`matrix`, or None when it has no vector."""
        return self._index.get(word.lower())

    def vector(self, word: str) -> Vector | None:
        """The vector of ``word`` (any case), or None when the table lacks it."""
        row = self.row(word)
        return None if row is None else self.matrix[row]

    def for_token(self, lemma: str, text: str) -> Vector:
        """A token's vector: by its lemma, else by its text; zeros when neither is known.

        Zeros rather than None because models add the vector to a feature row, where an
        unknown word should contribute nothing.
        """
        row = self.row(lemma)
        if row is None:
            row = self.row(text)
        return self._zero if row is None else self.matrix[row]

    def nearest(self, vector: Vector, k: int = 10) -> list[tuple[str, float]]:
        """The ``k`` words most similar to ``vector`` by cosine, most similar first."""
        norm = float(np.linalg.norm(vector))
        if norm == 0.0:
            return []
        scores = self.matrix @ (vector / norm)
        top = np.argpartition(-scores, min(k, len(scores) - 1))[:k]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [(self._words[row], float(scores[row])) for row in top]


def load_word_vectors(directory: Path | None = None) -> WordVectors:
    """Read the table; ``directory`` defaults to the one shipped in the package (cached).

    Raises ``ValueError`` when the words and the matrix disagree and ``OSError`` if either file
    cannot be read.
    """
    if directory is None:
        return _load_default()
    return _read(Path(directory))


@functools.lru_cache(maxsize=1)
def _load_default() -> WordVectors:
    return _read(DEFAULT_DIR)


def _read(directory: Path) -> WordVectors:
    words_path = directory / "wordvectors.txt.gz"
    matrix_path = directory / "wordvectors.npy"
    words = gzip.decompress(words_path.read_bytes()).decode("utf-8").splitlines()
    matrix = np.load(matrix_path, allow_pickle=False).astype(np.float32)
    if matrix.ndim != 2 or len(words) != len(matrix):
        raise ValueError(
            f"{words_path} lists {len(words)} words but {matrix_path} holds "
            f"{matrix.shape[0] if matrix.ndim else 0} vectors: rebuild both with "
            "scripts/build_word_vectors.py"
        )
    return WordVectors(words, matrix)
