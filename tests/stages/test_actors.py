"""The actors stage: canonical entities from the dictionary and NER, with NER repairs."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

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
