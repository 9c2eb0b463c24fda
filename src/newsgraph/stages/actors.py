"""Entities & actors: NER plus a dictionary of canonical actors.

The small English NER model finds names but mislabels many that matter here ("Twitter" and
"Ain al-Assad" as PERSON) and knows nothing about who an actor *is*. This stage matches the
shipped actor dictionary (canonical name, aliases and transliteration variants, Wikidata id,
country, PLOVER sector) over the tokens, lets a dictionary match override an overlapping NER
entity (fixing its label in ``doc.ents``), then groups every mention into one canonical
:class:`~newsgraph.record.Entity`: dictionary matches by id, NER-only names by name, and
partial names ("al-Askari", "Barra") to the full name seen in the same article. Before that it
repairs one NER error that loses people: an office before a full name read as an organisation
("Spokeswoman Sandy Angers" ORG) becomes the person, by WordNet's classes of offices.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from newsgraph.extensions import register_extensions
from newsgraph.normalize import normalize
from newsgraph.record import Entity, Evidence, Mention
from newsgraph.resources.actor_dictionary import ActorEntry, load_actor_dictionary
from newsgraph.resources.wordnet import WordNetLexicon, load_wordnet

STAGE = "newsgraph_actors"
_NER_LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "NORP": "NORP"}
_LABEL_FOR_TYPE = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "NORP": "NORP"}
_DICT_CONFIDENCE = 0.9
_PARTIAL_CONFIDENCE = 0.75
# Leading words that are part of a NER span but not of the name ("the Iraqi parliament").
_DETERMINERS = frozenset({"the", "a", "an", "'s"})
# WordNet classes of an office or function written before a name ("Spokeswoman Sandy Angers",
# "Colonel John Smith"); ranks of nobility are left out, as "Prince Harry" is how he is named.
_TITLE_CLASSES = frozenset(
    {"spokesperson", "official", "executive", "administrator", "head", "politician",
     "military officer", "clergyman", "lawman", "representative", "presiding officer"}
)  # fmt: skip
_NOBILITY = frozenset({"aristocrat", "sovereign", "ruler"})
# Words, and each punctuation mark on its own: "Kata'ib" → Kata ' ib, "al-Askari" → al - Askari.
_WORD = re.compile(r"\w+|[^\w\s]")


@dataclass
class _Found:
    """A mention before grouping: span, dictionary entry (if any), evidence."""

    span: Span
    entry: ActorEntry | None
    confidence: float


@Language.factory(
    STAGE,
    requires=["doc.ents"],
    assigns=["doc.ents", "doc._.ng_entities"],
    default_config={"ner_confidence": 0.6, "short_alias_max_len": 3},
)
def make_actors_stage(
    nlp: Language, name: str, ner_confidence: float, short_alias_max_len: int
) -> ActorsStage:
    """spaCy factory for the actors stage."""
    return ActorsStage(
        nlp, load_actor_dictionary(), ner_confidence, short_alias_max_len, load_wordnet()
    )


class ActorsStage:
    """Dictionary + NER entity recognition and in-document grouping into canonical entities."""

    def __init__(
        self,
        nlp: Language,
        entries: Iterable[ActorEntry],
        ner_confidence: float,
        short_alias_max_len: int,
        wordnet: WordNetLexicon,
    ) -> None:
        register_extensions()
        self.ner_confidence = ner_confidence
        self.wordnet = wordnet
        self.entries: dict[str, ActorEntry] = {}
        # Aliases are keyed by their word tuple (see _words). Case-insensitive for ordinary
        # names; exact case for short or all-caps aliases ("US" must not match the pronoun "us",
        # nor "KH" a random "kh"). Tokenising 30k aliases with spaCy would cost seconds at every
        # start; the regex tokenisation applied to both sides costs milliseconds.
        self.lower: dict[tuple[str, ...], str] = {}
        self.exact: dict[tuple[str, ...], str] = {}
        for entry in entries:
            self.entries[entry.id] = entry
            for alias in entry.aliases:
                if not alias.isascii():
                    alias = normalize(alias).text  # the text is matched in normalised form
                if len(alias) <= short_alias_max_len or alias.isupper():
                    self.exact.setdefault(tuple(_WORD.findall(alias)), entry.id)
                else:
                    self.lower.setdefault(tuple(_WORD.findall(alias.lower())), entry.id)
        # For each first word, the alias lengths that start with it (longest first).
        self.lengths: dict[str, list[int]] = {}
        for key in (*self.lower, *self.exact):
            if key:
                self.lengths.setdefault(key[0].lower(), []).append(len(key))
        for first, lengths in self.lengths.items():
            self.lengths[first] = sorted(set(lengths), reverse=True)

    def __call__(self, doc: Doc) -> Doc:
        titled = [self._titled_person(ent) for ent in doc.ents]
        if any(titled):
            doc.ents = [t or ent for t, ent in zip(titled, doc.ents, strict=True)]
        found = self._dictionary_mentions(doc)
        claimed = {i for f in found for i in range(f.span.start, f.span.end)}
        for ent in doc.ents:
            if ent.label_ in _NER_LABELS and not claimed.intersection(range(ent.start, ent.end)):
                span = _strip_determiners(ent)
                if span is not None:
                    found.append(_Found(span, None, self.ner_confidence))
        found.sort(key=lambda f: (f.span.start, f.span.end))
        self._fix_ents(doc, found)
        doc._.ng_entities = self._group(found)
        return doc

    def _titled_person(self, ent: Span) -> Span | None:
        """The person named after an office in a span the NER model gave another label.

        The small model reads a capitalised office before a full name as part of an
        organisation ("Spokeswoman Sandy Angers" ORG), so the person is lost and her surname
        is later taken for the French town. Only a full name (two or more capitalised words)
        after the title is taken, so "Minister Lavrov" stays as the model labelled it.
        """
        if ent.label_ == "PERSON" or len(ent) < 3 or not ent[0].is_title:
            return None
        name = ent[1:]
        if not all(t.is_title and t.is_alpha for t in name):
            return None
        senses = self.wordnet.senses(ent[0].text, "n")
        if not senses.supersenses or senses.supersenses[0] != "noun.person":
            return None
        ancestors = set(senses.ancestors)
        if not ancestors & _TITLE_CLASSES or ancestors & _NOBILITY:
            return None
        return Span(ent.doc, name.start, name.end, label="PERSON")

    def _dictionary_mentions(self, doc: Doc) -> list[_Found]:
        """Longest dictionary match at each word, snapped to spaCy token boundaries."""
        words = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(doc.text)]
        lowered = [w.lower() for w, _, _ in words]
        spans: list[Span] = []
        i = 0
        while i < len(words):
            matched = 0
            for length in self.lengths.get(lowered[i], ()):
                if i + length > len(words):
                    continue
                entry_id = self.lower.get(tuple(lowered[i : i + length])) or self.exact.get(
                    tuple(w for w, _, _ in words[i : i + length])
                )
                if entry_id is None:
                    continue
                entry = self.entries[entry_id]
                label = _LABEL_FOR_TYPE.get(entry.type, "ORG")
                span = doc.char_span(
                    words[i][1], words[i + length - 1][2], label=label, kb_id=entry_id
                )
                if span is not None:  # inside a token ("US" in "US-led"): not a mention
                    spans.append(span)
                    matched = length
                    break
            i += matched or 1
        return [_Found(s, self.entries[s.kb_id_], _DICT_CONFIDENCE) for s in filter_spans(spans)]

    def _fix_ents(self, doc: Doc, found: list[_Found]) -> None:
        """Dictionary matches replace the NER entities they overlap (and their labels)."""
        dictionary = [f.span for f in found if f.entry is not None]
        covered = {i for s in dictionary for i in range(s.start, s.end)}
        others = [e for e in doc.ents if not covered.intersection(range(e.start, e.end))]
        doc.ents = sorted([*others, *dictionary], key=lambda s: s.start)

    def _group(self, found: list[_Found]) -> list[Entity]:
        """One Entity per dictionary id or per distinct full name; link partial names."""
        entities: dict[str, Entity] = {}
        by_last_word: dict[str, str] = {}
        for f in found:
            span = f.span
            confidence = f.confidence
            if f.entry is not None:
                key = f.entry.id
                if key not in entities:
                    entities[key] = _entity_from_entry(f.entry)
            else:
                name = span.text
                key = f"doc:{span.label_}:{name.lower()}"
                last = span[-1].lower_
                if key not in entities and len(span) == 1 and last in by_last_word:
                    key = by_last_word[last]  # "Barra" after "Mary Barra"
                    confidence = min(confidence, _PARTIAL_CONFIDENCE)
                if key not in entities:
                    entities[key] = Entity(id=key, name=name, type=_NER_LABELS[span.label_])
            entity = entities[key]
            if len(span) > 1 and entity.type == "PERSON":
                by_last_word.setdefault(span[-1].lower_, key)
            entity.mentions.append(
                Mention(
                    start=span.start_char,
                    end=span.end_char,
                    text=span.text,
                    evidence=Evidence(
                        [(span.start_char, span.end_char)],
                        STAGE,
                        round(confidence, 3),
                    ),
                )
            )
        for entity in entities.values():
            entity.confidence = max(m.evidence.confidence for m in entity.mentions)
        return sorted(entities.values(), key=lambda e: e.mentions[0].start)


def _entity_from_entry(entry: ActorEntry) -> Entity:
    return Entity(
        id=entry.id,
        name=entry.name,
        type=entry.type,
        aliases=list(entry.aliases),
        wikidata=entry.wikidata,
        country=entry.country,
        sector=entry.sector,
    )


def _strip_determiners(span: Span) -> Span | None:
    start = span.start
    while start < span.end and span.doc[start].lower_ in _DETERMINERS:
        start += 1
    if start >= span.end:
        return None
    return Span(span.doc, start, span.end, label=span.label)
