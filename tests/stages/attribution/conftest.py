"""Analyzers with the attribution stage, with and without the actors stage before it."""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph.config import load_config
from newsgraph.pipeline import Analyzer

STAGE = "newsgraph_attribution"
MODULE = "newsgraph.stages.attribution"


def _config(stages: list[str]) -> dict[str, Any]:
    config = load_config()
    config["pipeline"]["stages"] = stages
    config["pipeline"]["modules"][STAGE] = MODULE
    return config


@pytest.fixture(scope="session")
def attribution_analyzer() -> Analyzer:
    """The backbone and the attribution stage alone (NER names, no entity ids)."""
    return Analyzer(config=_config([STAGE]))


@pytest.fixture(scope="session")
def full_analyzer() -> Analyzer:
    """Actors then attribution: speakers resolve to actor-dictionary entities."""
    return Analyzer(config=_config(["newsgraph_actors", STAGE]))
