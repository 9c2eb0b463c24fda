"""The actors stage: canonical entities from the dictionary and NER, with NER repairs."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

import newsgraph
from newsgraph.resources.actor_dictionary import load_actor_dictionary
from newsgraph.resources.wordnet import load_wordnet
from newsgraph.stages.actors import ActorsStage


@pytest.fixture(scope="module")
def stage() -> ActorsStage:
    nlp = spacy.blank("en")
    return ActorsStage(nlp, load_actor_dictionary(), 0.6, 3, load_wordnet())


def _entities(stage: ActorsStage, text: str, label: str, first: int, end: int) -> list[str]:
    """Run the stage on ``text`` with one NER span ``first..end`` labelled ``label``."""
    doc = spacy.blank("en")(text)
    doc.ents = [Span(doc, first, end, label=label)]
    stage(doc)
    return [f"{e.type}:{e.name}" for e in doc._.ng_entities]


def test_office_before_a_full_name_in_an_org_span_is_a_person(stage: ActorsStage) -> None:
    # From the bundled demo: "Spokeswoman Sandy Angers" came out of NER as an ORG, and
    # "Angers" alone later became the French town.
    text = "Spokeswoman Sandy Angers said the team was merged."
    assert _entities(stage, text, "ORG", 0, 3) == ["PERSON:Sandy Angers"]


@pytest.mark.parametrize(
    ("text", "end", "expected"),
    [
        ("Prince William Arthur spoke today.", 3, "ORG:Prince William Arthur"),  # nobility
        ("Hunter Biden Foundation said so.", 3, "ORG:Hunter Biden Foundation"),  # no office
        ("Minister Lavrov said so.", 2, "ORG:Minister Lavrov"),  # no full name
    ],
)
def test_other_capitalised_words_before_a_name_stay(
    stage: ActorsStage, text: str, end: int, expected: str
) -> None:
    assert _entities(stage, text, "ORG", 0, end) == [expected]


def test_speaker_role_is_the_office_beside_the_name() -> None:
    analysis = newsgraph.analyze(
        "Stephen Harper, Prime Minister of Canada, said the plan would protect jobs. "
        'Mr Harper said: "This is a regrettable but necessary step."',
        published="2009-06-01",
    )
    roles = {(q.speaker, q.role) for q in analysis.quotes}
    assert roles == {("Stephen Harper", "Prime Minister of Canada"), ("Stephen Harper", None)}


def _run(stage: ActorsStage, text: str, ents: list[tuple[str, str]]) -> Doc:
    """Run the stage with NER spans at each (words, label), found left to right in ``text``."""
    doc = spacy.blank("en")(text)
    spans, at = [], 0
    for words, label in ents:
        start = text.index(words, at)
        at = start + len(words)
        span = doc.char_span(start, at, label=label)
        assert span is not None, words
        spans.append(span)
    doc.ents = spans
    stage(doc)
    return doc


def _grouped(stage: ActorsStage, text: str, ents: list[tuple[str, str]]) -> dict[str, list[str]]:
    """Each entity's ``type:name`` with the texts of its mentions."""
    doc = _run(stage, text, ents)
    return {f"{e.type}:{e.name}": [m.text for m in e.mentions] for e in doc._.ng_entities}


def test_issue6_surname_in_the_headline_joins_the_full_name_below(stage: ActorsStage) -> None:
    text = "Okafor wins runoff\n\nGrace Okafor won the runoff on Sunday. Okafor thanked voters."
    ents = [("Okafor", "ORG"), ("Grace Okafor", "PERSON"), ("Okafor", "ORG")]
    assert _grouped(stage, text, ents) == {
        "PERSON:Grace Okafor": ["Okafor", "Grace Okafor", "Okafor"]
    }


def test_issue6_a_longer_name_the_model_called_an_organisation(stage: ActorsStage) -> None:
    text = "Juan Carlos Mendez Ruiz was charged. Mendez Ruiz denied it, and Mendez Ruiz appealed."
    ents = [
        ("Juan Carlos Mendez Ruiz", "ORG"),
        ("Mendez Ruiz", "PERSON"),
        ("Mendez Ruiz", "PERSON"),
    ]
    assert _grouped(stage, text, ents) == {
        "PERSON:Juan Carlos Mendez Ruiz": ["Juan Carlos Mendez Ruiz", "Mendez Ruiz", "Mendez Ruiz"]
    }
    doc = _run(stage, text, ents)
    assert [e.label_ for e in doc.ents] == ["PERSON"] * 3  # relabelled for later stages


def test_issue6_honorific_and_office_before_a_known_person(stage: ActorsStage) -> None:
    text = "Sheriff Dunmore spoke. Ellen Dunmore said Ms Dunmore and Dunmore would stay."
    ents = [
        ("Sheriff Dunmore", "ORG"), ("Ellen Dunmore", "PERSON"), ("Ms Dunmore", "PERSON"),
        ("Dunmore", "PERSON"),
    ]  # fmt: skip
    grouped = _grouped(stage, text, ents)
    assert list(grouped) == ["PERSON:Ellen Dunmore"]
    assert len(grouped["PERSON:Ellen Dunmore"]) == 4


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # Two people share the surname: the bare surname joins neither.
        (
            "Jeb Harlow met Tom Harlow. Harlow left.",
            [("Jeb Harlow", "PERSON"), ("Tom Harlow", "PERSON"), ("Harlow", "PERSON")],
            ["PERSON:Jeb Harlow", "PERSON:Tom Harlow", "PERSON:Harlow"],
        ),
        # Organisations that share words stay apart.
        (
            "The Red Army advanced. The Baku Red Army held.",
            [("Red Army", "ORG"), ("Baku Red Army", "ORG")],
            ["ORG:Red Army", "ORG:Baku Red Army"],
        ),
        # A place named like a surname is not a person without an earlier full name.
        (
            "Troops reached Denham. Later, Paul Denham spoke.",
            [("Denham", "GPE"), ("Paul Denham", "PERSON")],
            ["GPE:Denham", "PERSON:Paul Denham"],
        ),
    ],
)
def test_issue6_names_that_are_not_one_entity_stay_apart(
    stage: ActorsStage, text: str, ents: list[tuple[str, str]], expected: list[str]
) -> None:
    assert list(_grouped(stage, text, ents)) == expected


def test_issue6_one_word_of_a_person_named_before_is_that_person(stage: ActorsStage) -> None:
    # The small model calls a surname a place once the full name is behind it.
    text = "Professor Anna Fastow wrote it. Fastow argued the point."
    assert _grouped(stage, text, [("Anna Fastow", "PERSON"), ("Fastow", "GPE")]) == {
        "PERSON:Anna Fastow": ["Anna Fastow", "Fastow"]
    }


def test_issue6_a_possessive_marker_is_not_part_of_the_name(stage: ActorsStage) -> None:
    text = "Stephen Paddock\u2019s shooting stopped after six minutes."
    doc = spacy.blank("en")(text)
    doc.ents = [Span(doc, 0, 3, label="PERSON")]  # "Stephen Paddock ’s"
    assert doc.ents[0].text == "Stephen Paddock\u2019s"
    stage(doc)
    assert [e.id for e in doc._.ng_entities] == ["doc:PERSON:stephen paddock"]
