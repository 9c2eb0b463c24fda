"""Speakers: from the source mention to a named, resolved speaker.

A source mention is a name ("Abu Ali al-Askari"), a partial name ("al-Askari"), a description
("a senior leader of Kata'ib Hezbollah", "the spokesman") or a pronoun ("he", "they"). News
writing follows a narrow pattern that a light coreference exploits well: a pronoun or description
that is the *source of an attribution* almost always refers to the last named speaker of a
compatible kind (a person for "he"/"she"/"the senior leader", an organisation for "it"/"the
ministry"). When a description opens the article before any name (the wire-style lede "…, a
senior official said." followed by "X said" in the next paragraph), it refers forward to the first
named speaker of that kind after it.

Entities come from the actors stage (``doc._.ng_entities``) when it ran; without it the NER spans
of the Doc serve, and partial names are joined to the full name by their last word.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsgraph.record import Entity

_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
_GROUP_PRONOUNS = frozenset({"it", "they", "them"})
_KINDS = {"PERSON": "person", "ORG": "org", "GPE": "org", "NORP": "org"}
# Head nouns of descriptions of a person ("the senior leader", "a spokeswoman").
_PERSON_NOUNS = frozenset(
    """
    leader official spokesman spokeswoman spokesperson minister president commander chief
    secretary general director chairman chairwoman head senator lawmaker governor mayor
    ambassador diplomat officer source aide adviser advisor analyst expert candidate nominee
    representative member deputy envoy cleric man woman founder executive ceo manager
    """.split()
)
_ORG_NOUNS = frozenset(
    """
    ministry agency group organisation organization government office department militia
    movement party army military force forces council committee campaign company firm network
    outlet newspaper channel broadcaster statement report
    """.split()
)
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})
FORWARD_CONFIDENCE = 0.6
BACKWARD_CONFIDENCE = 0.8


@dataclass
class Named:
    """A named mention usable as a speaker: where it is, its canonical name, kind and entity."""

    start: int
    end: int
    name: str
    kind: str
    entity: str | None


@dataclass
class Speaker:
    """The resolution of one source mention."""

    name: str | None
    entity: str | None
    kind: str | None
    confidence: float
    resolved_from: tuple[int, int] | None


def named_mentions(doc: Doc, entities: list[Entity] | None) -> list[Named]:
    """Named mentions in text order, from the actors stage when present, else from NER."""
    found: list[Named] = []
    if entities:
        for entity in entities:
            kind = _KINDS.get(entity.type)
            if kind is None:
                continue
            for mention in entity.mentions:
                found.append(Named(mention.start, mention.end, entity.name, kind, entity.id))
        return sorted(found, key=lambda n: (n.start, n.end))
    full_names: dict[str, str] = {}
    for ent in doc.ents:
        kind = _KINDS.get(ent.label_)
        if kind is None:
            continue
        name = ent.text
        words = name.split()
        last = words[-1].lower()
        if kind == "person":
            if len(words) > 1:
                full_names.setdefault(last, name)
            else:
                name = full_names.get(last, name)  # "al-Askari" after "Abu Ali al-Askari"
        found.append(Named(ent.start_char, ent.end_char, name, kind, None))
    return found


class SpeakerResolver:
    """Resolves source mentions in text order, remembering the named speakers seen so far."""

    def __init__(self, doc: Doc, named: list[Named]) -> None:
        self.doc = doc
        self.named = named

    def mention_kind(self, start: int, end: int) -> tuple[str, Named | None]:
        """The mention's kind: ``named`` (with the named mention covering its head), or one of
        ``pronoun-person``, ``pronoun-group``, ``desc-person``, ``desc-org``, ``other``."""
        inside = [n for n in self.named if n.start >= start and n.end <= end]
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return "other", None
        root = span.root
        heads = [n for n in inside if n.start <= root.idx < n.end]
        if heads:
            return "named", heads[0]
        apposed = [n for n in inside if self._apposition(n, root)]
        if apposed:
            return "named", apposed[0]  # "the firm's chief executive, Alan Mulally"
        lower = span.text.lower()
        if lower in _PERSON_PRONOUNS:
            return "pronoun-person", None
        if lower in _GROUP_PRONOUNS:
            return "pronoun-group", None
        if root.tag_ in _PLURAL_TAGS:
            return "other", None  # "most analysts", "officials": a group, not the last name
        if root.lemma_.lower() in _PERSON_NOUNS:
            return "desc-person", None
        if root.lemma_.lower() in _ORG_NOUNS:
            return "desc-org", None
        return "other", None

    def _apposition(self, named: Named, root: Token) -> bool:
        """The named mention is an apposition of the description's head ("the firm's chief
        executive officer, *Alan Mulally*"): the description and the name are one speaker."""
        span = self.doc.char_span(named.start, named.end, alignment_mode="expand")
        return span is not None and span.root.dep_ == "appos" and span.root.head.i == root.i

    def resolve_all(self, sources: list[tuple[int, int] | None]) -> list[Speaker | None]:
        """One Speaker per source (``None`` where there is no source), in the given order."""
        kinds = [None if s is None else self.mention_kind(*s) for s in sources]
        named_speakers = [
            (s[0], k[1]) for s, k in zip(sources, kinds, strict=True) if s and k and k[1]
        ]
        named_speakers.sort(key=lambda x: x[0])
        results: list[Speaker | None] = []
        for source, kind in zip(sources, kinds, strict=True):
            if source is None or kind is None:
                results.append(None)
                continue
            label, named = kind
            if named is not None:
                results.append(Speaker(named.name, named.entity, named.kind, 1.0, None))
                continue
            wanted = {"pronoun-person": "person", "desc-person": "person"}.get(label)
            if label in ("pronoun-group", "desc-org"):
                wanted = "org"
            if wanted is None:
                results.append(Speaker(self._as_name(source), None, None, 0.5, None))
                continue
            results.append(self._antecedent(source, wanted, named_speakers, label))
        return results

    def _as_name(self, source: tuple[int, int]) -> str | None:
        """An unresolvable source named by its own words ("the Iraqi parliament" → "Iraqi
        parliament"); ``None`` for relative pronouns and other words that name nobody."""
        span = self.doc.char_span(*source, alignment_mode="expand")
        if span is None:
            return None
        words = [t for t in span if not (t.is_punct or t.is_space)]
        while words and words[0].pos_ == "DET":
            words = words[1:]
        if not words or all(t.pos_ in ("PRON", "DET") for t in words):
            return None
        return self.doc[words[0].i : words[-1].i + 1].text

    def _antecedent(
        self,
        source: tuple[int, int],
        wanted: str,
        named_speakers: list[tuple[int, Named]],
        label: str,
    ) -> Speaker:
        before = [n for pos, n in named_speakers if pos < source[0] and n.kind == wanted]
        if before:
            n = before[-1]
            return Speaker(n.name, n.entity, n.kind, BACKWARD_CONFIDENCE, (n.start, n.end))
        mentions_before = [n for n in self.named if n.end <= source[0] and n.kind == wanted]
        if label.startswith("pronoun") and mentions_before:
            n = mentions_before[-1]
            return Speaker(n.name, n.entity, n.kind, BACKWARD_CONFIDENCE - 0.2, (n.start, n.end))
        if label.startswith("desc"):
            after = [n for pos, n in named_speakers if pos > source[1] and n.kind == wanted]
            if after:
                n = after[0]
                return Speaker(n.name, n.entity, n.kind, FORWARD_CONFIDENCE, (n.start, n.end))
        return Speaker(None, None, wanted, 0.5, None)
