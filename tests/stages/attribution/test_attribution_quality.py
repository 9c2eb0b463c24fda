"""Pinned quality floors of the attribution stage on PolNeAR dev (measured, never tuned on).

The cue model is fitted on PolNeAR train only (its threshold and the stage's rules chosen on the
validation part, ``sha256(id) % 5 == 0`` of train); dev is held out. Floors sit a little below
the measured values (docs/attribution.md) so that a regression fails CI; lower them only on
purpose. The issue's cue and source targets (F1 ≥ 0.85) are not reached yet: see
docs/attribution.md.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.evaluate.runner import evaluate_layer
from newsgraph.pipeline import Analyzer

DEV = Path(__file__).resolve().parents[4] / "shared" / "data" / "quotes" / "polnear-dev.jsonl"

FLOORS = {
    "content_partial_f1": 0.784,
    "content_exact_f1": 0.531,
    "cue_partial_f1": 0.750,
    "source_partial_f1": 0.742,
    "cue_exact_f1": 0.673,
    "source_exact_f1": 0.705,
    "attribution_f1": 0.729,
}


def test_polnear_dev_floors(attribution_analyzer: Analyzer) -> None:
    if not DEV.exists():
        pytest.skip(f"development data not found at {DEV} (../shared is not checked out)")
    report = evaluate_layer(attribution_analyzer, "quotes", DEV)
    assert report["crashed"] == 0
    for key, floor in FLOORS.items():
        assert report[key] >= floor, f"{key} = {report[key]} fell below {floor}"
