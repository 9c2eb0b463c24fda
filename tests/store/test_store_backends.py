"""The data-access layer on a real SQLite file and a real PostgreSQL: identity rules, stories,
near-duplicates, search and event filters behave the same on both."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from ng_builders import (
    BAGHDAD,
    LATER_TEXT,
    REWRITE_TEXT,
    WIRE_TEXT,
    analysis,
    event,
)

from newsgraph.corpus.synthetic import generate, gold_analysis
from newsgraph.errors import StoreError
from newsgraph.record import Analysis, Entity, Evidence
from newsgraph.store import EventFilter, Store, canonical_url, open_store
from newsgraph.store.export import to_acled
from newsgraph.store.postgres import MIGRATIONS as PG_MIGRATIONS
from newsgraph.store.sqlite import MIGRATIONS as SQLITE_MIGRATIONS


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    opened = open_store(store_url)
    yield opened
    opened.close()


def wire() -> Analysis:
    return analysis(
        "wire-1",
        WIRE_TEXT,
        url="https://wire.example/2021/07/07/rockets",
        outlet="Global Wire",
        events=[event(fatalities=0, injured=2)],
        quotes=["the base was targeted by rockets"],
    )


def rewrite() -> Analysis:
    return analysis(
        "ledger-1",
        REWRITE_TEXT,
        url="https://ledger.example/world/rockets-anbar",
        outlet="Daily Ledger",
        published="2021-07-08",
        events=[event(fatalities=3, actors=("kh",))],
    )


def test_issue8_two_outlets_one_event_make_one_story_with_two_sources(store: Store) -> None:
    store.put(wire())
    store.put(rewrite())
    stories = store.stories()
    assert len(stories) == 1
    story = stories[0]
    assert story.independent_sources == 2
    assert story.outlets == ["Daily Ledger", "Global Wire"]
    assert {e.article_id for e in story.events} == {"wire-1", "ledger-1"}
    conflict = {c.field: c for c in story.conflicts}["fatalities"]
    assert [(v.value, v.outlets) for v in conflict.values] == [
        (0, ["Global Wire"]),
        (3, ["Daily Ledger"]),
    ]


def test_issue8_same_base_different_days_stay_two_stories(store: Store) -> None:
    store.put(wire())
    store.put(
        analysis(
            "wire-2",
            LATER_TEXT,
            url="https://wire.example/2021/07/12/rockets-again",
            outlet="Global Wire",
            published="2021-07-12",
            events=[event(day="2021-07-12", fatalities=0)],
        )
    )
    store.put(rewrite())
    stories = {s.earliest: s for s in store.stories()}
    assert sorted(stories) == ["2021-07-07", "2021-07-12"]
    assert stories["2021-07-07"].independent_sources == 2
    assert stories["2021-07-12"].independent_sources == 1


def test_incompatible_type_place_or_actors_split_stories(store: Store) -> None:
    store.put(wire())
    store.put(
        analysis(
            "protest",
            "Protesters marched near the base on Wednesday.",
            url="https://x.example/protest",
            events=[event(type_="PROTEST")],
        )
    )
    store.put(
        analysis(
            "baghdad",
            "Rockets hit Baghdad on Wednesday.",
            url="https://x.example/baghdad",
            events=[event(place=BAGHDAD)],
        )
    )
    # Same day and place but no shared participant and only a country-level place: not linked.
    store.put(
        analysis(
            "other-actors",
            "Gunmen attacked police somewhere in Iraq on Wednesday.",
            url="https://x.example/gunmen",
            events=[
                event(
                    place={"text": "Iraq", "lat": None, "lon": None, "country": "IQ"},
                    actors=("gunmen",),
                    recipients=("police",),
                )
            ],
        )
    )
    assert store.counts()["stories"] == 4


def test_negated_and_future_events_join_no_story(store: Store) -> None:
    store.put(
        analysis(
            "denial",
            "The group denied it attacked the base and threatened to strike next week.",
            events=[event("e1", negated=True), event("e2", future=True)],
        )
    )
    assert store.counts()["stories"] == 0
    assert store.events() == []
    assert len(store.events(EventFilter(include_unreal=True))) == 2


def test_same_id_or_text_adds_nothing_and_copies_count_once(store: Store) -> None:
    assert store.put(wire()).status == "new"
    assert store.put(wire()).status == "unchanged"
    copy = analysis(
        "copy-1",
        "  " + WIRE_TEXT.replace("'", "\u2019") + "\n",
        url="https://courier.example/rockets?utm_source=rss",
        outlet="Evening Courier",
        events=[event(fatalities=0, injured=2)],
    )
    assert store.put(copy).status == "copy"
    assert store.put(copy).status == "unchanged"
    assert store.count() == 1
    meta = store.article("wire-1")
    assert meta is not None
    assert store.classify(
        url="https://courier.example/rockets", content_hash=meta["content_hash"]
    ) == ("unchanged")
    store.put(rewrite())
    (story,) = store.stories()
    assert story.outlets == ["Daily Ledger", "Evening Courier", "Global Wire"]
    assert story.independent_sources == 2
    assert store.counts()["copies"] == 1


def test_updated_version_of_a_url_replaces_its_analysis(store: Store) -> None:
    store.put(wire())
    store.put(rewrite())
    corrected = analysis(
        "wire-1-v2",
        WIRE_TEXT + " The toll was later revised to one dead.",
        url="https://WIRE.example/2021/07/07/rockets/#top",
        outlet="Global Wire",
        events=[event(fatalities=1, injured=2)],
    )
    assert store.classify(url=corrected.url, content_hash="x") == "updated"
    assert store.put(corrected).status == "updated"
    assert store.count() == 2
    assert store.get("wire-1") is None
    (story,) = store.stories()
    assert {e.article_id for e in story.events} == {"wire-1-v2", "ledger-1"}
    values = {c.field: [v.value for v in c.values] for c in story.conflicts}
    assert sorted(values["fatalities"]) == [1, 3]
    # Same id, new text: replaced in place.
    assert store.put(analysis("ledger-1", "Short correction.", url=None)).status == "updated"
    assert store.stories()[0].independent_sources == 1
    assert store.search("correction")[0].article_id == "ledger-1"
    assert store.search("barrage Anbar") == []


def test_near_duplicate_rewrite_is_grouped_and_not_double_counted(store: Store) -> None:
    store.put(wire())
    edited = analysis(
        "edited",
        WIRE_TEXT.replace("on Wednesday", "late on Wednesday") + " Additional reporting by Ann.",
        url="https://herald.example/rockets",
        outlet="Horn Herald",
        events=[event(fatalities=0, injured=2)],
    )
    store.put(edited)
    meta = store.article("edited")
    assert meta is not None and meta["dup_group"] == "wire-1" and meta["dup_similarity"] > 0.5
    (story,) = store.stories()
    assert len(story.events) == 2 and story.independent_sources == 1
    assert story.outlets == ["Global Wire", "Horn Herald"]
    counts = store.counts()
    assert (counts["near_duplicates"], counts["duplicate_groups"]) == (1, 1)


def test_near_duplicate_counts_leave_out_articles_without_one(store: Store) -> None:
    # The demo's 20 distinct articles were reported as "20 near-duplicate groups".
    store.put(wire())
    store.put(analysis("other", "A different story about the harvest in Kansas.", url=None))
    counts = store.counts()
    assert (counts["near_duplicates"], counts["duplicate_groups"]) == (0, 0)


def test_event_known_only_to_a_year_matches_dates_within_it(store: Store) -> None:
    year = event(day="1989")
    year.earliest, year.latest = "1989-01-01", "1989-12-31"
    store.put(analysis("year-1", "The crisis began in 1989.", events=[year]))
    assert len(store.events(EventFilter(since="1989-06-01", until="1989-06-30"))) == 1
    assert store.events(EventFilter(since="1990-01-01")) == []
    assert store.events(EventFilter(until="1988-12-31")) == []


def test_search_highlights_text_and_quotes(store: Store) -> None:
    store.put(wire())
    store.put(rewrite())
    hits = store.search("rockets Anbar", highlight=("<b>", "</b>"))
    assert [h.article_id for h in hits if h.kind == "article"] == ["ledger-1"]
    assert "<b>" in hits[0].snippet
    quote_hits = [h for h in store.search("targeted") if h.kind == "quote"]
    assert quote_hits and quote_hits[0].speaker == "Wayne Marotto"
    assert "[targeted]" in quote_hits[0].snippet
    assert store.search('"al-Asad air base" -Anbar')[0].article_id == "wire-1"
    assert store.search("") == [] and store.search("-only") == []


def test_event_filters(store: Store) -> None:
    store.put(wire())
    store.put(rewrite())
    store.put(
        analysis(
            "baghdad",
            "Police arrested ten people in Baghdad on Friday.",
            url="https://ledger.example/arrests",
            outlet="Daily Ledger",
            published="2021-07-09",
            events=[
                event(
                    type_="COERCE",
                    day="2021-07-09",
                    place=BAGHDAD,
                    actors=("police",),
                    recipients=(),
                    mode=["arrest"],
                )
            ],
        )
    )

    def ids(**kw: object) -> list[str]:
        return [row["gid"] for row in store.events(EventFilter(**kw))]

    assert ids() == ["wire-1/e1", "ledger-1/e1", "baghdad/e1"]
    assert ids(types=["coerce"]) == ["baghdad/e1"]
    assert ids(modes=["arrest"]) == ["baghdad/e1"]
    assert ids(actor="kataib") == ["wire-1/e1", "ledger-1/e1"]
    assert ids(actor="POLICE") == ["baghdad/e1"]
    assert ids(country="iq", since="2021-07-08") == ["baghdad/e1"]
    assert ids(until="2021-07-07") == ["wire-1/e1", "ledger-1/e1"]
    assert ids(near=(33.3, 44.4), radius_km=20) == ["baghdad/e1"]
    assert ids(near=(33.3, 44.4), radius_km=300) == ["wire-1/e1", "ledger-1/e1", "baghdad/e1"]
    assert ids(outlet="daily ledger") == ["ledger-1/e1", "baghdad/e1"]
    assert ids(min_sources=2) == ["wire-1/e1", "ledger-1/e1"]
    assert ids(limit=1) == ["wire-1/e1"]
    row = store.events(EventFilter(types=["COERCE"]))[0]
    assert row["modes"] == ["arrest"] and row["negated"] is False and row["sources"] == 1
    assert ids(story=row["story_id"]) == ["baghdad/e1"]


def test_issue6_events_filter_by_confidence(store: Store) -> None:
    """Users keep only the events the stage judged likely real (a calibrated probability)."""
    likely, unlikely = event("e1"), event("e2", type_="CONSULT")
    likely.evidence = Evidence([(0, 4)], "test", 0.62)
    unlikely.evidence = Evidence([(5, 9)], "test", 0.08)
    store.put(analysis("conf-1", "Kataib Hezbollah struck the base.", events=[likely, unlikely]))

    def types(**kw: object) -> list[str]:
        return sorted(row["type"] for row in store.events(EventFilter(**kw)))

    assert types() == ["ASSAULT", "CONSULT"]
    assert types(min_confidence=0.5) == ["ASSAULT"]
    assert types(min_confidence=0.62) == ["ASSAULT"]
    assert types(min_confidence=0.9) == []
    assert store.events(EventFilter(min_confidence=0.5))[0]["confidence"] == pytest.approx(0.62)


def test_issue4_event_geo_precision_is_stored_and_exported(store: Store) -> None:
    """The event's ACLED geo precision reaches the row and the ACLED export; a place that
    carries none (an analysis from before issue 4's field) is exported as unknown."""
    near = {**BAGHDAD, "geo_precision": 2}
    store.put(
        analysis(
            "near",
            "Police arrested ten people near Baghdad on Friday.",
            events=[event(type_="COERCE", day="2021-07-09", place=near)],
        )
    )
    store.put(wire())
    rows = {row["article_id"]: row for row in store.events()}
    assert rows["near"]["geo_precision"] == 2 and rows["wire-1"]["geo_precision"] is None
    exported = {row["article_id"]: to_acled(row)["geo_precision"] for row in store.events()}
    assert exported == {"near": 2, "wire-1": ""}


def test_synthetic_gold_stories_match_the_truth(store: Store) -> None:
    """Stories built from perfectly extracted synthetic articles recover the real events."""
    articles = generate(120, seed=11)
    for article in articles:
        store.put(gold_analysis(article))
    truth = {
        f"{gold_analysis(a).id}/e1": a.truth.event for a in articles if a.truth.event is not None
    }
    predicted: dict[str, set[str]] = {}
    stored = store.events()
    for row in stored:
        predicted.setdefault(row["story_id"], set()).add(truth.get(row["gid"], "?"))
    impure = [s for s in predicted.values() if len(s) > 1]
    assert not impure, impure
    assert len(predicted) == len({truth[r["gid"]] for r in stored if r["gid"] in truth})


def test_snapshot_is_identical_on_both_backends(tmp_path: Path, pg_url: str) -> None:
    articles = [gold_analysis(a) for a in generate(60, seed=5)]
    snapshots = []
    for url in (f"sqlite:///{tmp_path / 'a.db'}", pg_url):
        with open_store(url) as store:
            for a in articles:
                store.put(a)
            snapshots.append(store.snapshot())
    assert snapshots[0] == snapshots[1]
    assert snapshots[0]["copies"] and len(snapshots[0]["stories"]) < len(articles)


def test_sqlite_upgrades_a_version_1_file(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = sqlite3.connect(path)
    db.executescript(SQLITE_MIGRATIONS[0] + "PRAGMA user_version = 1;")
    old = wire()
    data = old.to_dict()
    db.execute(
        "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            data["id"],
            data["url"],
            data["outlet"],
            data["title"],
            data["published"],
            data["language"],
            data["text"],
            "0.0.1",
            json.dumps(data),
        ),
    )
    db.commit()
    db.close()
    with open_store(str(path)) as store:
        assert store.schema_version == len(SQLITE_MIGRATIONS)
        assert store.get("wire-1") == data
        assert store.counts()["stories"] == 1 and store.search("rockets")


def test_postgres_migrations_are_versioned_and_newer_is_refused(pg_url: str) -> None:
    with open_store(pg_url) as store:
        assert store.schema_version == len(PG_MIGRATIONS)
    with open_store(pg_url) as store:  # reopening migrates nothing
        assert store.schema_version == len(PG_MIGRATIONS)
    with psycopg.connect(pg_url, autocommit=True) as db:
        db.execute("INSERT INTO newsgraph_schema VALUES (%s)", (len(PG_MIGRATIONS) + 3,))
    with pytest.raises(StoreError, match="newer"):
        open_store(pg_url)


def test_unreachable_postgres_is_a_coded_error() -> None:
    with pytest.raises(StoreError, match=r"NG030 cannot connect"):
        open_store("postgresql://nobody:secret@127.0.0.1:1/none?connect_timeout=2")


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://Example.COM:443/a/b/?utm_source=x&id=3#frag", "https://example.com/a/b?id=3"),
        ("http://example.com", "http://example.com/"),
        ("http://example.com:8080/x", "http://example.com:8080/x"),
        ("not a url", "not a url"),
        ("", None),
        (None, None),
    ],
)
def test_canonical_url(url: str | None, expected: str | None) -> None:
    assert canonical_url(url) == expected


def test_fast_plain_conversion_equals_to_dict() -> None:
    from newsgraph.store.base import plain

    samples = [gold_analysis(a) for a in generate(30, seed=9)]
    samples.append(analysis("q", WIRE_TEXT, quotes=["the base was targeted by rockets"]))
    for sample in samples:
        assert json.dumps(plain(sample)) == json.dumps(sample.to_dict())


def _asserted(
    article_id: str,
    text: str,
    quote: str | None,
    speaker_entity: str | None,
    actors: tuple[str, ...],
) -> Analysis:
    """An article whose one event is asserted by a quote of ``quote`` (None: by the outlet),
    spoken by ``speaker_entity``; entities: kh (IQ), us-forces (US), un (no country)."""
    result = analysis(
        article_id,
        text,
        url=f"https://wire.example/{article_id}",
        events=[event(actors=actors, attributed_to="q1" if quote else None)],
        quotes=[quote] if quote else [],
    )
    for q in result.quotes:
        q.speaker_entity = speaker_entity
    result.entities += [
        Entity(id="us-forces", name="US forces", type="ORG", country="US"),
        Entity(id="un", name="United Nations", type="ORG"),
        Entity(id="pentagon", name="Pentagon", type="ORG", country="US"),
    ]
    return result


def test_issue5_events_filter_by_who_asserts_them(store: Store) -> None:
    """Issue 5: 'events only asserted by a party to the conflict' — the speaker is an actor or
    recipient, or shares a country with one; the outlet's own voice and third parties apart."""
    store.put(_asserted("own", WIRE_TEXT, None, None, ("kh",)))
    more = " More to follow."
    store.put(_asserted("by-pentagon", WIRE_TEXT + more, "the base was targeted", "pentagon", ()))
    store.put(_asserted("by-kh", LATER_TEXT, "Rockets again targeted", "kh", ("kh",)))
    store.put(_asserted("by-un", REWRITE_TEXT, "three people were killed", "un", ("kh",)))
    store.put(_asserted("unknown", REWRITE_TEXT + more, "three people", None, ("kh",)))

    def ids(who: str) -> list[str]:
        return sorted(row["article_id"] for row in store.events(EventFilter(asserted_by=who)))

    assert ids("outlet") == ["own"]
    assert ids("party") == ["by-kh", "by-pentagon"]
    assert ids("third-party") == ["by-un"]
    assert ids("unresolved") == ["unknown"]
    assert ids("Marotto") == ["by-kh", "by-pentagon", "by-un", "unknown"]
    assert ids("UN") == ["by-un"]
    rows = {row["article_id"]: row for row in store.events()}
    assert rows["by-un"]["asserted_by"] == "third-party"
    assert rows["by-un"]["according_to"] == "Wayne Marotto"
    assert rows["own"]["according_to"] is None
