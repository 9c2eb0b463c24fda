"""Typing verbs the trigger lexicon lacks by their nearest lexicon verb in vector space.

The trigger lexicon (CAMEO verbs plus a curated list) was tuned on a few hundred sentences, and
the held-out errors are mostly words it never saw. A verb that is not in the lexicon at all is
compared, by the cosine of the shared static word vectors (``resources/lexicon/wordvectors``),
with every single-word lexicon verb; when the nearest one is at least ``min_similarity`` close,
the verb is coded like it, CAMEO code, PLOVER type and mode. A nearest verb with no event of
its own (a reporting verb, a verb coded only by its object patterns) keeps the new verb silent
too. One neighbour, not a vote: on the tune part's simulation of unseen verbs (every lexicon
verb that occurs in only one half cut from the lexicon, scored on that half), the nearest verb
alone at 0.7 recovered the most events; larger neighbourhoods and lower thresholds admitted
more wrong types than they found (see docs/events.md). The nearest verb lends its coding only
when WordNet files both verbs' most frequent senses under one class (issue 6, fifth round):
on whole opinion articles the vectors' neighbours of another class ("prove" → "verify",
"radio" → "station", "work" → "pay") gave only false events.
"""

from __future__ import annotations

import functools

import numpy as np
import numpy.typing as npt

from newsgraph.resources.wordnet import load_wordnet
from newsgraph.resources.wordvectors import WordVectors, load_word_vectors
from newsgraph.stages.events.triggers import Trigger, TriggerLexicon

# Cosine of the nearest lexicon verb below which an unknown verb stays unknown (tune part).
MIN_SIMILARITY = 0.7


class TriggerNeighbours:
    """Nearest-neighbour typing of unknown verbs against the lexicon's single-word verbs."""

    def __init__(
        self,
        lexicon: TriggerLexicon,
        vectors: WordVectors,
        min_similarity: float = MIN_SIMILARITY,
    ) -> None:
        self.min_similarity = min_similarity
        self._vectors = vectors
        self._known = frozenset(lexicon.verbs) | {head for head, _ in lexicon.phrasal}
        rows: list[int] = []
        self._triggers: list[Trigger] = []
        self._lemmas: list[str] = []
        for lemma, trigger in sorted(lexicon.verbs.items()):
            row = vectors.row(lemma)
            if row is not None:
                rows.append(row)
                self._triggers.append(trigger)
                self._lemmas.append(lemma)
        self._matrix: npt.NDArray[np.float32] = vectors.matrix[rows]
        # Per-instance cache: a news batch repeats its verbs, and the lexicon never changes.
        self.lookup = functools.lru_cache(maxsize=4096)(self._lookup)

    def _lookup(self, lemma: str) -> Trigger | None:
        """The coding an unknown verb borrows from its nearest lexicon verb, or None."""
        if lemma in self._known:
            return None
        vector = self._vectors.vector(lemma)
        if vector is None or not len(self._triggers):
            return None
        scores = self._matrix @ vector
        best = int(np.argmax(scores))
        source = self._triggers[best]
        if float(scores[best]) < self.min_similarity or source.type is None:
            return None
        if not same_class(lemma, self._lemmas[best]):
            return None
        return Trigger(lemma, source.code, source.type, source.mode, "VERB")


def same_class(lemma: str, neighbour: str) -> bool:
    """Whether WordNet files two verbs' most frequent senses under one class (supersense),
    or lacks either verb. Words that share contexts need not share a meaning: "prove" (a
    state) lies next to "verify", "radio" (speech) next to "station" (deploying troops),
    "work" next to "pay"; only a neighbour of the same class lends its coding."""
    wordnet = load_wordnet()
    mine, theirs = wordnet.supersenses(lemma, "v"), wordnet.supersenses(neighbour, "v")
    return not mine or not theirs or mine[0] == theirs[0]


@functools.lru_cache(maxsize=2)
def load_neighbours(lexicon: TriggerLexicon) -> TriggerNeighbours:
    """Neighbours over the given lexicon and the shared word vectors (built once)."""
    return TriggerNeighbours(lexicon, load_word_vectors())
