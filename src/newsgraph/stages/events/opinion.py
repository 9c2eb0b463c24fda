"""Opinions, forecasts and meanings told in the words of accusation, threat and promise.

Issue 6, fifth round. On opinion and commentary articles, CAMEO's dictionary codes verbs of
arguing, warning and meaning as events whatever they say: "claim", "argue" and "contend" are
accusations, "warn" a threat, "mean" and "intend" a promise to cooperate. CODEBOOKS.md asks
for more: an ACCUSE disapproves of or charges a party, a THREATEN is a coercive warning, an
AGREE a party's promise. Each class below is judged by WordNet and the parse of the clause the
verb governs (its content), not by a list of sentences:

* **assertions about a thing** — a verb whose first WordNet sense asserts (hypernym "affirm"
  or "claim": claim, contend) or argues (hypernym "present": argue) accuses no one when its
  content says only what a thing or a happening *is* ("the defence argued that the shooting
  was an accident", "Boeing claims the new jet is quieter") or what is done to a thing by no
  one named ("argued that too much disclosure is required"), or when it has no content and no
  one it is aimed at ('"I saw him," the witness claimed' keeps its quoted content). A claim
  about what a party did or is ("claimed that the minister had lied", "claims that the rebels
  fired the shells", "claimed that the mayor was corrupt") stays an accusation, and so do the
  verbs that accuse by their sense ("allege", "charge", "blame", "complain").
* **forecasts** — a warning whose content foretells what a happening or a thing will do ("the
  next outbreak would be stronger", "it could spill over into neighbouring countries") is no
  coercive warning; see ``_statement_warning`` in :mod:`.detect`, which asks
  :func:`impersonal` here.
* **views shared** — agreeing with a message or a thing ("the mayor agreed with the report's
  findings"), or one party agreeing with nothing named ("a teacher agrees"), is
  concurring, not the agreement between parties that AGREE codes.
* **statements, not demands** — insisting that something *is* so ("insisted the deal went
  further than expected") asserts; a demand's content is a bare verb or takes "should" or
  "must" ("insisted that the talks resume").
* **dangers** — "Iran's growing threat" is a danger (WordNet: a threat is a state first), no
  threat made; "threats to walk out", "the threat of sanctions" stay threats.
* **names and questions** — "call" labels first in WordNet: calling something a name ("I
  call it the toughest test") is no phone call; asking a question ('"Why?" he asked', "asked
  about the delays") asks for nothing, so it is no REQUEST.
* **facts as doers** — a demonstrative pronoun as the subject of a verbal or cooperative
  act ("This contradicted the mayor's account", "That permitted the return of the workers")
  stands for a fact or a remark, no party; acts of force keep it ("this killed five").
* **meanings, not intents** — "mean", "intend", "plan" and "aim" (WordNet: "mean" signifies
  first, hypernym "convey"; the others descend from "intend" or "plan") express a party's
  intent only with an infinitive of what it intends ("Iran intends to cooperate with the
  inspectors"). What a word or a remark means, a passive purpose ("the donations were meant to
  pay for a new roof") or aiming a rifle promises nothing.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.resources.wordnet import load_wordnet
from newsgraph.stages.events.agency import first_sense, victim
from newsgraph.stages.events.arguments import dep_child, passive, passive_agent
from newsgraph.stages.events.leisure import ancestors

# First hypernyms of verbs that assert or argue a point (claim → affirm, contend → claim,
# argue → present), as against those that accuse by their sense (allege → assert, complain
# → charge, dispute → contest).
_ASSERTING = frozenset({"affirm", "claim", "present"})
# What a verb of intent descends from ("aim" → intend, "intend" → plan), and the hypernym of
# signifying ("mean" → convey).
_INTENDING = frozenset({"intend", "plan"})
_SIGNIFYING = frozenset({"convey"})
# Pronouns that name no one; "it" may still stand for an organisation or a state that speaks.
_IMPERSONAL = frozenset({"it", "this", "that", "these", "those", "what", "which"})
_SPEAKING_BODIES = frozenset({"ORG", "GPE", "NORP"})
_DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})
_FORCE = frozenset({"ASSAULT", "MOBILIZE"})
# The hypernym of naming ("call" → label), the verbs of asking (WordNet: "ask" descends from
# "request", "inquire" from "question") and the noun of questions.
_LABELLING = frozenset({"label"})
_ASKING = frozenset({"ask", "request", "question"})
_QUESTIONS = "question"
# Prepositions of what is asked for; others say when or where ("asking amid the crisis").
_ASKED_FOR = frozenset({"for", "of", "on"})
_WH_TAGS = frozenset({"WP", "WDT", "WRB", "WP$"})
# Verbs of expressing (WordNet: "voice" → express), what a view is (a thought, by its most
# frequent sense), and what a thought that disapproves is (concern, doubt: cognitive states).
_EXPRESSING = frozenset({"express"})
_THOUGHT = "noun.cognition"
_WORRY = "cognitive state"
# The supersense of a danger ("threat", "menace" as a source of danger).
_DANGER = "noun.state"
# Finite verbs of a statement: the past and the third person present, on the verb or its
# auxiliary ("was", "has been"). A bare verb is a demand's subjunctive ("insisted that the
# talks resume"), which the plural present ("VBP") cannot be told from.
_INDICATIVE = frozenset({"VBD", "VBZ"})
# Verbs of agreeing, and the words that make a subject two parties.
_CONCURRING = frozenset({"agree", "concur"})
_BOTH = frozenset({"two", "both"})
# The preposition of advocacy: arguing for a cause accuses no one.
_ADVOCACY = "for"


def impersonal(subject: Token, speaker: Token | None) -> bool:
    """Whether a content clause's subject names no party: "there" ("there was …"), a
    pronoun of things ("this", "that"), or "it" when the speaker is a person — a body that
    speaks ("the army warned that it would …") may be "it" itself."""
    if subject.dep_ == "expl":
        return True
    lower = subject.lower_
    if lower not in _IMPERSONAL:
        return False
    if lower != "it" or speaker is None:
        return True
    body = speaker.ent_type_ in _SPEAKING_BODIES or first_sense(speaker) == "noun.group"
    return not body


def _content(verb: Token) -> Token | None:
    """The clause a verb of saying governs: its complement clause, quoted or not."""
    return dep_child(verb, "ccomp")


def assertion_about_thing(verb: Token, kind: str) -> bool:
    """Whether an accusation is coded on a verb of asserting that says only what a thing or a
    happening is, or says nothing (see the module docstring)."""
    if kind != "ACCUSE" or verb.pos_ != "VERB":
        return False
    if _first_hypernym(verb) not in _ASSERTING:
        return False
    content = _content(verb)
    if content is None:
        return not _aimed(verb)
    if content.lemma_.lower() == "be":
        subject = dep_child(content, "nsubj") or dep_child(content, "expl")
    elif passive(content) and passive_agent(content) is None:
        subject = dep_child(content, "nsubjpass")  # "that too much disclosure is required"
    else:
        return False  # "claims that the rebels fired the shells": an act someone did
    if subject is None:
        return False
    return impersonal(subject, dep_child(verb, "nsubj")) or not victim(subject)


def _first_hypernym(verb: Token) -> str | None:
    """The hypernym of a verb's most frequent WordNet sense (None if WordNet has none)."""
    found = load_wordnet().senses(verb.lemma_.lower(), "v").ancestors
    return found[0] if found else None


def _aimed(verb: Token) -> bool:
    """Whether a verb of asserting with no content clause still says something of someone:
    an object ("claimed the town"), an infinitive ("claims to have been tortured") or a
    preposition, whose object may carry the content the parser hung there ("argue in a
    lawsuit that the program violates …"); arguing for a cause is advocacy."""
    if any(c.dep_ in {"dobj", "xcomp", "dative"} for c in verb.children):
        return True
    return any(c.dep_ == "prep" and c.lower_ != _ADVOCACY for c in verb.children)


def meaning_not_intent(verb: Token, kind: str) -> bool:
    """Whether a promise (AGREE) is coded on a verb of meaning or intending that intends no
    act of its subject: no infinitive, or a passive purpose (see the module docstring)."""
    if kind != "AGREE" or verb.pos_ != "VERB":
        return False
    intent = not _INTENDING.isdisjoint(ancestors(verb.lemma_, "v"))
    if not intent and _first_hypernym(verb) not in _SIGNIFYING:
        return False
    if passive(verb):
        return True
    return not any(
        c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in verb.children
    )


def naming(verb: Token, kind: str) -> bool:
    """Whether a consultation is coded on a verb of naming (WordNet: "call" labels first) that
    names something: with an object predicate ("I call it the toughest test", "what he
    called a new company") or passive with no caller ("what is called the green belt").
    "The minister called his counterpart", "was called by the president" stay calls."""
    if kind != "CONSULT" or verb.pos_ != "VERB" or _first_hypernym(verb) not in _LABELLING:
        return False
    if any(c.dep_ == "oprd" for c in verb.children):
        return True
    return passive(verb) and passive_agent(verb) is None


def nothing_requested(verb: Token, kind: str) -> bool:
    """Whether a request is coded on a verb of asking that asks only a question: nothing
    asked for, no one asked to act, no content but a question ('"Why was the bridge
    closed?" the commuter asked', "asked difficult questions", "what the voters are
    asking"). "Asked the UN for help", "asked Russia to withdraw" and "asked that the talks
    resume" stay requests."""
    if kind != "REQUEST" or verb.pos_ != "VERB":
        return False
    if _ASKING.isdisjoint(ancestors(verb.lemma_, "v") | {verb.lemma_.lower()}):
        return False
    for child in verb.children:
        if child.dep_ in {"xcomp", "dative", "iobj"}:
            return False  # someone asked to act
        if child.dep_ == "prep" and child.lower_ in _ASKED_FOR:
            return False  # "asked for asylum", "insisted on improvements"
        if child.dep_ == "dobj" and not _question(child):
            return False  # "asked permission", "asked the court"
        if child.dep_ == "ccomp" and not _question(child):
            return False  # "asked that the talks resume"
    return True


def view_expressed(verb: Token, kind: str) -> bool:
    """Whether an accusation is coded on a verb of expressing (express, voice) whose object is
    a view, not a grievance: a thought by its most frequent WordNet sense that is no state of
    doubt or worry ("the family expressed nuanced views on immigration", "to express our
    mind"). "Expressed frustration with the officials", "expressed concern", "voiced doubts"
    stay disapproval."""
    if kind != "ACCUSE" or verb.pos_ != "VERB":
        return False
    if verb.lemma_.lower() not in _EXPRESSING and _first_hypernym(verb) not in _EXPRESSING:
        return False
    told = dep_child(verb, "dobj")
    if told is None or first_sense(told) != _THOUGHT:
        return False
    return _WORRY not in ancestors(told.lemma_)


def danger(noun: Token, kind: str) -> bool:
    """Whether a threat named by a noun is a danger, not a coercive warning: a noun whose
    most frequent WordNet sense is a state ("threat": a source of danger) with nothing
    threatened and no one it is aimed at ("Iran's growing threat"). "Threats to walk out",
    "the threat of sanctions", "threats against journalists" stay threats."""
    if kind != "THREATEN" or noun.pos_ != "NOUN" or first_sense(noun) != _DANGER:
        return False
    return not any(c.dep_ in {"acl", "prep", "relcl"} for c in noun.children)


def assertion_not_demand(verb: Token, kind: str) -> bool:
    """Whether a request is coded on a verb of insisting or urging whose content is a
    statement, not a demand: the content clause is indicative, in the past or the present
    ("Trump insisted the agreement went further than expected", "the bureau insists there is
    no motive"). A demand's content is a bare verb or takes "should" or "must" ("insisted that
    the talks resume", "demanded that he should resign"); a demand may also be made on or for
    something or of someone ("insisted on improvements", "urged Iran to …")."""
    if kind != "REQUEST" or verb.pos_ != "VERB":
        return False
    content = _content(verb)
    if content is None or any(c.dep_ == "aux" and c.tag_ == "MD" for c in content.children):
        return False
    auxes = [c for c in content.children if c.dep_ in {"aux", "auxpass"}]
    if not any(t.tag_ in _INDICATIVE for t in (content, *auxes)):
        return False
    for child in verb.children:
        if child.dep_ in {"dobj", "dative", "iobj", "xcomp"}:
            return False
        if child.dep_ == "prep" and child.lower_ in _ASKED_FOR:
            return False
    return True


def _question(token: Token) -> bool:
    """Whether an object or a content clause is a question: a wh-word ("what"), a noun of
    questions by WordNet, or a clause that asks ("whether …", "why …?")."""
    if token.tag_ in _WH_TAGS:
        return True
    if token.pos_ == "NOUN":
        return _QUESTIONS in ancestors(token.lemma_) | {token.lemma_.lower()}
    marks = [c for c in token.children if c.dep_ in {"mark", "advmod", "dobj", "nsubj"}]
    if any(m.tag_ in _WH_TAGS or m.lower_ in {"whether", "if"} for m in marks):
        return True
    return any(t.text == "?" for t in token.subtree)


def concurrence(verb: Token, kind: str) -> bool:
    """Whether an agreement is coded on a verb of agreeing that only shares a view: with a
    message or a thing ("the mayor agreed with the report's findings") or with nothing
    and one party alone ("a teacher agrees"). An agreement to or on something ("agreed to
    the truce", "agreed on a ceasefire"), with a party ("agreed with Turkey") or between two
    ("the two sides agreed") stays an agreement."""
    if kind != "AGREE" or verb.pos_ != "VERB" or verb.lemma_.lower() not in _CONCURRING:
        return False
    partners: list[Token] = []
    for child in verb.children:
        if child.dep_ in {"xcomp", "ccomp", "dobj", "dative"}:
            return False
        if child.dep_ == "prep" and child.lower_ != "with":
            return False  # "agreed to the truce", "on a ceasefire"
        if child.dep_ == "prep":
            partners.extend(o for o in child.children if o.dep_ == "pobj")
    if partners:
        return not any(victim(p) for p in partners)
    subject = dep_child(verb, "nsubj")
    return subject is not None and not subject.conjuncts and not _pair(subject)


def _pair(subject: Token) -> bool:
    """Whether a subject names two parties by a number ("the two sides", "both leaders")."""
    return any(
        c.dep_ in {"nummod", "det", "predet"} and c.lower_ in _BOTH for c in subject.children
    )


def fact_as_doer(verb: Token, kind: str) -> bool:
    """Whether a verbal act's subject is a demonstrative pronoun that stands for a fact or a
    remark ("This contradicted the chief's statement", "That permitted the redeployment"): a
    pronoun of things is no party, where "it", "they" or "which" may stand for one. Acts of
    force keep their reading ("this killed five people" tells a blast)."""
    if kind in _FORCE or verb.pos_ != "VERB":
        return False
    doer = dep_child(verb, "nsubj")
    return doer is not None and doer.pos_ == "PRON" and doer.lower_ in _DEMONSTRATIVES
