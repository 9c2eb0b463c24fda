"""The synthetic corpus generator: seeded, varied, with consistent ground truth."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from newsgraph.corpus.synthetic import generate, gold_analysis, write_corpus


def test_same_seed_same_corpus_other_seed_other_corpus() -> None:
    assert [a.text for a in generate(50, seed=1)] == [a.text for a in generate(50, seed=1)]
    assert [a.text for a in generate(50, seed=1)] != [a.text for a in generate(50, seed=2)]


def test_corpus_has_the_structure_dedup_and_stories_need() -> None:
    articles = generate(300, seed=3)
    assert len(articles) == 300
    assert len({a.url for a in articles}) == 300
    events = Counter(a.truth.event for a in articles if a.truth.event)
    assert max(events.values()) >= 3  # some events are reported by several outlets
    assert sum(a.truth.exact_copy for a in articles) >= 10
    assert sum(a.truth.copy_of is not None and not a.truth.exact_copy for a in articles) >= 10
    assert sum(a.truth.event is None for a in articles) >= 5  # features without events
    assert len({a.outlet for a in articles}) >= 10
    assert len({a.title for a in articles}) > 150  # varied templates
    words = [len(a.text.split()) for a in articles]
    assert 100 <= sum(words) / len(words) <= 400
    # Repeat events: one place, several different days.
    places: dict[str, set[str]] = {}
    for a in articles:
        for e in a.truth.events:
            places.setdefault(e["place"]["text"], set()).add(e["date"])
    assert any(len(days) >= 3 for days in places.values())


def test_gold_analysis_spans_point_at_the_text() -> None:
    for article in generate(40, seed=4):
        analysis = gold_analysis(article)
        for entity in analysis.entities:
            for m in entity.mentions:
                assert analysis.text[m.start : m.end] == m.text == entity.name
        for place in analysis.places:
            assert analysis.text[place.start : place.end] == place.text
        assert len(analysis.events) == len(article.truth.events)
        json.loads(analysis.to_json())


def test_write_corpus_formats(tmp_path: Path) -> None:
    articles = generate(6, seed=5)
    (jsonl,) = write_corpus(articles, tmp_path / "j", "jsonl")
    lines = [json.loads(x) for x in jsonl.read_text("utf-8").splitlines()]
    assert [x["url"] for x in lines] == [a.url for a in articles]
    html = write_corpus(articles, tmp_path / "h", "html")
    assert len(html) == 6 and html[0].read_text("utf-8").startswith("<!DOCTYPE html>")
    txt = write_corpus(articles, tmp_path / "t", "txt")
    assert txt[0].read_text("utf-8") == articles[0].text
