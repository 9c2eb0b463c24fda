"""The pipeline: config-driven stages, contracts, streaming, failure isolation, determinism."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph import Failure, analyze, analyze_many
from newsgraph.config import load_config
from newsgraph.errors import ConfigError, EmptyInputError
from newsgraph.pipeline import Analyzer

TEXT = "“We will respond,” the Iraqi minister said in Baghdad on Tuesday."


@Language.factory("test_exploding_stage", assigns=["doc._.ng_events"])
def _make_exploding(nlp: Language, name: str) -> Any:
    def explode(doc: Doc) -> Doc:
        if "boom" in doc.text:
            raise RuntimeError("stage blew up")
        return doc

    return explode


def _config(**changes: Any) -> dict[str, Any]:
    config = copy.deepcopy(load_config())
    config["pipeline"].update(changes)
    return config


def test_analyze_maps_offsets_back_to_original_text() -> None:
    analysis = analyze(TEXT, published="2021-07-06")
    assert analysis.text == TEXT
    for entity in analysis.entities:
        for mention in entity.mentions:
            assert TEXT[mention.start : mention.end] == mention.text
            assert mention.evidence.spans == [(mention.start, mention.end)]


def test_same_input_same_bytes() -> None:
    assert analyze(TEXT).to_json() == analyze(TEXT).to_json()


def test_unknown_stage_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match=r"NG011.*no_such_stage"):
        Analyzer(config=_config(stages=["no_such_stage"]))


def test_unmet_requirement_is_a_config_error() -> None:
    @Language.factory("test_needs_places", requires=["doc._.ng_places"])
    def _make(nlp: Language, name: str) -> Any:
        return lambda doc: doc

    with pytest.raises(ConfigError, match="requirements"):
        Analyzer(config=_config(stages=["test_needs_places"]))


def test_analyze_many_streams_in_order_and_isolates_failures() -> None:
    records: list[dict[str, Any] | str] = [
        {"id": "a", "text": "First story."},
        {"id": "b", "text": ""},
        "A bare string story.",
        {"id": "c", "text": "x", "published": "not a date"},
        {"id": "d", "text": "Last story."},
    ]
    results = list(analyze_many(records, batch_size=2))
    assert len(results) == 5
    assert [type(r).__name__ for r in results] == [
        "Analysis",
        "Failure",
        "Analysis",
        "Failure",
        "Analysis",
    ]
    failure = results[1]
    assert isinstance(failure, Failure) and failure.index == 1 and "NG001" in failure.reason


def test_a_crashing_stage_fails_only_its_article() -> None:
    config = _config(stages=[*load_config()["pipeline"]["stages"], "test_exploding_stage"])
    analyzer = Analyzer(config=config)
    results = list(analyzer.analyze_many(["calm text", "boom text", "more calm"]))
    assert all(not isinstance(r, Failure) for r in results)
    flagged = [r for r in results if not isinstance(r, Failure) and r.warnings]
    assert len(flagged) == 1 and "NG103" in flagged[0].warnings[0]


def test_analyze_many_multiprocess_equals_single() -> None:
    records = [{"id": str(i), "text": f"Police in Lagos arrested {i} men."} for i in range(6)]
    single = [r.to_json() for r in analyze_many(records) if not isinstance(r, Failure)]
    multi = [
        r.to_json()
        for r in analyze_many(records, n_process=2, batch_size=2)
        if not isinstance(r, Failure)
    ]
    assert single == multi and len(single) == 6


def test_bad_input_raises_coded_error() -> None:
    with pytest.raises(EmptyInputError):
        analyze("   ")
