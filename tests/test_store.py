"""The embedded SQLite store: idempotent re-ingest, migrations, a real file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newsgraph.errors import StoreError
from newsgraph.record import Analysis, Article
from newsgraph.store import open_store
from newsgraph.store.sqlite import MIGRATIONS


def _analysis(text: str = "Text.") -> Analysis:
    return Analysis.from_article(Article(id="a1", text=text, published="2021-07-08"))


def test_put_is_idempotent_and_replaces(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'x.db'}")
    store.put(_analysis())
    store.put(_analysis())
    assert store.count() == 1
    store.put(_analysis("Updated."))
    assert store.count() == 1
    stored = store.get("a1")
    assert stored is not None and stored["text"] == "Updated."
    store.close()


def test_file_is_plain_sqlite_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    open_store(str(path)).close()
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    db.close()


def test_reopening_does_not_rerun_migrations(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    store = open_store(str(path))
    store.put(_analysis())
    store.close()
    again = open_store(str(path))
    assert again.count() == 1 and again.schema_version == len(MIGRATIONS)
    again.close()


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 5}")
    db.close()
    with pytest.raises(StoreError, match="newer"):
        open_store(str(path))


def test_unknown_scheme_is_a_clear_error() -> None:
    with pytest.raises(StoreError, match=r"NG030.*unsupported"):
        open_store("mysql://localhost/x")


def test_issue8_concurrent_opens_of_a_new_file_migrate_once(tmp_path: Path) -> None:
    """Several processes opening one new file at once (a reader polling while ingest creates
    it) must not run a migration twice ("duplicate column name")."""
    import multiprocessing

    path = tmp_path / "race.db"
    with multiprocessing.get_context("spawn").Pool(4) as pool:
        versions = pool.map(_open_and_report, [str(path)] * 8)
    assert versions == [len(MIGRATIONS)] * 8


def _open_and_report(path: str) -> int:
    store = open_store(path)
    try:
        return store.schema_version
    finally:
        store.close()
