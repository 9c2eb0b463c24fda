"""General-language lexicons the PTC articles cannot teach: VADER 3.3.2 and WordNet 3.0.

Loaded language and name calling, the two largest techniques, are emotionally charged words,
exaggeration leans on intensifiers, and a name-calling label is usually a word for a person
("traitors", "thugs") where loaded language is not. A few hundred training articles see only a
fraction of such words, so the framing model also reads, from
``resources/framing/affect.npz`` (built by ``scripts/build_framing_lexicons.py``; sources,
versions and licences in that folder's README and LICENSE):

* VADER's human-rated valences (-4 … +4) of ~7.2k words, its booster and dampener words
  ("extremely", "barely") and its negations (tagger and sentence scorer features);
* the WordNet supersense (lexicographer file: ``noun.person``, ``verb.emotion``, …) of the most
  frequent sense of a lemma in its part of speech (technique classifier features).

Keyed by spaCy's 64-bit string hashes, so a document is looked up with one ``np.searchsorted``
per table, like the learned lexicons in :mod:`.features`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from spacy.symbols import ADJ, ADV, NOUN, VERB

from newsgraph.errors import ModelFileError

U64 = npt.NDArray[np.uint64]
I8 = npt.NDArray[np.int8]

RESOURCE_PATH = Path(__file__).resolve().parent.parent.parent / "resources" / "framing"
AFFECT_FILE = "affect.npz"
# Modifier codes: VADER's boosters, dampeners and negations.
BOOSTER, DAMPENER, NEGATION = 1, -1, 2
# A word at least this far from neutral counts as strongly charged (VADER's scale is -4 … 4).
STRONG_VALENCE = 2.0
# WordNet's part-of-speech letters and the spaCy coarse tag read as each (proper nouns are left
# out: a name's WordNet sense, if it has one, is usually another word's).
WORDNET_POS = {"n": int(NOUN), "v": int(VERB), "a": int(ADJ), "r": int(ADV)}
_SALT = np.uint64(0x9E3779B97F4A7C15)


def sense_keys(lemmas: U64, pos_ids: U64) -> U64:
    """Key of (lemma hash, spaCy POS id) pairs in the supersense table."""
    with np.errstate(over="ignore"):  # wrapping multiplication is the point
        keys: U64 = lemmas ^ (pos_ids.astype(np.uint64) * _SALT)
    return keys


@dataclass(frozen=True)
class AffectLexicon:
    """The sorted hash tables of VADER and WordNet.

    ``valence`` is the mean rating times 10 (int8) of each word hash in ``valence_keys``;
    ``modifier`` is :data:`BOOSTER`, :data:`DAMPENER` or :data:`NEGATION` for each word hash in
    ``modifier_keys``; ``supersense`` is WordNet's lexicographer file number + 1 for each
    :func:`sense_keys` key in ``supersense_keys``.
    """

    valence_keys: U64
    valence: I8
    modifier_keys: U64
    modifier: I8
    supersense_keys: U64
    supersense: npt.NDArray[np.uint8]

    def lookup(self, words: U64, lemmas: U64, pos_ids: U64) -> AffectColumns:
        """Per-token columns of a document from its LOWER, LEMMA and POS columns."""
        # VADER rates surface forms; an inflection it lacks ("traitors") falls back to the lemma.
        by_word = sorted_lookup(self.valence_keys, self.valence, words, np.int64)
        by_lemma = sorted_lookup(self.valence_keys, self.valence, lemmas, np.int64)
        valence = np.where(by_word != 0, by_word, by_lemma).astype(np.float64) / 10.0
        modifier = sorted_lookup(self.modifier_keys, self.modifier, words, np.int64)
        keys = sense_keys(lemmas, pos_ids)
        sense = sorted_lookup(self.supersense_keys, self.supersense, keys, np.uint64)
        return AffectColumns(valence, modifier, sense)


@dataclass(frozen=True)
class AffectColumns:
    """Per-token valence (-4 … 4, 0 when unrated), modifier code and supersense (0: none)."""

    valence: npt.NDArray[np.float64]
    modifier: npt.NDArray[np.int64]
    supersense: U64

    def valence_bin(self) -> U64:
        """Valence rounded to an integer and shifted to 1 … 9 (0: not in VADER)."""
        shifted = np.clip(np.rint(self.valence), -4, 4) + 5
        result: U64 = np.where(self.valence != 0, shifted, 0).astype(np.uint64)
        return result

    def modifier_code(self) -> U64:
        """The modifier as a small non-negative integer (for hashing)."""
        code: U64 = (self.modifier + 2).astype(np.uint64)
        return code


def sorted_lookup(
    keys: U64, values: npt.NDArray[Any], hashes: U64, dtype: type[Any]
) -> npt.NDArray[Any]:
    """``values`` of each hash in the sorted ``keys`` (0 where absent), as ``dtype``: one
    ``np.searchsorted`` for a whole document. Every hash table of the framing model uses it."""
    if len(keys) == 0:
        return np.zeros(len(hashes), dtype=dtype)
    pos = np.minimum(np.searchsorted(keys, hashes), len(keys) - 1)
    found: npt.NDArray[Any] = np.where(keys[pos] == hashes, values[pos], 0).astype(dtype)
    return found


@lru_cache(maxsize=2)
def load_affect(directory: Path = RESOURCE_PATH) -> AffectLexicon:
    """Read ``affect.npz`` (built by ``scripts/build_framing_lexicons.py``)."""
    path = directory / AFFECT_FILE
    try:
        with np.load(path, allow_pickle=False) as data:
            return AffectLexicon(
                data["valence_keys"],
                data["valence"],
                data["modifier_keys"],
                data["modifier"],
                data["supersense_keys"],
                data["supersense"],
            )
    except (OSError, KeyError, ValueError) as exc:
        raise ModelFileError(
            f"framing lexicons not readable in {path}: {exc}; rebuild it with "
            "scripts/build_framing_lexicons.py"
        ) from exc


def affect_sha256(directory: Path = RESOURCE_PATH) -> str:
    """Checksum of ``affect.npz``: training stores it in ``model.json``, loading checks it."""
    return hashlib.sha256((directory / AFFECT_FILE).read_bytes()).hexdigest()
