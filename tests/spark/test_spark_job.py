"""The Spark job on ``local[2]``: same output as ``newsgraph analyze --jsonl``, record for record;
failures in the errors table; ``newsgraph load`` gives the same store rows as ``ingest``."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from newsgraph.cli import main
from newsgraph.config import load_config
from newsgraph.corpus.sources import SourceError
from newsgraph.corpus.synthetic import generate
from newsgraph.corpus.warc import iter_warc
from newsgraph.pipeline import Analyzer
from newsgraph.spark import __main__ as spark_main
from newsgraph.spark.job import JobError, JobOptions, run_job
from newsgraph.spark.output import find_table, iter_analysis_json
from newsgraph.spark.tables import PARTITION_COLUMN, RECORD_TABLES

N_ARTICLES = 240


@pytest.fixture(scope="module")
def corpus(
    tmp_path_factory: pytest.TempPathFactory,
    make_corpus: Any,
    jsonl_writer: Any,
    bad_lines: tuple[bytes, ...],
) -> Path:
    """A few hundred varied articles with the bad lines spread among them."""
    folder = tmp_path_factory.mktemp("spark-corpus")
    return jsonl_writer(folder / "corpus.jsonl", make_corpus(N_ARTICLES, seed=10), bad_lines)


@pytest.fixture(scope="module")
def cli_lines(corpus: Path) -> list[str]:
    """What ``newsgraph analyze --jsonl`` prints for the corpus (run in-process)."""
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = main(["analyze", "--jsonl", str(corpus)])
    assert code == 1  # the bad lines
    return out.getvalue().splitlines()


@pytest.fixture(scope="module")
def parquet_run(
    spark: Any,
    corpus: Path,
    tmp_path_factory: pytest.TempPathFactory,
    bad_lines: tuple[bytes, ...],
) -> Path:
    output = tmp_path_factory.mktemp("spark-out") / "run"
    options = JobOptions(partitions=3, link=True)
    result = run_job(spark, [str(corpus)], str(output), load_config(), options)
    assert (result.analyses, result.errors) == (N_ARTICLES, len(bad_lines))
    assert result.tables[-2:] == ("duplicates", "stories")
    return output


def test_issue10_parquet_analyses_equal_cli_output(parquet_run: Path, cli_lines: list[str]) -> None:
    table = find_table(parquet_run)
    assert table is not None and table.format == "parquet"
    lines = [text for _, text in iter_analysis_json(table)]
    assert len(lines) == len(cli_lines) == N_ARTICLES
    for ours, theirs in zip(lines, cli_lines, strict=True):
        assert ours == theirs


def test_issue10_failures_go_to_the_errors_table(spark: Any, parquet_run: Path) -> None:
    rows = spark.read.parquet(str(parquet_run / "errors")).orderBy("seq").collect()
    assert len(rows) == 6
    reasons = [row["reason"] for row in rows]
    assert [reason[:5] for reason in reasons] == [
        "NG005",
        "NG005",
        "NG001",
        "NG005",
        "NG005",
        "NG005",
    ]
    assert "not valid JSON" in reasons[0] and "not valid UTF-8" in reasons[-1]
    assert [row["article_id"] for row in rows][2:5] == ["bad/empty", "bad/no-text", "bad/date"]
    assert all(row["location"].endswith(f":{row['seq'] + 1}") for row in rows)


def test_record_tables_are_partitioned_by_date(
    spark: Any, parquet_run: Path, cli_lines: list[str]
) -> None:
    analyses = [json.loads(line) for line in cli_lines]
    expected = {
        "articles": len(analyses),
        "entities": sum(len(a["entities"]) for a in analyses),
        "mentions": sum(len(e["mentions"]) for a in analyses for e in a["entities"]),
        "events": sum(len(a["events"]) for a in analyses),
    }
    for name in RECORD_TABLES:
        frame = spark.read.parquet(str(parquet_run / name))
        assert PARTITION_COLUMN in frame.columns
        if name in expected:
            assert frame.count() == expected[name], name
    dates = {p.name for p in (parquet_run / "articles").iterdir() if p.is_dir()}
    assert "published_date=__HIVE_DEFAULT_PARTITION__" in dates  # undated articles
    assert len(dates) > 5
    first = spark.read.parquet(str(parquet_run / "articles")).orderBy("seq").first()
    assert first["article_id"] == analyses[0]["id"] and first["text"] == analyses[0]["text"]


def _rows(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every plain table of a SQLite store, in a canonical order."""
    with sqlite3.connect(db) as con:
        names = [
            r[0]
            for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if not r[0].startswith("sqlite_") and "_fts" not in r[0]
        ]
        return {n: sorted(con.execute(f"SELECT * FROM {n}").fetchall(), key=repr) for n in names}


def test_issue10_load_gives_the_same_store_rows_as_ingest(
    parquet_run: Path, corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    loaded, ingested = tmp_path / "loaded.db", tmp_path / "ingested.db"
    assert main(["load", str(parquet_run), "--db", f"sqlite:///{loaded}", "--quiet"]) == 0
    assert f"loaded {N_ARTICLES} analyses" in capsys.readouterr().out
    assert main(["ingest", str(corpus), "--db", f"sqlite:///{ingested}", "--quiet"]) == 1
    first = _rows(loaded)
    assert first == _rows(ingested)
    assert first["articles"]  # (exact copies of a text are recorded as copies, not articles)
    # Idempotent: a second load changes nothing.
    assert main(["load", str(parquet_run), "--db", f"sqlite:///{loaded}", "--quiet"]) == 0
    assert f"unchanged {N_ARTICLES})" in capsys.readouterr().out
    assert _rows(loaded) == first


def test_issue10_spark_linking_equals_the_store(
    spark: Any, parquet_run: Path, tmp_path: Path
) -> None:
    """`--link` gives the near-duplicate groups and stories `newsgraph load` makes in a store."""
    db = tmp_path / "loaded.db"
    assert main(["load", str(parquet_run), "--db", f"sqlite:///{db}", "--quiet"]) == 0
    with sqlite3.connect(db) as con:
        groups = {
            r[0]: (r[1], r[2])
            for r in con.execute("SELECT id, dup_group, dup_similarity FROM articles")
        }
        stories = dict(con.execute("SELECT gid, story_id FROM events WHERE story_id IS NOT NULL"))
    duplicates = spark.read.parquet(str(parquet_run / "duplicates")).collect()
    originals = {
        r["article_id"]: (r["dup_group"], r["dup_similarity"])
        for r in duplicates
        if r["status"] == "original"
    }
    assert originals == groups
    assert any(group != article for article, (group, _) in groups.items())  # near-duplicates
    linked = spark.read.parquet(str(parquet_run / "stories")).collect()
    assert {r["gid"]: r["story_id"] for r in linked} == stories
    assert stories


def test_issue10_warc_input_gives_what_ingest_analyses(
    spark: Any, tmp_path: Path, warc_writer: Any
) -> None:
    """Archived HTML pages are read with the corpus layer's WARC reader: the Spark run
    analyses exactly the records `newsgraph ingest` would, in archive order."""
    articles = generate(4, seed=21)
    pages = [(a.url, "text/html; charset=utf-8", a.html().encode("utf-8")) for a in articles]
    pages.insert(2, ("https://crawl.example/logo", "image/png", b"\x89PNG...."))
    pages.append(("https://crawl.example/empty", "text/html", b"<html><body></body></html>"))
    (tmp_path / "in").mkdir()
    archive = warc_writer(tmp_path / "in" / "crawl.warc.gz", pages)
    output = tmp_path / "out"
    options = JobOptions(output_format="jsonl", partitions=2)
    result = run_job(spark, [str(tmp_path / "in")], str(output), load_config(), options)
    assert (result.analyses, result.errors) == (4, 1)
    records = [item for _, item in iter_warc(archive) if not isinstance(item, SourceError)]
    expected = [a.to_json() for a in Analyzer(config=load_config()).analyze_many(records)]
    table = find_table(output)
    assert table is not None
    assert [text for _, text in iter_analysis_json(table)] == expected
    errors = _jsonl_errors(output)
    assert [e["reason"][:5] for e in errors] == ["NG001"]
    assert errors[0]["location"].startswith(f"file:{archive}@")


def _jsonl_errors(output: Path) -> list[dict[str, Any]]:
    """The ``errors`` rows of a JSONL run, in part order."""
    return [
        json.loads(line)
        for p in sorted((output / "errors").glob("part-*"))
        for line in p.read_text().splitlines()
    ]


def test_issue10_jsonl_run_of_a_folder_through_the_spark_submit_entry(
    spark: Any,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    make_corpus: Any,
    jsonl_writer: Any,
) -> None:
    """Text, HTML and JSONL files of a folder, in sorted path order, as `analyze` sees them."""
    folder = tmp_path / "in"
    (folder / "b").mkdir(parents=True)
    records = make_corpus(6, seed=3)
    (folder / "a.txt").write_text(records[0]["text"], "utf-8")
    (folder / "b" / "c.html").write_text(
        f"<html><head><title>T</title></head><body><p>{records[1]['text']}</p></body></html>",
        "utf-8",
    )
    jsonl_writer(folder / "b" / "d.jsonl", records[2:5])
    (folder / "e.txt").write_bytes(b"")  # NG001, to the errors table
    (folder / "_ignored.txt").write_text("Hidden files are skipped, as Hadoop does.", "utf-8")
    (folder / "f.text").write_bytes(records[5]["text"].encode("cp1252", errors="replace"))
    output = tmp_path / "out"
    code = spark_main.run(["analyze", str(folder), str(output), "--format", "jsonl"])
    assert code == 1  # one error
    assert "6 analyses, 1 errors" in capsys.readouterr().out
    expected = []
    for path in (folder / "a.txt", folder / "b" / "c.html"):
        assert main(["analyze", str(path)]) == 0
        expected.append(capsys.readouterr().out.strip())
    main(["analyze", "--jsonl", str(folder / "b" / "d.jsonl")])
    expected.extend(capsys.readouterr().out.splitlines())
    assert main(["analyze", str(folder / "f.text")]) == 0
    expected.append(capsys.readouterr().out.strip())
    table = find_table(output)
    assert table is not None and table.format == "jsonl"
    assert [text for _, text in iter_analysis_json(table)] == expected
    errors = _jsonl_errors(output)
    assert [e["reason"][:5] for e in errors] == ["NG001"]
    assert errors[0]["location"].endswith("/e.txt")


def test_existing_output_is_refused_before_any_analysis(spark: Any, tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    with pytest.raises(JobError, match="already exists"):
        run_job(spark, [str(tmp_path)], str(tmp_path / "out"), load_config())
    with pytest.raises(JobError, match="no such file"):
        run_job(spark, [str(tmp_path / "missing")], str(tmp_path / "o2"), load_config())
