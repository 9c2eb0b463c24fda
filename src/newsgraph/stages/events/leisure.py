"""Sport, culture, science and weather told in the words of conflict and diplomacy.

Issue 6, fourth round. After :mod:`.agency` (who can be a party) and :mod:`.commerce` (acts of
firms and households), news of games, shows, research and the weather still gave events
through verbs that CAMEO files under force or diplomacy. Each class below is judged by
WordNet or by the dependency pattern, not by a list of sentences:

* **contests won** — a verb of winning ("beat", "defeat", "crush"; WordNet "get the better
  of") between two sides that are contestants: names WordNet knows as no people, no group
  and no state ("Arsenal", "the Lakers", "Liverpool"), or contestant nouns ("the champions",
  "their rivals"), with no weapon or act of violence in the clause. "Israel defeated Egypt",
  "Hamas defeated Fatah" and "troops defeated the rebels" name parties and stay fighting.
* **force on an abstraction or a message** — breaking a record, killing a bill, attacking a
  virus: the thing done to is an abstraction, a message or a microbe by its most frequent
  sense, and no act of the lexicon ("broke the ceasefire" stays).
* **criticism in words of force** — "blasted the decision", "attacked the plan": a verb of
  force with a sense of speech (WordNet ``verb.communication``) aimed at a message, an idea or
  a decision is the disapproval CODEBOOKS.md files under ACCUSE; verbs of breaking ("broke the
  news") are no criticism.
* **shows** — a show, a contest, an entertainment or a work of art (WordNet hypernyms) is no
  party and no act between parties: praising or panning it ("critics blasted the film", "the
  festival was hailed as a success"), hosting it ("the city hosted the Olympic Games") or
  postponing it ("the concert was postponed") is no event.
* **pictures made** — shooting a film or capturing images is making a work, not violence.
* **things and institutions** — praising or blaming a thing or the weather ("farmers
  welcomed the rain"), a school's or a hospital's ban on its own ground ("the hospital banned
  visitors"), signing a copy or a thing ("the author signed copies of her book") is no event.
* **computers attacked** — an attack by hackers or on servers and websites is the COERCE
  (mode cyber) of CODEBOOKS.md, not an ASSAULT.
* **inaugurations, removals and sport's rules** — someone who is no state opening a new
  building ("the mayor opened the new bridge"), removing a thing ("the surgeon removed a
  tumour"), a ban or a suspension of a contestant ("the athlete was banned for doping").
* **local decisions** — voting down a thing ("voters rejected the new library"), approving
  plans or funding for one ("approved funding for a new stadium"), visiting a place that
  names no party ("visited the flooded areas"): no counterpart is refused, met or yielded to.
* **forces of nature** — snow, a storm, a flood or a wildfire (WordNet "natural phenomenon",
  "conflagration") is no party, whatever it forces or destroys.
* **training** — training people who bear no arms ("workers were trained") is teaching, not
  the military cooperation CAMEO means by training troops.
* **acts talked about** — a body debating or discussing an act with no counterpart
  ("lawmakers debated the bombing"), or people studying one ("historians studied the
  invasion"): the act is the topic; no one consults anyone nor investigates a charge.
  Investigating ("police are investigating the killing") stays an inquiry. So does a topic
  that is no party and no weapon (fifth round: "the assembly debated the housing bill",
  "founded to study and preserve folk music", the object its coordinated verb shares).
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.resources.wordnet import load_wordnet
from newsgraph.stages.events.agency import (
    CONTESTED_SENSES,
    THING_SENSES,
    abstract,
    first_sense,
    thing,
    victim,
    weapon,
)
from newsgraph.stages.events.arguments import (
    QUANTITIES,
    dep_child,
    doer_and_done_to,
    prep_objects,
)

# Verbs of winning that WordNet files first under another sense ("crush" presses first).
_WINNING = frozenset({"beat", "defeat", "crush", "thrash", "trounce", "rout", "vanquish"})
_WON = "get the better of"
# What a contestant noun descends from (the first hypernyms or the noun itself).
_CONTESTANTS = frozenset({"contestant", "athlete", "team", "rival", "champion", "opponent"})
# A name that WordNet knows as one of these, by its most frequent sense, is a party.
_PARTY_SENSES = frozenset({"noun.person", "noun.group"})
# ("state" alone is also a condition: "black" descends from it.)
_STATES = frozenset({"country", "nation", "sovereign state", "kingdom", "republic"})
# Hypernyms that make a noun a show, a contest or a work of art.
_SHOWS = frozenset(
    {"show", "diversion", "entertainment", "contest", "performance", "art"}
    | {"musical composition", "literary composition"}
)
# Microbes and what they cause are fought by medicine, not by force.
_MICROBES = frozenset({"microorganism", "infectious agent"})
_BREAKING = frozenset({"change integrity", "break", "end"})
# What force is used of figuratively: a message, an idea, a quality, a state, a feeling; not
# a quantity, a part, a place or a possession ("inflicted heavy losses", "regained territory").
_IDEAS = frozenset(
    {"noun.communication", "noun.cognition", "noun.attribute", "noun.state", "noun.feeling"}
)
# Hypernyms of verbs of force ("blast" → hit, "attack" → contend, "savage" → assail).
_BLOWS = frozenset({"hit", "strike", "attack", "assail", "contend", "knock"})
_SPOKEN_AT = frozenset({"noun.communication", "noun.cognition", "noun.act"})
# Verbs that also mean making a picture.
_PICTURING = frozenset({"shoot", "capture", "film"})
_PICTURES = frozenset({"representation", "recording", "film", "photograph", "picture", "show"})
_NATURE = frozenset({"natural phenomenon", "conflagration", "combustion"})
# Hypernyms of verbs of praise and blame ("hail" → praise, "criticize" → comment, "welcome"
# → greet).
_JUDGING = frozenset({"praise", "applaud", "knock", "comment", "greet"})
# Who attacks computers, and what of a computer or its code a clause may name.
_HACKERS = frozenset({"hacker", "programmer"})
_DIGITAL = frozenset({"server", "website", "malware", "ransomware", "cyberattack", "database"})
_ATTACKED_DEPS = frozenset({"dobj", "nsubjpass", "nsubj", "attr", "dative"})
_ATTACK_PREPS = frozenset({"with", "on", "against", "into", "through", "using"})
_NEW = frozenset({"new", "newly", "refurbished", "renovated", "rebuilt"})
_PARTICLES = frozenset({"out", "off", "away", "back", "down", "up", "over"})
# Where a visit meets no one: a place or a building by its most frequent sense.
_PLACES = frozenset({"noun.location", "noun.artifact"})
# Institutions whose rules bind only their own ground: schools, hospitals, firms, clubs.
_INSTITUTIONS = frozenset(
    {"educational institution", "medical institution", "business", "enterprise", "club"}
)
# What one signs as a party (kept), and copies or signatures (a fan's or a reader's keepsake).
_DOCUMENTS = frozenset({"agreement", "document", "legal document", "request", "law"})
_COPIES = frozenset({"representation", "signature"})
_HAPPENING = (("noun.phenomenon",), ("noun.event",), ("noun.process",))
# People who bear arms: the words themselves, and WordNet hypernyms ("recruit" → serviceman;
# not "force", which a staff of workers also descends from).
_ARMED_WORDS = frozenset(
    {"force", "troop", "police", "army", "military", "militia", "soldier", "security"}
)
_ARMED_KINDS = frozenset(
    {"serviceman", "military personnel", "military unit", "armed forces", "military"}
    | {"combatant", "fighter", "insurgent", "guerrilla", "soldier", "militia", "mercenary"}
    | {"law enforcement agency", "police"}
)
# Verbs of discussing (WordNet hypernyms: "debate", "discuss", "deliberate"; not plain
# talking, which "continue" descends from) and of study, as against inquiry ("investigate").
_TALKING = frozenset({"talk of", "hash out"})
_STUDYING = frozenset({"study", "examine", "analyse", "analyze", "research", "review"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def ancestors(lemma: str, pos: str = "n") -> frozenset[str]:
    """The head words of the hypernyms of a word's first WordNet senses (``pos``: n or v)."""
    return frozenset(load_wordnet().senses(lemma.lower(), pos).ancestors)


def contest_win(verb: Token, event_nouns: frozenset[str]) -> bool:
    """Whether a verb of winning is a game: both sides are contestants (see the module
    docstring) and the clause names no weapon and no act of violence of the lexicon."""
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or (lemma not in _WINNING and _WON not in ancestors(lemma, "v")):
        return False
    winner, loser = doer_and_done_to(verb)
    if winner is None or loser is None or not (_contestant(winner) and _contestant(loser)):
        return False
    # The sides' own words are names, not arms: "Arsenal" is a weapon store in WordNet.
    sides = {t.i for side in (winner, loser) for t in side.subtree}
    words = [t for t in verb.subtree if t.i != verb.i and t.i not in sides]
    return not any(weapon(t) or t.lemma_.lower() in event_nouns for t in words)


def _contestant(side: Token) -> bool:
    """A side in a game: a name that is no party, or a contestant noun of no armed unit."""
    if side.pos_ == "PROPN":
        return not _named_party(side)
    lemma = side.lemma_.lower()
    kinds = {lemma, *load_wordnet().senses(lemma, "n").ancestors[:3]}
    return not _CONTESTANTS.isdisjoint(kinds) and not armed(side)


def _named_party(name: Token) -> bool:
    """Whether any word of a name is, by WordNet's most frequent sense, a people, a group or
    a state ("Hamas", "Kurds", "Israel"); a club named after a city, a weapon store or an
    animal ("Liverpool", "Arsenal", "the Springboks") is none, nor is a name WordNet lacks."""
    words = [name, *(c for c in name.children if c.dep_ == "compound")]
    # A people's plural is its own lemma to the tagger ("Liberians"): the stem is tried too.
    forms = {f for w in words for f in (w.lemma_.lower(), w.lower_.removesuffix("s"))}
    return any(
        first_sense_of(form) in _PARTY_SENSES or not _STATES.isdisjoint(ancestors(form))
        for form in forms
    )


def first_sense_of(lemma: str) -> str | None:
    """The supersense of a word's most frequent noun sense, proper names included."""
    senses = load_wordnet().supersenses(lemma, "n")
    return senses[0] if senses else None


def armed(person: Token) -> bool:
    """Whether a noun names people who bear arms (troops, police, fighters), itself, by a
    modifier ("security forces", "army recruits") or by WordNet's hypernyms."""
    words = [person, *(c for c in person.children if c.dep_ in {"compound", "amod"})]
    for word in words:
        lemma = word.lemma_.lower()
        if lemma in _ARMED_WORDS or not _ARMED_KINDS.isdisjoint(ancestors(lemma)):
            return True
    return False


def leisure_force(verb: Token, event_nouns: frozenset[str]) -> bool:
    """Whether a verb of force is used of a game won, of a picture made or of speech (see
    the module docstring): no one is harmed. Each rule checks the verb's own class, so the
    fallback may ask it of every verb above a cue."""
    return contest_win(verb, event_nouns) or picture_made(verb) or criticism(verb, event_nouns)


def figurative_attack(noun: Token) -> bool:
    """Whether an attack or a war told as a noun is waged on an abstraction ("launched an
    attack on inflation", "a war on poverty"): no one is its target."""
    targets = prep_objects(noun, _AIMED)
    if noun.dep_ == "dobj":  # "launched an attack on inflation": "on" may hang on the verb
        targets += prep_objects(noun.head, _AIMED)
    return bool(targets) and all(map(_idea, targets))


# The prepositions that name what an attack or a war is aimed at.
_AIMED = frozenset({"on", "against"})


def _idea(token: Token) -> bool:
    """An abstraction or a message by its most frequent sense that no sense makes people
    ("inflation", a process first and an event second; not "the opposition")."""
    senses = load_wordnet().supersenses(token.lemma_.lower(), "n")
    common = token.pos_ == "NOUN"
    return (
        common
        and senses[:1] != ()
        and senses[0] in CONTESTED_SENSES
        and _PARTY_SENSES.isdisjoint(senses)
    )


def animal(token: Token) -> bool:
    """Whether the noun is an animal by its most frequent sense ("a cat", "the turkey", which
    the tagger may take for a name when written in lower case; not "Turkey")."""
    common = token.pos_ == "NOUN" or (token.pos_ == "PROPN" and token.text.islower())
    return common and first_sense_of(token.lemma_.lower()) == "noun.animal"


def figurative_force(verb: Token, event_nouns: frozenset[str]) -> bool:
    """Whether force is done to an abstraction, a message or a microbe ("broke the record",
    "attacked the virus"), which no one is harmed by; an act of the lexicon done to ("broke
    the ceasefire") and a weapon ("smashed the missiles") stay."""
    _, target = doer_and_done_to(verb)
    if verb.pos_ != "VERB" or target is None:
        return False
    if target.lemma_.lower() in event_nouns:
        return figurative_attack(target)  # "launched an attack on inflation"
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in target.children):
        return False  # "part of the stronghold", "scores of refugees": what is picked counts
    if any("weapon" in ancestors(f"{c.lower_} {target.lemma_}") for c in target.lefts):
        return False  # "fired tear gas": "gas" alone is a state of matter
    if not _MICROBES.isdisjoint(ancestors(target.lemma_)):
        return True
    return first_sense(target) in _IDEAS and abstract(target, CONTESTED_SENSES)


def criticism(verb: Token, event_nouns: frozenset[str]) -> bool:
    """Whether a verb of force is speech aimed at a message, an idea or a decision ("the
    opposition blasted the decision", "attacked the plan"): the verb is a blow with a sense
    of speech in WordNet, and no verb of breaking; the target is no act of the lexicon
    ("attacked the rally"), no people and no thing by its most frequent sense."""
    wordnet = load_wordnet()
    lemma = verb.lemma_.lower()
    senses = wordnet.senses(lemma, "v")
    if "verb.communication" not in senses.supersenses or not _BREAKING.isdisjoint(senses.ancestors):
        return False
    if _BLOWS.isdisjoint(senses.ancestors):
        return False  # a verb of speech alone ("said", "held") is no force told as speech
    doer, target = doer_and_done_to(verb)
    if target is None or target.pos_ != "NOUN" or target.lemma_.lower() in event_nouns:
        return False
    if doer is not None and (weapon(doer) or thing(doer)):
        return False  # "the shells blasted the ministry": no speaker
    people = not _PARTY_SENSES.isdisjoint(wordnet.supersenses(target.lemma_.lower(), "n"))
    return first_sense(target) in _SPOKEN_AT and not people and not weapon(target)


def show(noun: Token) -> bool:
    """Whether the noun is a show, a contest, an entertainment or a work of art by WordNet
    ("the concert", "the Olympic Games", "the festival", "the film"); the plural's stem is
    tried as the tagger may leave a name's plural as its lemma ("Games")."""
    if noun.pos_ not in {"NOUN", "PROPN"}:
        return False
    forms = {noun.lemma_.lower(), noun.lower_, noun.lower_.removesuffix("s")}
    return any(not _SHOWS.isdisjoint(ancestors(form)) for form in forms)


def opinion_of_show(verb: Token) -> bool:
    """Whether what the verb praises, pans or hosts is a show (see :func:`show`): no party is
    praised, accused or met ("the festival was hailed as a success", "hosted the Games")."""
    _, target = doer_and_done_to(verb)
    return target is not None and show(target)


def opinion_of_thing(verb: Token) -> bool:
    """Whether what a verb of praise or blame judges is a thing or the weather ("farmers
    welcomed the rain", "reviewers praised the new phone"): no party, and no act of one.
    Only verbs of judging by WordNet: "upgraded their ties" is a change of relations."""
    lemma = verb.lemma_.lower()
    if lemma not in _JUDGING and _JUDGING.isdisjoint(ancestors(lemma, "v")):
        return False
    _, target = doer_and_done_to(verb)
    return target is not None and (thing(target) or natural_force(target))


def rejected_thing(verb: Token) -> bool:
    """Whether what is rejected is a thing that is no weapon ("voters rejected the new
    library in a referendum"): a vote on a project, no refusal of a party's demand or offer."""
    _, target = doer_and_done_to(verb)
    if target is None or not _built(target):
        return False
    # "postponed the release of the hostages": a thing first ("a new release"), here an act
    # done to people
    return not any(victim(o) for p in target.children if p.lower_ == "of" for o in p.children)


def _built(token: Token) -> bool:
    """A thing by its most frequent sense that is no weapon and no person in any sense: a
    building first, whatever its rarer senses ("library" is also a collection)."""
    if weapon(token) or first_sense(token) not in THING_SENSES:
        return False
    return "noun.person" not in load_wordnet().supersenses(token.lemma_.lower(), "n")


def project_approved(verb: Token) -> bool:
    """Whether a plan, a budget or funding approved is for a thing ("the council approved
    plans for a new library", "approved funding for a new stadium"): a local decision, with
    no counterpart who yields or agrees. "approved the plan to withdraw troops" stays."""
    _, project = doer_and_done_to(verb)
    if project is None or project.pos_ != "NOUN" or any(c.dep_ == "acl" for c in project.children):
        return False
    built = prep_objects(project, frozenset({"for"}))
    return bool(built) and all(map(_built, built))


def place_visited(verb: Token) -> bool:
    """Whether a visit is to a place that names no party ("the prime minister visited the
    flooded areas", "the minister visited the hospital"): an inspection, as no one is met.
    "visited Russia", "visited the White House" and "visited the Iraqi capital" stay visits."""
    _, place = doer_and_done_to(verb)
    if place is None or place.pos_ != "NOUN" or place.ent_type_:
        return False
    if first_sense(place) not in _PLACES:
        return False
    return not any(
        t.ent_type_ or t.pos_ == "PROPN" or t.dep_ == "poss"
        for t in place.subtree
        if t is not place
    )


def house_rule(verb: Token) -> bool:
    """Whether a ban or an expulsion is an institution's rule on its own ground ("the hospital
    banned visitors", "the school banned mobile phones"): the doer is a school, a hospital, a
    business or a club by WordNet, which governs no one beyond its walls."""
    doer, _ = doer_and_done_to(verb)
    if doer is None or doer.pos_ != "NOUN" or doer.ent_type_:
        return False
    return not _INSTITUTIONS.isdisjoint(ancestors(doer.lemma_))


def signed_thing(verb: Token, event_nouns: frozenset[str]) -> bool:
    """Whether what is signed is a thing or a copy, not an agreement or a document ("the
    author signed copies of her book", "signed the shirt"; "signed a treaty", "a decree", "a
    memorandum" stay): an artefact by its most frequent sense, or a picture or a signature;
    or the name signed with, as an object predicate or a second object ('signed it
    "Sofia"', 'signed the letter "a friend"'): a signature, not an endorsement."""
    if verb.lemma_.lower() != "sign" or verb.pos_ != "VERB":
        return False
    objects = [c for c in verb.children if c.dep_ in {"dobj", "oprd"}]
    if len(objects) > 1 and not any(
        c.dep_ == "dobj" and c.lemma_.lower() in event_nouns for c in objects
    ):
        return True
    _, signed = doer_and_done_to(verb)
    if signed is None or signed.pos_ != "NOUN" or signed.lemma_.lower() in event_nouns:
        return False
    kinds = ancestors(signed.lemma_)
    if not _DOCUMENTS.isdisjoint(kinds):
        return False
    return first_sense(signed) == "noun.artifact" or not _COPIES.isdisjoint(kinds)


def cyber_attack(verb: Token) -> bool:
    """Whether an attack is made on computers ("hackers attacked the company's servers",
    "attacked the ministry's website with malware"): the doer is a hacker or a programmer by
    WordNet, or the clause names a computer's part or malicious code. CODEBOOKS.md files it
    under COERCE (mode cyber), not ASSAULT: no one is physically harmed."""
    doer, _ = doer_and_done_to(verb)
    if doer is not None and not _HACKERS.isdisjoint({doer.lemma_.lower(), *ancestors(doer.lemma_)}):
        return True
    # Only what the act is done to or with: a source ("died, according to the company
    # website") or a time names no computer that was attacked.
    parts = [
        c for c in verb.children
        if c.dep_ in _ATTACKED_DEPS or (c.dep_ == "prep" and c.lower_ in _ATTACK_PREPS)
    ]  # fmt: skip
    return any(t.lemma_.lower() in _DIGITAL for part in parts for t in part.subtree)


def inauguration(verb: Token) -> bool:
    """Whether someone who is no state or organisation by name opens a new building ("the
    mayor opened the new bridge", "the chef opened a new restaurant"): an inauguration, like
    an unveiling. "Israel opened the crossing" and a state opening an embassy stay."""
    if verb.lemma_.lower() != "open" or verb.pos_ != "VERB":
        return False
    doer, opened = doer_and_done_to(verb)
    if opened is None or first_sense(opened) != "noun.artifact":
        return False
    if doer is not None and (doer.ent_type_ or doer.pos_ == "PROPN"):
        return False
    return any(c.dep_ == "amod" and c.lower_ in _NEW for c in opened.children)


def nothing_taken(verb: Token) -> bool:
    """Whether a verb of seizure takes nothing: no object and no passive subject ("after a
    lorry overturned"), the intransitive sense of a verb CAMEO codes for its transitive one."""
    if verb.pos_ != "VERB" or verb.dep_ == "conj":
        return False  # a conjunct shares its arguments ("has been found and defused")
    # a particle makes another verb ("forces pulled out of the city"), coded elsewhere; the
    # parser may attach it as a preposition
    if any(c.dep_ in {"prt", "prep", "advmod"} and c.lower_ in _PARTICLES for c in verb.children):
        return False
    return dep_child(verb, "dobj", "nsubjpass", "auxpass") is None


def removed_thing(verb: Token) -> bool:
    """Whether what a verb of removal takes away is no one ("the surgeon removed a tumour"):
    deporting or expelling needs people; a place or a thing is where they are taken from. A
    count stands for what it counts ("expelled thousands of refugees")."""
    _, removed = doer_and_done_to(verb)
    if removed is not None and removed.lower_ in QUANTITIES:
        of = next((c for c in removed.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        removed = (dep_child(of, "pobj") if of is not None else None) or removed
    return removed is not None and not victim(removed)


def sport_discipline(verb: Token) -> bool:
    """Whether a ban, a suspension or a fine falls on a contestant ("the athlete was banned
    for four years for doping", "the league suspended the club"): the sport's own rules, not
    repression. An arrest by police stays (the caller leaves arrests out)."""
    doer, punished = doer_and_done_to(verb)
    if punished is None or punished.pos_ != "NOUN" or not _contestant(punished):
        return False  # a name may be a club or a people ("deported 168 Liberians")
    return doer is None or not armed(doer)


def picture_made(verb: Token) -> bool:
    """Whether a verb that also means making a picture has a picture or a work as its object
    ("shot the film in Morocco", "the telescope captured images of a galaxy")."""
    if verb.lemma_.lower() not in _PICTURING:
        return False
    _, made = doer_and_done_to(verb)
    if made is None:
        return False
    forms = {made.lemma_.lower(), made.lower_.removesuffix("s")}
    return any(not _PICTURES.isdisjoint(ancestors(form)) for form in forms)


def natural_force(doer: Token) -> bool:
    """Whether the doer is a force of nature ("heavy snow", "wildfires", "the storm"), which
    is no party even where a rarer sense is a person ("Snow"). The tagger takes a plural
    at the start of a sentence for a name, even a person's ("Wildfires forced …"): its stem
    is tried too."""
    if doer.pos_ not in {"NOUN", "PROPN"}:
        return False
    wordnet = load_wordnet()
    for form in {doer.lemma_.lower(), doer.lower_.removesuffix("s")}:
        senses = wordnet.senses(form, "n")
        # "forces" is a physical force first, then troops; "gas" a state of matter first,
        # and a weapon: a natural happening is one by its most frequent sense
        if senses.supersenses[:1] in _HAPPENING and not _NATURE.isdisjoint(senses.ancestors):
            return True
    return False


def civilian_training(verb: Token) -> bool:
    """Whether the verb trains people who bear no arms ("workers were trained", "the company
    trains its staff"); training troops or police stays military cooperation."""
    lemma = verb.lemma_.lower()
    if lemma != "train" and "train" not in ancestors(lemma, "v"):
        return False
    _, trainee = doer_and_done_to(verb)
    return trainee is not None and trainee.pos_ in {"NOUN", "PRON"} and not armed(trainee)


def talked_about(verb: Token, event_nouns: frozenset[str]) -> bool:
    """Whether the verb only talks about or studies an act ("lawmakers debated the bombing",
    "historians studied the invasion"): a talk with no counterpart (no "with", no second
    party in the subject), or a study (not an inquiry like "investigate"), whose object is an
    act of ``event_nouns`` or a topic that is no party and no weapon ("debated the bill")."""
    topic = _shared_object(verb)
    if verb.pos_ != "VERB" or topic is None:
        return False
    if topic.lemma_.lower() not in event_nouns and (victim(topic) or weapon(topic)):
        return False  # "debated the bill", "study Jewish history" are topics; people are not
    lemma = verb.lemma_.lower()
    if lemma in _STUDYING:
        return True
    talking = not _TALKING.isdisjoint(load_wordnet().senses(lemma, "v").ancestors)
    return talking and not _counterpart(verb)


def _shared_object(verb: Token) -> Token | None:
    """The verb's object, or one its conjuncts share with it ("to study and preserve local
    history": the parser hangs "history" on "preserve" only)."""
    for clause in (verb, *verb.conjuncts):
        found = dep_child(clause, "dobj", "nsubjpass")
        if found is not None:
            return found
    return None


def _counterpart(verb: Token) -> bool:
    """Whether a talk names a second party: "with" someone, or two parties as its subject
    ("the two leaders", "Putin and Erdogan")."""
    if any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children):
        return True
    subject = dep_child(verb, *_SUBJECT_DEPS)
    if subject is None:
        return False
    return bool(subject.conjuncts) or any(
        c.dep_ in {"nummod", "det", "predet"} and c.lower_ in {"two", "both"}
        for c in subject.children
    )
