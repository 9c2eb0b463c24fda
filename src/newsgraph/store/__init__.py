"""Storage of analyses behind one interface, chosen by a database URL.

``sqlite:///path.db`` (or a bare path) opens the embedded SQLite store, ``postgresql://…`` a
PostgreSQL database. Both have the same schema (versioned migrations per backend), the same
queries and the same results; see ``docs/corpus.md``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from newsgraph.corpus.dedup import DedupSettings
from newsgraph.corpus.stories import StorySettings
from newsgraph.errors import StoreError
from newsgraph.store.base import EventFilter, PutResult, SearchHit, Store, canonical_url
from newsgraph.store.sqlite import SQLiteStore

__all__ = [
    "EventFilter",
    "PutResult",
    "SQLiteStore",
    "SearchHit",
    "Store",
    "canonical_url",
    "default_db_url",
    "open_store",
]


def default_db_url() -> str:
    """``sqlite:///`` + ``newsgraph.db`` in the user's data directory.

    ``$XDG_DATA_HOME/newsgraph`` (``~/.local/share/newsgraph`` when unset) on Linux and other
    Unix systems, ``~/Library/Application Support/newsgraph`` on macOS and
    ``%LOCALAPPDATA%\\newsgraph`` on Windows.
    """
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return f"sqlite:///{base / 'newsgraph' / 'newsgraph.db'}"


def open_store(
    url: str,
    *,
    dedup: DedupSettings | None = None,
    stories: StorySettings | None = None,
) -> Store:
    """Open (creating and migrating if needed) the store at ``url``.

    ``sqlite:///relative/path.db``, ``sqlite:////absolute/path.db``, a bare file path, or
    ``postgresql://user:password@host:port/dbname`` (``postgres://`` too; libpq query
    parameters such as ``?options=-csearch_path%3Dmyschema`` are passed through).
    """
    if url.startswith("sqlite:///"):
        return SQLiteStore(Path(url.removeprefix("sqlite:///")), dedup, stories)
    if url.startswith(("postgresql://", "postgres://")):
        from newsgraph.store.postgres import PostgresStore  # psycopg loads only when used

        return PostgresStore(url, dedup, stories)
    if "://" in url:
        scheme = url.split("://", 1)[0]
        raise StoreError(
            f"unsupported database URL scheme {scheme!r}; use sqlite:///path.db or "
            "postgresql://user@host/dbname"
        )
    return SQLiteStore(Path(url), dedup, stories)
