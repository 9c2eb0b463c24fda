"""Anchoring: which way the tense points, and whether a document is news or narrative.

"On Wednesday" in "the attack was carried out on Wednesday" is the last Wednesday before the
publication date; in "the trial is set to begin on Wednesday" it is the next one. The direction
comes from the verb that governs the expression: its tag, its auxiliaries ("will", "has") and
verbs that look forward ("expected to", "scheduled", "plans").

News is anchored on the publication date; narrative history ("In 1918 ... In March ...") is
anchored on the last time the text mentioned. A document whose explicit years mostly lie far
from its publication date is read as narrative.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence

from spacy.tokens import Doc, Token

from newsgraph.stages.times.grammar import Parse

_FUTURE_AUX = frozenset({"will", "shall", "'ll", "’ll", "wo", "would", "gon"})
_FUTURE_VERBS = frozenset(
    {
        "schedule",
        "plan",
        "expect",
        "set",
        "due",
        "intend",
        "aim",
        "hope",
        "prepare",
        "vow",
        "pledge",
    }
)
_PAST_AUX = frozenset({"was", "were", "had", "did"})
_VERB_POS = frozenset({"VERB", "AUX"})


def _governing_verb(token: Token) -> Token | None:
    current = token
    for _ in range(6):
        if current.pos_ in _VERB_POS:
            return current
        if current.head is current:
            return None
        current = current.head
    return None


def _verb_direction(verb: Token) -> str | None:
    aux = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    lowers = {child.lower_ for child in aux}
    if lowers & _FUTURE_AUX or verb.lemma_ in _FUTURE_VERBS:
        return "future"
    if any(child.lower_ == "going" for child in aux) and verb.tag_ == "VB":
        return "future"
    if verb.tag_ == "VBD" or lowers & _PAST_AUX:
        return "past"
    if verb.tag_ == "VBN" and lowers & {"has", "have"}:
        return "past"
    return None


def tense_direction(doc: Doc, start: int, end: int) -> str | None:
    """ "past", "future" or None for the clause that governs the characters [start, end)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    verb = _governing_verb(span.root)
    if verb is None:
        return None
    direction = _verb_direction(verb)
    # "is expected to begin on Wednesday", "plans to close in October": the matrix verb decides.
    head = verb
    for _ in range(3):
        if head.dep_ not in ("xcomp", "ccomp", "advcl", "conj") or head.head is head:
            break
        head = head.head
        if head.lemma_ in _FUTURE_VERBS or (
            _verb_direction(head) == "future" and (head.dep_ != "ROOT" or direction is None)
        ):
            return "future"
    return direction


def parse_published(value: object) -> dt.date | None:
    """The publication date from ``ng_meta`` (ISO date or datetime string), None if unusable."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def is_narrative(years: Iterable[int | None], published: dt.date | None, far_share: float) -> bool:
    """True when relative expressions should hang on the text's own times, not on publication.

    Without a publication date there is nothing else to hang them on. With one, the document is
    narrative when more than ``far_share`` of its explicit years lie over two years before it
    (``None`` stands for a year BC). Years after publication are plans, not history.
    """
    if published is None:
        return True
    explicit = list(years)
    if not explicit:
        return False
    far = sum(1 for year in explicit if year is None or year < published.year - 2)
    return far / len(explicit) > far_share


# An undated text tells history when it names several years and few of its times point from
# the moment of writing (WikiWars articles: at most 12 %; undated news and opinion: mostly 14 % and
# far more, see docs/times.md).
HISTORY_MIN_YEARS = 3
HISTORY_MAX_DEICTIC_SHARE = 0.15


def undated_history(parses: Sequence[Parse]) -> bool:
    """True when a text without a publication date tells history, so that an act it leaves
    untimed happened at the time the story has reached. Relative times of any undated text
    still hang on its own times (there is nothing else), but an undated news or opinion piece
    ("Early on Friday, Trump claimed ...") is no history: its acts are not dated by whatever
    year or day it named last. (With a publication date, :func:`is_narrative` decides.)
    """
    years = sum(1 for p in parses if p.year is not None)
    if years < HISTORY_MIN_YEARS:
        return False
    deictic = sum(1 for p in parses if p.deictic)
    return deictic / len(parses) <= HISTORY_MAX_DEICTIC_SHARE


_ADVERBIAL_BEFORE = re.compile(
    r"(?:\b(?:in|by|during|until|till|since|from|through|throughout|early|late|mid|of|on|after|"
    r"before)\s*-?|^|[\n:;(]\s*|[.!?]\s+)$",
    re.IGNORECASE,
)
_SENTENCE_INITIAL = re.compile(
    r"(?:^|[\n:;(]|[.!?]\s)\s*(?:(?:in|by|during|until|since|from|through|around|after|before)"
    r"\s+)?(?:(?:early|late|mid)[\s-]+)?$",
    re.IGNORECASE,
)


def sets_narrative_year(text: str, start: int, fine_reference: bool) -> bool:
    """Whether a bare year at ``start`` is a time the story moves to ("In 1940, ...").

    A year that only modifies a noun ("the 1976 elections", "WWDC 2005") does not move the
    narrative, so it must not become the year of the next "In March". Once the story has a
    month or day, only a year that opens a sentence ("In 1976, ...") moves it: one inside a
    clause is usually a plan or an aside ("the big push planned for 1976").
    """
    before = text[max(0, start - 24) : start]
    pattern = _SENTENCE_INITIAL if fine_reference else _ADVERBIAL_BEFORE
    return bool(pattern.search(before))
