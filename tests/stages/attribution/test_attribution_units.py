"""Unit tests for the attribution stage's parts: quote marks, misspellings, cue model, chains."""

from __future__ import annotations

import spacy
from hypothesis import given
from hypothesis import strategies as st

from newsgraph.stages.attribution import RESOURCES, quoted_chars
from newsgraph.stages.attribution.chains import find_outlet
from newsgraph.stages.attribution.cues import CORE_CUES, CueModel, Misspellings
from newsgraph.stages.attribution.direct import find_quote_marks


def test_balanced_quotes_include_their_marks() -> None:
    text = 'He said "we will win" and "soon".'
    pieces = [q.pieces for q in find_quote_marks(text)]
    assert [[text[s:e] for s, e in p] for p in pieces] == [['"we will win"'], ['"soon"']]


def test_multi_paragraph_quote_is_one_quote() -> None:
    text = 'She said: "First part.\n"Second part."\nAfter.'
    quotes = find_quote_marks(text)
    assert len(quotes) == 1
    assert [text[s:e] for s, e in quotes[0].pieces] == ['"First part.', '"Second part."']
    assert quotes[0].closed


def test_unbalanced_quote_ends_at_its_paragraph() -> None:
    text = 'He said "this never closes.\nNext paragraph.'
    quotes = find_quote_marks(text)
    assert [text[s:e] for s, e in quotes[0].pieces] == ['"this never closes.']
    assert not quotes[0].closed


def test_nested_single_quotes_stay_inside_the_outer_quote() -> None:
    text = "\"He called it 'the embassy of evil' twice,\" she said."
    quotes = find_quote_marks(text)
    assert len(quotes) == 1
    assert text[quotes[0].start : quotes[0].end].startswith('"He called it')


def test_doubled_apostrophes_are_quote_marks() -> None:
    text = "He said ''we will win,'' twice."
    quotes = find_quote_marks(text)
    assert [text[q.start : q.end] for q in quotes] == ["''we will win,''"]


@given(st.text(alphabet='ab "\n', max_size=60))
def test_quote_pieces_are_ordered_and_inside_the_text(text: str) -> None:
    flags = quoted_chars(len(text), find_quote_marks(text))
    assert len(flags) == len(text) + 1
    for quote in find_quote_marks(text):
        for start, end in quote.pieces:
            assert 0 <= start < end <= len(text)
        assert quote.pieces == sorted(quote.pieces)


def test_issue5_misspelt_said_is_recognised_but_real_words_are_not() -> None:
    vocab = spacy.blank("en").vocab.strings
    misspellings = Misspellings([*vocab, "sad", "aid", "said"])
    assert misspellings.lemma("asid") == "say"
    assert misspellings.lemma("siad") == "say"
    assert misspellings.lemma("sad") is None
    assert misspellings.lemma("aid") is None
    assert misspellings.lemma("said") is None  # the correct form is not a misspelling


def test_shipped_cue_model_loads_and_prefers_reporting_verbs() -> None:
    model = CueModel.load(RESOURCES / "cue_model.json")
    assert 0.0 < model.threshold < 1.0
    assert "VERB" in model.candidate_pos
    said = model.score(["bias", "l=say", "core", "c:ccomp", "dep=ROOT", "pos=VERB"])
    ate = model.score(["bias", "l=eat", "dep=ROOT", "pos=VERB"])
    assert said > model.threshold > ate


def test_core_lexicon_covers_the_issue_cues() -> None:
    assert {"say", "tell", "add", "warn", "claim", "accuse", "deny", "insist"} <= CORE_CUES


def test_dateline_outlet_and_metadata_outlet() -> None:
    text = "Headline here\n\nTasnim News – The fight will go on, he said."
    outlet = find_outlet(text, None)
    assert outlet is not None
    assert outlet.name == "Tasnim News"
    assert outlet.span is not None and text[slice(*outlet.span)] == "Tasnim News"
    reuters = find_outlet("BAGHDAD (Reuters) - Officials said on Monday that …", None)
    assert reuters is not None and reuters.name == "Reuters"
    assert find_outlet("BAGHDAD – Officials said on Monday that …", None) is None
    given_outlet = find_outlet(text, "Example Times")
    assert given_outlet is not None and given_outlet.name == "Example Times"
    assert given_outlet.span is None
