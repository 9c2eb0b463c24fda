"""Issue 6: every Event's confidence is a calibrated probability that it is a real event of
its type, judged on whole articles, where most coded clauses are not events
(``stages/events/confidence.py``, ``scripts/build_events_confidence.py``)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest
from sklearn.metrics import brier_score_loss, roc_auc_score

from newsgraph.pipeline import Analyzer
from newsgraph.stages.events.confidence import CONFIDENCE_PATH

ROOT = Path(__file__).resolve().parents[3]
SHARED = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT / "scripts"))
from build_events_confidence import FIT_SOURCES, JUDGEMENTS, judged_examples, main  # noqa: E402

# Measured once with the model of the 2026-12-03 opinion round (docs/events.md); lowered on
# purpose after the sixth precision round, which removed 52 false events the model had ranked
# low: the stage's precision rose (test 0.220 -> 0.241), the ranking of what is left fell
# (AUC 0.757 -> 0.715, skill 0.117 -> 0.06). See docs/events.md, "Event confidence".
PRECISION_FLOOR = 0.23
AUC_FLOOR = 0.70
SKILL_FLOOR = 0.05

REAL = [
    "Gunmen killed 12 villagers in Borno state on Monday, police said.",
    "Israeli jets struck a weapons depot near Hama on Sunday.",
    "Police arrested 30 protesters in Minsk on Saturday.",
    "The European Union imposed sanctions on Belarus on Friday.",
]
TALK = [
    "I think the new plan will work for everyone.",
    "What do you think?",
    "The nomination is exploding in his face.",
    "Other unforeseen events also surrounded the summit.",
]


def _confidences(analyzer: Analyzer, texts: list[str]) -> list[float]:
    return [
        e.evidence.confidence
        for text in texts
        for e in analyzer.analyze(text, published="2021-07-08").events
    ]


def test_issue6_confidence_ranks_reported_acts_above_talk(analyzer: Analyzer) -> None:
    real = _confidences(analyzer, REAL)
    talk = _confidences(analyzer, TALK)
    assert len(real) >= len(REAL) and talk  # the rules code all of them: the model must sort
    assert min(real) > max(talk)


def _shared(source: str) -> Path:
    path = SHARED / source
    if not path.exists():
        pytest.skip(f"development data not found at {path} (../shared is not checked out)")
    return path


def test_issue6_confidence_on_judgements_never_fitted(analyzer: Analyzer) -> None:
    """The judged events of PolNeAR articles (political news) are not fitted on: the shipped
    model ranks and calibrates them (docs/events.md: AUC 0.757, Brier 0.174 against 0.197 for
    the fitting part's share of real events as a constant, a skill of 0.117)."""
    _shared("quotes/polnear-train.jsonl")
    rows = [json.loads(line) for line in JUDGEMENTS.read_text("utf-8").splitlines()]
    test = [r for r in rows if r["source"] not in FIT_SOURCES]
    examples = judged_examples(analyzer, test, SHARED)
    labels = np.array([e[3] for e in examples])
    # Precision rounds remove false events (76 judged, 54 still coded after the sixth): the
    # guard counts the real ones, which the rules must keep (all 13 so far); far fewer would
    # mean the judgements no longer fit the stage.
    assert labels.sum() >= 0.75 * sum(r["real"] for r in test)
    probs = [e[4] for e in examples]  # the stage's own confidence is what users see
    # The stage's own precision on these whole articles (docs/events.md: 0.171 before the
    # 2026-12-03 precision rounds, then 0.197, then 0.220 after the opinion round): most coded
    # clauses are still no events.
    assert labels.mean() >= PRECISION_FLOOR
    assert roc_auc_score(labels, probs) >= AUC_FLOOR
    # Calibration against the best the stage could say without features: the fitting part's
    # share of real events as a constant. The raw Brier score is not floored: it grows as the
    # rules remove false events (a constant at the base rate p scores p(1 - p)), so an
    # absolute floor would punish precision (docs/events.md, "Event confidence").
    share = json.loads(CONFIDENCE_PATH.read_text("utf-8"))["real_share"]
    constant = brier_score_loss(labels, np.full(len(labels), share))
    assert 1 - brier_score_loss(labels, probs) / constant >= SKILL_FLOOR


def test_issue6_confidence_model_rebuilds_byte_identical(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for source in FIT_SOURCES:
        _shared(source)
    out = tmp_path / "confidence.json"
    monkeypatch.setattr(sys, "argv", ["build_events_confidence.py", "--output", str(out)])
    main()
    assert out.read_bytes() == CONFIDENCE_PATH.read_bytes()
