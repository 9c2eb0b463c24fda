"""Rebuild the shipped WordNet word-sense lexicon from the WordNet 3.0 database files.

Run ``.venv/bin/python scripts/build_wordnet_lexicon.py [--wordnet-dir /usr/share/wordnet]``
from the repository root. It reads the Princeton WordNet 3.0 ``index.{noun,verb,adj,adv}`` and
``data.{noun,verb,adj,adv}`` files (Debian package ``wordnet-base`` 1:3.0-37 installs them in
``/usr/share/wordnet``; the WordNet licence is permissive and is reproduced in
``resources/lexicon/LICENSE.md``) and writes ``src/newsgraph/resources/lexicon/wordnet.tsv.gz``.

Why a derived file rather than WordNet itself: the stages need three facts per lemma, cheaply and
offline — its supersenses (the lexicographer files: ``verb.communication``, ``noun.person`` …),
the hypernym ancestors of its most frequent senses ("bomb" → "attack" → "operation" …), and, for
nouns and adjectives, the verbs they derive from ("allegation" → "allege"). These generalise the
hand lexicons and the models trained on small gold sets to words those sets never contain. The
full database is 30 MB of text with pointers to chase; the derived table is a few megabytes and
is read with one pass.

Row format (tab-separated, one row per lemma and part of speech, sorted):
``lemma  pos  supersenses  ancestors  derived_verbs`` where ``pos`` is ``n``, ``v``, ``a`` or
``r``; ``supersenses`` lists the lexicographer files of all senses in WordNet's frequency order,
without repeats; ``ancestors`` the head words (first lemma) of the hypernym synsets of the first
``--ancestor-senses`` senses, nearest first, without repeats; ``derived_verbs`` the verbs linked by
a derivational pointer to the first ``--ancestor-senses`` senses. Lists are joined by ``|``;
multi-word lemmas keep WordNet's underscores replaced by spaces. The output is deterministic
(gzip without a timestamp), so a rebuild from the same files is byte-identical.

Besides the standard library it needs only the package's own ``newsgraph.resources.wordnet``
(the supersense names, shared with the models that code supersenses as numbers).
"""

from __future__ import annotations

import argparse
import gzip
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from newsgraph.resources.wordnet import LEXNAMES

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = REPO_ROOT / "src" / "newsgraph" / "resources" / "lexicon" / "wordnet.tsv.gz"
DEFAULT_WORDNET_DIR = Path("/usr/share/wordnet")
SOURCE_VERSION = "WordNet 3.0 (Debian wordnet-base 1:3.0-37)"

POS_FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
HYPERNYM_POINTERS = frozenset({"@", "@i"})
MAX_DEPTH = 12


@dataclass(frozen=True)
class Synset:
    """The parts of one data.* line the lexicon needs."""

    lexname: str
    words: tuple[str, ...]
    hypernyms: tuple[str, ...]
    # Derivational pointers to verbs: (source word number, target synset offset, target word
    # number); word numbers count from 1, 0 meaning the whole synset, as in the data files.
    derived_verbs: tuple[tuple[int, str, int], ...]

    @property
    def head(self) -> str:
        """The synset's first word, which names it in the ancestor lists."""
        return self.words[0]


def main(argv: list[str] | None = None) -> int:
    """Parse the command line, build the table and write it; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wordnet-dir", type=Path, default=DEFAULT_WORDNET_DIR)
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--ancestor-senses", type=int, default=2)
    args = parser.parse_args(argv)
    missing = [
        name
        for pos in POS_FILES.values()
        for name in (f"index.{pos}", f"data.{pos}")
        if not (args.wordnet_dir / name).is_file()
    ]
    if missing:
        print(
            f"build_wordnet_lexicon: {args.wordnet_dir} lacks {', '.join(missing)}; install "
            f"{SOURCE_VERSION} (apt-get install wordnet-base) or pass --wordnet-dir",
            file=sys.stderr,
        )
        return 2
    rows = sorted(_rows(args.wordnet_dir, args.ancestor_senses))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    text = "".join("\t".join(row) + "\n" for row in rows).encode("utf-8")
    with (
        args.output.open("wb") as raw,
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as handle,
    ):
        handle.write(text)
    print(f"wrote {len(rows)} rows to {args.output} from {SOURCE_VERSION}")
    return 0


def _rows(wordnet_dir: Path, ancestor_senses: int) -> Iterator[tuple[str, ...]]:
    synsets = {
        (pos, offset): synset
        for pos, name in POS_FILES.items()
        for offset, synset in _read_data(wordnet_dir / f"data.{name}")
    }
    for pos, name in POS_FILES.items():
        for lemma, offsets in _read_index(wordnet_dir / f"index.{name}"):
            senses = [synsets[(pos, offset)] for offset in offsets]
            supersenses = _unique(s.lexname for s in senses)
            top = [(pos, offset) for offset in offsets[:ancestor_senses]]
            ancestors = _unique(a for key in top for a in _ancestors(key, synsets))
            text = lemma.replace("_", " ")
            derived = _unique(v for key in top for v in _derived_verbs(text, key, synsets))
            yield (
                text,
                pos,
                "|".join(supersenses),
                "|".join(a for a in ancestors if a != text),
                "|".join(derived),
            )


def _ancestors(key: tuple[str, str], synsets: dict[tuple[str, str], Synset]) -> Iterator[str]:
    """Breadth-first hypernym heads, nearest first, bounded so a cycle cannot loop."""
    frontier = [key]
    seen = {key}
    for _ in range(MAX_DEPTH):
        following: list[tuple[str, str]] = []
        for current in frontier:
            for offset in synsets[current].hypernyms:
                parent = (current[0], offset)
                if parent in seen:
                    continue
                seen.add(parent)
                yield synsets[parent].head
                following.append(parent)
        if not following:
            return
        frontier = following


def _derived_verbs(
    lemma: str, key: tuple[str, str], synsets: dict[tuple[str, str], Synset]
) -> Iterator[str]:
    """The verbs a derivational pointer of ``lemma``'s word in synset ``key`` leads to."""
    synset = synsets[key]
    for source, offset, target in synset.derived_verbs:
        if source and synset.words[source - 1] != lemma:
            continue
        words = synsets[("v", offset)].words
        yield words[target - 1] if target else words[0]


def _read_index(path: Path) -> Iterator[tuple[str, list[str]]]:
    """Yield (lemma, synset offsets in frequency order) from an index.* file."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith(" "):
                continue  # the licence header
            fields = line.split()
            p_cnt = int(fields[3])
            synset_cnt = int(fields[2])
            offsets_start = 4 + p_cnt + 2
            yield fields[0], fields[offsets_start : offsets_start + synset_cnt]


def _read_data(path: Path) -> Iterator[tuple[str, Synset]]:
    """Yield (offset, Synset) from a data.* file."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith(" "):
                continue
            fields = line.split(" | ")[0].split()
            w_cnt = int(fields[3], 16)
            words = fields[4 : 4 + 2 * w_cnt : 2]
            p_start = 4 + 2 * w_cnt
            p_cnt = int(fields[p_start])
            hypernyms: list[str] = []
            derived: list[tuple[int, str, int]] = []
            for i in range(p_cnt):
                symbol, offset, pos, numbers = fields[p_start + 1 + 4 * i : p_start + 5 + 4 * i]
                if symbol in HYPERNYM_POINTERS:
                    hypernyms.append(offset)
                elif symbol == "+" and pos == "v":
                    derived.append((int(numbers[:2], 16), offset, int(numbers[2:], 16)))
            yield (
                fields[0],
                Synset(
                    lexname=LEXNAMES[int(fields[1])],
                    words=tuple(_lemma_text(word) for word in words),
                    hypernyms=tuple(hypernyms),
                    derived_verbs=tuple(derived),
                ),
            )


def _lemma_text(word: str) -> str:
    """WordNet's word form: underscores for spaces, adjective markers like ``(a)`` appended."""
    return word.split("(")[0].replace("_", " ").lower()


def _unique(items: Iterator[str] | list[str]) -> list[str]:
    return list(dict.fromkeys(items))


if __name__ == "__main__":
    sys.exit(main())
