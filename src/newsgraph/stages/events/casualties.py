"""Casualty counts (dead, injured, arrested) read from the words around an event.

ACLED's rules are conservative: take the lowest number a report supports ("at least 12" is 12,
"up to 40" is not 40 but unknown unless nothing lower is said, "dozens" is 12, "scores" 20,
"hundreds" 100, "several"/"a few" 3), and code "deadly"/"fatal" without a number as *at least
one, count unknown*. The record keeps the count as an int and says "unknown count" with
``fatalities=1`` only where the text guarantees at least one death; evidence spans point at the
words. Everything is precompiled regular expressions over the sentence text: no token loops.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsgraph.numbers import CARDINALS
from newsgraph.record import Span

_WORD_NUMBERS = {
    **CARDINALS,
    "a": 1,
    "an": 1,
    # Vague quantities, coded as ACLED does.
    "several": 3,
    "few": 3,
    "a few": 3,
    "some": 3,
    "many": 10,
    "dozens": 12,
    "dozen": 12,
    "scores": 20,
    "hundreds": 100,
    "thousands": 1000,
    "tens": 10,
}
_QUALIFIER = (
    r"(?:at\s+least|more\s+than|over|nearly|almost|about|around|some|up\s+to"
    r"|as\s+many\s+as|a\s+total\s+of)"
)
_NUMBER = (
    r"(?:\d[\d,]*|"
    + "|".join(sorted((re.escape(w) for w in _WORD_NUMBERS), key=len, reverse=True))
    + r")"
)
_NOUNS = r"(?:\s+(?:of\s+)?(?:the\s+)?[a-z\-]+){0,3}?"
_DEAD = (
    r"(?:killed|dead|died|dies|slain|killing|deaths?|fatalities|lives|bodies|massacred|executed)"
)
_HURT = r"(?:wounded|injured|injuring|wounding|hurt|injuries|casualties)"
_HELD = r"(?:arrested|detained|arresting|detaining|rounded\s+up|taken\s+into\s+custody|held)"

_COUNT = re.compile(
    rf"\b(?P<qual>{_QUALIFIER}\s+)?(?P<num>{_NUMBER})(?P<nouns>{_NOUNS})\s+(?:(?:were|was|are|have\s+been|had\s+been|being|reportedly|been)\s+)*"
    rf"(?P<kind>{_DEAD}|{_HURT}|{_HELD})\b",
    re.IGNORECASE,
)
_VERB_FIRST = re.compile(
    rf"\b(?P<kind>killing|killed|wounding|wounded|injuring|injured|arresting|arrested|detaining|detained|left)\s+"
    rf"(?P<qual>{_QUALIFIER}\s+)?(?P<num>{_NUMBER})\b",
    re.IGNORECASE,
)
_DEADLY = re.compile(r"\b(?:deadly|fatal|fatally|lethal|killed|dead|died)\b", re.IGNORECASE)


@dataclass
class Casualties:
    """Counts with the spans that state them (None = not stated)."""

    fatalities: int | None = None
    injured: int | None = None
    arrested: int | None = None
    fatalities_unknown_count: bool = False
    spans: list[Span] = field(default_factory=list)


def _value(raw: str) -> int | None:
    raw = raw.lower().strip()
    if raw.replace(",", "").isdigit():
        return int(raw.replace(",", ""))
    return _WORD_NUMBERS.get(raw)


def _kind(word: str) -> str:
    word = word.lower()
    if re.fullmatch(_DEAD, word) or word == "left":
        return "fatalities"
    if re.fullmatch(_HURT, word):
        return "injured"
    return "arrested"


def read_casualties(text: str, offset: int) -> Casualties:
    """Casualties stated in ``text`` (a sentence); spans are shifted by ``offset``.

    The lowest reported number per kind is kept (conservative), and "up to N" alone is not
    taken as a count. ``deadly``/``fatal``/"killed" without a number gives one death with the
    ``fatalities_unknown_count`` mark.
    """
    found: dict[str, list[tuple[int, Span]]] = {}
    for match in _COUNT.finditer(text):
        _add(found, match, offset)
    for match in _VERB_FIRST.finditer(text):
        _add(found, match, offset)
    result = Casualties()
    for kind, values in found.items():
        value, span = min(values)
        setattr(result, kind, value)
        result.spans.append(span)
    if result.fatalities is None:
        deadly = _DEADLY.search(text)
        if deadly is not None:
            result.fatalities = 1
            result.fatalities_unknown_count = True
            result.spans.append((offset + deadly.start(), offset + deadly.end()))
    return result


def _add(found: dict[str, list[tuple[int, Span]]], match: re.Match[str], offset: int) -> None:
    qualifier = (match.group("qual") or "").lower()
    if qualifier.startswith("up") or qualifier.startswith("as many"):
        return
    value = _value(match.group("num"))
    if value is None or value == 0:
        return
    kind = _kind(match.group("kind").split()[0])
    if kind == "fatalities" and match.group("kind").lower() == "left":
        return  # "left 5 ..." without the noun says nothing about death
    span = (offset + match.start(), offset + match.end())
    found.setdefault(kind, []).append((value, span))
