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
from pathlib import Path

from spacy.tokens import Span, Token

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
class SentenceView:
    """A sentence's word strings, read from the parse once: the context window looks at each
    word up to seven times, and every ``doc[i]`` and ``lemma_`` builds a Python object."""

    start: int
    lemmas: list[str]
    pos: list[str]
    deps: list[str]
    texts: list[str]

    @classmethod
    def of(cls, sent: Span) -> SentenceView:
        """Read the sentence's lemmas (lower-cased), parts of speech, labels and word forms."""
        return cls(
            sent.start,
            [t.lemma_.lower() for t in sent],
            [t.pos_ for t in sent],
            [t.dep_ for t in sent],
            [t.text for t in sent],
        )


def cue_features(
    token: Token, sent: Span, in_quote: bool, sent_has_quote: bool, view: SentenceView
) -> list[str]:
    """The sparse features the cue model scores (shared with the build script).

    ``sent`` is the token's sentence (passed in: ``token.sent`` walks the whole Doc each call);
    ``in_quote``: the token stands inside quotation marks (a speaker's own words), where PolNeAR
    annotates no nested attribution; ``sent_has_quote``: its sentence holds a quotation mark;
    ``view``: :meth:`SentenceView.of` the same sentence.
    """
    lemma = token.lemma_.lower()
    dep = token.dep_
    children = list(token.children)
    child_deps = {c.dep_ for c in children}
    feats = [
        "bias",
        f"l={lemma}",
        f"pos={token.pos_}",
        f"tag={token.tag_}",
        f"dep={dep}",
        f"l|dep={lemma}|{dep}",
        f"hdep={token.head.dep_}",
    ]
    if lemma in CORE_CUES:
        feats += ["core", f"core|dep={dep}"]
    if token.pos_ in ("NOUN", "ADJ") and len(lemma) > 4:
        feats.append(f"suffix={token.pos_}|{lemma[-3:]}")  # "-ism", "-ion", "-ive": unseen lemmas
    if token.head.lemma_.lower() in CORE_CUES and token.head.i != token.i:
        feats.append(f"head-core|dep={dep}")
    if in_quote:
        feats += ["in-quote", f"l|in-quote={lemma}"]
    feats.append(f"l|tag={lemma}|{token.tag_}")
    doc = token.doc
    if token.i > 0:
        feats.append(f"prev={doc[token.i - 1].lower_}")
    if token.i + 1 < len(doc):
        feats.append(f"next={doc[token.i + 1].lower_}")
        feats.append(f"l|next={lemma}|{doc[token.i + 1].lower_}")
    for child_dep in _CHILD_DEPS:
        if child_dep in child_deps:
            feats.append(f"c:{child_dep}")
            feats.append(f"l|c:{lemma}|{child_dep}")
    for child_dep in child_deps:
        feats.append(f"dep|c:{dep}|{child_dep}")
    head = token.head
    if head.i != token.i:
        feats.append(f"hl={head.lemma_.lower()}|{dep}")
        feats.append(f"l|hdep={lemma}|{head.dep_}")
    for child in children:
        if child.dep_ == "prep" and child.lower_ in _CONTENT_PREPS:
            feats.append(f"l|prep={lemma}|{child.lower_}")
        elif child.dep_ in ("acomp", "xcomp", "oprd") and child.i > token.i:
            # The predicate a light verb or copula carries: "are *wary* of", "tend *to support*".
            complement = child.lemma_.lower()
            feats.append(f"{child.dep_}={complement}")
            if complement in CORE_CUES:
                feats.append("comp-core")
            for grand in child.children:
                if grand.dep_ == "prep" and grand.lower_ in _CONTENT_PREPS:
                    feats.append(f"comp|prep={complement}|{grand.lower_}")
        if child.dep_ == "neg":
            feats.append("neg")
        elif child.dep_ == "aux" and child.tag_ == "MD":
            feats.append("modal")
        elif child.dep_ in ("nsubj", "poss"):
            kind = child.ent_type_ or ("PRON" if child.pos_ == "PRON" else child.pos_)
            feats.append(f"{child.dep_}={kind}")
            feats.append(f"l|{child.dep_}={lemma}|{kind}")
    if "ccomp" not in child_deps and dep in ("parataxis", "ROOT") and token.i > sent.start:
        feats.append(f"no-ccomp|dep={dep}")
    if sent_has_quote:
        feats.append("quote-in-sentence")
        if lemma in CORE_CUES:
            feats.append("core|quote")
    feats += _context_features(token, view, in_quote)
    return feats


def _context_features(token: Token, view: SentenceView, in_quote: bool) -> list[str]:
    """What a sequence tagger would see around the token: a ±3 window of lemmas and parts of
    speech (±2 of dependency labels), lemma pairs, nearby quotation marks, colons and commas,
    and the shape of the clause or prepositional phrase the token governs.

    PolNeAR's long tail of cues ("questions *about*", "focused *on*", "opposition *to*") is
    told apart from the same words used plainly mostly by what stands next to them; the head's
    own features alone leave those cues below threshold (tuning part: cue-head F1 0.791 →
    0.797 with these added, attribution F1 0.704 → 0.706).
    """
    i = token.i - view.start
    size = len(view.lemmas)
    lemma = view.lemmas[i]
    feats: list[str] = []
    for offset in _WINDOW:
        j = i + offset
        if 0 <= j < size:
            feats.append(f"w{offset}:l={view.lemmas[j]}")
            feats.append(f"w{offset}:p={view.pos[j]}")
            if abs(offset) <= 2:
                feats.append(f"w{offset}:d={view.deps[j]}")
        else:
            feats.append(f"w{offset}:<s>")
    if i + 1 < size:
        feats.append(f"bi+={lemma}|{view.lemmas[i + 1]}")
    if i > 0:
        feats.append(f"bi-={view.lemmas[i - 1]}|{lemma}")
    after = view.texts[i + 1 : i + 4]
    if any(w in _QUOTE_MARKS for w in after):
        feats.append("quote-follows")
    if ":" in after:
        feats.append("colon-follows")
    before = view.texts[max(0, i - 3) : i]
    if any(w in _QUOTE_MARKS for w in before):
        feats.append("quote-precedes")
    if "," in before:
        feats.append("comma-precedes")
    for child in token.children:
        if child.dep_ in _CLAUSE_DEPS:
            marks = [g.lower_ for g in child.children if g.dep_ in ("mark", "aux")]
            if marks:
                feats.append(f"clause={child.dep_}|{marks[0]}")  # "that", "whether", "to"
            feats.append(f"clause={child.dep_}|{child.pos_}")
            if child.i > token.i:
                feats.append(f"l|clause-after={lemma}|{child.dep_}")
        elif child.dep_ == "prep":
            for grand in child.children:
                if grand.dep_ == "pobj":
                    feats.append(f"l|prep|pobj={lemma}|{child.lower_}|{grand.pos_}")
                elif grand.dep_ == "pcomp":
                    feats.append(f"l|prep|pcomp={lemma}|{child.lower_}")
    head = token.head
    feats.append(f"hp|d={head.pos_}|{token.dep_}")
    if head.head.i != head.i:
        feats.append(f"hhl={head.head.lemma_.lower()}")
    feats.append(f"pos={view.pos[i]}|inq={in_quote}")
    feats.append(f"relpos={min(4, i * 5 // max(1, size))}")
    return feats


def has_quote_mark(sent: Span) -> bool:
    """Whether the sentence holds a quotation mark (any of the normalised styles)."""
    text = sent.text
    return '"' in text or "''" in text or "``" in text


@dataclass(frozen=True)
class CueModel:
    """A linear cue scorer: ``sigmoid(sum of feature weights)``; candidates above ``threshold``."""

    weights: dict[str, float]
    threshold: float
    candidate_pos: frozenset[str]

    def score(self, features: Iterable[str]) -> float:
        """Probability that the token heads a cue."""
        total = sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-total))

    def is_candidate(self, token: Token) -> bool:
        """Only tokens of these parts of speech are scored (the rest are never cues here)."""
        return token.pos_ in self.candidate_pos

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
