"""Unit tests for the attribution stage's parts: quote marks, misspellings, cue model, chains."""

from __future__ import annotations

import spacy
from hypothesis import given
from hypothesis import strategies as st

from newsgraph.evaluate.metrics import score_layer
from newsgraph.pipeline import Analyzer
from newsgraph.stages.attribution import RESOURCES, quoted_chars
from newsgraph.stages.attribution.chains import find_outlet
from newsgraph.stages.attribution.cues import (
    CORE_CUES,
    CueModel,
    DocView,
    Misspellings,
    cue_features,
)
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


def test_shipped_cue_model_loads_and_prefers_reporting_verbs(
    attribution_analyzer: Analyzer,
) -> None:
    model = CueModel.load(RESOURCES / "cue_model.json")
    assert 0.0 < model.threshold < 1.0
    assert "VERB" in model.candidate_pos

    def root_score(text: str) -> float:
        # Scored on a real parse: the model's context features are part of every decision.
        doc = attribution_analyzer.nlp(text)
        sent = next(iter(doc.sents))
        bounds = (sent.start, sent.end)
        features = cue_features(DocView.of(doc), sent.root.i, bounds, False, False)
        return model.score(features)

    said = root_score("The minister said that the talks had failed.")
    ate = root_score("The minister ate the cake at the hotel.")
    assert said > model.threshold > ate


def test_issue5_doc_view_reads_what_the_tokens_say(attribution_analyzer: Analyzer) -> None:
    # The cue features read DocView's columns instead of Token objects (for speed): they must
    # be the same strings, heads, children and text, or the shipped weights score other words.
    doc = attribution_analyzer.nlp(
        'Mr. Smith, 44, told AFP on Tuesday: "Nothing changes." \n\nShe didn\'t agree.'
    )
    view = DocView.of(doc)
    assert view.text == doc.text
    assert view.lemmas == [t.lemma_.lower() for t in doc]
    assert view.lowers == [t.lower_ for t in doc]
    assert view.texts == [t.text for t in doc]
    assert view.pos == [t.pos_ for t in doc]
    assert view.tags == [t.tag_ for t in doc]
    assert view.deps == [t.dep_ for t in doc]
    assert view.ents == [t.ent_type_ for t in doc]
    assert view.heads == [t.head.i for t in doc]
    assert view.idx == [t.idx for t in doc]
    assert view.children == [[c.i for c in t.children] for t in doc]


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


def test_attribution_f1_needs_cue_and_source_to_agree() -> None:
    """The quotes layer's ``attribution`` score (docs/metrics.md): a matched pair counts only
    when cue and source both overlap the gold ones (null source agrees only with null)."""
    text = "Ann said the vote was rigged. Bob said it was fair. It rained."
    gold = {
        "id": "d",
        "text": text,
        "quotes": [
            {"content": [[9, 28]], "cue": [4, 8], "source": [0, 3]},
            {"content": [[39, 50]], "cue": [34, 38], "source": [30, 33]},
        ],
    }
    predicted = {
        "id": "d",
        "quotes": [
            {"content": [[9, 28]], "cue": [4, 8], "source": [0, 3]},  # right
            {"content": [[39, 50]], "cue": [34, 38], "source": None},  # source missed
            {"content": [[52, 61]], "cue": [55, 61], "source": None},  # invented
        ],
    }
    result = score_layer("quotes", [(gold, predicted)])
    assert result["attribution_p"] == round(1 / 3, 4)
    assert result["attribution_r"] == 0.5
    assert result["attribution_f1"] == round(2 * (1 / 3) * 0.5 / (1 / 3 + 0.5), 4)
