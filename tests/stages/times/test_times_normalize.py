"""Unit and property tests of the times grammar and normaliser (no spaCy pipeline needed)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.stages.times.grammar import find, parse_text
from newsgraph.stages.times.normalize import Context, normalize_text, resolve

PUB = dt.date(2021, 7, 8)  # a Thursday

MONTH_NAMES = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
]  # fmt: skip
MONTH_ABBREVIATIONS = [
    "Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.",
]  # fmt: skip


def _value(text: str, published: dt.date | None = PUB, direction: str | None = None) -> str:
    resolved = normalize_text(text, published, direction)
    assert resolved is not None, text
    return resolved.value


def _surface_forms(day: dt.date) -> list[str]:
    """Every supported way of writing a full calendar date (documented in docs/times.md)."""
    month, abbrev = MONTH_NAMES[day.month - 1], MONTH_ABBREVIATIONS[day.month - 1]
    return [
        f"{month} {day.day}, {day.year}",
        f"{month} {day.day} {day.year}",
        f"{day.day} {month} {day.year}",
        f"{day.day} {month}, {day.year}",
        f"the {day.day}th of {month} {day.year}",
        f"{abbrev} {day.day}, {day.year}",
        f"{day.day} {abbrev} {day.year}",
        day.isoformat(),
        f"{day.month}/{day.day}/{day.year}",
        f"{day.strftime('%A')}, {month} {day.day}, {day.year}",
    ]


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_every_surface_form_round_trips(day: dt.date) -> None:
    for form in _surface_forms(day):
        assert _value(form) == day.isoformat(), form


@settings(max_examples=100, deadline=None)
@given(st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_month_year_forms_round_trip(day: dt.date) -> None:
    month = MONTH_NAMES[day.month - 1]
    expected = f"{day.year:04d}-{day.month:02d}"
    for form in (f"{month} {day.year}", f"{month} of {day.year}", f"{month}, {day.year}"):
        assert _value(form) == expected, form


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80), st.none() | st.dates(), st.sampled_from([None, "past", "future"]))
def test_no_input_crashes_the_normaliser(
    text: str, published: dt.date | None, direction: str | None
) -> None:
    normalize_text(text, published, direction)
    for found in find(text):
        resolve(found.parse, Context(published, None, direction))


_WORDS = st.sampled_from(
    ["the", "last", "next", "week", "year", "two", "days", "after", "before", "earlier", "ago",
     "March", "May", "2020", "8", "Wednesday", "quarter", "first", "of", "more", "than", "a",
     "spring", "'82", "1914-18", "480-479", "BC", "12:30", "p.m.", "UTC", ",", "-", "/", "today"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=10), st.none() | st.dates())
def test_temporal_word_salad_never_crashes(words: list[str], published: dt.date | None) -> None:
    text = " ".join(words)
    for found in find(text):
        assert 0 <= found.start < found.end <= len(text)
        resolve(found.parse, Context(published, None, "past"))


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("January 2020", "DATE", "2020-01"),
        ("five days", "DURATION", "P5D"),
        ("more than a week", "DURATION", "P1W"),
        ("almost two and a half years", "DURATION", "P2.5Y"),
        ("several years", "DURATION", "PXY"),
        ("thirty minutes", "DURATION", "PT30M"),
        ("12-hour", "DURATION", "PT12H"),
        ("the past decade", "DURATION", "P10Y"),
        ("two consecutive quarters", "DURATION", "P2Q"),
        ("weekly", "SET", "P1W"),
        ("currently", "DATE", "PRESENT_REF"),
        ("recently", "DATE", "PAST_REF"),
        ("the near future", "DATE", "FUTURE_REF"),
        ("the fourth quarter of 2005", "DATE", "2005-Q4"),
        ("the first half of 2009", "DATE", "2009-H1"),
        ("the spring of 1789", "DATE", "1789-SP"),
        ("summer 2007", "DATE", "2007-SU"),
        ("the 1960s", "DATE", "196"),
        ("the early 21st century", "DATE", "20"),
        ("264 BC", "DATE", "BC0264"),
        ("16:08 UTC", "TIME", "2021-07-08T16:08Z"),
        ("yesterday", "DATE", "2021-07-07"),
        ("tomorrow", "DATE", "2021-07-09"),
        ("last week", "DATE", "2021-W26"),
        ("this weekend", "DATE", "2021-W27-WE"),
        ("next month", "DATE", "2021-08"),
        ("last year", "DATE", "2020"),
        ("yesterday morning", "TIME", "2021-07-07TMO"),
        ("a week ago", "DATE", "2021-07-01"),
        ("20 years ago", "DATE", "2001"),
        ("the last quarter", "DATE", "2021-Q2"),
    ],
)
def test_values(text: str, kind: str, value: str) -> None:
    resolved = normalize_text(text, PUB, "past")
    assert resolved is not None
    assert (resolved.type, resolved.value) == (kind, value)


def test_issue3_wednesday_resolves_to_last_wednesday() -> None:
    assert _value("Wednesday", PUB, "past") == "2021-07-07"


def test_issue3_future_weekday_resolves_to_next_one() -> None:
    assert _value("Wednesday", dt.date(2006, 3, 28), "future") == "2006-03-29"


def test_issue3_same_weekday_as_publication_is_that_day() -> None:
    assert _value("Thursday", PUB, "past") == "2021-07-08"


def test_issue3_month_takes_year_by_tense() -> None:
    assert _value("December", PUB, "past") == "2020-12"
    assert _value("December", PUB, "future") == "2021-12"
    assert _value("February", PUB, "past") == "2021-02"


def test_issue3_no_publication_date_keeps_x() -> None:
    for text, value in [
        ("Wednesday", "XXXX-XX-XX"),
        ("yesterday", "XXXX-XX-XX"),
        ("last week", "XXXX-WXX"),
        ("September", "XXXX-09"),
        ("two days earlier", "XXXX-XX-XX"),
    ]:
        resolved = normalize_text(text, None, "past")
        assert resolved is not None
        assert resolved.value == value
        assert (resolved.earliest, resolved.latest) == (None, None)


def test_intervals_and_granularity() -> None:
    resolved = normalize_text("the fourth quarter of 2005", PUB)
    assert resolved is not None
    assert (resolved.earliest, resolved.latest) == (dt.date(2005, 10, 1), dt.date(2005, 12, 31))
    assert resolved.granularity == "quarter"
    past = normalize_text("recently", PUB)
    assert past is not None
    assert (past.earliest, past.latest) == (None, PUB)


def test_extents_follow_timex3() -> None:
    text = "The raid came on Wednesday, more than a week after the attack in January 2020."
    assert [text[f.start : f.end] for f in find(text)] == [
        "Wednesday",
        "more than a week",
        "January 2020",
    ]


def test_year_ranges_split_into_two_years() -> None:
    text = "Venustiano Carranza (1914-1920) and the war of 480-479 BC"
    assert [(text[f.start : f.end]) for f in find(text)] == ["1914", "1920", "480", "479 BC"]


def test_quantities_are_not_years() -> None:
    text = "Shares rose to 1299.59 and 2,000 men marched in May as it may rain."
    assert [text[f.start : f.end] for f in find(text)] == ["May"]


def test_parse_text_needs_the_whole_string() -> None:
    assert parse_text("January 8, 2020") is not None
    assert parse_text("January 8, 2020 and more") is None
