"""How likely a coded event is a real event of its type: the confidence every Event carries.

Why a model: the rules were tuned for recall on gold sentences that all report an event, and
there they are nearly always right. Whole articles are different. Most of their clauses are
opinion, cognition ("I think"), metaphor ("the nomination is exploding"), procedure or
background, and on hand-judged events of full articles only about a quarter of what the rules
code is a real event of the coded type (docs/events.md, "Event confidence"). The old confidence
was a constant by part of speech, so a user could not tell the two apart.

The model is a logistic regression over general features of the coded event that do not name
words: the PLOVER type and its quad class, the trigger's part of speech, dependency and WordNet
supersense, what its actor and recipient are (a linked entity, a person or group noun, a pronoun,
an abstraction, nothing), the modality flags, quotation, questions, headlines, its own date, place
and casualties. It is fitted by ``scripts/build_events_confidence.py`` on hand-judged events
(``data/annotations/``) and shipped as a small JSON file of weights.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Iterable, Mapping
from pathlib import Path

from spacy.tokens import Doc, Token

from newsgraph.plover import QUAD
from newsgraph.record import Event
from newsgraph.resources.wordnet import load_wordnet

CONFIDENCE_PATH = Path(__file__).resolve().parents[2] / "resources" / "events" / "confidence.json"
_FIRST_SECOND_PERSON = frozenset({"i", "we", "you", "me", "us"})
_PRONOUNS = _FIRST_SECOND_PERSON | {"he", "she", "they", "it", "him", "her", "them", "this"}
# WordNet supersenses of nouns that can be a party to an event.
_PARTY_SENSES = frozenset({"noun.person", "noun.group", "noun.location"})


def _supersense(token: Token) -> str:
    """The supersense of the trigger's most frequent WordNet sense as a verb or noun."""
    pos = "v" if token.pos_ in {"VERB", "AUX"} else "n"
    senses = load_wordnet().supersenses(token.lemma_.lower(), pos)
    return senses[0] if senses else "none"


def _party(text: str | None, linked: list[str]) -> str:
    """What an actor or recipient is: a linked entity, a person/group/place noun, a pronoun
    (first/second person apart: the speaker of a quotation), another noun, or nothing."""
    if linked:
        return "entity"
    if not text:
        return "none"
    words = [w for w in text.replace("'s", " ").split() if w[:1].isalpha()]
    if not words:
        return "other"
    head = words[-1].lower()
    if len(words) == 1 and head in _PRONOUNS:
        return "first_second" if head in _FIRST_SECOND_PERSON else "pronoun"
    senses = _noun_senses(head)
    # A capital after the first word, or a lone capitalised word that is no common noun
    # ("Prosecutors" opening a sentence is a common noun, "Hezbollah" a name).
    if any(w[:1].isupper() for w in words[1:]) or (words[0][:1].isupper() and not senses):
        return "name"
    return "party" if senses and senses[0] in _PARTY_SENSES else "other"


def _noun_senses(word: str) -> tuple[str, ...]:
    """The noun supersenses of a word, or of its singular ("protesters" -> "protester")."""
    senses = load_wordnet().supersenses(word, "n")
    if not senses and word.endswith("s"):
        senses = load_wordnet().supersenses(word[:-1], "n")
    return senses


def event_features(doc: Doc, event: Event) -> list[str]:
    """The names of the binary features that hold for ``event`` (coded on ``doc``)."""
    features = [f"type={event.type}", f"quad={QUAD.get(event.type, 0)}"]
    span = None if event.trigger is None else doc.char_span(*event.trigger, alignment_mode="expand")
    if span is not None and len(span):
        token = span.root
        sent = token.sent
        features += [
            f"pos={token.pos_}",
            f"dep={token.dep_ if token.dep_ in _DEPS else 'other'}",
            f"sense={_supersense(token)}",
        ]
        if sent.text.rstrip().rstrip("\"'”’").endswith("?"):
            features.append("question")
        if "\n" not in doc.text[: sent.start_char].strip():
            features.append("first_line")
        if any(t.lower_ in _FIRST_SECOND_PERSON for t in sent):
            features.append("first_second_in_sentence")
    features.append(f"actor={_party(event.actor_text, event.actors)}")
    features.append(f"recipient={_party(event.recipient_text, event.recipients)}")
    flags = {
        "negated": event.negated,
        "hypothetical": event.hypothetical,
        "future": event.future,
        "habitual": event.habitual,
        "quoted": event.attributed_to is not None,
        "own_date": event.date_source == "time",
        "place": event.place is not None,
        "mode": bool(event.mode),
        "acled": event.acled_sub_event_type is not None,
        "casualties": any(n is not None for n in (event.fatalities, event.injured, event.arrested))
        or event.fatalities_unknown_count,
    }
    features += [name for name, held in flags.items() if held]
    return features


# Dependencies of the trigger kept as their own feature value; the rest are "other".
_DEPS = frozenset(
    {"ROOT", "ccomp", "xcomp", "advcl", "conj", "relcl", "acl", "pcomp", "nsubj", "dobj", "pobj"}
)


class ConfidenceModel:
    """Logistic regression over named binary features; unknown features weigh nothing."""

    def __init__(self, weights: Mapping[str, float], bias: float) -> None:
        self.weights = dict(weights)
        self.bias = bias

    def probability(self, features: Iterable[str]) -> float:
        """P(real event of the coded type | features)."""
        z = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-z))


@functools.lru_cache(maxsize=2)
def load_confidence(path: Path = CONFIDENCE_PATH) -> ConfidenceModel | None:
    """The shipped model, or None when the file is absent (events keep the rules' constant)."""
    if not path.exists():
        return None
    data = json.loads(path.read_text("utf-8"))
    return ConfidenceModel(
        {str(k): float(v) for k, v in data["weights"].items()}, float(data["bias"])
    )
