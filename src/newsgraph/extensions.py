"""The ``Doc`` extension attributes through which stages meet.

Stages never import each other: a stage reads the layers earlier stages left on the ``Doc`` and
writes its own, all under the ``ng_`` namespace. Offsets on the Doc are into the normalised text
(``doc.text``); the pipeline maps them back to the caller's text when it builds the Analysis.

| attribute | holds | written by |
|---|---|---|
| ``doc._.ng_meta`` | ``{"id", "published", "url", "outlet", "title"}`` of the article | pipeline |
| ``doc._.ng_entities`` | ``list[Entity]`` | actors stage |
| ``doc._.ng_places`` | ``list[Place]`` | places stage |
| ``doc._.ng_times`` | ``list[TimeExpr]`` | times stage |
| ``doc._.ng_narrative`` | ``bool``: the text tells history (dated by its own times) | times stage |
| ``doc._.ng_quotes`` | ``list[Quote]`` | attribution stage |
| ``doc._.ng_source_chains`` | ``list[SourceChain]`` | attribution stage |
| ``doc._.ng_events`` | ``list[Event]`` | events stage |
| ``doc._.ng_techniques`` | ``list[Technique]`` | framing stage |
| ``doc._.ng_errors`` | ``list[str]``: coded messages of stages that failed on this doc | pipeline |
"""

from __future__ import annotations

from spacy.tokens import Doc

LAYER_ATTRS = {
    "entities": "ng_entities",
    "places": "ng_places",
    "times": "ng_times",
    "quotes": "ng_quotes",
    "source_chains": "ng_source_chains",
    "events": "ng_events",
    "techniques": "ng_techniques",
}


def register_extensions() -> None:
    """Declare every ``ng_`` attribute once (idempotent: safe to call from every stage)."""
    for attr in (*LAYER_ATTRS.values(), "ng_meta", "ng_errors", "ng_narrative"):
        if not Doc.has_extension(attr):
            Doc.set_extension(attr, default=None)


register_extensions()
