"""Attribution: who said what, through whom (``doc._.ng_quotes``, ``doc._.ng_source_chains``).

The stage runs in four passes over one parsed Doc:

1. **Cues** (:mod:`.cues`): every verb or noun is scored by the shipped linear cue model;
   "according to", a clause-final misspelt reporting verb and the colon of a "Label: …" line
   are cues by rule.
2. **Attributions** (:mod:`.indirect`): each cue's source and content come from the parse;
   WordNet word senses (:mod:`.senses`) drop a cue used in a sense that reports nothing ("US
   stocks see 9% drop", "Apple unveils new laptops"); quotation-mark spans (:mod:`.direct`)
   then widen the content to whole direct quotes, attach cue-less quotes that continue a
   speaker's words, and supply the content of "X said:" cues.
3. **Speakers** (:mod:`.speakers`): source mentions → named speakers and actor entities, with
   pronouns and descriptions resolved through the document.
4. **Chains** (:mod:`.chains`): outlet (metadata or dateline) → relays → speaker → channel.

It reads ``doc._.ng_entities`` when the actors stage ran before it, and works without it (NER
names only, no entity ids).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsgraph.extensions import register_extensions
from newsgraph.record import Entity, Evidence, Quote, SourceChain, SourceLink
from newsgraph.resources.wordnet import load_wordnet
from newsgraph.stages.attribution.chains import Outlet, channel_of, dateline_end, find_outlet
from newsgraph.stages.attribution.cues import (
    CueModel,
    DocView,
    Misspellings,
    cue_features,
    has_quote_mark,
)
from newsgraph.stages.attribution.direct import QuoteMarks, find_quote_marks
from newsgraph.stages.attribution.indirect import (
    Attribution,
    according_to,
    clause_final_cue,
    from_verb,
    instrument_patient,
    instrument_source,
    labelled_lines,
    restrictive_relative,
)
from newsgraph.stages.attribution.senses import (
    authored_work,
    booked_result,
    financial_state,
    handled_thing,
    launched_product,
    mute_source,
    perceived_thing,
    reduced_passive,
    shown_thing,
    undergone,
)
from newsgraph.stages.attribution.speakers import SpeakerResolver, named_mentions

STAGE = "newsgraph_attribution"
RESOURCES = Path(__file__).resolve().parent.parent.parent / "resources" / "attribution"
_ACCORDING_CONFIDENCE = 0.9
_MISSPELT_CONFIDENCE = 0.6
_LABEL_CONFIDENCE = 0.7
_CONTINUATION_CONFIDENCE = 0.7
_PROPAGATED_RELAY = 0.6
_DIRECT_SHARE = 0.8
# Cue score a cue needs when its source is the pronoun of a restrictive relative clause
# ("voters *who say* …", "groups *that oppose* …"): PolNeAR leaves most of these unannotated
# (train validation part: 31 of 70 such predictions paired with a gold attribution, 22 right).
# Attribution F1 there, by this threshold: 0.7413 (0.45), 0.7420 (0.5), 0.7415 (0.55, 0.6),
# 0.7413 (0.7), against 0.7407 without; the middle of that plateau.
_RESTRICTIVE_THRESHOLD = 0.55

CharSpan = tuple[int, int]
# What may separate a cue from the quotation it introduces or follows (see `_adjacent`):
# punctuation and spaces within the paragraph, or a colon before a paragraph break. A quotation
# that closes the paragraph above a cue is the previous speaker's.
_ADJACENT = re.compile(r"[\s,:;—–-]*")
_INTRODUCED = re.compile(r"\s*:\s*")


@Language.factory(
    STAGE,
    requires=["token.dep", "token.lemma"],
    assigns=["doc._.ng_quotes", "doc._.ng_source_chains"],
    default_config={"threshold": None, "keep_nested": True},
)
def make_attribution_stage(
    nlp: Language, name: str, threshold: float | None, keep_nested: bool
) -> AttributionStage:
    """spaCy factory: ``threshold`` overrides the cue model's own; ``keep_nested`` keeps an
    attribution whose cue lies inside another's content (PolNeAR annotates only the outer)."""
    model = CueModel.load(RESOURCES / "cue_model.json")
    return AttributionStage(model, Misspellings(nlp.vocab.strings), threshold, keep_nested)


@dataclass
class _Found:
    """An attribution in characters, with its cue token, ready to become a Quote."""

    attribution: Attribution
    cue_token: int
    cue: CharSpan
    source: CharSpan | None
    content: list[CharSpan]
    direct: bool
    confidence: float


class AttributionStage:
    """Quotes, speakers and source chains from the parse, a cue model and quotation marks."""

    def __init__(
        self,
        model: CueModel,
        misspellings: Misspellings,
        threshold: float | None,
        keep_nested: bool,
    ) -> None:
        register_extensions()
        self.model = model
        self.misspellings = misspellings
        self.threshold = model.threshold if threshold is None else threshold
        self.keep_nested = keep_nested
        # The instrument check (indirect.instrument_source) reads WordNet: load it with the
        # pipeline, so that a broken file fails at start-up and no document pays the load.
        load_wordnet()

    def __call__(self, doc: Doc) -> Doc:
        meta = doc._.ng_meta or {}
        view = DocView.of(doc)
        text = view.text  # doc.text is built from Token objects on every access
        outlet = find_outlet(text, meta.get("outlet"))
        body_start = dateline_end(text, outlet)
        marks = find_quote_marks(text)
        in_quote = quoted_chars(len(text), marks)
        attributions = self._attributions(doc, view, in_quote)
        found = [self._to_chars(doc, text, a, body_start) for a in attributions]
        for f in found:
            if not f.content:
                f.content = _adjacent_quote(text, f, marks) or _addressed_quote(doc, text, f, marks)
            elif f.attribution.weak_content:
                f.content = _introduced_quote(text, f, marks) or f.content
        found = [f for f in found if f.content]
        found = _with_quote_marks(text, found, marks)
        found = _outside_turns(doc, found) if self.keep_nested else _outermost(found)
        found.sort(key=lambda f: (f.content[0][0], f.cue[0]))
        quotes, chains = _records(doc, text, found, outlet, doc._.ng_entities)
        doc._.ng_quotes = quotes
        doc._.ng_source_chains = chains
        return doc

    def _attributions(self, doc: Doc, view: DocView, in_quote: bytearray) -> list[Attribution]:
        found: list[Attribution] = []
        text = view.text
        for sent in doc.sents:
            has_quote = has_quote_mark(text[sent.start_char : sent.end_char])
            for i in range(sent.start, sent.end):
                attribution = self._cue_at(doc, view, i, sent, has_quote, in_quote)
                if attribution is not None and (not found or found[-1].cue != attribution.cue):
                    # the verb and participle of "issued a statement saying" give one cue
                    found.append(attribution)
        cues = {a.cue[0] for a in found}
        found += [a for a in labelled_lines(doc, text, _LABEL_CONFIDENCE) if a.cue[0] not in cues]
        return found

    def _cue_at(
        self,
        doc: Doc,
        view: DocView,
        i: int,
        sent: Span,
        has_quote: bool,
        in_quote: bytearray,
    ) -> Attribution | None:
        """The attribution token ``i`` heads: "according to", a scored cue or a misspelt one.
        Token objects are built only for the words that pass (most words are no cue)."""
        attribution: Attribution | None = None
        if view.lowers[i] == "according":
            attribution = according_to(doc[i], sent, _ACCORDING_CONFIDENCE)
        elif view.pos[i] in self.model.candidate_pos:
            bounds = (sent.start, sent.end)
            features = cue_features(view, i, bounds, bool(in_quote[view.idx[i]]), has_quote)
            score = self.model.score(features)
            if score >= self.threshold:
                attribution = _scored_attribution(doc[i], sent, score)
        if (
            attribution is None
            and i > sent.start
            and self.misspellings.lemma(view.texts[i]) is not None
            and doc[i].is_alpha
        ):
            attribution = clause_final_cue(doc[i], sent, _MISSPELT_CONFIDENCE)
        return attribution

    @staticmethod
    def _to_chars(doc: Doc, text: str, attribution: Attribution, body_start: int) -> _Found:
        cue_span = doc[attribution.cue[0] : attribution.cue[1]]
        # Syntactic content stays in the cue's paragraph (a parse can run a headline into the
        # lede); quotations running over paragraphs are joined later from the quote marks.
        # The dateline bounds only the contents of cues after it (a headline above it has its own).
        lower = text.rfind("\n", 0, cue_span.start_char) + 1
        if cue_span.start_char >= body_start:
            lower = max(body_start, lower)
        upper = text.find("\n", cue_span.end_char)
        upper = len(text) if upper == -1 else upper
        content: list[CharSpan] = []
        for start, end in attribution.content:
            span = doc[start:end]
            s, e = max(span.start_char, lower), min(span.end_char, upper)
            if s < e:
                content.append((s, e))
        source = None
        if attribution.source is not None and attribution.source[0] < attribution.source[1]:
            src = doc[attribution.source[0] : attribution.source[1]]
            source = (src.start_char, src.end_char)
            # A subject parsed across a paragraph break or the dateline ("4:40 p.m.\n\n
            # Republican presidential candidate Marco Rubio says") keeps the cue's side.
            s, e = max(source[0], lower), min(source[1], upper)
            if s < e:
                source = _strip(text, s, e)
        return _Found(
            attribution,
            attribution.cue[0],
            (cue_span.start_char, cue_span.end_char),
            source,
            content,
            direct=False,
            confidence=attribution.confidence,
        )


def _scored_attribution(token: Token, sent: Span, score: float) -> Attribution | None:
    """The attribution an accepted cue heads; None when its source shows there is none: a
    weapon or vehicle ("targeted by dozens of missiles": no one speaks), a time, money, a
    market or an occasion ("US stocks see 9% drop"), or the pronoun of a restrictive relative
    clause below its stricter threshold ("voters *who say* …"); None too for a perception verb
    in the sense "undergo" ("Japan also saw a collapse"), for a product shown ("Apple
    unveils new laptops"), for a weapon or vehicle moved ("the jet was being pushed"), for a
    bankruptcy declared, for a written work authored ("wrote a memoir") and for a headline's
    passive ("Jane Smith appointed as …")."""
    attribution = from_verb(token, sent, score)
    source = attribution.source
    if source is not None and (
        instrument_source(source, token.doc)
        or mute_source(source, token.doc)
        or (score < _RESTRICTIVE_THRESHOLD and restrictive_relative(source, token.doc))
    ):
        return None
    if (
        undergone(token, source)
        or shown_thing(token)
        or launched_product(token)
        or perceived_thing(token)
        or handled_thing(token)
        or booked_result(token)
        or financial_state(token)
        or authored_work(token)
        or reduced_passive(token)
        or instrument_patient(token)
    ):
        return None
    if not attribution.content:
        attribution = clause_final_cue(token, sent, score) or attribution
    return attribution


def _with_quote_marks(text: str, found: list[_Found], marks: list[QuoteMarks]) -> list[_Found]:
    """Widen contents to whole quotes; give cue-less quotes to the speaker they continue."""
    used: set[int] = set()
    for f in found:
        for index, quote in enumerate(marks):
            if any(_overlap(c, piece) for c in f.content for piece in quote.pieces):
                if _inside_quote(f.cue, quote):
                    continue
                f.content = _union(f.content, quote.pieces)
                used.add(index)
        f.direct = _quoted_share(f.content, marks) >= _DIRECT_SHARE
    ends = sorted((max(e for _, e in [*f.content, f.cue]), i) for i, f in enumerate(found))
    paragraphs = _paragraph_starts(text)
    for index, quote in enumerate(marks):
        if index in used or any(_inside_quote(f.cue, quote) for f in found):
            continue
        position = bisect.bisect_right([e for e, _ in ends], quote.start) - 1
        if position < 0:
            continue
        previous = found[ends[position][1]]
        same_paragraph = _paragraph(paragraphs, quote.start) == _paragraph(
            paragraphs, max(e for _, e in [*previous.content, previous.cue])
        )
        if previous.direct and same_paragraph:
            previous.content = _union(previous.content, quote.pieces)
            previous.confidence = min(previous.confidence, _CONTINUATION_CONFIDENCE)
    return found


def quoted_chars(length: int, marks: list[QuoteMarks]) -> bytearray:
    """One flag per character: inside quotation marks (1) or not (0)."""
    flags = bytearray(length + 1)
    for quote in marks:
        for start, end in quote.pieces:
            flags[start + 1 : max(start + 1, end - 1)] = b"\x01" * max(0, end - start - 2)
    return flags


def _adjacent_quote(text: str, f: _Found, marks: list[QuoteMarks]) -> list[CharSpan]:
    """The quotation right before or right after a cue that governs no content.

    '"…?" Priebus said.' (the parser leaves a question as no complement of "said") and
    'Continued Stone: "…"' put the content next to the attribution, separated only by spaces and
    punctuation.
    """
    edges = [f.cue] + ([f.source] if f.source else [])
    start = min(s for s, _ in edges)
    end = max(e for _, e in edges)
    for quote in marks:
        if quote.end <= start and _adjacent(text, quote.end, start):
            return list(quote.pieces)
        if quote.start >= end and _adjacent(text, end, quote.start):
            return list(quote.pieces)
    return []


def _adjacent(text: str, start: int, end: int) -> bool:
    """Only spaces and punctuation between ``start`` and ``end``, and no paragraph break unless
    a colon comes before it (the cue's own, as in "echoed:", or in the gap)."""
    if not _ADJACENT.fullmatch(text, start, end):
        return False
    newline = text.find("\n", start, end)
    return newline == -1 or ":" in text[max(0, start - 1) : newline]


def _introduced_quote(text: str, f: _Found, marks: list[QuoteMarks]) -> list[CharSpan]:
    """The quotation a colon introduces right after an object content ('whispered to him: "…"').

    Only after a colon: a quotation right *before* "told Fox News" is more often another
    attribution's content than this one's (measured on PolNeAR train's validation part).
    """
    end = max(e for _, e in f.content)
    for quote in marks:
        if quote.start >= end and _INTRODUCED.fullmatch(text, end, quote.start):
            return list(quote.pieces)
    return []


def _addressed_quote(doc: Doc, text: str, f: _Found, marks: list[QuoteMarks]) -> list[CharSpan]:
    """The quotation a colon introduces after the cue's addressee ('He tells the crowd:
    "…"'): the addressee is no content, so nothing else puts the quotation next to the cue."""
    cue = doc[f.cue_token]
    addressees = [c for c in cue.rights if c.dep_ in ("dobj", "dative")]
    if not addressees:
        return []
    end = addressees[0].right_edge.idx + len(addressees[0].right_edge)
    for quote in marks:
        if quote.start >= end and _INTRODUCED.fullmatch(text, end, quote.start):
            return list(quote.pieces)
    return []


def _is_nested(f: _Found, found: list[_Found]) -> bool:
    """The attribution's cue lies inside the content of another attribution of ``found``."""
    return any(g is not f and any(_overlap(f.cue, c) for c in g.content) for g in found)


def _outside_turns(doc: Doc, found: list[_Found]) -> list[_Found]:
    """Drop attributions inside a labelled line's content ("FALLIN: I think he is …"): a
    speaker's turn in a transcript relays no one, and PolNeAR leaves the inner cues
    unannotated (train validation part: 20 of 24 such cues found nothing)."""
    turns = [f for f in found if doc[f.cue_token].text == ":"]
    cited = [f for f in found if doc[f.cue_token].lower_ == "according"]
    headings = [t for t in turns if _heading(doc, t) and any(_is_nested(c, [t]) for c in cited)]
    turns = [t for t in turns if t not in headings]
    return [f for f in found if f not in headings and not _is_nested(f, turns)]


def _heading(doc: Doc, line: _Found) -> bool:
    """A labelled line whose label is a common noun, no name ("Superdelegates: Clinton is
    backed by 520 …, according to the Associated Press"): when its words are "according to"
    someone, the label is the line's topic and the cited source the attribution. A named
    speaker's turn ("Smith: I think they acted, according to the rules, …") stays a turn."""
    label = line.attribution.source
    if label is None:
        return False
    last = doc[label[1] - 1]
    return last.pos_ == "NOUN" and last.ent_type_ != "PERSON"


def _outermost(found: list[_Found]) -> list[_Found]:
    """Drop attributions whose cue lies inside another attribution's content."""
    return [f for f in found if not _is_nested(f, found)]


_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "who"})
# Words around a name that are no role: honorifics ("Mr Howard") and determiners ("The EU").
_NOT_ROLE_WORDS = frozenset(
    {"mr", "mrs", "ms", "miss", "dr", "sir", "madam", "the", "a", "an", "mr.", "mrs.", "ms.",
     "dr.", "that", "this", "these", "those"}
)  # fmt: skip
_ROLE_TRIM = " \t\n,;:()-–—"


def _role(text: str, source: tuple[int, int] | None, speaker: str | None) -> str | None:
    """The speaker's role as the source mention states it, without the speaker's name.

    "a senior leader of Kata'ib Hezbollah" describes the speaker; in "Spokeswoman Sandy
    Angers" or "Stephen Harper, Prime Minister of Canada" the words beside the name do.
    Honorifics and determiners are no role ("Mr Howard", "The EU"), nor is the name's
    initials ("EU" for the European Union) or a possessive ("Fiat's announcement").
    """
    if source is None or speaker is None:
        return None
    mention = text[source[0] : source[1]].strip()
    lower = mention.lower()
    if lower in _PRONOUNS:
        return None
    for name in (speaker.lower(), speaker.lower().split()[-1]):
        found = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", lower)
        if found is not None:
            if lower[found.end() :].startswith(("'s", "\u2019s")):
                return None
            before, after = mention[: found.start()], mention[found.end() :]
            mention = f"{before.strip(_ROLE_TRIM)} {after.strip(_ROLE_TRIM)}".strip()
            break
    words = [w for w in mention.lower().split() if w not in _NOT_ROLE_WORDS]
    initials = "".join(w[0] for w in speaker.split() if w[:1].isupper()).lower()
    if not any(w.isalpha() for w in words) or words == [initials]:
        return None
    return mention


def _records(
    doc: Doc,
    text: str,
    found: list[_Found],
    outlet: Outlet | None,
    entities: list[Entity] | None,
) -> tuple[list[Quote], list[SourceChain]]:
    resolver = SpeakerResolver(doc, named_mentions(doc, entities))
    speakers = resolver.resolve_all([f.source for f in found])
    quotes: list[Quote] = []
    for number, (f, speaker) in enumerate(zip(found, speakers, strict=True), start=1):
        skip: set[int] = set()
        for s, e in [*f.content, *([f.source] if f.source else [])]:
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is not None:
                skip.update(range(span.start, span.end))
        channel = channel_of(doc, f.cue_token, skip)
        spans = [*f.content, f.cue] + ([f.source] if f.source else [])
        confidence = round(min(1.0, f.confidence * (speaker.confidence if speaker else 1.0)), 3)
        quotes.append(
            Quote(
                content=list(f.content),
                cue=f.cue,
                source=f.source,
                evidence=Evidence(spans, STAGE, confidence),
                id=f"q{number}",
                speaker=speaker.name if speaker else None,
                speaker_entity=speaker.entity if speaker else None,
                direct=f.direct,
                channel=channel[0] if channel else None,
                role=_role(text, f.source, speaker.name if speaker else None),
                nested=_is_nested(f, found),
            )
        )
    return quotes, _chains(text, quotes, found, doc, outlet, entities)


def _chains(
    text: str,
    quotes: list[Quote],
    found: list[_Found],
    doc: Doc,
    outlet: Outlet | None,
    entities: list[Entity] | None,
) -> list[SourceChain]:
    """One chain per quote: outlet → relays (outermost first) → speaker → channel."""
    outlet_link = _outlet_link(outlet, entities)
    # A relay's content shares characters with what it reports, so only pairs whose contents'
    # extents overlap are compared (every pair was, and most share nothing).
    extents = [(min(s for s, _ in f.content), max(e for _, e in f.content)) for f in found]
    relays = [
        [
            j
            for j in range(len(found))
            if j != i and _overlap(extents[j], extents[i]) and _relays(doc, found[j], found[i])
        ]
        for i in range(len(found))
    ]
    relays_of_speaker: dict[str, list[int]] = {}
    for i, quote in enumerate(quotes):
        if quote.speaker:
            known = relays_of_speaker.setdefault(quote.speaker, [])
            known.extend(j for j in relays[i] if j not in known)
    cited = _cited(doc, found)
    chains: list[SourceChain] = []
    for i, quote in enumerate(quotes):
        links = [outlet_link] if outlet_link is not None else []
        direct = sorted(relays[i], key=lambda j: -sum(e - s for s, e in quotes[j].content))
        propagated = [j for j in relays_of_speaker.get(quote.speaker or "", []) if j not in direct]
        for j, confidence in [(j, 0.9) for j in direct] + [
            (j, _PROPAGATED_RELAY) for j in propagated
        ]:
            if j != i:
                links.append(_speaker_link("relay", text, quotes[j], confidence))
        speaker = _speaker_link("speaker", text, quote, quote.evidence.confidence)
        if i in cited:
            # "Reuters reported, citing a military source, …": the reporter relays the cited.
            source = quotes[cited[i]]
            links.append(SourceLink("relay", speaker.name, speaker.evidence, speaker.entity))
            name = text[source.content[0][0] : source.content[-1][1]]
            evidence = Evidence(
                [*source.content, *([source.cue] if source.cue else [])], STAGE, 0.7
            )
            speaker = SourceLink("speaker", name, evidence, None)
        if speaker.name:
            links.append(speaker)
        if quote.channel and quote.cue:
            links.append(SourceLink("channel", quote.channel, Evidence([quote.cue], STAGE, 0.8)))
        chains.append(SourceChain(links=links, quote=quote.id))
    return chains


def _relays(doc: Doc, outer: _Found, inner: _Found) -> bool:
    """``outer`` reports ``inner``: inner's cue hangs below outer's cue in the parse ("…, he
    continued, …, Press TV reported"; "…, the commander said, Reuters reported") or lies in
    outer's content, and outer's content holds most of inner's."""
    inner_size = sum(e - s for s, e in inner.content)
    shared = sum(
        max(0, min(e, oe) - max(s, os)) for s, e in inner.content for os, oe in outer.content
    )
    if shared * 2 < inner_size:  # checked first: most pairs share nothing, and it is cheap
        return False
    if any(_overlap(inner.cue, c) for c in outer.content):
        return True
    return doc[outer.cue_token].is_ancestor(doc[inner.cue_token])


def _cited(doc: Doc, found: list[_Found]) -> dict[int, int]:
    """quote index → index of a "citing X" attribution hanging on that quote's cue verb."""
    by_cue_token = {f.cue_token: i for i, f in enumerate(found)}
    cited: dict[int, int] = {}
    for j, f in enumerate(found):
        token = doc[f.cue_token]
        if token.lemma_.lower() == "cite" and token.head.i in by_cue_token:
            i = by_cue_token[token.head.i]
            if i != j:
                cited[i] = j
    return cited


def _speaker_link(role: str, text: str, quote: Quote, confidence: float) -> SourceLink:
    name = quote.speaker or (text[quote.source[0] : quote.source[1]] if quote.source else "")
    spans = [s for s in (quote.source, quote.cue) if s is not None]
    return SourceLink(role, name, Evidence(spans, STAGE, confidence), quote.speaker_entity)


def _outlet_link(outlet: Outlet | None, entities: list[Entity] | None) -> SourceLink | None:
    """The outlet link, tied to the actor entity its dateline mention or name belongs to."""
    if outlet is None:
        return None
    entity = None
    for candidate in entities or []:
        names = {candidate.name.lower(), *(a.lower() for a in candidate.aliases)}
        overlaps = outlet.span is not None and any(
            _overlap(outlet.span, (m.start, m.end)) for m in candidate.mentions
        )
        if overlaps or outlet.name.lower() in names:
            entity = candidate.id
            break
    spans = [s for s in (outlet.span, outlet.byline) if s is not None]
    return SourceLink("outlet", outlet.name, Evidence(spans, STAGE, 0.9), entity)


def _strip(text: str, start: int, end: int) -> CharSpan:
    """The span without edge whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _overlap(a: CharSpan, b: CharSpan) -> bool:
    return min(a[1], b[1]) > max(a[0], b[0])


def _inside_quote(span: CharSpan, quote: QuoteMarks) -> bool:
    return any(s <= span[0] and span[1] <= e for s, e in quote.pieces)


def _union(spans: list[CharSpan], extra: list[CharSpan]) -> list[CharSpan]:
    merged: list[CharSpan] = []
    for s, e in sorted([*spans, *extra]):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def _quoted_share(content: list[CharSpan], marks: list[QuoteMarks]) -> float:
    total = sum(e - s for s, e in content)
    if not total:
        return 0.0
    inside = 0
    for s, e in content:
        for quote in marks:
            for qs, qe in quote.pieces:
                inside += max(0, min(e, qe) - max(s, qs))
    return inside / total


def _paragraph_starts(text: str) -> list[int]:
    starts = [0]
    index = text.find("\n")
    while index != -1:
        starts.append(index + 1)
        index = text.find("\n", index + 1)
    return starts


def _paragraph(starts: list[int], offset: int) -> int:
    return bisect.bisect_right(starts, offset) - 1
