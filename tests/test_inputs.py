"""Bad input is told apart and reported with a code, never a traceback."""

from __future__ import annotations

import pytest

from newsgraph.errors import (
    BadRecordError,
    BinaryInputError,
    EmptyInputError,
    InputTooLargeError,
)
from newsgraph.inputs import article_id, decode_bytes, prepare, record_fields

SETTINGS = {"max_chars": 1000, "english_min_ratio": 0.08, "english_min_words": 40}


def test_empty_bytes_and_whitespace_are_empty_input() -> None:
    with pytest.raises(EmptyInputError, match="NG001"):
        decode_bytes(b"")
    with pytest.raises(EmptyInputError, match="NG001"):
        prepare("  \n\t ", settings=SETTINGS)


def test_binary_is_refused() -> None:
    with pytest.raises(BinaryInputError, match="NG002"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_invalid_utf8_falls_back_with_a_warning() -> None:
    text, warnings = decode_bytes("café".encode("cp1252"))
    assert text == "café"
    assert warnings and warnings[0].startswith("NG101")


def test_utf8_bom_is_stripped() -> None:
    assert decode_bytes("\ufeffhello".encode()) == ("hello", [])


def test_too_large_is_refused_with_the_limit() -> None:
    with pytest.raises(InputTooLargeError, match=r"NG003.*1,000"):
        prepare("word " * 300, settings=SETTINGS)


def test_non_english_gets_a_warning_and_a_result() -> None:
    german = " ".join(["Der Bundestag hat am Mittwoch ein neues Gesetz beschlossen"] * 6)
    prepared = prepare(german, settings=SETTINGS)
    assert prepared.article.language == "und"
    assert any(w.startswith("NG102") for w in prepared.warnings)


def test_html_is_reduced_to_text() -> None:
    html = (
        "<!doctype html><html><head><title>Raid</title><script>var x=1;</script></head>"
        "<body><nav>Home</nav><p>Troops entered the town.</p><p>Two died.</p></body></html>"
    )
    prepared = prepare(html, settings=SETTINGS)
    assert prepared.article.text == "Raid\n\nTroops entered the town.\n\nTwo died."
    assert prepared.article.title == "Raid"
    assert any(w.startswith("NG104") for w in prepared.warnings)


def test_id_is_stable_and_depends_on_url() -> None:
    assert article_id("x", None) == article_id("x", None)
    assert article_id("x", "http://a") != article_id("x", None)


def test_bad_published_is_a_record_error() -> None:
    with pytest.raises(BadRecordError, match="published"):
        prepare("Some text.", settings=SETTINGS, published="last week")


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ([], "JSON object"),
        ({"id": "a"}, "no 'text'"),
        ({"text": "t", "id": [1]}, "'id'"),
        ({"text": "t", "authors": "me"}, "authors"),
    ],
)
def test_malformed_records(record: object, message: str) -> None:
    with pytest.raises(BadRecordError, match=message):
        record_fields(record)
