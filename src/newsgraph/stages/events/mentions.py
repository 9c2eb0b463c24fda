"""Mere mentions: clauses that name an act without reporting that anyone does it now.

Issue 6 asks that a sentence which only *mentions* violence or cooperation gives no event.
The detection rules of :mod:`.detect` and the document fallback of :mod:`.fallback` both ask
this module, so that a topic is a topic wherever the act is read:

* **works as subjects.** A film, book, report, podcast or exhibition does not act: what it
  discusses, depicts, examines or honours is its topic ("The podcast discusses the kidnapping
  of the journalist", "The report examines the shelling of the hospital"). A work is a noun of
  the curated list below or one whose most frequent WordNet sense is a message
  (``noun.communication``) that descends from a publication, show, writing or depiction.
* **remembrance.** Commemorating, mourning, celebrating, honouring, remembering or recalling
  an act, its anniversary or its victims is no act against anyone ("The city commemorated
  the victims of the attack"); CAMEO files some of these verbs as praise or disapproval.
* **displays.** Unveiling or inaugurating a thing or a work (a memorial, a statue, a plaque)
  is no act of support, CAMEO's default for "unveil".
* **told stories.** A clause that a topic noun tells ("the story about how Cain killed his
  brother", "a film of how the rebels took the town") is the topic, as a noun is.
* **schedules.** A month's name inside a date ("in March") is never the verb "march".
* **force used of something else.** Firing a person is a dismissal, shooting a ball or
  beating a side by a scoreline or in a final is sport (:func:`not_violence`).

People who discuss or study an act are judged in :mod:`.leisure`: a body debating an act with
no counterpart ("lawmakers debated the bombing") or people studying one ("historians studied
the invasion") give no event, as the act is their topic; but an act named only through a
noun that is no act ("widely discussing an alleged series of gang rapes", CASE 2021's tune
part) is still read by the fallback, and police investigating a killing report an inquiry.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from newsgraph.resources.wordnet import load_wordnet

# Works that cannot act; WordNet 3.0 (2006) lacks the newer media ("podcast", "vlog").
WORKS = frozenset(
    {
        "podcast",
        "vlog",
        "blog",
        "film",
        "movie",
        "documentary",
        "book",
        "novel",
        "memoir",
        "biography",
        "report",
        "article",
        "essay",
        "study",
        "episode",
        "exhibition",
        "exhibit",
        "song",
        "album",
        "poem",
        "painting",
        "video",
        "museum",
        "memorial",
        "monument",
    }
)
# Not writings at large: a decree, a law or a resolution acts for whoever issued it.
_WORK_ANCESTORS = frozenset({"publication", "show", "movie", "representation", "broadcast"})
# Verbs by which a work attributes what it reports ("a report says …", "footage shows …"):
# what they govern is a report, not a topic.
_ATTRIBUTING = frozenset(
    {"say", "report", "state", "add", "claim", "confirm", "reveal", "show", "find", "note"}
    | {"indicate", "suggest", "allege", "conclude", "cite", "quote", "estimate", "record"}
)
# Verbs of remembering or honouring: what they take is a memory, not an act done now.
REMEMBRANCE_VERBS = frozenset(
    {
        "commemorate",
        "memorialize",
        "memorialise",
        "mourn",
        "celebrate",
        "honour",
        "honor",
        "remember",
        "recall",
        "revisit",
    }
)
# Nouns whose mention under a remembrance verb makes it one ("mourned the victims").
REMEMBERED = frozenset(
    {"victim", "dead", "martyr", "casualty", "anniversary", "memory", "fallen", "survivor"}
)
DISPLAY_VERBS = frozenset({"unveil", "inaugurate", "dedicate"})
_DISPLAYED_SENSES = frozenset({"noun.artifact", "noun.communication"})
_MONTHS = frozenset({"march", "may"})
_MILITARY_CONTESTS = frozenset({"military action", "conflict", "hostility", "fight"})
# A scoreline ("beat Chelsea 2-1"): the contest is a game.
_SCORELINE = re.compile(r"^\d{1,2}[-–]\d{1,2}$")

# The prepositions that join a topic noun to what it tells.
_TOLD_PREPS = frozenset({"about", "of"})
# How a word hangs on the verb it is the topic of: its object or complement, not its subject.
TOPIC_DEPS = frozenset({"dobj", "prep", "nsubjpass", "attr", "xcomp", "ccomp", "dative", "oprd"})


def topic_head(token: Token, topics: frozenset[str]) -> bool:
    """Whether the noun is a topic noun of ``topics`` or is modified by one ("a memorial
    service for the victims", "an anniversary ceremony")."""
    if token.pos_ not in {"NOUN", "PROPN"}:
        return False
    if token.lemma_.lower() in topics:
        return True
    return any(
        c.dep_ in {"compound", "amod"} and c.lemma_.lower() in topics for c in token.children
    )


def told_in(verb: Token, topics: frozenset[str]) -> bool:
    """Whether the verb's clause is what a topic noun of ``topics`` tells: the complement of
    its "about" or "of" ("the story about how Cain killed his brother", "a film of how the
    rebels took the town"), as a noun there is ("a film about the attack")."""
    current = verb
    for _ in range(3):
        head = current.head
        if head is current:
            return False
        if current.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ in _TOLD_PREPS:
            return topic_head(head.head, topics)
        if current.dep_ not in {"ccomp", "conj"}:
            return False
        current = head
    return False


def is_work(token: Token) -> bool:
    """Whether the noun names a work (a film, a report, a podcast), which cannot act."""
    lemma = token.lemma_.lower()
    if lemma in WORKS or token.lower_ in WORKS:
        return True
    if token.pos_ not in {"NOUN", "PROPN"}:
        return False
    senses = load_wordnet().senses(lemma, "n")
    if not senses.supersenses or senses.supersenses[0] != "noun.communication":
        return False
    return not _WORK_ANCESTORS.isdisjoint(senses.ancestors)


def work_subject(verb: Token) -> bool:
    """Whether the verb's subject is a work ("the film depicts …", "the report examines …")
    and the verb does not attribute a report to it ("a report says …")."""
    if verb.lemma_.lower() in _ATTRIBUTING:
        return False
    return any(c.dep_ == "nsubj" and is_work(c) for c in verb.children)


def remembrance(verb: Token, event_nouns: frozenset[str] | None = None) -> bool:
    """Whether the verb remembers or honours an act or its victims: a remembrance verb whose
    object names one of :data:`REMEMBERED` or an event noun of ``event_nouns``
    ("commemorated the victims of the attack", "mourned the massacre"); with ``None`` any
    object counts (the fallback asks about the cue below it)."""
    if verb.lemma_.lower() not in REMEMBRANCE_VERBS:
        return False
    for child in verb.children:
        if child.dep_ not in {"dobj", "nsubjpass", "prep"}:
            continue
        if event_nouns is None:
            return True
        named = REMEMBERED | event_nouns
        if any(t.lemma_.lower() in named for t in child.subtree):
            return True
    return False


def displayed(verb: Token) -> bool:
    """Whether an unveiled or inaugurated thing is an object or a work ("the war memorial was
    unveiled"), not a plan or a policy, which CAMEO codes by its own patterns."""
    if verb.lemma_.lower() not in DISPLAY_VERBS:
        return False
    things = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    if not things:
        return False
    senses = load_wordnet().supersenses(things[0].lemma_.lower(), "n")
    return is_work(things[0]) or bool(senses and senses[0] in _DISPLAYED_SENSES)


def topic_verb(verb: Token, event_nouns: frozenset[str] | None = None) -> bool:
    """Whether what the verb governs (through :data:`TOPIC_DEPS`) is a topic, not a report:
    its subject is a work, or it remembers an act or its victims (see :func:`remembrance`)."""
    if verb.pos_ not in {"VERB", "AUX"}:
        return False
    return work_subject(verb) or remembrance(verb, event_nouns)


def month_name(token: Token) -> bool:
    """Whether the token is a month's name in a date ("scheduled to begin in March")."""
    return token.lower_ in _MONTHS and token.ent_type_ == "DATE"


def not_violence(token: Token) -> bool:
    """Whether a verb of force is used of something else: firing a person is a dismissal
    ("the board fired the chief executive", "fired Officer Jane Doe"), firing up a grill is
    cooking, and shooting a ball or beating a side by a scoreline is sport. Judged by WordNet
    on the object (a person; game equipment; not the actor: a "guard" or a "striker" may be an
    athlete in WordNet), by its name (a person's), and by a scoreline in the clause.
    Detection asks it of verbs typed ASSAULT; the fallback of every verb above a cue."""
    lemma = token.lemma_.lower()
    objects = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}]
    wordnet = load_wordnet()
    if lemma == "fire":
        if any(c.dep_ == "prt" and c.lower_ == "up" for c in token.children):
            return True
        senses = wordnet.supersenses(objects[0].lemma_.lower(), "n") if objects else ()
        if senses and senses[0] == "noun.person":
            return True
        if objects and objects[0].ent_type_ == "PERSON":
            return True  # "the department fired Officer Jane Doe": a named person dismissed
    if any("game equipment" in wordnet.senses(o.lemma_.lower(), "n").ancestors for o in objects):
        return True
    return _in_contest(token) or _scoreline(token)


def _in_contest(verb: Token) -> bool:
    """Whether the act is set in a game ("defeated its rivals in the final"): the object of
    "in" or "during" is a contest by WordNet, and not a military one."""
    return any(
        prep.dep_ == "prep" and prep.lower_ in {"in", "during"} and any(map(game, prep.children))
        for prep in verb.children
    )


def game(noun: Token) -> bool:
    """Whether the noun is a contest by WordNet and not a military one ("the final", "the
    tournament"; not "the battle")."""
    ancestors = load_wordnet().senses(noun.lemma_.lower(), "n").ancestors
    return "contest" in ancestors and _MILITARY_CONTESTS.isdisjoint(ancestors)


def _scoreline(verb: Token) -> bool:
    """A score among the verb's words ("beat Chelsea 2-1", split or not by the tokenizer),
    not a range that counts a noun ("killed 2-3 civilians")."""
    words = list(verb.subtree)
    for n, word in enumerate(words):
        score = _SCORELINE.match(word.text) is not None
        end = n
        if not score and n + 2 < len(words) and words[n + 1].text in {"-", "–"}:
            a, c = word.text, words[n + 2].text
            score = a.isdigit() and c.isdigit() and len(a) <= 2 and len(c) <= 2
            end = n + 2
        after = words[end + 1] if end + 1 < len(words) else None
        if score and (after is None or after.pos_ not in {"NOUN", "PROPN", "ADJ"}):
            return True
    return False
