"""Deaths, thoughts and comings and goings that are no events: what kills without anyone
acting, what a mind does rather than a party, and movement with no one to meet.

Found by judging every event the stage coded on whole articles (docs/events.md, "Event
confidence"): CAMEO's dictionary makes "kill" and "die" assaults whatever kills, so a plague,
a crash or old age became an ASSAULT ("the outbreak has killed 200 people", "his father died
in 2011"); and it files verbs of thinking and perceiving under consultation ("I think", "we
learned a lot", "he heard a drilling sound"), which in news are opinion, not meetings. The
gold sets' tune parts code no event on either. Decided by WordNet classes:

* **harm by nature** — the doer of a killing (its subject, or for a participle with none the
  verb it hangs on, read as a noun: "crashed …, killing all 228") is a disease, an epidemic, a
  natural phenomenon or a mishap by the ancestors of its first senses, and not violence;
* **a death with no violence** — "die" with no weapon, wound, violent act or event noun in its
  clause ("died in a shootout", "died of his wounds", "died after picking up a grenade" stay);
* **an illness caught** — a seizure coded on a verb whose object is a disease or what causes
  one by WordNet ("people are catching the disease", "caught the flu"; fifth round): no one
  is seized, "police caught the suspect" stays an arrest;
* **a state of mind** — a consultation coded on a verb whose most frequent sense is one of
  cognition or perception (think, learn, consider, speculate, hear, contemplate);
* **a trip to nowhere named** — a consultation coded on a verb of motion (arrive, leave, go,
  travel, exit) with no named place or party as its object or the object of its preposition
  ("police arrived on the 32nd floor", "good jobs have left"; "the envoy arrived in Kabul"
  stays a visit).
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.resources.wordnet import load_wordnet
from newsgraph.stages.events.agency import weapon
from newsgraph.stages.events.arguments import dep_child, passive_agent
from newsgraph.stages.events.leisure import ancestors

# Ancestors (WordNet hypernym heads) of what harms by itself.
_NATURAL_HARM = frozenset(
    {
        "disease",
        "illness",
        "pathological state",
        "outbreak",
        "natural phenomenon",
        "mishap",
        "calamity",
        "infectious agent",
    }
)
# Ancestors of violence: a natural-sounding word that is also an act of force stays one
# ("fire" is also an attack, "explosion" a discharge).
_VIOLENCE = frozenset({"attack", "violence", "aggression", "military action", "conflict"})
# Ancestors of a harm to the body that tells a violent death.
_INJURY = frozenset({"wound", "injury", "torture", "gunshot", "explosion"})
# Clauses that hang on a noun and say something else of it.
_CLAUSES = frozenset({"relcl", "acl", "advcl"})
# Tags of relative pronouns ("that", "which", "who").
_RELATIVE_TAGS = frozenset({"WDT", "WP"})
_MIND = frozenset({"verb.cognition", "verb.perception"})
# Verbs of motion that are a meeting wherever it happens ("the ministers will meet next week").
_COMING_TOGETHER = frozenset({"meet", "gather", "assemble", "convene", "reunite", "rendezvous"})
# The hypernym of joining ("join" → connect).
_JOINING = frozenset({"connect"})
# Entity labels of somewhere or someone a trip can be to or from.
_PLACES_AND_PARTIES = frozenset({"GPE", "LOC", "FAC", "ORG", "NORP", "PERSON"})
# The supersenses a natural harm has first: a disease is a state, an outbreak or a crash an
# event, a storm a phenomenon.
_HAPPENINGS = frozenset({"noun.state", "noun.event", "noun.phenomenon", "noun.process"})


def _ancestors(lemma: str) -> frozenset[str]:
    """The word's noun hypernym heads, and the word itself ("wound" names a wound)."""
    return ancestors(lemma) | {lemma}


def natural_harm(verb: Token) -> bool:
    """Whether the killing ``verb`` has a disease, a natural phenomenon or an accident as its
    doer and no violence: "the plague has killed 124 people", "the jetliner crashed, killing
    all 228"."""
    doers = _doers(verb)
    if not doers and verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.pos_ == "VERB":
        # "crashed …, killing", "the earthquake hit the coast, killing": the crash or the
        # earthquake did it
        doers = [verb.head, *_doers(verb.head)]
    return any(natural_cause(doer) for doer in doers)


def _doers(verb: Token) -> list[Token]:
    """The subject, or the object of the passive's "by", of a verb; a conjunct with neither
    shares its first conjunct's ("plague, spread person to person, has killed 200"), and a
    relative pronoun stands for the noun it hangs on ("the plague that … has killed 124")."""
    doers = [t for t in (dep_child(verb, "nsubj"), passive_agent(verb)) if t is not None]
    if not doers and verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"}:
        doers = _doers(verb.head)
    return [_antecedent(t) for t in doers]


def _antecedent(token: Token) -> Token:
    """The noun a relative pronoun stands for ("the plague that …" → plague), else itself."""
    clause = token.head
    if token.tag_ in _RELATIVE_TAGS and clause.dep_ == "relcl":
        return clause.head
    return token


def natural_cause(token: Token) -> bool:
    """Whether the word names a disease, a natural phenomenon or an accident, not violence
    (what kills by itself, and what one fights with medicine: "fought pancreatic cancer")."""
    if (token.pos_ == "PROPN" or token.ent_type_) and not token.is_sent_start:
        return False  # a name; a capital opening the sentence says nothing ("Malaria kills")
    lemma = token.lemma_.lower()
    senses = load_wordnet().supersenses(lemma, "n")
    if not senses or senses[0] not in _HAPPENINGS:
        return False  # "these forces fought": a force is first of all a power, then a group
    kinds = _ancestors(lemma)
    return not _NATURAL_HARM.isdisjoint(kinds) and _VIOLENCE.isdisjoint(kinds)


def peaceful_death(verb: Token, event_nouns: frozenset[str]) -> bool:
    """Whether "die" tells a death with no violence in its clause: "Steve Jobs has died",
    "his father died in 2011" (not "died in a shootout", "died of his wounds")."""
    if verb.lemma_.lower() != "die":
        return False
    for token in verb.subtree:
        if token.i == verb.i or token.pos_ not in {"NOUN", "PROPN"}:
            continue
        lemma = token.lemma_.lower()
        kinds = _ancestors(lemma)
        if (
            lemma in event_nouns
            or weapon(token)
            or not _INJURY.isdisjoint(kinds)
            or not _VIOLENCE.isdisjoint(kinds)
        ):
            return False
    return True


def caught_illness(verb: Token, kind: str) -> bool:
    """Whether a seizure (COERCE) is coded on a verb whose object, or passive subject, is a
    disease or an infectious agent: "people are catching the disease", "caught the flu"."""
    if kind != "COERCE" or verb.pos_ != "VERB":
        return False
    caught = dep_child(verb, "dobj", "nsubjpass")
    if caught is None or caught.pos_ != "NOUN":
        return False
    return not _NATURAL_HARM.isdisjoint(_ancestors(caught.lemma_.lower()))


def aimless_trip(verb: Token, kind: str) -> bool:
    """Whether a consultation is coded on a verb of motion that names no place or party to go
    to or come from: "officers arrived on the 32nd floor", "everybody exited right off the
    boulevard", "a lot of the good jobs have left"."""
    if kind != "CONSULT" or verb.pos_ != "VERB" or verb.lemma_.lower() in _COMING_TOGETHER:
        return False
    senses = load_wordnet().supersenses(verb.lemma_.lower(), "v")
    if not senses or senses[0] != "verb.motion":
        return False
    ends = [c for c in verb.children if c.dep_ in {"dobj", "npadvmod", "advmod"}]
    ends += [o for c in verb.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"]
    return not any(
        t.ent_type_ in _PLACES_AND_PARTIES or t.pos_ == "PROPN" for e in ends for t in _phrase(e)
    )


def joined_no_meeting(verb: Token, kind: str, event_nouns: frozenset[str]) -> bool:
    """Whether a consultation is coded on a verb of joining (WordNet: "join" connects first)
    whose object names no meeting: joining people or a group ("he was joined by three
    officers") is company or membership; "the advisers joined the talks" stays a meeting, and
    joining others in an act ("joined the crowds in demanding a vote") is left to that act."""
    if kind != "CONSULT" or verb.pos_ != "VERB":
        return False
    if _JOINING.isdisjoint(load_wordnet().senses(verb.lemma_.lower(), "v").ancestors[:1]):
        return False
    if any(c.dep_ == "prep" and c.lower_ == "in" and dep_child(c, "pcomp") for c in verb.children):
        return False  # "joining the crowds in demanding a vote": taking part in that act
    joined = dep_child(verb, "dobj", "nsubjpass")
    return joined is not None and joined.lemma_.lower() not in event_nouns


def _phrase(head: Token) -> list[Token]:
    """A place's own words, without the clauses that hang on it ("the 32nd floor where the
    gunman was firing": the gunman is not where one arrived)."""
    words = [head]
    for child in head.children:
        if child.dep_ not in _CLAUSES:
            words.extend(_phrase(child))
    return words


# Verbs a participle may complete to tell a feeling or a look (feel, seem, look, appear).
_SEEMING = frozenset({"verb.emotion", "verb.perception"})


def state_of_mind(verb: Token, kind: str) -> bool:
    """Whether a consultation is coded on a verb of thinking or perceiving ("I think", "we
    learned a lot", "Campos heard a drilling sound")."""
    if kind != "CONSULT" or verb.pos_ != "VERB":
        return False
    senses = load_wordnet().supersenses(verb.lemma_.lower(), "v")
    return bool(senses) and senses[0] in _MIND


def feeling(verb: Token) -> bool:
    """Whether a participle tells how someone feels or seems ("felt ostracized", "made to feel
    different or ostracized", "looked defeated"): the complement of a verb whose most frequent
    WordNet sense is of emotion or perception (feel, seem, look), or a word joined to one. A
    feeling of being shunned is no act of shunning; "got arrested" (possession) stays."""
    if verb.tag_ != "VBN":
        return False
    complement = verb
    while complement.dep_ == "conj" and complement.head is not complement:
        complement = complement.head
    if complement.dep_ not in {"acomp", "oprd"}:
        return False
    senses = load_wordnet().supersenses(complement.head.lemma_.lower(), "v")
    return bool(senses) and senses[0] in _SEEMING
