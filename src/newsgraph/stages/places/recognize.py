"""Toponym recognition: gazetteer matching with context, NER and patterns.

The small English NER model misses or mislabels many place names ("Ain al-Assad" is a PERSON to
it), so recognition does not rest on it. Every run of name-like tokens is looked up in the
gazetteer (one indexed query per document); a match becomes a toponym when the evidence around
it says so:

* NER calls it GPE, LOC or FAC (or NORP, for a demonym such as "Iraqi");
* it names a country, a first-level division, a curated site or a town of some size, and NER
  does not call it a person;
* a pattern frames it: "in/near/outside X", "the province/town/county of X", "X province",
  "X airbase", "Athens, Ga.";
* it is a border between two countries ("the Iraqi-Syrian border", "the border between Iraq and
  Syria"), which becomes one line-precision place.

The output is a list of :class:`Mention` with their gazetteer candidates and the cues that
admitted them; ranking the candidates is :mod:`newsgraph.stages.places.resolve`'s job.
"""

from __future__ import annotations

import dataclasses
import itertools
import unicodedata
from dataclasses import dataclass, field

from spacy.attrs import IDX, IS_STOP, LENGTH, POS, SENT_START, SPACY
from spacy.symbols import NOUN, PROPN
from spacy.tokens import Doc, Span, Token

from newsgraph.resources.wordnet import load_wordnet
from newsgraph.stages.places.gazetteer import (
    KIND_ABBREV,
    KIND_ALT,
    KIND_DEMONYM,
    KIND_NAME,
    Candidate,
    Gazetteer,
    fold_key,
)

MAX_TOKENS = 6
# Lower-case words allowed inside a name ("Bay of Bengal", "Ain al-Assad", "Stratford-upon-Avon").
_INNER = frozenset(
    {"of", "de", "del", "la", "le", "du", "da", "al", "el", "upon", "on", "-", "'s", "and"}
)
_ARTICLE_STARTS = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an"})
# Words before a name that make it a place ("fighting in Ramadi", "a town near Mosul").
_PLACE_PREPS = frozenset(
    {"in", "at", "near", "from", "to", "outside", "into", "across", "toward", "towards",
     "throughout", "around", "inside", "via", "between", "through", "within"}
)  # fmt: skip
# Head nouns that frame a place name, and the precision they imply.
_HEADS = {
    "province": "province", "governorate": "province", "state": "province",
    "region": "province", "oblast": "province", "prefecture": "province",
    "district": "district", "county": "district", "parish": "district",
    "municipality": "district", "borough": "district",
    "city": "city", "town": "city", "village": "city", "capital": "city", "suburb": "city",
    "neighbourhood": "city", "neighborhood": "city", "township": "city",
    "airbase": "point", "base": "point", "airport": "point", "camp": "point",
    "crossing": "point", "refinery": "point", "field": "point", "oilfield": "point",
    "checkpoint": "point",
}  # fmt: skip
_NER_PLACE = frozenset({"GPE", "LOC", "FAC"})
_ARTICLES_EN = frozenset({"the", "a", "an"})
# Capitalised words that look like names but are dates or titles in news text; "Co." is
# "County" or "Company", never Colorado ("Colo.", "CO").
_NOT_PLACES = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
     "saturday", "sunday", "mr", "mrs", "ms", "dr", "president", "governor", "mayor", "god",
     "christmas", "easter", "internet", "north", "south", "east", "west", "central", "arab",
     "arabs", "muslim", "christian", "jewish", "kurdish", "kurds", "latino", "hispanic",
     "co."}
)  # fmt: skip
_UNIT_WORDS = frozenset({"county", "parish", "township", "district", "borough", "co."})
# Plural unit nouns after a list of bare names ("Washington and Douglas counties").
_PLURAL_UNITS = {"counties": "County", "parishes": "Parish"}
_TITLE_ABBREVS = frozenset({"st", "mt", "ft"})
_LIST_WORDS = frozenset({",", "and", "or", "&"})
_NER_OTHER = frozenset({"ORG", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW"})
# Single words that are names of some village somewhere but almost never mean it in news.
_GENERIC = frozenset(
    {"street", "road", "avenue", "hall", "center", "centre", "park", "lake", "valley", "ridge",
     "route", "union", "main", "way", "lane", "drive", "hills", "gold", "market", "metro",
     "village", "town", "city", "county", "state", "college", "school", "university", "airport",
     "room", "day", "sun", "man", "human", "earth", "grand", "western", "eastern", "northern",
     "southern", "northeast", "northwest", "southeast", "southwest", "all", "most", "fourth",
     "police", "abbey", "court", "square", "bridge", "church", "station", "house", "island",
     "co", "inc", "mount", "fort", "port", "beach", "bay", "river", "creek", "new", "old",
     "national", "federal", "district", "region", "province", "world", "home", "office",
     "republic", "kingdom", "empire", "federation", "commonwealth", "territory", "nation"}
)  # fmt: skip
# Nouns after a name that make it a street, building or institution named after a place.
_FACILITY = frozenset(
    {"street", "st", "road", "rd", "avenue", "ave", "boulevard", "blvd", "drive", "lane", "way",
     "hall", "school", "elementary", "high", "middle", "university", "college", "church",
     "hospital", "mall", "stadium", "library", "museum", "times", "post", "herald", "journal",
     "tribune", "news", "gazette", "pike", "highway", "parkway", "circle", "court"}
)  # fmt: skip
# Words after a place name in an airline's or a flight's name ("Kenya Airways", "Adam Air
# Flight 574"): the name says where a carrier is from, not where anything happened.
_CARRIER = frozenset({"air", "airline", "airlines", "airways", "aviation", "flight"})
_BORDER_WORDS = frozenset({"border", "borders", "frontier", "boundary"})
# WordNet supersenses a place name may also have: places themselves ("Mobile", "Concord"),
# people, whose surnames name half the towns of the US ("Fremont", "Hutchinson"), and natural
# objects, as rivers and mountains name towns and counties ("Kanawha", "Chattahoochee").
_NAME_SENSES = frozenset({"noun.location", "noun.person", "noun.object"})
# Acronyms are at most this long ("NATO", "SWAT"); words after a dateline's place name.
_ACRONYM_LEN = 5
# Small words inside a name an acronym spells ("Government *of* Iraq", "Bureau *of* Alcohol,
# Tobacco *and* Firearms"); they give no letter.
_INITIALISM_GLUE = frozenset({"of", "the", "and", "for", "&", ",", "-"})
_DATELINE_MARKS = frozenset({",", ":", "-", "--", "---", "–", "—", "("})
# Points against a match for its words' class, by cue (see `_word_class_penalty`).
_CLASS_PENALTY = {
    "before-person": 4.0,
    "after-title": 6.0,
    "acronym": 2.0,
    "common-word": 2.0,
    "respelled-word": 2.0,
    "landform-tail": 2.0,
    "outlet": 4.0,
    "spelled-out": 4.0,
}
# Evidence that outweighs a word's common meaning: the name was read as a demonym, a curated
# site, a framed or "X County" name, or a dateline.
_STRONG_CUES = frozenset({"demonym", "curated", "head", "unit", "dateline"})
# Evidence in a mention that holds anywhere: the strong cues and a "City, ST" pin.
PLACE_EVIDENCE = _STRONG_CUES | {"pinned", "pinning"}
# Evidence in a mention itself that it is a place, whatever the same word is elsewhere.
_OWN_EVIDENCE = PLACE_EVIDENCE | {"prep"}


@dataclass
class Mention:
    """A recognised toponym and what is known about it before resolution.

    ``start``/``end`` are token indices. ``cues`` records why it was admitted (for the
    confidence and for debugging); ``head`` is the precision a framing noun implies
    ("province of X" → ``province``); ``admin1`` is an admin1 code a following "X, Ga." pins it
    to; ``border`` holds the two countries of a border mention.
    """

    start: int
    end: int
    start_char: int
    end_char: int
    text: str
    key: str
    candidates: list[Candidate]
    cues: set[str] = field(default_factory=set)
    head: str | None = None
    admin1: str | None = None
    border: tuple[str, str] | None = None
    points: float = 0.0


@dataclass
class _Tokens:
    """Per-token attributes read once per document (spaCy attribute access is slow in loops)."""

    text: list[str]
    lower: list[str]
    idx: list[int]
    space: list[bool]
    propn: list[bool]
    noun: list[bool]
    stop: list[bool]
    sent_start: list[bool]
    ent: list[int]  # index into ``ents`` or -1
    ents: list[Span]
    person_words: frozenset[str]
    doc_text: str  # ``doc.text`` joins every token on each access: read it once
    _initialisms: frozenset[str] | None = None  # filled on first use by ``spelled_out``

    @classmethod
    def of(cls, doc: Doc, person_names: list[str]) -> _Tokens:
        ents = list(doc.ents)
        ent = [-1] * len(doc)
        for number, span in enumerate(ents):
            for k in range(span.start, span.end):
                ent[k] = number
        # Words of full personal names only: the NER model often calls a lone town a PERSON.
        words = {w for name in person_names if " " in name for w in name.split() if w[:1].isupper()}
        # Token attributes as one array (no per-token Python objects); strings sliced from text.
        text = doc.text
        rows = doc.to_array([IDX, LENGTH, SPACY, POS, IS_STOP, SENT_START]).tolist()
        texts = [text[r[0] : r[0] + r[1]] for r in rows]
        return cls(
            text=texts,
            lower=[t.lower() for t in texts],
            idx=[r[0] for r in rows],
            space=[bool(r[2]) for r in rows],
            propn=[r[3] == PROPN for r in rows],
            noun=[r[3] == NOUN for r in rows],
            stop=[bool(r[4]) for r in rows],
            sent_start=[k == 0 or r[5] == 1 for k, r in enumerate(rows)],
            ent=ent,
            ents=ents,
            person_words=frozenset(words),
            doc_text=text,
        )

    def spelled_out(self, acronym: str) -> bool:
        """Whether the text spells ``acronym`` out as a run of capitalised words whose initials
        it is, small words allowed between them ("the Government Accountability Office … the
        GAO", "Free Syrian Army (FSA)"): then it names that organisation, not a town."""
        if self._initialisms is None:
            found: set[str] = set()
            run: list[str] = []
            for word in [*self.text, ""]:
                if word[:1].isupper() and word.isalpha() and not word.isupper():
                    run.append(word[0])
                    continue
                if run and word.lower() in _INITIALISM_GLUE:
                    continue
                if len(run) >= 2:
                    found.update("".join(run[k:]) for k in range(len(run) - 1))
                run = []
            self._initialisms = frozenset(found)
        return acronym in self._initialisms

    def name_like(self, i: int) -> bool:
        text = self.text[i]
        return text[:1].isalpha() and text[0].isupper()

    def starts_name(self, i: int) -> bool:
        if self.name_like(i):
            return True
        # "al-Anbar": a lower-case article glued by a hyphen to a capitalised word.
        n = len(self.text)
        return (
            self.lower[i] in _ARTICLE_STARTS
            and i + 2 < n
            and self.text[i + 1] == "-"
            and self.name_like(i + 2)
        )


def candidate_spans(doc: Doc, toks: _Tokens) -> list[tuple[int, int, str]]:
    """Every token run that could be a name: (start, end, folded key), up to MAX_TOKENS."""
    spans: list[tuple[int, int, str]] = []
    n = len(toks.text)
    text = toks.doc_text
    for i in range(n):
        if not toks.starts_name(i):
            continue
        for j in range(i + 1, min(n, i + MAX_TOKENS) + 1):
            last = j - 1
            named = toks.name_like(last)
            if last > i and not (named or toks.lower[last] in _INNER or _split_title(toks, last)):
                break
            if not named:
                continue
            end_char = toks.idx[last] + len(toks.text[last])
            # Abbreviations end in a period the tokenizer split off ("W.Va" + ".").
            if j < n and toks.text[j] == "." and not toks.space[last]:
                end_char += 1
            surface = text[toks.idx[i] : end_char]
            if last > i and toks.lower[last] == "co.":
                surface = text[toks.idx[i] : toks.idx[last]] + "County"  # "Platte Co."
            key = fold_key(surface)
            if key:
                spans.append((i, j, key))
    return spans


def _split_title(toks: _Tokens, k: int) -> bool:
    """The period of "ST. PARIS" / "MT. VERNON", which the tokenizer splits off in capitals."""
    return toks.text[k] == "." and not toks.space[k - 1] and toks.lower[k - 1] in _TITLE_ABBREVS


def recognize(
    doc: Doc,
    gazetteer: Gazetteer,
    min_population: int,
    person_names: list[str],
    admit_points: float = 1.0,
) -> list[Mention]:
    """Toponym mentions of ``doc`` with their candidates (unresolved).

    ``person_names`` are the people the actors stage found: a word of a person's name is not
    read as a place elsewhere in the article ("Petrova" after "Nadia Petrova").
    """
    toks = _Tokens.of(doc, person_names)
    spans = candidate_spans(doc, toks)
    found = {
        key: _prefer_own_names(cands)
        for key, cands in gazetteer.lookup(k for _, _, k in spans).items()
    }
    matches = [(i, j, key) for i, j, key in spans if key in found]
    matches.sort(key=lambda m: (-(m[1] - m[0]), m[0]))
    taken: set[int] = set()
    refused: list[Mention] = []
    mentions: list[Mention] = []
    for i, j, key in matches:
        if taken.intersection(range(i, j)) or _city_of_institution(toks, i, j, found[key]):
            continue
        mention = _admit(doc, toks, i, j, key, found[key], min_population)
        if mention is None:
            continue
        admitted = mention.points >= admit_points
        if not admitted:
            refused.append(mention)
            if mention.points + _class_penalty(mention) < admit_points:
                continue
        # "in New Concord": the evidence that admits "Concord" is evidence for the whole name
        # GeoNames knows, which was refused only for being a small place. A word refused only
        # for its class ("Grove", a common noun) may still be a word of such a name ("Meadow
        # Grove"), and a name refused for its class ("White House") takes its words with it.
        wider = [
            m
            for m in refused
            if m.start <= i and j <= m.end and m is not mention
            and not taken.intersection(range(m.start, m.end))
        ]  # fmt: skip
        if any(_class_penalty(m) for m in wider) or not (admitted or wider):
            continue
        if wider:
            mention = max(wider, key=lambda m: m.end - m.start)
        taken.update(range(mention.start, mention.end))
        mentions.append(mention)
    mentions = _drop_first_names(refused, mentions)
    mentions.sort(key=lambda m: m.start)
    _plural_units(toks, mentions, gazetteer)
    _add_bare_counties(mentions, gazetteer)
    _link_admin_pairs(toks, mentions)
    mentions = _drop_parts_elsewhere(toks, mentions)
    return _borders(doc, toks, mentions, gazetteer)


def _drop_first_names(refused: list[Mention], mentions: list[Mention]) -> list[Mention]:
    """A word refused as a first name is that person's name wherever else it stands alone.

    "Trenton Tolliver" is named in full once; later "Trenton said" and "Trenton's class" are
    the boy, not New Jersey's capital (one sense per document). So is a surname seen after a
    title ("General Washington" … "Washington asked for new sources"). A mention with evidence
    of its own (`_OWN_EVIDENCE`: "in Trenton", "Trenton, N.J.") stays.
    """
    first = {
        m.key for m in refused if m.cues & {"before-person", "after-title"} and m.end - m.start == 1
    }
    return [m for m in mentions if m.key not in first or m.cues & _OWN_EVIDENCE]


def _drop_parts_elsewhere(toks: _Tokens, mentions: list[Mention]) -> list[Mention]:
    """A division X in "X of Y" lies in Y: one that lies only outside Y is some other X.

    "the Southern District of West Virginia" is a court's district, not Israel's Southern
    District; "the Eastern District of New York" not American Samoa's. Y must be a country or
    a first-level division for its extent to be known; a town X is left alone, as "the Nice of
    Russia" still names Nice.
    """
    dropped: set[int] = set()
    for left, right in itertools.pairwise(mentions):
        if right.start != left.end + 1 or toks.lower[left.end] != "of":
            continue
        admins = {c.admin1 for c in right.candidates if c.precision == "province" and c.admin1}
        countries = {c.country for c in right.candidates if c.precision == "country"}
        if not admins and not countries:
            continue
        units = all(c.precision in ("province", "district") for c in left.candidates)
        if units and not any(c.admin1 in admins or c.country in countries for c in left.candidates):
            dropped.add(id(left))
    return [m for m in mentions if id(m) not in dropped]


def _add_bare_counties(mentions: list[Mention], gazetteer: Gazetteer) -> None:
    """A name that is also a county's ("DeKalb", "Kanawha") may mean the county.

    Local news drops "County" once the county is known. The counties join the candidates of
    an admitted name (admission itself is unchanged) as alternate names, so they win only
    where the article's context backs them; a following "DeKalb, Ga." pins them like towns.
    """
    counties = gazetteer.lookup(f"{m.key} cunty" for m in mentions)
    extra: dict[str, list[Candidate]] = {}
    for mention in mentions:
        if mention.key not in extra:
            own = {c.id for c in mention.candidates}
            extra[mention.key] = [
                dataclasses.replace(c, kind=KIND_ALT)
                for c in counties.get(f"{mention.key} cunty", [])
                if c.precision == "district" and c.id not in own
            ]
        if extra[mention.key]:
            mention.candidates = mention.candidates + extra[mention.key]


def _city_of_institution(toks: _Tokens, i: int, j: int, candidates: list[Candidate]) -> bool:
    """ "Springfield City Schools", "Dublin City Council": "X City" is X's city government.

    Such a span matches only where GeoNames lists "X City" as another name of X or as a
    district; a town called "X City" ("Kansas City") is a town's own name and stays.
    """
    if j - i < 2 or toks.lower[j - 1] != "city":
        return False
    return not any(c.kind != KIND_ALT and c.precision == "city" for c in candidates)


def _prefer_own_names(candidates: list[Candidate]) -> list[Candidate]:
    """Drop towns that only share an alternate name when towns of that very name exist.

    GeoNames lists "Maryville" among Beeville's names and "Springfield" among Springfield
    Gardens': a writer who means those towns writes their own names, so the alternates only
    compete with the right namesakes.
    """
    if not any(c.kind != KIND_ALT and c.precision == "city" for c in candidates):
        return candidates
    return [c for c in candidates if c.kind != KIND_ALT or c.precision != "city"]


def _admit(
    doc: Doc,
    toks: _Tokens,
    i: int,
    j: int,
    key: str,
    candidates: list[Candidate],
    min_population: int,
) -> Mention | None:
    """Weigh the evidence that the match at tokens i..j is a toponym (None: certainly not).

    Points for: an NER place label, a curated site, a country or admin1 name, a framing noun,
    a place preposition, the size of the largest candidate town, a multi-word name. Points
    against: NER calling it a person (or a word of a person named in the article), an
    organisation or title it is only part of, a generic word ("Street", "Union"), a
    capitalised sentence opener, a name known only as a foreign alternate.
    """
    n = len(toks.text)
    single = j - i == 1
    lower = toks.lower[i]
    if single and (lower in _NOT_PLACES or len(toks.text[i]) < 2):
        return None
    parts = _dotted_parts(toks, i, j)
    if parts:
        # Its own key: one sense per document must not merge "L.A." with "La." (Louisiana).
        key = ".".join(parts).lower() + "."
        candidates = _fit_initials(parts, candidates)
    else:
        # A town's abbreviation is its dotted initials ("L.A."): "La." stays Louisiana.
        candidates = [c for c in candidates if c.kind != KIND_ABBREV or c.precision != "city"]
    if not candidates:
        return None
    abbrevs = [c for c in candidates if c.kind == KIND_ABBREV]
    if abbrevs and not _abbrev_ok(toks, i, j, abbrevs):
        if len(abbrevs) == len(candidates):
            return None
        dotted = toks.text[j - 1].endswith(".") or (
            j < n and toks.text[j] == "." and not toks.space[j - 1]
        )
        if not dotted:
            # "the Mass", "Amoris Laetitia (AL)": a word or an acronym, not the state's
            # abbreviation, though a village of that name keeps the span ("Mas", "Ål"); written
            # with its period ("a Mass. man") it stays the abbreviation.
            candidates = [c for c in candidates if c.kind != KIND_ABBREV]
    cues: set[str] = set()
    points = 0.0
    label, wider = None, False
    if toks.ent[i] >= 0:
        ent = toks.ents[toks.ent[i]]
        label, wider = ent.label_, ent.start < i or ent.end > j
        cues.add(f"ner:{label}{'+' if wider else ''}")
        if label == "PERSON" and toks.lower[ent.start] in _ARTICLES_EN:
            # "The Ain al-Assad was targeted": personal names take no article, so a PERSON
            # span that starts with one is the model's mistake, not evidence of a person.
            cues.add("ner:PERSON-article")
            label, wider = None, False
    curated = any(c.id < 0 for c in candidates)  # postal places have no GeoNames id either
    strong = any(
        c.precision in ("country", "province") and c.kind != KIND_ABBREV for c in candidates
    )
    demonym = all(c.kind == KIND_DEMONYM for c in candidates)
    population = max(c.population for c in candidates)
    head = _head(toks, i, j)
    prev = toks.lower[i - 1] if i > 0 else ""
    nxt = toks.lower[j] if j < n else ""
    if curated:
        cues.add("curated")
        points += 3.0
    if demonym:
        cues.add("demonym")
        points += 2.0 if label in (None, "NORP", "GPE") else -2.0
    if strong:
        points += 2.0
    if head:
        cues.add("head")
        points += 2.0
    if prev in _PLACE_PREPS or (prev == "the" and i > 1 and toks.lower[i - 2] in _PLACE_PREPS):
        cues.add("prep")
        points += 1.0
    place_word = _place_word(toks, i, j)
    if label in _NER_PLACE:
        points += 2.0 if not wider else 1.0
    elif label == "PERSON" and (wider or not place_word):
        points -= 4.0 if wider else 2.0
    elif label in _NER_OTHER and wider:
        # "Gainesville Police Department": a place-named organisation names the place.
        points += 0.5 if toks.ents[toks.ent[i]].start == i else -0.5
        if nxt in _CARRIER:
            cues.add("carrier")
            points -= 4.0
    elif label is not None and label not in ("NORP", "ORG"):
        points -= 1.0
    if population >= min_population:
        points += 1.5
    elif population >= min_population // 10:
        points += 1.0
    elif population >= min_population // 100:
        points += 0.5
    if not single:
        points += 0.5
    unit = toks.lower[j - 1] in _UNIT_WORDS and any(c.precision == "district" for c in candidates)
    if unit:
        cues.add("unit")  # "Laurel County", "Pointe Coupee Parish"
        points += 1.5
    if single and toks.text[i] in toks.person_words and not curated:
        points -= 3.0
    if single and (lower in _GENERIC or (toks.stop[i] and not toks.text[i].isupper())):
        points -= 4.0
    caps_opener = toks.sent_start[i] and toks.text[i].isupper() and len(toks.text[i]) > 2
    if caps_opener and nxt in _DATELINE_MARKS and label != "PERSON":
        cues.add("dateline")  # "BEIRUT:", "COLUMBUS, Ohio (AP) —"
        points += 2.0
    if not cues & _STRONG_CUES:
        points -= _word_class_penalty(toks, i, j, (label, wider), cues, candidates)
        if single and not curated and _news_outlet(doc[i]):
            cues.add("outlet")  # "told the Post", "the Globe reported"
            points -= _CLASS_PENALTY["outlet"]
    if nxt in _FACILITY and not curated and not unit:
        # "Lincoln High" is a school, but "Laurel County High School" still names the county.
        points -= 4.0
    if toks.sent_start[i] and label is None and not toks.propn[i]:
        points -= 1.0
    if all(c.kind == KIND_ALT for c in candidates):
        points -= 1.0
    if all(c.postal for c in candidates) and (wider or (j < n and toks.name_like(j))):
        # A village known only from postal data, at the front of a longer name ("Black Sea",
        # "Holy Cross Cemetery"): the evidence is the longer name's, not the village's.
        cues.add("postal-prefix")
        points -= 1.0
    if _front(toks, i, j):
        cues.add("front")
    start_char = toks.idx[i]
    end_char = toks.idx[j - 1] + len(toks.text[j - 1])
    surface = toks.doc_text[start_char:end_char]
    if j < n and toks.text[j] == "." and not toks.space[j - 1] and _is_abbrev(surface):
        end_char += 1
    return Mention(
        start=i,
        end=j,
        start_char=start_char,
        end_char=end_char,
        text=toks.doc_text[start_char:end_char],
        key=key,
        candidates=candidates,
        cues=cues,
        head=head,
        points=points,
    )


def _word_class_penalty(
    toks: _Tokens,
    i: int,
    j: int,
    ner: tuple[str | None, bool],
    cues: set[str],
    candidates: list[Candidate],
) -> float:
    """Points against a match that its words' class says is no place name.

    ``ner`` is NER's label over the span and whether its entity is wider. Each class is
    general, not a list of names: a title or first name before a person's name, an acronym
    ("US" is one only where the gazetteer lacks it as an abbreviation), a capitalised common
    word, and an English word matched only through spelling folds. The class found is added to
    ``cues``.
    """
    label, wider = ner
    if _before_person(toks, i, j, demonym=any(c.kind == KIND_DEMONYM for c in candidates)):
        cues.add("before-person")
    elif _after_title(toks, i, j):
        cues.add("after-title")
    elif not any(c.kind == KIND_ABBREV for c in candidates) and _acronym(toks, i, j):
        cues.add("acronym")
        if toks.spelled_out(toks.text[i]):
            cues.add("spelled-out")  # "the Government Accountability Office … the GAO"
    elif label in ("GPE", "LOC") and not wider:
        return 0.0
    elif _common_word(toks, i, j, label in _NER_OTHER and not wider):
        cues.add("common-word")
    elif _respelled_word(toks, i, j, candidates):
        cues.add("respelled-word")
    elif _landform_tail(toks, i, j, candidates):
        cues.add("landform-tail")
    return _penalty_of(cues)


def _news_outlet(token: Token) -> bool:
    """ "The" and one capitalised word that someone tells, speaks to, or that reports: a
    newspaper ("told the Post", "speaking to the Globe", "according to the Star", "the Herald
    reported"), not the towns of those names. A place is not told things nor does it report;
    a capital standing for its government takes no article ("Moscow said").
    """
    if token.i == 0 or token.doc[token.i - 1].lower_ != "the":
        return False
    head = token.head
    if token.dep_ == "pobj" and head.lower_ in {"to", "with"}:
        head = head.head  # "speaking to the Globe", "an interview with the Sun"
        if head.lower_ == "according":
            return True
    elif token.dep_ not in {"dobj", "nsubj", "dative"}:
        return False
    if head.pos_ not in {"VERB", "NOUN"}:
        return False
    pos = "v" if head.pos_ == "VERB" else "n"
    senses = load_wordnet().supersenses(head.lemma_.lower(), pos)
    return bool(senses) and senses[0] == f"{'verb' if pos == 'v' else 'noun'}.communication"


def _class_penalty(mention: Mention) -> float:
    """The points a mention lost for its words' class (0 when none)."""
    return _penalty_of(mention.cues)


def _penalty_of(cues: set[str]) -> float:
    return sum(_CLASS_PENALTY.get(cue, 0.0) for cue in cues)


def _before_person(toks: _Tokens, i: int, j: int, demonym: bool = False) -> bool:
    """A single word right before a person's name is a title or a first name.

    "Officer Amber Guyger", "Majority Leader Mitch McConnell", "Trenton Tolliver" (his mother,
    Courtney Tolliver, is named in the article): the next word begins a PERSON entity or is a
    word of a person's full name. A title may stand before another title ("Major General
    Mohammad Bagheri": both words are people in WordNet, and never places), but a demonym is
    no title ("German Chancellor Angela Merkel": "German" is a person too). Abbreviations
    ("Ga. Hugley", "U.S. President") are left alone: they are state or country codes, never a
    title.
    """
    if j - i != 1 or j >= len(toks.text) or not toks.text[i].isalpha():
        return False
    if _person_at(toks, j):
        return True
    chained = j + 1 < len(toks.text) and toks.name_like(j) and _title(toks.lower[j])
    return chained and not demonym and _title(toks.lower[i]) and _person_at(toks, j + 1)


def _after_title(toks: _Tokens, i: int, j: int) -> bool:
    """A single word after a military rank, or after a title and a given name, is a surname.

    "General Washington divided his soldiers": a rank (`_rank`) stands right before the word.
    "Admiral Heihachiro Togo opened the war", "Superintendent Phyllis Edwards": any title
    (`_title`, but no inhabitant such as "Iraqi") stands before one given name that WordNet
    does not know at all (a foreign or rare first name, not "General Motors"). Either way the
    name ends there. A title names a person, never a place, so even a country's name there
    ("Togo") is a person; NER often calls it a GPE.
    """
    n = len(toks.text)
    if j - i != 1 or i == 0 or not toks.text[i].isalpha() or (j < n and toks.name_like(j)):
        return False
    k = i - 1
    if toks.name_like(k) and toks.text[k].isalpha() and _rank(toks.lower[k]):
        return True
    return (
        k > 0
        and toks.name_like(k)
        and toks.text[k].isalpha()
        and not _known_word(toks.lower[k])
        and toks.name_like(k - 1)
        and _title(toks.lower[k - 1])
        and "inhabitant" not in load_wordnet().senses(toks.lower[k - 1], "n").ancestors
    )


def _rank(word: str) -> bool:
    """A military rank (`_title`, a kind of serviceman in WordNet: "General", "Admiral",
    "Colonel"). Wider titles are not taken: "Chief Kanawha Circuit Judge" and "St. Joseph
    London" put a place after a person noun, and "Iraqi" is a person (an inhabitant) too."""
    return _title(word) and "serviceman" in load_wordnet().senses(word, "n").ancestors


def _known_word(word: str) -> bool:
    """WordNet knows the word as a noun or adjective (a plural by its singular: "Motors")."""
    wordnet = load_wordnet()
    forms = (word, word[:-1]) if word.endswith("s") else (word,)
    return any(wordnet.supersenses(form, "n") or wordnet.supersenses(form, "a") for form in forms)


def _person_at(toks: _Tokens, k: int) -> bool:
    """Token ``k`` begins a PERSON entity or is a word of a person's full name."""
    ent = toks.ent[k]
    if ent >= 0 and toks.ents[ent].start == k and toks.ents[ent].label_ == "PERSON":
        return True
    # A surname, not a common word the NER model swept into a "person" ("Police Department").
    return toks.text[k] in toks.person_words and not _is_common(toks.lower[k])


def _title(word: str) -> bool:
    """WordNet's first sense of the word is a person ("major", "general", "officer") and no
    sense is a place ("Lincoln", "Washington" are also people)."""
    senses = load_wordnet().supersenses(word, "n")
    return bool(senses) and senses[0] == "noun.person" and "noun.location" not in senses


def _acronym(toks: _Tokens, i: int, j: int) -> bool:
    """A short word in capitals amid ordinary text: "UN", "NATO", "UPI", not the town "Un".

    Acronyms are short; a longer word in capitals is a name written so ("NEWARK"). A headline
    in capitals ("FIRE IN DAYTON") writes every word so, and a dateline ("HUME – A member…")
    is followed by a dash or colon: the neighbours tell which.
    """
    text = toks.text[i]
    if j - i != 1 or not (text.isalpha() and text.isupper() and len(text) <= _ACRONYM_LEN):
        return False
    if j < len(toks.text) and toks.text[j] in _DATELINE_MARKS:
        return False
    return not any(
        0 <= k < len(toks.text) and len(toks.text[k]) > 1 and toks.text[k].isupper()
        for k in (i - 1, j)
    )


def _common_word(toks: _Tokens, i: int, j: int, organisation: bool) -> bool:
    """A capitalised common noun or adjective ("Justice", "Casino", "White House"), by WordNet.

    WordNet knows the words of many names; a word whose senses include none of a place, a
    person or a natural object (`_NAME_SENSES`) is a common word capitalised as part of another
    name, a title or a headline. It may still be a town that the context marks as one: right
    after a place preposition ("in Saratoga"), unless NER reads the word itself as an
    organisation ("in Congress"), or a single word modifying a lower-case noun, as place names
    do ("Roselle police").
    """
    n = len(toks.text)
    if i > 0 and toks.lower[i - 1] in _PLACE_PREPS and not organisation:
        return False
    attributive = j < n and toks.noun[j] and toks.text[j].islower()
    if j - i == 1 and attributive:
        return False
    return _is_common(" ".join(toks.lower[i:j]))


def _landform_tail(toks: _Tokens, i: int, j: int, candidates: list[Candidate]) -> bool:
    """A landform noun ending a longer name: "the Korean Peninsula", "the Nile Delta".

    WordNet calls such words natural objects, a class `_common_word` spares because rivers
    and mountains name towns ("Kanawha"); at the end of NER's longer name the word is that
    name's head noun, and the towns it matches ("Peninsula", Ohio) are not meant.
    """
    if j - i != 1 or toks.ent[i] < 0 or any(c.precision != "city" for c in candidates):
        return False
    ent = toks.ents[toks.ent[i]]
    if not (ent.start < i and ent.end == j):
        return False
    wordnet = load_wordnet()
    senses = set(wordnet.supersenses(toks.lower[i], "n"))
    return "noun.object" in senses and not senses & {"noun.location", "noun.person"}


def _respelled_word(toks: _Tokens, i: int, j: int, candidates: list[Candidate]) -> bool:
    """An English word that matches only towns spelt otherwise: "Body" → Boody, "Holy" → Holly.

    Folding doubled letters and transliteration digraphs joins the spellings of one foreign
    name ("Fallujah", "Falluja"); a word WordNet knows, written as spelt, is that word. Only
    matches by the towns' own names are judged (an alternate name's spelling is not on the
    candidate).
    """
    if j - i != 1 or not all(c.kind == KIND_NAME for c in candidates):
        return False
    word = toks.lower[i]
    wordnet = load_wordnet()
    if not (wordnet.supersenses(word, "n") or wordnet.supersenses(word, "a")):
        return False
    return all(_plain(c.name) != word for c in candidates)


def _plain(name: str) -> str:
    """Lower case without accents ("Ål" → "al")."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def _place_word(toks: _Tokens, i: int, j: int) -> bool:
    """WordNet knows the name as a place and never as a person ("Gainesville", "Duluth").

    The small NER model calls many lone town names PERSON; for a word WordNet has only place
    (and other non-person) senses of, that label is the model's mistake, not evidence.
    """
    wordnet = load_wordnet()
    senses = set(wordnet.supersenses(" ".join(toks.lower[i:j]), "n"))
    return "noun.location" in senses and "noun.person" not in senses


def _is_common(phrase: str) -> bool:
    """WordNet knows the phrase, as a noun or adjective with no sense of a kind names have."""
    wordnet = load_wordnet()
    senses = {*wordnet.supersenses(phrase, "n"), *wordnet.supersenses(phrase, "a")}
    return bool(senses) and not senses & _NAME_SENSES


def _front(toks: _Tokens, i: int, j: int) -> bool:
    """The match begins a longer name: "Mandalay Bay", "Sirius XM", "Riv-Ellen Prell".

    The next word is capitalised (glued by a hyphen or not), or NER's entity goes on past it.
    Resolution decides what that means (`resolve.drop_borrowed_names`).
    """
    n = len(toks.text)
    if j < n and toks.name_like(j):
        return True
    if j + 1 < n and toks.text[j] == "-" and not toks.space[j - 1] and toks.name_like(j + 1):
        return True
    return toks.ent[i] >= 0 and toks.ents[toks.ent[i]].end > j


def _dotted_parts(toks: _Tokens, i: int, j: int) -> list[str]:
    """The letters of dotted initials ("L.A." → ["L", "A"]); empty for anything else."""
    if j - i > 2 or any(toks.space[k] for k in range(i, j - 1)):
        return []  # "St. Paul" is a name, not initials
    parts = [part for part in "".join(toks.text[i:j]).split(".") if part]
    if len(parts) < 2 or not all(part.isalpha() and len(part) <= 4 for part in parts):
        return []
    return parts


def _fit_initials(parts: list[str], candidates: list[Candidate]) -> list[Candidate]:
    """Dotted initials ("L.A.", "S.C.", "W.Va.") are an abbreviation of the place they spell.

    Folding drops the periods, so "L.A." shares its key with "La." (Louisiana) and with
    villages named "La" or "Laa". Written with dots, it can only be an abbreviation, and a
    state's only when each dotted part begins one word of its name, as "S.C." does South
    Carolina and "W.Va." West Virginia; "L.A." is Los Angeles, not Louisiana.
    """
    return [
        c
        for c in candidates
        if c.kind == KIND_ABBREV and (c.precision != "province" or _spells(parts, c.name))
    ]


def _spells(parts: list[str], name: str) -> bool:
    """Each part abbreviates the matching capitalised word ("W", "Va": West Virginia)."""
    words = [word for word in name.split() if word[:1].isupper()]
    return len(words) == len(parts) and all(
        _abbreviates(part.lower(), word.lower()) for part, word in zip(parts, words, strict=True)
    )


def _abbreviates(part: str, word: str) -> bool:
    """The word's first letter, then the part's other letters in order ("va" in "virginia")."""
    rest = iter(word[1:])
    return part[0] == word[0] and all(letter in rest for letter in part[1:])


def _is_abbrev(text: str) -> bool:
    return "." in text or (len(text) <= 4 and text.isupper())


def _abbrev_ok(toks: _Tokens, i: int, j: int, candidates: list[Candidate]) -> bool:
    """Abbreviations match only in their own case; US state codes only after a comma, unless
    written as dotted initials ("S.C.", "W.Va."), which are no English word or name: "the
    S.C. House", "Rep. Clyburn, D-S.C." name the state as surely."""
    text = "".join(toks.text[i:j])
    letters = text.replace(".", "")
    if not (letters.isupper() or "." in text):
        return False
    if all(c.precision == "province" for c in candidates):
        after_comma = i > 0 and toks.text[i - 1] == ","  # "Athens, Ga." / "Columbia, SC"
        return after_comma or text.count(".") >= 2
    return True


def _head(toks: _Tokens, i: int, j: int) -> str | None:
    """The precision a framing noun gives the name ("province of X", "X county")."""
    n = len(toks.text)
    if j < n and toks.lower[j] in _HEADS:
        return _HEADS[toks.lower[j]]
    modifier = j + 1 < n and toks.lower[j] in ("air", "oil", "border", "military")
    if modifier and toks.lower[j + 1] in _HEADS:
        return _HEADS[toks.lower[j + 1]]
    if i >= 2 and toks.lower[i - 1] == "of" and toks.lower[i - 2] in _HEADS:
        return _HEADS[toks.lower[i - 2]]
    return None


def _plural_units(toks: _Tokens, mentions: list[Mention], gazetteer: Gazetteer) -> None:
    """Bare names in a list closed by "counties"/"parishes" are those units, not towns.

    "Washington and Douglas counties": each name is looked up again with the singular unit
    word, and its candidates become the counties of that name.
    """
    n = len(toks.text)
    for mention in mentions:
        k = mention.end
        while k < min(n, mention.end + 12) and (toks.lower[k] in _LIST_WORDS or toks.name_like(k)):
            k += 1
        if k >= n or toks.lower[k] not in _PLURAL_UNITS or mention.head == "district":
            continue
        listed = k > mention.end or (
            mention.start > 0 and toks.lower[mention.start - 1] in _LIST_WORDS
        )
        if not listed and any(c.precision == "province" for c in mention.candidates):
            continue  # "Indiana counties": the state's counties, not Indiana County
        key = fold_key(f"{mention.text} {_PLURAL_UNITS[toks.lower[k]]}")
        units = gazetteer.lookup([key]).get(key, [])
        if units:
            mention.candidates = units
            mention.key = key
            mention.head = "district"
            mention.cues.add("unit")


def _link_admin_pairs(toks: _Tokens, mentions: list[Mention]) -> None:
    """A following admin name pins a town to it ("Athens, Ga.", "Paris, Texas")."""
    for left, right in itertools.pairwise(mentions):
        gap = toks.doc_text[left.end_char : right.start_char].strip()
        if right.start != left.end + 1 or gap != ",":
            continue
        admins = {c.admin1 for c in right.candidates if c.precision == "province" and c.admin1}
        countries = {c.country for c in right.candidates if c.precision == "country"}
        inside = [c for c in left.candidates if c.admin1 in admins or c.country in countries]
        if inside and len(admins) + len(countries) >= 1:
            left.cues.add("pinned")
            left.candidates = inside
            right.cues.add("pinning")
            if len(admins) == 1:
                left.admin1 = next(iter(admins))


def _country_of(mention: Mention) -> str | None:
    countries = {c.country for c in mention.candidates if c.precision == "country"}
    return next(iter(countries)) if len(countries) == 1 else None


def _borders(
    doc: Doc, toks: _Tokens, mentions: list[Mention], gazetteer: Gazetteer
) -> list[Mention]:
    """Merge "Iraqi-Syrian border" / "the border between Iraq and Syria" into one line place."""
    out: list[Mention] = []
    n = len(toks.text)
    index = 0
    while index < len(mentions):
        left = mentions[index]
        right = mentions[index + 1] if index + 1 < len(mentions) else None
        index += 1
        if right is None:
            out.append(left)
            continue
        a, b = _country_of(left), _country_of(right)
        gap = toks.doc_text[left.end_char : right.start_char].strip()
        span: tuple[int, int] | None = None
        if a and b and a != b:
            joined = gap in ("-", "–", "—", "/", "and") and right.end < n
            if joined and toks.lower[right.end] in _BORDER_WORDS:
                span = (left.start, right.end + 1)
            if (
                gap == "and"
                and left.start >= 2
                and toks.lower[left.start - 1] in ("between", "of")
                and toks.lower[left.start - 2] in _BORDER_WORDS
            ):
                span = (left.start - 2, right.end)
        point = gazetteer.border(a, b) if span and a and b else None
        if span is None or point is None or a is None or b is None:
            out.append(left)
            continue
        start_char = toks.idx[span[0]]
        end_char = toks.idx[span[1] - 1] + len(toks.text[span[1] - 1])
        surface = toks.doc_text[start_char:end_char]
        out.append(
            Mention(
                start=span[0],
                end=span[1],
                start_char=start_char,
                end_char=end_char,
                text=surface,
                key=fold_key(surface),
                candidates=[_border_candidate(a, b, point)],
                cues={"border", *left.cues, *right.cues},
                head="line",
                border=(a, b),
                points=left.points + right.points,
            )
        )
        index += 1
    return out


def _border_candidate(a: str, b: str, point: tuple[float, float, str]) -> Candidate:
    first, second = sorted((a, b))
    return Candidate(
        id=0,
        geonameid=None,
        name=f"{first}–{second} border",
        lat=point[0],
        lon=point[1],
        feature_class="L",
        feature_code="BRDR",
        country=a,
        admin1=None,
        admin2=None,
        population=0,
        precision="line",
        approx=False,
        kind=0,
    )
