"""Word tables of the temporal grammar: numbers, calendar names, units and reference words.

Kept apart from the regular expressions so that the grammar (``grammar.py``) and the
normaliser (``normalize.py``) read the same tables: a word the grammar can match is always a
word the normaliser can value.
"""

from __future__ import annotations

from newsgraph.numbers import CARDINALS

NUMBER_WORDS: dict[str, int] = {
    **CARDINALS,
    "a": 1,
    "an": 1,
    "single": 1,
    "a hundred": 100,
    "dozen": 12,
    "a dozen": 12,
    "couple of": 2,
    "a couple of": 2,
}

# Quantities that say "some number of" units: the value gets an X ("PXY").
VAGUE_NUMBERS = frozenset({"several", "a few", "few", "some", "many", "a number of", "numerous"})

ORDINALS: dict[str, int] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "twenty-first": 21,
}

MONTHS: dict[str, int] = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}

# Month names that are also common English words: alone they need a temporal context.
AMBIGUOUS_MONTHS = frozenset({"may", "march", "mar", "jan", "dec", "jun", "sep", "oct", "nov"})

WEEKDAYS: dict[str, int] = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}

SEASONS: dict[str, str] = {
    "spring": "SP",
    "summer": "SU",
    "autumn": "FA",
    "fall": "FA",
    "winter": "WI",
}

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "tonight": "NI",
    "daytime": "DT",
    "overnight": "NI",
}

# Unit word -> TIMEX3 duration unit. Time units are written after a "T" (PT30M).
UNITS: dict[str, str] = {
    "second": "S",
    "minute": "MIN",
    "hour": "H",
    "day": "D",
    "night": "D",
    "week": "W",
    "fortnight": "2W",
    "month": "M",
    "quarter": "Q",
    "year": "Y",
    "decade": "DE",
    "century": "CE",
    "centurie": "CE",
}
TIME_UNITS = frozenset({"S", "MIN", "H"})

SET_WORDS: dict[str, str] = {
    "hourly": "PT1H",
    "daily": "P1D",
    "nightly": "P1D",
    "weekly": "P1W",
    "biweekly": "P2W",
    "monthly": "P1M",
    "quarterly": "P1Q",
    "yearly": "P1Y",
    "annual": "P1Y",
    "annually": "P1Y",
}

# Reference words (TIMEX3 PRESENT_REF / PAST_REF / FUTURE_REF).
REF_WORDS: dict[str, str] = {
    "now": "PRESENT_REF",
    "right now": "PRESENT_REF",
    "currently": "PRESENT_REF",
    "current": "PRESENT_REF",
    "presently": "PRESENT_REF",
    "at present": "PRESENT_REF",
    "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF",
    "at the moment": "PRESENT_REF",
    "the time being": "PRESENT_REF",
    "our recent history": "PRESENT_REF",
    "recent": "PAST_REF",
    "recently": "PAST_REF",
    "more recently": "PAST_REF",
    "most recently": "PAST_REF",
    "the past": "PAST_REF",
    "in the past": "PAST_REF",
    "the future": "FUTURE_REF",
    "the near future": "FUTURE_REF",
    "the near term": "FUTURE_REF",
    "the long term": "FUTURE_REF",
    "the short term": "FUTURE_REF",
    "the medium term": "FUTURE_REF",
    "short-term": "FUTURE_REF",
    "soon": "FUTURE_REF",
    "very soon": "FUTURE_REF",
}

# Nouns that name an event (an anchor for "five days after the assassination").
EVENT_NOUNS = frozenset(
    {
        "assassination",
        "attack",
        "airstrike",
        "ambush",
        "arrest",
        "battle",
        "blast",
        "bombing",
        "ceasefire",
        "clash",
        "collapse",
        "conference",
        "coup",
        "crash",
        "death",
        "defeat",
        "earthquake",
        "election",
        "execution",
        "explosion",
        "fall",
        "fighting",
        "flood",
        "incident",
        "invasion",
        "killing",
        "landing",
        "launch",
        "massacre",
        "meeting",
        "murder",
        "offensive",
        "operation",
        "protest",
        "raid",
        "referendum",
        "release",
        "shooting",
        "siege",
        "strike",
        "summit",
        "surrender",
        "takeover",
        "talks",
        "treaty",
        "uprising",
        "visit",
        "vote",
        "war",
        "withdrawal",
    }
)
