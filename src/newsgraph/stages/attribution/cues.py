"""Attribution cues: which words introduce what somebody said, thought or reported.

A fixed list of speech verbs misses most of what news attributes: PolNeAR marks "voted for",
"endorsed", "seemed", "focuses on" as cues as readily as "said". A learned lexicon alone overfits
to the words it saw. So a cue is scored by a small linear model over sparse, human-readable
features of the candidate token: its lemma, its dependency shape (does it govern a clause? a
subject?), and membership in a hand-curated core lexicon of news reporting verbs. The core lexicon
is what generalises to verbs the training data lacks ("warn", "deny", "vow" in other registers);
the lemma weights carry what the training data knows. The weights ship as JSON
(``resources/attribution/cue_model.json``, rebuilt by ``scripts/build_attribution_cues.py``), and
scoring is a dict lookup per feature, so no pickled estimator or per-call framework overhead.

A misspelt cue ("asid" for "said") is accepted only where the syntax leaves no doubt: see
:class:`Misspellings` and ``indirect.clause_final_cue``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import repeat
from pathlib import Path

from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, LEMMA, LOWER, ORTH, POS, SPACY, TAG
from spacy.tokens import Doc

# Hand-curated reporting verbs of news English (lemmas). Kept deliberately to verbs whose main use
# is to report speech, belief or a public stance, so that the model can trust them on unseen text.
CORE_CUES = frozenset(
    """
    accuse acknowledge add admit affirm agree allege announce answer argue ask assert assure
    believe blame boast brief caution charge cite claim comment complain concede conclude confirm
    contend criticize criticise declare decry demand deny describe disclose dismiss dispute doubt
    echo emphasise emphasize estimate explain express fear find hint hope indicate inform insist
    instruct lament maintain mention note notify object observe order plead pledge point post
    praise predict proclaim promise propose protest question quip recall recount reiterate reject
    remark remind repeat reply report respond retort reveal say scoff shout slam speculate state
    stress suggest swear tell testify threaten think tweet underline underscore urge vow warn
    wonder write
    """.split()
)
# Surface forms of the commonest reporting verbs: the targets of misspelling correction.
_MISSPELLING_TARGETS = {
    "said": "say",
    "says": "say",
    "told": "tell",
    "added": "add",
    "stated": "state",
    "warned": "warn",
    "claimed": "claim",
    "noted": "note",
    "wrote": "write",
    "insisted": "insist",
    "explained": "explain",
    "reported": "report",
    "announced": "announce",
    "declared": "declare",
    "continued": "continue",
    "stressed": "stress",
}
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
# Dependents whose presence says what shape of attribution a verb heads.
_CHILD_DEPS = ("ccomp", "xcomp", "dobj", "nsubj", "nsubjpass", "agent", "dative", "parataxis")
_CONTENT_PREPS = frozenset({"of", "about", "for", "on", "to", "against", "with", "that"})
# The context window of the cue model (token offsets) and what counts as a nearby quote or clause.
_WINDOW = (-3, -2, -1, 1, 2, 3)
_QUOTE_MARKS = frozenset({'"', "''", "``"})
_CLAUSE_DEPS = frozenset({"ccomp", "acl", "advcl", "xcomp"})


@dataclass(frozen=True)
class DocView:
    """A Doc's per-token strings and tree, read from the parse once per document.

    The cue model scores every verb, noun, adjective, auxiliary and proper noun, and its
    features look at each word up to seven times (window, children, head); every ``doc[i]``,
    ``token.children`` and ``lemma_`` builds Python objects, which made building the features
    cost more than scoring them. One :meth:`Doc.to_array` and one string lookup per value
    replace them (the features are the same strings as before).
    """

    lemmas: list[str]  # lower-cased
    lowers: list[str]
    texts: list[str]
    pos: list[str]
    tags: list[str]
    deps: list[str]
    ents: list[str]
    heads: list[int]
    idx: list[int]
    children: list[list[int]]  # in document order, as ``Token.children`` yields them
    text: str  # ``doc.text``, which spaCy rebuilds from Token objects on every read

    @classmethod
    def of(cls, doc: Doc) -> DocView:
        """Read every token's strings, head, character offset and the text."""
        strings = doc.vocab.strings
        table = doc.to_array([LEMMA, LOWER, ORTH, POS, TAG, DEP, ENT_TYPE, IDX, SPACY])
        columns = [[strings[value] for value in column] for column in table.T[:7].tolist()]
        heads = [i + offset for i, offset in enumerate(doc.to_array(HEAD).astype("int64").tolist())]
        children: list[list[int]] = [[] for _ in heads]
        for i, head in enumerate(heads):
            if head != i:
                children[head].append(i)
        lemmas, lowers, texts, pos, tags, deps, ents = columns
        spaces = table[:, 8].tolist()
        pairs = zip(texts, spaces, strict=True)
        text = "".join([word + " " if space else word for word, space in pairs])
        return cls(
            [lemma.lower() for lemma in lemmas],
            lowers,
            texts,
            pos,
            tags,
            deps,
            ents,
            heads,
            table[:, 7].tolist(),
            children,
            text,
        )


def cue_features(
    view: DocView, i: int, sent: tuple[int, int], in_quote: bool, sent_has_quote: bool
) -> list[str]:
    """The sparse features the cue model scores for token ``i`` (shared with the build script).

    ``sent``: the token's sentence as token offsets (start, end); ``in_quote``: the token
    stands inside quotation marks (a speaker's own words), where PolNeAR annotates no nested
    attribution; ``sent_has_quote``: its sentence holds a quotation mark.
    """
    lemma = view.lemmas[i]
    dep = view.deps[i]
    pos = view.pos[i]
    tag = view.tags[i]
    head = view.heads[i]
    children = view.children[i]
    child_deps = {view.deps[c] for c in children}
    feats = [
        "bias",
        f"l={lemma}",
        f"pos={pos}",
        f"tag={tag}",
        f"dep={dep}",
        f"l|dep={lemma}|{dep}",
        f"hdep={view.deps[head]}",
    ]
    if lemma in CORE_CUES:
        feats += ["core", f"core|dep={dep}"]
    if pos in ("NOUN", "ADJ") and len(lemma) > 4:
        feats.append(f"suffix={pos}|{lemma[-3:]}")  # "-ism", "-ion", "-ive": unseen lemmas
    if view.lemmas[head] in CORE_CUES and head != i:
        feats.append(f"head-core|dep={dep}")
    if in_quote:
        feats += ["in-quote", f"l|in-quote={lemma}"]
    feats.append(f"l|tag={lemma}|{tag}")
    if i > 0:
        feats.append(f"prev={view.lowers[i - 1]}")
    if i + 1 < len(view.lowers):
        feats.append(f"next={view.lowers[i + 1]}")
        feats.append(f"l|next={lemma}|{view.lowers[i + 1]}")
    for child_dep in _CHILD_DEPS:
        if child_dep in child_deps:
            feats.append(f"c:{child_dep}")
            feats.append(f"l|c:{lemma}|{child_dep}")
    for child_dep in child_deps:
        feats.append(f"dep|c:{dep}|{child_dep}")
    if head != i:
        feats.append(f"hl={view.lemmas[head]}|{dep}")
        feats.append(f"l|hdep={lemma}|{view.deps[head]}")
    for child in children:
        feats += _child_features(view, i, lemma, child)
    if "ccomp" not in child_deps and dep in ("parataxis", "ROOT") and i > sent[0]:
        feats.append(f"no-ccomp|dep={dep}")
    if sent_has_quote:
        feats.append("quote-in-sentence")
        if lemma in CORE_CUES:
            feats.append("core|quote")
    feats += _context_features(view, i, sent, in_quote)
    return feats


def _child_features(view: DocView, i: int, lemma: str, child: int) -> list[str]:
    """What one dependent says about the token: a content preposition, the predicate a light
    verb or copula carries, negation, a modal, and the kind of its subject or possessor."""
    feats: list[str] = []
    child_dep = view.deps[child]
    if child_dep == "prep" and view.lowers[child] in _CONTENT_PREPS:
        feats.append(f"l|prep={lemma}|{view.lowers[child]}")
    elif child_dep in ("acomp", "xcomp", "oprd") and child > i:
        # The predicate a light verb or copula carries: "are *wary* of", "tend *to support*".
        complement = view.lemmas[child]
        feats.append(f"{child_dep}={complement}")
        if complement in CORE_CUES:
            feats.append("comp-core")
        for grand in view.children[child]:
            if view.deps[grand] == "prep" and view.lowers[grand] in _CONTENT_PREPS:
                feats.append(f"comp|prep={complement}|{view.lowers[grand]}")
    if child_dep == "neg":
        feats.append("neg")
    elif child_dep == "aux" and view.tags[child] == "MD":
        feats.append("modal")
    elif child_dep in ("nsubj", "poss"):
        child_pos = view.pos[child]
        kind = view.ents[child] or ("PRON" if child_pos == "PRON" else child_pos)
        feats.append(f"{child_dep}={kind}")
        feats.append(f"l|{child_dep}={lemma}|{kind}")
    return feats


def _context_features(view: DocView, i: int, sent: tuple[int, int], in_quote: bool) -> list[str]:
    """What a sequence tagger would see around the token: a ±3 window of lemmas and parts of
    speech (±2 of dependency labels), lemma pairs, nearby quotation marks, colons and commas,
    and the shape of the clause or prepositional phrase the token governs.

    PolNeAR's long tail of cues ("questions *about*", "focused *on*", "opposition *to*") is
    told apart from the same words used plainly mostly by what stands next to them; the head's
    own features alone leave those cues below threshold (tuning part: cue-head F1 0.791 →
    0.797 with these added, attribution F1 0.704 → 0.706).
    """
    start, end = sent
    lemmas = view.lemmas
    lemma = lemmas[i]
    feats: list[str] = []
    for offset in _WINDOW:
        j = i + offset
        if start <= j < end:
            feats.append(f"w{offset}:l={lemmas[j]}")
            feats.append(f"w{offset}:p={view.pos[j]}")
            if abs(offset) <= 2:
                feats.append(f"w{offset}:d={view.deps[j]}")
        else:
            feats.append(f"w{offset}:<s>")
    if i + 1 < end:
        feats.append(f"bi+={lemma}|{lemmas[i + 1]}")
    if i > start:
        feats.append(f"bi-={lemmas[i - 1]}|{lemma}")
    after = view.texts[i + 1 : min(end, i + 4)]
    if any(w in _QUOTE_MARKS for w in after):
        feats.append("quote-follows")
    if ":" in after:
        feats.append("colon-follows")
    before = view.texts[max(start, i - 3) : i]
    if any(w in _QUOTE_MARKS for w in before):
        feats.append("quote-precedes")
    if "," in before:
        feats.append("comma-precedes")
    for child in view.children[i]:
        feats += _governed_features(view, i, lemma, child)
    head = view.heads[i]
    feats.append(f"hp|d={view.pos[head]}|{view.deps[i]}")
    if view.heads[head] != head:
        feats.append(f"hhl={lemmas[view.heads[head]]}")
    size = end - start
    feats.append(f"pos={view.pos[i]}|inq={in_quote}")
    feats.append(f"relpos={min(4, (i - start) * 5 // max(1, size))}")
    return feats


def _governed_features(view: DocView, i: int, lemma: str, child: int) -> list[str]:
    """The clause a dependent opens (and its marker: "that", "whether", "to") or the object
    of a preposition it is."""
    feats: list[str] = []
    child_dep = view.deps[child]
    if child_dep in _CLAUSE_DEPS:
        marks = [view.lowers[g] for g in view.children[child] if view.deps[g] in ("mark", "aux")]
        if marks:
            feats.append(f"clause={child_dep}|{marks[0]}")  # "that", "whether", "to"
        feats.append(f"clause={child_dep}|{view.pos[child]}")
        if child > i:
            feats.append(f"l|clause-after={lemma}|{child_dep}")
    elif child_dep == "prep":
        for grand in view.children[child]:
            if view.deps[grand] == "pobj":
                feats.append(f"l|prep|pobj={lemma}|{view.lowers[child]}|{view.pos[grand]}")
            elif view.deps[grand] == "pcomp":
                feats.append(f"l|prep|pcomp={lemma}|{view.lowers[child]}")
    return feats


def has_quote_mark(text: str) -> bool:
    """Whether the text (a sentence's) holds a quotation mark (any of the normalised styles)."""
    return '"' in text or "''" in text or "``" in text


@dataclass(frozen=True)
class CueModel:
    """A linear cue scorer: ``sigmoid(sum of feature weights)``; candidates above ``threshold``."""

    weights: dict[str, float]
    threshold: float
    candidate_pos: frozenset[str]  # only these parts of speech are scored; the rest never cue

    def score(self, features: Iterable[str]) -> float:
        """Probability that the token heads a cue."""
        # map() over dict.get: the same terms summed in the same order, without a generator frame
        total = sum(map(self.weights.get, features, repeat(0.0)))
        return 1.0 / (1.0 + math.exp(-total))

    @classmethod
    def load(cls, path: Path) -> CueModel:
        """Read the JSON written by ``scripts/build_attribution_cues.py``."""
        data = json.loads(path.read_text("utf-8"))
        return cls(
            weights={str(k): float(v) for k, v in data["weights"].items()},
            threshold=float(data["threshold"]),
            candidate_pos=frozenset(data["candidate_pos"]),
        )


class Misspellings:
    """Edit-distance-1 variants of the commonest reporting verbs, minus real words.

    Generated once at load: every deletion, insertion, substitution and transposition of each
    target form ("said" → "asid", "siad", "sadi", "saaid" …). A variant that is a known English
    word ("sad", "aid", "laid", "raid") is never taken for a cue; the caller passes the known
    vocabulary (the backbone's string store holds every word form the model was trained on).
    """

    def __init__(self, known_words: Iterable[str]) -> None:
        known = {w.lower() for w in known_words}
        self._lemma_of: dict[str, str] = {}
        for form, lemma in _MISSPELLING_TARGETS.items():
            for variant in _edits1(form):
                if variant != form and variant not in known:
                    self._lemma_of.setdefault(variant, lemma)

    def lemma(self, word: str) -> str | None:
        """The reporting verb ``word`` is a one-edit misspelling of, if any."""
        return self._lemma_of.get(word.lower())


def _edits1(word: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    transposes = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    replaces = {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
    inserts = {a + c + b for a, b in splits for c in _LETTERS}
    return deletes | transposes | replaces | inserts
