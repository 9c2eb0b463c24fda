"""Framing: persuasion-technique spans (SemEval-2020 Task 11) and whose words they are.

Readers of state media and partisan outlets need the loaded words told apart from the reported
facts, and the outlet's own labels told apart from a quoted speaker's. This stage

1. scores every token with a compact linear tagger over hashed parse features (``features``),
   trained on PTC by ``scripts/train_framing.py`` and shipped in ``resources/framing``, and
   every sentence with a small logistic regression over its tokens' scores; the two combine
   into one decoding score per token;
2. decodes runs of likely tokens into spans and gives each a Platt-calibrated confidence
   (``spans``); spans below the configured ``threshold`` are dropped;
3. names each span's technique with a linear classifier over span features (the 14 names of
   ``techniques.txt``);
4. says whose words the span is (a quoted speaker's, from ``doc._.ng_quotes``, or the outlet's)
   and which actor a label is applied to (from ``doc._.ng_entities`` and the parse)
   (``speakers``).

It costs a few numpy operations per document: no Python loop over a lexicon, no second model.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.extensions import register_extensions
from newsgraph.record import Evidence, Technique
from newsgraph.stages.framing.features import doc_arrays
from newsgraph.stages.framing.model import TechniqueModel, load_model
from newsgraph.stages.framing.spans import platt, propose_spans
from newsgraph.stages.framing.speakers import quoted_regions, speaker_of, target_of

STAGE = "newsgraph_framing"

__all__ = ["STAGE", "FramingStage", "make_framing_stage"]


@Language.factory(
    STAGE,
    requires=["token.tag", "token.dep", "token.lemma"],
    assigns=["doc._.ng_techniques"],
    default_config={"threshold": 0.0},
)
def make_framing_stage(nlp: Language, name: str, threshold: float) -> FramingStage:
    """spaCy factory for the framing stage."""
    return FramingStage(load_model(), threshold)


class FramingStage:
    """Technique spans with calibrated confidence, speaker and target."""

    def __init__(self, model: TechniqueModel, threshold: float) -> None:
        register_extensions()
        if not 0.0 <= threshold <= 1.0:
            raise ValueError(f"threshold must be in [0, 1], got {threshold}")
        self.model = model
        self.threshold = threshold

    def __call__(self, doc: Doc) -> Doc:
        model = self.model
        techniques: list[Technique] = []
        if len(doc):
            arrays = doc_arrays(doc, model.lexicon, model.affect, model.vectors)
            scores = model.token_scores(arrays)
            proposed = propose_spans(doc, scores, model.token_threshold, model.max_gap)
            kept = [
                (start, end, conf)
                for start, end, score in proposed
                if (conf := platt(score, model.platt_slope, model.platt_intercept))
                >= self.threshold
            ]
            if kept:
                labels = model.classify(doc, arrays, [(s, e) for s, e, _ in kept])
                techniques = self._records(doc, kept, labels.argmax(axis=1).tolist())
        doc._.ng_techniques = techniques
        return doc

    def _records(
        self, doc: Doc, kept: list[tuple[int, int, float]], label_ids: list[int]
    ) -> list[Technique]:
        quotes = doc._.ng_quotes
        entities = doc._.ng_entities
        regions = quoted_regions(doc.text) if quotes else []
        out: list[Technique] = []
        for (start, end, conf), label_id in zip(kept, label_ids, strict=True):
            span = doc[start:end]
            technique = self.model.techniques[label_id]
            first, last = span.start_char, span.end_char
            out.append(
                Technique(
                    start=first,
                    end=last,
                    text=span.text,
                    technique=technique,
                    evidence=Evidence([(first, last)], STAGE, round(conf, 3)),
                    speaker=speaker_of(first, last, quotes, regions),
                    target=target_of(span, technique, entities),
                )
            )
        return out
