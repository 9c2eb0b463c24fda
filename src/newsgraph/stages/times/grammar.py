"""Recognition: a grammar of temporal expressions as precompiled regular expressions.

Each rule is one regular expression over the text and a handler that turns the match into a
:class:`Parse`, a description of what the words say ("the 8th of a month called January, year
not given", "one day before the reference time", "five days") without any calendar arithmetic.
The normaliser turns a Parse into a TIMEX3 value once the anchor is known, so the same grammar
serves recognition (``find``) and the round-trip property tests (``parse_text``).

Why regular expressions over the text and not spaCy's NER: the small English model's DATE
entities have the wrong extents for TIMEX3 ("more than a week" as one DATE, "Back in January"),
miss many expressions, and cost a model pass; a few dozen compiled patterns cost microseconds per
article. The tokens are used afterwards, for tense and for linking to events.

Extent conventions (TimeML TIMEX3 as annotated in MEANTIME): a leading "the" and quantity
modifiers ("more than", "nearly", "the past") are inside the extent, prepositions ("on",
"in", "after") are not; "N units ago/later/earlier" is one DATE, while in "N units after X" only
"N units" is tagged (a DURATION linking the two times).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

from newsgraph.stages.times.lexicon import (
    AMBIGUOUS_MONTHS,
    MONTHS,
    NUMBER_WORDS,
    ORDINALS,
    PARTS_OF_DAY,
    REF_WORDS,
    SEASONS,
    SET_WORDS,
    UNITS,
    VAGUE_NUMBERS,
    WEEKDAYS,
)


@dataclass(frozen=True)
class Rel:
    """A shift from an anchor: ``base`` is "pub" (deictic) or "ref" (the narrative time)."""

    base: str
    unit: str
    offset: int | None
    keep_granularity: bool = False


@dataclass(frozen=True)
class Parse:
    """What an expression says, before anchoring. ``kind`` is the TIMEX3 type."""

    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    quarter: int | None = None
    half: int | None = None
    season: str | None = None
    decade: int | None = None
    century: int | None = None
    weekday: int | None = None
    pod: str | None = None
    hour: int | None = None
    minute: int | None = None
    utc: bool = False
    bc: bool = False
    rel: Rel | None = None
    amount: float | None = None
    unit: str | None = None
    mod: str | None = None
    fixed: str | None = None
    tags: frozenset[str] = field(default_factory=frozenset)

    @property
    def deictic(self) -> bool:
        """An expression that points from the moment of writing: a bare weekday ("on Friday"), a
        shift from publication ("yesterday", "last week", "three days ago") or "now". News is
        full of them; history names its dates."""
        bare_weekday = self.weekday is not None and self.day is None and self.year is None
        from_publication = self.rel is not None and self.rel.base == "pub"
        return bare_weekday or from_publication or self.fixed == "PRESENT_REF"

    @property
    def needs_year(self) -> bool:
        """A calendar date whose year the text leaves to the reader (month, day, season)."""
        calendar = (self.month, self.season, self.quarter, self.half)
        return self.year is None and self.rel is None and any(v is not None for v in calendar)


@dataclass(frozen=True)
class Found:
    """A recognised expression: character offsets into the text and its parse."""

    start: int
    end: int
    parse: Parse
    rule: str


# --- building blocks -------------------------------------------------------------------------

_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan\.?|feb\.?|mar\.?|apr\.?|jun\.?|jul\.?|aug\.?|sept?\.?|oct\.?|nov\.?|dec\.?)"
)
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_ORD_DAY = r"(?:" + "|".join(sorted(ORDINALS, key=len, reverse=True)) + r")"
_YEAR = r"(?:1[0-9]\d\d|20\d\d)"
_NUM_WORD = "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True))
_VAGUE = "|".join(sorted((re.escape(w) for w in VAGUE_NUMBERS), key=len, reverse=True))
_NUM = (
    r"(?:\d+(?:\.\d+)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ](?:one|two"
    rf"|three|four|five|six|seven|eight|nine)|(?:{_NUM_WORD})(?: and a half)?|{_VAGUE})"
)
_UNIT = r"(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur(?:y|ie))"
_POD = r"(?:morning|afternoon|evening|night)"
_SEASON = r"(?:spring|summer|autumn|winter|fall)"
_QMOD = (
    r"(?:more than|less than|fewer than|over|under|nearly|almost|about|around|approximately"
    r"|roughly|at least|at most|up to|some|barely|well over|a further|another"
    r"|the past|the last|the next|the previous|the first|the following|the coming|the final"
    r"|the same|the entire|a full|the whole|the)"
)
_EDGE = r"(?:early|late|mid|the early|the late|the mid)"
_B = r"(?<![\w$£€#])"  # start boundary: not inside a word or a money amount
_E = r"(?![\w])"

_QMOD_CODES = {
    "more than": "MORE_THAN",
    "over": "MORE_THAN",
    "well over": "MORE_THAN",
    "less than": "LESS_THAN",
    "fewer than": "LESS_THAN",
    "under": "LESS_THAN",
    "barely": "LESS_THAN",
    "nearly": "APPROX",
    "almost": "APPROX",
    "about": "APPROX",
    "around": "APPROX",
    "approximately": "APPROX",
    "roughly": "APPROX",
    "some": "APPROX",
    "at least": "EQUAL_OR_MORE",
    "at most": "EQUAL_OR_LESS",
    "up to": "EQUAL_OR_LESS",
}


def month_number(word: str) -> int:
    """Month number of a (possibly abbreviated, dotted) month name."""
    return MONTHS[word.lower().rstrip(".")]


def number_value(text: str) -> float | None:
    """The number a numeral or number phrase denotes; None for vague ones ("several")."""
    words = text.lower().strip()
    if words in VAGUE_NUMBERS:
        return None
    half = 0.0
    if words.endswith(" and a half"):
        half = 0.5
        words = words[: -len(" and a half")]
    try:
        return float(words) + half
    except ValueError:
        pass
    total = 0.0
    for part in re.split(r"[- ]", words):
        if part in ("", "and"):
            continue
        if part not in NUMBER_WORDS and f"a {part}" not in NUMBER_WORDS:
            return None
        total += NUMBER_WORDS.get(part, NUMBER_WORDS.get(f"a {part}", 0))
    if words in NUMBER_WORDS:
        total = float(NUMBER_WORDS[words])
    return total + half


def unit_code(word: str) -> str:
    """TIMEX3 unit code of a unit word (singular or plural)."""
    w = word.lower()
    if w.endswith("s") and w[:-1] in UNITS:
        w = w[:-1]
    if w == "centuries":
        w = "century"
    return UNITS[w]


def _day_number(text: str) -> int:
    digits = re.match(r"\d+", text)
    if digits:
        return int(digits.group())
    return ORDINALS[text.lower()]


def _edge(word: str | None) -> frozenset[str]:
    if not word:
        return frozenset()
    return frozenset({word.lower().replace("the ", "").strip("- ")})


# --- rules -----------------------------------------------------------------------------------

Handler = Callable[[re.Match[str]], Parse | None]


@dataclass(frozen=True)
class Rule:
    """One pattern of the grammar; ``priority`` breaks ties between equally long matches."""

    name: str
    regex: re.Pattern[str]
    handler: Handler
    priority: int = 0


_RULES: list[Rule] = []


def _rule(name: str, pattern: str, priority: int = 0) -> Callable[[Handler], Handler]:
    compiled = re.compile(_B + "(?:" + pattern + ")" + _E, re.IGNORECASE)

    def register(handler: Handler) -> Handler:
        _RULES.append(Rule(name, compiled, handler, priority))
        return handler

    return register


@_rule(
    "month_day_year",
    rf"(?:(?P<wd>{_WEEKDAY}),?\s+)?(?:(?P<edge>{_EDGE})[- ]?)?(?P<month>{_MONTH})\s*"
    rf"(?P<day>{_DAY})(?:,\s*|\s+)(?P<year>{_YEAR})",
    priority=3,
)
def _month_day_year(m: re.Match[str]) -> Parse:
    return Parse(
        "DATE",
        year=int(m["year"]),
        month=month_number(m["month"]),
        day=_day_number(m["day"]),
        tags=_edge(m["edge"]),
    )


@_rule(
    "day_month_year",
    rf"(?:(?P<wd>{_WEEKDAY}),?\s+)?(?:the\s+)?(?P<day>{_DAY}|{_ORD_DAY})(?:\s+of)?\s+"
    rf"(?P<month>{_MONTH}),?\s+(?P<year>{_YEAR})",
    priority=3,
)
def _day_month_year(m: re.Match[str]) -> Parse:
    return Parse(
        "DATE", year=int(m["year"]), month=month_number(m["month"]), day=_day_number(m["day"])
    )


@_rule("iso_date", r"(?P<year>\d{4})-(?P<month>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])", 4)
def _iso_date(m: re.Match[str]) -> Parse:
    return Parse("DATE", year=int(m["year"]), month=int(m["month"]), day=int(m["day"]))


@_rule("slash_date", r"(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>\d{4}|\d{2})", 4)
def _slash_date(m: re.Match[str]) -> Parse | None:
    a, b = int(m["a"]), int(m["b"])
    month, day = (a, b) if a <= 12 else (b, a)  # US order unless the first cannot be a month
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    year = int(m["year"])
    if year < 100:
        year += 1900 if year >= 50 else 2000
    return Parse("DATE", year=year, month=month, day=day)


@_rule(
    "month_year",
    rf"(?:(?P<edge>{_EDGE})[- ]?|(?:the\s+)?(?P<bound>beginning|start|end|middle|close)\s+of\s+)?"
    rf"(?P<month>{_MONTH})(?:,|\s+of)?\s+(?P<year>{_YEAR})",
    priority=2,
)
def _month_year(m: re.Match[str]) -> Parse:
    tags = _edge(m["edge"]) | _edge(m["bound"])
    return Parse("DATE", year=int(m["year"]), month=month_number(m["month"]), tags=tags)


@_rule(
    "month_day",
    rf"(?:(?P<wd>{_WEEKDAY}),?\s+)?(?P<month>{_MONTH})\s*(?P<day>{_DAY})(?![\d,.]*\d)"
    r"(?!\s*(?:%|percent|million|billion|per))",
    priority=1,
)
def _month_day(m: re.Match[str]) -> Parse:
    return Parse("DATE", month=month_number(m["month"]), day=_day_number(m["day"]))


@_rule(
    "day_month",
    rf"(?:the\s+)?(?P<day>{_DAY}|{_ORD_DAY})(?:\s+of)?\s+(?P<month>{_MONTH})",
    priority=1,
)
def _day_month(m: re.Match[str]) -> Parse:
    return Parse("DATE", month=month_number(m["month"]), day=_day_number(m["day"]))


@_rule(
    "month",
    rf"(?:(?P<edge>{_EDGE})[- ]?|(?:the\s+)?(?P<bound>beginning|start|end|middle|close)\s+of\s+"
    rf"|(?P<last>last|next|this)\s+)?(?P<month>{_MONTH})"
    r"(?=\s+of\s+(?P<ofrel>next|last|this)\s+year)?",
)
def _month(m: re.Match[str]) -> Parse:
    tags = _edge(m["edge"]) | _edge(m["bound"])
    if m["last"]:
        tags |= {m["last"].lower()}
    if m["ofrel"]:
        offset = {"this": 0, "last": -1, "next": 1}[m["ofrel"].lower()]
        return Parse("DATE", month=month_number(m["month"]), rel=Rel("pub", "Y", offset))
    return Parse("DATE", month=month_number(m["month"]), tags=tags)


@_rule(
    "year",
    rf"(?:(?P<edge>{_EDGE})[- ]?|(?:the\s+)?(?P<bound>beginning|start|end|middle|close)\s+of\s+"
    rf"|(?:the\s+)?year\s+|(?P<late>late|early)\s+in\s+)?(?P<year>{_YEAR})(?!\s*[-–]?\s*\d|[.,]\d)"
    r"(?!\s*(?:%|percent|BC|B\.C\.|BCE))",
)
def _year(m: re.Match[str]) -> Parse:
    tags = _edge(m["edge"]) | _edge(m["bound"]) | _edge(m["late"])
    return Parse("DATE", year=int(m["year"]), tags=tags)


@_rule("apostrophe_year", r"['’](?P<yy>\d\d)(?!s)", priority=1)
def _apostrophe_year(m: re.Match[str]) -> Parse:
    yy = int(m["yy"])
    return Parse("DATE", year=(1900 if yy >= 30 else 2000) + yy, tags=frozenset({"two_digit"}))


@_rule("year_range", rf"(?P<y1>{_YEAR})\s*[-–]\s*(?P<y2>\d{{4}}|\d\d)(?!\s*(?:BC|B\.C\.|BCE))", 2)
def _year_range(m: re.Match[str]) -> Parse:
    return Parse("DATE", year=int(m["y1"]), tags=frozenset({"range"}))


@_rule(
    "bc_year",
    r"(?:(?P<y1>\d{1,4})\s*[-–]\s*)?(?P<year>\d{1,4})\s*(?:BC|B\.C\.|BCE)(?!\w)",
    priority=3,
)
def _bc_year(m: re.Match[str]) -> Parse:
    return Parse("DATE", year=int(m["year"]), bc=True, tags=frozenset({"range"} if m["y1"] else ()))


@_rule("decade", r"(?:the\s+)?(?:(?P<edge>early|late|mid)[- ]?)?(?P<dec>1[0-9]\d|20\d)0['’]?s")
def _decade(m: re.Match[str]) -> Parse:
    return Parse("DATE", decade=int(m["dec"]), tags=_edge(m["edge"]))


@_rule("short_decade", r"(?:(?<=['’])|(?<=\s))(?P<dd>[2-9])0['’]?s(?!\w)")
def _short_decade(m: re.Match[str]) -> Parse:
    return Parse("DATE", decade=190 + int(m["dd"]))


@_rule(
    "century",
    rf"(?:the\s+)?(?:(?P<edge>early|late|mid)[- ]?)?(?P<n>\d{{1,2}})(?:st|nd|rd|th)[- ]century"
    rf"|(?:the\s+)?(?:(?P<edge2>early|late|mid)[- ]?)?(?P<word>{_ORD_DAY})[- ]century",
)
def _century(m: re.Match[str]) -> Parse:
    n = int(m["n"]) if m["n"] else ORDINALS[m["word"].lower()]
    return Parse("DATE", century=n - 1, tags=_edge(m["edge"] or m["edge2"]))


@_rule(
    "season",
    rf"(?:the\s+)?(?:(?P<edge>early|late|mid)[- ]?)?(?P<season>{_SEASON})(?:\s+of)?,?\s+"
    rf"(?P<year>{_YEAR})"
    rf"|(?:(?P<rel>this|last|next)\s+|(?P<the>the\s+))?(?P<season2>spring|summer|autumn|winter)"
    rf"|(?P<rel2>this|last|next)\s+fall",
)
def _season(m: re.Match[str]) -> Parse:
    word = (m["season"] or m["season2"] or "fall").lower()
    code = SEASONS[word]
    if m["year"]:
        return Parse("DATE", year=int(m["year"]), season=code)
    rel = (m["rel"] or m["rel2"] or "").lower()
    offset = {"this": 0, "last": -1, "next": 1}.get(rel)
    if offset is not None:
        return Parse("DATE", season=code, rel=Rel("pub", "SEASON", offset))
    return Parse("DATE", season=code)


_QUARTER_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "last": 0}


@_rule(
    "quarter",
    r"(?:the\s+)?(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[- ]quarter"
    rf"(?:\s+(?:of|in)\s+(?:(?P<year>{_YEAR})|(?P<rel>this|last|next|the)\s+(?:fiscal\s+)?year))?"
    rf"|Q(?P<q>[1-4])(?:\s+(?P<qyear>{_YEAR}))?",
    priority=1,
)
def _quarter(m: re.Match[str]) -> Parse:
    if m["q"]:
        year = int(m["qyear"]) if m["qyear"] else None
        return Parse("DATE", year=year, quarter=int(m["q"]))
    word = m["ord"].lower()
    number = _QUARTER_ORD[word] if word in _QUARTER_ORD else int(word[0])
    if m["year"]:
        return Parse("DATE", year=int(m["year"]), quarter=number)
    rel = (m["rel"] or "").lower()
    if rel in ("this", "last", "next"):
        year_offset = {"this": 0, "last": -1, "next": 1}[rel]
        return Parse("DATE", quarter=number or 4, rel=Rel("pub", "Y", year_offset))
    if number == 0:  # "the last quarter": the one before the current
        return Parse("DATE", rel=Rel("pub", "Q", -1))
    return Parse("DATE", quarter=number)


@_rule(
    "half",
    rf"(?:the\s+)?(?P<ord>first|second)\s+half\s+of\s+(?:(?P<year>{_YEAR})|(?P<rel>this|last|next"
    r"|the)\s+year)",
)
def _half(m: re.Match[str]) -> Parse:
    half = 1 if m["ord"].lower() == "first" else 2
    if m["year"]:
        return Parse("DATE", year=int(m["year"]), half=half)
    offset = {"this": 0, "last": -1, "next": 1, "the": 0}[m["rel"].lower()]
    base = "ref" if m["rel"].lower() == "the" else "pub"
    return Parse("DATE", half=half, rel=Rel(base, "Y", offset))


_DEICTIC = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}


@_rule(
    "deictic_day",
    r"(?:(?P<pre>earlier|later)\s+)?(?P<word>today|yesterday|tomorrow|tonight)"
    rf"(?:\s+(?P<pod>{_POD}))?(?!['’]s)",
)
def _deictic_day(m: re.Match[str]) -> Parse:
    word = m["word"].lower()
    pod = PARTS_OF_DAY[m["pod"].lower()] if m["pod"] else None
    if word == "tonight":
        pod = "NI"
    return Parse("TIME" if pod else "DATE", rel=Rel("pub", "D", _DEICTIC[word]), pod=pod)


@_rule("deictic_day_possessive", r"(?P<word>today|yesterday|tomorrow)(?=['’]s)")
def _deictic_possessive(m: re.Match[str]) -> Parse:
    return Parse("DATE", rel=Rel("pub", "D", _DEICTIC[m["word"].lower()]))


@_rule(
    "part_of_day",
    rf"(?P<rel>this|last|yesterday|tomorrow)\s+(?P<pod>{_POD})"
    rf"|(?P<wd>{_WEEKDAY})\s+(?P<pod2>{_POD})",
    priority=1,
)
def _part_of_day(m: re.Match[str]) -> Parse:
    if m["wd"]:
        return Parse("TIME", weekday=WEEKDAYS[m["wd"].lower()], pod=PARTS_OF_DAY[m["pod2"].lower()])
    rel = m["rel"].lower()
    pod = PARTS_OF_DAY[m["pod"].lower()]
    offset = {"this": 0, "last": -1, "yesterday": -1, "tomorrow": 1}[rel]
    if rel == "last" and pod != "NI":
        offset = -1
    return Parse("TIME", rel=Rel("pub", "D", offset), pod=pod)


@_rule("bare_part_of_day", r"(?<=\bin\s)morning(?=\s+trading)|(?<=\bat\s)night")
def _bare_pod(m: re.Match[str]) -> Parse:
    pod = PARTS_OF_DAY[m.group().lower()]
    if pod == "NI":
        return Parse("TIME", fixed="XXXX-XX-XXTNI")
    return Parse("TIME", rel=Rel("ref", "D", 0), pod=pod)


@_rule("weekday", rf"(?:(?P<rel>last|next|this)\s+)?(?P<wd>{_WEEKDAY})(?!['’]s\s+(?:GM|Day))")
def _weekday(m: re.Match[str]) -> Parse:
    tags = frozenset({m["rel"].lower()}) if m["rel"] else frozenset()
    return Parse("DATE", weekday=WEEKDAYS[m["wd"].lower()], tags=tags)


_REL_WORDS = {"this": 0, "last": -1, "next": 1, "past": -1, "previous": -1, "coming": 1}
_UNIT_CODE = {"week": "W", "month": "M", "year": "Y", "weekend": "WE", "day": "D", "decade": "DE"}


@_rule(
    "relative_unit",
    r"(?:(?:later|earlier)\s+)?(?P<the>the\s+)?(?P<rel>this|last|next|past|previous|coming"
    r"|following|same|current|entire|whole)\s+"
    r"(?P<unit>week|month|year|weekend|decade)"
    r"|(?P<this2>this)\s+(?P<unit2>day)",
)
def _relative_unit(m: re.Match[str]) -> Parse | None:
    rel = (m["rel"] or m["this2"]).lower()
    unit = _UNIT_CODE[(m["unit"] or m["unit2"]).lower()]
    the = bool(m["the"])
    if unit == "DE":
        if rel in ("past", "last"):
            return Parse("DURATION", amount=10, unit="Y")
        return None
    if the and rel in ("following", "previous", "same", "entire", "whole"):
        offset = {"following": 1, "previous": -1}.get(rel, 0)
        return Parse("DATE", rel=Rel("ref", unit, offset))
    if the and rel == "past":
        return Parse("DURATION", amount=1, unit=unit if unit != "WE" else "W")
    if rel in ("following", "same", "current", "entire", "whole"):
        return Parse("DATE", rel=Rel("ref", unit, 0 if rel != "following" else 1))
    if the and rel == "last" and unit == "Y":
        return Parse("DATE", rel=Rel("pub", "Y", -1))
    return Parse("DATE", rel=Rel("pub", unit, _REL_WORDS[rel]))


@_rule(
    "weekend",
    r"the\s+weekend|the\s+week(?=\s*[.,;]|\s+(?:before|after|ending|ahead))",
)
def _weekend(m: re.Match[str]) -> Parse:
    if m.group().lower().endswith("weekend"):
        return Parse("DATE", rel=Rel("ref", "WE", 0))
    return Parse("DURATION", amount=1, unit="W")


@_rule(
    "same_period_shift",
    r"the\s+same\s+(?:month|period|time|day|week|quarter)\s+(?:of\s+)?(?:a\s+year\s+(?:ago|earlier"
    r"|before)|last\s+year|the\s+(?:last|previous)\s+year|the\s+year\s+before)"
    r"|the\s+year\s+(?:before|previous|earlier)",
    priority=2,
)
def _same_period(m: re.Match[str]) -> Parse:
    if m.group().lower().startswith("the year"):
        return Parse("DATE", rel=Rel("ref", "Y", -1))
    return Parse("DATE", rel=Rel("ref", "Y", -1, keep_granularity=True))


@_rule(
    "boundary_relative",
    r"(?:the\s+)?(?:very\s+)?(?P<bound>beginning|start|end|middle|close|latter part|early part"
    r"|rest|remainder|turn)\s+of\s+(?:the\s+)?(?P<rel>this|last|next|that|the|financial"
    r"|fiscal)?\s*(?P<unit>year|month|week|day|decade|century|financial year|fiscal year)",
)
def _boundary_relative(m: re.Match[str]) -> Parse:
    rel = (m["rel"] or "the").lower()
    unit = m["unit"].lower()
    if unit.endswith("year") and unit != "year":
        unit = "year"
    code = {"year": "Y", "month": "M", "week": "W", "day": "D", "decade": "DE", "century": "CE"}[
        unit
    ]
    tags = _edge(m["bound"])
    if rel in ("the", "that", "financial", "fiscal"):
        return Parse("DATE", rel=Rel("ref", code, 0), tags=tags)
    return Parse("DATE", rel=Rel("pub", code, {"this": 0, "last": -1, "next": 1}[rel]), tags=tags)


@_rule(
    "anaphoric_day",
    r"the\s+(?P<rel>next|following|previous|same|preceding)\s+(?P<unit>day|morning|evening|night"
    r"|afternoon)"
    r"|(?P<that>that|the|this)\s+(?P<unit2>day|year|month|week)(?!\s+(?:of|when|that|in|after"
    r"|before|which|on))",
)
def _anaphoric_day(m: re.Match[str]) -> Parse | None:
    if m["that"]:
        unit = _UNIT_CODE[m["unit2"].lower()]
        if m["that"].lower() == "this":
            return None  # "this year" etc. belong to relative_unit
        return Parse("DATE", rel=Rel("ref", unit, 0))
    offset = {"next": 1, "following": 1, "previous": -1, "preceding": -1, "same": 0}
    word = m["unit"].lower()
    pod = PARTS_OF_DAY.get(word)
    kind = "TIME" if pod else "DATE"
    return Parse(kind, rel=Rel("ref", "D", offset[m["rel"].lower()]), pod=pod)


@_rule(
    "shift",
    rf"(?P<num>{_NUM})\s+(?P<unit>{_UNIT})s?\s+(?:(?P<adv>ago|earlier|later|afterwards?|previously"
    r"|hence|from now)\b|(?P<dir>before|after)"
    r"(?=\s*(?:[,.;:)!?\"”'’]|$|\s(?:on|in|at|when|and|by|with|as|to|for|while|that)\b)))",
    priority=2,
)
def _shift(m: re.Match[str]) -> Parse:
    amount = number_value(m["num"])
    offset = None if amount is None else int(amount)
    # An adverb ends the expression whatever follows ("twelve days later France
    # surrendered"); "before"/"after" do only before a break, else they open an anchor phrase
    # ("five days after the assassination", read with the events it names).
    direction = (m["adv"] or m["dir"]).lower()
    sign = -1 if direction in ("ago", "earlier", "previously", "before") else 1
    unit = unit_code(m["unit"])
    base = "pub" if direction in ("ago", "hence", "from now") else "ref"
    if base == "pub" and unit == "W" and offset is not None:
        unit, offset = "D", 7 * offset  # "a week ago" names a day, not a calendar week
    rel = Rel(base, unit, None if offset is None else sign * offset)
    return Parse("DATE", rel=rel, amount=amount, unit=unit, tags=frozenset({"shift"}))


@_rule(
    "duration",
    rf"(?:(?P<mod>{_QMOD})\s+)?(?P<num>{_NUM})[- ](?:(?:straight|consecutive|successive|full"
    rf"|trading|more|long|additional|whole|business|calendar)\s+)?(?P<unit>{_UNIT})s?"
    r"(?P<long>-long|-old)?",
    priority=1,
)
def _duration(m: re.Match[str]) -> Parse | None:
    num = m["num"].lower()
    mod = (m["mod"] or "").lower()
    if num in ("a", "an") and not mod and ("-" in m.group() or m["unit"].lower() == "second"):
        return None
    amount = number_value(num)
    if amount is None and num not in VAGUE_NUMBERS:
        return None
    if amount is not None and amount > 5000:
        return None
    return Parse("DURATION", amount=amount, unit=unit_code(m["unit"]), mod=_QMOD_CODES.get(mod))


@_rule(
    "vague_duration",
    r"(?:(?P<pre>recent|the\s+past|the\s+last|the\s+next|the\s+coming|the\s+following|over\s+"
    r"the)\s+)(?P<unit>years|months|weeks|days|decades|centuries|hours|minutes)"
    r"|\b(?:for|in|within|over|after|than|take|took|last|lasted)\s+(?P<x>(?:just\s+)?"
    r"(?P<unit2>years|months|weeks|days|decades|hours|minutes))(?!\s+(?:of|after|before|ago|later))"
    r"|(?P<unit3>decades|years)-long",
)
def _vague_duration(m: re.Match[str]) -> Parse:
    unit = unit_code(m["unit"] or m["unit2"] or m["unit3"])
    if unit == "DE":
        unit = "Y"
    return Parse("DURATION", amount=None, unit=unit)


_CLOCK_CONTEXT = re.compile(r"\b(?:at|by|until|from|since|after|before)\s*$", re.IGNORECASE)


@_rule(
    "clock_time",
    r"(?P<h>[01]?\d|2[0-3])[:.](?P<m>[0-5]\d)\s*(?P<ampm>[ap]\.?m\.?)?"
    r"(?:\s*(?P<tz>UTC|GMT|Z)\b)?(?:\s*\((?:GMT|UTC)\s*[+-]\s*\d{1,2}\))?"
    r"(?:\s+(?P<day>today|yesterday|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday"
    r"|sunday))?"
    r"|(?P<h2>[01]\d|2[0-3])(?P<m2>[0-5]\d)\s*(?P<tz2>UTC|GMT)"
    r"|(?P<h3>1[0-2]|0?[1-9])\s*(?P<ampm3>[ap]\.m\.|[ap]m)(?!\w)"
    r"|(?P<named>noon|midnight|midday)",
    priority=2,
)
def _clock_time(m: re.Match[str]) -> Parse | None:
    if m["named"]:
        hour = 0 if m["named"].lower() == "midnight" else 12
        return Parse("TIME", hour=hour, minute=0, rel=Rel("ref", "D", 0))
    hour = int(m["h"] or m["h2"] or m["h3"])
    minute = int(m["m"] or m["m2"] or 0)
    ampm = (m["ampm"] or m["ampm3"] or "").lower()
    if "." in (m.group()[len(m["h"] or "") : len(m["h"] or "") + 1]) and not (ampm or m["tz"]):
        return None  # "3.45" is a number, not a time, without a.m./UTC
    bare_clock = not (ampm or m["tz"] or m["tz2"] or m["h3"]) and m["h"]
    if bare_clock and not _CLOCK_CONTEXT.search(m.string[max(0, m.start() - 12) : m.start()]):
        return None  # "2:1" or "10:30" in a score or ratio, unless "at 10:30"
    if ampm.startswith("p") and hour < 12:
        hour += 12
    if ampm.startswith("a") and hour == 12:
        hour = 0
    utc = bool(m["tz"] or m["tz2"])
    day = (m["day"] or "").lower()
    if day in WEEKDAYS:
        return Parse("TIME", hour=hour, minute=minute, utc=utc, weekday=WEEKDAYS[day])
    offset = _DEICTIC.get(day, 0)
    base = "pub" if day else "ref"
    return Parse("TIME", hour=hour, minute=minute, utc=utc, rel=Rel(base, "D", offset))


@_rule(
    "set",
    r"(?P<word>hourly|daily|nightly|weekly|biweekly|monthly|quarterly|yearly|annual|annually)"
    rf"|(?:every|each|per)\s+(?P<unit>{_UNIT}|weekend)"
    r"|(?<=\d\s)a\s+(?P<unit2>day|week|month|year)",
)
def _set(m: re.Match[str]) -> Parse:
    if m["word"]:
        return Parse("SET", fixed=SET_WORDS[m["word"].lower()])
    word = (m["unit"] or m["unit2"]).lower()
    if word == "weekend":
        return Parse("SET", fixed="XXXX-WXX-WE")
    code = unit_code(word)
    prefix = "PT1" if code in ("S", "MIN", "H") else "P1"
    return Parse("SET", fixed=prefix + ("M" if code == "MIN" else code))


_REF_PATTERN = "|".join(
    sorted((re.escape(w).replace(r"\ ", r"\s+") for w in REF_WORDS), key=len, reverse=True)
)


@_rule("reference", rf"(?P<word>{_REF_PATTERN})(?!\s*-\s*day)")
def _reference(m: re.Match[str]) -> Parse:
    word = re.sub(r"\s+", " ", m["word"].lower())
    return Parse("DATE", fixed=REF_WORDS[word])


@_rule(
    "holiday",
    r"(?P<name>christmas(?:\s+day|\s+eve)?|new\s+year['’]s\s+(?:day|eve)|halloween|valentine['’]s"
    r"\s+day|independence\s+day)(?:\s+(?P<year>" + _YEAR + r"))?",
)
def _holiday(m: re.Match[str]) -> Parse:
    name = re.sub(r"\s+", " ", m["name"].lower()).replace("’", "'")
    month, day = {
        "christmas": (12, 25),
        "christmas day": (12, 25),
        "christmas eve": (12, 24),
        "new year's day": (1, 1),
        "new year's eve": (12, 31),
        "halloween": (10, 31),
        "valentine's day": (2, 14),
        "independence day": (7, 4),
    }[name]
    year = int(m["year"]) if m["year"] else None
    return Parse("DATE", year=year, month=month, day=day)


RULES: tuple[Rule, ...] = tuple(_RULES)

# Words after which a bare "May"/"March" is the month (not the modal verb or the walk).
_MONTH_CONTEXT = re.compile(
    r"(?:\b(?:in|of|since|until|till|by|from|through|to|between|and|during|early|late|mid|last"
    r"|next|this|before|after|end|beginning)\s*-?\s*)$",
    re.IGNORECASE,
)
# Words that make a four-digit number a quantity, not a year.
_QUANTITY_AFTER = re.compile(
    r"\s*(?:people|men|women|soldiers|troops|members|dead|killed|workers|jobs|units|cars|vehicles"
    r"|points|km|miles|kilometres|kilometers|metres|meters|feet|tons|tonnes|yards|casualties"
    r"|prisoners|civilians|employees|residents|aircraft|planes|tanks|guns|ships|rounds|votes"
    r"|seats|shares|square|acres|hectares|horses|sorties|strong|[a-z]+s\b(?!['’]))",
    re.IGNORECASE,
)


def _accept(found: Found, text: str) -> bool:
    """Context checks a regular expression cannot express cheaply."""
    parse = found.parse
    surface = text[found.start : found.end]
    before = text[max(0, found.start - 24) : found.start]
    if found.rule in ("month", "month_day", "month_year", "month_day_year", "day_month"):
        month_words = re.findall(_MONTH, surface, re.IGNORECASE)
        if not month_words or not month_words[-1][0].isupper():
            return False
        word = month_words[-1].lower().rstrip(".")
        if found.rule == "month" and word in AMBIGUOUS_MONTHS and surface == month_words[-1]:
            return bool(_MONTH_CONTEXT.search(before))
        bare = surface.rstrip(".") == month_words[-1].rstrip(".")
        if found.rule == "month" and bare and len(word) <= 4 and word not in ("june", "july"):
            return bool(_MONTH_CONTEXT.search(before))  # "Oct" alone needs "in", "by" ...
    if found.rule == "weekday" and not re.search(_WEEKDAY, surface, re.IGNORECASE):
        return False
    if found.rule in ("weekday", "part_of_day") and parse.weekday is not None:
        match = re.search(_WEEKDAY, surface, re.IGNORECASE)
        if match is None or not match.group()[0].isupper():
            return False
    if found.rule in ("year", "year_range"):
        after = text[found.end : found.end + 24]
        if _QUANTITY_AFTER.match(after) and not re.match(r"\s*(?:[A-Z]|\w+['’]s)", after):
            return False
        if re.search(r"(?:[\d,.]|[$£€#]\s?|No\.\s?|\bnumber\s)$", before):
            return False
        if parse.year is not None and not 1000 <= parse.year <= 2099:
            return False
    if found.rule == "season" and parse.year is None and parse.rel is None:
        return surface[0].islower() or surface.lower().startswith("the") or surface.istitle()
    return True


# Every rule's match contains one of these (a digit, a calendar word, a unit, a reference word).
# Rules only run in windows around them: most of a news text has no temporal word, and scanning
# it with ~35 patterns would cost more than the rest of the stage.
_TRIGGER = re.compile(
    r"\b\d{4}\b|\d[:/.-]\d|['’]\d\d|\d\s*(?:[ap]\.?m\b|B\.?C)|\d0['’]?s\b"
    r"|\b(?:(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b|january|february|march|april|may"
    r"|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday"
    r"|friday|saturday|sunday|today|tonight|tomorrow|yesterday|now|current|present|recent|past"
    r"|future|soon|term|seconds?\b|minute|hour|day|night|week|fortnight|month|quarter|year"
    r"|decade|centur|spring|summer|autumn|fall|winter|morning|afternoon|evening|noon|midnight"
    r"|midday|daily|biweekly|annual|hourly|nightly|christmas|halloween|valentine|independence"
    r"|moment|time\s+being|q[1-4]\b)",
    re.IGNORECASE,
)
_BEFORE, _AFTER = 48, 64


def _windows(text: str) -> list[tuple[int, int]]:
    """Merged character windows around trigger words, each ending before a space or the end."""
    windows: list[tuple[int, int]] = []
    for match in _TRIGGER.finditer(text):
        start = max(0, match.start() - _BEFORE)
        end = min(len(text), match.end() + _AFTER)
        while end < len(text) and not text[end].isspace():
            end += 1
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
        else:
            windows.append((start, end))
    return windows


def _candidates(text: str) -> Iterator[Found]:
    windows = _windows(text)
    for rule in RULES:
        for match in (m for s, e in windows for m in rule.regex.finditer(text, s, e)):
            parse = rule.handler(match)
            if parse is None:
                continue
            start, end = (
                match.span("x") if "x" in rule.regex.groupindex and match["x"] else (match.span())
            )
            while end > start and text[end - 1] in " \t\n":
                end -= 1
            if end > start:
                yield Found(start, end, parse, rule.name)


def _range_parts(found: Found, text: str) -> list[Found]:
    """Split a year range ("1914-1920", "480-479 BC") into its two years, as TIMEX does."""
    if "range" not in found.parse.tags:
        return [found]
    surface = text[found.start : found.end]
    numbers = list(re.finditer(r"\d+", surface))
    first, second = numbers[0], numbers[1]
    parse = found.parse
    y1 = int(first.group())
    y2_text = second.group()
    y2 = int(y2_text)
    if parse.bc:  # "480-479 BC": the BC marker belongs to the second year's extent
        left = replace(parse, year=y1, tags=frozenset())
        right = replace(parse, year=y2, tags=frozenset())
        return [
            Found(found.start + first.start(), found.start + first.end(), left, found.rule),
            Found(found.start + second.start(), found.end, right, found.rule),
        ]
    if len(y2_text) == 2:
        y2 = y1 // 100 * 100 + y2
    left = replace(parse, year=y1, tags=frozenset())
    right = replace(parse, year=y2, tags=frozenset())
    return [
        Found(found.start + first.start(), found.start + first.end(), left, found.rule),
        Found(found.start + second.start(), found.start + second.end(), right, found.rule),
    ]


def find(text: str) -> list[Found]:
    """All temporal expressions in ``text``, non-overlapping, in text order.

    Overlaps go to the longest match, then to the rule with the higher priority, then to the
    earlier one: "January 8, 2020" beats "January 8" and "2020".
    """
    candidates = [f for f in _candidates(text) if _accept(f, text)]
    order = {rule.name: rule.priority for rule in RULES}
    candidates.sort(key=lambda f: (-(f.end - f.start), -order[f.rule], f.start))
    taken: list[Found] = []
    used = bytearray(len(text) + 1)
    for cand in candidates:
        if any(used[cand.start : cand.end]):
            continue
        used[cand.start : cand.end] = b"\x01" * (cand.end - cand.start)
        taken.append(cand)
    out = [part for f in taken for part in _range_parts(f, text)]
    out.sort(key=lambda f: f.start)
    return out


def parse_text(text: str) -> Parse | None:
    """The parse of ``text`` when the whole string is one temporal expression, else None."""
    stripped = text.strip()
    for found in find(stripped):
        if found.start == 0 and found.end == len(stripped):
            return found.parse
    return None
