"""Who can be a party to an event, and which uses of force harm no one.

Issue 6 asks for precision on news that is not about conflict. Business and aviation reports
use the vocabulary of conflict and diplomacy for other things: a government "is fighting to
stem off a crash", a carmaker "was hardest hit" by a fall in sales, "the left winglet struck the
side of the hangar", a jet "is flying from Frankfurt", a new model "ensures" punctuality. The
cause is the same each time: the doer (or the one done to) is no party that PLOVER codes —
PLOVER's actors are people, groups, organisations and states — or the verb is used of striving
rather than of fighting. This module judges that by WordNet's supersenses and hypernyms, so
the decision follows word classes rather than lists:

* **parties** are person, group and location nouns (a state is a location in WordNet), names
  and pronouns; **things** are artefacts, natural objects, plants, animals, body parts and
  substances; **abstractions** are attributes, states, feelings, thoughts, possessions,
  quantities, relations, times, processes, phenomena and motives.
* **weapons** stay doers of attacks ("a missile struck a hospital", "a car bomb struck a
  convoy"): a noun of the weapon list of :mod:`.arguments` or one that descends from a weapon,
  an explosive device, a projectile or ammunition in WordNet.
* **things changed** (fifth round) — CAMEO files verbs of physical change with yielding
  ("fill" with "comply" and "obey", as in filling a demand; "clear", "loosen", "untie"):
  filling a seat or a mind, clearing a deck is no concession when what is changed is no act
  and no message, as a demand or a restriction is ("loosened the restrictions" stays).
* a **model designation** ("A380", "Boeing 737") names a product, not its maker.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from newsgraph.resources.wordnet import load_wordnet
from newsgraph.stages.events.arguments import QUANTITIES, WEAPONS, dep_child, doer_and_done_to

_PEOPLE = frozenset({"noun.person", "noun.group"})
THING_SENSES = frozenset(
    {"noun.artifact", "noun.object", "noun.plant", "noun.animal", "noun.body", "noun.substance"}
    | {"noun.food", "noun.shape"}
)
ABSTRACT_SENSES = frozenset(
    {"noun.attribute", "noun.state", "noun.feeling", "noun.cognition", "noun.possession"}
    | {"noun.quantity", "noun.relation", "noun.time", "noun.process", "noun.phenomenon"}
    | {"noun.motive"}
)
# What one contends with may also be a message ("battling weak demand", "fought the ruling").
CONTESTED_SENSES = ABSTRACT_SENSES | {"noun.communication"}
_WEAPON_ANCESTORS = frozenset(
    {"weapon", "weaponry", "explosive device", "explosive", "projectile", "ammunition"}
    | {"military vehicle", "warship", "military plane"}
)
# Senses that let a noun stand for people or for what people do ("government forces", "the
# operation", "the fighting"): such a noun is no mere abstraction.
_ACTING = frozenset({"noun.person", "noun.group", "noun.act", "noun.event"})
# Vehicles are weapons of the weapon list only as car bombs; a truck that hits a wall is not.
_VEHICLES = frozenset({"car", "vehicle"})
_PARTY_ENTS = frozenset({"PERSON", "NORP", "ORG", "GPE", "LOC", "FAC"})
_NO_PARTY_ENTS = frozenset({"PRODUCT", "WORK_OF_ART", "MONEY", "PERCENT", "QUANTITY"})
# "one of the jets", "each of the firms": the party is what the number picks from.
_PICKERS = frozenset({"one", "each", "some", "two", "three", "both", "either", "neither"})
# WordNet's hypernyms of buying and selling verbs.
_TRADING = frozenset({"get", "exchange", "trade"})
# Blows that are also said of losses and accidents, and the degree words of a loss.
_BLOWS = frozenset({"hit", "strike"})
_DEGREE = frozenset({"hard", "hardest", "harder", "badly", "worst", "severely"})
# CAMEO's plain yielding, and the supersenses of verbs of physical change.
_YIELDING = "080"
_PHYSICAL_CHANGE = frozenset({"verb.change", "verb.contact"})
# What one yields by such a verb: a demand, a restriction, an order (acts and messages); a
# name or a word WordNet lacks may be one too.
_YIELDED = frozenset({"noun.act", "noun.communication", "noun.event", None})
_NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})
_DESIGNATION = re.compile(r"^(?=.*[a-z])(?=(?:.*\d){3})[a-z0-9-]+$", re.IGNORECASE)


def first_sense(token: Token) -> str | None:
    """The supersense of the noun's most frequent WordNet sense (None: unknown or no noun)."""
    if not nominal(token):
        return None
    senses = load_wordnet().supersenses(token.lemma_.lower(), "n")
    return senses[0] if senses else None


def nominal(token: Token) -> bool:
    """A common noun, or a word the tagger took for an adjective where only a noun can stand
    ("the locomotive arrived": a subject), not an age ("a 28-year-old": "old" with its
    measure)."""
    if token.pos_ == "NOUN":
        return True
    if token.pos_ != "ADJ" or token.dep_ not in _NOMINAL_DEPS:
        return False
    return all(c.dep_ in {"det", "amod", "poss", "prep"} for c in token.children)


def weapon(token: Token) -> bool:
    """Whether the noun names a weapon (see the module docstring), not counting vehicles."""
    lemma = token.lemma_.lower()
    if (lemma in WEAPONS and lemma not in _VEHICLES) or lemma in _WEAPON_ANCESTORS | {"arms"}:
        return True
    ancestors = load_wordnet().senses(lemma, "n").ancestors
    return not _WEAPON_ANCESTORS.isdisjoint(ancestors)


def picked(token: Token) -> Token:
    """The noun a picking number stands for ("one of the A380s" → A380s), else the token."""
    if token.lower_ not in _PICKERS:
        return token
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    return obj
    return token


def designation(token: Token) -> bool:
    """Whether the word is a model designation: letters with three or more digits ("A380",
    "737-800s"), or a name with such a number ("Boeing 737")."""
    if _DESIGNATION.match(token.text):
        return True
    return token.pos_ == "PROPN" and any(
        c.dep_ == "nummod" and c.i == token.i + 1 and sum(ch.isdigit() for ch in c.text) >= 3
        for c in token.children
    )


def no_party(token: Token) -> bool:
    """Whether the actor's head names something that cannot act politically: a product or
    model, a thing, or an abstraction (a message, an act or an event may still stand for its
    makers: "the report accuses …", "the meeting agreed …")."""
    token = picked(token)
    if token.ent_type_ in _NO_PARTY_ENTS or designation(token):
        return True
    if not nominal(token) or token.ent_type_ in _PARTY_ENTS or token.lower_ in QUANTITIES:
        return False  # "thousands protested": a count of people
    return thing(token) or abstract(token)


def abstract(token: Token, kinds: frozenset[str] = ABSTRACT_SENSES) -> bool:
    """Whether the noun is an abstraction by its most frequent sense ("poor profitability",
    "the new tariffs"), which no one fights or is harmed by physically, and no sense of it
    is a person or a group, nor its second sense an act or an event ("forces" is a physical
    force first, then troops; "the operation" a state first, then an act)."""
    sense = first_sense(token)
    if sense is None or sense not in kinds or weapon(token):
        return False
    senses = load_wordnet().supersenses(token.lemma_.lower(), "n")
    return _PEOPLE.isdisjoint(senses) and _ACTING.isdisjoint(senses[:2])


def thing(token: Token) -> bool:
    """Whether the noun is a thing by its most frequent sense and no sense of it is a person
    or a group ("the locomotive", "one of the jets"; not "a model", who may be a person)."""
    sense = first_sense(token)
    if sense is None or sense not in THING_SENSES:
        return False
    return _PEOPLE.isdisjoint(load_wordnet().supersenses(token.lemma_.lower(), "n"))


def inanimate(token: Token) -> bool:
    """Whether a doer is a thing that is no weapon ("the left winglet", "a tree", "the
    truck"): an artefact, object or plant by WordNet, or a common noun WordNet lacks that the
    weapon list does not name; not a military vehicle, nor one a party owns ("Israeli
    helicopters", "an army jet")."""
    if not nominal(token) or token.ent_type_ in _PARTY_ENTS or weapon(token):
        return False
    for owner in token.children:
        if owner.dep_ in {"amod", "compound", "poss"} and _owner(owner):
            return False
    sense = first_sense(token)
    return sense is None or sense in THING_SENSES


def _owner(token: Token) -> bool:
    """A modifier that names a party ("Israeli", "army", "the rebels'")."""
    return token.ent_type_ in _PARTY_ENTS or first_sense(token) in _PEOPLE


def victim(token: Token) -> bool:
    """Whether the noun may name someone harmed: a name, a pronoun, a person or group noun by
    WordNet, or a noun WordNet lacks (a place or a thing is where a blow lands, not whom)."""
    if token.pos_ in {"PROPN", "PRON"} or token.ent_type_ in _PARTY_ENTS:
        return True
    sense = first_sense(token)
    return sense is None or sense in _PEOPLE


def harmless_blow(verb: Token, attacks: frozenset[str]) -> bool:
    """Whether "hit" or "strike" harms no one: a loss told by degree with no violent doer
    ("Chrysler was hardest hit", "exporters were hit hard by the new tariffs"; not "hit
    hard by the shelling": ``attacks`` are the lemmas of acts of violence), or an accident
    of things ("the left winglet struck the side of the hangar", "a tree struck a car")."""
    if verb.lemma_.lower() not in _BLOWS or verb.pos_ != "VERB":
        return False
    doer, target = doer_and_done_to(verb)
    violent = doer is not None and (weapon(doer) or victim(doer) or doer.lemma_.lower() in attacks)
    if not violent and any(c.dep_ == "advmod" and c.lower_ in _DEGREE for c in verb.children):
        return True
    return doer is not None and target is not None and inanimate(doer) and not victim(target)


def thing_changed(verb: Token, kind: str, code: str) -> bool:
    """Whether a yielding (CAMEO 080) is coded on a verb whose most frequent sense is a
    physical change, done to what is no act and no message: "filled the empty seat", "the
    radio is filled with gospel stations", "cleared the decks" (see the module docstring)."""
    if kind != "RETREAT" or code != _YIELDING or verb.pos_ != "VERB":
        return False
    senses = load_wordnet().supersenses(verb.lemma_.lower(), "v")
    if not senses or senses[0] not in _PHYSICAL_CHANGE:
        return False
    changed = dep_child(verb, "dobj", "nsubjpass")
    return changed is not None and first_sense(changed) not in _YIELDED


def trade(pred: Token, event_nouns: frozenset[str]) -> bool:
    """Whether the act, or the act it intends ("intends to use its option to buy the
    share"), is buying or selling something that is no weapon, no aid (``event_nouns``) and
    no party: a verb whose most frequent sense is a getting, an exchange or a trade by
    WordNet (buy, purchase, sell, import, export) with such an object. A market transaction,
    not the cooperation or the promise of it that PLOVER codes; the detector keeps a
    state's purchases, which are economic cooperation."""
    wordnet = load_wordnet()
    clause: Token | None = pred
    for _ in range(4):
        if clause is None or clause.pos_ != "VERB":
            return False
        hypernyms = wordnet.senses(clause.lemma_.lower(), "v").ancestors[:1]
        goods = dep_child(clause, "dobj")
        if goods is not None and not _TRADING.isdisjoint(hypernyms):
            kinds = [goods, *(c for c in goods.children if c.dep_ == "compound")]
            armed = any(map(weapon, kinds)) or goods.lemma_.lower() in event_nouns
            return not (armed or victim(goods))
        # "intends to purchase …", "to use its option to buy …"
        option = None if goods is None else dep_child(goods, "acl")
        clause = dep_child(clause, "xcomp") or option
    return False
