"""Source chains: publishing outlet → relaying outlets → speaker → channel.

Fact-checkers need the path a claim took, not only its last speaker. The chain of a quote is
built from what the article itself says:

- **outlet**: the article's outlet (``ng_meta["outlet"]``) when the caller gave one, else the
  dateline ("Tasnim News – …", "BAGHDAD (Reuters) - …"). A byline ("By Jane Doe") is kept as
  extra evidence on the outlet link.
- **relays**: every attribution whose content contains this quote's cue ("…, he continued, …,
  *Press TV reported*"; "*citing Reuters*"; "*according to state media*"), outermost first. A
  relay that carries one of a speaker's statements is taken to carry that speaker's other
  statements in the article too (lower confidence): wire-style articles name the relay once
  per block of quotes.
- **speaker** and **channel**: the quote's resolved speaker, and the medium named around its
  cue (Twitter/X, Telegram, Facebook, statement, interview, press conference, TV …).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

# Dateline openers: "PLACE (Outlet) - ", "Outlet - " (the outlet form needs an outlet-like word).
_DATELINE_PAREN = re.compile(
    r"^[A-Z][A-Za-z .,'-]{1,60}?\((?P<outlet>[A-Z][\w .&'-]{1,40})\)\s*[-–—:]\s"
)
_DATELINE_OUTLET = re.compile(r"^(?P<outlet>[A-Z][\w.&' ]{1,40}?)\s*[–—-]\s+(?=[A-Z\"])")
_OUTLET_WORDS = frozenset(
    """
    news agency press tv times post herald tribune journal daily reuters ap afp xinhua tass
    bbc cnn irna isna tasnim fars mehr sputnik ria anadolu wire radio television telegraph
    guardian gazette observer al-jazeera aljazeera
    """.split()
)
_DATELINE_TAIL = re.compile(r"\s*\)?\s*[-–—:]\s*")
_BYLINE = re.compile(r"^By (?P<author>[A-Z][\w.' -]{2,60})$", re.MULTILINE)
# Channel words, matched on lower-cased lemmas of the cue clause.
_CHANNEL_LEMMAS = {
    "twitter": "Twitter",
    "tweet": "Twitter",
    "x": "Twitter",
    "telegram": "Telegram",
    "facebook": "Facebook",
    "instagram": "Instagram",
    "youtube": "YouTube",
    "statement": "statement",
    "communique": "statement",
    "release": "statement",
    "interview": "interview",
    "conference": "press conference",
    "briefing": "press conference",
    "reporter": "press conference",
    "television": "TV",
    "tv": "TV",
    "broadcast": "TV",
    "speech": "speech",
    "rally": "speech",
    "letter": "letter",
}


@dataclass
class Outlet:
    """The publishing outlet and where the text says so (None when from metadata)."""

    name: str
    span: tuple[int, int] | None
    byline: tuple[int, int] | None


def find_outlet(text: str, meta_outlet: str | None) -> Outlet | None:
    """The outlet from metadata, else from a dateline in the first paragraphs."""
    byline_match = _BYLINE.search(text[:500])
    byline = byline_match.span("author") if byline_match else None
    if meta_outlet:
        return Outlet(meta_outlet, None, byline)
    offset = 0
    for number, paragraph in enumerate(text.split("\n")):
        if number >= 6:
            break
        match = _DATELINE_PAREN.match(paragraph)
        if match is None:
            candidate = _DATELINE_OUTLET.match(paragraph)
            if candidate and _outlet_like(candidate.group("outlet")):
                match = candidate
        if match is not None:
            start = match.start("outlet")
            name = match.group("outlet").strip()
            return Outlet(name, (offset + start, offset + start + len(name)), byline)
        offset += len(paragraph) + 1
    return None


def dateline_end(text: str, outlet: Outlet | None) -> int:
    """Offset where the dateline ends (content never starts inside it); 0 when none."""
    if outlet is None or outlet.span is None:
        return 0
    match = _DATELINE_TAIL.match(text, outlet.span[1])
    return match.end() if match else outlet.span[1]


def _outlet_like(name: str) -> bool:
    words = {w.lower().strip(".") for w in name.split()}
    return bool(words & _OUTLET_WORDS)


def _channel_applies(doc: Doc, cue: Token, word: Token) -> bool:
    """Context checks for ambiguous channel words."""
    lemma = word.lemma_.lower()
    if lemma == "x":
        return word.text == "X" and word.i > 0 and doc[word.i - 1].lower_ == "on"  # "on X"
    if lemma == "conference":
        return word.i > 0 and doc[word.i - 1].lower_ in ("press", "news")
    if lemma == "reporter":
        return cue.lemma_.lower() == "tell"  # "told reporters"
    return True


def channel_of(doc: Doc, cue_token: int, skip: set[int]) -> tuple[str, int] | None:
    """The channel named in the cue's clause and its token; ``skip``: the tokens of the content
    and the source ("Press TV reported" names a speaker, not a TV channel)."""
    token = doc[cue_token]
    if token.lemma_.lower() in ("tweet",):
        return "Twitter", token.i
    top = token.head if token.dep_ in ("advcl", "conj", "xcomp") else token
    for t in top.subtree:
        if t.i in skip:
            continue
        channel = _CHANNEL_LEMMAS.get(t.lemma_.lower())
        if channel is None:
            continue
        if _channel_applies(doc, token, t):
            return channel, t.i
    return None
