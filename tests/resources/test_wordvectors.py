"""The shipped static word vectors: they load, cover the WordNet lemmas they were built from,
place related news words near each other, look tokens up by lemma then text, and a words file
that disagrees with the matrix is refused with both file names.

The rebuild itself (``scripts/build_word_vectors.py``) needs torch and the encoder package, which
the test environment does not install; the coverage test ties the shipped table to the shipped
WordNet lexicon instead."""

from __future__ import annotations

import gzip
import re
import shutil
from pathlib import Path

import numpy as np
import pytest

from newsgraph.resources.wordnet import load_wordnet
from newsgraph.resources.wordvectors import DEFAULT_DIR, load_word_vectors


def test_vectors_are_unit_length_and_read_only() -> None:
    vectors = load_word_vectors()
    assert len(vectors) > 80_000
    assert vectors.dim == 64
    norms = np.linalg.norm(vectors.matrix, axis=1)
    assert np.allclose(norms, 1.0, atol=2e-3)
    with pytest.raises(ValueError, match="read-only"):
        vectors.matrix[0, 0] = 0.0


def test_every_single_word_wordnet_lemma_has_a_vector() -> None:
    vectors = load_word_vectors()
    word = re.compile(r"[a-z][a-z'-]*")
    lemmas = {lemma for lemma, _pos in load_wordnet() if word.fullmatch(lemma)}
    missing = sorted(lemma for lemma in lemmas if lemma not in vectors)
    assert not missing, missing[:10]


def test_related_news_words_are_neighbours() -> None:
    vectors = load_word_vectors()

    def neighbours(word: str) -> set[str]:
        vector = vectors.vector(word)
        assert vector is not None
        return {found for found, _score in vectors.nearest(vector, k=12)}

    assert "consulate" in neighbours("embassy")
    assert "detained" in neighbours("arrest")
    assert {"betray", "treason"} & neighbours("traitor")
    assert "bombing" not in neighbours("embassy")


def test_token_lookup_prefers_lemma_then_text_then_zeros() -> None:
    vectors = load_word_vectors()
    by_lemma = vectors.for_token("shell", "shelled")
    assert np.array_equal(by_lemma, vectors.matrix[vectors.row("shell") or 0])
    by_text = vectors.for_token("-PRON-", "They")
    assert np.array_equal(by_text, vectors.matrix[vectors.row("they") or 0])
    unknown = vectors.for_token("qqzxv", "Qqzxv")
    assert unknown.shape == (64,)
    assert not unknown.any()


def test_mismatched_words_file_is_refused(tmp_path: Path) -> None:
    shutil.copy(DEFAULT_DIR / "wordvectors.npy", tmp_path / "wordvectors.npy")
    (tmp_path / "wordvectors.txt.gz").write_bytes(gzip.compress(b"one\ntwo\n", mtime=0))
    with pytest.raises(ValueError, match=r"lists 2 words but .*wordvectors\.npy holds"):
        load_word_vectors(tmp_path)
