"""Shared fixtures: one loaded Analyzer per test session (loading costs about a second)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from newsgraph.pipeline import Analyzer, default_analyzer
from support import TASNIM


@pytest.fixture(scope="session")
def analyzer() -> Analyzer:
    """The default pipeline (the same object the CLI uses in-process)."""
    return default_analyzer()


@pytest.fixture(scope="session")
def tasnim() -> dict[str, Any]:
    """The hand-annotated Tasnim article; skipped when ../shared is not beside the repo."""
    path = TASNIM / "expected.jsonl"
    if not path.exists():
        pytest.skip(f"reference example not found at {path} (../shared is not checked out)")
    record: dict[str, Any] = json.loads(path.read_text("utf-8").splitlines()[0])
    return record
