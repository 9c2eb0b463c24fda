"""Verbs that do a function word's work: no act is reported by them.

Found by judging the events coded on whole articles (docs/events.md, "Event confidence"):
CAMEO's lexicon makes "give" material cooperation and "help" aid whatever their use, and in
running text they often work as a preposition or as a helper of another verb:

* **a participle used as a preposition** — the parser's ``prep`` on a verb: "given the current
  weakened state of the economy", "Given what we are now seeing" (also "provided", "following");
* **"help" as a helper verb** — aid coded on a verb whose only complement is a bare infinitive
  and that names no one helped: "the outbreak had helped spread the bacteria", "this helps
  explain why …", "parents help raise $500,000 a year" ("Iran helped the regime establish
  control", "helped the refugees" stay aid).
"""

from __future__ import annotations

from spacy.tokens import Token


def as_preposition(verb: Token) -> bool:
    """Whether the verb is a participle working as a preposition ("given the state of …")."""
    return verb.dep_ == "prep"


def helper_verb(verb: Token, kind: str) -> bool:
    """Whether aid is coded on a verb that only helps another verb and names no one helped."""
    if kind != "AID":
        return False
    children = {c.dep_ for c in verb.children}
    if children & {"dobj", "dative", "ccomp", "prep"}:
        return False
    return any(c.dep_ == "xcomp" and c.tag_ == "VB" for c in verb.children)
