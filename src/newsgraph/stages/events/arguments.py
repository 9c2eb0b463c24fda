"""Actor and recipient of an event from the dependency parse.

PETRARCH-style source/target rules over spaCy's dependencies:

* actor: the trigger's ``nsubj``; in the passive its ``agent`` ("by" phrase); for a noun
  trigger a possessor or proper-noun compound ("Israel's attack", "the US assassination") or a
  "by" phrase; for a trigger that is a complement or modifier, the subject inherited from the
  governing verb ("al-Askari said …, warning of …"; "parliament passed a law demanding …").
* recipient: ``dobj``; ``nsubjpass`` in the passive; otherwise the object of "against", "on",
  "at", "into" or, for noun triggers, "of" ("the assassination of Soleimani").
* weapons are not actors: "targeted by dozens of missiles from Iran" has the actor "Iran",
  "Israeli airstrikes killed …" the actor "Israeli".
* pronouns take the subject of the verb that governs them ("the rebels said they will …"),
  and counting heads give way to what they count ("thousands of Kurds" → Kurds).
* coordinated arguments are lists ("Hungarian and Romanian officials" → two actors).
* an actor that is not stated stays ``None``: nothing is guessed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from newsgraph.resources.wordnet import load_wordnet

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
OBJECT_DEPS = frozenset({"dobj", "obj", "dative", "attr"})
RECIPIENT_PREPS = frozenset({"against", "on", "at", "into", "upon", "toward", "towards", "with"})
NOUN_RECIPIENT_PREPS = frozenset({"against", "on", "of", "at", "upon", "targeting"})
PRONOUNS = frozenset(
    {
        "it",
        "they",
        "this",
        "that",
        "which",
        "who",
        "what",
        "there",
        "these",
        "those",
        "one",
        "he",
        "she",
        "we",
        "i",
        "you",
        "them",
        "him",
        "her",
    }
)
WEAPONS = frozenset(
    {
        "missile",
        "rocket",
        "bomb",
        "shell",
        "mortar",
        "drone",
        "grenade",
        "bullet",
        "explosive",
        "device",
        "ied",
        "mine",
        "artillery",
        "airstrike",
        "strike",
        "raid",
        "fire",
        "gunfire",
        "blast",
        "explosion",
        "car",
        "vehicle",
        "attack",
        "dozen",
        "barrage",
        "projectile",
        "round",
        "shot",
        "gunshot",
        "salvo",
        "volley",
        "gas",
        "canister",
        "pellet",
        "cannon",
        # thrown by hand
        "stone",
        "rock",
        "brick",
        "bottle",
        "cocktail",
        "firebomb",
    }
)
# Nouns that name a place an attack hits rather than who it hits.
FACILITIES = frozenset(
    {
        "base",
        "airbase",
        "position",
        "post",
        "camp",
        "checkpoint",
        "embassy",
        "building",
        "headquarters",
        "office",
        "station",
        "compound",
        "facility",
        "airport",
        "port",
        "convoy",
        "target",
        "site",
        "installation",
        "barracks",
        "outpost",
        "stronghold",
        "hideout",
    }
)
# Acts named as nouns whose "of" object is who the act is aimed at.
NOMINALIZATIONS = frozenset(
    {
        "expulsion",
        "withdrawal",
        "release",
        "removal",
        "resignation",
        "departure",
        "extradition",
        "return",
        "arrest",
        "trial",
        "prosecution",
        "punishment",
        "disarmament",
        "exit",
        "ouster",
    }
)
# Named parties an act can be aimed at (spaCy entity labels).
_PARTY_ENTS = frozenset({"GPE", "NORP", "ORG", "PERSON", "LOC"})
# Heads of water-body names: spaCy tags "the Red Sea" LOC like a region, but a sea is where an
# act happens ("attacked two ships in the Red Sea"), never who it is aimed at.
_WATER_NOUNS = frozenset({"sea", "ocean", "gulf", "strait", "straits", "lake", "river", "canal"})
_PARTY_PREPS = frozenset({"to", "with", "from", "in", "against", "on", "into", "toward", "for"})
# Group nouns that are parties even when unnamed ("the rebels", "civilians").
PARTY_NOUNS = frozenset(
    {
        "government",
        "force",
        "troop",
        "soldier",
        "rebel",
        "militant",
        "police",
        "policeman",
        "officer",
        "official",
        "leader",
        "people",
        "civilian",
        "protester",
        "demonstrator",
        "worker",
        "student",
        "refugee",
        "prisoner",
        "opposition",
        "army",
        "military",
        "fighter",
        "guerrilla",
        "insurgent",
        "villager",
        "resident",
        "journalist",
        "minister",
        "president",
        "party",
        "group",
        "man",
        "woman",
        "child",
        "member",
        "inspector",
        "peacekeeper",
        "monitor",
        "observer",
        "national",
        "citizen",
        "country",
        "state",
        "regime",
        "authority",
        "ruler",
    }
)
_CLAUSAL = frozenset({"xcomp", "ccomp", "advcl", "conj", "acl", "relcl", "pcomp"})


@dataclass
class Argument:
    """One side of an event: its head tokens (one per coordinated member) and the full span."""

    heads: list[Token] = field(default_factory=list)
    span: Span | None = None

    @property
    def text(self) -> str | None:
        """Surface text of the argument, members joined by "; " as PLOVER gold does."""
        if not self.heads:
            return None
        if len(self.heads) == 1 and self.span is not None:
            return self.span.text
        return "; ".join(_phrase(h).text for h in self.heads)


def _phrase(head: Token) -> Span:
    """The noun phrase of ``head`` without relative clauses, appositions or trailing PPs."""
    doc = head.doc
    left = head.left_edge.i
    right = head.i
    for child in head.rights:
        if child.dep_ in {"compound", "amod", "nummod", "nmod"}:
            right = max(right, child.right_edge.i)
    while left < head.i and doc[left].dep_ in {"det", "punct", "cc", "predet", "advmod"}:
        left += 1
    # A phrase never crosses a paragraph break nor starts with a dateline ("May 29, 2011
    # <blank line> Fiat announced …" is "Fiat").
    for i in range(head.i - 1, left - 1, -1):
        if "\n\n" in doc[i].text_with_ws or _calendar(doc[i]):
            left = i + 1
            break
    # ... nor with the case marker a dropped date leaves ("Tuesday's meeting" is "meeting").
    while left < head.i and doc[left].dep_ == "case":
        left += 1
    # Flat parses of names ("al - Askari" as three subjects): extend over siblings that
    # share the head and the relation.
    while (
        right + 1 < len(doc)
        and doc[right + 1].head == head.head
        and (doc[right + 1].dep_ == head.dep_ and doc[right + 1].ent_type_ == head.ent_type_)
        and head.ent_type_
    ):
        right += 1
    return doc[left : right + 1]


def _calendar(token: Token) -> bool:
    """A dateline word: a year, a month or a weekday ("2011", "May"), not a duration or an
    age ("a four-day strike", "her two-week-old son")."""
    if token.ent_type_ != "DATE":
        return False
    return token.pos_ == "PROPN" or (token.text.isdigit() and len(token.text) == 4)


def _members(head: Token) -> list[Token]:
    """The head and its coordinated conjuncts ("Hungarian and Romanian officials")."""
    members = [head]
    members.extend(t for t in head.conjuncts if t.i > head.i)
    companion = _companion(members[-1])
    if companion is not None:
        return [*members, companion, *[t for t in companion.conjuncts if t.i > companion.i]]
    if len(members) == 1:
        # "Hungarian and Romanian officials": coordinated modifiers of one head noun.
        mods = [c for c in head.children if c.dep_ in {"amod", "compound"} and c.conjuncts]
        if mods:
            first = mods[0]
            return [first, *[t for t in first.conjuncts if t.i > first.i]]
    return members


def _companion(last: Token) -> Token | None:
    """The object of an "along with" / "together with" right after the argument's phrase
    ("the assassination of Soleimani, along with al-Muhandis"): a further member. Read off the
    words, as the parser often hangs the phrase on the main verb."""
    doc = last.doc
    i = _phrase(last).end
    if i < len(doc) and doc[i].text == ",":
        i += 1
    if (
        i + 1 >= len(doc)
        or doc[i].lower_ not in ("along", "together")
        or doc[i + 1].lower_ != "with"
    ):
        return None
    objects = [c for c in doc[i + 1].children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")]
    return objects[0] if objects else None


def _is_weapon(token: Token) -> bool:
    return token.lemma_.lower() in WEAPONS


_OWNER_ENTS = frozenset({"GPE", "NORP", "ORG", "PERSON"})


def _resolve_weapon(token: Token) -> Token | None:
    """ "dozens of missiles from Iran" -> Iran; a weapon with no owner -> None."""
    for child in token.subtree:
        if child.dep_ == "pobj" and child.head.lower_ in {"from", "by"} and not _is_weapon(child):
            return child
        if child.dep_ == "poss" and not _is_weapon(child):
            return child
    for child in token.children:
        # "Israeli airstrikes killed …", "US Predator attacks": the named modifier owns it.
        if child.dep_ in {"compound", "amod"} and child.ent_type_ in _OWNER_ENTS:
            return child
    return None


def _usable(token: Token | None) -> Token | None:
    """The actor a subject names: a pronoun's antecedent, the people a quantity counts
    ("thousands of Kurds"), a weapon's owner; None for pronouns with no antecedent."""
    if token is None:
        return None
    if token.lower_ in _PERSONAL and token.pos_ == "PRON":
        antecedent = _antecedent(token)
        if antecedent is not None:
            return antecedent
    if (
        token.lower_ in PRONOUNS
        and token.pos_ == "PRON"
        and token.lower_ not in {"he", "she", "they", "we"}
    ):
        return None
    counted = _counted(token)
    if _is_weapon(counted):
        return _resolve_weapon(token)  # "dozens of missiles from Iran": the whole phrase
    return counted


def doer(actor: Argument) -> Argument:
    """The actor to report: an act named as the doer ("the bombing killed 30") stands for
    whoever did it, the party its own phrase names ("the Taliban attack") or no one.

    Applied to the finished event only: the filters of the detector read the subject as
    written ("a landslide blocked the road" is no protest because a landslide is no party).
    """
    if len(actor.heads) != 1 or not _is_act(actor.heads[0]):
        return actor
    return argument(_act_party(actor.heads[0]))


def _is_act(token: Token) -> bool:
    """Whether a subject names an act or happening, not a party: a common noun whose most
    frequent WordNet sense is an act or event ("the bombing", "the operation", "the raid")."""
    if token.pos_ != "NOUN" or participant(token):
        return False
    senses = load_wordnet().supersenses(token.lemma_.lower(), "n")
    return bool(senses) and senses[0] in {"noun.act", "noun.event"}


def _act_party(act: Token) -> Token | None:
    """The party an act's own phrase names as its doer ("the Taliban attack", "Russia's
    offensive"), or None: the act is not its own actor."""
    for child in act.children:
        if child.dep_ in {"compound", "poss", "amod"} and child.ent_type_ in _OWNER_ENTS:
            return child
    by = _prep_object(act, frozenset({"by"}))
    return by if by is not None and participant(by) else None


# Pronouns that refer back to a party named as the subject of a governing verb.
_PERSONAL = frozenset({"it", "they", "he", "she", "we", "its", "their", "his", "her", "our"})
# Heads that count or group the party in their "of" phrase.
QUANTITIES = frozenset(
    {"thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "ten", "tens"}
    | {"million", "millions", "score", "scores", "group", "groups", "number", "member"}
    | {"members", "some", "many", "most", "handful", "band", "majority", "several", "all"}
    | {"part", "parts"}
)


def _antecedent(pronoun: Token) -> Token | None:
    """The nearest earlier non-pronoun subject of a verb that governs ``pronoun``: "the
    rebels said they will release …", "Japan said it had halted …", "fundamentalists
    continued their hunger strike". The usual reading in news; no further coreference."""
    node = pronoun
    for _ in range(6):
        head = node.head
        if head is node:
            return None
        if head.pos_ in {"VERB", "AUX"}:
            for child in head.children:
                if (
                    child.dep_ in {"nsubj", "nsubjpass"}
                    and child.i < pronoun.i
                    and child.i != pronoun.i
                    and child.pos_ != "PRON"
                    and _agrees(pronoun, _counted(child))
                ):
                    return _counted(child)
        node = head
    return None


_SINGULAR_PRONOUNS = frozenset({"he", "she", "his", "her", "it", "its"})
_PERSON_PRONOUNS = frozenset({"he", "she", "his", "her"})
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})


def _agrees(pronoun: Token, antecedent: Token) -> bool:
    """Number and animacy: "he" or "it" is no plural noun, and "he" is a name or a person
    ("authorities handled his custody before he shot Steinle": he is neither the authorities
    nor "the controversy" over it). Plural pronouns go unchecked, as news says "they" of an
    organisation."""
    if pronoun.lower_ not in _SINGULAR_PRONOUNS:
        return True
    if antecedent.tag_ in _PLURAL_TAGS or antecedent.conjuncts:
        return False
    return (
        pronoun.lower_ not in _PERSON_PRONOUNS or antecedent.pos_ == "PROPN" or _person(antecedent)
    )


def _counted(token: Token) -> Token:
    """ "Tens of thousands of students" → students; "a group of refugees" → refugees."""
    for _ in range(3):
        if token.lemma_.lower() not in QUANTITIES and token.lower_ not in QUANTITIES:
            return token
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = None if of is None else dep_child(of, "pobj")
        if obj is None:
            return token
        token = obj
    return token


def dep_child(token: Token, *deps: str) -> Token | None:
    """The first child of ``token`` attached by one of ``deps``."""
    return next((c for c in token.children if c.dep_ in deps), None)


def _prep_object(token: Token, preps: frozenset[str]) -> Token | None:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def passive_agent(token: Token) -> Token | None:
    """The object of a passive verb's "by" phrase ("was attacked by gunmen" → gunmen); None
    when the phrase is a deadline ("was repulsed by late September", "by the end of the
    year"), which the parser also attaches as the agent."""
    by = dep_child(token, "agent")
    agent = None if by is None else dep_child(by, "pobj")
    if agent is None or participant(agent):
        return agent
    if any(t.ent_type_ in {"DATE", "TIME"} for t in agent.subtree):
        return None
    return agent


def passive(verb: Token) -> bool:
    """Whether the verb is passive ("was beaten")."""
    return any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)


def doer_and_done_to(verb: Token) -> tuple[Token | None, Token | None]:
    """The verb's doer and the one it is done to, active or passive."""
    if passive(verb):
        return passive_agent(verb), dep_child(verb, "nsubjpass")
    return dep_child(verb, "nsubj"), dep_child(verb, "dobj")


_ATTEMPTS = frozenset({"attempt", "bid", "plot", "effort", "try", "conspiracy"})


def inherited_subject(token: Token) -> Token | None:
    """The subject a complement or modifier shares with the verb that governs it."""
    current = token
    for _ in range(4):
        head = current.head
        if head is current:
            return None
        if current.dep_ in {"acl"} and head.pos_ in {"NOUN", "PROPN"}:
            # "a law demanding …": the law's maker is the subject of the verb that has the law;
            # but whoever foiled "an attempt to assassinate …" is not the one who attempted it.
            if head.dep_ in {"dobj", "nsubjpass"} and head.lemma_.lower() not in _ATTEMPTS:
                subject = dep_child(head.head, *SUBJECT_DEPS)
                return subject if subject is not None else passive_agent(head.head)
            return None
        if current.dep_ not in _CLAUSAL and current.dep_ != "acomp":
            return None  # "Norway is willing to send …" climbs through "willing"
        subject = dep_child(head, *SUBJECT_DEPS)
        if subject is not None:
            return subject
        current = head
    return None


def verb_arguments(trigger: Token) -> tuple[Argument, Argument]:
    """Actor and recipient of a verbal trigger."""
    is_passive = passive(trigger)
    actor_head: Token | None
    recipient_head: Token | None
    if is_passive:
        actor_head = passive_agent(trigger)
        recipient_head = dep_child(trigger, "nsubjpass")
    else:
        actor_head = dep_child(trigger, *SUBJECT_DEPS)
        recipient_head = dep_child(trigger, *OBJECT_DEPS)
        if actor_head is None and trigger.dep_ in _CLAUSAL | {"acl"}:
            actor_head = inherited_subject(trigger)
    if actor_head is not None and actor_head.lower_ in {"who", "that", "which"}:
        actor_head = trigger.head if trigger.dep_ == "relcl" else None
    actor_head = _usable(actor_head)
    against = _prep_object(trigger, RECIPIENT_PREPS)
    recipient_head = _prefer_target(recipient_head, against, trigger)
    recipient_head = _usable_recipient(recipient_head)
    if recipient_head is not None and not participant(recipient_head):
        recipient_head = affected_party(trigger, recipient_head) or recipient_head
    elif recipient_head is None and not is_passive:
        recipient_head = affected_party(trigger, None) or _controlled_subject(trigger)
    return argument(actor_head), argument(recipient_head)


def _controlled_subject(trigger: Token) -> Token | None:
    """The party an act with no object lets or makes act: the subject of its infinitive
    complement ("allowed candidate Ouattara to participate" → Ouattara)."""
    for clause in trigger.children:
        if clause.dep_ != "ccomp" or not any(c.lower_ == "to" for c in clause.children):
            continue
        subject = dep_child(clause, "nsubj")
        if subject is not None and participant(subject):
            return subject
    return None


def noun_arguments(trigger: Token, carrier: Token | None) -> tuple[Argument, Argument]:
    """Actor and recipient of a noun trigger; ``carrier`` is its light verb, if any."""
    actor_head: Token | None = None
    for child in trigger.children:
        if child.ent_type_ in {"DATE", "TIME"}:
            continue  # "Tuesday's meeting" says when
        if (
            child.dep_ == "poss"
            or (child.dep_ == "compound" and child.ent_type_ in {"GPE", "NORP", "ORG", "PERSON"})
            or (child.dep_ == "amod" and child.ent_type_ in {"NORP", "GPE"})
        ):
            actor_head = child
            break
    if actor_head is None:
        by = _prep_object(trigger, frozenset({"by"}))
        actor_head = by
    if actor_head is None and carrier is None and _on_state(trigger):
        # "the pilots went on strike": whoever is on strike is the subject of the verb
        actor_head = dep_child(trigger.head.head, *SUBJECT_DEPS)
    if actor_head is None and carrier is not None:
        is_passive = passive(carrier)
        actor_head = passive_agent(carrier) if is_passive else dep_child(carrier, *SUBJECT_DEPS)
        if actor_head is None and not is_passive:
            actor_head = inherited_subject(carrier)
    undergoer = None
    if actor_head is not None and _undergoes(actor_head, trigger):
        undergoer, actor_head = actor_head, _prep_object(trigger, frozenset({"by"}))
    actor_head = _usable(actor_head)
    recipient_head = _prep_object(trigger, NOUN_RECIPIENT_PREPS)
    if undergoer is not None and _usable_recipient(recipient_head) is None:
        recipient_head = _usable(undergoer)  # not "Monday" in "Okafor's arrest on Monday"
    if recipient_head is None and carrier is not None:
        recipient_head = _prep_object(carrier, RECIPIENT_PREPS)
    recipient_head = _usable_recipient(_prefer_target(recipient_head, None, trigger))
    return argument(actor_head), argument(recipient_head)


# Acts whose noun's possessor is the person who undergoes them when no "of" phrase names
# another ("Guyger's arrest", "his release", "the journalist's murder"); with one, the possessor
# is the doer ("the army's killing of civilians").
_UNDERGONE = frozenset(
    {"arrest", "detention", "capture", "abduction", "kidnapping", "kidnap", "imprisonment",
     "incarceration", "internment", "deportation", "expulsion", "extradition", "release",
     "execution", "assassination", "murder", "killing", "torture", "beating", "lynching",
     "conviction", "acquittal", "sentencing", "indictment", "prosecution", "trial", "ouster",
     "dismissal", "exile", "disappearance", "rescue", "death", "injury", "wounding"}
)  # fmt: skip


def _undergoes(possessor: Token, trigger: Token) -> bool:
    """Whether a noun trigger's possessor is a person it happened to, not its doer."""
    if possessor.dep_ != "poss" or trigger.lemma_.lower() not in _UNDERGONE:
        return False
    if _prep_object(trigger, frozenset({"of"})) is not None:
        return False
    if possessor.pos_ == "PRON":
        return possessor.lower_ in {"his", "her", "their"}
    return possessor.ent_type_ == "PERSON" or _person(possessor)


def _on_state(trigger: Token) -> bool:
    """Whether a noun trigger is the object of "on" under a verb ("went on strike")."""
    prep = trigger.head
    return trigger.dep_ == "pobj" and prep.lower_ == "on" and prep.head.pos_ in {"VERB", "AUX"}


def _prefer_target(direct: Token | None, against: Token | None, trigger: Token) -> Token | None:
    """A site ("the airbase") yields to who is there; a weapon fired is not the target
    ("fired shells at targets in Jericho").

    PLOVER's recipient is the party an act is aimed at; a site only locates it (the place
    stage links the site). So a site yields to the party the text puts there, most specific
    first: its owner or occupant stated on the phrase itself ("the US-run base", "the base
    that hosts US troops"), a stated "against" target later in the sentence ("… as revenge
    against the US military"), then the occupant stated at an earlier mention of the same
    site ("the latest attack against the airbase", "the Ain al-Assad was targeted"). With no
    party stated, the site stays the recipient.
    """
    if direct is not None and _is_weapon(direct) and against is None:
        # "launched artillery, mortar and rocket fire against guerrilla camps": the target
        # phrase hangs on the weapon (its last conjunct), not on the verb.
        against = _weapon_target(direct)
    if direct is not None and _is_weapon(direct) and against is not None:
        direct = None
    candidate = direct if direct is not None else against
    if candidate is None:
        return None
    earlier = _earlier_site_mention(candidate)
    if candidate.lemma_.lower() not in FACILITIES and earlier is None:
        return candidate
    stated = occupant(candidate)
    if stated is not None:
        return stated
    for token in trigger.sent:
        if (
            token.dep_ == "pobj"
            and token.head.lower_ == "against"
            and token is not candidate
            and token.lemma_.lower() not in FACILITIES
            and token.i > trigger.i
        ):
            return token
    if earlier is not None:
        return occupant(earlier) or candidate
    return candidate


def _weapon_target(weapon: Token) -> Token | None:
    """The object of an "against/at/on/into" phrase of a weapon or its conjuncts, or of the
    relative clause that tells what the weapon hit ("fired the shot that killed Steinle")."""
    for member in (weapon, *weapon.conjuncts):
        for child in member.children:
            if child.dep_ == "prep" and child.lower_ in {"against", "at", "on", "into"}:
                target = dep_child(child, "pobj")
                if target is not None:
                    return target
            if child.dep_ == "relcl" and any(
                g.dep_ == "nsubj" and g.lower_ in {"that", "which"} for g in child.children
            ):
                target = dep_child(child, "dobj")
                if target is not None and not _is_weapon(target):
                    return target
    return None


# Verbs that put a party at a site: "the base that hosts US troops", "a checkpoint manned by
# police", "the base where French troops are stationed", "the US-run base".
_OCCUPYING = frozenset(
    {"host", "house", "station", "base", "deploy", "garrison", "use", "occupy", "man"}
    | {"run", "operate", "control", "hold", "guard", "belong", "own", "lead", "be"}
)
_RELATIVES = frozenset({"that", "which", "who", "whom", "where"})


def occupant(site: Token) -> Token | None:
    """The party the text puts at ``site``: its possessor ("the army's base"), the named
    party of a hyphenated "-run/-led" modifier ("the US-run base"), or the party of a
    relative or participial clause with an occupying verb ("that hosts US troops", "used by
    UN peacekeepers", "where French troops are stationed", "which is home to …"). The clause
    is found by attachment or, as the parser often hangs it on the head of an apposition, by
    starting right after the site ("positions, especially the airbase that hosts …")."""
    owner = dep_child(site, "poss")
    if owner is not None:
        return owner
    for child in site.children:
        if child.dep_ in {"amod", "compound"} and child.lemma_.lower() in _OCCUPYING:
            named = [g for g in child.children if g.ent_type_ in _OWNER_ENTS]
            if named:
                return named[0]  # "the US-run base"
        if child.dep_ == "compound" and child.lemma_.lower() in PARTY_NOUNS:
            return child  # "a rebel stronghold", "guerrilla camps", "a police station"
    for clause in _site_clauses(site):
        party = _clause_party(clause)
        if party is not None:
            return party
    return None


def _site_clauses(site: Token) -> list[Token]:
    """Clauses that describe ``site``: attached to it, or opening right after it with a
    relative word (misattached to another noun)."""
    clauses = [c for c in site.children if c.dep_ in {"relcl", "acl"}]
    doc = site.doc
    nxt = site.i + 1
    if nxt < len(doc) and doc[nxt].text == ",":
        nxt += 1
    if nxt < len(doc) and doc[nxt].lower_ in _RELATIVES:
        head = doc[nxt].head
        if head.dep_ in {"relcl", "acl"} and head not in clauses:
            clauses.append(head)
    return [c for c in clauses if c.lemma_.lower() in _OCCUPYING]


def _clause_party(clause: Token) -> Token | None:
    """The party an occupying clause names: the agent of a passive ("used by …"), the
    subject of "are stationed", the object of "hosts", the "to" object of "belongs to" or
    "is home to", the subject of "that US forces use"."""
    if clause.lemma_.lower() == "be":
        home = next((c for c in clause.children if c.dep_ == "attr" and c.lower_ == "home"), None)
        return None if home is None else _prep_object(home, frozenset({"to"}))
    candidates = [
        passive_agent(clause),
        dep_child(clause, "nsubjpass", "dobj"),
        _prep_object(clause, frozenset({"to"})) if clause.lemma_.lower() == "belong" else None,
        dep_child(clause, "nsubj"),
    ]
    for token in candidates:
        if token is not None and token.lower_ not in _RELATIVES and participant(token):
            return token
    return None


def _earlier_site_mention(candidate: Token) -> Token | None:
    """The last earlier mention of the site ``candidate`` refers to: for a definite site noun
    ("the airbase") the same noun, with the same name if it has one; for a bare name ("the
    Ain al-Assad") a site noun that the name modified ("the Ain al-Assad airbase"). None for
    an indefinite site ("a base") or a name no earlier site carried."""
    lemma = candidate.lemma_.lower()
    earlier = reversed(candidate.doc[: candidate.i])
    if lemma not in FACILITIES:
        if candidate.pos_ != "PROPN":
            return None
        return next(
            (
                t.head
                for t in earlier
                if t.text == candidate.text
                and t.dep_ == "compound"
                and t.head.lemma_.lower() in FACILITIES
            ),
            None,
        )
    if not any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in candidate.children):
        return None
    names = _names(candidate)
    return next(
        (t for t in earlier if t.lemma_.lower() == lemma and (not names or names & _names(t))),
        None,
    )


_DEFINITE = frozenset({"the", "this", "that"})


def _names(site: Token) -> set[str]:
    """The proper-noun words that name a site ("Ain", "Assad" of "the Ain al-Assad base")."""
    return {c.text for c in site.children if c.dep_ == "compound" and c.pos_ == "PROPN"}


def participant(token: Token) -> bool:
    """Whether a token names someone who can be acted on: a named actor or a group noun
    ("military" only as a head: "a military offensive" names no party; a sea is no party)."""
    if token.lemma_.lower() in _WATER_NOUNS:
        return False
    if token.ent_type_ in _PARTY_ENTS:
        return True
    lemma = token.lemma_.lower()
    if lemma == "military" and token.dep_ in {"compound", "amod"}:
        return False
    return lemma in PARTY_NOUNS


def affected_party(
    trigger: Token, thing: Token | None, thing_modifiers: bool = True
) -> Token | None:
    """The party an act on a thing affects, when the object is a thing, not a party.

    PLOVER's recipient is who the act is aimed at: "eased emergency measures in Montenegro"
    → Montenegro, "handed over medicine to the Red Crescent" → Red Crescent, "rejected a
    Senegalese peace plan" → Senegalese, "closed its borders with Iran and Turkey" → Iran.
    Looks at the verb's prepositional objects, then inside the object's phrase (its "to",
    "with", "from", "of", "by" objects, a participle's agent, possessor and nationality
    modifiers unless ``thing_modifiers`` is off, as for a noun trigger whose modifiers name
    its actor); only named parties count (a named entity first, then a party noun: "food aid
    to refugees", last a named modifier of an object found there, not of a weapon or attack:
    "a blockade on Palestinian lorries" → Palestinian), so an unnamed thing stays the
    recipient.
    """
    places: list[Token] = []
    for child in trigger.children:
        if child.dep_ in {"prep", "dative"} and child.lower_ in _PARTY_PREPS:
            places.extend(g for g in child.children if g.dep_ == "pobj")
    inner: list[Token] = []
    if thing is not None:
        for child in thing.children:
            if child.dep_ in {"poss", "compound", "amod"} and child.i < thing.i:
                if thing_modifiers:
                    places.append(child)
            elif child.dep_ == "prep" and child.lower_ in _PARTY_PREPS | {"of", "by"}:
                if child.lower_ == "by" and not thing_modifiers:
                    continue  # "an accusation by X": a noun trigger's "by" names its actor
                if child.lower_ == "in" and _person(thing):
                    continue  # "shot dead a judge in Kabul": where the judge was, not whom
                inner.extend(g for g in child.children if g.dep_ == "pobj")
            elif child.dep_ == "acl":
                inner.extend(filter(None, [passive_agent(child)]))  # "crimes committed by X"
    for token in places:
        if token.lemma_.lower() in _PROPOSALS:  # "respond to a demand from the US President"
            inner.extend(prep_objects(token, frozenset({"from", "by"})))
    # Where the act happened ("In California, a lawsuit was filed against Apple") yields to
    # whom it names; "eased measures in Montenegro" still finds Montenegro, its only party.
    ordered = sorted([*places, *inner], key=lambda t: t.head.lower_ == "in" and t.dep_ == "pobj")
    places = [_named_place(t) for t in ordered]
    for token in places:
        if token.ent_type_ in _PARTY_ENTS and token.lemma_.lower() not in _WATER_NOUNS:
            return token
    for token in places:
        if participant(_counted(token)) and token.ent_type_ not in {"DATE", "TIME"}:
            return _counted(token)  # "granted asylum to five army officers"
    for token in places:
        if _is_weapon(token):
            continue  # "killed in Taliban attacks": the attack's modifier is its owner
        for child in token.children:
            if child.dep_ in {"amod", "compound", "poss"} and child.ent_type_ in _OWNER_ENTS:
                return child  # "lifted a blockade on Palestinian lorries" → Palestinian
    return None


# Proposals whose author a response is aimed at.
_PROPOSALS = frozenset(
    {"demand", "call", "request", "appeal", "offer", "plan", "proposal", "invitation", "plea"}
)


def _person(token: Token) -> bool:
    """Whether a common noun is a person by WordNet's most frequent sense ("a judge")."""
    senses = load_wordnet().supersenses(token.lemma_.lower(), "n") if token.pos_ == "NOUN" else ()
    return bool(senses) and senses[0] == "noun.person"


def prep_objects(token: Token, preps: frozenset[str]) -> list[Token]:
    """The objects of ``token``'s prepositions among ``preps`` ("fought against X and Y")."""
    return [
        g
        for c in token.children
        if c.dep_ == "prep" and c.lower_ in preps
        for g in c.children
        if g.dep_ == "pobj"
    ]


_PLACE_NOUNS = frozenset({"town", "city", "village", "province", "region", "district", "area"})


def _named_place(token: Token) -> Token:
    """The name a place noun introduces ("the town of Cizre" → Cizre), else the token."""
    if token.lemma_.lower() in _PLACE_NOUNS:
        name = _prep_object(token, frozenset({"of"}))
        if name is not None and name.ent_type_ in {"GPE", "LOC"}:
            return name
    return token


def _usable_recipient(token: Token | None) -> Token | None:
    """The party a recipient phrase names; None for dates ("demanded on Tuesday that …" has
    no recipient in "Tuesday"), empty pronouns and waters ("patrolled the South China Sea":
    the sea is where, the places stage's business)."""
    if token is None or (token.pos_ == "PRON" and token.lower_ in {"it", "this", "that", "what"}):
        return None
    if token.ent_type_ in {"DATE", "TIME"} or token.lemma_.lower() in _WATER_NOUNS:
        return None
    token = _counted(token)
    if token.lemma_.lower() in NOMINALIZATIONS:
        # "demanding the expulsion of all US-led forces": the forces are the recipient.
        inner = _prep_object(token, frozenset({"of"}))
        if inner is not None:
            return inner
    return token


def argument(head: Token | None) -> Argument:
    """The argument headed by ``head`` with its coordinated members (empty for None)."""
    if head is None:
        return Argument()
    members = _members(head)
    spans = [_phrase(m) for m in members]
    start = min(s.start for s in spans)
    end = max(s.end for s in spans)
    return Argument(members, head.doc[start:end])
