"""Paths and skips shared by the tests (importable as ``support``: tests/ is on pythonpath).

Kept out of conftest.py so that test modules import it by a unique name: several conftest.py
files exist in the tree, and ``from conftest import …`` would pick whichever came first.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
TASNIM = SHARED / "examples" / "tasnim-2021-07"


def shared_file(relative: str) -> Path:
    """A file under ../shared/data, or skip the test with the reason."""
    path = SHARED / "data" / relative
    if not path.exists():
        pytest.skip(f"development data not found at {path} (../shared is not checked out)")
    return path
