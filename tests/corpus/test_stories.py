"""The story-linking rule as pure functions: windows, compatibility, complete linkage, sources,
conflicts."""

from __future__ import annotations

from typing import Any

from newsgraph.corpus.stories import (
    EventKey,
    StoryEvent,
    StorySettings,
    choose_story,
    compatible,
    conflicts,
    event_window,
    independent_sources,
    participants,
)
from newsgraph.geo import haversine_km

S = StorySettings()


def key(
    gid: str = "a/e1",
    type_: str = "ASSAULT",
    start: str | None = "2021-07-07",
    end: str | None = "2021-07-07",
    lat: float | None = 33.79,
    lon: float | None = 42.44,
    country: str | None = "IQ",
    who: tuple[str, ...] = ("kh",),
    acled: str | None = None,
) -> EventKey:
    return EventKey(
        gid, gid.split("/")[0], type_, acled, start, end, lat, lon, country, frozenset(who)
    )


def test_event_window_rules() -> None:
    assert event_window({"date": "2021-07-07"}, None, S) == ("2021-07-07", "2021-07-07")
    assert event_window({}, "2021-07-08T10:00:00", S) == ("2021-07-05", "2021-07-08")
    # The events stage's publication fallback: (None, published day).
    pub = {"date": "2021-07-08", "latest": "2021-07-08"}
    assert event_window(pub, "2021-07-08", S) == ("2021-07-05", "2021-07-08")
    assert event_window({"latest": "2021-07-01"}, "2021-07-08", S) == ("2021-06-24", "2021-07-01")
    assert event_window({"earliest": "2021-07-01"}, None, S) == ("2021-07-01", "2021-07-08")
    assert event_window({"earliest": "2021-07", "date": "junk"}, None, S) is None


def test_participants_fall_back_to_text() -> None:
    assert participants({"actors": ["kh"], "recipients": ["us"]}) == {"kh", "us"}
    assert participants({"actor_text": "Kataib  Hezbollah; IRGC"}) == {
        "text:kataib hezbollah",
        "text:irgc",
    }


def test_compatibility() -> None:
    base = key()
    assert compatible(base, key("b/e1"), S)
    assert not compatible(base, key("b/e1", type_="PROTEST"), S)
    assert compatible(
        key(acled="Battles"), key("b/e1", type_="COERCE", acled="Battles"), S
    )  # same ACLED type
    assert not compatible(base, key("b/e1", start="2021-07-12", end="2021-07-12"), S)
    assert not compatible(base, key("b/e1", lat=33.31, lon=44.37), S)  # Baghdad, 200 km
    assert not compatible(base, key("b/e1", lat=None, lon=None, country="SY"), S)
    assert compatible(base, key("b/e1", lat=None, lon=None, country="IQ"), S)
    # Disagreeing perpetrators: linked only when place and day pin the event down.
    assert compatible(base, key("b/e1", who=("isis",)), S)
    assert not compatible(base, key("b/e1", who=("isis",), lat=None, lon=None), S)
    assert not compatible(base, key("b/e1", who=("isis",), start="2021-07-01"), S)
    assert not compatible(base, key("b/e1", start=None, end=None), S)


def test_complete_linkage_prevents_chaining() -> None:
    monday = key("a/e1", start="2021-07-05", end="2021-07-05")
    vague = key("b/e1", start="2021-07-05", end="2021-07-12")
    friday = key("c/e1", start="2021-07-09", end="2021-07-09")
    assert compatible(friday, vague, S) and not compatible(friday, monday, S)
    assert choose_story(friday, {"s1": [monday, vague]}, S) is None
    assert choose_story(friday, {"s1": [monday], "s2": [vague]}, S) == "s2"


def test_best_story_wins_and_ties_go_to_the_first() -> None:
    event = key("z/e1")
    exact = [key("a/e1")]
    looser = [key("b/e1", start="2021-07-05", end="2021-07-08")]
    assert choose_story(event, {"loose": looser, "exact": exact}, S) == "exact"
    assert choose_story(event, {"first": exact, "second": [key("c/e1")]}, S) == "first"


def test_independent_sources() -> None:
    assert independent_sources([("a", "a", "Wire"), ("b", "a", "Ledger")]) == 1  # near-dup
    assert independent_sources([("a", "a", "Wire"), ("b", "b", "Wire")]) == 1  # same outlet
    assert independent_sources([("a", "a", "Wire"), ("b", "b", "Ledger"), ("c", "c", None)]) == 3
    assert independent_sources([]) == 0


def _member(article: str, outlet: str, **fields: Any) -> StoryEvent:
    values: dict[str, Any] = {
        "gid": f"{article}/e1",
        "article_id": article,
        "outlet": outlet,
        "url": None,
        "title": None,
        "published": None,
        "duplicate_group": article,
        "type": "ASSAULT",
        "date": "2021-07-07",
        "earliest": None,
        "latest": None,
        "place": None,
        "lat": None,
        "lon": None,
        "country": None,
        "actors": ["kh"],
        "recipients": [],
        "actor_text": None,
        "recipient_text": None,
        "fatalities": None,
        "injured": None,
        "arrested": None,
        "according_to": None,
    }
    values.update(fields)
    return StoryEvent(**values)


def test_conflicts_are_listed_side_by_side() -> None:
    found = conflicts(
        [
            _member("a", "Wire", fatalities=3),
            _member("b", "Ledger", fatalities=5, actors=["isis"]),
            _member("c", "Courier", fatalities=3),
            _member("d", "Times"),
        ]
    )
    by_field = {c.field: c for c in found}
    assert [(v.value, v.outlets) for v in by_field["fatalities"].values] == [
        (3, ["Courier", "Wire"]),
        (5, ["Ledger"]),
    ]
    assert [v.value for v in by_field["actors"].values] == [["kh"], ["isis"]]
    assert "date" not in by_field
    # One article contradicting itself is not a disagreement between sources.
    assert conflicts([_member("a", "W", fatalities=1), _member("a", "W", fatalities=2)]) == []


def test_haversine() -> None:
    assert abs(haversine_km(33.7856, 42.4412, 33.3152, 44.3661) - 185) < 5
