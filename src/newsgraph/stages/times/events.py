"""Event-relative times: link "five days after the assassination" to its event and solve.

The calendar alone cannot date "two days earlier" in "... in response to the assassination ...,
two days earlier": it dates the assassination, measured from the clause's own time. Nor can it
say when "the US military conducted a deadly air raid", only that it was "more than a week"
before Wednesday. This module

1. links each such expression to the words of the event it dates (found through the dependency
   parse: the object of "after"/"before", the verb of an "after ..." clause, or the nearest
   event noun between the clause's time and a trailing "two days earlier"),
2. turns each link into an interval constraint on that event, measured from the time expression
   of the same clause (or the narrative reference time),
3. intersects the constraints of every mention of the same event (nominal mentions with the same
   lemma, "the assassination" three times, are one event) and writes the solved interval back;
   where an expression dates an event from its clause's time ("two days earlier"), the event's
   solved date dates the clause in turn (the law passed "in January 2020", two days after an
   assassination solved to January 3, was passed on January 5).

The events stage runs later; it finds these event spans in each TimeExpr's ``anchor``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsgraph.stages.times.grammar import Found
from newsgraph.stages.times.lexicon import EVENT_NOUNS
from newsgraph.stages.times.normalize import Resolved

Interval = tuple[dt.date | None, dt.date | None]


@dataclass
class EventLink:
    """A time expression tied to an event trigger, with the constraint it puts on the event."""

    index: int  # the time expression
    key: str  # one key per event (coreferent mentions share it)
    trigger: tuple[int, int]  # character offsets of the trigger words
    relation: str  # "after" / "before": the event precedes / follows the clause time; "dates"
    reference: int  # the time expression the offset is measured from
    interval: Interval
    # For "dates" links, the stated distance from the clause time to the event, signed
    # ("two days earlier": -2, "D"), so the event's solved date can date the clause in turn.
    shift: tuple[int, str] | None = None

    def clause_interval(self, solved: Interval) -> Interval:
        """The clause's time implied by the event's solved interval ("the law was passed two
        days after the assassination, dated January 3" → January 5); open where unknown."""
        if self.shift is None:
            return None, None
        amount, unit = self.shift
        sign = -1 if amount > 0 else 1
        return (
            _shift(solved[0], abs(amount), unit, sign),
            _shift(solved[1], abs(amount), unit, sign),
        )


def _event_noun(token: Token) -> bool:
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    lemma = token.lemma_.lower()
    return lemma in EVENT_NOUNS or (
        token.pos_ == "NOUN" and lemma.endswith(("tion", "sion")) and token.dep_ == "pobj"
    )


def _noun_trigger(token: Token) -> tuple[tuple[int, int], str]:
    left = token
    for child in token.lefts:
        if child.dep_ == "compound" and child.pos_ == "NOUN":
            left = child
            break
    return (left.idx, token.idx + len(token)), f"n:{token.lemma_.lower()}"


def _clause_trigger(verb: Token) -> tuple[tuple[int, int], str]:
    objects = [c for c in verb.rights if c.dep_ in ("dobj", "attr", "nsubjpass")]
    if objects and (_event_noun(objects[0]) or objects[0].lemma_ in EVENT_NOUNS):
        noun = objects[0]
        return (verb.idx, noun.idx + len(noun)), f"n:{noun.lemma_.lower()}"
    return (verb.idx, verb.idx + len(verb)), f"v:{verb.i}"


def _trigger_after(doc: Doc, word: Token) -> tuple[tuple[int, int], str] | None:
    """The event that "after"/"before" introduces: its object noun or its clause's verb."""
    if word.dep_ == "mark" and word.head.pos_ in ("VERB", "AUX"):
        return _clause_trigger(word.head)
    for child in word.children:
        if child.dep_ == "pobj":
            if child.pos_ in ("VERB",):
                return _clause_trigger(child)
            return _noun_trigger(child)
        if child.dep_ == "pcomp" and child.pos_ in ("VERB", "AUX"):
            return _clause_trigger(child)
    for token in doc[word.i + 1 : min(len(doc), word.i + 8)]:
        if token.pos_ == "VERB":
            return _clause_trigger(token)
        if _event_noun(token):
            return _noun_trigger(token)
    return None


def _shift(day: dt.date | None, amount: float | None, unit: str, sign: int) -> dt.date | None:
    if day is None or amount is None:
        return None
    whole = int(amount)
    if unit == "D":
        return day + dt.timedelta(days=sign * whole)
    if unit in ("W", "2W"):
        return day + dt.timedelta(weeks=sign * whole * (2 if unit == "2W" else 1))
    months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}.get(unit)
    if months is None:
        return day
    index = day.year * 12 + day.month - 1 + sign * whole * months
    year, month = divmod(index, 12)
    if not 1 <= year <= 9998:
        return None
    month += 1
    last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, last))


def _constraint(
    reference: Resolved, amount: float | None, unit: str, mod: str | None, relation: str
) -> Interval:
    """Where the event lies given the clause time and the stated distance to it."""
    sign = -1 if relation == "after" else 1
    first = _shift(reference.earliest, amount, unit, sign)
    last = _shift(reference.latest, amount, unit, sign)
    one = dt.timedelta(days=1)
    if mod in ("MORE_THAN", "EQUAL_OR_MORE"):
        extra = one if mod == "MORE_THAN" else dt.timedelta(0)
        if relation == "after":
            return None, None if last is None else last - extra
        return (None if first is None else first + extra), None
    if mod in ("LESS_THAN", "EQUAL_OR_LESS"):
        if relation == "after":
            return first, reference.latest
        return reference.earliest, last
    return first, last


def _sentence_of(doc: Doc, char: int) -> Span | None:
    token = doc.char_span(char, char + 1, alignment_mode="expand")
    return None if token is None or len(token) == 0 else token[0].sent


def link(doc: Doc, text: str, found: list[Found], resolved: list[Resolved]) -> list[EventLink]:
    """Find every time expression that measures from or to an event, with its constraint."""
    links: list[EventLink] = []
    starts = {token.idx: token for token in doc}
    for index, (item, res) in enumerate(zip(found, resolved, strict=True)):
        sentence = _sentence_of(doc, item.start)
        if sentence is None:
            continue
        reference = _clause_time(found, resolved, index, sentence)
        if reference is None:
            continue
        parse = item.parse
        if res.type == "DURATION":
            rest = text[item.end : item.end + 12]
            stripped = rest.lstrip()
            word = starts.get(item.end + len(rest) - len(stripped))
            if word is None or word.lower_ not in ("after", "before"):
                continue
            trigger = _trigger_after(doc, word)
            if trigger is None:
                continue
            interval = _constraint(
                resolved[reference], parse.amount, parse.unit or "D", parse.mod, word.lower_
            )
            links.append(EventLink(index, trigger[1], trigger[0], word.lower_, reference, interval))
        elif "shift" in parse.tags and parse.rel is not None and parse.rel.base == "ref":
            noun = _event_between(doc, found[reference].end, item.start)
            if noun is None or parse.rel.offset is None:
                continue
            span, key = _noun_trigger(noun)
            sign = 1 if parse.rel.offset >= 0 else -1
            interval = _constraint(
                resolved[reference],
                abs(parse.rel.offset),
                parse.rel.unit,
                None,
                "before" if sign > 0 else "after",
            )
            shift = (int(parse.rel.offset), parse.rel.unit)
            links.append(EventLink(index, key, span, "dates", reference, interval, shift))
    return links


def _clause_time(
    found: list[Found], resolved: list[Resolved], index: int, sentence: Span
) -> int | None:
    """The calendar time the clause of expression ``index`` happens at (same sentence)."""
    for other in range(index - 1, -1, -1):
        if found[other].end <= sentence.start_char:
            break
        if resolved[other].is_point:
            return other
    for other in range(index + 1, len(found)):
        if found[other].start >= sentence.end_char:
            break
        if resolved[other].is_point:
            return other
    return None


def _event_between(doc: Doc, start: int, end: int) -> Token | None:
    """The event noun nearest before ``end`` (after ``start``), if any."""
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None:
        return None
    for token in reversed(span):
        if _event_noun(token):
            return token
    return None


def solve(links: list[EventLink]) -> dict[str, Interval]:
    """Intersect the constraints on each event; on a contradiction keep the narrowest one."""
    by_key: dict[str, list[Interval]] = {}
    for item in links:
        by_key.setdefault(item.key, []).append(item.interval)
    solved: dict[str, Interval] = {}
    for key, intervals in by_key.items():
        lows = [low for low, _ in intervals if low is not None]
        highs = [high for _, high in intervals if high is not None]
        low = max(lows) if lows else None
        high = min(highs) if highs else None
        if low is not None and high is not None and low > high:
            low, high = min(intervals, key=_width)
        solved[key] = (low, high)
    return solved


def _width(interval: Interval) -> int:
    low, high = interval
    if low is None or high is None:
        return 1 << 30
    return (high - low).days
