"""``newsgraph ingest``, ``search``, ``events`` and ``export`` against SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from ng_builders import BAGHDAD, REWRITE_TEXT, WIRE_TEXT, analysis, event

from newsgraph.cli import main
from newsgraph.corpus.synthetic import generate, write_corpus
from newsgraph.store import open_store
from newsgraph.store.export import ACLED_COLUMNS


@pytest.fixture
def filled(store_url: str) -> str:
    """A database with hand-built analyses: one story told by two outlets, one arrest."""
    with open_store(store_url) as store:
        store.put(
            analysis(
                "wire-1",
                WIRE_TEXT,
                url="https://wire.example/rockets",
                outlet="Global Wire",
                events=[event(fatalities=0, injured=2, mode=["explosives"])],
                quotes=["the base was targeted by rockets"],
            )
        )
        store.put(
            analysis(
                "ledger-1",
                REWRITE_TEXT,
                url="https://ledger.example/rockets",
                outlet="Daily Ledger",
                published="2021-07-08",
                events=[event(fatalities=3)],
            )
        )
        store.put(
            analysis(
                "arrests",
                "Police arrested ten people in Baghdad on Friday.",
                url="https://ledger.example/arrests",
                outlet="Daily Ledger",
                events=[event(type_="COERCE", day="2021-07-09", place=BAGHDAD, actors=("police",))],
            )
        )
    return store_url


def test_search_prints_highlighted_snippets(
    filled: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "rockets Anbar", "--db", filled]) == 0
    out = capsys.readouterr().out
    assert "[rockets]" in out and "[Anbar]" in out and "https://ledger.example/rockets" in out
    assert main(["search", "targeted", "--db", filled, "--format", "json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert {h["kind"] for h in hits} == {"article", "quote"}
    assert main(["search", "nothingmatches", "--db", filled]) == 1


def test_events_formats_and_filters(filled: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["events", "--db", filled]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split()[:3] == ["date", "type", "actor"] and table[-1] == "3 events"
    assert "according to" in table[0] and "the outlet" in table[1]
    assert main(["events", "--db", filled, "--format", "json", "--min-sources", "2"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["gid"] for r in rows] == ["wire-1/e1", "ledger-1/e1"]
    assert all(r["sources"] == 2 for r in rows)
    args = ["events", "--db", filled, "--format", "csv", "--near", "33.3,44.4", "--radius", "10"]
    assert main(args) == 0
    (row,) = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert row["gid"] == "arrests/e1" and row["type"] == "COERCE"
    assert (
        main(["events", "--db", filled, "--type", "ASSAULT", "--stories", "--format", "json"]) == 0
    )
    (story,) = json.loads(capsys.readouterr().out)
    assert story["independent_sources"] == 2
    assert story["conflicts"][0]["field"] == "fatalities"
    assert main(["events", "--db", filled, "--stories"]) == 0
    assert "fatalities: 0 (Global Wire) vs 3 (Daily Ledger)" in capsys.readouterr().out
    assert main(["events", "--db", filled, "--format", "json", "--asserted-by", "party"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["events", "--db", filled, "--format", "json", "--asserted-by", "outlet"]) == 0
    assert {r["asserted_by"] for r in json.loads(capsys.readouterr().out)} == {"outlet"}
    assert main(["events", "--db", filled, "--format", "json", "--min-confidence", "0.95"]) == 0
    assert json.loads(capsys.readouterr().out) == []  # the hand-built events say 0.9


def test_issue6_min_confidence_out_of_range_is_a_usage_error(
    filled: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["events", "--db", filled, "--min-confidence", "1.5"])
    assert exit_.value.code == 2
    assert "expected a number from 0 to 1, got '1.5'" in capsys.readouterr().err


def test_export_formats(filled: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--db", filled, "--format", "jsonl"]) == 0
    analyses = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert {a["id"] for a in analyses} == {"wire-1", "ledger-1", "arrests"}

    assert main(["export", "--db", filled, "--format", "plover-jsonl", "--type", "ASSAULT"]) == 0
    plover = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [p["event"] for p in plover] == [["ASSAULT"], ["ASSAULT"]]
    first = plover[0]
    assert first["date"] == "2021-07-07" and first["quad_code"] == 4
    assert first["actor"] == [{"text": "KH", "entity": "kh"}]
    assert first["event_loc"]["country"] == "IQ" and first["story"]["independent_sources"] == 2
    assert first["cite_info"]["publication"] == "Global Wire"
    assert first["cite_info"]["asserted_by"] == "outlet"

    assert main(["export", "--db", filled, "--format", "acled-csv"]) == 0
    reader = csv.DictReader(io.StringIO(capsys.readouterr().out))
    assert tuple(reader.fieldnames or ()) == ACLED_COLUMNS
    acled = list(reader)
    assert acled[0]["country"] == "Iraq" and acled[0]["latitude"] == "33.7856"
    assert acled[1]["fatalities"] == "3" and acled[1]["event_date"] == "2021-07-07"

    out = tmp_path / "events.geojson"
    assert main(["export", "--db", filled, "--format", "geojson", "-o", str(out)]) == 0
    collection = json.loads(out.read_text("utf-8"))
    assert collection["type"] == "FeatureCollection" and len(collection["features"]) == 3
    assert collection["features"][2]["geometry"]["coordinates"] == [BAGHDAD["lon"], BAGHDAD["lat"]]

    assert main(["export", "--db", filled, "--format", "parquet"]) == 2
    parquet = tmp_path / "events.parquet"
    assert main(["export", "--db", filled, "--format", "parquet", "-o", str(parquet)]) == 0
    table = pq.read_table(parquet)
    assert table.num_rows == 3
    assert table.column("modes").to_pylist()[0] == ["explosives"]
    assert table.schema.field("fatalities").type == "int64"


def test_query_commands_refuse_a_missing_sqlite_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = f"sqlite:///{tmp_path / 'none.db'}"
    for command in (["search", "x"], ["events"], ["export"]):
        assert main([*command, "--db", missing]) == 2
        assert "no database at" in capsys.readouterr().err
    assert not (tmp_path / "none.db").exists()


def test_ingest_mixed_sources_reruns_and_updates(
    store_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    articles = generate(10, seed=31)
    folder = tmp_path / "corpus"
    write_corpus(articles[:6], folder / "jsonl", "jsonl")
    write_corpus(articles[6:9], folder / "pages", "html")
    (folder / "notes.txt").write_text(articles[9].text, "utf-8")
    (folder / "broken.jsonl").write_text('{"text": "ok text here."}\n{broken\n', "utf-8")
    args = ["ingest", str(folder), "--db", store_url, "--quiet", "--no-fetch"]

    assert main(args) == 1  # one bad JSONL line, reported, the rest stored
    captured = capsys.readouterr()
    assert "broken.jsonl:2: NG005" in captured.err
    assert "this run:" in captured.out and "1 failed" in captured.out
    with open_store(store_url) as store:
        first = store.snapshot()
        stored = store.count() + store.counts()["copies"]
    assert stored == 11

    assert main(args) == 1
    assert "0 new, 0 updated, 0 exact copies, 11 unchanged, 1 failed" in capsys.readouterr().out
    with open_store(store_url) as store:
        assert store.snapshot() == first

    # A corrected version of a page (same URL, new text) replaces the stored one.
    record = articles[0].record()
    record["text"] += "\n\nCorrection: an earlier version misstated the toll."
    update = tmp_path / "update.jsonl"
    update.write_text(json.dumps(record) + "\n", "utf-8")
    assert main(["ingest", str(update), "--db", store_url, "--quiet"]) == 0
    assert "0 new, 1 updated" in capsys.readouterr().out
    with open_store(store_url) as store:
        assert store.count() + store.counts()["copies"] == 11
        assert store.search("misstated")[0].url == articles[0].url
