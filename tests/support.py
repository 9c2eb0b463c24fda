"""Paths and skips shared by the tests (importable as ``support``: tests/ is on pythonpath).

Kept out of conftest.py so that test modules import it by a unique name: several conftest.py
files exist in the tree, and ``from conftest import …`` would pick whichever came first.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

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


def script_module(name: str) -> ModuleType:
    """``scripts/<name>.py`` imported as module ``name`` (once per session).

    The build and training scripts are not a package; tests call their functions directly.
    """
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def event_types(analyzer: Any, text: str) -> list[str]:
    """The PLOVER types of the events ``analyzer`` finds in ``text``, in order."""
    return [e.type for e in analyzer.analyze(text).events]


def demo_texts() -> list[str]:
    """The texts of the bundled demo articles (examples/wikinews.jsonl)."""
    path = Path(__file__).resolve().parents[1] / "examples" / "wikinews.jsonl"
    return [json.loads(line)["text"] for line in path.read_text().splitlines() if line]
