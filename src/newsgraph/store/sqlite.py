"""The embedded SQLite store: one file, WAL mode, versioned migrations.

An article is stored once per id (re-ingesting replaces its analysis, never duplicates it), and
each article is committed in its own transaction, so a crash loses at most the article in flight.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newsgraph.errors import StoreError
from newsgraph.record import Analysis

# Each migration moves the schema from version i to i + 1; never edit a released one.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        url TEXT,
        outlet TEXT,
        title TEXT,
        published TEXT,
        language TEXT,
        text TEXT NOT NULL,
        newsgraph_version TEXT NOT NULL,
        analysis TEXT NOT NULL
    );
    CREATE INDEX articles_published ON articles (published);
    CREATE INDEX articles_url ON articles (url);
    """,
)


class SQLiteStore:
    """Analyses in one SQLite file that any SQLite tool can open."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(path)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"cannot open SQLite store {path}: {exc}") from exc

    def _migrate(self) -> None:
        (version,) = self.db.execute("PRAGMA user_version").fetchone()
        if version > len(MIGRATIONS):
            raise StoreError(
                f"{self.path} has schema version {version}, newer than this newsgraph knows"
            )
        for number in range(version, len(MIGRATIONS)):
            with self.db:
                self.db.executescript(
                    f"BEGIN; {MIGRATIONS[number]} PRAGMA user_version = {number + 1}; COMMIT;"
                )

    @property
    def schema_version(self) -> int:
        """The schema version of the open file."""
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    def put(self, analysis: Analysis) -> None:
        """Insert or replace one article's analysis, committed on return."""
        with self.db:
            self.db.execute(
                "INSERT INTO articles (id, url, outlet, title, published, language, text,"
                " newsgraph_version, analysis) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (id) DO UPDATE SET url = excluded.url, outlet = excluded.outlet,"
                " title = excluded.title, published = excluded.published,"
                " language = excluded.language, text = excluded.text,"
                " newsgraph_version = excluded.newsgraph_version,"
                " analysis = excluded.analysis",
                (
                    analysis.id,
                    analysis.url,
                    analysis.outlet,
                    analysis.title,
                    analysis.published,
                    analysis.language,
                    analysis.text,
                    analysis.newsgraph_version,
                    analysis.to_json(),
                ),
            )

    def count(self) -> int:
        """Number of stored articles."""
        return int(self.db.execute("SELECT count(*) FROM articles").fetchone()[0])

    def get(self, article_id: str) -> dict[str, Any] | None:
        """One stored analysis as plain data, or None."""
        row = self.db.execute(
            "SELECT analysis FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return None if row is None else dict(json.loads(row[0]))

    def iter_analyses(self) -> Iterator[dict[str, Any]]:
        """Every stored analysis, oldest publication first."""
        for (data,) in self.db.execute("SELECT analysis FROM articles ORDER BY published, id"):
            yield json.loads(data)

    def close(self) -> None:
        """Close the connection (the WAL is checkpointed by SQLite)."""
        self.db.close()
