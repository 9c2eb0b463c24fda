"""From per-token scores to technique spans.

Each token has a decoding score: the tagger's probability that it lies inside some technique
span, combined with its sentence's score (``TechniqueModel.token_scores``). A span is a run of
tokens at or above ``token_threshold``; short gaps inside a run (a determiner or a comma the
tagger scored a little low) are bridged so "traitors and criminals" stays one span, but never
across a line break or a quotation mark, and a quotation mark never joins a run however high its
sentence scores; edge punctuation and whitespace are trimmed because
the PTC annotation guidelines ("version 2" boundaries) never start or end a span with them. A
span never ends inside a hyphenated word, and a run with no content word ("against the") is no
span: neither is how PTC marks techniques, and both looked like noise to readers. The
span's raw score is the mean token score; :func:`platt` turns it into a calibrated confidence.
"""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt
from spacy.tokens import Doc

# Characters a span never starts or ends with (PTC's boundary convention), plus quote marks
# and brackets whose pairing the tagger cannot see.
_EDGE_CHARS = frozenset(" \n\t.,:;\"'()[]-")
_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM", "INTJ"})


def propose_spans(
    doc: Doc,
    probs: npt.NDArray[np.float64],
    token_threshold: float,
    max_gap: int,
) -> list[tuple[int, int, float]]:
    """Token ranges ``(start, end, mean score)`` of the runs above the threshold."""
    above = probs >= token_threshold
    # A quotation mark ends a run even when its sentence lifts it over the threshold: the words
    # on its two sides are usually different people's (see _no_break).
    above &= np.fromiter((t.text != '"' for t in doc), dtype=bool, count=len(doc))
    hits = np.flatnonzero(above)
    if len(hits) == 0:
        return []
    runs: list[list[int]] = []
    for i in hits.tolist():
        if runs and i - runs[-1][1] <= max_gap + 1 and _no_break(doc, runs[-1][1], i):
            runs[-1][1] = i
        else:
            runs.append([i, i])
    spans: list[tuple[int, int, float]] = []
    for first, last in runs:
        start, end = first, last + 1
        while start < end and _is_edge(doc[start].text):
            start += 1
        while end > start and _is_edge(doc[end - 1].text):
            end -= 1
        start, end = _whole_words(doc, start, end)
        if start < end and any(doc[k].pos_ in _CONTENT_POS for k in range(start, end)):
            spans.append((start, end, float(probs[start:end].mean())))
    return spans


def _whole_words(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Widen ``[start, end)`` so that it never cuts a hyphenated word ("al-Muhandis").

    spaCy splits such words at the hyphen, and the hyphen is an edge character, so a run can
    stop inside a name; PTC spans always cover whole words.
    """
    while start >= 2 and doc[start - 1].text == "-" and _glued(doc, start - 2, start):
        start -= 2
    while end + 1 < len(doc) and doc[end].text == "-" and _glued(doc, end - 1, end + 1):
        end += 2
    return start, end


def _glued(doc: Doc, first: int, last: int) -> bool:
    """True when the tokens ``first..last`` follow each other with no whitespace."""
    return all(not doc[k].whitespace_ for k in range(first, last))


def _no_break(doc: Doc, last: int, nxt: int) -> bool:
    """True when no line break or quotation mark lies between two positive tokens.

    Runs never jump lines, and never jump a quotation mark: the words on either side of one
    are usually different people's (a quoted speaker's and the outlet's), and a span that
    mixed them could be credited to neither.
    """
    return all("\n" not in doc[k].text and doc[k].text != '"' for k in range(last + 1, nxt))


def _is_edge(text: str) -> bool:
    return all(ch in _EDGE_CHARS for ch in text)


def platt(score: float, slope: float, intercept: float) -> float:
    """Platt scaling of a raw span score, fitted on out-of-fold training predictions."""
    z = slope * score + intercept
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    ez = math.exp(z)
    return ez / (1.0 + ez)
