"""Storage of analyses behind one interface, chosen by a database URL.

Only the embedded SQLite store exists so far (``sqlite:///path.db``); the corpus layer adds
PostgreSQL under the same interface.
"""

from __future__ import annotations

from pathlib import Path

from newsgraph.errors import StoreError
from newsgraph.store.sqlite import SQLiteStore

__all__ = ["SQLiteStore", "open_store"]


def open_store(url: str) -> SQLiteStore:
    """Open (creating and migrating if needed) the store at ``url``.

    ``sqlite:///relative/path.db``, ``sqlite:////absolute/path.db`` or a bare file path.
    """
    if url.startswith("sqlite:///"):
        return SQLiteStore(Path(url.removeprefix("sqlite:///")))
    if "://" in url:
        scheme = url.split("://", 1)[0]
        raise StoreError(f"unsupported database URL scheme {scheme!r}; use sqlite:///path.db")
    return SQLiteStore(Path(url))
