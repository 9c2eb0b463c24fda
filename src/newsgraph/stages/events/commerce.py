"""Acts of firms and households that borrow the words of politics.

Issue 6 asks for precision on news that is not about conflict. After the classes of
:mod:`.agency` (who can be a party, which force harms no one), business, technology and sport
news still gave events through verbs that CAMEO files under political acts but that, with the
arguments a firm or a household gives them, are ordinary commerce:

* **takeovers** — rejecting or approving a takeover bid or a merger of no named party ("the
  board rejected the takeover bid"): a deal between firms, not a political refusal.
* **employment** — firing, sacking, hiring or signing a person ("The company fired 200
  workers", "The club signed a new goalkeeper"): PLOVER has no event for managing staff.
* **description** — a verb of advertising or describing with an "as" complement ("It is being
  billed as the first time …"): CAMEO's "bill" is a charge, here it is a label.
* **routine delay** — delaying or postponing a thing that is no act ("A test flight … was
  delayed"): CAMEO's "delay" is a refusal only of a political act ("delayed the talks").
* **reorganisation** — merging units of one organisation ("the team had been merged into the
  parent team"): no party cooperates with another.
* **settling an obligation** — paying a debt, a tax or a fee to no one named ("struggling to
  pay their debts"): a household's or a firm's bill, not cooperation.
* **sport** — a contestant or a team acting on a thing that is no party ("the team
  captured the title", "the champion defended her title"), or one leaving a game
  ("withdrew from the tournament"): a game, not a fight or a retreat.
* **promotion** — an act on a thing a promotion modifies ("launched a new advertising
  campaign"): marketing, not a political campaign.
* **a property stated of a thing** — a noun whose most frequent sense is a thing or an idea,
  though a rarer one is a person ("the new model"), doing something to a quality ("ensures
  better safety"): the sentence's other words say the thing is meant.

Each class is judged by WordNet or by the dependency pattern, not by a list of sentences.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.resources.wordnet import load_wordnet
from newsgraph.stages.events.agency import (
    ABSTRACT_SENSES,
    THING_SENSES,
    abstract,
    first_sense,
)
from newsgraph.stages.events.arguments import dep_child
from newsgraph.stages.events.mentions import game

# Verbs that hire or dismiss someone when their object is a person.
_EMPLOYING = frozenset({"fire", "sack", "hire", "sign"})
# Hypernyms (of a verb's first senses) that make an "as" complement a label.
_DESCRIBING = frozenset({"advertise", "describe", "publicize"})
# Takeovers and mergers, and what they descend from in WordNet; not "acquisition" at large,
# which a grant or a purchase also descends from ("will give Tanzania a grant" is aid).
_DEALS = frozenset({"consolidation", "buyout", "takeover", "merger"})
_DELAYING = frozenset({"delay", "postpone", "defer"})
# Senses of a delayed thing that may be a political act ("delayed the vote", "the talks").
_ACTS = frozenset({"noun.act", "noun.event", "noun.communication"})
_GATHERINGS = frozenset({"meeting", "gathering"})
_PEOPLE = frozenset({"noun.person", "noun.group"})
# Who plays games: the first hypernyms of a subject, or the subject itself.
_CONTESTANTS = frozenset({"contestant", "athlete", "team"})
_BLOWS = frozenset({"hit", "strike", "kick"})
_MERGING = frozenset({"merge", "integrate", "unify", "consolidate"})
_PARTY_ENTS = frozenset({"PERSON", "NORP", "ORG", "GPE", "LOC", "FAC"})
# A military unit merged into another is a change of the armed group (ACLED), not commerce.
_MILITARY = frozenset({"military unit", "army unit", "armed forces", "military"})
# Hypernyms of a paid noun that make it an obligation: a debt, a tax, a fee.
_OBLIGATIONS = frozenset({"liabilities", "obligation", "charge"})
_PAYING = frozenset({"give", "pay"})


def employment(verb: Token) -> bool:
    """Whether the verb hires or dismisses a person ("fired 200 workers", "signed a new
    goalkeeper"); a state or a group by name is no employee ("signed Iran" is no hire)."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _EMPLOYING:
        return False
    staff = dep_child(verb, "dobj", "nsubjpass")
    if staff is None or staff.ent_type_ in _PARTY_ENTS - {"PERSON"}:
        return False
    # a person by name too ("Amber Guyger was fired" had been an attack), also when NER gives
    # the name no type: a named thing is fired at, not fired
    named = staff.ent_type_ == "PERSON" or (staff.pos_ == "PROPN" and not staff.ent_type_)
    return named or first_sense(staff) == "noun.person"


def commercial_deal(verb: Token) -> bool:
    """Whether the act is about a takeover, a merger or a buyout of no named party ("the
    board rejected the takeover bid", "shareholders approved the merger"): the thing done to,
    or a word that modifies it, descends from an acquisition or a consolidation in WordNet.
    "rejected Russia's takeover of Crimea" names a party and stays."""
    deal = dep_child(verb, "dobj", "nsubjpass")
    if deal is None or deal.pos_ != "NOUN":
        return False
    if any(_party(t) for t in deal.subtree if t.dep_ in {"poss", "pobj"}):
        return False
    kinds = [deal, *(c for c in deal.children if c.dep_ in {"compound", "amod"})]
    wordnet = load_wordnet()
    return any(
        k.lemma_.lower() in _DEALS or not _DEALS.isdisjoint(wordnet.senses(k.lemma_, "n").ancestors)
        for k in kinds
    )


def described_as(verb: Token) -> bool:
    """Whether the verb labels something "as" something ("is being billed as the first
    time"): a verb whose first senses descend from advertising or describing, with an "as"
    complement."""
    if verb.pos_ != "VERB" or not any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children):
        return False
    ancestors = load_wordnet().senses(verb.lemma_.lower(), "v").ancestors
    return not _DESCRIBING.isdisjoint(ancestors)


def routine_delay(verb: Token, event_nouns: frozenset[str]) -> bool:
    """Whether the verb delays a thing that is no act ("a test flight was delayed"): its
    object is no event noun of the lexicon, no name, and its most frequent sense is no act,
    event or message ("delayed the talks", "postponed the vote" stay refusals)."""
    lemma = verb.lemma_.lower()
    ancestors = load_wordnet().senses(lemma, "v").ancestors[:1]
    if verb.pos_ != "VERB" or (lemma not in _DELAYING and _DELAYING.isdisjoint(ancestors)):
        return False
    thing = dep_child(verb, "dobj", "nsubjpass")
    if thing is None or thing.pos_ != "NOUN" or thing.ent_type_ in _PARTY_ENTS:
        return False
    words = {thing.lemma_.lower(), *(c.lemma_.lower() for c in thing.children)}
    if words & event_nouns or first_sense(thing) in _ACTS:
        return False
    if not _GATHERINGS.isdisjoint(load_wordnet().senses(thing.lemma_, "n").ancestors):
        return False  # "the conference was postponed": a meeting of parties
    # "delayed the release of the hostages": the thing is done to people; a firm named in
    # it is its maker ("a test flight of the Airbus A380")
    done_to = [o for p in thing.children if p.lower_ == "of" for o in p.children]
    return not any(_people(o) for o in done_to)


def _people(token: Token) -> bool:
    return token.ent_type_ in _PARTY_ENTS - {"ORG"} or first_sense(token) in _PEOPLE


def _party(token: Token) -> bool:
    return token.ent_type_ in _PARTY_ENTS or first_sense(token) in _PEOPLE


def reorganisation(verb: Token) -> bool:
    """Whether the verb merges one unit into another with no named party on either side
    ("the team had been merged into the parent product development team"): how one
    organisation arranges itself. Military units merging stay a change of armed group."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _MERGING:
        return False
    subject = dep_child(verb, "nsubjpass", "nsubj")
    clause = dep_child(verb, "csubjpass", "csubj")
    if subject is None and clause is not None:
        subject = dep_child(clause, "nsubj")  # "the team formed to look at …" read as a clause
    found = [subject]
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in {"into", "with"}:
            found.append(dep_child(prep, "pobj"))
    units = [u for u in found if u is not None]
    if len(units) < 2 or len(units) < len(found):
        return False
    wordnet = load_wordnet()
    for unit in units:
        named = any(t.ent_type_ in _PARTY_ENTS for t in unit.subtree)
        ancestors = wordnet.senses(unit.lemma_.lower(), "n").ancestors
        if named or unit.pos_ != "NOUN" or not _MILITARY.isdisjoint(ancestors):
            return False
        if first_sense(unit) != "noun.group":
            return False
    return True


def sporting(verb: Token) -> bool:
    """Whether a contestant or a team acts on a thing that is no party ("the team captured
    the title", "the champion defended her title"): a game, judged by the subject's most
    frequent sense (a "guard" or a "striker" in other senses stays a possible party where
    the object is one: "strikers clashed with police")."""
    if verb.pos_ != "VERB":
        return False
    player = dep_child(verb, "nsubj")
    prize = dep_child(verb, "dobj")
    if player is None or prize is None or player.pos_ != "NOUN" or prize.pos_ != "NOUN":
        return False
    kinds = {player.lemma_.lower(), *load_wordnet().senses(player.lemma_, "n").ancestors[:3]}
    if _CONTESTANTS.isdisjoint(kinds) or _armed_team(player):
        return False
    # Ground is taken in a fight ("captured the town"), but a player's blow lands on the
    # goal's frame ("the striker hit the post").
    places = set() if verb.lemma_.lower() in _BLOWS else {"noun.location"}
    return first_sense(prize) not in _PEOPLE | places and not _party(prize)


def _armed_team(player: Token) -> bool:
    """A team named by a party or of people ("a police team", "a SWAT team", "a team of
    gunmen"): a unit that may use force, not a side in a game."""
    for child in player.children:
        if child.dep_ in {"compound", "amod", "poss"} and (_party(child) or child.pos_ == "PROPN"):
            return True
        if child.dep_ == "prep" and child.lower_ == "of" and any(map(_party, child.children)):
            return True
    return False


def left_game(verb: Token) -> bool:
    """Whether the verb leaves a game ("withdrew from the tournament", "pulled out of the
    final"): no ground or position is given up to anyone."""
    return verb.pos_ == "VERB" and any(
        prep.dep_ == "prep" and prep.lower_ in {"from", "of"} and any(map(game, prep.children))
        for prep in verb.children
    )


def settled_obligation(verb: Token) -> bool:
    """Whether the verb pays an obligation — a debt, a tax, a fee — to no one named
    ("struggling to pay their debts"); "paid compensation to 67 British nationals" names
    whom it is paid to and stays an event."""
    lemma = verb.lemma_.lower()
    ancestors = load_wordnet().senses(lemma, "v").ancestors[:1]
    if verb.pos_ != "VERB" or (lemma != "pay" and _PAYING.isdisjoint(ancestors)):
        return False
    if any(c.dep_ == "dative" or (c.dep_ == "prep" and c.lower_ == "to") for c in verb.children):
        return False
    owed = dep_child(verb, "dobj")
    if owed is None:
        return False
    # The tagger's lemma may miss ("taxes" → "taxis"): the plural's stems are tried too.
    text = owed.lower_
    forms = {owed.lemma_.lower(), text, text.removesuffix("s"), text.removesuffix("es")}
    wordnet = load_wordnet()
    return any(not _OBLIGATIONS.isdisjoint(wordnet.senses(f, "n").ancestors) for f in forms)


def promotion(verb: Token) -> bool:
    """Whether the verb's object is modified by a promotion ("launched a new advertising
    campaign"; "advertising" descends from "promotion" in WordNet): marketing."""
    target = dep_child(verb, "dobj", "nsubjpass")
    if target is None:
        return False
    wordnet = load_wordnet()
    return any(
        c.dep_ in {"compound", "amod"} and "promotion" in wordnet.senses(c.lemma_, "n").ancestors
        for c in target.children
    )


def property_of_thing(actor: Token, verb: Token) -> bool:
    """Whether a thing, not a party, is the doer: the actor's most frequent sense is a thing
    or an idea (a rarer sense may be a person: "the new model"), and what the verb does is
    to a quality ("ensures better safety"), not to a party or an act."""
    if actor.pos_ != "NOUN" or actor.ent_type_ in _PARTY_ENTS:
        return False
    if first_sense(actor) not in THING_SENSES | ABSTRACT_SENSES:
        return False
    quality = dep_child(verb, "dobj")
    return quality is not None and abstract(quality)
