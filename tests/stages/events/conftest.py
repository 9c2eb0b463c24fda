"""The analyzer the events tests share: the backbone and the events stage alone.

The events stage reads the other layers only when they are there, so leaving them out keeps
these tests to this layer; one analyzer per session keeps the spaCy model loaded once.
"""

from __future__ import annotations

import pytest

from newsgraph.config import load_config
from newsgraph.pipeline import Analyzer


@pytest.fixture(scope="session")
def events_only() -> Analyzer:
    config = load_config()
    config["pipeline"]["stages"] = ["newsgraph_events"]
    config["pipeline"]["modules"]["newsgraph_events"] = "newsgraph.stages.events"
    return Analyzer(config=config)
