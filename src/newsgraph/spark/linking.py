"""Cross-article linking as a Spark stage: near-duplicate groups and stories, as the store makes
them, for corpora that do not fit one machine.

The store decides both incrementally, article by article in input order, with the rules of
:mod:`newsgraph.corpus.dedup` and :mod:`newsgraph.corpus.stories`. This stage calls the very same
functions; only the search for candidates is distributed, and it is exact, so for the same
articles in the same order it gives the same groups and stories as ``newsgraph load`` into a
store (the tests check it):

**Which articles.** As the store keeps them: the first record of an article id
(``status = "repeat"`` for later ones), and the first article of a text
(:func:`~newsgraph.corpus.dedup.content_key`; later ones are ``"copy"``, in the original's
group). Only ``"original"`` articles are grouped and linked. The store's *updates* (a later
record with another text under the id or canonical URL of a stored one replaces it, and what
happened in between stays as it was) depend on history and are not replayed here.

**Near-duplicates** (:func:`group_duplicates`). MinHash signatures and LSH bands of
:class:`~newsgraph.corpus.dedup.MinHasher`; the candidates of an article are the earlier
articles sharing one of its band buckets, exactly the store's indexed lookup, and
:func:`~newsgraph.corpus.dedup.best_match` (candidates in input order) picks its parent. The
group is the root of the parent chain (pointer jumping).

**Stories** (:func:`link_stories`).

1. Every eligible event (:func:`~newsgraph.corpus.stories.eligible`) gets the store's
   :class:`~newsgraph.corpus.stories.EventKey` (:func:`~newsgraph.corpus.stories.event_key`,
   :func:`~newsgraph.corpus.stories.event_window`). An event without a window is compatible with
   nothing: a story of its own.
2. **Blocking**: an event goes into blocks keyed by type (PLOVER, and ACLED when set) ×
   ``bucket_days`` date bucket (each its window overlaps) × coarse place (a ``cell_degrees``
   grid cell, else its country, else "unknown place"). It is *home* in its own blocks and
   *visits* the cells within ``radius_km``, its country's block and the unknown-place block, so
   every pair :func:`~newsgraph.corpus.stories.compatible` accepts shares a block in which one
   of the two is home (property-tested): blocking loses no pair.
3. Compatible pairs form connected components (label propagation with pointer jumping).
4. Each component is replayed in input order with
   :func:`~newsgraph.corpus.stories.choose_story` over its stories ordered as the store orders
   candidates (rank = seq of the opening article, then story id). An event only joins a story
   all of whose members are compatible with it, and those are all in its component, so the
   replay per component equals the store's replay over the whole corpus.

Cost: pairs are compared within blocks (linear in practice); the replay is sequential per
component, as long as the store's for that component. A place with a steady stream of same-type
events (daily shelling of one city) chains into one large component: it is replayed by one task.
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt
from pyspark import RDD
from pyspark.sql.types import (
    DoubleType,
    IntegerType,
    LongType,
    StringType,
    StructField,
    StructType,
)

from newsgraph.corpus import dedup, stories
from newsgraph.corpus.stories import EventKey, StorySettings
from newsgraph.errors import NewsgraphError

_KM_PER_DEGREE = 111.19

STORY_SCHEMA = StructType(
    [
        StructField("story_id", StringType()),
        StructField("gid", StringType()),
        StructField("article_id", StringType()),
        StructField("event_id", StringType()),
        StructField("seq", LongType()),
        StructField("type", StringType()),
        StructField("start", StringType()),
        StructField("end", StringType()),
        StructField("size", IntegerType()),
    ]
)
DUPLICATE_SCHEMA = StructType(
    [
        StructField("article_id", StringType()),
        StructField("seq", LongType()),
        StructField("status", StringType()),
        StructField("original", StringType()),
        StructField("dup_group", StringType()),
        StructField("dup_similarity", DoubleType()),
        StructField("content_key", StringType()),
    ]
)


class LinkingError(NewsgraphError):
    """Linking did not converge within ``max_iterations`` (raise the setting)."""

    code = "NG005"


@dataclass(frozen=True)
class LinkSettings:
    """The store's rules (``stories``, ``dedup``) and the block sizes of this stage."""

    stories: StorySettings = field(default_factory=StorySettings)
    dedup: dedup.DedupSettings = field(default_factory=dedup.DedupSettings)
    bucket_days: int = 7
    cell_degrees: float = 1.0
    max_iterations: int = 100


@dataclass(frozen=True)
class LinkEvent:
    """An event to link: the store's key and its place in input order (seq, event index)."""

    key: EventKey
    event_id: str
    order: tuple[int, int]


@dataclass(frozen=True)
class Article:
    """What near-duplicate grouping needs of one analysis."""

    article_id: str
    seq: int
    content_key: str
    text: str


# ------------------------------------------------------------------------- which articles


def _article(seq: int, analysis: str) -> tuple[Article, str]:
    data = json.loads(analysis)
    text = str(data.get("text") or "")
    return Article(str(data.get("id")), seq, dedup.content_key(text), text), analysis


def _first(
    group: tuple[str, Iterable[tuple[Article, str]]], status: str
) -> Iterator[tuple[str, Any]]:
    """The earliest item of a group as ``("keep", item)``, the others as ``("other", row)``
    naming the kept article: ``(kept id, (id, seq, status, content key))``."""
    listed = sorted(group[1], key=lambda item: item[0].seq)
    kept = listed[0][0]
    yield "keep", listed[0]
    for article, _ in listed[1:]:
        row = (article.article_id, article.seq, status, article.content_key)
        yield "other", (kept.article_id, row)


def classify(
    analyses: RDD[tuple[int, str]], partitions: int
) -> tuple[RDD[tuple[Article, str]], RDD[tuple[str, tuple[Any, ...]]]]:
    """``(originals, others)``: the ``(Article, analysis JSON)`` of the articles the store would
    keep, and ``(kept id, (id, seq, status, content key))`` of the repeats and copies."""
    by_id = (
        analyses.map(lambda item: _article(*item))
        .groupBy(lambda item: item[0].article_id, partitions)
        .flatMap(lambda group: _first(group, "repeat"))
        .cache()
    )
    by_text = (
        by_id.filter(lambda tagged: tagged[0] == "keep")
        .map(lambda tagged: tagged[1])
        .groupBy(lambda item: item[0].content_key, partitions)
        .flatMap(lambda group: _first(group, "copy"))
        .cache()
    )
    originals = by_text.filter(lambda tagged: tagged[0] == "keep").map(lambda tagged: tagged[1])
    others = (
        by_id.union(by_text)
        .filter(lambda tagged: tagged[0] == "other")
        .map(lambda tagged: tagged[1])
    )
    return originals, others


# ------------------------------------------------------------------------- near-duplicates


Signed = tuple[int, str, npt.NDArray[np.uint32]]


def _signatures(
    articles: Iterable[Article], settings: dedup.DedupSettings
) -> Iterator[tuple[tuple[int, int], Signed]]:
    """``((band, bucket), (seq, id, signature))`` for each band of each article."""
    hasher = dedup.MinHasher(settings)  # one per partition: it draws its permutations once
    for article in articles:
        signature = hasher.signature(article.text)
        for band in hasher.bands(signature):
            yield band, (article.seq, article.article_id, signature)


def _bucket_pairs(members: Iterable[Signed]) -> Iterator[tuple[str, tuple[Signed, Signed]]]:
    """``(later id, (later, earlier))`` for every pair in one band bucket."""
    listed = sorted(members, key=lambda m: m[0])
    for i, later in enumerate(listed):
        for earlier in listed[:i]:
            yield later[1], (later, earlier)


def _best_parent(
    item: tuple[str, Iterable[tuple[Signed, Signed]]], threshold: float
) -> list[tuple[str, tuple[str, float]]]:
    """The store's choice for one article: the most similar earlier candidate (input order
    breaks ties) at or above the threshold."""
    later: Signed | None = None
    candidates: dict[str, Signed] = {}
    for mine, other in item[1]:
        later = mine
        candidates[other[1]] = other
    if later is None:
        return []
    ordered = sorted(candidates.values(), key=lambda c: c[0])
    best = dedup.best_match(later[2], [(c[1], c[2]) for c in ordered], threshold)
    return [] if best is None else [(item[0], (best[0], round(best[1], 4)))]


def _roots(parents: RDD[tuple[str, str]], max_iterations: int) -> RDD[tuple[str, str]]:
    """``(id, root)`` of parent pointers that point to earlier articles (pointer jumping)."""
    current = parents.cache()
    for _ in range(max_iterations):
        # (child, parent) joined with (parent, grandparent): jump one level; roots stay.
        by_parent = current.map(lambda kv: (kv[1], kv[0]))
        jumped = by_parent.leftOuterJoin(current).map(
            lambda kv: (kv[1][0], kv[1][1] if kv[1][1] is not None else kv[0])
        )
        jumped = jumped.cache()
        changed = jumped.join(current).filter(lambda kv: kv[1][0] != kv[1][1]).count()
        current.unpersist()
        current = jumped
        if not changed:
            return current
    raise LinkingError(f"duplicate chains deeper than 2^{max_iterations}")


def group_duplicates(
    originals: RDD[tuple[Article, str]], settings: LinkSettings, partitions: int
) -> RDD[tuple[Any, ...]]:
    """:data:`DUPLICATE_SCHEMA` rows of the originals: group and similarity, as the store's
    ``dup_group``/``dup_similarity``."""
    config, threshold = settings.dedup, settings.dedup.threshold
    articles = originals.keys()
    parents = (
        articles.mapPartitions(lambda part: _signatures(part, config))
        .groupByKey(partitions)
        .flatMap(lambda bucket: _bucket_pairs(bucket[1]))
        .groupByKey(partitions)
        .flatMap(lambda item: _best_parent(item, threshold))
        .cache()
    )
    roots = _roots(parents.mapValues(lambda p: p[0]), settings.max_iterations)
    found = parents.join(roots, partitions).mapValues(lambda v: (v[1], v[0][1]))

    def row(item: tuple[str, tuple[Article, tuple[str, float] | None]]) -> tuple[Any, ...]:
        article, match = item[1]
        group, sim = match if match is not None else (article.article_id, None)
        return (
            article.article_id,
            article.seq,
            "original",
            article.article_id,
            group,
            sim,
            article.content_key,
        )

    return articles.map(lambda a: (a.article_id, a)).leftOuterJoin(found, partitions).map(row)


def _others_rows(
    others: RDD[tuple[str, tuple[Any, ...]]], originals: RDD[tuple[Any, ...]], partitions: int
) -> RDD[tuple[Any, ...]]:
    """Rows of copies and repeats, in the group of the article the store kept instead (a
    repeat's first record may itself be a copy: repeats are resolved after copies)."""

    def rows(kind: str, kept: RDD[tuple[Any, ...]]) -> RDD[tuple[Any, ...]]:
        return (
            others.filter(lambda kv: kv[1][2] == kind)
            .join(kept.map(lambda r: (r[0], r[4])), partitions)
            .map(lambda kv: (*kv[1][0][:3], kv[0], kv[1][1], None, kv[1][0][3]))
        )

    copies = rows("copy", originals)
    return copies.union(rows("repeat", originals.union(copies)))


# ------------------------------------------------------------------------- stories


def link_events(data: dict[str, Any], seq: int, settings: StorySettings) -> list[LinkEvent]:
    """The eligible events of one Analysis (its ``to_dict()``), keyed as the store keys them."""
    article_id = str(data.get("id"))
    events = data.get("events") or []
    out = []
    for index, (gid, event) in enumerate(
        zip(stories.event_gids(article_id, events), events, strict=True)
    ):
        if not stories.eligible(event):
            continue
        window = stories.event_window(event, data.get("published"), settings)
        key = stories.event_key(gid, article_id, event, window)
        out.append(LinkEvent(key, str(event.get("id") or f"e{index}"), (seq, index)))
    return out


def _cells(key: EventKey, radius_km: float, size: float) -> tuple[str, list[str]]:
    """The event's grid cell and the cells within ``radius_km`` of any point of it."""
    if key.lat is None or key.lon is None:
        raise ValueError("event has no coordinates")
    rows, columns = math.ceil(180 / size), math.ceil(360 / size)
    row = max(0, min(rows - 1, int((key.lat + 90) // size)))
    column = int((key.lon + 180) // size) % columns
    reach_lat = radius_km / _KM_PER_DEGREE
    k_row = math.ceil(reach_lat / size)
    widest = min(89.999, abs(key.lat) + reach_lat + size)
    k_column = min(columns, math.ceil(reach_lat / math.cos(math.radians(widest)) / size))
    near = {
        f"{r}:{c % columns}"
        for r in range(max(0, row - k_row), min(rows, row + k_row + 1))
        for c in range(column - k_column, column + k_column + 1)
    }
    home = f"{row}:{column}"
    return home, sorted(near - {home})


def blocks(key: EventKey, settings: LinkSettings) -> list[tuple[str, bool]]:
    """``(block key, is_home)`` for every block of a windowed event (see the module doc)."""
    if key.start is None or key.end is None:
        return []
    types = [f"p:{key.type}", *([f"a:{key.acled_type}"] if key.acled_type else [])]
    start = dt.date.fromisoformat(key.start).toordinal() // settings.bucket_days
    end = dt.date.fromisoformat(key.end).toordinal() // settings.bucket_days
    places: list[tuple[str, bool]]
    if key.lat is not None and key.lon is not None:
        home, near = _cells(key, settings.stories.radius_km, settings.cell_degrees)
        places = [(f"cell:{home}", True), *((f"cell:{cell}", False) for cell in near)]
        places.append((f"cc:{key.country or '?'}", key.country is None))
    elif key.country:
        places = [(f"cc:{key.country}", True), ("cc:?", False)]
    else:
        places = []
    places.append(("*", not places))
    return [
        (f"{kind}|{bucket}|{place}", home)
        for kind in types
        for bucket in range(start, end + 1)
        for place, home in places
    ]


def block_pairs(
    members: Iterable[tuple[LinkEvent, bool]], rules: StorySettings
) -> Iterator[tuple[str, str]]:
    """Compatible ``(gid, gid)`` pairs (sorted within the pair) of one block."""
    listed = sorted(members, key=lambda member: member[0].order)
    for i, (a, home_a) in enumerate(listed):
        for b, home_b in listed[i + 1 :]:
            first, second = sorted((a.key.gid, b.key.gid))
            if (home_a or home_b) and first != second and stories.compatible(a.key, b.key, rules):
                yield first, second


def replay(
    events: Iterable[LinkEvent], settings: StorySettings
) -> list[tuple[str, list[LinkEvent]]]:
    """``(story id, members)`` of one component, replayed as the store links: in input order,
    each event into :func:`~newsgraph.corpus.stories.choose_story` of the stories so far (ordered
    by the seq of the opening article, then id), else into a new story named after it."""
    ranked: list[tuple[int, str]] = []
    members: dict[str, list[LinkEvent]] = {}
    for event in sorted(events, key=lambda e: e.order):
        candidates = {sid: [m.key for m in members[sid]] for _, sid in ranked}
        sid = stories.choose_story(event.key, candidates, settings)
        if sid is None:
            sid = stories.story_id(event.key.gid)
            bisect.insort(ranked, (event.order[0], sid))
            members[sid] = []
        members[sid].append(event)
    return [(sid, members[sid]) for _, sid in ranked]


def _components(
    vertices: RDD[str], edges: RDD[tuple[str, str]], partitions: int, max_iterations: int
) -> RDD[tuple[str, str]]:
    """``(vertex, component label)``: the smallest vertex id reachable, by label propagation
    with pointer jumping (a label's own label is taken too), so long chains converge fast."""
    both = edges.flatMap(lambda e: [e, (e[1], e[0])]).distinct(partitions).cache()
    labels = vertices.map(lambda v: (v, v)).partitionBy(partitions).cache()
    for _ in range(max_iterations):
        proposals = both.join(labels, partitions).map(lambda item: (item[1][0], item[1][1]))
        spread = labels.union(proposals).reduceByKey(min, partitions)
        jumped = (
            spread.map(lambda kv: (kv[1], kv[0]))
            .join(spread, partitions)
            .map(lambda kv: (kv[1][0], min(kv[0], kv[1][1])))
        )
        updated = jumped.cache()
        changed = updated.join(labels, partitions).filter(lambda kv: kv[1][0] != kv[1][1]).count()
        labels.unpersist()
        labels = updated
        if not changed:
            both.unpersist()
            return labels
    raise LinkingError(f"story components did not converge in {max_iterations} rounds")


def link_stories(
    originals: RDD[tuple[int, str]], settings: LinkSettings, partitions: int
) -> RDD[tuple[Any, ...]]:
    """:data:`STORY_SCHEMA` rows for the ``(seq, Analysis JSON)`` of distinct articles."""
    rules = settings.stories
    events = originals.flatMap(lambda item: link_events(json.loads(item[1]), item[0], rules))
    events = events.cache()
    pairs = (
        events.flatMap(lambda e: [(key, (e, home)) for key, home in blocks(e.key, settings)])
        .groupByKey(partitions)
        .flatMap(lambda block: block_pairs(block[1], rules))
        .distinct(partitions)
    )
    vertices = events.map(lambda e: e.key.gid)
    labels = _components(vertices, pairs, partitions, settings.max_iterations)
    grouped = (
        events.map(lambda e: (e.key.gid, e))
        .join(labels, partitions)
        .map(lambda item: (item[1][1], item[1][0]))
        .groupByKey(partitions)
    )

    def rows(component: tuple[str, Iterable[LinkEvent]]) -> Iterator[tuple[Any, ...]]:
        for sid, story in replay(component[1], rules):
            for e in story:
                key = e.key
                yield (
                    sid,
                    key.gid,
                    key.article_id,
                    e.event_id,
                    e.order[0],
                    key.type,
                    key.start,
                    key.end,
                    len(story),
                )

    return grouped.flatMap(rows)


def link_corpus(
    analyses: RDD[tuple[int, str]], settings: LinkSettings | None = None
) -> tuple[RDD[tuple[Any, ...]], RDD[tuple[Any, ...]]]:
    """``(duplicates, stories)`` rows for ``(seq, Analysis JSON)`` pairs in any order."""
    settings = settings or LinkSettings()
    partitions = analyses.getNumPartitions()
    originals, others = classify(analyses, partitions)
    originals = originals.cache()
    groups = group_duplicates(originals, settings, partitions).cache()
    duplicates = groups.union(_others_rows(others, groups, partitions))
    story_rows = link_stories(
        originals.map(lambda item: (item[0].seq, item[1])), settings, partitions
    )
    return duplicates, story_rows
