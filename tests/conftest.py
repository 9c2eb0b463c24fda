"""Shared fixtures: one loaded Analyzer per test session (loading costs about a second)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newsgraph.pipeline import Analyzer, default_analyzer

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
TASNIM = SHARED / "examples" / "tasnim-2021-07"


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


def shared_file(relative: str) -> Path:
    """A file under ../shared/data, or skip the test with the reason."""
    path = SHARED / "data" / relative
    if not path.exists():
        pytest.skip(f"development data not found at {path} (../shared is not checked out)")
    return path
