"""The events stage: PLOVER and ACLED coding with actor, recipient, place, time, casualties.

``newsgraph_events`` turns each clause that reports an act into one
:class:`~newsgraph.record.Event`: PLOVER type and modes from the CAMEO-derived trigger lexicon
and dependency rules (:mod:`.detect`; a verb the lexicon lacks is typed by its nearest lexicon
verb in word-vector space, :mod:`.neighbours`), checked by a learned re-typer (:mod:`.typer`), actor
and recipient from the parse (:mod:`.arguments`), modality flags (:mod:`.flags`), casualties
(:mod:`.casualties`), the ACLED type and sub-event type (rules in :mod:`.acled`, refined by the
learned model of :mod:`.classifier` when it was built locally), and place, time, attribution and
canonical entities from the other layers when they are on the Doc (:mod:`.linking`). Repeated
mentions of one act become one record. An article with no ACLED-typed event is coded by the
codebook cue rules of :mod:`.fallback` (reports of violence with no attack verb: "civilians
suffered suffocation from poisonous gas"): on the material act that holds the cue, else as one
low-confidence document-level event.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsgraph.extensions import register_extensions
from newsgraph.plover import QUAD
from newsgraph.record import Event, Evidence, TimeExpr
from newsgraph.stages.events.acled import (
    ACLED_TYPES,
    AGREEMENT_WORDS,
    SUB_TO_TYPE,
    acled_types,
)
from newsgraph.stages.events.arguments import Argument, argument, doer, verb_arguments
from newsgraph.stages.events.casualties import read_casualties
from newsgraph.stages.events.classifier import AcledClassifier, load_classifier
from newsgraph.stages.events.confidence import ConfidenceModel, event_features, load_confidence
from newsgraph.stages.events.detect import Candidate, Detector, clause_tokens
from newsgraph.stages.events.fallback import CROWD, Fallback, document_fallback
from newsgraph.stages.events.linking import (
    TimeLink,
    clause_range,
    doc_layer,
    link_entities,
    link_place,
    link_quote,
    link_time,
    names_a_channel,
    names_a_time,
    party_entities,
    place_before_act,
    story_time,
)
from newsgraph.stages.events.neighbours import load_neighbours
from newsgraph.stages.events.triggers import load_lexicon
from newsgraph.stages.events.typer import load_typer

STAGE = "newsgraph_events"
# Confidence of a document-level fallback event, read off cue words with no clause of its own:
# a low constant, as the confidence model (confidence.py) was fitted on clause-level events.
FALLBACK_CONFIDENCE = 0.1
__all__ = ["STAGE", "EventsStage", "make_events_stage"]


@Language.factory(
    STAGE,
    requires=["token.dep", "token.lemma", "token.tag", "doc.sents"],
    assigns=["doc._.ng_events"],
    default_config={
        "keep_irrealis": False,
        "typer": True,
        "classifier": True,
        "classifier_min_prob": 0.35,
        "fallback": True,
        "neighbours": True,
        "confidence": True,
    },
)
def make_events_stage(
    nlp: Language,
    name: str,
    keep_irrealis: bool,
    typer: bool,
    classifier: bool,
    classifier_min_prob: float,
    fallback: bool,
    neighbours: bool,
    confidence: bool,
) -> EventsStage:
    """spaCy factory for the events stage."""
    return EventsStage(
        keep_irrealis=keep_irrealis,
        use_typer=typer,
        use_classifier=classifier,
        classifier_min_prob=classifier_min_prob,
        use_fallback=fallback,
        use_neighbours=neighbours,
        use_confidence=confidence,
    )


@dataclass(frozen=True)
class _Layers:
    """What earlier stages wrote on the doc that an event links to: the article's metadata
    (id, published date), its places, times, quotes and entities (None: stage not run)."""

    meta: dict[str, Any]
    places: list[Any] | None
    times: list[Any] | None
    quotes: list[Any] | None
    entities: list[Any] | None
    narrative: bool  # the times stage reads the text as history (see link_time)
    text: str  # ``doc.text`` joins every token on each access: read it once
    id_base: str  # the article id, else a hash of its text: events' ids start with it

    @classmethod
    def of(cls, doc: Doc) -> _Layers:
        meta = doc._.ng_meta or {}
        text = doc.text
        doc_id = meta.get("id")
        return cls(
            meta=meta,
            text=text,
            id_base=str(doc_id)
            if doc_id
            else hashlib.sha256(text.encode("utf-8")).hexdigest()[:16],
            places=doc_layer(doc, "ng_places"),
            times=doc_layer(doc, "ng_times"),
            quotes=doc_layer(doc, "ng_quotes"),
            entities=doc_layer(doc, "ng_entities"),
            narrative=bool(doc._.ng_narrative),
        )


class EventsStage:
    """Detects, codes and links events; writes ``doc._.ng_events``."""

    def __init__(
        self,
        *,
        keep_irrealis: bool = False,
        use_typer: bool = True,
        use_classifier: bool = True,
        classifier_min_prob: float = 0.35,
        use_fallback: bool = True,
        use_neighbours: bool = True,
        use_confidence: bool = True,
    ) -> None:
        register_extensions()
        lexicon = load_lexicon()
        self.detector = Detector(
            lexicon,
            keep_irrealis=keep_irrealis,
            typer=load_typer() if use_typer else None,
            neighbours=load_neighbours(lexicon) if use_neighbours else None,
        )
        self.classifier: AcledClassifier | None = load_classifier() if use_classifier else None
        self.classifier_min_prob = classifier_min_prob
        self.fallback = use_fallback
        self.confidence: ConfidenceModel | None = load_confidence() if use_confidence else None

    def __call__(self, doc: Doc) -> Doc:
        candidates = self.detector(doc)
        layers = _Layers.of(doc)
        events: list[Event] = []
        previous: TimeLink | None = None
        last_char = 0
        for number, candidate in enumerate(candidates):
            here = candidate.span.start_char
            if "\n\n" in layers.text[last_char:here]:
                previous = None  # a narrative keeps its time within its paragraph only
            elif layers.narrative and _told_between(layers.times, last_char, here):
                previous = None  # history moved on: "… On March 20, 2003 the invasion began."
            event, previous = self._event(doc, candidate, number, layers, previous)
            last_char = here
            events.append(event)
        if self.fallback and not any(e.acled_sub_event_type for e in events):
            # Only what a verbal act says is unreported ("accused rebels of violating a
            # ceasefire"); what a material act governs happened ("forces withdrew from the
            # port", "established observation points") and stays readable.
            coded = {
                t.i
                for c in candidates
                if QUAD.get(c.type) in {1, 3}
                for t in (c.trigger, c.carrier)
                if t is not None
            }
            found = document_fallback(doc, coded)
            owner = None if found is None else _owner(found.cue, candidates)
            if found is not None and owner is not None:
                # The cue lies inside an act already coded ("warships launched war games"):
                # that record gets the ACLED coding; a second record would count it twice.
                events[owner].acled_sub_event_type = found.acled_sub_event_type
                events[owner].acled_event_type = SUB_TO_TYPE[found.acled_sub_event_type]
            elif found is not None:
                events.append(self._fallback_event(doc, found, len(events), layers))
        doc._.ng_events = events
        return doc

    def _fallback_event(
        self,
        doc: Doc,
        found: Fallback,
        number: int,
        layers: _Layers,
    ) -> Event:
        """The document-level event of :mod:`.fallback`, with a low constant confidence (the
        confidence model judges clause-level events only). Actor and recipient are the
        grammatical ones of the verb that governs the cue ("gas used by militants"), if any,
        and a protest's actor is its crowd; nothing is guessed beyond the parse."""
        cue = doc[found.cue.i : found.cue.i + 1]
        sent = found.cue.sent
        clause = (sent.start_char, sent.end_char)
        trigger = (cue.start_char, cue.end_char)
        when = link_time(
            layers.times,
            clause,
            sent,
            None,
            layers.meta.get("published"),
            trigger,
            layers.narrative,
        )
        verb = next((t for t in [found.cue, *found.cue.ancestors] if t.pos_ == "VERB"), None)
        actor: Argument | None = None
        recipient: Argument | None = None
        if found.type == "PROTEST" and found.cue.lower_ in CROWD:
            actor = argument(found.cue)  # the crowd protests, whoever chased it
        elif verb is not None and found.type != "PROTEST":
            # A protest read off the means used against it names no crowd: the force that
            # used them is not the protester.
            actor, recipient = verb_arguments(verb)
            # An argument that holds the cue is the thing used ("poisonous gas was used"), not
            # a party to the event.
            actor = None if _holds(actor, found.cue) else actor
            recipient = None if _holds(recipient, found.cue) else recipient
        actor_text = actor.text if actor is not None else None
        recipient_text = recipient.text if recipient is not None else None
        return Event(
            id=_event_id(layers.id_base, cue, number),
            type=found.type,
            evidence=Evidence([trigger], STAGE, FALLBACK_CONFIDENCE),
            mode=[] if found.mode is None else [found.mode],
            actor_text=actor_text,
            recipient_text=recipient_text,
            actors=link_entities(layers.entities, _spans(actor.span if actor else None)),
            recipients=link_entities(
                layers.entities, _spans(recipient.span if recipient else None)
            ),
            trigger=trigger,
            place=link_place(
                layers.places, clause, sent, cue.start_char, [found.cue] if verb is None else [verb]
            ),
            date=when.date,
            earliest=when.earliest,
            latest=when.latest,
            date_source=when.source,
            acled_event_type=SUB_TO_TYPE[found.acled_sub_event_type],
            acled_sub_event_type=found.acled_sub_event_type,
            attributed_to=link_quote(layers.quotes, cue.start_char),
        )

    def _event(
        self,
        doc: Doc,
        cand: Candidate,
        number: int,
        layers: _Layers,
        previous: TimeLink | None,
    ) -> tuple[Event, TimeLink]:
        sent = cand.trigger.sent
        tokens = clause_tokens(cand.trigger, cand.carrier, cand.absorbed)
        clause = clause_range(tokens)
        trigger_char = cand.span.start_char
        casualties = read_casualties(_clause_text(doc, tokens), clause[0])
        trigger = (cand.span.start_char, cand.span.end_char)
        when = link_time(
            layers.times,
            clause,
            sent,
            previous,
            layers.meta.get("published"),
            trigger,
            layers.narrative,
            frozenset(t.idx for t in tokens),
        )
        confidence = cand.confidence
        spans = [(m.start_char, m.end_char) for m in cand.mentions]
        spans.extend(casualties.spans)
        actor = doer(cand.actor)
        if place_before_act(layers.places, actor.heads) or names_a_time(layers.times, actor):
            actor = argument(None)  # "the Florida shooting": where, not who
        recipient = cand.recipient
        if names_a_time(layers.times, recipient) or names_a_channel(layers.entities, recipient):
            recipient = argument(None)  # "… with … 499 BC": when; "claimed on Twitter": how
        actor_spans = _spans(actor.span)
        recipient_spans = _spans(recipient.span)
        words = frozenset(
            w for t in doc[sent.start : sent.end] for w in (t.lower_, t.lemma_.lower())
        )
        acled_type, acled_sub = self._acled(cand, words, sent)
        event = Event(
            id=_event_id(layers.id_base, cand.span, number),
            type=cand.type,
            evidence=Evidence(spans, STAGE, round(confidence, 3)),
            mode=list(cand.mode),
            actor_text=actor.text,
            recipient_text=recipient.text,
            actors=party_entities(layers.entities, actor.heads, actor_spans),
            recipients=party_entities(layers.entities, recipient.heads, recipient_spans),
            trigger=(cand.span.start_char, cand.span.end_char),
            place=link_place(
                layers.places, clause, sent, trigger_char, [cand.trigger, cand.anchor]
            ),
            date=when.date,
            earliest=when.earliest,
            latest=when.latest,
            date_source=when.source,
            fatalities=casualties.fatalities if cand.type == "ASSAULT" else None,
            fatalities_unknown_count=cand.type == "ASSAULT" and casualties.fatalities_unknown_count,
            injured=casualties.injured if cand.type == "ASSAULT" else None,
            arrested=casualties.arrested if cand.type == "COERCE" else None,
            negated=cand.flags.negated,
            hypothetical=cand.flags.hypothetical,
            future=cand.flags.future,
            habitual=cand.flags.habitual,
            acled_event_type=acled_type,
            acled_sub_event_type=acled_sub,
            attributed_to=link_quote(layers.quotes, trigger_char),
        )
        if self.confidence is not None:
            # The rules' constant says only "a verb" or "a noun"; the model judges the whole
            # coded event (confidence.py). Computed last: it reads the flags and links above.
            event.evidence.confidence = round(
                self.confidence.probability(event_features(doc, event)), 3
            )
        return event, when

    def _acled(
        self, cand: Candidate, words: frozenset[str], sent: Span
    ) -> tuple[str | None, str | None]:
        if cand.type not in ACLED_TYPES or _promised_only(cand, words):
            return (None, None)
        rule_type, rule_sub = acled_types(
            cand.type, cand.mode, words, cand.actor.text, cand.recipient.text
        )
        if rule_sub is None and cand.type not in {"ASSAULT", "PROTEST", "COERCE", "MOBILIZE"}:
            return (None, None)
        if self.classifier is None:
            return (rule_type, rule_sub)
        coding = [f"plover={cand.type}", *(f"mode={m}" for m in cand.mode), f"rule={rule_sub}"]
        label, prob = self.classifier.predict(sent.text, coding)
        if prob >= self.classifier_min_prob or rule_sub is None:
            return (SUB_TO_TYPE[label], label)
        return (rule_type, rule_sub)


def _promised_only(cand: Candidate, words: frozenset[str]) -> bool:
    """Whether an AGREE is only a future act ("the ministers will meet next week"): PLOVER
    codes it AGREE, but ACLED's Agreement is an agreement reached, so with no agreement word
    in the sentence it has no ACLED coding."""
    return cand.type == "AGREE" and cand.flags.future and not words & AGREEMENT_WORDS


def _clause_text(doc: Doc, tokens: list[Token]) -> str:
    """The clause's characters, with the words of excluded sub-clauses blanked out so that
    offsets still line up with ``doc.text`` ("deadly" in a neighbouring clause is not ours)."""
    start = tokens[0].idx
    chars = [" "] * (tokens[-1].idx + len(tokens[-1].text) - start)
    for token in tokens:
        offset = token.idx - start
        chars[offset : offset + len(token.text)] = token.text
    return "".join(chars)


def _owner(cue: Token, candidates: list[Candidate]) -> int | None:
    """The index of the coded event whose predicate governs ``cue`` (nearest first), if any."""
    anchors = {t.i: n for n, c in enumerate(candidates) for t in (c.trigger, c.carrier) if t}
    for node in [cue, *cue.ancestors]:
        if node.i in anchors:
            return anchors[node.i]
    return None


def _holds(arg: Argument | None, token: Token) -> bool:
    return arg is not None and arg.span is not None and arg.span.start <= token.i < arg.span.end


def _told_between(times: list[TimeExpr] | None, start: int, end: int) -> bool:
    """Whether the text names a calendar time between two acts: in history the later act
    takes that time, not the earlier act's."""
    return any(start <= t.start < end and story_time(t) for t in times or [])


def _spans(span: Span | None) -> list[tuple[int, int]]:
    return [] if span is None else [(span.start_char, span.end_char)]


def _event_id(base: str, trigger: Span, number: int) -> str:
    """Stable id: article id (or text hash) + trigger offset, so reruns give the same ids."""
    return f"{base}#ev{number}@{trigger.start_char}"
