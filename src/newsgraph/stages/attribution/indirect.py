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
  Of two subjects the parser gives one verb, the nearest before it (a dateline run into the
  sentence is not the speaker); of two clauses, the one after the cue (see
  :func:`_nearest_clause`).
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

from newsgraph.resources.wordnet import load_wordnet
from newsgraph.stages.attribution.cues import CORE_CUES
from newsgraph.stages.attribution.senses import causes_feeling, headline_passive, source_head

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
# Prepositions after an object whose verb phrase the object does ("prevented X *from*
# writing", "accused X *of* lying", "blamed X *for* saying").
_CONTROL_PREPS = frozenset({"from", "of", "for"})
# Words that make "that" open a clause of purpose, time, degree or reason, not a report.
_THAT_OPENERS = frozenset({"so", "now", "such", "except", "given", "in", "provided", "save"})
_COPULAS = frozenset({"be", "become", "remain", "seem", "appear", "look", "sound", "feel"})
_SUBJECTS = ("nsubj", "csubj")
_INHERIT_DEPS = frozenset({"advcl", "conj", "xcomp", "acl", "dep"})
_NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})
# Dependents of a cue that end a sentence without being its content ("told *a Senate panel
# Wednesday*").
_CIRCUMSTANCES = frozenset({"dobj", "dative", "npadvmod"})
# Labels of a reported clause under its reporting verb.
_REPORTED_CLAUSES = frozenset({"ccomp", "xcomp"})
# Labels the parser gives a subject it did not recognise as one, right before its verb.
_MISPARSED_SUBJECT_DEPS = frozenset({"compound", "nummod", "nmod"})
_QUOTE = '"'
_QUOTE_TOKENS = frozenset({'"', "''", "``"})
# A paragraph opened by a capitalised label and a colon: "Trump: 'I'm the Worst …'" (headlines),
# "TAPPER: …" (transcripts), "OK Gov Fallin: Trump Is …". Up to six capitalised words.
_LABEL_LINE = re.compile(
    r"^(?P<label>[A-Z][\w.'’()-]*(?: [A-Z][\w.'’()-]*){0,5}) ?: +(?P<content>\S[^\n]*\S)",
    re.MULTILINE,
)
# Prepositional objects that are circumstances, not content ("tweeted on Wednesday").
_PLACES = frozenset({"GPE", "LOC", "FAC"})
_NOT_CONTENT_ENTS = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC", "CARDINAL", "ORDINAL"})
# Prepositional objects that name the medium of a statement ("said *in a statement*").
_MEDIA = frozenset(
    {"statement", "interview", "twitter", "facebook", "tweet", "post", "op-ed", "email", "letter"}
)
# WordNet concepts of occasions and times: people gathered (a meeting, a rally, a convention),
# a ceremony, a stretch of time.
_OCCASIONS = frozenset({"gathering", "ceremony", "celebration", "time period"})
# WordNet's concept of a means of mass communication (television, radio, the press).
_MEDIUM = "medium"
# Verbs whose object is whom it was said to ("told *AFP*"), and what such an object looks like.
_ADDRESS_VERBS = frozenset(
    """
    tell ask urge assure reassure inform remind warn brief advise question persuade convince
    """.split()
)
# Verbs whose "if" / "whether" clause is what was asked or wondered ("asked *if* …").
_ASKING_VERBS = frozenset({"ask", "wonder", "question", "inquire", "query"})
_RECIPIENT_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
# Pronouns of things, never of whom something was said to ("told *it*", "said *that*").
_THING_PRONOUNS = frozenset({"it", "this", "that", "what", "something", "nothing"})
_RECIPIENT_NOUNS = frozenset(
    """
    reporter journalist audience crowd supporter voter listener viewer reader panel committee
    member lawmaker official host interviewer people student donor delegate colleague aide show
    newspaper network station radio magazine outlet press medium
    """.split()
)
# Verbs of saying take content from a preposition only in "said *of* X", "wrote *about* X";
# "said *with* disbelief", "asserted *to* reporters", "said *at* a town hall" are circumstances.
_SPEECH_VERBS = frozenset(
    "say tell write add assert state declare note reply explain insist claim".split()
)
_SPEECH_PREPS = ("of", "about")
# Entity types of a modifier that names who speaks ("*Republican* criticism").
_AGENT_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
# A newsroom's own labels before a colon ("CORRECTION: …", "Breaking: …", "Delegate Update:"):
# the outlet's voice, not a speaker's turn.
_EDITORIAL_LABELS = frozenset(
    """
    correction corrections clarification update updates updated breaking exclusive note
    watch related video photos listen advertisement
    """.split()
)
# Verbs whose object carries the meaning ("*takes* issue with", "*called* attention to"); a
# verb with a meaning of its own keeps its object ("oppose concessions to Democrats").
_LIGHT_VERBS = frozenset(
    """
    take make give offer pay call pin aim find have express raise voice draw cast level lay
    put place throw set turn hold shine lend
    """.split()
)
# Prepositions after a light object that introduce what it is about ("pinned his hopes *on*").
_CARRYING_PREPS = frozenset({"on", "at", "to", "with", "about", "against"})
# Prepositions whose object is the content after a placeholder object ("distanced himself *from*").
_PAST_PLACEHOLDER = frozenset({"from", "about", "on", "of", "to", "with", "against"})
# Verbs of an infinitive of purpose after an object that report its content ("a meeting to
# *discuss* X").
_PURPOSE_REPORTS = CORE_CUES | {"discuss", "showcase", "address", "highlight", "debate"}
# Words that may open a reduced participle clause ("*When* asked whom she supported, …").
_REDUCED_OPENERS = frozenset({"when", "if", "after", "once", "while", "before", "unless"})
# Prepositions after a passive that name what a view is about ("split *on*", "divided *over*").
_STANCE_PREPS = frozenset({"on", "over", "about", "between"})
# Focus adverbs before a subject ("*even* his allies said") are not part of PolNeAR's source.
_FOCUS = frozenset({"even", "only"})
# WordNet ancestors of nouns that name a weapon, a vehicle or a device: such a subject or agent
# makes the cue a verb in its physical sense ("was targeted *by dozens of missiles*", "tanks
# pushed …") or one of function ("a camera, which also *allows* users to …").
_INSTRUMENTS = frozenset(
    {"weapon", "weaponry", "armament", "ammunition", "explosive device", "vehicle", "device",
     "equipment"}
)  # fmt: skip
# Supersenses of a noun that may also name people: "anchor" (a news anchor), "machine" (a
# party's), "monitor" are no instruments whatever their first sense.
_PEOPLE = frozenset({"noun.person", "noun.group"})
# Labels inside a noun phrase, climbed to find the phrase's head.
_NP_INTERNAL = frozenset({"compound", "amod", "det", "poss", "nmod", "nummod", "case"})


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
    verb, reporter = _reporting_object(token, sent)
    content, cue_end, weak = _content(reporter, sent)
    if [token.doc[s:e].text.lower() for s, e in content] == ["what"]:
        # "what she calls real solutions": the free relative is the writer's phrase, and a
        # bare "what" is no content (train validation part: 11 of 12 such predictions wrong)
        content = []
    inverted = _fronted_content(verb)
    if inverted is not None:
        source: TokenRange | None = _join_glued(_subtree(inverted[0]), token.doc)
        if not content:
            content = [inverted[1]]
    elif headline_passive(verb):
        source = _by_phrase(verb)  # the subject is the one acted on, not the agent
    else:
        source = _source(verb)
        if source is None or not _touches_paragraph(source, verb):
            # none, or one the parse found across a paragraph break: the paragraph's own
            source = _paragraph_subject(verb)
    felt = _felt_by_object(verb)
    if felt is not None:
        source, content = _subtree(felt[0]), [_subtree(felt[1])]
    inside = _inverted_aside(verb)
    if inside is not None:
        source, content = inside
    if source is not None:
        source = _source_edges(source, token.doc)
    taken = [*content, *([source] if source else [])]
    cue = (_verb_group_start(verb), _cue_tail(reporter, max(cue_end, reporter.i + 1), taken))
    return Attribution(cue, source, content, confidence, weak)


def _felt_by_object(verb: Token) -> tuple[Token, Token] | None:
    """(who feels, what causes it) for an active verb that causes a feeling in its object ("The
    timing doesn't *surprise* Republican pollster Daron Shaw", "His remarks *have offended*
    women"): PolNeAR's source is the person or group who feels it, its content the cause (the
    subject). None for any other verb, a passive, or an object that is no one."""
    children = list(verb.children)
    objects = [c for c in children if c.dep_ == "dobj" and c.i > verb.i]
    subjects = [c for c in children if c.dep_ == "nsubj" and c.i < verb.i]
    if not objects or not subjects or not _person(objects[0]):
        return None
    return (objects[0], subjects[-1]) if causes_feeling(verb.lemma_.lower()) else None


def _inverted_aside(verb: Token) -> tuple[TokenRange, list[TokenRange]] | None:
    """(source, content) of an inverted parenthetical cue inside a clause: "And Trump, *said*
    Sunshine, who remains friendly with him, doesn't forgive", "Part of the problem, *say*
    experts like Paul Bauman, is the ground itself". The parser makes the clause's subject the
    verb's, and the speaker either the subject of the rest of the clause (a ccomp) or a second
    subject of the verb (a parataxis); the speaker is the noun phrase right after the verb, set
    off by a comma, and the content is the clause around the aside. None for any other shape,
    and when a comma inside the subject closes an aside of its own ("Smith, 45, said Jones,
    the treasurer, had left": Smith speaks)."""
    doc = verb.doc
    if verb.i == 0 or doc[verb.i - 1].text != "," or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    children = list(verb.children)
    subjects = [c for c in children if c.dep_ == "nsubj" and c.i < verb.i]
    if len(subjects) != 1 or any(c.dep_ == "dobj" for c in children):
        return None
    start = subjects[0].left_edge.i
    if any(t.text == "," for t in doc[start : verb.i - 1]):
        return None
    clauses = [c for c in children if c.dep_ == "ccomp" and c.i > verb.i]
    if len(clauses) == 1:
        holder, end = clauses[0], clauses[0].right_edge.i + 1
    elif verb.dep_ == "parataxis" and verb.head.i > verb.i:
        holder, end = verb, verb.head.right_edge.i + 1
    else:
        return None
    speakers = [c for c in holder.children if c.dep_ == "nsubj" and c.left_edge.i == verb.i + 1]
    if not speakers or speakers[0].pos_ not in ("PROPN", "NOUN"):
        return None
    last = speakers[0].right_edge.i
    if doc[last].text != ",":
        last += 1
        if last >= end or doc[last].text != ",":
            return None  # "Trump, said Sunshine doesn't forgive": no aside, a plain report
    content = _subtract(_trim(start, end, doc), (verb.i, last + 1), doc)
    return _subtree(speakers[0]), content


def _reporting_object(token: Token, sent: Span) -> tuple[Token, Token]:
    """The verb and the word whose complement is the content; both ``token`` but for an object
    that reports ("*issued a statement saying* that …", "*passed laws restricting* …",
    "*emailed supporters saying*: …"), which PolNeAR annotates as one cue from the verb to the
    participle, with the verb's subject as source and the participle's complement as content.
    Reached from either word, so that the verb and the participle give the same attribution."""
    if token.dep_ == "acl" and token.head.dep_ == "dobj":
        verb = token.head.head
        participle = _object_participle(verb) if verb.pos_ == "VERB" else None
        joined = participle is not None and participle.i == token.i
        return (verb, token) if joined else (token, token)
    participle = _object_participle(token)
    if participle is not None and _content(participle, sent)[0]:
        return token, participle
    return token, token


def _object_participle(verb: Token) -> Token | None:
    """The participle right after the verb's object noun, not set off by a comma ("a law
    *demanding* …"; "a shakeup, *explaining* …" is the clause's own, see :func:`_source_tokens`)."""
    for obj in verb.children:
        if obj.dep_ == "dobj" and obj.pos_ in ("NOUN", "PROPN") and obj.i > verb.i:
            for child in obj.rights:
                if child.dep_ == "acl" and child.tag_ == "VBG" and _reports(child):
                    return None if obj.doc[child.i - 1].text == "," else child
    return None


def _joined_participle(participle: Token) -> bool:
    """The participle is the one its object noun carries after a verb of speech ("*emailed
    supporters saying*"), which PolNeAR reads as one cue with that verb. After another verb
    the object may be the one who acts ("backed a candidate *promising* …")."""
    head = participle.head
    if head.dep_ != "dobj" or head.head.pos_ != "VERB" or not _speech_or_thought(head.head):
        return False
    joined = _object_participle(head.head)
    return joined is not None and joined.i == participle.i


def _reports(participle: Token) -> bool:
    """A participle that says something of its own: a reporting verb or one with an object or
    clause ("a law *demanding* the expulsion"), not one with a circumstance only ("the judge
    *presiding* over the case")."""
    return participle.lemma_.lower() in CORE_CUES or any(
        c.dep_ in ("dobj", "ccomp", "xcomp") for c in participle.children
    )


def instrument_source(source: TokenRange, doc: Doc) -> bool:
    """The source is a weapon, a vehicle or a device, counted or not ("dozens of missiles from
    Iran", "a camera, which …"): things that cannot say anything, so the cue is used in its
    physical or functional sense ("was initially *targeted* by …", "also *allows* users to …")
    and is no attribution. WordNet decides (ancestors of the common noun's
    first senses), which covers the long tail of arms and craft without a word list."""
    head = source_head(source, doc)
    if head is None or not head.text.islower():
        return False
    senses = load_wordnet().senses(head.lemma_.lower(), "n")
    return (
        bool(senses.supersenses)
        and senses.supersenses[0] == "noun.artifact"
        and any(a in _INSTRUMENTS for a in senses.ancestors)
        and _PEOPLE.isdisjoint(senses.supersenses)
    )


def instrument_patient(verb: Token) -> bool:
    """The subject of a passive cue is a weapon or a vehicle ("as the jet *was being pushed
    back* by a tug operator", "the drone was launched from …"): the verb is in its physical
    sense, whoever the agent is."""
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    return bool(subjects) and instrument_source(_subtree(subjects[0]), verb.doc)


def restrictive_relative(source: TokenRange, doc: Doc) -> bool:
    """The source is the relative pronoun of a clause not set off by punctuation ("voters
    *who* say …"): a restrictive clause that picks out a group rather than reporting a
    speaker (see the stage's threshold for these)."""
    start, end = source
    if end - start != 1 or doc[start].tag_ not in ("WP", "WDT"):
        return False
    return start > 0 and not doc[start - 1].is_punct


def _cue_tail(token: Token, end: int, taken: list[TokenRange]) -> int:
    """Extend the cue over what PolNeAR's cue spans take in right after the verb: a particle
    ("pointed *out*"), a day or time ("said *Tuesday*"), the medium ("said *in a statement*",
    "wrote *on Facebook*") and a colon ("replied*:*"), never into the source or content."""
    doc = token.doc
    children = {c.i for c in token.children}
    while end < len(doc) and not any(s <= end < e for s, e in taken):
        nxt = doc[end]
        if nxt.text == ":":
            return end + 1
        if nxt.i not in children:
            break
        if nxt.dep_ == "prt":
            end += 1
        elif (nxt.dep_ == "npadvmod" and nxt.ent_type_ in ("DATE", "TIME")) or (
            nxt.dep_ == "prep" and _medium(nxt)
        ):
            end = max(end, nxt.right_edge.i + 1)
        else:
            break
    return end


def _medium(prep: Token, clause_allowed: bool = False) -> bool:
    """'in a statement', 'on Twitter', 'in an interview': a preposition naming the medium.
    The medium noun ends the phrase ("in a statement *on the budget*" is about something),
    except for a that-clause the parser hangs on it when ``clause_allowed``."""
    if prep.lower_ not in ("in", "on"):
        return False
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    if not objects or not _media_noun(objects[0], prep):
        return False
    medium = objects[0]
    right = [c for c in medium.rights if not (clause_allowed and c.dep_ in _NOUN_CLAUSES)]
    return not right


def _media_noun(noun: Token, prep: Token) -> bool:
    """A word of the medium a statement goes out in: the list above, or after "on" a noun
    WordNet puts under "medium" ("went *on national television*", "on the radio"); "believes
    *in journalism*" is what is believed."""
    lemma = noun.lemma_.lower()
    if lemma in _MEDIA:
        return True
    return (
        prep.lower_ == "on"
        and noun.pos_ == "NOUN"
        and _MEDIUM in load_wordnet().senses(lemma, "n").ancestors
    )


def _fronted_content(token: Token) -> tuple[Token, TokenRange] | None:
    """'<content>, said X' parsed with two subjects: the clause before the verb and the speaker
    after it ('"Anybody who attacks him …," said Louise Sunshine'). The speaker is the subject
    after the verb; the one before it, ending right before the verb in a comma or quotation
    mark, is what was said."""
    doc = token.doc
    if token.i == 0 or doc[token.i - 1].text not in (",", *_QUOTE_TOKENS):
        return None
    subjects = [c for c in token.children if c.dep_ in _SUBJECTS]
    before = [c for c in subjects if c.i < token.i]
    after = [c for c in subjects if c.i > token.i]
    if not before or not after:
        return None
    content = _trim(before[0].left_edge.i, token.i, doc)
    return (after[0], content) if content[0] < content[1] else None


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
    # The phrase is "according to" and its object; when the parser makes "According" the
    # sentence's root ("According to a study by …, voters skew younger"), the clause it
    # governs is the content, not part of the phrase.
    phrase_end = max(to.right_edge.i, token.right_edge.i) + 1
    if token.dep_ == "ROOT":
        phrase_end = max([to.right_edge.i, *(o.right_edge.i for o in objects)]) + 1
    content = _subtract(_trim(sent.start, sent.end, doc), (phrase_start, phrase_end), doc)
    if not content:
        return None
    return Attribution((token.i, token.i + 2), source, content, confidence)


def clause_final_cue(token: Token, sent: Span, confidence: float) -> Attribution | None:
    """'<content>, <noun phrase> <cue>.': the cue ends its sentence after a subject phrase,
    or only its addressee and circumstances follow ("…, Ash Carter told a Senate panel
    Wednesday.").

    Read by position because this is where the parser fails (a misspelt or rare cue verb is
    tagged as a noun and swallowed into the noun phrase). Requires a comma before the phrase and
    a phrase that starts like a subject (determiner, proper noun, pronoun, adjective or noun).
    """
    doc = token.doc
    after = [t for t in doc[token.i + 1 : sent.end] if not (t.is_punct or t.is_space)]
    if any(not _circumstance_of(t, token) for t in after) or any(
        t.text in _QUOTE_TOKENS for t in doc[token.i + 1 : sent.end]
    ):
        return None
    comma = None
    for i in range(token.i - 1, sent.start - 1, -1):
        if doc[i].text == ",":
            comma = i
            break
        if doc[i].text == _QUOTE and i < token.i - 1:
            break
    if comma == token.i - 1:
        comma = _subject_comma(token)  # "…, his top aide, Tad Devine, told X."
    if comma is None or comma + 1 >= token.i:
        return None
    first = doc[comma + 1]
    if first.pos_ not in ("DET", "PROPN", "PRON", "ADJ", "NOUN"):
        return None
    start = sent.start
    if comma == start and start > 0 and _same_paragraph(doc[start - 1], token):
        # The parser cut ", he said." off as a sentence of its own: the content is the one
        # before it.
        start = doc[start - 1].sent.start
    content = [r for r in [_trim(start, comma, doc)] if r[0] < r[1]]
    if not content:
        return None
    return Attribution((token.i, token.i + 1), (comma + 1, token.i), content, confidence)


def _subject_comma(cue: Token) -> int | None:
    """The comma before the cue's subject when the subject ends in a comma of its own (an
    apposition: "…, his top aide, Tad Devine, told …")."""
    subjects = [c for c in cue.children if c.dep_ == "nsubj" and c.i < cue.i]
    if not subjects:
        return None
    before = subjects[0].left_edge.i - 1
    return before if before >= 0 and cue.doc[before].text == "," else None


def _circumstance_of(word: Token, cue: Token) -> bool:
    """The word belongs to an addressee, time or manner phrase of the cue, not to a clause."""
    while word.i != cue.i:
        if word.pos_ in ("VERB", "AUX") or word.head.i == word.i:
            return False
        if word.head.i == cue.i:
            return word.dep_ in _CIRCUMSTANCES
        word = word.head
    return True


def labelled_lines(doc: Doc, text: str, confidence: float) -> list[Attribution]:
    """'<Label>: <content>' paragraphs: the label is the source, the colon the cue.

    PolNeAR annotates headline attributions ("Lynch: No outside influence on FBI probe") and
    transcript turns ("TAPPER: …") this way. The label must end in a noun or proper noun (a name
    or "Poll"), which keeps out "However:" and the like; see :func:`_label_like` for the rest.
    """
    found: list[Attribution] = []
    for match in _LABEL_LINE.finditer(text):  # text: doc.text, which is rebuilt on each read
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
    interview turns ("Q:", "A:"), editorial labels ("CORRECTION:") are the outlet's, and a
    content of figures or a list of names is a tally (more than three commas), except after a
    one-word capitalised label, a transcript's speaker turn, whose answers run long.
    """
    if label[-1].pos_ not in ("PROPN", "NOUN") or len(label.text) < 2:
        return False
    if label[-1].ent_type_ in ("GPE", "LOC", "DATE", "TIME"):
        return False
    if label[-1].lower_ in _EDITORIAL_LABELS:
        return False
    words = [t for t in content if t.is_alpha]
    commas = sum(1 for t in content if t.text == ",")
    opens = content[0].is_alpha or content[0].text in (*_QUOTE_TOKENS, "'", "‘", "“")
    turn = label.text.isupper() and len(label) == 1  # "FALLIN: Well, I think …, and …"
    return len(words) >= 3 and (commas <= 3 or turn) and opens


def _verb_group_start(token: Token) -> int:
    """Start of the verb group: auxiliaries and negation right before the verb ("has said",
    "did not deny", "is expected") belong to the cue in PolNeAR; a clause opener ("*when*
    asked", "*then* said") does not."""
    start = token.i
    doc = token.doc
    while (
        start > 0
        and doc[start - 1].head.i == token.i
        and doc[start - 1].dep_ in _GROUP_DEPS
        and doc[start - 1].tag_ != "WRB"
        and doc[start - 1].lower_ != "then"
    ):
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
        clauses = [
            child
            for child in children
            if child.dep_ == dep
            and (token.pos_ != "NOUN" or child.i > token.i)
            and _same_paragraph(child, token)
            and not _past_inverted_speaker(token, child)
        ]
        if clauses and all(c.i < token.i for c in clauses) and not _set_off(clauses[-1], token):
            if _reports_after(token, children):
                break  # "… were split …; white women *preferred* Clinton": the object is content
            if token.lemma_.lower() in _RAISING and any(
                c.dep_ == "xcomp" and c.i > token.i for c in children
            ):
                # "… make that case: Campaigning in Iowa, Clinton *seems* to have found …": a
                # raising verb reports its complement; the clause hung before it is a sentence
                # of its own ("X, the union expects to announce" keeps X).
                continue
        if clauses:
            clause = _nearest_clause(token, clauses)
            return [_without_trailing_report(clause)], token.i + 1, False
    misread = [c for c in children if c.dep_ == "advcl" and c.i > token.i and _bare_that(c)]
    if misread and _speech_or_thought(token):
        # "saying in his statement only *that* he was refining …": a that-clause after a verb
        # of speech, parsed as an adverbial clause, is what was said.
        return [_without_trailing_report(misread[0])], token.i + 1, False
    if token.dep_ == "parataxis":
        head = token.head
        # "X, he said, Reuters reported": the head is itself a cue of speech or thought; the
        # content is its clause ("X, Butz said, *allowed* him to get …" reports the whole
        # clause). Not one the parse ran in from the next paragraph ("X, Mr. Furman argued,
        # is Y.\n\n''…'' income, he said"): that is the next cue's.
        clauses = [
            c
            for c in head.children
            if c.dep_ == "ccomp"
            and c.i != token.i
            and _same_paragraph(c, token)
            and _speech_or_thought(head)
        ]
        top = clauses[0] if clauses else head
        span = (top.left_edge.i, top.right_edge.i + 1)
        if top.dep_ == "ROOT":
            span = (sent.start, sent.end)
        content = _subtract(_trim(*span, doc), _subtree(token), doc)
        if content:
            return content, token.i + 1, False
    if (
        token.dep_ == "advcl"
        and (_aside(token, children) or _unmarked_aside(token, children))
        and not _own_object(token, children)
    ):
        # "As Ryan has pointed out, that's …": the main clause minus the cue clause, and
        # minus a conjunction left alone before it ("*But* with each poll, aides admit, …").
        head = token.head
        content = [
            piece
            for piece in _subtract(
                _trim(head.left_edge.i, head.right_edge.i + 1, doc), _subtree(token), doc
            )
            if any(t.dep_ != "cc" for t in doc[piece[0] : piece[1]])
        ]
        if content:
            return content, token.i + 1, False
    for child in children:
        if child.dep_ == "prep" and _medium(child, clause_allowed=True):
            # "says in a statement that …": the parser hangs the clause on "statement".
            medium = next(c for c in child.children if c.dep_ == "pobj")
            clauses = [c for c in medium.children if c.dep_ in _NOUN_CLAUSES and _that(c)]
            if clauses:
                return [_subtree(clauses[0])], token.i + 1, False
    question = _indirect_question(token, children)
    if question is not None:
        return [_subtree(question)], token.i + 1, False
    answers = [c for c in children if c.dep_ == "intj" and c.i == token.i + 1]
    if answers:  # "75 percent of residents said *yes*": the answer is what was said
        return [(answers[0].i, answers[0].i + 1)], token.i + 1, False
    for child in children:
        if (
            child.dep_ == "dobj"
            and not _recipient(token, child)
            and child.ent_type_ not in ("DATE", "TIME")
            and not _placeholder_object(child, children)
        ):
            start, end = _without_trailing_report(child)
            carried = _carried_object(token, child, end)
            if carried is not None:
                return [_subtree(carried)], carried.head.i + 1, True
            purpose = _purpose_report(token, child)
            if purpose is not None:
                return [_subtree(purpose)], purpose.head.i + 1, True
            for prep in children:
                if prep.dep_ == "prep" and prep.i == end and prep.lower_ in ("of", "for"):
                    # "accused Trump *of* using …", "blasted Portman *for* his decision":
                    # the charge is part of what is said.
                    end = _without_trailing_report(prep)[1]
            return [(start, end)], token.i + 1, True
    found = _prep_content(token, children)
    if found is not None:
        return found
    topic = _addressee_topic(token, children)
    if topic is not None:
        return [_subtree(topic)], token.i + 1, True
    stranded = _stranded_that_clause(token, children)
    if stranded is not None:
        return [_subtree(stranded)], token.i + 1, False
    return _fallback_content(token, children)


def _addressee_topic(verb: Token, children: list[Token]) -> Token | None:
    """What an addressee is told of or about, when the parser hangs the preposition on the
    addressee ("reminded voters *of the six years* …", "warned residents *about* …"): the
    content, preposition included (PolNeAR's span, as the preposition is not next to the
    verb)."""
    for obj in children:
        if obj.dep_ in ("dobj", "dative") and obj.i > verb.i and _recipient(verb, obj):
            for prep in obj.children:
                if prep.dep_ == "prep" and prep.lower_ in _SPEECH_PREPS:
                    objects = [
                        c
                        for c in prep.children
                        if c.dep_ in ("pobj", "pcomp")
                        and not c.like_num
                        and c.ent_type_ not in _PLACES
                    ]
                    if objects:  # not "telling the class *of 2014*", "the people *of Iowa*"
                        return prep
    return None


def _stranded_that_clause(verb: Token, children: list[Token]) -> Token | None:
    """A complete clause opened by "that" which the parser hangs, as a relative clause, on a
    noun after a verb of speech with no object of its own ("said for the first *time that*
    some emails have been located", "told the audience at his fundraiser for *veterans that*
    he …"): the verb's reported clause. Complete: "that" is no subject or object in it, and
    it has a subject. With an object, the clause is the object's ("signed a statement that he
    said …")."""
    if verb.pos_ != "VERB" or not _speech_or_thought(verb):
        return None
    for child in children:
        if child.i < verb.i or child.dep_ not in ("prep", "dobj", "dative", "npadvmod"):
            continue
        for word in child.subtree:
            if (
                word.dep_ == "relcl"
                and any(
                    c.lower_ == "that" and c.dep_ in ("mark", "advmod") and c.i < word.i
                    for c in word.children
                )
                and any(c.dep_ in ("nsubj", "nsubjpass") for c in word.children)
            ):
                return word
    return None


def _carried_object(verb: Token, obj: Token, end: int) -> Token | None:
    """The object of the preposition right after a short common-noun object, which carries
    the content: "pinned *his hopes on* South Carolina", "has called *attention to* X", "aimed
    *his sights at* Dow Chemical" (PolNeAR's cue runs to the preposition). Only after a light
    verb; none for a named object ("accused Trump of …"), a longer phrase, or a circumstance
    (a date or a number; a place is content here: "pinned his hopes on South Carolina")."""
    if obj.pos_ != "NOUN" or obj.ent_type_ or obj.i - obj.left_edge.i > 2:
        return None
    if verb.lemma_.lower() not in _LIGHT_VERBS or obj.i + 1 >= len(verb.doc):
        return None
    prep = verb.doc[obj.i + 1]  # on the verb right after the object, or on the object
    if prep.dep_ != "prep" or prep.lower_ not in _CARRYING_PREPS:
        return None
    if not (prep.head.i == obj.i or (prep.head.i == verb.i and end == obj.i + 1)):
        return None
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    if not objects or objects[0].ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL"):
        return None
    if any(t.lemma_.lower() in _MEDIA for t in objects[0].subtree):
        return None  # "touted his endorsement *on its Facebook page*": the medium
    return objects[0]


def _placeholder_object(obj: Token, children: list[Token]) -> bool:
    """A reflexive or a quantity as object, before a content preposition: "distanced
    *himself* from Bill Clinton", "said *little* about how …" (the preposition's object is
    what the cue is about)."""
    if not (obj.lower_.endswith(("self", "selves")) or obj.lower_ in ("little", "much")):
        return False
    return any(c.dep_ == "prep" and c.i > obj.i and c.lower_ in _PAST_PLACEHOLDER for c in children)


def _purpose_report(verb: Token, obj: Token) -> Token | None:
    """What a purpose infinitive of speech after the object reports: "is calling *a meeting
    to discuss* options …", "rolled out endorsements *to showcase* …" (PolNeAR's cue runs to
    the infinitive, its content is the infinitive's object or clause)."""
    for clause in (*obj.children, *verb.children):
        if (
            clause.dep_ in ("acl", "advcl", "xcomp")
            and clause.i > obj.i
            and clause.lemma_.lower() in _PURPOSE_REPORTS
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
        ):
            said = [c for c in clause.children if c.dep_ in ("dobj", "ccomp")]
            return said[0] if said else None
    return None


def _set_off(clause: Token, token: Token) -> bool:
    """A quotation closes the clause before the cue ('"…," he told reporters'): the clause is
    what was said, whatever the verb's object."""
    doc = token.doc
    end = doc[clause.right_edge.i : min(clause.right_edge.i + 4, token.i)]
    return any(t.text in _QUOTE_TOKENS for t in end)


def _reports_after(token: Token, children: list[Token]) -> bool:
    """The cue has an object of its own after it, or a content preposition's: a clause the
    parser hangs before such a verb, not set off from it, is a sentence of its own."""
    return _own_object(token, children) or _prep_content(token, children) is not None


def _past_inverted_speaker(token: Token, clause: Token) -> bool:
    """A clause after the speaker of '"…," *said* X, …': the quotation closing right before the
    verb is what was said, and a clause the parser hangs on the verb after its subject is a
    piece of the speaker's phrase ("…, who co-developed the system", split at the hyphen)."""
    doc = token.doc
    if token.i == 0 or doc[token.i - 1].text not in _QUOTE_TOKENS or clause.i < token.i:
        return False
    return any(c.dep_ == "nsubj" and token.i < c.i < clause.i for c in token.children)


def _nearest_clause(token: Token, clauses: list[Token]) -> Token:
    """Of two clauses the parser hangs on one cue, the one that follows it ("The bickering
    began …, said he had told Trump …") unless a quotation closes right before the cue, else
    the nearest before it ("… — that won't happen, they believe"): the other one is a
    misattached clause of its own."""
    after = [c for c in clauses if c.i > token.i]
    before = [c for c in clauses if c.i < token.i]
    if before and token.i > 0 and token.doc[token.i - 1].text in _QUOTE_TOKENS:
        # '"…," said David Brock, a Clinton confidant who heads …': the quotation is what was
        # said; a clause after the verb is the speaker's phrase misparsed.
        return before[-1]
    if before and after and _quoted_before_subject(token, before[-1]):
        # '"We've started …," Mr. Manafort said, adding of Mr. Trump, "He cares …"': the
        # quotation before the speaker is this cue's; the one after is the next cue's.
        return before[-1]
    return after[0] if after else clauses[-1]


def _quoted_before_subject(token: Token, clause: Token) -> bool:
    """Only a closing quotation mark, punctuation and the cue's subject lie between the clause
    and the cue."""
    doc = token.doc
    subject = {
        t.i for c in token.children if c.dep_ in _SUBJECTS and c.i < token.i for t in c.subtree
    }
    gap = doc[clause.right_edge.i + 1 : token.i]
    return (
        bool(subject)
        and any(t.text in _QUOTE_TOKENS for t in gap)
        and all(t.is_punct or t.i in subject for t in gap)
    )


def _own_object(token: Token, children: list[Token]) -> bool:
    """The cue has what it reports after it: an object that is not whom it was said to nor a
    date ("…, the polls *show* Clinton with a lead"). A parenthetical cue ("…, he said, …")
    has none, and only then is the clause around it the content."""
    return any(
        child.dep_ == "dobj"
        and child.i > token.i
        and child.pos_ != "PRON"  # "as Marcus puts *it*, …" reports the main clause
        and not _recipient(token, child)
        and child.ent_type_ not in ("DATE", "TIME")
        for child in children
    )


def _that(clause: Token) -> bool:
    """The clause opens with "that" (a reported proposition, not a relative clause)."""
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def _bare_that(clause: Token) -> bool:
    """The clause opens with a plain "that", not one of "so that", "now that", "such that",
    "except that", "given that", "in that" (a purpose, time, degree or reason clause)."""
    marks = [c for c in clause.children if c.dep_ == "mark"]
    if [m.lower_ for m in marks] != ["that"]:
        return False
    before = clause.doc[marks[0].i - 1] if marks[0].i > 0 else None
    return before is None or before.lower_ not in _THAT_OPENERS


def _recipient(verb: Token, obj: Token) -> bool:
    """The object of "told", "urged", "assured" … is whom it was said to, not what was said
    ('"…," Ramos told AFP.'): the content is then a clause or the adjacent quotation."""
    if verb.lemma_.lower() not in _ADDRESS_VERBS:
        return False
    return _person(obj) or (obj.pos_ != "PRON" and obj.lemma_.lower() in _RECIPIENT_NOUNS)


def _person(token: Token) -> bool:
    """A pronoun of a person, a named party, or a people noun: one who can be spoken to."""
    if token.pos_ == "PRON":
        return token.lower_ not in _THING_PRONOUNS
    return token.ent_type_ in _RECIPIENT_ENTS or _people_noun(token)


def _indirect_question(verb: Token, children: list[Token]) -> Token | None:
    """The ``if`` / ``whether`` clause after a verb of asking, which the parser hangs on it as
    an adverbial clause ("asked workers *if they planned to attend*"): what was asked."""
    if verb.lemma_.lower() not in _ASKING_VERBS:
        return None
    for child in children:
        if (
            child.dep_ == "advcl"
            and child.i > verb.i
            and _same_paragraph(child, verb)
            and any(c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in child.children)
        ):
            return child
    return None


def _people_noun(token: Token) -> bool:
    """A common noun whose commonest WordNet sense is a person or a group of people
    ("workers", "donors", "the crowd"): whom something is said to, beyond a word list."""
    if token.pos_ != "NOUN" or token.ent_type_:
        return False
    supersenses = load_wordnet().supersenses(token.lemma_.lower(), "n")
    return bool(supersenses) and supersenses[0] in ("noun.person", "noun.group")


def _same_paragraph(a: Token, b: Token) -> bool:
    """No paragraph break between the two tokens. A parse can hang a quotation that closes the
    paragraph above on the next paragraph's verb ('"…."\n\nContinuing …, Carson rejected the
    notion'); that quotation is not this verb's complement."""
    first, last = sorted((a.i, b.i))
    return not any("\n" in t.text or "\n" in t.whitespace_ for t in a.doc[first:last])


def _aside(token: Token, children: list[Token]) -> bool:
    """An 'as'-clause that comments on its main clause: fronted ("As Ryan has pointed out,
    that's …") or set off by a comma ("…, as he put it"), not a time clause ("it comes as
    rivals have called for …")."""
    marks = [c for c in children if c.dep_ == "mark" and c.lower_ == "as"]
    if not marks:
        return False
    before = token.doc[marks[0].i - 1] if marks[0].i > 0 else None
    return token.i < token.head.i or (before is not None and before.text == ",")


def _unmarked_aside(token: Token, children: list[Token]) -> bool:
    """A parenthetical cue the parser hangs as an adverbial clause: no subordinator, a subject
    of its own, a comma right after the verb and the main clause after it ("But with each
    passing contest, these supporters *acknowledge*, it becomes harder …")."""
    doc = token.doc
    return (
        token.head.i > token.i
        and token.i + 1 < len(doc)
        and doc[token.i + 1].text == ","
        and any(c.dep_ == "nsubj" and c.i < token.i for c in children)
        and not any(c.dep_ in ("mark", "advmod") and c.i < token.i for c in children)
    )


def _prep_content(token: Token, children: list[Token]) -> tuple[list[TokenRange], int, bool] | None:
    """The object of a content preposition after the cue ("warned *of* …", "balked *at* …")."""
    speech = token.lemma_.lower() in _SPEECH_VERBS
    found: list[tuple[Token, Token]] = []
    for child in children:
        if (
            child.dep_ == "prep"
            and child.lower_ in (_SPEECH_PREPS if speech else _CONTENT_PREPS)
            and child.i > token.i
            and not _medium(child)
        ):
            target = _past_at_length(child)
            if target is None:
                continue
            child = target
            objects = [
                c
                for c in child.children
                if c.dep_ in ("pobj", "pcomp") and c.ent_type_ not in _NOT_CONTENT_ENTS
            ]
            if objects and not (child.lower_ == "at" and _occasion(objects[0])):
                found.append((child, objects[0]))
    if len(found) > 1 and _addressed(*found[0]) and found[1][0].lower_ in ("for", "about"):
        found = found[1:]  # "apologized *to Clinton* for the incident": whom, then what
    if not found:
        return None
    prep, obj = found[0]
    end = prep.i + 1 if prep.i == token.i + 1 else token.i + 1
    return [_subtree(obj)], end, True


def _occasion(noun: Token) -> bool:
    """A meeting, a rally, a ceremony or a stretch of time ("decided *at a recent quarterly
    meeting*", "promised *at a Las Vegas rally* to …"): where or when, not what ("balked *at the
    cost*" is what)."""
    if noun.pos_ != "NOUN" or noun.ent_type_:
        return False
    lemma = noun.lemma_.lower()
    return lemma in _OCCASIONS or any(
        a in _OCCASIONS for a in load_wordnet().senses(lemma, "n").ancestors
    )


def _past_at_length(prep: Token) -> Token | None:
    """ "spoken *at length* about X" says how, not what: the preposition hung on "length", if
    the parser put it there, else None (skip "at length"; one hung on the verb comes next).
    Any other preposition is itself."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    if prep.lower_ != "at" or not objects or objects[0].lower_ != "length":
        return prep
    after = [c for c in objects[0].children if c.dep_ == "prep" and c.lower_ in _CONTENT_PREPS]
    return after[0] if after else None


def _addressed(prep: Token, obj: Token) -> bool:
    """``to`` a person or a group: whom something was said to."""
    return prep.lower_ == "to" and _person(obj)


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
        # "has called for the strongholds to be hit": the "for" marks the clause as content.
        for_clause = any(c.dep_ == "mark" and c.lower_ == "for" for c in child.children)
        if (
            child.dep_ == "advcl"
            and child.i > token.i
            and to_infinitive
            and (child.tag_ == "VB" or for_clause)
        ):
            start, end = _subtree(child)
            if for_clause and token.doc[start].lower_ == "for" and start == token.i + 1:
                return [(start + 1, end)], start + 1, True
            return [(start, end)], token.i + 1, True
    if any(c.dep_ == "agent" for c in children):
        for child in children:
            if child.dep_ == "nsubjpass":
                return [_subtree(child)], token.i + 1, True
    return [], token.i + 1, False


def _source(token: Token) -> TokenRange | None:
    found = _source_tokens(token)
    if found is None:
        found = _stranded_subject(token)
    return None if found is None else _join_glued(found, token.doc)


def _stranded_subject(verb: Token) -> TokenRange | None:
    """The name right before a finite verb the parser gave no subject, having hung the name
    elsewhere: "As a part of his plea, *Marcel Lazar*, 44, said …" (an apposition of "plea"),
    "as *Peña Nieto*, contradicting Trump, said …" (an object of "as"). A participle phrase
    set off by commas right before the verb is skipped; the name must be a person or a group."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.dep_ not in ("ROOT", "ccomp"):
        return None
    if verb.lemma_.lower() in _RAISING or any(
        c.dep_ in ("nsubjpass", "auxpass", "expl") for c in verb.children
    ):
        return None
    doc = verb.doc
    end = _verb_group_start(verb)
    j = _before_commas(doc, end - 1)
    segment = j
    while segment > 0 and doc[segment - 1].text != ",":
        segment -= 1
    if doc[segment].tag_ == "VBG":  # ", contradicting Trump,"
        j = _before_commas(doc, segment - 1)
    if j < 0 or _breaks(doc[j]):
        return None
    name = doc[j]
    while (
        name.head.i < end
        and name.head.i != name.i
        and (name.dep_ in ("compound", "nummod") or (name.dep_ == "appos" and name.pos_ == "NUM"))
    ):
        name = name.head
    if name.pos_ != "PROPN" or name.ent_type_ not in _AGENT_ENTS | {"PERSON"}:
        return None
    return _trim(name.left_edge.i, j + 1, doc)


def _before_commas(doc: Doc, i: int) -> int:
    """The last index at or before ``i`` that is not a comma (-1 when there is none)."""
    while i >= 0 and doc[i].text == ",":
        i -= 1
    return i


def _source_edges(span: TokenRange, doc: Doc) -> TokenRange:
    """PolNeAR's edges of a source span: no quotation marks at either edge (a subject subtree
    can start with the mark that closed the previous quote), the closing bracket of a bracket it
    opens ("Sen. Chuck Schumer (D-N.Y.)"), and the comma that closes an apposition or relative
    clause inside it ("Her campaign manager, Robby Mook, said")."""
    start, end = span
    while start < end and (doc[start].text in _QUOTE_TOKENS or doc[start].lower_ in _FOCUS):
        start += 1
    while end > start and doc[end - 1].text in _QUOTE_TOKENS:
        end -= 1
    if start == end:
        return span
    words = [t.text for t in doc[start:end]]
    if end < len(doc) and doc[end].text == ")" and words.count("(") > words.count(")"):
        end += 1
    if end < len(doc) and doc[end].text == "," and "," in words:
        end += 1
    return start, end


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
    if _reduced_passive(token):
        return None
    current: Token = token
    # Up to four steps: "The candidate has mocked …, referred to …, and pointed to … and
    # *called* him …" climbs three coordinated verbs to the subject.
    for _ in range(4):
        nearest = _nearest_subject(current)
        if nearest is not None:
            return nearest
        for child in current.children:
            if child.dep_ in _SUBJECTS and not _expletive(child, current):
                return _trim(child.left_edge.i, child.right_edge.i + 1, doc)
            if child.dep_ == "poss" and current.pos_ == "NOUN":  # "Trump's claims that …"
                return _trim(child.left_edge.i, child.i + 1, doc)
            if _agent_modifier(child, current):
                return _trim(child.left_edge.i, child.i + 1, doc)
            if child.dep_ == "agent":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return _subtree(objects[0])
        if current.i == token.i:
            misparsed = _misparsed_subject(token)
            if misparsed is not None:
                return misparsed
        if any(c.dep_ == "nsubjpass" for c in current.children):
            return _displaced_agent(current) or _perfect_subject(current)
        if current.tag_ == "VBN" and current.dep_ != "conj":
            # '"…," said the woman' (tagged VBN after a quote) names the speaker after it;
            # "Asked whether …, he said": the asker is not the answerer.
            return _inverted_subject(token) if current.i == token.i else None
        controller = _controller(current)
        if controller is not None:
            return _subtree(controller)
        if current.dep_ == "pcomp" and current.head.dep_ == "prep":
            # "… rallied thousands by *promising* …": the subject of the verb the
            # preposition hangs on.
            current = current.head.head
            continue
        if current.dep_ == "acl" and current.tag_ == "VBG" and current.head.pos_ in _NOMINAL:
            if current.i != token.i and _joined_participle(current):
                # "emailed supporters *saying*: … and *vowing* to …": the participle the
                # object carries is one cue with the verb (see _reporting_object), so a verb
                # coordinated with it has the verb's subject, not the object.
                current = current.head.head
                continue
            if doc[current.i - 1].text != "," or current.head.dep_ in _SUBJECTS:
                # "a certified letter *announcing* …", "The campaign, *pushing* …": the
                # participle's subject is the noun.
                return _antecedent(current)
            # "Bennett announced a shakeup, *explaining* …": set off by a comma after an
            # object, the participle is the clause's, misattached; the clause's subject speaks.
            current = current.head.head
            continue
        reporter = _reporter_participle(token) if current.i == token.i else None
        if reporter is not None:
            current = reporter
            continue
        if current.dep_ not in _INHERIT_DEPS or current.head.i == current.i:
            return _inverted_subject(token)
        series = _relative_series(current) if current.dep_ == "conj" else None
        if series is not None:
            return series
        if current.dep_ == "conj" and current.head.dep_ == "ccomp" and current.i == token.i:
            # "He said that he would offer a prayer but *did not suggest* …": the parser
            # coordinates the second cue with the reported clause; it shares the reporting
            # verb's subject (train validation part: 18 sources changed, 9 more right).
            current = current.head.head
            continue
        current = current.head
    return None


def _controller(verb: Token) -> Token | None:
    """The person or group object of the verb that governs ``verb`` when that object, not the
    governing verb's subject, is who does it (object control): "has led *some allies* to
    worry", "urged *voters* to reject …", "prevented *his first wife* from writing about …",
    "blamed *the senator* for saying …". A preposition of means or time ("by promising",
    "after saying") leaves the subject as the doer. None when there is no such object."""
    if verb.dep_ == "xcomp" and verb.tag_ == "VB":
        governor = verb.head
    elif verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.lower_ in _CONTROL_PREPS:
        governor = verb.head.head
    else:
        return None
    if governor.pos_ != "VERB":
        return None
    for child in governor.children:
        if child.dep_ == "dobj" and governor.i < child.i < verb.i and _person(child):
            return child
    return None


def _relative_series(verb: Token) -> TokenRange | None:
    """The relative pronoun of a series of relative clauses that the parser ends by
    coordinating the last verb with the copula the series hangs from: "This was the Trump
    who questions …, who fights …, *claims* that …" (conj of "was"). The verb continues the
    relative clause right before it, in the same form (VBZ after VBZ), and shares its
    pronoun, PolNeAR's source; a copula in another form is no subject of it."""
    head = verb.head
    if head.lemma_.lower() not in _COPULAS or head.tag_ == verb.tag_:
        return None
    doc = verb.doc
    j = verb.i - 1
    while j > head.i and (doc[j].is_punct or doc[j].dep_ == "cc"):
        j -= 1
    clause = doc[j]
    while clause.dep_ != "relcl" and clause.head.i != clause.i and clause.head.i < verb.i:
        clause = clause.head
    if clause.dep_ != "relcl" or clause.tag_ != verb.tag_ or clause.right_edge.i != j:
        return None
    pronouns = [c for c in clause.children if c.dep_ == "nsubj" and c.tag_ in ("WP", "WDT")]
    return (pronouns[0].i, pronouns[0].i + 1) if pronouns else None


def _reduced_passive(verb: Token) -> bool:
    """A participle clause before the main verb with no subject or auxiliary of its own, opened
    by the participle or a subordinator: "*Asked* what a firm commitment looks like, Devine said
    …", "When *asked* whom she supported, …" (the parser may tag it VBD).
    Whoever asked is not named, and the answerer is not the asker: PolNeAR gives no source."""
    if verb.dep_ != "advcl" or verb.tag_ not in ("VBN", "VBD") or verb.i > verb.head.i:
        return False
    before = verb.doc[verb.left_edge.i : verb.i]
    if any(t.lower_ not in _REDUCED_OPENERS for t in before):
        return False  # "As Western Journalism *reported*, …" names its source
    return not any(c.dep_ in _SUBJECTS or c.dep_ in ("aux", "auxpass") for c in verb.children)


def _perfect_subject(verb: Token) -> TokenRange | None:
    """The subject of a present perfect the parser read as a passive: "he*'s* predicted big
    wins", "who*'s* argued that …" ("'s" is "has" when the participle takes an object or a
    clause). A true passive ("Clinton was declared the winner", "it's been reported", "it's
    known as") names no source."""
    children = list(verb.children)
    subject = next(c for c in children if c.dep_ == "nsubjpass")
    if _stance_passive(verb, children):
        return _subtree(subject)
    contracted = any(c.dep_ == "auxpass" and c.lower_ in ("'s", "’s") for c in children)
    passive = any(c.lower_ == "been" for c in children)  # "it's been reported"
    if not contracted or passive or not any(c.dep_ in ("dobj", "ccomp") for c in children):
        return None
    return _subtree(subject)


def _by_phrase(verb: Token) -> TokenRange | None:
    """The object of the verb's "by" ("Senator accused of fraud *by former aide*"): the agent
    of a passive the parser read as active."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "by":
            objects = [c for c in prep.children if c.dep_ == "pobj"]
            if objects:
                return _subtree(objects[0])
    return None


def _displaced_agent(verb: Token) -> TokenRange | None:
    """The "by" phrase naming people that the parser hangs on a passive's predicate instead of
    the verb ("Clinton was declared the winner in the … primaries *by news organizations*",
    "X was confirmed as one of the passengers *by the Foreign Minister*"): the passive's
    agent, PolNeAR's source."""
    for word in verb.subtree:
        if word.i > verb.i and word.dep_ == "prep" and word.lower_ == "by":
            objects = [c for c in word.children if c.dep_ == "pobj"]
            if objects and _person(_of_people(objects[0])) and not _reflexive(objects[0]):
                return _subtree(objects[0])
    return None


def _reflexive(word: Token) -> bool:
    """ "by *himself*" is alone, not an agent."""
    return word.pos_ == "PRON" and word.lower_.endswith(("self", "selves"))


def _of_people(noun: Token) -> Token:
    """The people a share stands for ("a quarter *of voters*"), else the noun itself."""
    shared = [
        c
        for prep in noun.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for c in prep.children
        if c.dep_ == "pobj" and _person(c)
    ]
    return shared[0] if shared and not _person(noun) else noun


def _stance_passive(verb: Token, children: list[Token]) -> bool:
    """A passive of stance with what it is about after it and no agent: "The voters *are split
    on* whether …", "Republicans are deeply *divided over* …" (PolNeAR: the subject holds the
    view). Not a verb of speaking or addressing ("was briefed on", "was asked about"), whose
    passive subject is whom it was said to."""
    lemma = verb.lemma_.lower()
    if lemma in _ADDRESS_VERBS or any(c.dep_ == "agent" for c in children):
        return False  # "was briefed on", "was asked about": the subject was spoken to
    if "verb.communication" in load_wordnet().supersenses(lemma, "v")[:2]:
        return False  # "was pressed on", "was grilled about": one of its main senses is speech
    return any(c.dep_ == "prep" and c.lower_ in _STANCE_PREPS and c.i > verb.i for c in children)


def _reporter_participle(token: Token) -> Token | None:
    """The reporting verb a participle set off by a comma after a reported clause belongs to:
    "Carson said he plans to …, *insisting* that …", "Trump has indicated he would …, *vowing*
    to …" (the parser hangs the participle on the reported clause's verb, whose subject is
    not the speaker; "…, vowing …, and *suggesting* …" coordinated with such a participle).
    None unless the participle hangs inside a clause."""
    if token.dep_ == "conj" and token.tag_ == "VBG" and token.head.tag_ == "VBG":
        token = token.head
    if token.tag_ != "VBG" or token.dep_ != "advcl" or not _after_comma(token.left_edge):
        return None
    head = token.head
    if head.dep_ == "acl" and head.head.dep_ == "dobj" and head.head.head.pos_ == "VERB":
        # "Bennett denied the notion that a shakeup is coming, *explaining* …": the clause of
        # the verb's object.
        return head.head.head
    if head.dep_ not in _REPORTED_CLAUSES:
        return None
    while head.dep_ in _REPORTED_CLAUSES and _same_paragraph(head.head, token):
        head = head.head  # a clause reported from the paragraph above is a sentence of its own
    return head if head.pos_ == "VERB" and head.i != token.head.i else None


def _misparsed_subject(verb: Token) -> TokenRange | None:
    """The noun phrase right before a verb with no subject, which the parser hung on the verb
    as a modifier ("*Trump* barked", "*About 4 in 10* say", "Federal Election Commission
    *records* show" with the noun taken for a compound or a number of the verb; a compound
    counts even when tagged a verb, as "records" is)."""
    if verb.pos_ != "VERB" or any(c.dep_ in _SUBJECTS for c in verb.children):
        return None
    doc = verb.doc
    start = _verb_group_start(verb)
    if start == 0:
        return None
    last = doc[start - 1]
    if (
        last.head.i != verb.i
        or last.dep_ not in _MISPARSED_SUBJECT_DEPS
        or (last.pos_ not in ("NOUN", "PROPN", "NUM") and last.dep_ != "compound")
    ):
        return None
    first = last.left_edge.i
    while first > 0 and doc[first - 1].head.i == verb.i and doc[first - 1].dep_ == "compound":
        first = doc[first - 1].left_edge.i  # "Federal Election Commission records", all on "show"
    return _trim(first, start, doc)


def _touches_paragraph(span: TokenRange, verb: Token) -> bool:
    """The span starts or ends in the verb's paragraph (an empty span counts as inside)."""
    doc = verb.doc
    edges = (span[0], span[1] - 1) if span[0] < span[1] else ()
    return not edges or any(_same_paragraph(doc[i], verb) for i in edges)


def _paragraph_subject(verb: Token) -> TokenRange | None:
    """The noun phrase that opens the verb's paragraph right before it, when the parser ran
    the paragraph into the sentence above and hung the phrase there ("… Plan B.\n\n*Sanders*
    hasn't said whether …" with "Sanders" an object of the previous sentence)."""
    doc = verb.doc
    start = _verb_group_start(verb)
    if start == 0 or verb.lemma_.lower() in _RAISING:
        return None
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return None
    head = doc[start - 1]
    while head.dep_ in _NP_INTERNAL and head.head.i > head.i and head.head.i < start:
        head = head.head
    if head.pos_ not in _NOMINAL or start - 1 not in (head.i, head.right_edge.i):
        return None
    first = start - 1  # back to the phrase's start, or to the paragraph break inside it
    while first > head.left_edge.i and not _breaks(doc[first - 1]):
        first -= 1
    if first > 0 and not _breaks(doc[first - 1]):
        return None
    return _trim(first, start, doc)


def _breaks(token: Token) -> bool:
    """A paragraph break is in or right after the token."""
    return "\n" in token.text or "\n" in token.whitespace_


def _agent_modifier(child: Token, noun: Token) -> bool:
    """A name or group word before a noun cue stands for its agent ("*Republican* criticism",
    and a verb the tagger took for a noun: "*Trump* predicts", "*Merkel* talks about")."""
    return (
        noun.pos_ == "NOUN"
        and child.dep_ in ("compound", "amod")
        and child.i < noun.i
        and (child.pos_ == "PROPN" or child.ent_type_ in _AGENT_ENTS)
    )


def _nearest_subject(verb: Token) -> TokenRange | None:
    """Of two subjects the parser gives one verb, the one nearest before it: the farther one
    is a dateline or a timestamp line run into the sentence ("WASHINGTON (AP) — Donald Trump
    and Paul Ryan *pledged*", "4:40 p.m. / Marco Rubio *says*"), unless only "and" / "or"
    separates them ("Yahoo News and former anchor Katie Couric", both speak). None unless
    there are two."""
    subjects = [c for c in verb.children if c.dep_ in _SUBJECTS and not _expletive(c, verb)]
    before = [c for c in subjects if c.i < verb.i]
    if len(subjects) < 2 or not before:
        return None
    doc = verb.doc
    near = before[-1]
    start = near.left_edge.i
    if len(before) > 1:
        far = before[-2]
        gap = doc[far.right_edge.i + 1 : start]
        joined = doc[start - 1].dep_ == "cc" and all(
            (t.is_punct or t.dep_ == "cc") and "\n" not in t.whitespace_ for t in gap
        )
        if joined and "\n" not in far.right_edge.whitespace_:
            start = far.left_edge.i
    return _trim(start, near.right_edge.i + 1, doc)


def _antecedent(clause: Token) -> TokenRange:
    """The noun phrase a participle clause modifies, up to the clause ("a certified letter
    *announcing* …", "the ones *describing* …"): PolNeAR's source of the participle's cue."""
    noun = clause.head
    end = min(clause.left_edge.i, noun.right_edge.i + 1) if clause.i > noun.i else noun.i + 1
    return _trim(noun.left_edge.i, max(end, noun.i + 1), clause.doc)


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
    return _following_noun_phrase(token)


def _following_noun_phrase(token: Token) -> TokenRange | None:
    """The noun phrase that starts right after the verb, however the parser attached it
    ('"…," said David Brock, a Clinton confidant …' with "Brock" made the subject of a
    misparsed clause): climb from the next word through noun-phrase-internal labels to the
    phrase's head."""
    doc = token.doc
    if token.i + 1 >= len(doc) or doc[token.i + 1].pos_ not in ("PROPN", "NOUN", "DET", "ADJ"):
        return None
    head = doc[token.i + 1]
    while head.dep_ in _NP_INTERNAL and head.head.i > head.i:
        head = head.head
    if head.pos_ not in ("PROPN", "NOUN") or head.left_edge.i != token.i + 1:
        return None
    return _trim(head.left_edge.i, head.right_edge.i + 1, doc)


def _without_trailing_report(head: Token) -> TokenRange:
    """The words of a reported clause or object up to a report of its own the parser hangs
    inside it after a comma: a participle of speech or thought ("said Mr. Kasich should leave
    the race, *echoing* a memo …", "said that …, *noting* that …"), the speaker's next
    attribution; or a relative clause in which someone speaks or thinks ("criticized his
    opponents for their animosity toward the department, which *he argued* seeks …"), another
    attribution. Neither is part of what the first one reports."""
    start, end = _subtree(head)
    for word in head.subtree:
        if (
            word.i > head.i
            and word.left_edge.i > start
            and word.right_edge.i + 1 >= end
            and (
                (_after_comma(word.left_edge) and _reporting_participle(word))
                or _reporting_relative(word, set_off=_after_comma(word.left_edge))
            )
        ):
            return _trim(start, word.left_edge.i, head.doc)
    return start, end


def _after_comma(word: Token) -> bool:
    """A comma comes right before the word, or before the quotation mark that closes right
    before it ('argue that "there is precedent," *citing* …')."""
    doc = word.doc
    i = word.i - 1
    if i > 0 and doc[i].text in _QUOTE_TOKENS:
        i -= 1
    return i >= 0 and doc[i].text == ","


def _reporting_participle(word: Token) -> bool:
    """A subjectless participle clause of speech or thought ("…, *noting* that …")."""
    return (
        word.dep_ == "advcl"
        and word.tag_ == "VBG"
        and not any(c.dep_ in _SUBJECTS for c in word.children)
        and _speech_or_thought(word)
    )


def _reporting_relative(word: Token, set_off: bool) -> bool:
    """A relative clause holding a verb of speech or thought with a subject of its own ("…,
    which *he argued* seeks …", "…, which *Hollande blamed* for …"); not one of place or time
    ("…, where they found …"). Without a comma before it, only a clause whose own verb
    reports another clause, the one the relative pronoun belongs to ("a letter of apology
    that *he said* was drafted", "a gap that *experts say* renders …"); "a way that readers
    could *understand*" or "the facts to which he *admitted*" are part of the noun phrase."""
    if word.dep_ != "relcl" or any(c.tag_ == "WRB" for c in word.children):
        return False  # "…, where they found …" tells the place, not a report
    if not set_off:
        return (
            _speaks(word)
            and _speech_or_thought(word)
            and any(c.dep_ == "ccomp" for c in word.children)
        )
    return any(
        verb.pos_ == "VERB" and _speaks(verb) and _speech_or_thought(verb) for verb in word.subtree
    )


def _speaks(verb: Token) -> bool:
    """The verb has a subject of its own, not the relative pronoun ("which *he* argued")."""
    return any(c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP") for c in verb.children)


def _speech_or_thought(verb: Token) -> bool:
    """A reporting verb of the core lexicon, or one whose commonest WordNet sense is one of
    communication or cognition ("echo", "note", "blame")."""
    lemma = verb.lemma_.lower()
    return lemma in CORE_CUES or load_wordnet().supersenses(lemma, "v")[:1] in (
        ("verb.communication",),
        ("verb.cognition",),
    )


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
