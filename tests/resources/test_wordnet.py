"""The shipped WordNet word-sense lexicon: it loads, answers the lookups the stages rely on,
rejects a malformed file with its line, and is exactly what ``scripts/build_wordnet_lexicon.py``
builds from WordNet 3.0 (Debian ``wordnet-base``; without it the rebuild test skips, except in
CI, where ``NEWSGRAPH_REQUIRE_WORDNET`` makes a missing WordNet a failure)."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsgraph.resources.wordnet import DEFAULT_PATH, LEXNAMES, load_wordnet

REPO_ROOT = Path(__file__).resolve().parents[2]
BUILD_SCRIPT = REPO_ROOT / "scripts" / "build_wordnet_lexicon.py"
WORDNET_DIR = Path("/usr/share/wordnet")


def test_lexicon_loads_all_parts_of_speech() -> None:
    lexicon = load_wordnet()
    assert len(lexicon) > 150_000
    assert lexicon.supersenses("say", "v")[0] == "verb.communication"
    assert lexicon.supersenses("traitor", "n") == ("noun.person",)
    assert lexicon.supersenses("fierce", "a")


def test_ancestors_generalise_attack_verbs() -> None:
    lexicon = load_wordnet()
    assert "attack" in lexicon.senses("shell", "v").ancestors
    assert "attack" in lexicon.senses("bomb", "v").ancestors
    assert "attack" not in lexicon.senses("say", "v").ancestors


def test_derived_verbs_and_case_insensitive_lookup() -> None:
    lexicon = load_wordnet()
    assert "assert" in lexicon.senses("Assertion", "n").derived_verbs


def test_unknown_lemma_has_no_senses() -> None:
    senses = load_wordnet().senses("qwzxv", "n")
    assert senses.supersenses == senses.ancestors == senses.derived_verbs == ()


def test_iteration_and_supersense_names() -> None:
    lexicon = load_wordnet()
    keys = list(lexicon)
    assert len(keys) == len(lexicon) and keys == sorted(keys)
    assert all(name in LEXNAMES for key in keys[:2000] for name in lexicon.supersenses(*key))


def test_malformed_row_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "wordnet.tsv.gz"
    path.write_bytes(gzip.compress(b"say\tv\tverb.communication\texpress\t\nbroken\tq\n"))
    with pytest.raises(ValueError, match=r"wordnet\.tsv\.gz:2: malformed"):
        load_wordnet(path)


def test_rebuild_is_byte_identical(tmp_path: Path) -> None:
    if not (WORDNET_DIR / "data.noun").is_file():
        if os.environ.get("NEWSGRAPH_REQUIRE_WORDNET"):
            pytest.fail(f"{WORDNET_DIR} lacks WordNet 3.0 (apt-get install wordnet-base)")
        pytest.skip(f"{WORDNET_DIR} lacks WordNet 3.0 (apt-get install wordnet-base)")
    output = tmp_path / "wordnet.tsv.gz"
    subprocess.run(
        [sys.executable, str(BUILD_SCRIPT), "--output", str(output)],
        check=True,
        capture_output=True,
    )
    assert output.read_bytes() == DEFAULT_PATH.read_bytes()


def test_build_without_wordnet_fails_clearly(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(BUILD_SCRIPT), "--wordnet-dir", str(tmp_path)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert "apt-get install wordnet-base" in result.stderr
