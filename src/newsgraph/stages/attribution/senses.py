"""Word senses that undo an accepted cue: business and general news (issue 5, round 12).

The cue model and the parse rules were fitted on PolNeAR, political news, where almost every
subject of "see", "include" or "allow" is a person, a group or a document. In business and
general news the same verbs take stocks, markets, years and events as subjects ("US stocks
*see* 9% drop", "The event also *included* a preview"): nothing is said, believed or perceived.
The checks here read WordNet (``newsgraph.resources.wordnet``), so that they cover the long tail
of such nouns without a word list, and run only for cues the model has accepted.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.resources.wordnet import load_wordnet
from newsgraph.stages.attribution.cues import CORE_CUES

TokenRange = tuple[int, int]

# WordNet concepts of things that cannot speak or perceive: a noun that is one of them or
# descends from one is no source. Time ("the year", "the 1990s"), money and assets ("stocks",
# "profits", "the dollar"), prices and rates, measuring scales ("the index"), stock markets
# (WordNet's "stock market" is an "exchange", but "exchange" is also a conversation, which
# speaks in PolNeAR: "one exchange with her aides"), social occasions ("the ceremony"), and
# weather, floods, earthquakes and fires ("the storm", "a brush fire"; not every natural
# phenomenon: WordNet's first "exchange" is a chemical one).
_MUTE_KINDS = frozenset(
    {
        "time period",
        "assets",
        "medium of exchange",
        "monetary unit",
        "cost",
        "value",
        "stock market",
        "stock exchange",
        "scale",
        "celebration",
        "ceremony",
        "social gathering",
        "atmospheric phenomenon",
        "geological phenomenon",
        "fire",
    }
)
# First supersenses of nouns that may speak or stand for a speaker in PolNeAR (people, groups,
# documents, polls and data): a noun of one of them is never mute, whatever its other senses
# ("party" is also a social gathering, "data" a collection).
_VOICED = frozenset({"noun.person", "noun.group", "noun.communication", "noun.cognition"})
# Entity types of counts ("*dozens* of missiles"): the head is the counted noun.
_COUNT_ENTS = frozenset({"CARDINAL", "QUANTITY", "PERCENT", "MONEY"})
# Supersenses of a happening or a change ("a 9% drop", "a collapse", "a boom", "a decline").
_HAPPENINGS = frozenset({"noun.event", "noun.process"})
# Dependents that make a perception verb report something: a clause ("saw *that* …", "have seen
# their jobless rate *fall*"), a predicate ("see him *as* a uniter").
_REPORTING_DEPS = frozenset({"ccomp", "xcomp", "oprd", "acomp", "advcl"})
# WordNet concepts of causing a feeling in someone: "surprise" is under "affect", "offend" and
# "alarm" under "arouse", "annoy" under "displease", "please" under "satisfy".
_CAUSED_FEELINGS = frozenset(
    {"affect", "arouse", "displease", "satisfy", "disgust", "frighten", "anger", "surprise"}
)
# WordNet concepts of showing something, and of made things that carry words (a made thing
# of another kind that is shown is a product, not a statement).
_SHOWING = frozenset({"show", "uncover"})
# Verbs of bringing a product to market (WordNet files "release" under letting go).
_LAUNCHING = frozenset({"release", "launch", "introduce", "debut", "roll"})
_DOCUMENTS = frozenset({"document", "writing", "publication", "print media", "sign"})
# Supersenses of physical things (made, living, natural, eaten).
_PHYSICAL = frozenset(
    (supersense,)
    for supersense in (
        "noun.artifact",
        "noun.animal",
        "noun.body",
        "noun.object",
        "noun.substance",
        "noun.plant",
        "noun.food",
    )
)
_PERCEIVE = "perceive"
_BODILY = frozenset({("verb.contact",), ("verb.body",), ("verb.motion",)})
_HANDLING = frozenset({("verb.contact",), ("verb.possession",)})
_FEELING_OR_THOUGHT = frozenset({("verb.emotion",), ("verb.cognition",)})
_PERSON_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "they", "who", "one"})
# Entity types of subjects that hold views ("the Christian Democratic Union *sees* the
# emergence of …" is a stance in PolNeAR); a country or a market may only undergo.
_AGENT_ENTS = frozenset({"PERSON", "NORP", "ORG"})
# WordNet's concept of going through something, and the verb that has it as a sense beyond its
# first ones ("see": "the 1990s *saw* a boom").
_UNDERGO = "undergo"
_SEE = "see"
# Dependents by which a verb or its object carries what a written work says: a clause ("wrote
# that …"), a participle or relative clause on the work ("a letter *asking* …", "a book
# *called* …"), a topic ("a book *about* …").
_CARRIED_DEPS = frozenset({"ccomp", "xcomp", "advcl", "acl", "relcl"})
_TOPIC_PREPS = frozenset({"about", "on", "of", "regarding", "concerning"})
# Tags of relative pronouns ("which", "that", "who").
_RELATIVE_TAGS = frozenset({"WDT", "WP"})
# WordNet concepts of a financial state ("bankruptcy" is, in its second sense, an "insolvency";
# "solvency" and "insolvency" are "financial conditions"): declaring or filing for one is a legal
# act of a company, not a statement.
_FINANCIAL_STATES = frozenset({"financial condition", "insolvency"})
# Dependents that give a participle its own object, clause or agent: then it is no reduced
# passive of the kind `reduced_passive` looks for.
_ACTIVE_DEPS = frozenset({"aux", "auxpass", "dobj", "dative", "ccomp", "agent"})


def source_head(source: TokenRange, doc: Doc) -> Token | None:
    """The source's head common noun, through a count ("dozens *of missiles*"); None when the
    span has several heads, or its head is a name, a pronoun or an entity."""
    start, end = source
    heads = [t for t in doc[start:end] if t.head.i == t.i or not start <= t.head.i < end]
    if len(heads) != 1:
        return None
    head = _counted(_antecedent(heads[0]))
    if head.pos_ != "NOUN" or head.ent_type_:
        return None
    return head


def _antecedent(word: Token) -> Token:
    """The noun a relative pronoun stands for ("an upgraded camera, *which* also allows users
    to …": the camera), else the word itself: what the pronoun can say is what its noun can."""
    if word.tag_ in _RELATIVE_TAGS and word.head.dep_ == "relcl" and word.head.head is not word:
        return word.head.head
    return word


def _counted(noun: Token) -> Token:
    """The noun a count stands for ("dozens *of missiles*", "one *of the dogs*"), else the
    noun itself."""
    if noun.ent_type_ not in _COUNT_ENTS and noun.pos_ != "NUM":
        return noun
    counted = [
        c
        for prep in noun.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for c in prep.children
        if c.dep_ == "pobj"
    ]
    return counted[0] if counted else noun


def mute_source(source: TokenRange, doc: Doc) -> bool:
    """The source names a time, money, a price, a market or an occasion ("US stocks", "the
    1990s", "the event"): it cannot say, think or see anything, so the cue is used in another
    sense ("US stocks *see* 9% drop", "the event *included* …") and is no attribution."""
    head = source_head(source, doc)
    if head is None:
        return _time_entity(source, doc)
    # "Pence" in a headline is a name, "none" a pronoun the tagger took for a noun
    return head.text.islower() and not head.is_stop and _mute_noun(head)


def _mute_noun(noun: Token) -> bool:
    """WordNet puts the noun (or its compound with the noun before it: "stock market") under
    one of the mute kinds, and its commonest sense is not a person, group or document."""
    wordnet = load_wordnet()
    lemma = noun.lemma_.lower()
    compounds = [c for c in noun.lefts if c.dep_ == "compound" and c.i == noun.i - 1]
    if compounds and not compounds[0].ent_type_:
        joined = wordnet.senses(f"{compounds[0].lemma_.lower()} {lemma}", "n")
        if joined.supersenses:
            lemma = f"{compounds[0].lemma_.lower()} {lemma}"
    senses = wordnet.senses(lemma, "n")
    if not senses.supersenses or senses.supersenses[0] in _VOICED:
        return False
    if senses.supersenses[0] == "noun.Tops" and senses.ancestors[:1] == ("psychological feature",):
        return True  # "event" itself, the top of happenings (its hyponyms include campaigns)
    return lemma in _MUTE_KINDS or any(a in _MUTE_KINDS for a in senses.ancestors)


def _time_entity(source: TokenRange, doc: Doc) -> bool:
    """A date as the whole source ("The 1990s saw a boom", "2008 witnessed …")."""
    start, end = source
    words = [t for t in doc[start:end] if not (t.is_punct or t.pos_ == "DET")]
    return bool(words) and all(t.ent_type_ in ("DATE", "TIME") for t in words)


def undergone(verb: Token, source: TokenRange | None) -> bool:
    """The verb "see", or one WordNet puts under "undergo" ("witness", "experience"), in the
    sense "go through / be the time or place of": a happening or a change as its object,
    no clause or predicate, and a subject that holds no views ("Japan also *saw* a collapse",
    "US stock markets *saw* an unusually turbulent day", "the region *witnessed* a surge in
    violence"). "Analysts *see* a 9% drop" (a forecast), "voters *have seen* their incomes
    fall" (a clause) and "the party *sees* the emergence of …" (a stance) stay attributions,
    as in PolNeAR."""
    lemma = verb.lemma_.lower()
    if (
        lemma not in (_SEE, _UNDERGO)
        and _UNDERGO not in load_wordnet().senses(lemma, "v").ancestors
    ):
        return False
    children = list(verb.children)
    if any(c.dep_ in _REPORTING_DEPS or (c.dep_ == "prep" and c.lower_ == "as") for c in children):
        return False
    objects = [c for c in children if c.dep_ == "dobj"]
    if not objects or not _happening(objects[0]):
        return False
    return source is None or not _agent(source, verb.doc)


def shown_thing(verb: Token) -> bool:
    """A verb of showing ("unveil", "present", "display", which WordNet puts under "show" or
    "uncover") whose object is a made thing, not a document ("Apple *unveils* new laptops",
    "*unveiled* the new products"): a product launch, not a statement. "*Unveiled* a plan",
    "*presented* a bill" or "*unveiled* a campaign ad" report what is in them."""
    if not _SHOWING.intersection(load_wordnet().senses(verb.lemma_.lower(), "v").ancestors):
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
    if not objects or objects[0].pos_ != "NOUN" or objects[0].ent_type_:
        return False
    senses = load_wordnet().senses(objects[0].lemma_.lower(), "n")
    return senses.supersenses[:1] == ("noun.artifact",) and not _DOCUMENTS.intersection(
        senses.ancestors
    )


def launched_product(verb: Token) -> bool:
    """A verb of bringing out a product (release, launch, introduce, debut, roll out) whose
    object is a made thing, a named product or a range of them, with no clause ("Apple
    *released* a new lineup of MacBook Air laptops", "*announced* its latest iteration of the
    iPhone" is left to the cue model, "released a statement" reports what is in it)."""
    if verb.lemma_.lower() not in _LAUNCHING or any(
        c.dep_ in _REPORTING_DEPS for c in verb.children
    ):
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
    if not objects:
        return False
    thing = objects[0]
    wordnet = load_wordnet()
    if "noun.group" in wordnet.supersenses(thing.lemma_.lower(), "n"):  # "a lineup of …"
        ranged = [c for p in thing.children if p.dep_ == "prep" and p.lower_ == "of"
                  for c in p.children if c.dep_ == "pobj"]  # fmt: skip
        thing = ranged[0] if ranged else thing
    if thing.ent_type_ == "PRODUCT":
        return True
    if thing.pos_ != "NOUN" or thing.ent_type_:
        return False
    senses = wordnet.senses(thing.lemma_.lower(), "n")
    return senses.supersenses[:1] == ("noun.artifact",) and not _DOCUMENTS.intersection(
        senses.ancestors
    )


def perceived_thing(verb: Token) -> bool:
    """A verb of perceiving or finding (WordNet: "see", or under "perceive": "find",
    "discover", "spot") whose object is a physical thing, not a document, with no clause or
    predicate ("the Border Patrol *discovered* an unfinished tunnel", "firefighters *found* one
    of the dogs"): a thing seen or found, no information. "A poll *found* that …", "*found*
    him guilty" and "*saw* the new ad" stay attributions."""
    lemma = verb.lemma_.lower()
    if lemma != _SEE and _PERCEIVE not in load_wordnet().senses(lemma, "v").ancestors:
        return False
    children = list(verb.children)
    if any(c.dep_ in _REPORTING_DEPS or (c.dep_ == "prep" and c.lower_ == "as") for c in children):
        return False
    objects = [c for c in children if c.dep_ == "dobj" and c.i > verb.i]
    if not objects:
        return False
    thing = _counted(objects[0])
    if thing.pos_ != "NOUN" or thing.ent_type_:
        return False
    senses = load_wordnet().senses(thing.lemma_.lower(), "n")
    return senses.supersenses[:1] in _PHYSICAL and not _DOCUMENTS.intersection(senses.ancestors)


def handled_thing(verb: Token) -> bool:
    """A verb of bodily action (commonest WordNet sense: contact, body, motion) with a physical
    thing as object ("*donned* his leather flying helmet", "*placed* classified material on a
    server"): a deed, no statement. Not a reporting verb of the core lexicon ("*posted* a cache
    of cables" publishes them)."""
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
    if not objects or verb.lemma_.lower() in CORE_CUES:
        return False
    wordnet = load_wordnet()
    if wordnet.supersenses(verb.lemma_.lower(), "v")[:1] not in _BODILY:
        return False
    thing = _counted(objects[0])
    if thing.pos_ != "NOUN" or thing.ent_type_:
        return False
    senses = wordnet.senses(thing.lemma_.lower(), "n")
    return senses.supersenses[:1] in _PHYSICAL and not _DOCUMENTS.intersection(senses.ancestors)


def booked_result(verb: Token) -> bool:
    """A verb whose commonest sense is one of contact or possession, with money as object
    ("Ford *posts* unexpected profits", "*earned* a record profit"): a financial result, not a
    statement. "*Reported* a loss", "*wants* more money" and "public records *show* income"
    stay attributions."""
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
    if not objects or objects[0].pos_ != "NOUN" or objects[0].ent_type_:
        return False
    wordnet = load_wordnet()
    if wordnet.supersenses(objects[0].lemma_.lower(), "n")[:1] != ("noun.possession",):
        return False
    return wordnet.supersenses(verb.lemma_.lower(), "v")[:1] in _HANDLING


def causes_feeling(lemma: str) -> bool:
    """A verb of feeling or thought whose commonest sense WordNet puts under causing a feeling
    ("surprise", "offend", "alarm", "anger", "please", "shock"), as opposed to having one
    ("fear", "like", "worry about") or to a social act that moves someone ("encourage",
    "pressure", "persuade": the subject speaks, as in PolNeAR)."""
    senses = load_wordnet().senses(lemma, "v")
    return senses.supersenses[:1] in _FEELING_OR_THOUGHT and any(
        a in _CAUSED_FEELINGS for a in senses.ancestors
    )


def _happening(noun: Token) -> bool:
    """A noun of a happening, a change or a stretch of time, with no clause of its own ("the
    calm of everyday life *shattered*" reports a scene)."""
    if noun.pos_ != "NOUN" or any(c.dep_ in ("acl", "relcl") for c in noun.rights):
        return False
    supersenses = load_wordnet().supersenses(noun.lemma_.lower(), "n")
    return bool(_HAPPENINGS.intersection(supersenses)) or supersenses[:1] == ("noun.time",)


def _agent(source: TokenRange, doc: Doc) -> bool:
    """The subject may hold a view: a personal pronoun, a person, nationality or organisation
    entity, or a noun whose commonest sense is a person, a group or a document."""
    start, end = source
    span = doc[start:end]
    if not len(span):
        return False
    root = span.root
    if root.pos_ == "PRON":
        return root.lower_ in _PERSON_PRONOUNS
    if root.ent_type_ in _AGENT_ENTS:
        return True
    if root.ent_type_ or root.pos_ != "NOUN":
        return False
    supersenses = load_wordnet().supersenses(root.lemma_.lower(), "n")
    return bool(supersenses) and supersenses[0] in _VOICED


def financial_state(verb: Token) -> bool:
    """The cue's object, or the object of its `for`, is a financial state or has one as its
    compound ("*declared* bankruptcy", "*filed for* bankruptcy protection"): a company's legal
    act, not a statement ("*referring to* the bankruptcy chapter" still talks about one).
    "*Declared* victory" or "*declared* a state of emergency" stay attributions, as PolNeAR
    annotates declaring war or victory."""
    objects = [c for c in verb.rights if c.dep_ == "dobj"] + [
        o
        for p in verb.rights
        if p.dep_ == "prep" and p.lower_ == "for"
        for o in p.children
        if o.dep_ == "pobj"
    ]
    return any(
        _financial(word)
        for noun in objects
        if noun.pos_ == "NOUN" and not noun.ent_type_
        for word in [noun, *(c for c in noun.lefts if c.dep_ == "compound")]
    )


def _financial(noun: Token) -> bool:
    lemma = noun.lemma_.lower()
    ancestors = load_wordnet().senses(lemma, "n").ancestors
    return lemma in _FINANCIAL_STATES or not _FINANCIAL_STATES.isdisjoint(ancestors)


def reduced_passive(verb: Token) -> bool:
    """A past participle with a subject before it, an `as` or object predicate and no
    auxiliary, object, clause or agent ("a woman later *identified as* …"; in a headline, where
    the tagger reads the participle as a past tense, "Jane Smith *appointed as* chief
    executive", "Jane Smith *named* new chief executive"): a passive
    without its "was", whose subject is the one appointed or named, not a speaker. "Lee
    *appointed* Smith as …" (an object) and "an option *seen by* organizers as …" (an agent)
    stay attributions."""
    if verb.tag_ not in ("VBN", "VBD") or not _passive_shape(verb):
        return False
    children = list(verb.children)
    if any(c.dep_ == "prep" and c.lower_ == "by" for c in children):
        return False  # "Trump called a liar by Clinton": the agent speaks
    if any(c.dep_ == "prep" and c.lower_ == "as" for c in children):
        return verb.tag_ == "VBN" or _in_headline(verb)
    # an object predicate without the object only in a headline: "Rush Limbaugh *called* it
    # ''liberal lingo''" is active, with its object quoted away
    return any(c.dep_ == "oprd" for c in children) and _in_headline(verb)


def headline_passive(verb: Token) -> bool:
    """A past form in the headline with a subject before it and no auxiliary, object or clause
    ("Police chief *criticized* for response to protests", "Senator *accused* of fraud by
    former aide"): headlines drop the passive's "was" and tell past events in the present
    ("Trump *wins* Iowa"), so the subject is the one criticized, not who criticizes."""
    return verb.tag_ == "VBD" and _passive_shape(verb) and _in_headline(verb)


def _passive_shape(verb: Token) -> bool:
    """A subject before the verb, not a relative pronoun ("Who Called For …" keeps its past
    tense), and no auxiliary, object, clause or agent of its own."""
    children = list(verb.children)
    return not any(c.dep_ in _ACTIVE_DEPS for c in children) and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i and c.tag_ not in _RELATIVE_TAGS
        for c in children
    )


def _in_headline(word: Token) -> bool:
    """The word is in the document's headline, which drops auxiliaries ("Mary Barra appointed
    as …" is "was appointed"): the first sentence, on a first line that a body follows (a
    one-line text is a sentence, not a headline)."""
    doc = word.doc
    return (
        word.sent.start == 0
        and all("\n" not in t.text_with_ws for t in doc[: word.i])
        and any("\n" in t.text_with_ws for t in doc[word.i :])
    )


def authored_work(verb: Token) -> bool:
    """A verb of making (commonest WordNet sense verb.creation: "write", "draft", "pen") with a
    written work as object and nothing that says what it says ("She *wrote* a children's
    book", "Baker *wrote* the letter"): authorship, not an attribution, which PolNeAR marks
    only when a clause, a participle or a topic carries the content ("*wrote* a letter asking
    the Justice Department to …", "has *written* a book about …")."""
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
    if len(objects) != 1 or objects[0].pos_ != "NOUN" or objects[0].ent_type_:
        return False
    if any(c.dep_ in _CARRIED_DEPS or _topic(c) for c in (*verb.children, *objects[0].children)):
        return False
    wordnet = load_wordnet()
    if wordnet.supersenses(verb.lemma_.lower(), "v")[:1] != ("verb.creation",):
        return False
    return not _DOCUMENTS.isdisjoint(wordnet.senses(objects[0].lemma_.lower(), "n").ancestors)


def _topic(prep: Token) -> bool:
    """A preposition naming what a work is about ("a book *about* …", "a memo *on* trade"),
    not when ("*on* Tuesday")."""
    return (
        prep.dep_ == "prep"
        and prep.lower_ in _TOPIC_PREPS
        and not any(c.ent_type_ in ("DATE", "TIME") for c in prep.children)
    )
