"""Hashed, vectorised features over the spaCy parse, shared by training and inference.

Speed is the point of this module. The stage must cost a small fraction of the parse, so no
feature is built as a Python string per token: spaCy already holds every token attribute as a
64-bit hash (``doc.to_array``), and each feature is that hash mixed with a template number and
folded into a fixed number of buckets, all as numpy array arithmetic. Training
(``scripts/train_framing.py``) calls exactly these functions, so what the model learned and
what it sees at run time cannot drift apart.

Three feature sets are built:

* token features (:func:`token_features`): a fixed number of bucket indices per token for the
  in-a-technique-span tagger — the word, lemma, part of speech, dependency and shape in a
  window, the learned loaded-word lexicon, VADER's valence and intensifiers (:mod:`.affect`),
  quotation state, exclamation/question marks, repetition of the word in the article, and
  sentence-level context;
* unit features (:func:`unit_stats`): a short dense row per sentence for the sentence scorer —
  summaries of the tagger's logits, of learned word and word-pair log-odds and of VADER
  valences, punctuation, superlatives, capitals, position, the neighbours' and the article's
  scores;
* span features (:func:`span_features`): a variable bag per candidate span for the technique
  classifier — the span's lemmas and their WordNet supersenses, its edges and surroundings,
  length, how much of its sentence it covers, and whether its text recurs in the article.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from spacy.attrs import (
    DEP,
    ENT_TYPE,
    HEAD,
    IS_PUNCT,
    IS_SPACE,
    IS_STOP,
    LEMMA,
    LOWER,
    POS,
    SENT_START,
    SHAPE,
    SUFFIX,
    TAG,
)
from spacy.strings import StringStore
from spacy.tokens import Doc

from newsgraph.stages.framing.affect import (
    STRONG_VALENCE,
    AffectColumns,
    AffectLexicon,
    load_affect,
    sorted_lookup,
)
from newsgraph.stages.framing.vectors import VECTOR_DIM, VectorTable, load_vector_table

U64 = npt.NDArray[np.uint64]
I64 = npt.NDArray[np.int64]
F32 = npt.NDArray[np.float32]

_ATTRS = [LOWER, LEMMA, POS, TAG, DEP, SHAPE, SUFFIX, ENT_TYPE, HEAD, SENT_START, IS_PUNCT]
_ATTRS += [IS_SPACE, IS_STOP]
(_LOWER, _LEMMA, _POS, _TAG, _DEP, _SHAPE, _SUFFIX, _ENT, _HEAD, _SSTART, _PUNCT) = range(11)
_SPACE, _STOP = 11, 12

_MASK64 = (1 << 64) - 1
_GOLDEN = 0x9E3779B97F4A7C15
_MIX1 = np.uint64(0xBF58476D1CE4E5B9)
_MIX2 = np.uint64(0x94D049BB133111EB)
_PAD = np.uint64(0x5DEECE66D)  # the value of a window position outside the document
_SHIFT30, _SHIFT27, _SHIFT31 = np.uint64(30), np.uint64(27), np.uint64(31)

# Lexicon bins are small integers.
LEXICON_BINS = 8
# The LOWER hashes of the quotation mark, "!" and "?" as spaCy computes them (stable: spaCy's
# string hashes are MurmurHash of the text; a unit test checks them against the vocab).
QUOTE_HASH = np.uint64(15884554869126768810)
EXCLAIM_HASH = np.uint64(17494803046312582752)
QUESTION_HASH = np.uint64(8205403955989537350)
# The TAG hashes of the superlatives JJS and RBS ("the worst", "most").
SUPERLATIVE_HASHES = np.array([StringStore().add(tag) for tag in ("JJS", "RBS")], dtype=np.uint64)


@dataclass(frozen=True)
class Lexicon:
    """Lemma hash → bin of how often the lemma sits inside a technique span in training.

    ``keys`` is sorted so a whole document is looked up with one ``np.searchsorted``. Bin 0 is
    "unknown or never in a span"; higher bins mean a higher smoothed inside-rate.
    """

    keys: U64
    bins: npt.NDArray[np.uint8]

    def lookup(self, lemmas: U64) -> U64:
        """The bin of each lemma (0 where the lemma is not in the lexicon)."""
        bins: U64 = sorted_lookup(self.keys, self.bins, lemmas, np.uint64)
        return bins


@dataclass(frozen=True)
class LogOdds:
    """Word (or word-pair) hash → smoothed log-odds of lying inside a technique span.

    Learned from PTC by ``scripts/train_framing.py`` and measured against the prior, so 0 means
    "no evidence" and is also the value of an unseen key. ``keys`` is sorted for
    ``np.searchsorted``.
    """

    keys: U64
    values: npt.NDArray[np.float32]

    def lookup(self, hashes: U64) -> npt.NDArray[np.float64]:
        """The log-odds of each hash (0 where the hash is not in the table)."""
        odds: npt.NDArray[np.float64] = sorted_lookup(self.keys, self.values, hashes, np.float64)
        return odds


def _mix(values: U64, template: int) -> U64:
    """SplitMix64 finaliser of ``values`` salted with the template number."""
    h = values ^ np.uint64((template * _GOLDEN) & _MASK64)
    h = (h ^ (h >> _SHIFT30)) * _MIX1
    h = (h ^ (h >> _SHIFT27)) * _MIX2
    result: U64 = h ^ (h >> _SHIFT31)
    return result


def _pair(a: U64, b: U64) -> U64:
    """Combine two hash columns into one (order matters)."""
    return _mix(a, 1) ^ b


def _shift(col: U64, offset: int) -> U64:
    """The column seen ``offset`` tokens away (positive = to the right), padded at the ends."""
    out = np.full_like(col, _PAD)
    if offset > 0:
        out[:-offset] = col[offset:]
    elif offset < 0:
        out[-offset:] = col[:offset]
    else:
        out[:] = col
    return out


def _bucket(values: npt.NDArray[np.int64], edges: list[int]) -> U64:
    """Small-integer bucket of each value (index of the first edge it is below)."""
    return np.searchsorted(np.asarray(edges), values, side="right").astype(np.uint64)


@dataclass(frozen=True)
class DocArrays:
    """Per-token attribute columns of one parsed document, computed once and shared."""

    attrs: U64
    sent_ids: I64
    quoted: U64
    lex: U64
    repeat: U64
    text_flags: U64
    unit_ids: I64
    shouted: npt.NDArray[np.bool_]
    affect: AffectColumns
    vectors: F32

    def word_keys(self) -> U64:
        """The hash each token's word is looked up by in a word :class:`LogOdds` table."""
        keys: U64 = self.attrs[:, _LOWER]
        return keys

    def pair_keys(self) -> U64:
        """The hash of each token's word paired with the next one's (the last pairs with a pad)."""
        lower = self.attrs[:, _LOWER]
        return _pair(lower, _shift(lower, 1))


def doc_arrays(
    doc: Doc,
    lexicon: Lexicon,
    affect: AffectLexicon | None = None,
    vectors: VectorTable | None = None,
) -> DocArrays:
    """Read the attribute columns of ``doc`` and derive sentence, quote and lexicon columns.

    ``affect`` defaults to the shipped VADER tables (:func:`.affect.load_affect`), ``vectors``
    to the shipped word vectors (:func:`.vectors.load_vector_table`).
    """
    attrs: U64 = doc.to_array(_ATTRS).astype(np.uint64)
    n = len(doc)
    starts = attrs[:, _SSTART].astype(np.int64) == 1
    if n:
        starts[0] = True
    sent_ids = np.cumsum(starts) - 1
    orth = [t.text for t in doc]
    is_quote = np.fromiter((o == '"' for o in orth), dtype=bool, count=n)
    newline = np.fromiter(("\n" in o for o in orth), dtype=bool, count=n)
    # Inside quotation marks: an odd number of quote tokens since the line began.
    before = np.cumsum(is_quote) - is_quote
    line_ids = np.cumsum(newline)
    if n:
        first_of_line = np.r_[0, np.flatnonzero(np.diff(line_ids)) + 1]
        line_base = before[first_of_line][line_ids - line_ids[0]]
    else:
        line_base = before
    quoted = ((before - line_base) % 2).astype(np.uint64)
    lex = lexicon.lookup(attrs[:, _LEMMA])
    content = (attrs[:, _STOP] == 0) & (attrs[:, _PUNCT] == 0) & (attrs[:, _SPACE] == 0)
    _, inverse, counts = np.unique(attrs[:, _LOWER], return_inverse=True, return_counts=True)
    repeat = np.where(content, _bucket(counts[inverse].astype(np.int64), [2, 3, 5]), 9)
    exclaim = np.fromiter(("!" in o for o in orth), dtype=bool, count=n)
    question = np.fromiter(("?" in o for o in orth), dtype=bool, count=n)
    n_sents = int(sent_ids[-1]) + 1 if n else 0
    sent_excl = np.bincount(sent_ids, weights=exclaim, minlength=n_sents) > 0
    sent_quest = np.bincount(sent_ids, weights=question, minlength=n_sents) > 0
    flags = (sent_excl[sent_ids].astype(np.uint64) << np.uint64(1)) | sent_quest[sent_ids]
    # Units: sentences, cut again at line breaks (PTC has one sentence a line; spaCy sometimes
    # runs two lines together). Whitespace tokens belong to no unit (-1).
    breaks = starts | np.r_[False, newline[:-1]] if n else starts
    unit_ids = np.cumsum(breaks) - 1
    unit_ids = np.where(attrs[:, _SPACE] == 1, -1, unit_ids).astype(np.int64)
    shouted = np.fromiter((len(o) > 1 and o.isupper() for o in orth), dtype=bool, count=n)
    affect_columns = (affect or load_affect()).lookup(
        attrs[:, _LOWER], attrs[:, _LEMMA], attrs[:, _POS]
    )
    token_vectors = (vectors or load_vector_table()).token_vectors(
        attrs[:, _LEMMA], attrs[:, _LOWER]
    )
    return DocArrays(
        attrs,
        sent_ids,
        quoted,
        lex,
        repeat.astype(np.uint64),
        flags,
        unit_ids,
        shouted,
        affect_columns,
        token_vectors,
    )


# Number of columns unit_stats returns; the model stores it to check compatibility.
N_UNIT_FEATURES = 26 + VECTOR_DIM


def _unit_summary(
    ids: I64, values: npt.NDArray[np.float64], n_units: int
) -> npt.NDArray[np.float64]:
    """Highest, mean of the three highest, and mean of ``values`` per unit (zeros if empty)."""
    out = np.zeros((n_units, 3), dtype=np.float64)
    keep = np.flatnonzero(ids >= 0)
    order = keep[np.lexsort((-values[keep], ids[keep]))]
    sorted_ids = ids[order]
    present, first, counts = np.unique(sorted_ids, return_index=True, return_counts=True)
    ordered = values[order]
    rank = np.arange(len(order)) - np.repeat(first, counts)
    top = np.bincount(sorted_ids, weights=np.where(rank < 3, ordered, 0.0), minlength=n_units)
    out[present, 0] = ordered[first]
    out[present, 1] = top[present] / np.minimum(counts, 3)
    out[present, 2] = np.bincount(sorted_ids, weights=ordered, minlength=n_units)[present] / counts
    return out


def unit_stats(
    arrays: DocArrays,
    token_logits: npt.NDArray[np.float64],
    words: LogOdds,
    pairs: LogOdds,
) -> npt.NDArray[np.float64]:
    """Per-unit features, the input of the sentence scorer (one row per unit id).

    Whether a sentence carries a technique at all is easier to judge from all its tokens
    together than token by token, and the SI metric rewards finding the right sentences most.
    Columns: the highest, top-3 mean and mean of the tagger's token logits (0–2); the unit's log
    length (3); whether it holds a quotation mark, ``!`` or ``?`` (4–6); the same three
    summaries of the learned word log-odds (7–9) and word-pair log-odds (10–12), which see
    loaded words the hashed tagger spreads over many buckets; a superlative (13); the share of
    all-capital words (14); the unit's relative position and whether it is the title (15, 16);
    the previous and next unit's top-3 tagger logit (17, 18; a unit at an edge repeats its
    own), because techniques cluster; and the article's mean top-3 tagger logit and word
    log-odds (19, 20), because some articles are loaded throughout and others not at all;
    VADER's view of the unit's words (21–25): the highest and mean absolute valence, the log of
    1 + the summed absolute valence, of 1 + the number of strongly charged words and of 1 + the
    number of clearly negative ones, which covers charged words PTC's log-odds never saw; and
    the mean word vector of the unit (26 on), which places a sentence of unseen words near the
    sentences of seen words it resembles.
    """
    ids = arrays.unit_ids
    n_units = int(ids.max()) + 1 if len(ids) else 0
    out = np.zeros((n_units, N_UNIT_FEATURES), dtype=np.float64)
    if n_units == 0:
        return out
    keep = ids >= 0
    counts = np.bincount(ids[keep], minlength=n_units)
    present = counts > 0
    out[:, 0:3] = _unit_summary(ids, token_logits, n_units)
    out[present, 3] = np.log(counts[present])
    lower = arrays.attrs[:, _LOWER]
    for column, mark in ((4, QUOTE_HASH), (5, EXCLAIM_HASH), (6, QUESTION_HASH)):
        out[:, column] = np.bincount(ids[keep], weights=lower[keep] == mark, minlength=n_units) > 0
    out[:, 7:10] = _unit_summary(ids, words.lookup(arrays.word_keys()), n_units)
    out[:, 10:13] = _unit_summary(ids, pairs.lookup(arrays.pair_keys()), n_units)
    superlative = np.isin(arrays.attrs[:, _TAG], SUPERLATIVE_HASHES)
    out[:, 13] = np.bincount(ids[keep], weights=superlative[keep], minlength=n_units) > 0
    shouted = np.bincount(ids[keep], weights=arrays.shouted[keep], minlength=n_units)
    out[present, 14] = shouted[present] / counts[present]
    out[:, 15] = np.arange(n_units) / max(n_units - 1, 1)
    out[0, 16] = 1.0
    top3 = out[:, 1]
    out[:, 17] = np.r_[top3[:1], top3[:-1]]
    out[:, 18] = np.r_[top3[1:], top3[-1:]]
    out[:, 19] = top3.mean()
    out[:, 20] = out[:, 8].mean()
    out[:, 21:26] = _affect_summary(ids[keep], arrays.affect.valence[keep], n_units, counts)
    sums = np.zeros((n_units, VECTOR_DIM), dtype=np.float64)
    np.add.at(sums, ids[keep], arrays.vectors[keep])
    out[:, 26:] = sums / np.maximum(counts, 1)[:, None]
    return out


def _affect_summary(
    ids: I64, valence: npt.NDArray[np.float64], n_units: int, counts: I64
) -> npt.NDArray[np.float64]:
    """The five VADER columns of :func:`unit_stats` for tokens with unit ids ``ids``."""
    charge = np.abs(valence)
    highest = np.zeros(n_units, dtype=np.float64)
    np.maximum.at(highest, ids, charge)
    total = np.bincount(ids, weights=charge, minlength=n_units)
    strong = np.bincount(ids, weights=charge >= STRONG_VALENCE, minlength=n_units)
    negative = np.bincount(ids, weights=valence <= -1.5, minlength=n_units)
    mean = total / np.maximum(counts, 1)
    columns = [highest, mean, np.log1p(total), np.log1p(strong), np.log1p(negative)]
    summary: npt.NDArray[np.float64] = np.stack(columns, axis=1)
    return summary


# Number of columns token_features returns; the model stores it to check compatibility.
N_TOKEN_FEATURES = 45


# Number of columns token_dense returns: the word's vector and its neighbours' mean vector.
N_DENSE_FEATURES = 2 * VECTOR_DIM


def token_dense(arrays: DocArrays) -> F32:
    """A ``(tokens, N_DENSE_FEATURES)`` matrix of dense tagger features: word vectors.

    The token's own vector lets the tagger score a loaded word it never saw like the seen words
    near it; the mean vector of the two tokens either side (zeros past the document's ends)
    does the same for its context ("occupying" before "forces").
    """
    own = arrays.vectors
    n = own.shape[0]
    around = np.zeros_like(own)
    for offset in (1, 2):
        if n > offset:
            around[:-offset] += own[offset:]
            around[offset:] += own[:-offset]
    dense: F32 = np.hstack([own, around * np.float32(0.25)])
    return dense


def token_features(arrays: DocArrays, n_buckets: int) -> I64:
    """A ``(tokens, N_TOKEN_FEATURES)`` matrix of bucket indices for the span tagger."""
    a = arrays.attrs
    n = a.shape[0]
    lower, lemma, pos, dep = a[:, _LOWER], a[:, _LEMMA], a[:, _POS], a[:, _DEP]
    sent_ids = arrays.sent_ids
    n_sents = int(sent_ids[-1]) + 1 if n else 0
    sent_len = np.bincount(sent_ids, minlength=n_sents)
    first = np.r_[0, np.cumsum(sent_len)[:-1]] if n else np.zeros(0, dtype=np.int64)
    in_sent = np.arange(n) - first[sent_ids]
    rel_pos = (in_sent * 4 // np.maximum(sent_len[sent_ids], 1)).astype(np.uint64)
    len_bucket = _bucket(sent_len[sent_ids].astype(np.int64), [4, 8, 15, 25, 40])
    high_lex = (arrays.lex >= LEXICON_BINS - 3).astype(np.int64)
    sent_high = np.bincount(sent_ids, weights=high_lex, minlength=n_sents).astype(np.int64)
    sent_lexmax = np.zeros(n_sents, dtype=np.int64)
    if n:
        np.maximum.at(sent_lexmax, sent_ids, arrays.lex.astype(np.int64))
    head = np.arange(n) + a[:, _HEAD].astype(np.int64)  # HEAD is a relative offset
    head = np.clip(head, 0, max(n - 1, 0))
    title = (sent_ids == 0).astype(np.uint64)
    lex = arrays.lex
    valence = arrays.affect.valence_bin()
    modifier = arrays.affect.modifier_code()
    strong = np.abs(arrays.affect.valence) >= STRONG_VALENCE
    sent_strong = np.bincount(sent_ids, weights=strong, minlength=n_sents).astype(np.int64)
    columns: list[U64] = [
        np.zeros(n, dtype=np.uint64),  # bias
        lower,
        _shift(lower, -1),
        _shift(lower, 1),
        _shift(lower, -2),
        _shift(lower, 2),
        lemma,
        _pair(_shift(lower, -1), lower),
        _pair(lower, _shift(lower, 1)),
        pos,
        _shift(pos, -1),
        _shift(pos, 1),
        _shift(pos, -2),
        _shift(pos, 2),
        _pair(_shift(pos, -1), pos),
        _pair(pos, _shift(pos, 1)),
        a[:, _TAG],
        dep,
        _pair(dep, pos),
        _pair(dep, lemma[head]),
        lemma[head],
        a[:, _SHAPE],
        a[:, _SUFFIX],
        a[:, _ENT],
        lex,
        _shift(lex, -1),
        _shift(lex, 1),
        _pair(lex, pos),
        _bucket(sent_high[sent_ids], [1, 2, 4]),
        sent_lexmax[sent_ids].astype(np.uint64),
        arrays.quoted,
        _pair(arrays.quoted, pos),
        arrays.repeat,
        arrays.text_flags,
        _pair(rel_pos, len_bucket),
        title,
        _pair(title, pos),
        _pair(a[:, _SHAPE], _shift(a[:, _SHAPE], 1)),
        # VADER: valence here and next door, a booster/dampener/negation before a rated word,
        # and how many strongly charged words the sentence holds.
        valence,
        _pair(valence, pos),
        _shift(valence, -1),
        _shift(valence, 1),
        _pair(_shift(modifier, -1), valence),
        modifier,
        _bucket(sent_strong[sent_ids], [1, 2, 4]),
    ]
    if len(columns) != N_TOKEN_FEATURES:
        raise AssertionError("token feature count out of step with N_TOKEN_FEATURES")
    mixed = np.stack([_mix(col, t + 100) for t, col in enumerate(columns)], axis=1)
    result: I64 = (mixed % np.uint64(n_buckets)).astype(np.int64)
    return result


# Number of columns span_dense returns: the span's mean word vector and its last word's.
N_SPAN_DENSE_FEATURES = 2 * VECTOR_DIM


def span_dense(arrays: DocArrays, spans: list[tuple[int, int]]) -> F32:
    """Dense technique-classifier features per span: its mean word vector and its last word's.

    The mean places a span of unseen words near the seen spans of its technique; the last word
    is usually the head of a label ("murderers of our nation" aside), the word that says
    whether it names a person, a threat or a feeling.
    """
    dense = np.zeros((len(spans), N_SPAN_DENSE_FEATURES), dtype=np.float32)
    for row, (start, end) in enumerate(spans):
        dense[row, :VECTOR_DIM] = arrays.vectors[start:end].mean(axis=0)
        dense[row, VECTOR_DIM:] = arrays.vectors[end - 1]
    return dense


def span_features(
    doc: Doc, arrays: DocArrays, spans: list[tuple[int, int]], n_buckets: int
) -> tuple[I64, I64]:
    """Bags of bucket indices for candidate spans (token ranges ``[start, end)``).

    Returns ``(indices, row_starts)``: span ``i`` owns ``indices[row_starts[i]:row_starts[i+1]]``
    (CSR layout, so training builds a sparse matrix from it and inference sums weight rows with
    ``np.add.reduceat``).
    """
    a = arrays.attrs
    n = a.shape[0]
    lemma, lower, pos = a[:, _LEMMA], a[:, _LOWER], a[:, _POS]
    # WordNet supersenses generalise the lemmas: "thugs" and "traitors" (noun.person) are name
    # calling where PTC never saw the word, "catastrophe" (noun.event) is not.
    sense = arrays.affect.supersense
    sent_ids = arrays.sent_ids
    n_sents = int(sent_ids[-1]) + 1 if n else 0
    sent_len = np.bincount(sent_ids, minlength=n_sents)
    text_lower = doc.text.lower()
    pieces: list[U64] = []
    lengths: list[int] = []
    pad = np.array([_PAD], dtype=np.uint64)
    for start, end in spans:
        before = lower[start - 1 : start] if start > 0 else pad
        before2 = lemma[start - 2 : start - 1] if start > 1 else pad
        after = lower[end : end + 1] if end < n else pad
        sid = int(sent_ids[start])
        size = end - start
        span_text = text_lower[doc[start].idx : doc[end - 1].idx + len(doc[end - 1])]
        recurs = min(text_lower.count(span_text), 3) if span_text.strip() else 0
        scalars = np.array(
            [
                min(size, 12),
                min(size * 4 // max(int(sent_len[sid]), 1), 5),
                recurs,
                int(arrays.quoted[start]),
                int(arrays.text_flags[start]),
                int(sent_ids[start] == 0),
                int(arrays.lex[start:end].max()),
                min(size // 4, 6) * 10 + recurs,
            ],
            dtype=np.uint64,
        )
        parts = [
            _mix(lemma[start:end], 1),
            _mix(pos[start:end], 2),
            _mix(_pair(pos[start:end], lemma[start:end]), 3),
            _mix(lemma[start : start + 1], 4),
            _mix(lemma[end - 1 : end], 5),
            _mix(before, 6),
            _mix(after, 7),
            _mix(before2, 8),
            _mix(_pair(lemma[start:end][:-1], lemma[start:end][1:]), 9),
            _mix(scalars, 10) ^ _mix(np.arange(len(scalars), dtype=np.uint64), 11),
            _mix(np.zeros(1, dtype=np.uint64), 12),
            _mix(sense[start:end], 13),
            _mix(sense[end - 1 : end], 14),
        ]
        bag = np.concatenate(parts)
        pieces.append(bag)
        lengths.append(len(bag))
    if not pieces:
        return np.zeros(0, dtype=np.int64), np.zeros(1, dtype=np.int64)
    indices: I64 = (np.concatenate(pieces) % np.uint64(n_buckets)).astype(np.int64)
    row_starts: I64 = np.r_[0, np.cumsum(lengths)].astype(np.int64)
    return indices, row_starts
