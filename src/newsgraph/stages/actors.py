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
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
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
_POSSESSIVE_MARKERS = frozenset({"'s", "\u2019s", "'", "\u2019"})
# WordNet classes of an office or function written before a name ("Spokeswoman Sandy Angers",
# "Colonel John Smith"); ranks of nobility are left out, as "Prince Harry" is how he is named.
_TITLE_CLASSES = frozenset(
    {"spokesperson", "official", "executive", "administrator", "head", "politician",
     "military officer", "clergyman", "lawman", "representative", "presiding officer"}
)  # fmt: skip
_NOBILITY = frozenset({"aristocrat", "sovereign", "ruler"})
# Words, and each punctuation mark on its own: "Kata'ib" → Kata ' ib, "al-Askari" → al - Askari.
_WORD = re.compile(r"\w+|[^\w\s]")
# Labels the small model confuses with each other for the same name; grouped into one entity.
_MERGED_LABELS = frozenset({"PERSON", "ORG"})
# Lower-case words inside personal names ("Osama bin Laden", "Abu Ali al-Askari").
_NAME_PARTICLES = frozenset(
    {"al", "el", "bin", "ibn", "bint", "abu", "de", "da", "di", "del", "der", "den", "van", "von",
     "la", "le", "du", "dos", "das", "y"}
)  # fmt: skip
_HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "miss", "mister"})
_T = TypeVar("_T")
_INITIAL = re.compile(r"^[A-Z]\.$")


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
        doc._.ng_entities = self._group(doc, found)
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
        if not self._office(ent[0]):
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

    def _group(self, doc: Doc, found: list[_Found]) -> list[Entity]:
        """One Entity per dictionary id or per cluster of NER names (see :func:`_name_clusters`).

        ORG mentions whose cluster settled on a person are relabelled in ``doc.ents`` too, so
        later stages see "Trump" as the person the rest of the article names, not the
        organisation the small model took it for.
        """
        named = [f for f in found if f.entry is None]
        clusters = _name_clusters([f.span for f in named], self._office)
        cluster_of = {id(f): cluster for f, cluster in zip(named, clusters, strict=True)}
        # Surnames of the dictionary's people named in full here ("Harper" → Stephen Harper).
        known: dict[tuple[str, ...], list[tuple[int, str]]] = {}
        for f in found:
            if f.entry is not None and f.entry.type == "PERSON":
                words = _words(f.span)
                for n in range(1, len(words)):
                    known.setdefault(words[-n:], []).append((f.span.start_char, f.entry.id))
        entities: dict[str, Entity] = {}
        for f in found:
            span = f.span
            confidence = f.confidence
            cluster = cluster_of.get(id(f))
            entry = f.entry
            if cluster is not None and cluster.label == "PERSON":
                person = _first_named(
                    known.get(_words(span), known.get(cluster.words, [])), span.start_char
                )
                if person is not None:
                    entry = self.entries[person]
                    confidence = min(confidence, _PARTIAL_CONFIDENCE)
            if entry is not None:
                key = entry.id
                if key not in entities:
                    entities[key] = _entity_from_entry(entry)
            elif cluster is not None:
                key = f"doc:{cluster.label}:{cluster.name.lower()}"
                if cluster.partial(span):
                    confidence = min(confidence, _PARTIAL_CONFIDENCE)  # "Barra" for Mary Barra
                if key not in entities:
                    entities[key] = Entity(id=key, name=cluster.name, type=cluster.label)
            entities[key].mentions.append(
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
        _relabel(doc, {(f.span.start, f.span.end): cluster_of[id(f)].label for f in named})
        return sorted(entities.values(), key=lambda e: e.mentions[0].start)

    def _office(self, token: Token) -> bool:
        """Whether a capitalised word names an office held by a person ("Sheriff")."""
        senses = self.wordnet.senses(token.text, "n")
        if not senses.supersenses or senses.supersenses[0] != "noun.person":
            return False
        ancestors = set(senses.ancestors)
        return bool(ancestors & _TITLE_CLASSES) and not ancestors & _NOBILITY


@dataclass
class _Cluster:
    """The name and type a group of NER mentions share."""

    name: str
    label: str
    words: tuple[str, ...]

    def partial(self, span: Span) -> bool:
        """Whether ``span`` names the cluster by part of its name only."""
        return _words(span) != self.words


def _words(span: Span) -> tuple[str, ...]:
    """The name's words in lower case, without a leading honorific ("Mr Spencer")."""
    words = tuple(t.lower_ for t in span)
    while len(words) > 1 and words[0] in _HONORIFICS:
        words = words[1:]
    return words


def _person_shaped(span: Span) -> bool:
    """A full name as people are written: capitalised words ("McMahill", "O'Brien"),
    particles ("bin", "al-") and initials, beginning and ending with a capitalised word
    ("Jose Ines Garcia Zarate", not "BEFORE Paddock" or "the Mid-West")."""
    if not (_capitalised(span[0]) and _capitalised(span[-1])):
        return False
    return all(
        _capitalised(t)
        or t.lower_ in _NAME_PARTICLES
        or t.text in ("-", "'")
        or _INITIAL.match(t.text)
        for t in span
    )


def _capitalised(token: Token) -> bool:
    """A word with a capital first letter that is not all capitals (an acronym or a shout)."""
    word = token.text.replace("'", "").replace("’", "")
    return word.isalpha() and word[0].isupper() and not (len(word) > 1 and word.isupper())


def _name_clusters(spans: list[Span], office: Callable[[Token], bool]) -> list[_Cluster]:
    """Group the NER-only mentions of one article into the entities they name.

    Three errors of the small NER model split one person into several entities: a surname
    before the full name (headlines name "Sanders" before the body's "Bernie Sanders"), the same
    name labelled PERSON in one sentence and ORG in another, and an office read as part of the
    name ("Sheriff Lombardo" ORG). PERSON and ORG mentions are grouped by their words, without
    a leading honorific or office; a shorter name joins the one longer person-shaped name it
    ends ("Garcia Zarate" → "Jose Ines Garcia Zarate"), wherever in the article that name
    stands, when the longer name was once labelled PERSON, or when both are several words and
    mostly PERSON; so organisations sharing a word ("Red Army", "Baku Red Army") stay apart, and
    a surname that ends two full names ("Bush") joins neither. A group whose full name joined
    shorter ones is a person; any other group takes the label most of its mentions carry (a
    tie leaves each mention its own). Other labels (GPE, NORP) keep their own name and label,
    but a one-word name after a person's full name is that person ("Fastiggi" GPE).
    """

    plain = {_words(span) for span in spans if span.label_ in _MERGED_LABELS}

    def key(span: Span) -> tuple[str, ...]:
        words = _words(span)
        if words[1:] in plain and span[0].is_title and office(span[0]):
            return words[1:]  # "Sheriff Lombardo" is the Lombardo named elsewhere
        return words

    by_words: dict[tuple[str, ...], list[int]] = {}
    for i, span in enumerate(spans):
        if span.label_ in _MERGED_LABELS:
            by_words.setdefault(key(span), []).append(i)
    labels = {w: Counter(spans[i].label_ for i in idx) for w, idx in by_words.items()}
    root = {w: w for w in by_words}

    def members(target: tuple[str, ...]) -> Counter[str]:
        if target in settled:
            return settled[target]
        return sum((labels[w] for w, r in root.items() if r == target), Counter())

    settled: dict[tuple[str, ...], Counter[str]] = {}  # filled once the groups stop changing

    def join(words: tuple[str, ...], target: tuple[str, ...]) -> None:
        for w, r in root.items():
            if r == words:
                root[w] = target

    # Person-shaped names by each shorter name they end ("zarate", "garcia zarate").
    ending: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for w, idx in by_words.items():
        if len(w) > 1 and _person_shaped(spans[idx[0]]):
            for n in range(1, len(w)):
                ending.setdefault(w[-n:], []).append(w)
    for words in sorted(by_words, key=len):
        longer = {root[w] for w in ending.get(words, ())}
        if len(longer) != 1:
            continue
        target = longer.pop()
        joined = members(target) + members(words)
        # A person named in full owns the surname, however the model labelled it ("Trump" ORG
        # 23 times after one "Donald Trump" PERSON); an organisation's name ending in a word once
        # taken for a person ("Mid-West Igbo") is joined only by a longer name mostly PERSON.
        if labels[target]["PERSON"] or (len(words) > 1 and joined["PERSON"] > joined["ORG"]):
            join(words, target)
    # Where each person named in full is first named, for one-word names the model gave
    # another label ("Fastiggi" GPE after "Robert Fastiggi"); only an earlier full name counts.
    surnames: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
    for words, idx in by_words.items():
        if len(words) > 1 and labels[words]["PERSON"]:
            surnames.setdefault(words[-1], []).append((spans[idx[0]].start_char, root[words]))
    for target in set(root.values()):
        settled[target] = members(target)
    sizes = Counter(root.values())
    result = []
    for span in spans:
        words = key(span)
        if span.label_ not in _MERGED_LABELS:
            person = _first_named(surnames.get(words[-1], []), span.start_char, earlier_only=True)
            if len(words) == 1 and person is not None:
                words = person
            else:
                result.append(_Cluster(span.text, span.label_, words))
                continue
        counts = members(root[words])
        # A full name the model once called a person owns the surname it was joined by; a
        # name alone ("Parkers Prairie" PERSON once, ORG once) is left to the vote.
        has_short = sizes[root[words]] > 1
        full_person = has_short and labels[root[words]]["PERSON"] > 0
        if full_person or counts["PERSON"] > counts["ORG"]:
            label = "PERSON"
        elif counts["ORG"] > counts["PERSON"]:
            label = "ORG"
        else:
            label = span.label_  # a tie: each mention keeps the model's label
        first = spans[by_words[root[words]][0]]
        name = first[len(first) - len(root[words]) :].text  # without "Sheriff", "Ms"
        result.append(_Cluster(name, label, root[words]))
    return result


def _first_named(
    candidates: list[tuple[int, _T]], start: int, *, earlier_only: bool = False
) -> _T | None:
    """The candidate named first before ``start``; else, unless ``earlier_only``, the only one.

    The first is the article's main character, whom a bare surname names: "Clinton's use of a
    private email server" after Hillary, then Bill Clinton, were named in full.
    """
    before = [c for c in candidates if c[0] < start]
    if before:
        return min(before, key=lambda c: c[0])[1]
    if not earlier_only and len({c[1] for c in candidates}) == 1:
        return candidates[0][1]
    return None


def _relabel(doc: Doc, labels: dict[tuple[int, int], str]) -> None:
    """Relabel as PERSON each ORG entity whose cluster settled on a person.

    Only this way: a name the model once read as a person keeps that label for the pronoun and
    speaker rules of later stages, even where most of its mentions were read as organisations.

    Keys are the (start, end) tokens of the mention, which may begin after the entity's own
    start where a determiner was stripped ("the Pentagon").
    """
    people = {end: start for (start, end), label in labels.items() if label == "PERSON"}
    if not people:
        return
    ents, changed = [], False
    for ent in doc.ents:
        if ent.label_ == "ORG" and people.get(ent.end, -1) >= ent.start:
            ent = Span(doc, ent.start, ent.end, label="PERSON", kb_id=ent.kb_id)
            changed = True
        ents.append(ent)
    if changed:
        doc.ents = ents


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
    """The name inside a NER span: without leading determiners ("the Iraqi parliament") or a
    trailing possessive marker the model sometimes takes in ("Stephen Paddock’s")."""
    start, end = span.start, span.end
    while start < end and span.doc[start].lower_ in _DETERMINERS:
        start += 1
    while end > start and span.doc[end - 1].lower_ in _POSSESSIVE_MARKERS:
        end -= 1
    if start >= end:
        return None
    return Span(span.doc, start, end, label=span.label)
