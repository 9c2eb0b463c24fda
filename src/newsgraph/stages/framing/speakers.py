"""Whose words a technique span is, and which actor a label is applied to.

Speaker. A span is the quoted speaker's when the speaker chose the words:

* inside the content of a **direct** quote (the words are reproduced), or
* inside quotation marks within the content of an **indirect** quote (a mixed quote:
  ``He said resistance forces avoid even "the embassy of evil"``).

Everything else — narration, and the paraphrase of indirect speech, whose wording is the
outlet's ("the fight against the occupying forces will not end, a leader said") — is the
outlet's, ``speaker = None``. Without an attribution layer (``doc._.ng_quotes`` is ``None``)
every span is the outlet's.

Target. A label is linked to an actor through the parse: the entity mention the labelled
phrase modifies ("anti-terror → Kata'ib Hezbollah"), stands in apposition to ("al-Askari, a
traitor"), or that sits inside the labelled phrase as its owner/compound ("the US occupying
forces"). Only name-calling and loaded-language spans get a target: the techniques that apply
a label; a doubt or a fear appeal over a whole clause has no single target.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span

from newsgraph.record import Entity, Quote

LABEL_TECHNIQUES = frozenset({"Name_Calling,Labeling", "Loaded_Language"})
_LINK_DEPS = frozenset({"amod", "compound", "nmod", "poss", "appos", "nsubj", "attr"})
_INNER_DEPS = frozenset({"compound", "poss", "nmod"})


def quoted_regions(text: str) -> list[tuple[int, int]]:
    """Character ranges between paired straight double quotes, line by line.

    The pipeline normalises curly quotes to ``"``; pairing restarts at each line break, so one
    unbalanced mark spoils at most its own paragraph.
    """
    regions: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        opened: int | None = None
        for i, ch in enumerate(line):
            if ch != '"':
                continue
            if opened is None:
                opened = offset + i
            else:
                regions.append((opened, offset + i + 1))
                opened = None
        offset += len(line) + 1
    return regions


def _within(start: int, end: int, region: tuple[int, int]) -> bool:
    return region[0] <= start and end <= region[1]


def speaker_of(
    start: int,
    end: int,
    quotes: Sequence[Quote] | None,
    regions: Sequence[tuple[int, int]],
) -> str | None:
    """The quoted speaker whose words ``[start, end)`` are, or ``None`` for the outlet's.

    The speaker is the quote's resolved Entity id, else its speaker name as written. A span in
    several quotes (nested attributions) goes to the innermost, i.e. the shortest content.
    """
    best: tuple[int, str | None] | None = None
    for quote in quotes or ():
        for content in quote.content:
            if not _within(start, end, content):
                continue
            own_words = quote.direct or any(
                _within(start, end, r) and _within(r[0], r[1], _widen(content)) for r in regions
            )
            if not own_words:
                continue
            size = content[1] - content[0]
            if best is None or size < best[0]:
                best = (size, quote.speaker_entity or quote.speaker)
    return None if best is None else best[1]


def _widen(content: tuple[int, int]) -> tuple[int, int]:
    """Quote content spans may exclude their quotation marks; allow one character each side."""
    return content[0] - 1, content[1] + 1


def target_of(span: Span, technique: str, entities: Sequence[Entity] | None) -> str | None:
    """The Entity id the labelled phrase ``span`` is applied to, if the parse says so."""
    if technique not in LABEL_TECHNIQUES or not entities:
        return None
    doc: Doc = span.doc
    owner: dict[int, str] = {}
    for entity in entities:
        for mention in entity.mentions:
            mention_span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if mention_span is None:
                continue
            for tok in mention_span:
                owner.setdefault(tok.i, entity.id)
    if not owner:
        return None
    root = span.root
    # The label modifies a mention, or is in apposition/predication with it.
    if (
        root.dep_ in _LINK_DEPS
        and root.head.i in owner
        and root.head.i not in range(span.start, span.end)
    ):
        return owner[root.head.i]
    for child in root.children:
        if child.dep_ == "appos" and child.i in owner:
            return owner[child.i]
    # The owner of the labelled thing named inside the label ("the US occupying forces").
    for tok in span:
        if tok.i in owner and tok.dep_ in _INNER_DEPS and tok.head.i == root.i:
            return owner[tok.i]
    # A premodifier just before a mention ("anti-terror Kata'ib Hezbollah").
    nxt = span.end
    if nxt < len(doc) and nxt in owner and all(not t.is_punct for t in span[-1:]):
        return owner[nxt]
    return None
