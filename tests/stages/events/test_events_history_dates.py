"""Dates of acts told in history (issue 6 with issue 3's times layer): a text that tells the
past, read as narrative by the times stage, dates an act with no time of its own by the story's
time, never by the publication date decades later. Invented history with controls for news."""

from __future__ import annotations

import newsgraph

HISTORY = (
    "In June 1921, rebel forces crossed the river and attacked the garrison at Dunmore. "
    "The defenders surrendered to the rebels.\n\n"
    "The government imposed a blockade on the coast."
)


def test_issue6_an_untimed_act_in_history_takes_the_storys_time() -> None:
    events = newsgraph.analyze(HISTORY, published="2009-12-19").events
    assert events
    for event in events:
        assert event.date_source != "publication", event
        assert event.date is None or event.date.startswith("1921"), event


def test_issue6_untimed_news_keeps_the_publication_date() -> None:
    text = "Rebel forces attacked the garrison at Dunmore on Monday. The defenders surrendered."
    events = newsgraph.analyze(text, published="2021-07-08").events
    sources = [e.date_source for e in events]
    assert "time" in sources
    assert all(e.date is not None and e.date.startswith("2021") for e in events)


def test_issue6_two_clauses_joined_by_a_semicolon_are_two_acts() -> None:
    # The parser hangs the first clause on the second as its complement; a semicolon between
    # them says they are two acts, not one act and its content.
    text = "Rebel forces invaded the province in May; two weeks later the garrison surrendered."
    types = [e.type for e in newsgraph.analyze(text, published="2021-07-08").events]
    assert "ASSAULT" in types and "RETREAT" in types


def test_issue6_undated_opinion_acts_are_not_dated_by_a_year_named_earlier() -> None:
    # An undated opinion piece that mentions a past year is no history: an act it leaves
    # untimed is not dated by that year.
    text = (
        "The charity was founded in 1948 and grew quickly. Critics say the board ignored "
        "warnings last week. The district declined a request to inspect the classes, and "
        "parents say they will protest on Monday."
    )
    events = newsgraph.analyze(text).events
    declined = [e for e in events if e.type == "REJECT"]
    assert declined, [(e.type, e.event_text) for e in events]
    assert declined[0].date is None


def test_issue6_history_moves_on_with_the_times_it_names() -> None:
    # A date named between two acts moves the story: the later act is not dated by the earlier
    # act's time ("On March 20, 2003 the invasion began. Coalition forces cooperated …" had
    # kept the date of an act in 2002). A time counted from publication is the writer's, not
    # the story's.
    text = (
        "In July 1950 rebel forces attacked the garrison at Dunmore. The garrison was later "
        "relieved. On 20 March 1953 the second campaign began. Government troops shelled the "
        "rebel positions and arrested their leaders. Historians today still debate the war."
    )
    events = newsgraph.analyze(text, published="2009-12-19").events
    dates = {text[e.trigger[0] : e.trigger[1]]: e.date for e in events}
    assert dates.get("attacked") == "1950-07", dates
    assert dates.get("shelled") == "1953-03-20", dates
