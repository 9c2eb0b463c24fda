"""From per-token scores to technique spans.

Each token has a decoding score: the tagger's probability that it lies inside some technique
span, combined with its sentence's score (``TechniqueModel.token_scores``). A span is a run of
tokens at or above ``token_threshold``; short gaps inside a run (a determiner or a comma the
tagger scored a little low) are bridged so "traitors and criminals" stays one span, but never
across a line break or a quotation mark, and a quotation mark never joins a run however high its
sentence scores; edge punctuation and whitespace are trimmed because
the PTC annotation guidelines ("version 2" boundaries) never start or end a span with them. A
span's edges then follow words and phrases (:func:`_phrase_edges`): never inside a word
("al-Muhandis", "Iraq's"), never on a word that modifies one just past the edge ("Iran's top
anti-terror [commander]"), never ending on a preposition, determiner, conjunction or possessive
marker nor starting on a preposition or conjunction, and never cutting a name in two. A run with
no content word ("against the") is no span: none of these is how PTC marks techniques, and all
looked like noise to readers. The span's raw score is the mean token score; :func:`platt` turns
it into a calibrated confidence.
"""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt
from spacy.tokens import Doc, Token

# Characters a span never starts or ends with (PTC's boundary convention), plus quote marks
# and brackets whose pairing the tagger cannot see.
_EDGE_CHARS = frozenset(" \n\t.,:;\"'()[]-")
_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM", "INTJ"})
# Dependency labels of a word that belongs to the phrase of a later head word: a span ending on
# one of them ends mid-phrase ("the Iraqi-Syrian [border]").
_MODIFIER_DEPS = frozenset(
    {"compound", "amod", "poss", "det", "nummod", "nmod", "flat", "predet", "quantmod", "npadvmod"}
)
# A dangling modifier's head is taken into the span only this many tokens on; a longer reach
# is usually a parse error.
_MAX_PHRASE_REACH = 4
# A span does not end on these coarse tags (nor on a possessive marker), nor start on the first two.
_FUNCTION_END_POS = frozenset({"ADP", "DET", "CCONJ", "SCONJ"})
_FUNCTION_START_POS = frozenset({"ADP", "CCONJ"})
# Name parts: a span starting on the last words of a name takes the whole name.
_NAME_DEPS = frozenset({"compound", "flat"})


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
        start, end = _phrase_edges(doc, start, end)
        if start < end and any(doc[k].pos_ in _CONTENT_POS for k in range(start, end)):
            spans.append((start, end, float(probs[start:end].mean())))
    return spans


def _phrase_edges(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Move the edges of ``[start, end)`` to word and phrase boundaries.

    A run stops where the token scores fall, which is often inside a phrase: on "the" or "top"
    before the noun they belong to, on "Iraq" before its "'s", on "of" before its object. PTC
    spans (and readers) take whole phrases, so a span ending on a modifier takes the head it
    modifies (up to :data:`_MAX_PHRASE_REACH` tokens on, never past a line break, sentence end
    or quotation mark), a trailing function word or leading preposition is dropped, and a span
    starting inside a name takes the whole name. A possessive whose noun lies past a quotation
    mark (a run never crosses one) is dropped with its modifiers instead: "of Iran's pledged"
    before '"harsh revenge"'. Chosen out of fold: extending to the head raised SI F1, while
    dropping the dangling words in every case where the head is out of reach lowered it (see
    docs/framing.md).
    """
    start, end = _whole_words(doc, start, end)
    while start < end:
        head = _dangling_head(doc, end - 1)
        if head < 0:
            break
        if head - (end - 1) <= _MAX_PHRASE_REACH and _no_break(doc, end - 1, head + 1):
            end = head + 1
            start, end = _whole_words(doc, start, end)
            continue
        if _possessive_cut_by_quote(doc, start, end, head):
            while end > start and (
                _dangling_head(doc, end - 1) >= end or _is_edge(doc[end - 1].text)
            ):
                end -= 1
        break
    while end > start and (_function_end(doc[end - 1]) or _is_edge(doc[end - 1].text)):
        if doc[end - 1].tag_ == "POS" and end - 1 > start and not doc[end - 2].whitespace_:
            end -= 1  # the owner goes with its "'s": "of Iraq's" is cut back to "of"
        end -= 1
    while start < end and (_function_start(doc[start]) or _is_edge(doc[start].text)):
        start += 1
    while start > 0 and _name_part_before(doc, start, end):
        start -= 1
    return start, end


def _dangling_head(doc: Doc, last: int) -> int:
    """The index of the word after ``last`` that ``last`` modifies, or -1 if none.

    A possessive marker stands for its owner: in "Iraq's anti-terror forces", "'s" depends on
    "Iraq", which depends on "forces".
    """
    token = doc[last]
    if token.dep_ == "case" and token.head.i < last:
        token = token.head
    if token.dep_ in _MODIFIER_DEPS and token.head.i > last:
        return int(token.head.i)
    if token.dep_ == "punct" and token.head.i > last and not token.whitespace_:
        return int(token.head.i)  # the hyphen of "Iraqi-Syrian"
    return -1


def _possessive_cut_by_quote(doc: Doc, start: int, end: int, head: int) -> bool:
    """True when a quotation mark separates ``head`` from the span's last words, which hang on
    it, and a possessive marker comes just before or among them ("Iran's pledged" before
    '"harsh revenge"'; the small parser does not always mark "Iran" as the owner).
    """
    if not any(doc[k].text == '"' for k in range(end, head + 1)):
        return False
    first = end
    while first > start and _dangling_head(doc, first - 1) >= end:
        first -= 1
    return any(doc[k].tag_ == "POS" for k in range(max(first - 1, start), end))


def _function_end(token: Token) -> bool:
    return token.pos_ in _FUNCTION_END_POS or token.tag_ == "POS"


def _function_start(token: Token) -> bool:
    return token.pos_ in _FUNCTION_START_POS or token.tag_ == "POS"


def _name_part_before(doc: Doc, start: int, end: int) -> bool:
    """True when the word before ``start`` is part of a name (or compound) inside the span."""
    before = doc[start - 1]
    return (
        before.dep_ in _NAME_DEPS
        and start <= before.head.i < end
        and bool(before.whitespace_)
        and _no_break(doc, start - 2, start)
        and not doc[start].is_sent_start
    )


def _whole_words(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Widen ``[start, end)`` so that it never cuts a word ("al-Muhandis", "Iraq's").

    spaCy splits such words at the hyphen or apostrophe, and the hyphen is an edge character,
    so a run can stop inside a name; PTC spans always cover whole words. Tokens glued together
    (no whitespace between) whose text holds a letter or digit, or is a hyphen, form one word;
    edge characters left at the ends are trimmed again.
    """
    while start > 0 and _glued_word(doc, start - 1):
        start -= 1
    while end < len(doc) and _glued_word(doc, end - 1):
        end += 1
    while start < end and _is_edge(doc[start].text):
        start += 1
    while end > start and _is_edge(doc[end - 1].text):
        end -= 1
    return start, end


def _glued_word(doc: Doc, left: int) -> bool:
    """True when tokens ``left`` and ``left + 1`` touch and both are word pieces."""
    return not doc[left].whitespace_ and _word_piece(doc[left]) and _word_piece(doc[left + 1])


def _word_piece(token: Token) -> bool:
    return token.text == "-" or any(ch.isalnum() for ch in token.text)


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
