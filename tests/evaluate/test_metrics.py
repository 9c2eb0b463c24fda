"""Hand-computed cases for every metric of ``newsgraph.evaluate.metrics``.

All documents are tiny synthetic ones built here; no gold data is copied into the repository.
The expected numbers are worked out by hand in the comments next to each case.
"""

from __future__ import annotations

import json
import math
from typing import Any

import pytest

from newsgraph.evaluate.metrics import LAYERS, format_report, score_layer
from newsgraph.geo import haversine_km

TEXT = "x" * 300
BAGHDAD = (33.3152, 44.3661)
RAMADI = (33.4258, 43.2994)
MOSUL = (36.335, 43.1189)
LONDON = (51.5085, -0.1257)


def doc(
    layer: str, items: list[dict[str, Any]], doc_id: str = "d1", text: str = TEXT
) -> dict[str, Any]:
    """A minimal FORMAT.md document carrying one layer."""
    return {"id": doc_id, "text": text, "published": None, layer: items}


def approx(value: float) -> Any:
    """Results are rounded to 4 decimals, so compare at that precision."""
    return pytest.approx(round(value, 4), abs=1e-9)


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


# ----------------------------------------------------------------------------------------------
# Shared behaviour
# ----------------------------------------------------------------------------------------------


def test_unknown_layer_is_rejected() -> None:
    with pytest.raises(ValueError, match=r"unknown layer 'entities'; expected one of times"):
        score_layer("entities", [])


def test_layers_constant() -> None:
    assert LAYERS == ("times", "places", "quotes", "techniques", "events")


@pytest.mark.parametrize("layer", LAYERS)
def test_no_documents_gives_zeros_not_errors(layer: str) -> None:
    result = score_layer(layer, [])
    assert result["layer"] == layer
    assert (result["docs"], result["docs_skipped"], result["crashed"]) == (0, 0, 0)
    json.dumps(result, allow_nan=False)
    assert format_report(result).startswith(f"{layer}: 0 documents scored")


def test_docs_lacking_the_layer_are_skipped() -> None:
    annotated = doc("times", [{"start": 0, "end": 4, "type": "DATE", "value": "2013"}])
    unannotated = {"id": "d2", "text": TEXT, "places": []}
    result = score_layer("times", [(annotated, annotated), (unannotated, None)])
    assert result["docs"] == 1
    assert result["docs_skipped"] == 1
    assert result["crashed"] == 0  # a skipped document is not scored, crashed or not
    assert result["relaxed_f1"] == 1.0


def test_empty_gold_list_is_scored_and_predictions_there_are_false_positives() -> None:
    gold = doc("times", [])
    pred = doc("times", [{"start": 0, "end": 4, "type": "DATE", "value": "2013"}])
    result = score_layer("times", [(gold, pred)])
    assert result["docs"] == 1
    assert result["predicted_items"] == 1
    assert result["relaxed_p"] == 0.0
    assert result["relaxed_r"] == 0.0  # denominator 0 gives 0.0, not an error


def test_crash_counts_every_gold_item_as_missed() -> None:
    items = [{"start": 0, "end": 4, "type": "DATE", "value": "2013"}]
    gold1, gold2 = doc("times", items, "d1"), doc("times", items, "d2")
    result = score_layer("times", [(gold1, gold1), (gold2, None)])
    assert result["crashed"] == 1
    assert result["docs"] == 2
    assert result["gold_items"] == 2
    assert result["relaxed_p"] == 1.0
    assert result["relaxed_r"] == 0.5


def test_missing_layer_in_prediction_means_nothing_predicted() -> None:
    gold = doc("places", [{"start": 0, "end": 4, "lat": 1.0, "lon": 2.0}])
    result = score_layer("places", [(gold, {"id": "d1"})])
    assert result["crashed"] == 0
    assert result["recognition_r"] == 0.0


def test_mis_paired_documents_are_rejected() -> None:
    with pytest.raises(ValueError, match="mis-paired"):
        score_layer("times", [(doc("times", [], "a"), doc("times", [], "b"))])


@pytest.mark.parametrize(
    "item",
    [
        {"start": 5, "end": 5},
        {"start": 6, "end": 2},
        {"start": "0", "end": 3},
        {"start": True, "end": 3},
    ],
)
def test_malformed_spans_are_rejected(item: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match="predicted times of document 'd1'"):
        score_layer("times", [(doc("times", []), doc("times", [item]))])


def test_results_are_rounded_and_json_serialisable() -> None:
    gold = doc("times", [{"start": 0, "end": 4, "type": "DATE", "value": "2013"}])
    pred = doc("times", [{"start": s, "end": s + 4} for s in (0, 10, 20)])
    result = score_layer("times", [(gold, pred)])
    assert result["relaxed_p"] == 0.3333
    json.loads(json.dumps(result, allow_nan=False))


# ----------------------------------------------------------------------------------------------
# times
# ----------------------------------------------------------------------------------------------


TIMES_GOLD = [
    {"start": 0, "end": 10, "type": "DATE", "value": "2013-03-15"},
    {"start": 20, "end": 25, "type": "DURATION", "value": "P3D"},
    {"start": 40, "end": 45, "type": "DATE", "value": "2013"},
]


def test_times_perfect() -> None:
    gold = doc("times", TIMES_GOLD)
    result = score_layer("times", [(gold, gold)])
    for key in ("strict", "relaxed"):
        assert result[f"{key}_p"] == result[f"{key}_r"] == result[f"{key}_f1"] == 1.0
    for key in ("type_acc", "type_f1", "value_acc", "value_f1"):
        assert result[key] == 1.0


def test_times_empty_prediction() -> None:
    result = score_layer("times", [(doc("times", TIMES_GOLD), doc("times", []))])
    assert result["strict_r"] == result["relaxed_r"] == 0.0
    assert result["type_acc"] is None  # nothing matched, nothing to be accurate about
    assert result["type_f1"] == result["value_f1"] == 0.0


def test_times_strict_relaxed_and_attributes() -> None:
    pred = [
        {"start": 0, "end": 10, "type": "DATE", "value": "2013-03-15"},  # exact, all right
        {"start": 18, "end": 25, "type": "DATE", "value": "P3D"},  # overlap, type wrong
        {"start": 50, "end": 55, "type": "DATE", "value": "2014"},  # spurious
    ]
    result = score_layer("times", [(doc("times", TIMES_GOLD), doc("times", pred))])
    # strict: 1 of 3 predicted, 1 of 3 gold
    assert result["strict_tp"] == 1
    assert result["strict_p"] == result["strict_r"] == result["strict_f1"] == approx(1 / 3)
    # relaxed: 2 of 3 both ways
    assert result["relaxed_tp"] == 2
    assert result["relaxed_f1"] == approx(2 / 3)
    # type right on 1 of 2 matched pairs; value right on 2 of 2
    assert result["type_acc"] == 0.5
    assert result["type_f1"] == approx(0.5 * 2 / 3)
    assert result["value_acc"] == 1.0
    assert result["value_f1"] == approx(2 / 3)


def test_times_relaxed_matching_is_one_to_one() -> None:
    gold = [{"start": 0, "end": 10, "type": "DATE", "value": "2013"}]
    pred = [{"start": 0, "end": 5}, {"start": 5, "end": 10}]
    result = score_layer("times", [(doc("times", gold), doc("times", pred))])
    assert result["relaxed_tp"] == 1
    assert result["relaxed_p"] == 0.5
    assert result["relaxed_r"] == 1.0


def test_times_exact_match_preferred_over_containing_span() -> None:
    gold = [{"start": 5, "end": 10, "type": "DATE", "value": "2013"}]
    pred = [
        {"start": 0, "end": 10, "type": "DATE", "value": "wrong"},
        {"start": 5, "end": 10, "type": "DATE", "value": "2013"},
    ]
    result = score_layer("times", [(doc("times", gold), doc("times", pred))])
    assert result["value_acc"] == 1.0


def test_times_null_gold_value_is_left_out_of_value_accuracy() -> None:
    gold: list[dict[str, Any]] = [
        {"start": 0, "end": 5, "type": None, "value": None},
        {"start": 10, "end": 15, "type": "DATE", "value": "2013"},
    ]
    pred = [
        {"start": 0, "end": 5, "type": "DATE", "value": "2012"},
        {"start": 10, "end": 15, "type": "DATE", "value": "2013"},
    ]
    result = score_layer("times", [(doc("times", gold), doc("times", pred))])
    assert result["relaxed_f1"] == 1.0
    assert result["value_n"] == result["type_n"] == 1
    assert result["value_acc"] == result["type_acc"] == 1.0


# ----------------------------------------------------------------------------------------------
# places
# ----------------------------------------------------------------------------------------------


def place(start: int, end: int, point: tuple[float, float] | None) -> dict[str, Any]:
    lat, lon = point if point is not None else (None, None)
    return {"start": start, "end": end, "lat": lat, "lon": lon, "geonameid": None}


def test_haversine_sanity() -> None:
    assert 95 < haversine_km(*BAGHDAD, *RAMADI) < 105  # about 100 km by road-free distance
    assert haversine_km(*BAGHDAD, *BAGHDAD) == 0.0
    assert haversine_km(*RAMADI, *BAGHDAD) == pytest.approx(haversine_km(*BAGHDAD, *RAMADI))
    assert haversine_km(0.0, 0.0, 0.0, 180.0) == pytest.approx(math.pi * 6371.0088)


def test_places_perfect() -> None:
    gold = doc("places", [place(0, 7, BAGHDAD), place(12, 18, RAMADI)])
    result = score_layer("places", [(gold, gold)])
    assert result["recognition_f1"] == 1.0
    assert result["acc161"] == result["acc161_all"] == 1.0
    assert result["mean_error_km"] == result["median_error_km"] == 0.0
    assert result["auc_error"] == 0.0


def test_places_empty_prediction() -> None:
    gold = doc("places", [place(0, 7, BAGHDAD)])
    result = score_layer("places", [(gold, doc("places", []))])
    assert result["recognition_r"] == 0.0
    assert result["acc161_all"] == 0.0
    assert result["acc161"] is None
    assert result["mean_error_km"] is None
    assert result["auc_error"] is None


def test_places_recognition_and_geocoding() -> None:
    gold = [
        place(0, 7, BAGHDAD),
        place(12, 18, RAMADI),
        place(30, 35, None),  # no gold coordinates: recognised, never geocoding-scored
        place(60, 65, MOSUL),  # missed
    ]
    pred = [
        place(0, 7, RAMADI),  # ~100 km off: within 161 km
        place(10, 18, LONDON),  # overlapping span, thousands of km off
        place(30, 35, BAGHDAD),  # gold has no coordinates: excluded from geocoding
        place(80, 85, BAGHDAD),  # spurious
    ]
    result = score_layer("places", [(doc("places", gold), doc("places", pred))])
    # recognition: 3 matched of 4 predicted and 4 gold
    assert result["matched"] == 3
    assert result["recognition_p"] == result["recognition_r"] == 0.75
    d1 = haversine_km(*BAGHDAD, *RAMADI)
    d2 = haversine_km(*RAMADI, *LONDON)
    assert d1 <= 161 < d2
    assert result["geo_n"] == 2
    assert result["gold_geo"] == 3
    assert result["acc161"] == 0.5  # 1 of the 2 geocodable matched pairs
    assert result["acc161_all"] == approx(1 / 3)  # 1 of the 3 gold toponyms with coordinates
    assert result["mean_error_km"] == approx((d1 + d2) / 2)
    assert result["median_error_km"] == approx((d1 + d2) / 2)
    expected_auc = (math.log(1 + d1) + math.log(1 + d2)) / 2 / math.log(20039)
    assert result["auc_error"] == approx(expected_auc)


def test_places_matched_but_not_geocoded_is_charged_the_maximum_error() -> None:
    gold = doc("places", [place(0, 7, BAGHDAD)])
    pred = doc("places", [place(0, 7, None)])
    result = score_layer("places", [(gold, pred)])
    assert result["recognition_f1"] == 1.0
    assert result["geo_unresolved"] == 1
    assert result["acc161"] == 0.0
    assert result["mean_error_km"] == 20039.0
    assert result["auc_error"] == 1.0


# ----------------------------------------------------------------------------------------------
# quotes
# ----------------------------------------------------------------------------------------------


def quote(
    content: list[list[int]], cue: list[int] | None, source: list[int] | None
) -> dict[str, Any]:
    return {"content": content, "cue": cue, "source": source}


QUOTES_GOLD = [
    quote([[20, 40]], [10, 14], [0, 5]),
    quote([[60, 70], [80, 90]], [72, 78], None),
    quote([[120, 150]], [110, 115], [100, 105]),
]


def test_quotes_perfect() -> None:
    gold = doc("quotes", QUOTES_GOLD)
    result = score_layer("quotes", [(gold, gold)])
    for role in ("content", "cue", "source"):
        for regime in ("exact", "partial"):
            for metric in ("p", "r", "f1"):
                assert result[f"{role}_{regime}_{metric}"] == 1.0
    assert result["content_overlap_f1"] == 1.0


def test_quotes_empty_prediction() -> None:
    result = score_layer("quotes", [(doc("quotes", QUOTES_GOLD), doc("quotes", []))])
    for role in ("content", "cue", "source"):
        assert result[f"{role}_exact_r"] == result[f"{role}_partial_r"] == 0.0
    assert result["content_overlap_r"] == 0.0


def test_quotes_roles_exact_and_partial() -> None:
    pred = [
        quote([[20, 40]], [10, 14], [0, 8]),  # content and cue exact, source only overlapping
        quote([[65, 70], [80, 90]], [72, 78], None),  # content partial, null source = null
        quote([[160, 170]], [155, 158], [150, 153]),  # spurious
    ]  # the third gold quote is missed
    result = score_layer("quotes", [(doc("quotes", QUOTES_GOLD), doc("quotes", pred))])
    assert result["matched"] == 2
    # content exact: TP 1 of 3 predicted / 3 gold; partial: TP 2
    assert result["content_exact_p"] == result["content_exact_r"] == approx(1 / 3)
    assert result["content_partial_p"] == result["content_partial_r"] == approx(2 / 3)
    # cue: both matched pairs exact (TP 2), missed gold cue FN, spurious cue FP
    for regime in ("exact", "partial"):
        assert result[f"cue_{regime}_p"] == result[f"cue_{regime}_r"] == approx(2 / 3)
    # source exact: [0,5) vs [0,8) is FP+FN, null/null TP, missed FN, spurious FP
    assert result["source_exact_p"] == result["source_exact_r"] == approx(1 / 3)
    # source partial: overlap counts, so TP 2, FP 1, FN 1
    assert result["source_partial_p"] == result["source_partial_r"] == approx(2 / 3)
    # content characters: overlap 20 + 15; predicted 20 + 15 + 10; gold 20 + 20 + 30
    assert result["content_overlap_p"] == approx(35 / 45)
    assert result["content_overlap_r"] == approx(35 / 70)
    assert result["content_overlap_f1"] == approx(f1(35 / 45, 35 / 70))


def test_quotes_null_source_against_a_span() -> None:
    agree = quote([[20, 40]], [10, 14], [0, 5])
    gold_null = doc("quotes", [quote([[20, 40]], [10, 14], None)], "d1")
    pred_span = doc("quotes", [quote([[20, 40]], [10, 14], [0, 5])], "d1")
    both = doc("quotes", [agree], "d2")
    # gold null, predicted span: a false positive only (TP 1, FP 1, FN 0)
    result = score_layer("quotes", [(gold_null, pred_span), (both, both)])
    assert (result["source_exact_p"], result["source_exact_r"]) == (0.5, 1.0)
    # gold span, predicted null: a false negative only (TP 1, FP 0, FN 1)
    result = score_layer("quotes", [(pred_span, gold_null), (both, both)])
    assert (result["source_exact_p"], result["source_exact_r"]) == (1.0, 0.5)


def test_quotes_exact_match_ignores_edge_whitespace() -> None:
    text = 'Smith said: \u00a0"Taxes will rise."'
    start = text.index('"')
    gold = doc("quotes", [quote([[start - 2, len(text)]], [6, 10], [0, 5])], text=text)
    pred = doc("quotes", [quote([[start, len(text)]], [6, 10], [0, 5])], text=text)
    result = score_layer("quotes", [(gold, pred)])
    assert result["content_exact_f1"] == 1.0


def test_quotes_split_content_is_compared_as_a_character_set() -> None:
    gold = doc("quotes", [quote([[60, 70], [80, 90]], [72, 78], None)])
    pred = doc("quotes", [quote([[60, 90]], [72, 78], None)])
    result = score_layer("quotes", [(gold, pred)])
    assert result["content_exact_f1"] == 0.0
    assert result["content_partial_f1"] == 1.0
    # 20 shared characters, 30 predicted, 20 gold
    assert result["content_overlap_p"] == approx(20 / 30)
    assert result["content_overlap_r"] == 1.0


# ----------------------------------------------------------------------------------------------
# techniques
# ----------------------------------------------------------------------------------------------


def span(start: int, end: int, technique: str = "Loaded_Language") -> dict[str, Any]:
    return {"start": start, "end": end, "technique": technique}


def test_techniques_perfect() -> None:
    gold = doc("techniques", [span(0, 10), span(0, 10, "Doubt"), span(20, 30, "Slogans")])
    result = score_layer("techniques", [(gold, gold)])
    assert result["si_p"] == result["si_r"] == result["si_f1"] == 1.0
    assert result["tc_p"] == result["tc_r"] == result["tc_f1"] == 1.0
    assert result["tc_given_spans_accuracy"] == 1.0


def test_techniques_empty_prediction() -> None:
    gold = doc("techniques", [span(0, 10)])
    result = score_layer("techniques", [(gold, doc("techniques", []))])
    assert result["si_r"] == result["tc_r"] == 0.0
    assert result["tc_given_spans_accuracy"] is None


def test_si_partial_overlap_semeval_numbers() -> None:
    gold = doc("techniques", [span(0, 10)])
    pred = doc("techniques", [span(5, 15), span(20, 25, "Doubt")])
    result = score_layer("techniques", [(gold, pred)])
    # P = (5/10 + 0) / 2 predicted spans; R = (5/10) / 1 gold span
    assert result["si_p"] == 0.25
    assert result["si_r"] == 0.5
    assert result["si_f1"] == approx(f1(0.25, 0.5))


def test_si_merges_overlapping_gold_whatever_the_labels() -> None:
    gold = doc("techniques", [span(0, 10, "Doubt"), span(5, 20, "Slogans")])
    pred = doc("techniques", [span(0, 10)])
    result = score_layer("techniques", [(gold, pred)])
    assert result["si_gold"] == 1  # one hull, [0, 20)
    assert result["si_p"] == 1.0  # 10/10
    assert result["si_r"] == 0.5  # 10/20
    assert result["si_f1"] == approx(2 / 3)


def test_si_touching_spans_stay_apart_and_predictions_are_merged() -> None:
    gold = doc("techniques", [span(0, 5), span(5, 10)])
    pred = doc("techniques", [span(0, 6), span(4, 10)])  # merged into [0, 10)
    result = score_layer("techniques", [(gold, pred)])
    assert (result["si_gold"], result["si_predicted"]) == (2, 1)
    # P = (5/10 + 5/10) / 1; R = (5/5 + 5/5) / 2
    assert result["si_p"] == result["si_r"] == 1.0


def test_si_is_micro_averaged_over_articles() -> None:
    gold1, pred1 = doc("techniques", [span(0, 10)], "a1"), doc("techniques", [span(5, 15)], "a1")
    gold2 = doc("techniques", [span(0, 20)], "a2")
    pred2 = doc("techniques", [span(0, 10), span(30, 40)], "a2")
    result = score_layer("techniques", [(gold1, pred1), (gold2, pred2)])
    # P = (5/10 + 10/10 + 0) / 3; R = (5/10 + 10/20) / 2
    assert result["si_p"] == 0.5
    assert result["si_r"] == 0.5
    # spans of different articles never overlap each other
    moved = doc("techniques", [span(5, 15)], "a2")  # a1's prediction, placed in a2
    result = score_layer("techniques", [(gold1, doc("techniques", [], "a1")), (gold2, moved)])
    # P = (10/10) / 1, against a2's [0,20) only; R = (0 + 10/20) / 2
    assert result["si_p"] == 1.0
    assert result["si_r"] == 0.25


def test_technique_classification() -> None:
    gold = [
        span(0, 10, "Loaded_Language"),
        span(0, 10, "Doubt"),  # a multi-label span position
        span(20, 30, "Slogans"),
        span(40, 50, "Flag-Waving"),
    ]
    pred = [
        span(0, 10, "Loaded_Language"),  # right
        span(20, 30, "Doubt"),  # right span, wrong label
        span(40, 45, "Flag-Waving"),  # right label, wrong span
        span(60, 70, "Slogans"),  # spurious
    ]
    result = score_layer("techniques", [(doc("techniques", gold), doc("techniques", pred))])
    assert result["tc_tp"] == 1
    assert result["tc_p"] == result["tc_r"] == result["tc_f1"] == 0.25
    # gold entries at offsets the system predicted: [0,10) twice and [20,30); 1 right
    assert result["tc_given_spans_n"] == 3
    assert result["tc_given_spans_accuracy"] == approx(1 / 3)
    per = result["per_technique"]
    assert per["Loaded_Language"] == {"tp": 1, "fp": 0, "fn": 0, "p": 1.0, "r": 1.0, "f1": 1.0}
    assert (per["Doubt"]["tp"], per["Doubt"]["fp"], per["Doubt"]["fn"]) == (0, 1, 1)
    assert (per["Slogans"]["fp"], per["Slogans"]["fn"]) == (1, 1)
    assert (per["Flag-Waving"]["fp"], per["Flag-Waving"]["fn"]) == (1, 1)


# ----------------------------------------------------------------------------------------------
# events
# ----------------------------------------------------------------------------------------------


def event(
    type_: str | None,
    mode: list[str] | None = None,
    actor: str | None = None,
    recipient: str | None = None,
    **extra: Any,
) -> dict[str, Any]:
    item: dict[str, Any] = {
        "type": type_,
        "mode": mode or [],
        "actor_text": actor,
        "recipient_text": recipient,
    }
    item.update(extra)
    return item


EVENTS_GOLD = [
    event("ASSAULT", ["aerial"], "US warplanes", "the village"),
    event("ASSAULT", ["firearms"], "Rebels", None),
    event("PROTEST", [], "Students", None),
]


def test_events_perfect() -> None:
    gold = doc("events", EVENTS_GOLD)
    result = score_layer("events", [(gold, gold)])
    assert result["matched_on"] == "type"
    assert result["micro_f1"] == result["macro_f1"] == 1.0
    assert result["mode_acc"] == result["actor_match"] == result["recipient_match"] == 1.0


def test_events_empty_prediction() -> None:
    result = score_layer("events", [(doc("events", EVENTS_GOLD), doc("events", []))])
    assert result["micro_r"] == 0.0
    assert result["macro_f1"] == 0.0
    assert result["mode_acc"] is None


def test_events_types_modes_and_arguments() -> None:
    pred = [
        event("ASSAULT", ["firearms"], "the Rebels,", None),  # pairs with gold 2 by mode
        event("assault", ["aerial", "drone"], "American jets", "a village"),  # with gold 1
        event("ACCUSE", [], "Rebels", None),  # spurious type
    ]  # PROTEST missed
    result = score_layer("events", [(doc("events", EVENTS_GOLD), doc("events", pred))])
    assert result["tp"] == 2
    assert result["micro_p"] == result["micro_r"] == result["micro_f1"] == approx(2 / 3)
    per = result["per_type"]
    assert per["ASSAULT"] == {"p": 1.0, "r": 1.0, "f1": 1.0, "support": 2, "predicted": 2}
    assert per["PROTEST"]["support"] == 1 and per["PROTEST"]["r"] == 0.0
    assert per["ACCUSE"]["support"] == 0 and per["ACCUSE"]["p"] == 0.0
    assert result["macro_f1"] == 0.5  # (1.0 + 0.0) / 2 types present in gold; ACCUSE left out
    # mode pairing put [firearms] with [firearms] and [aerial] with [aerial, drone]
    assert result["mode_n"] == 2
    assert result["mode_acc"] == 0.5  # exact set equal on 1 of 2
    assert result["mode_any_acc"] == 1.0
    # actor: "US warplanes" vs "American jets" no; "Rebels" vs "the Rebels," yes
    assert (result["actor_n"], result["actor_match"]) == (2, 0.5)
    # recipient: only gold 1 has one; "the village" vs "a village" share "village"
    assert (result["recipient_n"], result["recipient_match"]) == (1, 1.0)


def test_events_mode_scored_only_where_gold_has_one() -> None:
    gold = doc("events", [event("REQUEST", [])])
    pred = doc("events", [event("REQUEST", ["assist"])])
    result = score_layer("events", [(gold, pred)])
    assert result["mode_n"] == 0
    assert result["mode_acc"] is None


def test_events_actor_normalisation() -> None:
    gold = doc("events", [event("AID", actor="U.S.", recipient="Iraq's government")])
    pred = doc("events", [event("AID", actor="the U.S. forces", recipient="Baghdad; Iraq")])
    result = score_layer("events", [(gold, pred)])
    assert result["actor_match"] == result["recipient_match"] == 1.0
    # function words alone never make a match
    gold = doc("events", [event("AID", actor="the people of Gaza")])
    pred = doc("events", [event("AID", actor="the army of Israel")])
    assert score_layer("events", [(gold, pred)])["actor_match"] == 0.0


def acled(kind: str, sub: str, **extra: Any) -> dict[str, Any]:
    return {"acled_event_type": kind, "acled_sub_event_type": sub, **extra}


def test_events_acled_only_gold_is_matched_on_acled_type() -> None:
    pairs = [
        (
            doc("events", [acled("Battles", "Armed clash", fatalities=5)], "c1"),
            doc(
                "events", [event("ASSAULT", **acled("Battles", "Armed clash", fatalities=3))], "c1"
            ),
        ),
        (
            doc(
                "events",
                [acled("Explosions/Remote violence", "Air/drone strike", fatalities=2)],
                "c2",
            ),
            doc(
                "events",
                [
                    event(
                        "ASSAULT",
                        **acled("Explosions/Remote violence", "Shelling/artillery/missile attack"),
                    )
                ],
                "c2",
            ),
        ),
        (
            doc("events", [acled("Protests", "Peaceful protest")], "c3"),
            doc("events", [event("PROTEST", **acled("Riots", "Violent demonstration"))], "c3"),
        ),
    ]
    result = score_layer("events", pairs)
    assert result["matched_on"] == "acled_event_type"
    assert result["tp"] == 2
    assert result["micro_p"] == result["micro_r"] == approx(2 / 3)
    assert set(result["per_type"]) == {
        "Battles",
        "Explosions/Remote violence",
        "Protests",
        "Riots",
    }
    assert result["acled_sub_event_type_n"] == 2
    assert result["acled_sub_event_type_acc"] == 0.5
    assert "acled_event_type_acc" not in result  # it is the matching key
    # |5 - 3| and |2 - 0| (a missing prediction reads as ACLED's "unknown", 0)
    assert result["fatalities_n"] == 2
    assert result["fatalities_mae"] == 2.0


def test_events_acled_document_weighted_f1() -> None:
    def scored(sub: str, conf: float) -> dict[str, Any]:
        return {
            **event("ASSAULT", **acled("x", sub)),
            "evidence": {"spans": [], "stage": "s", "confidence": conf},
        }

    pairs = [
        # the lead event (first trigger in the text) decides the document label, however
        # confident a later one is: right
        (
            doc("events", [acled("Battles", "Armed clash")], "d1"),
            doc(
                "events",
                [
                    {**scored("Attack", 0.9), "trigger": [40, 46]},
                    {**scored("Armed clash", 0.5), "trigger": [3, 9]},
                ],
                "d1",
            ),
        ),
        # wrong class
        (
            doc("events", [acled("Battles", "Armed clash")], "d2"),
            doc("events", [scored("Attack", 0.7)], "d2"),
        ),
        # no ACLED event at all: labelled "none", always wrong
        (
            doc("events", [acled("Protests", "Peaceful protest")], "d3"),
            doc("events", [event("ACCUSE")], "d3"),
        ),
        (
            doc("events", [acled("Protests", "Peaceful protest")], "d4"),
            doc("events", [scored("peaceful protest", 0.6)], "d4"),
        ),
    ]
    result = score_layer("events", pairs)
    assert result["acled_sub_event_type_doc_n"] == 4
    assert result["acled_sub_event_type_doc_acc"] == 0.5
    # Armed clash: P 1/1, R 1/2 -> F1 2/3; Peaceful protest: P 1/1, R 1/2 -> 2/3; Attack has
    # no gold support and no weight
    assert result["acled_sub_event_type_weighted_f1"] == approx(2 / 3)
    assert result["acled_event_type_doc_n"] == 4
    assert "acled_sub_event_type_weighted_f1" not in score_layer(
        "events", [(doc("events", EVENTS_GOLD), doc("events", EVENTS_GOLD))]
    )


def test_events_plover_gold_with_acled_fields_reports_both() -> None:
    gold = doc("events", [event("ASSAULT", **acled("Battles", "Armed clash"))])
    pred = doc("events", [event("ASSAULT", **acled("Battles", "Air/drone strike"))])
    result = score_layer("events", [(gold, pred)])
    assert result["matched_on"] == "type"
    assert result["acled_event_type_acc"] == 1.0
    assert result["acled_sub_event_type_acc"] == 0.0


# ----------------------------------------------------------------------------------------------
# format_report
# ----------------------------------------------------------------------------------------------


def test_format_report_layout() -> None:
    gold = doc("times", TIMES_GOLD)
    text = format_report(score_layer("times", [(gold, gold), ({"id": "x"}, None)]))
    lines = text.splitlines()
    assert lines[0] == "times: 1 documents scored, 1 skipped (layer not annotated), 0 crashed"
    header = next(line for line in lines if line.startswith("metric"))
    assert header.split() == ["metric", "P", "R", "F1"]
    strict = next(line for line in lines if line.startswith("strict "))
    assert strict.split() == ["strict", "1.0000", "1.0000", "1.0000"]
    assert len(strict) == len(header)  # columns line up
    assert any(line.split() == ["type_f1", "1.0000"] for line in lines)


def test_format_report_nested_tables_and_missing_values() -> None:
    gold = doc("techniques", [span(0, 10), span(20, 30, "Doubt")])
    text = format_report(score_layer("techniques", [(gold, doc("techniques", []))]))
    assert "tc_given_spans_accuracy  n/a" in text
    table = text[text.index("per_technique") :].splitlines()
    assert table[0].split() == ["per_technique", "tp", "fp", "fn", "p", "r", "f1"]
    assert table[1].split() == ["Doubt", "0", "0", "1", "0.0000", "0.0000", "0.0000"]
    events = format_report(score_layer("events", [(doc("events", EVENTS_GOLD), None)]))
    assert "events matched on type" in events.splitlines()[0]
