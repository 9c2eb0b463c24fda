"""Fixtures of the web tests: a seeded SQLite database and an in-process client over it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from web_support import make_client, seed

from newsgraph.web.app import create_app
from newsgraph.web.runtime import WebSettings


@pytest.fixture(scope="session")
def seeded_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("web") / "web.db"
    seed(path)
    return path


@pytest.fixture(scope="module")
def client(seeded_db: Path) -> Iterator[Any]:
    app = create_app(f"sqlite:///{seeded_db}", settings=WebSettings(cache_ttl_s=60))
    with make_client(app) as c:
        yield c
