"""Modality of a reported event: negated, hypothetical, future, habitual.

An event counted as having happened must have happened. These cues are read off the trigger's
own dependents (a ``neg`` child, a modal or ``will`` auxiliary) and off the verbs that embed it
("avoid attacking", "plans to strike", "if they attack"), because in English the modality of a
clause is marked on the predicate or on the verb that governs it, never far away. Habitual
readings ("have been targeted repeatedly") are marked by frequency adverbs and by plural event
nouns with a frequency modifier ("repeated attacks").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

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
    }
)
# An attempt at an act: the attempt itself happened. Whether that counts as the act is the
# caller's decision (an attempted use of force does, an attempted talk does not).
ATTEMPT_VERBS = frozenset({"try", "attempt"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether", "until", "lest", "so"})
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
