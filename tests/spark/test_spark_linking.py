"""Cross-article linking on Spark: the store's rules, blocking that loses no pair, and the same
duplicate groups and stories as the store for the same articles."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.corpus.stories import EventKey, StorySettings, compatible
from newsgraph.corpus.synthetic import generate, gold_analysis
from newsgraph.record import Analysis
from newsgraph.spark.linking import (
    LinkEvent,
    LinkSettings,
    blocks,
    link_corpus,
    link_events,
    replay,
)
from newsgraph.store import open_store
from newsgraph.store.base import canonical_url

SETTINGS = LinkSettings()
RULES = StorySettings()


def _key(
    gid: str,
    *,
    kind: str = "ASSAULT",
    acled: str | None = "Violence against civilians",
    day: str = "2021-07-08",
    days: int = 1,
    lat: float | None = 33.3,
    lon: float | None = 44.4,
    country: str | None = "IQ",
    participants: frozenset[str] = frozenset(),
) -> EventKey:
    end = (dt.date.fromisoformat(day) + dt.timedelta(days - 1)).isoformat()
    return EventKey(
        gid, gid.split("/")[0], kind, acled, day, end, lat, lon, country, participants
    )  # fmt: skip


def _share_a_block(a: EventKey, b: EventKey) -> bool:
    left, right = dict(blocks(a, SETTINGS)), dict(blocks(b, SETTINGS))
    return any(left[key] or right[key] for key in left.keys() & right.keys())


keys = st.builds(
    _key,
    gid=st.sampled_from(["a/e1", "b/e1"]),
    kind=st.sampled_from(["ASSAULT", "FIGHT"]),
    acled=st.sampled_from([None, "Battles", "Violence against civilians"]),
    day=st.dates(dt.date(2020, 12, 20), dt.date(2021, 1, 15)).map(dt.date.isoformat),
    days=st.integers(1, RULES.max_window_days),
    lat=st.one_of(st.none(), st.floats(-89.9, 89.9)),
    lon=st.floats(-180, 179.99),
    country=st.sampled_from([None, "IQ", "SY"]),
    participants=st.sampled_from([frozenset(), frozenset({"x"}), frozenset({"y"})]),
)


@settings(max_examples=300, deadline=None)
@given(keys, keys)
def test_issue10_blocking_never_loses_a_compatible_pair(a: EventKey, b: EventKey) -> None:
    if compatible(a, b, RULES):
        assert _share_a_block(a, b)


def test_near_events_across_a_cell_border_share_a_block() -> None:
    a = _key("a/e1", lat=33.99, lon=44.99)
    b = _key("b/e1", lat=34.01, lon=45.01)
    assert compatible(a, b, RULES) and _share_a_block(a, b)
    far = _key("c/e1", lat=36.5, lon=44.99)
    assert not compatible(a, far, RULES) and not _share_a_block(a, far)


def _event(key: EventKey, seq: int) -> LinkEvent:
    return LinkEvent(key, key.gid.split("/")[1], (seq, 0))


def test_replay_is_complete_link_and_prefers_the_best_story() -> None:
    """a-b and b-c overlap in time, a-c do not: b joins a, c opens its own story. A later
    report compatible with both stories joins the better-scoring one, as the store does."""
    a = _event(_key("a/e1", day="2021-07-01", days=3), 0)
    b = _event(_key("b/e1", day="2021-07-03", days=3), 1)
    c = _event(_key("c/e1", day="2021-07-05", days=3), 2)
    stories = replay([c, b, a], RULES)
    assert [[e.key.gid for e in members] for _, members in stories] == [
        ["a/e1", "b/e1"],
        ["c/e1"],
    ]
    d = _event(_key("d/e1", day="2021-07-05", days=1), 3)
    stories = replay([a, c, d], RULES)
    assert [[e.key.gid for e in members] for _, members in stories] == [["a/e1"], ["c/e1", "d/e1"]]


def test_link_events_keys_events_as_the_store_does() -> None:
    data = {
        "id": "art",
        "published": "2021-07-08",
        "events": [
            {"id": "e1", "type": "ASSAULT", "place": {"lat": 1, "lon": 2.0, "country": "iq"}},
            {"id": "e2", "type": "ASSAULT", "negated": True},
            {"id": "e1", "type": "PROTEST", "earliest": "2019-01-01", "latest": "2019-12-31"},
        ],
    }
    first, repeated = link_events(data, 7, RULES)
    assert (first.key.gid, first.key.start, first.key.end, first.key.country) == (
        "art/e1",
        "2021-07-05",
        "2021-07-08",
        "IQ",
    )
    assert first.key.lat == 1.0 and first.order == (7, 0)
    # A repeated event id gets the store's #index suffix; an unknown window links nothing.
    assert (repeated.key.gid, repeated.key.start, repeated.order) == ("art/e1#2", None, (7, 2))


def _store_links(analyses: list[Analysis], db: Path) -> dict[str, Any]:
    """What the store made of ``analyses``: groups, stories and recorded copies."""
    with open_store(f"sqlite:///{db}") as store:
        for analysis in analyses:
            store.put(analysis)
    with sqlite3.connect(db) as con:
        return {
            "groups": {
                r[0]: (r[1], r[2])
                for r in con.execute("SELECT id, dup_group, dup_similarity FROM articles")
            },
            "stories": dict(
                con.execute("SELECT gid, story_id FROM events WHERE story_id IS NOT NULL")
            ),
            "copies": dict(con.execute("SELECT url, article_id FROM article_copies")),
        }


def test_issue10_spark_links_the_synthetic_corpus_as_the_store(spark: Any, tmp_path: Path) -> None:
    """Wire copies, lightly edited copies, rewrites and repeat attacks on one base: the same
    near-duplicate groups, copies and stories as the store, for the same articles in order."""
    analyses = [gold_analysis(article) for article in generate(120, seed=12)]
    analyses.append(analyses[5])  # a re-sent record: one article
    store = _store_links(analyses, tmp_path / "store.db")
    rows = [(seq << 32, analysis.to_json()) for seq, analysis in enumerate(analyses)]
    duplicates, story_rows = link_corpus(spark.sparkContext.parallelize(rows, 3))
    found = {(r[0], r[1]): r for r in duplicates.collect()}
    assert len(found) == len(analyses)
    originals = {r[0]: (r[4], r[5]) for r in found.values() if r[2] == "original"}
    assert originals == store["groups"]
    assert len({g for g, _ in originals.values()}) < len(originals)  # some near-duplicates
    urls = {(seq << 32): canonical_url(a.url) for seq, a in enumerate(analyses)}
    copies = {urls[r[1]]: r[3] for r in found.values() if r[2] == "copy"}
    assert copies == store["copies"] and copies
    for article_id, seq, status, original, group, _, _ in found.values():
        assert group == originals[original][0]  # copies and repeats: their original's group
        if status == "repeat":
            assert (article_id, seq) == (analyses[5].id, (len(analyses) - 1) << 32)
    spark_stories = {r[1]: r[0] for r in story_rows.collect()}
    assert spark_stories == store["stories"]
    assert len(set(spark_stories.values())) < len(spark_stories)  # several reports of one event
