"""Modality of a reported event: negated, hypothetical, future, habitual.

An event counted as having happened must have happened. These cues are read off the trigger's
own dependents (a ``neg`` child, a modal or ``will`` auxiliary) and off the verbs that embed it
("avoid attacking", "plans to strike", "if they attack"), because in English the modality of a
clause is marked on the predicate or on the verb that governs it, never far away. Habitual
readings ("have been targeted repeatedly") are marked by frequency adverbs and by plural event
nouns with a frequency modifier ("repeated attacks").

Issue 6, sixth round: a question asks whether an act happens, it does not report it ("Did the
guard call 911?", "Would Congress authorize a new war?", "Who then enforces the demands?"),
and a condition's consequence in the conditional mood ("they would object if …", "if he
crosses, he joins …") or a clause of inverted condition ("Had Obama submitted the deal …",
"should they be allowed to enter") is no act either. A wh-question in the past presupposes
its act ("Why did Russia invade Ukraine?") and keeps it. An infinitive on a noun of an aim, an
ability, a chance or a need ("a plan to assemble the planes", "the power to reverse the
outcome", "in order to condemn") names an act that has not happened (:func:`aim_noun`), and a
command ("Come and kill him") asks for an act rather than telling one (:func:`imperative`).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from newsgraph.resources.wordnet import load_wordnet
from newsgraph.stages.events.agency import first_sense

NEGATORS = frozenset({"not", "n't", "never", "no", "neither", "nor", "without"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "would", "'d"})
HYPOTHETICAL_AUX = frozenset({"could", "might", "may", "should", "must", "can"})
# Governing verbs whose complement did not (or not yet) happen.
NEGATING_VERBS = frozenset(
    {
        "avoid",
        "refrain",
        "fail",
        "deny",
        "prevent",
        "stop",
        "cease",
        "halt",
        "abstain",
        "foil",
        "thwart",
        "forbid",
        "ban",
        "oppose",
        "refuse",
        "decline",
        "reject",
        "resist",
    }
)
FUTURE_VERBS = frozenset(
    {
        "plan",
        "intend",
        "prepare",
        "aim",
        "threaten",
        "vow",
        "pledge",
        "promise",
        "seek",
        "want",
        "hope",
        "expect",
        "schedule",
        "agree",
        "offer",
        "ready",
        "willing",
        "prepared",
    }
)
HYPOTHETICAL_VERBS = frozenset(
    {
        "fear",
        "warn",
        "consider",
        "mull",
        "urge",
        "call",
        "demand",
        "ask",
        "request",
        "propose",
        "suggest",
        "could",
        "may",
        "might",
        "risk",
        "need",
        "suppose",
    }
)
# An attempt at an act: the attempt itself happened. Whether that counts as the act is the
# caller's decision (an attempted use of force does, an attempted talk does not).
ATTEMPT_VERBS = frozenset({"try", "attempt"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether", "until", "lest", "so"})
# The marks of a condition a consequence depends on, and the auxiliaries that open an inverted
# condition ("Had he known", "Should they be allowed", "Were it to fall").
_CONDITION_MARKS = frozenset({"if", "unless"})
_INVERTED_CONDITION = frozenset({"had", "should", "were"})
# The conditional mood of a consequence ("would object if"); "will" with a condition is a
# promise or a threat ("will withdraw if the rebels disarm") and stays future.
CONDITIONAL_AUX = frozenset({"would", "'d", "could", "might"})
# A past that would or should have been: it was not.
_UNREALISED_AUX = frozenset({"would", "'d", "should"})
# How a predicate hangs on the clause it belongs to: its complement, a coordinated verb, the
# adjective it completes ("be willing to fight"), a fragment the parser could not attach.
_SAME_CLAUSE = frozenset({"xcomp", "conj", "acomp", "dep"})
_WH_TAGS = frozenset({"WP", "WDT", "WRB", "WP$"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl"})
# Nouns whose infinitive is an aim, an ability, a chance or a need, by the supersense of
# their most frequent WordNet sense: plan, intention (cognition); power, ability, right
# (attribute); opportunity, need, pains (state); desire, ambition (feeling). Messages
# ("a motion to dismiss", "a call to free") and acts ("an attempt to seize", "the decision to
# invade") are other supersenses; "in order to" says a purpose.
_AIM_SENSES = frozenset({"noun.cognition", "noun.attribute", "noun.state", "noun.feeling"})
_PURPOSE_FRAME = ("in", "order")
# An agreement or a disposition to act is a promise, which PLOVER codes (AGREE), not an aim:
# consensus and accord (agreement, harmony), willingness, readiness, commitment (trait).
_AGREEING = frozenset({"agreement", "harmony", "trait", "disposition", "willingness"})
# The prepositions that join such a noun to its gerund ("the goal of crushing", "importance
# on helping"); a question about an act ("inquiries about when the hotel notified police")
# presupposes it.
_AIM_PREPS = frozenset({"of", "on"})
HABITUAL_ADVERBS = frozenset(
    {
        "repeatedly",
        "regularly",
        "routinely",
        "frequently",
        "often",
        "constantly",
        "continually",
        "continuously",
        "habitually",
        "usually",
        "always",
        "increasingly",
        "persistently",
    }
)
HABITUAL_AMODS = frozenset(
    {
        "repeated",
        "regular",
        "frequent",
        "constant",
        "continual",
        "daily",
        "weekly",
        "recurrent",
        "persistent",
        "routine",
        "ongoing",
    }
)


@dataclass
class Flags:
    """The four modality flags of one event."""

    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    habitual: bool = False


def event_flags(trigger: Token, governor: Token | None = None) -> Flags:
    """Flags of the event whose trigger is ``trigger``.

    ``governor`` is the predicate the trigger is the complement of (if any): "avoid" in "avoid
    attacking", "plans" in "plans to strike". A light verb that carries an event noun ("carried
    out an attack") is passed as ``trigger``'s head by the caller and read the same way.
    """
    flags = Flags()
    _read_predicate(trigger, flags)
    clause = clause_head(trigger)
    if question(trigger) or inverted_condition(clause) or _unrealised(clause) or imperative(clause):
        flags.hypothetical = True
    if trigger.pos_ in {"NOUN", "PROPN"}:
        if any(c.dep_ == "amod" and c.lower_ in HABITUAL_AMODS for c in trigger.children):
            flags.habitual = True
        if any(c.dep_ == "neg" or c.lower_ == "no" for c in trigger.children):
            flags.negated = True
    head = governor
    depth = 0
    while head is not None and depth < 3:
        lemma = head.lemma_.lower()
        if lemma in NEGATING_VERBS:
            flags.negated = True
        elif lemma in FUTURE_VERBS:
            flags.future = True
        elif lemma in HYPOTHETICAL_VERBS:
            flags.hypothetical = True
        if any(c.dep_ == "neg" for c in head.children) and lemma not in NEGATING_VERBS:
            flags.negated = True
        if head.dep_ not in {"xcomp", "ccomp", "advcl", "conj"} or head.head is head:
            break
        head = head.head
        depth += 1
    return flags


def _read_predicate(pred: Token, flags: Flags) -> None:
    """Auxiliaries, negation, condition markers and frequency adverbs on the predicate."""
    for child in pred.children:
        lower = child.lower_
        if child.dep_ == "neg" or (child.dep_ == "advmod" and lower in {"never"}):
            flags.negated = True
        elif child.dep_ in {"aux", "auxpass"}:
            if lower == "'d" and _pluperfect(pred):
                continue  # "he'd been shot", "he'd admitted": had, not would
            if lower in FUTURE_AUX:
                flags.future = True
            elif lower in HYPOTHETICAL_AUX:
                flags.hypothetical = True
            elif lower == "going" or (lower in {"is", "are", "was", "were"} and _going_to(pred)):
                flags.future = True
        elif child.dep_ == "mark" and lower in CONDITIONAL_MARKS:
            flags.hypothetical = True
        elif child.dep_ == "advmod" and lower in HABITUAL_ADVERBS:
            flags.habitual = True
    if pred.dep_ == "advcl":
        marks = {c.lower_ for c in pred.children if c.dep_ == "mark"}
        if marks & CONDITIONAL_MARKS:
            flags.hypothetical = True


def _going_to(pred: Token) -> bool:
    return any(c.lower_ == "going" for c in pred.children)


def imperative(clause: Token) -> bool:
    """Whether the clause is a command ("Come and kill him", "Release the prisoners!"): a
    bare verb heading the sentence, with no subject and no auxiliary. A command asks for an
    act; it does not report one."""
    if clause.dep_ != "ROOT" or clause.tag_ != "VB":
        return False
    return not any(c.dep_ in _SUBJECTS or c.dep_ in {"aux", "auxpass"} for c in clause.children)


def _pluperfect(pred: Token) -> bool:
    """Whether a contracted "'d" is "had": a past participle follows with no "have" ("he'd
    admitted", "he'd been shot"; "he'd have gone" is "would have")."""
    auxes = {c.lower_ for c in pred.children if c.dep_ in {"aux", "auxpass"}}
    return pred.tag_ == "VBN" and "have" not in auxes


def _unrealised(clause: Token) -> bool:
    """Whether the clause tells what would or should have happened and did not ("they would
    have forced him to answer", "police should have arrested him"); "could have" and "might
    have" may guess at what did happen ("the missile could have been fired by the rebels")."""
    auxes = [c.lower_ for c in clause.children if c.dep_ == "aux"]
    return "have" in auxes and not _UNREALISED_AUX.isdisjoint(auxes)


def clause_head(pred: Token) -> Token:
    """The predicate of the clause ``pred`` belongs to: up through complements, coordinated
    verbs and the adjective they complete ("Would he be willing to fight …?" → "be")."""
    return _clause_path(pred)[-1]


def _clause_path(pred: Token) -> list[Token]:
    """``pred`` and the predicates above it in its own clause (see :func:`clause_head`)."""
    path = [pred]
    for _ in range(4):
        if pred.dep_ not in _SAME_CLAUSE or pred.head is pred:
            break
        pred = pred.head
        path.append(pred)
    return path


def _inverted(clause: Token, auxiliaries: frozenset[str] | None = None) -> bool:
    """Whether an auxiliary (of ``auxiliaries``, if given) stands before the clause's subject
    ("Did he call", "Had Obama submitted", "that should they be allowed")."""
    auxes = [
        c.i
        for c in clause.children
        if c.dep_ in {"aux", "auxpass"} and (auxiliaries is None or c.lower_ in auxiliaries)
    ]
    subjects = [c.i for c in clause.children if c.dep_ in _SUBJECTS]
    return bool(auxes and subjects) and min(auxes) < max(subjects)


def question(pred: Token) -> bool:
    """Whether the predicate's clause is a direct question: a question mark on the predicate
    or the clause's head, and an inverted auxiliary or a wh-word before its verb. A
    wh-question in the past presupposes its act ("Why did Russia invade Ukraine?", "Who
    killed the mayor?") and is no question of it."""
    path = _clause_path(pred)
    if not any(c.text == "?" for p in path for c in p.children):
        return False
    clause = path[-1]
    wh = any(t.tag_ in _WH_TAGS for t in clause.subtree if t.i < clause.i)
    if not wh:
        return _inverted(clause)
    return not _past(clause)


def _past(clause: Token) -> bool:
    """Whether the clause is in the past: a past auxiliary ("did", "had", "was") or a past
    verb with no modal."""
    auxes = [c for c in clause.children if c.dep_ in {"aux", "auxpass"}]
    if any(a.tag_ == "MD" for a in auxes):
        return False
    return clause.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes)


def inverted_condition(clause: Token) -> bool:
    """Whether the clause is a condition told by inversion, with no "if" ("Had Obama
    submitted the deal to the Senate, …", "should they be allowed to enter")."""
    if any(c.text == "?" for c in clause.children):
        return False
    return _inverted(clause, _INVERTED_CONDITION)


def conditional_consequence(pred: Token, threat: bool = False) -> bool:
    """Whether the predicate is the consequence of a condition in the conditional mood ("they
    would object if they lived there", "would be allowed to continue if it were a contest")
    or in a generic present ("if he crosses, he joins …"). A promise on a condition ("will
    withdraw if", "said it would withdraw if …": a future in the past) stays, and so does a
    ``threat`` ("the army would strike back if attacked") unless it is a past that did not
    happen ("had they attacked, the navy would have fired back"). The parser may hang the
    condition on a parenthetical ("they would object, he said, if …")."""
    clause = clause_head(pred)
    if threat and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in clause.children):
        return False
    parentheticals = [c for c in clause.children if c.dep_ == "parataxis"]
    clauses = [c for h in (clause, *parentheticals) for c in h.children if c.dep_ == "advcl"]
    if not any(map(_condition, clauses)):
        return False
    if clause.dep_ == "ccomp" and clause.head.tag_ == "VBD":
        return False  # "said it would retaliate if attacked": a future in the past
    if any(c.dep_ == "aux" and c.lower_ in CONDITIONAL_AUX for c in clause.children):
        return True
    has_aux = any(c.dep_ in {"aux", "auxpass"} for c in clause.children)
    return clause.tag_ in {"VBZ", "VBP"} and not has_aux


def _condition(clause: Token) -> bool:
    """Whether an adverbial clause states a condition: "if"/"unless", or inversion."""
    if any(c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS for c in clause.children):
        return True
    return inverted_condition(clause)


def aim_noun(pred: Token) -> Token | None:
    """The noun whose aim, ability, chance or need the predicate names, if it is such an
    infinitive or gerund (see :data:`_AIM_SENSES`): "the plan to assemble the planes", "has
    the power to reverse the outcome", "took pains to disassociate himself", "in order to
    condemn the Church", "the goal of crushing the caliphate", "no intention of offering a
    correction". The caller leaves out nouns that are events."""
    if pred.dep_ == "pcomp" and pred.head.lower_ in _AIM_PREPS:
        noun = pred.head.head  # "the goal of crushing …"
    elif pred.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in pred.children):
        noun = pred.head
    else:
        return None
    if noun.pos_ != "NOUN":
        return None
    if (noun.head.lower_, noun.lower_) == _PURPOSE_FRAME:
        return noun
    if not _AGREEING.isdisjoint(load_wordnet().senses(noun.lemma_.lower(), "n").ancestors):
        return None  # "reached a consensus to exchange information": an agreement (AGREE)
    return noun if first_sense(noun) in _AIM_SENSES else None
