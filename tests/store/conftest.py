"""Backends for the store tests: a real SQLite file and a real PostgreSQL database.

PostgreSQL comes from ``NEWSGRAPH_TEST_PG_URL`` (``.ci/run`` starts one with
``scripts/ci_services.sh`` and always sets it). Each store gets its own schema, dropped after
the test, so tests never see each other's rows.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

PG_ENV = "NEWSGRAPH_TEST_PG_URL"


def pg_base_url() -> str:
    """The test server's URL, or skip with the reason."""
    url = os.environ.get(PG_ENV)
    if not url:
        pytest.skip(
            f"{PG_ENV} is not set: start a throwaway PostgreSQL with scripts/ci_services.sh "
            "and export the line it prints (.ci/run does this)"
        )
    return url


@pytest.fixture
def new_pg_url() -> Iterator[Callable[[], str]]:
    """A factory of URLs whose search_path is a fresh, empty schema (dropped afterwards)."""
    import psycopg

    base = pg_base_url()
    schemas: list[str] = []

    def make() -> str:
        schema = f"ng_test_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(base, autocommit=True) as admin:
            admin.execute(f"CREATE SCHEMA {schema}")
        schemas.append(schema)
        separator = "&" if "?" in base else "?"
        return f"{base}{separator}options=-csearch_path%3D{schema}"

    yield make
    with psycopg.connect(base, autocommit=True) as admin:
        for schema in schemas:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def pg_url(new_pg_url: Callable[[], str]) -> str:
    """One fresh PostgreSQL schema."""
    return new_pg_url()


@pytest.fixture(params=["sqlite", "postgresql"])
def new_store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Callable[[], str]:
    """A factory of fresh, empty stores: SQLite files, or PostgreSQL schemas."""
    if request.param == "sqlite":
        counter = iter(range(1_000_000))
        return lambda: f"sqlite:///{tmp_path / f'test-{next(counter)}.db'}"
    factory: Callable[[], str] = request.getfixturevalue("new_pg_url")
    return factory


@pytest.fixture
def store_url(new_store_url: Callable[[], str]) -> str:
    """The same test against a SQLite file and a PostgreSQL schema."""
    return new_store_url()
