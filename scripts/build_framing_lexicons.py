"""Build ``resources/framing/affect.npz`` from VADER 3.3.2 and WordNet 3.0.

Usage::

    PYTHONPATH=/tmp/buildpkgs .venv/bin/python scripts/build_framing_lexicons.py \
        [--out src/newsgraph/resources/framing]

Build-time sources, never read at run time (only the derived hash tables ship):

* ``vaderSentiment`` 3.3.2 (MIT licence, C.J. Hutto): its ``vader_lexicon.txt`` (word, mean
  valence of ten human ratings, ...) and the module's ``BOOSTER_DICT`` and ``NEGATE`` lists;
* WordNet 3.0 (Princeton WordNet licence) through the package's own word-sense lexicon
  (``resources/lexicon/wordnet.tsv.gz``, built by ``scripts/build_wordnet_lexicon.py``): the
  first supersense listed for a lemma is that of its most frequent sense.

Only single alphabetic words are kept (emoticons and multiword entries never match one spaCy
token); a WordNet lemma keeps the supersense of its most frequent sense. Retrain the model
(``scripts/train_framing.py``) after a rebuild: ``model.json`` stores this file's sha256 and
loading checks it.
"""

from __future__ import annotations

import argparse
import sys
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from spacy.strings import StringStore

from newsgraph.resources.wordnet import LEXNAMES, load_wordnet
from newsgraph.stages.framing.affect import (
    AFFECT_FILE,
    BOOSTER,
    DAMPENER,
    NEGATION,
    WORDNET_POS,
    sense_keys,
)

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "src" / "newsgraph" / "resources" / "framing"
VADER_VERSION = "3.3.2"
WORDNET_VERSION = "3.0"


def vader_tables() -> tuple[dict[str, float], dict[str, int]]:
    """VADER's word valences and its modifier words; exits with a message if VADER is missing."""
    try:
        version = metadata.version("vaderSentiment")
        from vaderSentiment import vaderSentiment as vader
    except (ImportError, metadata.PackageNotFoundError):
        sys.exit(
            f"build_framing_lexicons: vaderSentiment {VADER_VERSION} is not importable; put it "
            "on PYTHONPATH (e.g. PYTHONPATH=/tmp/buildpkgs)"
        )
    if version != VADER_VERSION:
        sys.exit(f"build_framing_lexicons: vaderSentiment {version} found, need {VADER_VERSION}")
    lexicon_path = Path(vader.__file__).with_name("vader_lexicon.txt")
    if not lexicon_path.exists():
        sys.exit(f"build_framing_lexicons: {lexicon_path} is missing")
    valence: dict[str, float] = {}
    for line in lexicon_path.read_text("utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) >= 2 and fields[0].isalpha():
            valence[fields[0].lower()] = float(fields[1])
    modifiers = {
        word: BOOSTER if boost > 0 else DAMPENER
        for word, boost in vader.BOOSTER_DICT.items()
        if " " not in word
    }
    modifiers.update(dict.fromkeys(vader.NEGATE, NEGATION))
    return valence, modifiers


def wordnet_senses() -> dict[tuple[str, str], int]:
    """(lemma, pos letter) → lexicographer file number of the lemma's most frequent sense."""
    lexicon = load_wordnet()
    senses: dict[tuple[str, str], int] = {}
    for lemma, letter in lexicon:
        if not lemma.isalpha():
            continue  # multiword ("armed forces") and numeric lemmas
        supersenses = lexicon.supersenses(lemma, letter)
        if supersenses:
            senses[(lemma, letter)] = LEXNAMES.index(supersenses[0])
    return senses


def sorted_table(
    keys: npt.NDArray[np.uint64], values: list[int], dtype: type[np.integer[Any]]
) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.integer[Any]]]:
    """Keys sorted for ``np.searchsorted``, with their values in the same order."""
    order = np.argsort(keys, kind="stable")
    return keys[order], np.asarray(values, dtype=dtype)[order]


def hashed(words: list[str]) -> npt.NDArray[np.uint64]:
    """Words as spaCy's 64-bit string hashes (what ``doc.to_array`` returns)."""
    strings = StringStore()
    return np.array([strings.add(word) for word in words], dtype=np.uint64)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    valence, modifiers = vader_tables()
    senses = wordnet_senses()
    valence_keys, valence_values = sorted_table(
        hashed(list(valence)), [round(v * 10) for v in valence.values()], np.int8
    )
    modifier_keys, modifier_values = sorted_table(
        hashed(list(modifiers)), list(modifiers.values()), np.int8
    )
    pos_ids = np.array([WORDNET_POS[letter] for _, letter in senses], dtype=np.uint64)
    supersense_keys, supersense_values = sorted_table(
        sense_keys(hashed([lemma for lemma, _ in senses]), pos_ids),
        [number + 1 for number in senses.values()],
        np.uint8,
    )
    args.out.mkdir(parents=True, exist_ok=True)
    with (args.out / AFFECT_FILE).open("wb") as handle:
        np.savez_compressed(
            handle,
            valence_keys=valence_keys,
            valence=valence_values,
            modifier_keys=modifier_keys,
            modifier=modifier_values,
            supersense_keys=supersense_keys,
            supersense=supersense_values,
        )
    print(
        f"{len(valence_keys)} VADER {VADER_VERSION} words, {len(modifier_keys)} modifiers, "
        f"{len(supersense_keys)} WordNet {WORDNET_VERSION} lemmas -> {args.out / AFFECT_FILE}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
