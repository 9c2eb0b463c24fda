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


def cue_features(token: Token, sent: Span, in_quote: bool, sent_has_quote: bool) -> list[str]:
    """The sparse features the cue model scores (shared with the build script).

    ``sent`` is the token's sentence (passed in: ``token.sent`` walks the whole Doc each call);
    ``in_quote``: the token stands inside quotation marks (a speaker's own words), where PolNeAR
    annotates no nested attribution; ``sent_has_quote``: its sentence holds a quotation mark.
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
