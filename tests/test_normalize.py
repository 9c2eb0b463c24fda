"""Normalisation keeps an exact offset map back to the caller's text."""

from __future__ import annotations

import unicodedata

import pytest

from newsgraph.normalize import normalize


def test_quotes_and_apostrophes_become_ascii() -> None:
    norm = normalize("“Kata’ib Hezbollah” «x»")
    assert norm.text == '"Kata\'ib Hezbollah" "x"'
    assert norm.to_original(1, 8) == (1, 8)


def test_whitespace_runs_collapse_and_map_back() -> None:
    original = "a  \t b\r\nc\u00a0d"
    norm = normalize(original)
    assert norm.text == "a b\nc d"
    start, end = norm.to_original(0, 3)
    assert original[start:end] == "a  \t b"
    start, end = norm.to_original(4, 7)
    assert original[start:end] == "c\u00a0d"


def test_bom_and_zero_width_removed() -> None:
    original = "\ufeffIra\u200bq"
    norm = normalize(original)
    assert norm.text == "Iraq"
    assert original[slice(*norm.to_original(0, 4))] == "Ira\u200bq"


def test_nfc_composes_and_offsets_cover_combining_marks() -> None:
    original = "Sao Jose\u0301 caf\u00e9"
    norm = normalize(original)
    assert norm.text == unicodedata.normalize("NFC", original)
    start, end = norm.to_original(4, 8)
    assert original[start:end] == "Jose\u0301"


def test_every_normalised_span_maps_inside_original() -> None:
    original = "“He  said,”\r\n\u2018yes\u2019 — \u00a0ok\ufeff"
    norm = normalize(original)
    for start in range(len(norm.text)):
        for end in range(start, len(norm.text) + 1):
            s, e = norm.to_original(start, end)
            assert 0 <= s <= e <= len(original)


def test_out_of_range_span_is_an_error() -> None:
    with pytest.raises(ValueError, match="outside text"):
        normalize("abc").to_original(2, 9)
