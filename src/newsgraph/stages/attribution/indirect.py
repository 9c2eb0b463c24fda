"""From a cue to its attribution: source and content read off the dependency parse.

Given a token the cue model accepted, the parse says who and what:

- **content**: a clausal complement ("said *that* …", the ccomp of a '"…," he said'), an open
  complement ("wants *to bring* …"), else the object or the object of a content preposition
  ("warned *of harsh retaliation*", "called *for a ban*"). When the cue is a parenthetical
  ("The purpose, *he continued*, is …" parses the cue as parataxis of the main clause), the
  content is the main clause *minus* the cue clause, which yields a split content in two spans.
- **source**: the subject's subtree (appositives and relative clauses included, as PolNeAR
  marks them), the ``by``-agent of a passive, or, for a participle or a coordinated verb with no
  subject of its own ("…, *warning* of …", "… and *added* …", "… by *promising* …"), the subject
  of the verb it hangs on; none for a raising verb ("X *seems* to …", as PolNeAR annotates).
- **according to X, …**: source is the object of "to", content the clause it modifies minus
  the phrase.
- **broad cues** (PolNeAR's "have been critical of", "pleaded guilty", "was reported by"): a
  predicate adjective's clause or object, a to-infinitive purpose clause, or the subject of a
  passive with an agent; see :func:`_fallback_content`.
- **labelled line**: "Lynch: No outside influence …" (headlines, transcripts), label as source.
- **clause-final cue**: "<content>, <noun phrase> <cue>." read by position, which is how a
  misspelt cue ("…, a senior leader … asid.") is recovered when the parser has given up on it.

Spans are token ranges ``(start, end)``; punctuation at the edges of content is trimmed except
quotation marks, which PolNeAR counts as part of the content.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

TokenRange = tuple[int, int]

_CONTENT_PREPS = (
    "of",
    "about",
    "for",
    "on",
    "against",
    "to",
    "with",
    "over",
    "at",
    "as",
    "between",
)
_VERB_CLAUSES = ("ccomp", "xcomp", "csubj")
_NOUN_CLAUSES = ("ccomp", "acl")
_GROUP_DEPS = frozenset({"aux", "auxpass", "neg", "advmod"})
# Raising verbs: "X seems to …" attributes an impression to the writer, and PolNeAR gives
# these cues no source (train validation part: 41 of 48 null).
_RAISING = frozenset({"seem", "appear"})
_COPULAS = frozenset({"be", "become", "remain", "seem", "appear", "look", "sound", "feel"})
_SUBJECTS = ("nsubj", "csubj")
_INHERIT_DEPS = frozenset({"advcl", "conj", "xcomp", "acl", "dep"})
_QUOTE = '"'
_QUOTE_TOKENS = frozenset({'"', "''", "``"})
# A paragraph opened by a capitalised label and a colon: "Trump: 'I'm the Worst …'" (headlines),
# "TAPPER: …" (transcripts), "OK Gov Fallin: Trump Is …". Up to six capitalised words.
_LABEL_LINE = re.compile(
    r"^(?P<label>[A-Z][\w.'’()-]*(?: [A-Z][\w.'’()-]*){0,5}) ?: +(?P<content>\S[^\n]*\S)",
    re.MULTILINE,
)
# Prepositional objects that are circumstances, not content ("tweeted on Wednesday").
_NOT_CONTENT_ENTS = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC", "CARDINAL", "ORDINAL"})


@dataclass
class Attribution:
    """One attribution before it becomes a record (token ranges into the Doc)."""

    cue: TokenRange
    source: TokenRange | None
    content: list[TokenRange]
    confidence: float
    # Content read from an object ("told *him*", "warned *of* …") rather than a clause: an
    # adjacent quotation ('whispered to him: "…"') is the better content when there is one.
    weak_content: bool = False


def from_verb(token: Token, sent: Span, confidence: float) -> Attribution:
    """The attribution a cue verb (or noun) heads; its content may be empty, for the caller to
    fill from an adjacent quotation ('"…?" Priebus said.', 'Continued Stone: "…"')."""
    content, cue_end, weak = _content(token, sent)
    source = _source(token)
    cue = (_verb_group_start(token), max(cue_end, token.i + 1))
    return Attribution(cue, source, content, confidence, weak)


def according_to(token: Token, sent: Span, confidence: float) -> Attribution | None:
    """'according to X, Y' (token is "according", the next one "to")."""
    doc = token.doc
    if token.i + 1 >= len(doc) or doc[token.i + 1].lower_ != "to":
        return None
    to = doc[token.i + 1]
    objects = [c for c in to.children if c.dep_ == "pobj"] or [
        c for c in token.children if c.dep_ == "pobj"
    ]
    source = _trim(objects[0].left_edge.i, objects[0].right_edge.i + 1, doc) if objects else None
    phrase_start = token.i
    phrase_end = max(to.right_edge.i, token.right_edge.i) + 1
    content = _subtract(_trim(sent.start, sent.end, doc), (phrase_start, phrase_end), doc)
    if not content:
        return None
    return Attribution((token.i, token.i + 2), source, content, confidence)


def clause_final_cue(token: Token, sent: Span, confidence: float) -> Attribution | None:
    """'<content>, <noun phrase> <cue>.': the cue ends its sentence after a subject phrase.

    Read by position because this is where the parser fails (a misspelt or rare cue verb is
    tagged as a noun and swallowed into the noun phrase). Requires a comma before the phrase and
    a phrase that starts like a subject (determiner, proper noun, pronoun, adjective or noun).
    """
    doc = token.doc
    after = [t for t in doc[token.i + 1 : sent.end] if not (t.is_punct or t.is_space)]
    if after:
        return None
    comma = None
    for i in range(token.i - 1, sent.start, -1):
        if doc[i].text == ",":
            comma = i
            break
        if doc[i].text == _QUOTE and i < token.i - 1:
            break
    if comma is None or comma + 1 >= token.i:
        return None
    first = doc[comma + 1]
    if first.pos_ not in ("DET", "PROPN", "PRON", "ADJ", "NOUN"):
        return None
    content = [r for r in [_trim(sent.start, comma, doc)] if r[0] < r[1]]
    if not content:
        return None
    return Attribution((token.i, token.i + 1), (comma + 1, token.i), content, confidence)


def labelled_lines(doc: Doc, confidence: float) -> list[Attribution]:
    """'<Label>: <content>' paragraphs: the label is the source, the colon the cue.

    PolNeAR annotates headline attributions ("Lynch: No outside influence on FBI probe") and
    transcript turns ("TAPPER: …") this way. The label must end in a noun or proper noun (a name
    or "Poll"), which keeps out "However:" and the like; see :func:`_label_like` for the rest.
    """
    found: list[Attribution] = []
    for match in _LABEL_LINE.finditer(doc.text):
        label = doc.char_span(*match.span("label"), alignment_mode="contract")
        content = doc.char_span(*match.span("content"), alignment_mode="expand")
        if label is None or content is None or not len(label) or len(content) < 2:
            continue
        if not _label_like(label, content):
            continue
        colon = label.end
        while colon < content.start and doc[colon].text != ":":
            colon += 1
        if colon >= content.start:
            continue
        found.append(
            Attribution(
                (colon, colon + 1),
                (label.start, label.end),
                [_trim(content.start, content.end, doc)],
                confidence,
            )
        )
    return found


def _label_like(label: Span, content: Span) -> bool:
    """A label that can speak, before a content that reads as words said.

    Place labels ("Iowa: Tim Albrecht, Brad Anderson, …") head lists, one-letter labels are
    interview turns ("Q:", "A:"), and a content of figures or a list of names is a tally.
    """
    if label[-1].pos_ not in ("PROPN", "NOUN") or len(label.text) < 2:
        return False
    if label[-1].ent_type_ in ("GPE", "LOC", "DATE", "TIME"):
        return False
    words = [t for t in content if t.is_alpha]
    commas = sum(1 for t in content if t.text == ",")
    return len(words) >= 3 and commas <= 3 and content[0].is_alpha


def _verb_group_start(token: Token) -> int:
    """Start of the verb group: auxiliaries and negation right before the verb ("has said",
    "did not deny", "is expected") belong to the cue in PolNeAR."""
    start = token.i
    doc = token.doc
    while start > 0 and doc[start - 1].head.i == token.i and doc[start - 1].dep_ in _GROUP_DEPS:
        start -= 1
    return start


def _content(token: Token, sent: Span) -> tuple[list[TokenRange], int, bool]:
    """Content ranges, the end of the cue (extended over a content preposition), and whether
    the content is only an object (weak)."""
    doc = token.doc
    children = list(token.children)
    # A noun takes its clause from "claims that …", "the decision to …" (acl).
    clause_deps = _NOUN_CLAUSES if token.pos_ == "NOUN" else _VERB_CLAUSES
    for dep in clause_deps:
        for child in children:
            if child.dep_ == dep and (token.pos_ != "NOUN" or child.i > token.i):
                return [_subtree(child)], token.i + 1, False
    if token.dep_ == "parataxis":
        head = token.head
        # "X, he said, Reuters reported": the head is itself a cue; the content is its clause.
        clauses = [c for c in head.children if c.dep_ == "ccomp" and c.i != token.i]
        top = clauses[0] if clauses else head
        span = (top.left_edge.i, top.right_edge.i + 1)
        if top.dep_ == "ROOT":
            span = (sent.start, sent.end)
        content = _subtract(_trim(*span, doc), _subtree(token), doc)
        if content:
            return content, token.i + 1, False
    if token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in children):
        # "As Ryan has pointed out, that's …": the main clause minus the cue clause.
        head = token.head
        content = _subtract(
            _trim(head.left_edge.i, head.right_edge.i + 1, doc), _subtree(token), doc
        )
        if content:
            return content, token.i + 1, False
    for child in children:
        if child.dep_ == "dobj":
            return [_subtree(child)], token.i + 1, True
    found = _prep_content(token, children)
    if found is not None:
        return found
    return _fallback_content(token, children)


def _prep_content(token: Token, children: list[Token]) -> tuple[list[TokenRange], int, bool] | None:
    """The object of a content preposition after the cue ("warned *of* …", "balked *at* …")."""
    for child in children:
        if child.dep_ == "prep" and child.lower_ in _CONTENT_PREPS and child.i > token.i:
            objects = [
                c
                for c in child.children
                if c.dep_ in ("pobj", "pcomp") and c.ent_type_ not in _NOT_CONTENT_ENTS
            ]
            if objects:
                end = child.i + 1 if child.i == token.i + 1 else token.i + 1
                return [_subtree(objects[0])], end, True
    return None


def _fallback_content(token: Token, children: list[Token]) -> tuple[list[TokenRange], int, bool]:
    """Content of the shapes PolNeAR's broad cues take beyond clauses and objects.

    - a predicate adjective or complement ("*have been critical of* X", "is *eager to* …",
      "pleaded *guilty*", "appears *uneasy*"): the adjective's own clause or prepositional object,
      else the complement itself;
    - a purpose clause the parser hangs on the verb ("is calling for the US *to step up* …");
    - the subject of a passive with an agent ("This *is tweeted by* …", "He was backed by …"),
      which is what is reported about.
    """
    for child in children:
        if child.dep_ in ("acomp", "oprd") and child.i > token.i:
            grand = list(child.children)
            for dep in _VERB_CLAUSES:
                for g in grand:
                    if g.dep_ == dep:
                        return [_subtree(g)], child.i + 1, False
            found = _prep_content(child, grand)
            if found is not None:
                return found[0], max(found[1], child.i + 1), True
            if token.pos_ == "VERB":
                return [_subtree(child)], token.i + 1, True
    for child in children:
        to_infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
        if child.dep_ == "advcl" and child.i > token.i and child.tag_ == "VB" and to_infinitive:
            return [_subtree(child)], token.i + 1, True
    if any(c.dep_ == "agent" for c in children):
        for child in children:
            if child.dep_ == "nsubjpass":
                return [_subtree(child)], token.i + 1, True
    return [], token.i + 1, False


def _source(token: Token) -> TokenRange | None:
    found = _source_tokens(token)
    return None if found is None else _join_glued(found, token.doc)


def _join_glued(span: TokenRange, doc: Doc) -> TokenRange:
    """Widen a span over word pieces glued to it without a space ("al" → "al-Askari"): the
    parser sometimes makes one piece of a hyphenated name the subject."""
    start, end = span
    while start > 0 and not doc[start - 1].whitespace_ and _glue(doc[start - 1]):
        start -= 1
    while end < len(doc) and not doc[end - 1].whitespace_ and _glue(doc[end]):
        end += 1
    return start, end


def _glue(token: Token) -> bool:
    return token.is_alpha or token.text in ("-", "'")


def _source_tokens(token: Token) -> TokenRange | None:
    doc = token.doc
    if token.lemma_.lower() in _RAISING:
        return None  # "Clinton seems to …": the writer's inference, no source (PolNeAR)
    current: Token = token
    for _ in range(3):
        for child in current.children:
            if child.dep_ in _SUBJECTS and not _expletive(child, current):
                return _trim(child.left_edge.i, child.right_edge.i + 1, doc)
            if child.dep_ == "poss" and current.pos_ == "NOUN":  # "Trump's claims that …"
                return _trim(child.left_edge.i, child.i + 1, doc)
            if child.dep_ == "agent":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return _subtree(objects[0])
        if any(c.dep_ == "nsubjpass" for c in current.children):
            return None
        if current.tag_ == "VBN" and current.dep_ != "conj":
            # '"…," said the woman' (tagged VBN after a quote) names the speaker after it;
            # "Asked whether …, he said": the asker is not the answerer.
            return _inverted_subject(token) if current.i == token.i else None
        if current.dep_ == "pcomp" and current.head.dep_ == "prep":
            # "… rallied thousands by *promising* …": the subject of the verb the
            # preposition hangs on.
            current = current.head.head
            continue
        if current.dep_ not in _INHERIT_DEPS or current.head.i == current.i:
            return _inverted_subject(token)
        current = current.head
    return None


def _expletive(subject: Token, verb: Token) -> bool:
    """'there', and an 'it' that stands for no one: subject of a copula, a raising or passive
    verb, or an adjective ("it is clear that …"). A referential 'it' (a report, a group:
    '"…," it added') is a source in PolNeAR."""
    word = subject.lower_
    if word == "there":
        return True
    if word != "it":
        return False
    return (
        verb.lemma_.lower() in _COPULAS
        or verb.pos_ in ("ADJ", "AUX")
        or any(c.dep_ in ("auxpass", "acomp", "attr") for c in verb.children)
    )


def _inverted_subject(token: Token) -> TokenRange | None:
    """'"…," declared Alyssa Van Wagenen': after a fronted quote the parser often makes the
    speaker an object or attribute of the verb; take the noun phrase right after it."""
    if token.i == 0 or token.doc[token.i - 1].text not in (",", *_QUOTE_TOKENS):
        return None
    for child in token.rights:
        if child.dep_ in ("dobj", "attr", "npadvmod", "nsubj", "appos") and child.pos_ in (
            "PROPN",
            "NOUN",
        ):
            return _trim(child.left_edge.i, child.right_edge.i + 1, token.doc)
        break
    return None


def _subtree(token: Token) -> TokenRange:
    return _trim(token.left_edge.i, token.right_edge.i + 1, token.doc)


def _trim(start: int, end: int, doc: Doc | Span) -> TokenRange:
    """Drop edge punctuation and spaces except quotation marks."""
    while start < end and _droppable(doc[start]):
        start += 1
    while end > start and _droppable(doc[end - 1]):
        end -= 1
    return start, end


def _droppable(token: Token) -> bool:
    return token.is_space or (token.is_punct and token.text not in _QUOTE_TOKENS)


def _subtract(span: TokenRange, hole: TokenRange, doc: Doc) -> list[TokenRange]:
    """``span`` minus ``hole``, each remaining piece trimmed; empty pieces dropped."""
    pieces = [(span[0], min(span[1], hole[0])), (max(span[0], hole[1]), span[1])]
    trimmed = [_trim(s, e, doc) for s, e in pieces if s < e]
    return [p for p in trimmed if p[0] < p[1]]
