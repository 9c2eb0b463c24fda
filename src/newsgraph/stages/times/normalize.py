"""Normalisation: a :class:`~.grammar.Parse` plus its anchor becomes a TIMEX3 value and interval.

Pure calendar arithmetic, no spaCy: given what the words say (``Parse``), the publication date,
the narrative reference time and the tense direction, compute the TIMEX3 ``type``/``value``, the
resolved interval ``[earliest, latest]`` (``None`` = open end) and its granularity. A value the
text does not pin down keeps its ``X`` digits ("XXXX-03", "XXXX-XX-XX") and an open interval:
nothing is ever anchored to today.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from newsgraph.stages.times.grammar import Parse, Rel, parse_text

_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


@dataclass(frozen=True)
class Resolved:
    """A normalised expression: TIMEX3 type/value, interval, granularity, how it was anchored."""

    type: str
    value: str
    earliest: dt.date | None
    latest: dt.date | None
    granularity: str
    anchored_on: str | None  # "publication", "time" or None (absolute or unanchored)
    confidence: float

    @property
    def is_point(self) -> bool:
        """A calendar time with a known interval (a usable narrative reference)."""
        return (
            self.type in ("DATE", "TIME")
            and self.earliest is not None
            and self.latest is not None
            and "X" not in self.value
        )


@dataclass(frozen=True)
class Context:
    """What a relative expression may be anchored to."""

    published: dt.date | None
    reference: Resolved | None
    direction: str | None  # "past", "future" or None when the tense says nothing
    narrative: bool = False
    day_reference: Resolved | None = None  # the last time of day granularity or finer
    history: bool = True  # an undated text that tells history (anchoring.undated_history)


# --- calendar values ---------------------------------------------------------------------------


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _year_str(year: int) -> str:
    return f"{year:04d}"


def day_point(day: dt.date) -> tuple[str, dt.date, dt.date, str]:
    """Value, interval and granularity of one calendar day."""
    return day.isoformat(), day, day, "day"


def month_point(year: int, month: int) -> tuple[str, dt.date, dt.date, str]:
    """Value, interval and granularity of one month."""
    first = dt.date(year, month, 1)
    return (
        f"{_year_str(year)}-{month:02d}",
        first,
        dt.date(year, month, _last_day(year, month)),
        ("month"),
    )


def year_point(year: int) -> tuple[str, dt.date, dt.date, str]:
    """Value, interval and granularity of one year."""
    return _year_str(year), dt.date(year, 1, 1), dt.date(year, 12, 31), "year"


def week_point(day: dt.date, weekend: bool = False) -> tuple[str, dt.date, dt.date, str]:
    """ISO week (or its weekend) containing ``day``."""
    iso_year, week, weekday = day.isocalendar()
    monday = day - dt.timedelta(days=weekday - 1)
    if weekend:
        return (
            f"{iso_year:04d}-W{week:02d}-WE",
            monday + dt.timedelta(5),
            monday + dt.timedelta(6),
            ("weekend"),
        )
    return f"{iso_year:04d}-W{week:02d}", monday, monday + dt.timedelta(6), "week"


def quarter_point(year: int, quarter: int) -> tuple[str, dt.date, dt.date, str]:
    """Value, interval and granularity of a calendar quarter."""
    first_month = 3 * (quarter - 1) + 1
    last = dt.date(year, first_month + 2, _last_day(year, first_month + 2))
    return f"{_year_str(year)}-Q{quarter}", dt.date(year, first_month, 1), last, "quarter"


def half_point(year: int, half: int) -> tuple[str, dt.date, dt.date, str]:
    """Value, interval and granularity of a half year."""
    if half == 1:
        return f"{_year_str(year)}-H1", dt.date(year, 1, 1), dt.date(year, 6, 30), "half"
    return f"{_year_str(year)}-H2", dt.date(year, 7, 1), dt.date(year, 12, 31), "half"


def season_point(year: int, season: str) -> tuple[str, dt.date, dt.date, str]:
    """Value and interval of a (northern, meteorological) season of ``year``."""
    first, last = _SEASON_MONTHS[season]
    last_year = year + 1 if season == "WI" else year
    return (
        f"{_year_str(year)}-{season}",
        dt.date(year, first, 1),
        dt.date(last_year, last, _last_day(last_year, last)),
        "season",
    )


def decade_point(decade: int) -> tuple[str, dt.date, dt.date, str]:
    """A decade given by its first three digits (196 = the 1960s)."""
    return f"{decade:03d}", dt.date(decade * 10, 1, 1), dt.date(decade * 10 + 9, 12, 31), "decade"


def century_point(century: int) -> tuple[str, dt.date, dt.date, str]:
    """A century given by its first two digits (19 = 1900-1999)."""
    first = max(1, century * 100)
    return f"{century:02d}", dt.date(first, 1, 1), dt.date(century * 100 + 99, 12, 31), "century"


def _shift_month(year: int, month: int, offset: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + offset
    return index // 12, index % 12 + 1


def _safe(year: int) -> bool:
    return 1 <= year <= 9998


# --- resolution --------------------------------------------------------------------------------

_X_VALUES = {
    "D": "XXXX-XX-XX",
    "W": "XXXX-WXX",
    "WE": "XXXX-WXX-WE",
    "M": "XXXX-XX",
    "Q": "XXXX-QX",
    "Y": "XXXX",
    "DE": "XXX",
    "CE": "XX",
    "SEASON": "XXXX",
    "H": "XXXX-XX-XX",
    "MIN": "XXXX-XX-XX",
    "S": "XXXX-XX-XX",
}


def duration_value(amount: float | None, unit: str) -> str:
    """TIMEX3 duration value: P5D, P1W, PT30M, P2.5Y, PXY for a vague amount."""
    if unit == "2W":
        amount, unit = (None if amount is None else amount * 2), "W"
    if amount is None:
        number = "X"
    elif float(amount).is_integer():
        number = str(int(amount))
    else:
        number = f"{amount:g}"
    if unit == "DE" and amount is not None:
        return duration_value(amount * 10, "Y")
    if unit in ("H", "MIN", "S"):
        return f"PT{number}{'M' if unit == 'MIN' else unit}"
    return f"P{number}{unit}"


def _unresolved(parse: Parse, unit: str, confidence: float = 0.4) -> Resolved:
    value = _X_VALUES.get(unit, "XXXX-XX-XX")
    if parse.month is not None and unit == "M":
        value = f"XXXX-{parse.month:02d}"
    if parse.month is not None and parse.day is not None:
        value = f"XXXX-{parse.month:02d}-{parse.day:02d}"
    if parse.season is not None:
        value = f"XXXX-{parse.season}"
    if parse.quarter is not None:
        value = f"XXXX-Q{parse.quarter}"
    if parse.pod is not None:
        value = f"{value}T{parse.pod}"
    return Resolved(parse.kind, value, None, None, _GRAN.get(unit, "day"), None, confidence)


_GRAN = {
    "D": "day",
    "W": "week",
    "WE": "weekend",
    "M": "month",
    "Q": "quarter",
    "Y": "year",
    "DE": "decade",
    "CE": "century",
    "SEASON": "season",
}


def _point_of(
    unit: str, day: dt.date, offset: int, rel: Rel, reference: Resolved | None
) -> tuple[str, dt.date, dt.date, str] | None:
    """The calendar unit containing ``day``, shifted by ``offset`` units."""
    if unit in ("D", "H", "MIN", "S"):
        shifted = day + dt.timedelta(days=offset if unit == "D" else 0)
        return day_point(shifted)
    if unit in ("W", "WE"):
        return week_point(day + dt.timedelta(weeks=offset), weekend=unit == "WE")
    if unit == "M":
        return month_point(*_shift_month(day.year, day.month, offset))
    if unit == "Q":
        quarter = (day.month - 1) // 3 + offset + 4 * day.year
        return quarter_point(quarter // 4, quarter % 4 + 1)
    if unit == "Y":
        if rel.keep_granularity and reference is not None:
            return _shift_reference_year(reference, offset)
        return year_point(day.year + offset)
    if unit == "DE":
        return decade_point(day.year // 10 + offset)
    if unit == "CE":
        return century_point(day.year // 100 + offset)
    return None


def _shift_reference_year(
    reference: Resolved, offset: int
) -> tuple[str, dt.date, dt.date, str] | None:
    """ "The same month a year ago": the reference's own unit, one year back."""
    if reference.earliest is None:
        return None
    day = reference.earliest
    year = day.year + offset
    if reference.granularity == "month":
        return month_point(year, day.month)
    if reference.granularity == "day" and not (day.month == 2 and day.day == 29):
        return day_point(day.replace(year=year))
    if reference.granularity == "quarter":
        return quarter_point(year, (day.month - 1) // 3 + 1)
    return year_point(year)


def _common_value(earliest: dt.date, latest: dt.date) -> tuple[str, str]:
    """The finest calendar value containing both ends of an interval."""
    if earliest == latest:
        return earliest.isoformat(), "day"
    if (earliest.year, earliest.month) == (latest.year, latest.month):
        return f"{earliest.year:04d}-{earliest.month:02d}", "month"
    if earliest.year == latest.year:
        return f"{earliest.year:04d}", "year"
    return "XXXX", "year"


def _resolve_rel(parse: Parse, rel: Rel, ctx: Context) -> Resolved:
    if rel.base == "pub":
        if ctx.published is None:
            return _unresolved(parse, rel.unit)
        anchor = Resolved(
            "DATE", ctx.published.isoformat(), ctx.published, ctx.published, "day", None, 1.0
        )
        kind, confidence = "publication", 0.85
    else:
        reference = ctx.reference
        if rel.unit == "D" and not (ctx.narrative and ctx.history):
            # "ending the day": the last day named (else the publication day), never a year;
            # in history "two days later" may still count from a month or a year
            reference = ctx.day_reference
            if reference is None and rel.offset:
                # "In March … two days later" counts from March, coarsely; with no time named
                # it counts from none: two days after publication is no time a report tells
                reference = ctx.reference
                if reference is None:
                    return _unresolved(parse, rel.unit)
        if reference is None and ctx.published is not None and not ctx.narrative:
            reference = Resolved(
                "DATE", ctx.published.isoformat(), ctx.published, ctx.published, "day", None, 1.0
            )
            kind = "publication"
        else:
            kind = "time"
        if reference is None or reference.earliest is None or reference.latest is None:
            return _unresolved(parse, rel.unit)
        anchor, confidence = reference, 0.7
    if rel.offset is None or anchor.earliest is None or anchor.latest is None:
        return _unresolved(parse, rel.unit)
    if rel.unit == "SEASON" and parse.season is not None:
        year = anchor.earliest.year + rel.offset
        value, first, last, gran = season_point(year, parse.season)
        return Resolved(parse.kind, value, first, last, gran, kind, confidence)
    coarse = _coarser(anchor.granularity, rel.unit)
    if coarse and rel.unit == "D" and not rel.keep_granularity:
        first = anchor.earliest + dt.timedelta(days=rel.offset)
        last = anchor.latest + dt.timedelta(days=rel.offset)
        value, gran = _common_value(first, last)
        return Resolved(parse.kind, value, first, last, gran, kind, confidence * 0.8)
    point = _point_of(rel.unit, anchor.earliest, rel.offset, rel, ctx.reference)
    if point is None:
        return _unresolved(parse, rel.unit)
    value, first, last, gran = point
    if parse.quarter is not None and rel.unit == "Y":
        value, first, last, gran = quarter_point(int(value[:4]), parse.quarter)
    if parse.month is not None and rel.unit == "Y":
        value, first, last, gran = month_point(int(value[:4]), parse.month)
    if parse.half is not None and rel.unit == "Y":
        value, first, last, gran = half_point(int(value[:4]), parse.half)
    if parse.hour is not None and gran == "day":
        value = f"{value}T{parse.hour:02d}:{parse.minute or 0:02d}{'Z' if parse.utc else ''}"
        gran = "time"
    elif parse.pod is not None and gran == "day":
        value = f"{value}T{parse.pod}"
        gran = "time"
    return Resolved(parse.kind, value, first, last, gran, kind, confidence)


_ORDER = [
    "time",
    "day",
    "weekend",
    "week",
    "month",
    "quarter",
    "season",
    "half",
    "year",
    "decade",
    "century",
]
_UNIT_GRAN = {
    "D": "day",
    "W": "week",
    "WE": "weekend",
    "M": "month",
    "Q": "quarter",
    "Y": "year",
    "DE": "decade",
    "CE": "century",
    "H": "day",
    "MIN": "day",
    "S": "day",
}


def _coarser(granularity: str, unit: str) -> bool:
    """True when an anchor of ``granularity`` is too coarse to shift by ``unit``."""
    target = _UNIT_GRAN.get(unit, "day")
    if granularity not in _ORDER or target not in _ORDER:
        return True
    return _ORDER.index(granularity) > _ORDER.index(target)


def _calendar_point(parse: Parse, year: int) -> tuple[str, dt.date, dt.date, str] | None:
    """The unit a calendar parse names in ``year`` (None for an impossible date)."""
    if not _safe(year):
        return None
    if parse.month is not None and parse.day is not None:
        if parse.day > _last_day(year, parse.month):
            return None
        return day_point(dt.date(year, parse.month, parse.day))
    if parse.month is not None:
        return month_point(year, parse.month)
    if parse.quarter is not None:
        return quarter_point(year, parse.quarter)
    if parse.half is not None:
        return half_point(year, parse.half)
    if parse.season is not None:
        return season_point(year, parse.season)
    return year_point(year)


def _resolve_underspecified(parse: Parse, ctx: Context) -> Resolved:
    """A month, day, season or quarter without a year: take it from the anchor and tense."""
    unit = "D" if parse.day is not None else "M" if parse.month is not None else "Y"
    if ctx.narrative or ctx.published is None:
        ref = ctx.reference
        ref = ctx.reference
        if ref is None or ref.earliest is None:
            return _unresolved(parse, unit)
        point = _calendar_point(parse, ref.earliest.year)
        if point is None:
            return _unresolved(parse, unit)
        value, first, last, gran = point
        return Resolved(parse.kind, value, first, last, gran, "time", 0.7)
    pub = ctx.published
    point = _calendar_point(parse, pub.year)
    direction = ctx.direction
    if "last" in parse.tags:
        direction = "past"
    elif "next" in parse.tags:
        direction = "future"
    if point is not None and direction == "past" and point[1] > pub:
        point = _calendar_point(parse, pub.year - 1)
    elif point is not None and direction == "future" and point[2] < pub:
        point = _calendar_point(parse, pub.year + 1)
    elif direction is None:
        options = [_calendar_point(parse, pub.year + shift) for shift in (0, -1, 1)]
        point = min(
            (p for p in options if p is not None), key=lambda p: _distance(p, pub), default=None
        )
    if point is None:
        return _unresolved(parse, unit)
    value, first, last, gran = point
    return Resolved(parse.kind, value, first, last, gran, "publication", 0.8)


def _distance(point: tuple[str, dt.date, dt.date, str], day: dt.date) -> int:
    """Days between ``day`` and the interval of ``point`` (0 inside it)."""
    if day < point[1]:
        return (point[1] - day).days
    if day > point[2]:
        return (day - point[2]).days
    return 0


def _resolve_weekday(parse: Parse, ctx: Context) -> Resolved:
    """ "(on) Wednesday": the nearest such weekday in the tense's direction from the anchor."""
    weekday = parse.weekday if parse.weekday is not None else 0
    if ctx.published is not None and not ctx.narrative:
        anchor, kind, confidence = ctx.published, "publication", 0.8
        direction = ctx.direction or "past"
    elif (
        ctx.day_reference is not None
        and ctx.day_reference.earliest is not None
        and (ctx.published is not None or ctx.history)
    ):
        # an undated news piece's "on Friday" is a Friday near a publication date it does not
        # give, not one after the last day it named ("released on April 15, 2015 ... Early on
        # Friday, Trump claimed")
        anchor, kind, confidence = ctx.day_reference.earliest, "time", 0.6
        direction = ctx.direction or "future"
    else:
        return _unresolved(parse, "D")
    strict = False
    if "last" in parse.tags:
        direction, strict = "past", True
    elif "next" in parse.tags:
        direction, strict = "future", True
    if direction == "future":
        delta = (weekday - anchor.weekday()) % 7
        if strict and delta == 0:
            delta = 7
    else:
        delta = -((anchor.weekday() - weekday) % 7)
        if strict and delta == 0:
            delta = -7
    day = anchor + dt.timedelta(days=delta)
    value = day.isoformat()
    granularity = "day"
    if parse.hour is not None:
        value = f"{value}T{parse.hour:02d}:{parse.minute or 0:02d}{'Z' if parse.utc else ''}"
        granularity = "time"
    elif parse.pod is not None:
        value = f"{value}T{parse.pod}"
        granularity = "time"
    return Resolved(parse.kind, value, day, day, granularity, kind, confidence)


def _fixed(parse: Parse, ctx: Context) -> Resolved:
    value = parse.fixed or "XXXX-XX-XX"
    pub = None if ctx.narrative else ctx.published
    if parse.kind == "SET":
        return Resolved("SET", value, None, None, "set", None, 0.8)
    if value == "PRESENT_REF":
        return Resolved("DATE", value, pub, pub, "ref", "publication" if pub else None, 0.7)
    if value == "PAST_REF":
        return Resolved("DATE", value, None, pub, "ref", "publication" if pub else None, 0.7)
    if value == "FUTURE_REF":
        return Resolved("DATE", value, pub, None, "ref", "publication" if pub else None, 0.7)
    return Resolved(parse.kind, value, None, None, "day", None, 0.5)


def resolve(parse: Parse, ctx: Context) -> Resolved:
    """TIMEX3 type/value and interval of ``parse`` in context ``ctx``."""
    if parse.kind == "DURATION":
        value = duration_value(parse.amount, parse.unit or "D")
        return Resolved("DURATION", value, None, None, "duration", None, 0.85)
    if parse.fixed is not None:
        return _fixed(parse, ctx)
    if parse.rel is not None:
        return _resolve_rel(parse, parse.rel, ctx)
    if parse.weekday is not None:
        return _resolve_weekday(parse, ctx)
    if parse.decade is not None:
        value, first, last, gran = decade_point(parse.decade)
        return Resolved("DATE", value, first, last, gran, None, 0.9)
    if parse.century is not None:
        value, first, last, gran = century_point(parse.century)
        return Resolved("DATE", value, first, last, gran, None, 0.9)
    if parse.year is not None and parse.bc:
        return Resolved("DATE", f"BC{parse.year:04d}", None, None, "year", None, 0.9)
    if parse.year is not None:
        point = _calendar_point(parse, parse.year)
        if point is None:
            return _unresolved(parse, "D")
        value, first, last, gran = point
        return Resolved(parse.kind, value, first, last, gran, None, 0.95)
    if parse.needs_year:
        return _resolve_underspecified(parse, ctx)
    return _unresolved(parse, "D")


def normalize_text(
    text: str, published: dt.date | None = None, direction: str | None = None
) -> Resolved | None:
    """TIMEX3 value of ``text`` taken as one whole expression (None if it is not one).

    The entry point of the property tests: any supported surface form of a date must give the
    same value, and no string may make it raise.
    """
    parse = parse_text(text)
    if parse is None:
        return None
    return resolve(parse, Context(published=published, reference=None, direction=direction))
