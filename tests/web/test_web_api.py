"""The REST API in-process over a real SQLite file: filters as the CLI, stable cursors, exports,
limits, write protection, security headers, a schema-driven property test, docs coverage."""

from __future__ import annotations

import csv
import io
import json
import re
import time
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from web_support import HOSTILE_ID, RICH_ID, make_client

from newsgraph.cli import main
from newsgraph.record import Analysis
from newsgraph.store import EventFilter, open_store
from newsgraph.web import views
from newsgraph.web.app import CSP, create_app
from newsgraph.web.runtime import WebSettings

ROOT = Path(__file__).resolve().parents[2]


def gids(rows: list[dict[str, Any]]) -> list[str]:
    return [r["gid"] for r in rows]


@pytest.mark.parametrize(
    ("query", "where"),
    [
        ("", EventFilter()),
        ("type=ASSAULT", EventFilter(types=["ASSAULT"])),
        ("type=ASSAULT&type=PROTEST", EventFilter(types=["ASSAULT", "PROTEST"])),
        ("country=iq", EventFilter(country="IQ")),
        ("since=2021-06-01&until=2021-12-31", EventFilter(since="2021-06-01", until="2021-12-31")),
        ("min_sources=2", EventFilter(min_sources=2)),
        ("near=33.7856,42.4412&radius=30", EventFilter(near=(33.7856, 42.4412), radius_km=30)),
        ("actor=kataib", EventFilter(actor="kataib")),
        ("all=true", EventFilter(include_unreal=True)),
        ("min_confidence=0.5", EventFilter(min_confidence=0.5)),
    ],
)
def test_events_filters_match_the_store(
    client: Any, seeded_db: Path, query: str, where: EventFilter
) -> None:
    with open_store(f"sqlite:///{seeded_db}") as store:
        expected = gids(store.events(where))
    got: list[str] = []
    cursor = None
    while True:
        url = f"/api/v1/events?{query}&limit=37" + (f"&cursor={cursor}" if cursor else "")
        page = client.get(url).json()
        assert page["total"] == len(expected)
        got += gids(page["items"])
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert got == expected


def test_cursor_is_stable_when_earlier_events_arrive(seeded_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "copy.db"
    db.write_bytes(seeded_db.read_bytes())
    app = create_app(f"sqlite:///{db}")
    with make_client(app) as c:
        first = c.get("/api/v1/events?limit=20").json()
        with open_store(f"sqlite:///{db}") as store:
            early = Analysis.from_dict(
                {**store.get(first["items"][0]["article_id"]), "id": "web:early", "url": None}
            )
        early.text = "An earlier report. " + early.text
        early.published = "2000-01-02"
        for event in early.events:
            event.date = event.earliest = event.latest = "2000-01-01"
        with open_store(f"sqlite:///{db}") as store:
            store.put(early)
        c.app.state.ng.cache.clear()  # what a write through the server does
        second = c.get(f"/api/v1/events?limit=20&cursor={first['next_cursor']}").json()
        with open_store(f"sqlite:///{db}") as store:
            order = gids(store.events())
        last = first["items"][-1]["gid"]
        assert gids(second["items"]) == order[order.index(last) + 1 : order.index(last) + 21]
        assert second["total"] == first["total"] + len(early.events)


def test_bad_cursors_are_client_errors(client: Any) -> None:
    page = client.get("/api/v1/events?limit=5").json()
    assert client.get("/api/v1/events?cursor=%%%").status_code in (400, 422)
    assert client.get("/api/v1/events?cursor=bm90IGpzb24").status_code == 400
    other = client.get(f"/api/v1/events?type=PROTEST&cursor={page['next_cursor']}")
    assert other.status_code == 400
    assert "another query" in other.json()["detail"]


def test_limits_are_capped(client: Any) -> None:
    page = client.get("/api/v1/events?limit=10000").json()
    assert len(page["items"]) <= WebSettings().max_page_size
    assert client.get("/api/v1/events?limit=0").status_code == 422
    assert client.get("/api/v1/search?q=" + "a" * 501).status_code == 422
    assert client.get("/api/v1/events?type=" + "A" * 41).status_code == 422
    assert client.get("/api/v1/events?since=yesterday").status_code == 422
    big = client.post("/api/v1/analyze", content=b"x" * 1_000_001)
    assert big.status_code == 413


def test_facets_timeline_and_map_count_every_matching_event(client: Any) -> None:
    page = client.get("/api/v1/events?country=IQ&facets=true&limit=1").json()
    total = page["total"]
    assert sum(n for _, n in page["facets"]["type"]) == total
    assert page["facets"]["country"] == [["IQ", total]]
    timeline = client.get("/api/v1/events/timeline?country=IQ").json()["days"]
    assert sum(n for _, _, n in timeline) == total
    points = client.get("/api/v1/events/map?country=IQ").json()
    assert sum(p["n"] for p in points["points"]) == total
    assert not points["truncated"]


def test_issue6_confidence_facet_counts_and_filters(client: Any, seeded_db: Path) -> None:
    """The "confidence at least" facet counts what its link would list; the table shows it."""
    cuts = dict(client.get("/api/v1/events?facets=true&limit=1").json()["facets"]["min_confidence"])
    with open_store(f"sqlite:///{seeded_db}") as store:
        for cut, n in cuts.items():
            assert n == len(store.events(EventFilter(min_confidence=float(cut))))
    assert cuts
    cut = next(iter(cuts))
    html = client.get(f"/events?min_confidence={cut}").text
    assert "Confidence at least" in html and f"min_confidence: {cut}" in html
    assert 'title="how likely this is a real event of this type (calibrated)"' in html
    assert client.get("/api/v1/events?min_confidence=1.5").status_code == 422


def test_event_known_only_to_a_year_is_listed_but_not_on_the_timeline(
    seeded_db: Path, tmp_path: Path
) -> None:
    # From the bundled demo: an event dated "1989" (from "since 1989") made /events answer 500,
    # as the month facet read it as a month.
    db = tmp_path / "year.db"
    db.write_bytes(seeded_db.read_bytes())
    with open_store(f"sqlite:///{db}") as store:
        first = store.events()[0]
        year = Analysis.from_dict({**store.get(first["article_id"]), "id": "web:year", "url": None})
    year.text = "Back then. " + year.text
    for event in year.events:
        event.date, event.earliest, event.latest = "1989", "1989-01-01", "1989-12-31"
    with open_store(f"sqlite:///{db}") as store:
        store.put(year)
    with make_client(create_app(f"sqlite:///{db}")) as c:
        assert c.get("/events").status_code == 200
        assert ">1989<" in c.get("/events?since=1989-01-01&until=1989-12-31").text
        page = c.get("/api/v1/events?facets=true&limit=1").json()
        assert all(len(month) == 7 for month, _ in page["facets"]["month"])
        days = c.get("/api/v1/events/timeline").json()["days"]
        assert all(len(day) == 10 for day, _, _ in days)
        assert sum(n for _, _, n in days) == page["total"] - len(year.events)


def test_search_returns_snippets_with_marked_words(client: Any) -> None:
    hits = client.get("/api/v1/search?q=rockets&limit=5").json()["hits"]
    assert hits
    assert all("[" in h["snippet"] for h in hits)
    quote_hits = client.get("/api/v1/search?q=targeted").json()["hits"]
    assert any(h["kind"] == "quote" and h["speaker"] == "Wayne Marotto" for h in quote_hits)


def test_article_and_story(client: Any) -> None:
    body = client.get(f"/api/v1/articles/{RICH_ID}").json()
    assert body["analysis"]["id"] == RICH_ID
    assert body["analysis"]["quotes"][0]["speaker"] == "Wayne Marotto"
    assert "text" not in body["article"]
    assert client.get("/api/v1/articles/nope").status_code == 404
    rows = client.get("/api/v1/events?story=&near=33.7856,42.4412&radius=1").json()["items"]
    sid = next(r["story_id"] for r in rows if r["article_id"] == RICH_ID)
    story = client.get(f"/api/v1/stories/{sid}").json()
    assert {e["outlet"] for e in story["events"]} >= {"Rich Wire", "Other Daily"}
    assert any(c["field"] == "injured" for c in story["conflicts"])
    assert client.get("/api/v1/stories/st:none").status_code == 404
    listed = client.get("/api/v1/stories?min_sources=2&limit=3").json()
    assert 0 < len(listed) <= 3
    assert all(s["independent_sources"] >= 2 for s in listed)


def test_exports(client: Any) -> None:
    total = client.get("/api/v1/events?type=ASSAULT").json()["total"]
    as_json = client.get("/api/v1/export/events?type=ASSAULT&format=json")
    assert as_json.headers["content-disposition"].endswith('events.json"')
    assert len(as_json.json()) == total
    as_csv = client.get("/api/v1/export/events?type=ASSAULT&format=csv")
    assert as_csv.headers["content-type"].startswith("text/csv")
    assert len(list(csv.DictReader(io.StringIO(as_csv.text)))) == total
    geo = client.get("/api/v1/export/events?type=ASSAULT&format=geojson").json()
    assert geo["type"] == "FeatureCollection"
    assert all(f["geometry"]["type"] == "Point" for f in geo["features"])
    search = client.get("/api/v1/export/search?q=rockets&format=csv")
    assert search.text.startswith("kind,article_id")
    article = client.get(f"/api/v1/export/articles/{RICH_ID}?format=csv").text
    kinds = {row["kind"] for row in csv.DictReader(io.StringIO(article))}
    assert kinds >= {"event", "actor", "place", "time", "quote", "speaker", "cue", "technique"}
    places = client.get(f"/api/v1/export/articles/{RICH_ID}?format=geojson").json()
    assert places["features"][0]["geometry"]["coordinates"] == [42.4412, 33.7856]
    assert client.get("/api/v1/export/events?format=xml").status_code == 422


def test_csv_export_defuses_formulas(client: Any) -> None:
    text = client.get(f"/api/v1/export/articles/{HOSTILE_ID}?format=csv").text
    text += client.get("/api/v1/export/events?format=csv&country=IQ").text
    for row in csv.reader(io.StringIO(text)):
        assert not any(cell[:1] in "=+@" for cell in row if cell)


def test_security_headers_everywhere(client: Any) -> None:
    for path in ("/", "/events", "/api/v1/stats", "/static/app.css", "/nope", "/openapi.json"):
        response = client.get(path)
        assert response.headers["content-security-policy"] == CSP, path
        assert response.headers["x-content-type-options"] == "nosniff"
    assert "'unsafe-inline'" not in CSP
    assert "script-src 'self'" in CSP


def _pages(client: Any) -> dict[str, str]:
    rows = client.get("/api/v1/events?limit=1&min_sources=2").json()["items"]
    return {
        path: client.get(path).text
        for path in (
            "/",
            "/events",
            "/events?type=ASSAULT&country=IQ",
            f"/articles/{RICH_ID}",
            f"/articles/{HOSTILE_ID}",
            f"/stories/{rows[0]['story_id']}",
            "/stories",
            "/search?q=rockets",
            "/search?q=script",
            "/api/docs",
            "/articles/missing",
        )
    }


class _Tags(HTMLParser):
    """Every start tag with its attributes, as a browser's parser sees them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def test_pages_have_no_inline_scripts_or_handlers(client: Any) -> None:
    for path, html in _pages(client).items():
        parser = _Tags()
        parser.feed(html)
        assert parser.tags, path
        for tag, attrs in parser.tags:
            assert not any(name.startswith("on") for name in attrs), (path, tag, attrs)
            assert "style" not in attrs, (path, tag, attrs)
            href = (attrs.get("href") or "").strip().lower()
            assert not href.startswith(("javascript:", "data:", "vbscript:")), (path, attrs)
            if tag == "script":
                src = attrs.get("src") or ""
                assert src.startswith("/static/") or attrs.get("type") == "application/json", (
                    path,
                    attrs,
                )


def test_hostile_article_is_escaped_in_html(client: Any) -> None:
    html = client.get(f"/articles/{HOSTILE_ID}").text
    assert "&lt;script&gt;</span>window.__pwned = 1;" in html  # "<script>" is a mention
    assert "<script>window.__pwned" not in html
    assert "&lt;img src=x onerror=" in html
    assert "javascript:alert(&#39;url&#39;)" in html  # shown as text, not a link
    data = re.search(r'<script type="application/json" id="ng-anns">(.*?)</script>', html, re.S)
    assert data is not None and "<" not in data.group(1)
    assert json.loads(data.group(1))
    events = client.get("/events?country=IQ").text
    assert "<img src=x onerror" not in events
    assert "&lt;img src=x onerror=alert(&#39;actor&#39;)&gt;" in events


def test_pages_render_and_errors_are_pages(client: Any) -> None:
    for path, html in _pages(client).items():
        assert html.startswith("<!DOCTYPE html>"), path
    missing = client.get("/articles/missing")
    assert missing.status_code == 404
    assert "no such article" in missing.text
    assert client.get("/events?country=Iraq").status_code == 422
    article = client.get(f"/articles/{RICH_ID}").text
    for kind in ("event", "actor", "place", "time", "quote", "speaker", "cue", "technique"):
        assert f"k-{kind}" in article, kind
    assert "role-relay" in article and "role-channel" in article
    # issue 5: an event's details say on whose word it is reported
    assert '"according_to": "the outlet"' in article
    assert 'id="no-stories"' in client.get("/stories?min_sources=999").text
    assert 'id="no-stories"' not in client.get("/stories?min_sources=1").text


def test_analyze_is_refused_on_a_read_only_server(client: Any) -> None:
    response = client.post("/api/v1/analyze", json={"text": "Rockets hit a base."})
    assert response.status_code == 403


def test_analyze_needs_the_token_and_stores(analyzer: Any, seeded_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "write.db"
    db.write_bytes(seeded_db.read_bytes())
    app = create_app(f"sqlite:///{db}", allow_write=True, token="s3cret", analyzer=lambda: analyzer)
    text = "Gunmen killed three police officers in Kirkuk on Monday, officials said."
    with make_client(app) as c:
        assert c.post("/api/v1/analyze", json={"text": text}).status_code == 401
        wrong = {"Authorization": "Bearer nope"}
        assert c.post("/api/v1/analyze", json={"text": text}, headers=wrong).status_code == 401
        good = {"Authorization": "Bearer s3cret"}
        body = {"text": text, "published": "2021-07-08", "id": "web:posted", "store": True}
        response = c.post("/api/v1/analyze", json=body, headers=good)
        assert response.status_code == 200, response.text
        assert response.json()["stored"] == {"status": "new", "article_id": "web:posted"}
        assert response.json()["analysis"]["events"]
        assert c.get("/api/v1/articles/web:posted").status_code == 200
        assert c.post("/api/v1/analyze", json={"text": ""}, headers=good).status_code == 422


def test_write_needs_a_token() -> None:
    with pytest.raises(Exception, match="token"):
        create_app("sqlite:///unused.db", allow_write=True)


def test_timeouts_answer_504(seeded_db: Path) -> None:
    app = create_app(f"sqlite:///{seeded_db}", settings=WebSettings(query_timeout_s=0))
    with make_client(app) as c:
        assert c.get("/api/v1/stats").status_code == 504
        assert c.get("/events?type=PROTEST").status_code == 504


def test_serve_refuses_a_missing_database(tmp_path: Path) -> None:
    assert main(["serve", "--db", f"sqlite:///{tmp_path / 'none.db'}"]) == 2
    assert not (tmp_path / "none.db").exists()


def test_serve_write_needs_a_token(seeded_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEWSGRAPH_TOKEN", raising=False)
    assert main(["serve", "--db", f"sqlite:///{seeded_db}", "--allow-write"]) == 2


def _routes(client: Any) -> list[tuple[str, str]]:
    return [
        (method.upper(), path)
        for path, ops in client.get("/openapi.json").json()["paths"].items()
        for method in ops
    ]


def test_docs_list_every_route(client: Any) -> None:
    docs = (ROOT / "docs" / "web.md").read_text("utf-8")
    for method, path in _routes(client):
        assert f"`{method} {path}`" in docs, (method, path)
    pages = [getattr(route, "path", "") for route in views.build_router().routes]
    assert "/events" in pages
    for path in [*pages, "/openapi.json", "/static"]:
        assert f"`{path}`" in docs, path


def _value(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    """Values for a parameter: anything of its type, often valid, sometimes not."""
    kind = schema.get("type")
    if "anyOf" in schema:
        return st.one_of(*(_value(s) for s in schema["anyOf"] if s.get("type") != "null"))
    if kind == "array":
        return st.lists(_value(schema.get("items", {})), max_size=3)
    if kind == "integer":
        return st.integers(-5, 20_000)
    if kind == "number":
        return st.floats(-1e6, 1e6, allow_nan=False)
    if kind == "boolean":
        return st.booleans()
    options: list[st.SearchStrategy[Any]] = [st.text(max_size=60)]
    if "pattern" in schema:
        options.append(st.from_regex(schema["pattern"], fullmatch=True))
    if "enum" in schema:
        options.append(st.sampled_from(schema["enum"]))
    return st.one_of(*options)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_property_no_server_errors_on_any_get(client: Any, data: st.DataObject) -> None:
    """Schema-driven: every GET route of /openapi.json with generated parameters answers < 500."""
    schema = client.get("/openapi.json").json()
    path, op = data.draw(
        st.sampled_from(
            [(p, ops["get"]) for p, ops in sorted(schema["paths"].items()) if "get" in ops]
        )
    )
    query: list[tuple[str, str]] = []
    for param in op.get("parameters", []):
        if param["in"] == "path":
            value = data.draw(st.one_of(st.text(min_size=1, max_size=40), st.just(RICH_ID)))
            path = path.replace("{" + param["name"] + "}", quote(value, safe=""))
        elif param["in"] == "query" and (param.get("required") or data.draw(st.booleans())):
            value = data.draw(_value(param.get("schema", {})))
            for item in value if isinstance(value, list) else [value]:
                query.append(
                    (param["name"], str(item).lower() if isinstance(item, bool) else str(item))
                )
    response = client.get(path, params=query)
    assert response.status_code < 500, (path, query, response.text[:300])


def test_stale_index_is_served_then_refreshed(seeded_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "stale.db"
    db.write_bytes(seeded_db.read_bytes())
    app = create_app(f"sqlite:///{db}", settings=WebSettings(cache_ttl_s=0, warm_start=False))
    with make_client(app) as c:
        before = c.get("/api/v1/events?limit=1").json()["total"]
        with open_store(f"sqlite:///{db}") as store:
            extra = Analysis.from_dict({**store.get(RICH_ID), "id": "web:extra", "url": None})
            extra.text = "A later report. " + extra.text
            store.put(extra)
        assert c.get("/api/v1/events?limit=1").json()["total"] == before  # stale, refreshing
        deadline = time.monotonic() + 10
        while c.get("/api/v1/events?limit=1").json()["total"] == before:
            assert time.monotonic() < deadline
            time.sleep(0.05)
        assert c.get("/api/v1/events?limit=1").json()["total"] == before + 1
