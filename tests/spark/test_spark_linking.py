"""Story linking as a Spark stage: blocking never loses a compatible pair; complete-link."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.spark.linking import (
    LinkEvent,
    LinkSettings,
    blocks,
    complete_link,
    link_events,
    link_stories,
    same_event,
)

SETTINGS = LinkSettings()


def _event(
    gid: str,
    seq: int,
    *,
    kind: str = "ASSAULT",
    acled: str | None = "Violence against civilians",
    day: str = "2021-07-08",
    days: int = 1,
    lat: float | None = 33.3,
    lon: float | None = 44.4,
    country: str | None = "IQ",
    participants: frozenset[str] = frozenset(),
) -> LinkEvent:
    end = (dt.date.fromisoformat(day) + dt.timedelta(days - 1)).isoformat()
    return LinkEvent(
        gid, gid.split("/")[0], gid.split("/")[1], (seq, 0), kind, acled, day, end, lat, lon,
        country, participants,
    )  # fmt: skip


def _share_a_block(a: LinkEvent, b: LinkEvent) -> bool:
    left, right = dict(blocks(a, SETTINGS)), dict(blocks(b, SETTINGS))
    return any(left[key] or right[key] for key in left.keys() & right.keys())


events = st.builds(
    _event,
    gid=st.sampled_from(["a/e1", "b/e1"]),
    seq=st.integers(0, 5),
    kind=st.sampled_from(["ASSAULT", "FIGHT"]),
    acled=st.sampled_from([None, "Battles", "Violence against civilians"]),
    day=st.dates(dt.date(2020, 12, 20), dt.date(2021, 1, 15)).map(dt.date.isoformat),
    days=st.integers(1, 9),
    lat=st.one_of(st.none(), st.floats(-80, 80)),
    lon=st.floats(-180, 179.99),
    country=st.sampled_from([None, "IQ", "SY"]),
    participants=st.sampled_from([frozenset(), frozenset({"x"}), frozenset({"y"})]),
)


@settings(max_examples=300, deadline=None)
@given(events, events)
def test_issue10_blocking_never_loses_a_compatible_pair(a: LinkEvent, b: LinkEvent) -> None:
    if same_event(a, b, SETTINGS):
        assert _share_a_block(a, b)


def test_near_events_across_a_cell_border_share_a_block() -> None:
    a = _event("a/e1", 0, lat=33.99, lon=44.99)
    b = _event("b/e1", 1, lat=34.01, lon=45.01)
    assert same_event(a, b, SETTINGS) and _share_a_block(a, b)
    far = _event("c/e1", 2, lat=36.5, lon=44.99)
    assert not same_event(a, far, SETTINGS) and not _share_a_block(a, far)


def test_same_event_rules() -> None:
    base = _event("a/e1", 0, participants=frozenset({"x"}))
    assert same_event(
        base, _event("b/e1", 1, kind="FIGHT", acled="Violence against civilians"), SETTINGS
    )
    assert not same_event(base, _event("b/e1", 1, kind="FIGHT", acled="Battles"), SETTINGS)
    assert not same_event(base, _event("b/e1", 1, day="2021-07-10"), SETTINGS)
    assert not same_event(base, _event("b/e1", 1, lat=None, country="SY"), SETTINGS)
    # Disjoint participants only when place and time pin the event down.
    other = _event("b/e1", 1, participants=frozenset({"y"}))
    assert same_event(base, other, SETTINGS)
    assert not same_event(base, _event("b/e1", 1, days=5, participants=frozenset({"y"})), SETTINGS)


def test_complete_link_does_not_chain() -> None:
    """Three attacks a few days apart: a-b and b-c overlap, a-c do not; two stories."""
    a = _event("a/e1", 0, day="2021-07-01", days=3)
    b = _event("b/e1", 1, day="2021-07-03", days=3)
    c = _event("c/e1", 2, day="2021-07-05", days=3)
    stories = complete_link([c, b, a], lambda x, y: same_event(x, y, SETTINGS))
    assert [[e.gid for e in story] for story in stories] == [["a/e1", "b/e1"], ["c/e1"]]


def test_link_events_skips_unreal_and_undated_events() -> None:
    data = {
        "id": "art",
        "published": "2021-07-08",
        "events": [
            {"id": "e1", "type": "ASSAULT", "place": {"lat": 1.0, "lon": 2.0, "country": "iq"}},
            {"id": "e2", "type": "ASSAULT", "negated": True},
            {"id": "e3", "type": ""},
        ],
    }
    (event,) = link_events(data, 7, SETTINGS)
    assert (event.gid, event.start, event.end, event.country) == (
        "art/e1",
        "2021-07-05",
        "2021-07-08",
        "IQ",
    )
    assert link_events({**data, "published": None}, 7, SETTINGS) == []


def _analysis(article: str, published: str, *events: dict[str, Any]) -> str:
    return json.dumps({"id": article, "published": published, "events": list(events)})


def test_issue10_link_stories_on_spark(spark: Any) -> None:
    baghdad = {"lat": 33.31, "lon": 44.36, "country": "IQ"}
    rows = [
        (0, _analysis("a1", "2021-07-08", {"id": "e1", "type": "ASSAULT", "place": baghdad})),
        (1, _analysis("a2", "2021-07-08", {"id": "e1", "type": "ASSAULT", "place": baghdad})),
        (
            2,
            _analysis(
                "a3",
                "2021-07-09",
                {"id": "e1", "type": "ASSAULT", "place": {"country": "IQ"}},
                {"id": "e2", "type": "PROTEST", "place": baghdad},
            ),
        ),
        (
            3,
            _analysis(
                "a4",
                "2021-07-08",
                {
                    "id": "e1",
                    "type": "ASSAULT",
                    "place": {"lat": 36.2, "lon": 37.1, "country": "SY"},
                },
            ),
        ),
    ]
    stories = link_stories(spark.sparkContext.parallelize(rows, 2)).collect()
    by_gid = {row[1]: row for row in stories}
    assert set(by_gid) == {"a1/e1", "a2/e1", "a3/e1", "a3/e2", "a4/e1"}
    assert by_gid["a1/e1"][0] == by_gid["a2/e1"][0] == by_gid["a3/e1"][0]
    assert by_gid["a1/e1"][8] == 3
    assert len({row[0] for row in stories}) == 3
