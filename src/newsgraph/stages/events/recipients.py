"""Recipients that depend on the event's type, decided after typing.

PLOVER's recipient is the party an act is aimed at. The dependency rules of
:mod:`.arguments` take the grammatical target, which for some types is not that party:

* forces moved, offered or withdrawn are the actor's instrument; the act is aimed at the
  country they go to or leave ("withdraw its troops from Lebanon" → Lebanon, "deploy
  peacekeepers in Iraq" → Iraq; CAMEO codes troop movements against that country);
* a protest is aimed at the party its stated cause or demand names ("hunger strike to demand
  the resignation of President X" → X, "blocked streets in defiance of the authorities"), not
  at the road it blocks or the town it is held in;
* an accusation or investigation of a crime is aimed at who committed it ("an
  investigation into crimes committed by Croat forces against civilians" → Croat forces);
* a threat is aimed at whoever must meet its condition ("threatened to strike unless Israel
  rescinded …" → Israel);
* a verbal or non-violent act named by a noun, aimed at no party of its own, is aimed at the
  party its phrase names ("issued an ultimatum to Ecuador", "a suspension of air links with
  Serbia" → Serbia, "a curfew in the town of Cizre" → Cizre).
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.stages.events.arguments import Argument, affected_party, argument, participant

# Types whose object can be the actor's own forces rather than the party acted on.
_FORCE_MOVERS = frozenset(
    {"MOBILIZE", "RETREAT", "AGREE", "THREATEN", "REJECT", "AID", "COOPERATE", "SUPPORT"}
)
# Personnel a government sends, withdraws or offers.
FORCE_NOUNS = frozenset(
    {
        "troop",
        "force",
        "peacekeeper",
        "soldier",
        "inspector",
        "reservist",
        "army",
        "personnel",
        "contingent",
        "unit",
        "monitor",
        "observer",
        "marine",
    }
)
_MOVE_PREPS = frozenset({"from", "in", "to", "into", "for", "against", "inside", "out"})
_PLACE_ENTS = frozenset({"GPE", "LOC"})
_NAMED_ENTS = frozenset({"GPE", "LOC", "NORP", "ORG", "PERSON"})
# Words that open a protest's stated cause or demand.
_DEMANDING = frozenset({"demand", "press", "protest", "call", "urge", "seek", "oppose"})
_CAUSE_PREPS = frozenset({"against", "over"})
_CAUSE_NOUNS = frozenset({"protest", "defiance"})
_CONDITIONS = frozenset({"unless", "if"})
# Acts whose noun's target is where the force landed ("an attack against a neighbourhood"):
# left to the dependency rules, which also decide when two mentions are one act.
_PHYSICAL = frozenset({"ASSAULT", "PROTEST"})
_AIMING_PREPS = frozenset({"against", "on", "with", "toward", "towards", "at"})


def typed_recipient(
    kind: str, trigger: Token, carrier: Token | None, recipient: Argument, actor: Argument
) -> Argument:
    """The recipient of a typed event: ``recipient`` unless a rule above names the party the
    act is aimed at (never the actor itself)."""
    found = _typed_party(kind, trigger, carrier, recipient, actor)
    span = actor.span
    if found is None or (span is not None and span.start <= found.i < span.end):
        if kind not in _FORCE_AT and recipient.heads and _site_at(recipient.heads[0]):
            return Argument()
        return recipient
    return argument(found)


# Types whose "at" object is what force was aimed at ("fired at the embassy", "hurled stones at
# police"); for any other act it is where it happened ("convened at a luxury hotel").
_FORCE_AT = frozenset({"ASSAULT", "COERCE", "PROTEST", "THREATEN"})


def _site_at(head: Token) -> bool:
    """A thing, not a party, named by an "at" phrase: a place or an occasion."""
    return head.dep_ == "pobj" and head.head.lower_ == "at" and not participant(head)


def _typed_party(
    kind: str, trigger: Token, carrier: Token | None, recipient: Argument, actor: Argument
) -> Token | None:
    """The party a type rule names, or None to keep the dependency rules' recipient."""
    head = recipient.heads[0] if recipient.heads else None
    if trigger.pos_ != "VERB" and kind not in _PHYSICAL and (head is None or not participant(head)):
        # "issued an ultimatum to Ecuador", "a suspension of air links with Serbia"
        scope = carrier if carrier is not None else trigger
        thing = head if head is not None else trigger
        party = affected_party(scope, thing, thing is not trigger)
        if party is not None:
            return party
    if kind in _FORCE_MOVERS and head is not None and _moved_forces(head):
        place = deployment_place(head)
        if place is not None:
            return place
    if kind == "PROTEST" and not _direct_party(head, trigger, carrier):
        target = protest_target(trigger, carrier, actor)
        if target is not None:
            return target
    if kind == "ACCUSE":
        perpetrator = crime_author(carrier or trigger)
        if perpetrator is not None:
            return perpetrator
    if kind == "THREATEN" and (head is None or not participant(head)):
        subject = condition_subject(carrier or trigger)
        if subject is not None:
            return subject
    return None


def _moved_forces(token: Token) -> bool:
    """Unnamed personnel ("its troops", "peacekeepers", "army reservists")."""
    return token.lemma_.lower() in FORCE_NOUNS and token.ent_type_ not in _NAMED_ENTS


def deployment_place(forces: Token) -> Token | None:
    """The country moved forces go to or leave: a place named in a "from/in/to/into/for/
    against" phrase of the forces, of the verb they are the object of, or of the noun whose
    "of" phrase holds them ("withdrawal of forces from Panama"); a place first, then any
    named party ("offered its troops to Lebanon's president")."""
    while forces.dep_ == "compound":
        forces = forces.head  # "army reservists"
    scopes = [forces]
    if forces.dep_ in {"dobj", "nsubjpass", "dative", "nsubj"}:
        scopes.append(forces.head)
    elif forces.dep_ == "pobj" and forces.head.lower_ == "of":
        scopes.append(forces.head.head)
    preps = sorted(
        (c for s in scopes for c in s.children if c.dep_ == "prep" and c.lower_ in _MOVE_PREPS),
        key=lambda t: t.i,
    )
    for labels in (_PLACE_ENTS, _NAMED_ENTS - {"NORP"}):
        for prep in preps:
            for token in prep.subtree:
                if token.ent_type_ in labels and token.pos_ == "PROPN":
                    return token
    return None


def _direct_party(head: Token | None, trigger: Token, carrier: Token | None) -> bool:
    """Whether the recipient is a party the protest acts on directly ("marched against the
    government", "besieged the ministry's staff"), not a thing or the place of a thing."""
    if head is None or not participant(head):
        return False
    if head.dep_ == "pobj":
        # "marched in Quito" names where, not whom.
        return head.head.lower_ in _AIMING_PREPS and head.head.head in {trigger, carrier}
    return head.head in {trigger, carrier}


def protest_target(trigger: Token, carrier: Token | None, actor: Argument) -> Token | None:
    """The first party named in a protest's stated demand or cause: a purpose or participial
    clause of demanding ("to demand the resignation of …", "calling for the removal of …"),
    an "against/over" phrase, or "in protest of/against", "in defiance of"."""
    skip = {t.i for h in actor.heads for t in h.subtree}
    roots = [t for t in (trigger, carrier) if t is not None]
    seen: set[int] = set()
    for root in roots:
        for token in root.subtree:
            if token.i in seen or token.i in skip or not _opens_cause(token):
                continue
            seen.add(token.i)
            party = _first_party(token, skip)
            if party is not None:
                return party
    return None


def _opens_cause(token: Token) -> bool:
    if token.pos_ == "VERB" and token.lemma_.lower() in _DEMANDING:
        return token.dep_ in {"xcomp", "advcl", "acl", "relcl"}
    if token.dep_ == "prep" and token.lower_ in _CAUSE_PREPS:
        return True
    return token.dep_ == "prep" and token.head.lemma_.lower() in _CAUSE_NOUNS


def _first_party(opener: Token, skip: set[int]) -> Token | None:
    """The first party in ``opener``'s phrase, raised to the party noun it modifies
    ("Algerian" of "Algerian government forces" → forces)."""
    for token in opener.subtree:
        if token is opener or token.i in skip or not participant(token):
            continue
        if token.ent_type_ in {"DATE", "TIME"}:
            continue
        while token.dep_ in {"compound", "amod", "poss", "nmod"} and participant(token.head):
            token = token.head
        return token
    return None


def condition_subject(predicate: Token) -> Token | None:
    """The subject of a threat's condition ("… unless Israel rescinded …", "… if the United
    States goes ahead …"), on the threat's verb, its complement or the verb governing it."""
    scopes = [predicate, *(c for c in predicate.children if c.dep_ in {"xcomp", "ccomp"})]
    if predicate.dep_ in {"xcomp", "ccomp"}:
        scopes.append(predicate.head)
    for scope in scopes:
        for clause in scope.children:
            if clause.dep_ != "advcl":
                continue
            if not any(c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in clause.children):
                continue
            subject = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if subject is not None and subject.pos_ != "PRON" and participant(subject):
                return subject
    return None


# CAMEO's &CRIME synset: nouns whose "by" phrase names the one accused.
CRIME_NOUNS = frozenset(
    {"crime", "offense", "offence", "infraction", "violation", "infringement"}
    | {"transgression", "misconduct", "wrongdoing", "misdemeanor", "misdemeanour", "felony"}
)


def crime_author(predicate: Token) -> Token | None:
    """The party a crime in the accusation's words was committed by ("war crimes by X",
    "crimes committed by X")."""
    for token in predicate.subtree:
        if token.lemma_.lower() not in CRIME_NOUNS:
            continue
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "by":
                author = next((g for g in child.children if g.dep_ == "pobj"), None)
            elif child.dep_ == "acl":
                agent = next((g for g in child.children if g.dep_ == "agent"), None)
                author = (
                    None
                    if agent is None
                    else next((g for g in agent.children if g.dep_ == "pobj"), None)
                )
            else:
                continue
            if author is not None and participant(author):
                return author
    return None
