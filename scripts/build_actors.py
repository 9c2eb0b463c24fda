"""Rebuild the shipped actor dictionary from PETRARCH2/Phoenix, GeoNames and curated entries.

Run ``python scripts/build_actors.py`` from the repository root. It reads

* the PETRARCH2/Phoenix actor and agent dictionaries (MIT, Open Event Data Alliance) from
  ``../shared/data/dictionaries/petrarch2/``,
* the GeoNames ``countryInfo.txt`` table (CC BY 4.0) for the ISO alpha-3 to alpha-2 mapping, and
* the hand-curated entries in ``src/newsgraph/resources/actors/curated.jsonl``,

and writes ``actors.jsonl`` (one canonical actor a line) and ``agents.jsonl`` (generic role nouns
such as "police" with their sector) next to each other. The sources are read at build time only:
they are not copied into the repository, and the output is deterministic, so a rebuild from the
same inputs is byte-identical (the test suite checks this).

Why a build step rather than reading the TABARI files at run time: the files need a parser with
several legacy quirks, hold date-restricted codes that must be resolved to one current code, and
list cities as synonyms of countries. Doing that once here keeps the run-time loader a plain JSON
reader and makes every decision reviewable in one place.

Only the standard library is used, so the script runs before the package is installed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import json
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
RESOURCE_DIR = REPO_ROOT / "src" / "newsgraph" / "resources" / "actors"
DEFAULT_PETRARCH_DIR = REPO_ROOT.parent / "shared" / "data" / "dictionaries" / "petrarch2"
DEFAULT_COUNTRY_INFO = (
    REPO_ROOT.parent / "shared" / "data" / "gazetteer" / "geonames-admin" / "countryInfo.txt"
)
DEFAULT_OUTPUT = RESOURCE_DIR / "actors.jsonl"
DEFAULT_CURATED = RESOURCE_DIR / "curated.jsonl"
AGENTS_FILENAME = "agents.jsonl"

# The actor files, in the order their entries are merged (earlier files win ties).
ACTOR_FILES = (
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
)
AGENTS_FILE = "Phoenix.agents.txt"

MAX_ALIASES = 30
MIN_ALIAS_LEN = 3
SPELLING_RATIO = 0.8
TYPES = ("PERSON", "ORG", "GPE", "NORP")

# CAMEO roots that are not states: international/transnational actor classes. Their entries get
# no country; where no role follows, the root itself is the sector (IGOUNO -> IGO).
NON_STATE_ROOTS = frozenset({"IGO", "NGO", "MNC", "IMG", "NGM", "UIS"})
# CAMEO role (sector) codes. A 3-letter chunk after the root counts as the sector only if it is
# one of these; other chunks are regions, religions, ethnic groups or organisation ids (UNO, EEC).
ROLE_CODES = frozenset(
    {
        "AGR", "BUS", "COP", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "GOV", "HLH", "HRI",
        "INS", "JUD", "LAB", "LEG", "MED", "MIL", "MOD", "OPP", "PTY", "RAD", "REB", "REF",
        "REL", "SEP", "SPY", "UAF",
    }
)  # fmt: skip
# CAMEO secondary codes that happen to be ISO alpha-3 codes too (MUS: Muslim, not Mauritius).
ROLE_LIKE = frozenset({"MUS"})
# CAMEO roots that are not ISO alpha-3 codes but name a state that still exists.
ROOT_OVERRIDES = {"TMP": "TL", "KSV": "XK", "ANG": "AO", "ROM": "RO"}
# CAMEO roots of states that no longer exist (USSR, Yugoslavia, East Germany, Republika Srpska,
# Serbian Krajina …) and FRN (used once, for French territories): still GPEs, but with no ISO
# 3166-1 alpha-2 code. KKL, used in the MilNonState file for groups of unrecorded country, is no
# state and gets no country.
HISTORICAL_STATE_ROOTS = frozenset({"USR", "SUN", "YUG", "CSK", "DDR", "FRY", "SRP", "KRJ", "FRN"})
# Roots whose blocks are skipped: KNT is Kinakuta, a fictional country of the TABARI test suite.
SKIPPED_ROOTS = frozenset({"KNT"})

# Words that stay lower case inside a name (not as its first word).
LOWER_PARTICLES = frozenset(
    {
        "al", "el", "bin", "ibn", "bint", "ul", "de", "da", "di", "du", "del", "della", "der",
        "den", "van", "von", "la", "le", "of", "the", "and", "for", "in", "on", "at", "to",
        "y", "e", "ye", "des", "das", "dos", "do",
    }
)  # fmt: skip
# Particles written joined to the next word with a hyphen ("Nuri al-Maliki").
HYPHEN_PARTICLES = frozenset({"al", "el"})
ROMAN_NUMERALS = frozenset({"II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"})
# Abbreviations written with an initial capital although they have no vowel or are short.
ABBREVIATIONS = frozenset({"MR", "MRS", "MS", "DR", "ST", "JR", "SR", "LT", "FT", "MT", "GEN"})
# Short tokens that are acronyms even though they contain a vowel.
KNOWN_ACRONYMS = frozenset(
    {
        "UN",
        "US",
        "UK",
        "EU",
        "AU",
        "USA",
        "UAE",
        "OAS",
        "OAU",
        "OIC",
        "IAEA",
        "NATO",
        "OPEC",
        "ROK",
        "DPRK",
        "PRC",
        "DRC",
    }
)

# Single words that are not names: a synonym consisting only of one of these (or of any agent
# noun from Phoenix.agents.txt, added at build time) would match ordinary text. The list is short
# on purpose: the agent nouns cover the roles, and names of states ("Chad", "Turkey", "Jordan")
# must survive.
COMMON_WORDS = frozenset(
    {
        "ADMINISTRATION", "AGENCY", "ALL", "AND", "ARMY", "ASSEMBLY", "BANK", "BOARD",
        "CABINET", "CAPITAL", "CENTER", "CENTRE", "CHIEF", "CITY", "COALITION", "COMMAND",
        "COMMISSION", "COMMITTEE", "COMPANY", "CONGRESS", "COUNCIL", "COURT", "DEPARTMENT",
        "EMBASSY", "FORCE", "FORCES", "FOREIGN", "FRONT", "GENERAL", "GOVERNMENT", "GROUP",
        "GUARD", "HOUSE", "INTERNATIONAL", "ISLAND", "ISLANDS", "KING", "KINGDOM", "LEADER",
        "LEAGUE", "MILITARY", "MINISTER", "MINISTRY", "MOVEMENT", "NATION", "NATIONAL",
        "NAVY", "NEW", "NORTH", "OFFICE", "OFFICIAL", "OFFICIALS", "PARLIAMENT", "PARTY",
        "PEOPLE", "POLICE", "PREMIER", "PRESIDENT", "PRIME", "PRINCE", "QUEEN", "REPUBLIC",
        "REGIME", "SECRETARY", "SENATE", "SOUTH", "STATE", "STATES", "THE", "UNION", "UNITED",
        "WEST", "EAST", "WORLD",
    }
)  # fmt: skip

# Words that mark a phrase as an organisation rather than a person.
ORG_WORDS = frozenset(
    {
        "ACADEMY", "ADMINISTRATION", "AGENCY", "ALLIANCE", "ARMY", "ASSEMBLY", "ASSOCIATION",
        "AUTHORITY", "BANK", "BATTALION", "BOARD", "BRIGADE", "BRIGADES", "BUREAU", "CABINET",
        "CELL", "CELLS", "CENTER", "CENTRE", "CHURCH", "CLUB", "CO", "CO.", "COLLEGE",
        "COMMAND", "COMMANDOS", "COMMISSION", "COMMITTEE", "COMMUNITY", "COMPANY",
        "CONFERENCE", "CONGRESS", "CORP", "CORP.", "CORPORATION", "CORPS", "COUNCIL", "COURT",
        "DEPARTMENT", "DIRECTORATE", "DIVISION", "FACTION", "FEDERATION", "FORCE", "FORCES",
        "FOUNDATION", "FRONT", "FUND", "GOVERNMENT", "GROUP", "GROUPS", "GUARD", "GUARDS",
        "HOSPITAL", "INC", "INC.", "INSTITUTE", "INTERNATIONAL", "JOURNAL", "KINGDOM",
        "LEAGUE", "LIMITED", "LTD", "LTD.", "MILITIA", "MINISTRY", "MISSION", "MOVEMENT",
        "NAVY", "NETWORK", "NEWS", "NUCLEI", "OFFICE", "ORGANISATION", "ORGANIZATION",
        "PARLIAMENT", "PARTY", "POLICE", "POST", "PROGRAM", "PROGRAMME", "PROJECT", "RADIO",
        "REGIMENT", "REPUBLIC", "SCHOOL", "SENATE", "SERVICE", "SERVICES", "SOCIETY", "STATE",
        "STATES", "SYSTEMS", "TEAM", "TIMES", "TRIBUNAL", "TRUST", "TV", "UNION", "UNIVERSITY",
        "INDUSTRIES", "HOLDINGS", "PLC", "AG", "SA", "NV",
    }
)  # fmt: skip
# Titles that, at the start of a synonym, show that the block names a person.
TITLE_WORDS = frozenset(
    {
        "AMBASSADOR", "AYATOLLAH", "BISHOP", "CAPTAIN", "CARDINAL", "CHAIRMAN", "COLONEL",
        "DR", "DR.", "EMIR", "FORMER", "GENERAL", "GOVERNOR", "IMAM", "JUDGE", "KING",
        "MINISTER", "MR", "MR.", "MRS", "MRS.", "MULLAH", "POPE", "PREMIER", "PRESIDENT",
        "PRIME", "PRINCE", "PRINCESS", "QUEEN", "RABBI", "SECRETARY", "SENATOR", "SHEIK",
        "SHEIKH", "SIR", "SULTAN", "DAME", "LT", "LT.", "MAJOR",
    }
)  # fmt: skip
# Name particles that only occur in personal names.
PERSON_PARTICLES = frozenset({"BIN", "IBN", "BINT"})
# Common given names (transliterated Arabic, Persian, Turkish, Somali, Pashto and a few Western
# ones) used to recognise a leader listed as a synonym of his organisation.
GIVEN_NAMES = frozenset(
    {
        "ABDALLAH", "ABDEL", "ABDUL", "ABDULLAH", "ABDULLAHI", "ABUBAKAR", "AHMAD", "AHMED",
        "AHMET", "AIMAN", "ALI", "AMIR", "AYMAN", "BASHIR", "FAROOQ", "FETHULLAH", "HAFIZ",
        "HAMID", "HASAN", "HASSAN", "HOSSEIN", "HUSSAIN", "HUSSEIN", "IBRAHIM", "IMAD",
        "ISMAIL", "JALALUDDIN", "JAMAL", "JAVAD", "KHALED", "KHALID", "MAHMOUD", "MAHMUD",
        "MARWAN", "MEHMET", "MOHAMAD", "MOHAMED", "MOHAMMAD", "MOHAMMED", "MOHSEN", "MOKHTAR",
        "MOKTAR", "MUHAMMAD", "MUHAMMED", "MUKHTAR", "MULLAH", "MUSA", "MUSTAFA", "NASSER",
        "OMAR", "OSAMA", "RECEP", "SAID", "SALAH", "SALEH", "SAYED", "SAYYID", "SELAHATTIN",
        "SIRAJUDDIN", "UMAR", "USAMA", "YAHYA", "YASIN", "YOUSEF", "YUSUF", "ZAID", "DAVID",
        "GEORGE", "JAMES", "JOHN", "MICHAEL", "PAUL", "PETER", "ROBERT", "WILLIAM",
    }
)  # fmt: skip

# GPE blocks list cities and provinces as synonyms of the country. These demonyms and short
# names do not share a prefix with the country's primary phrase but are names of the country or
# its people, so they are kept (keyed by ISO alpha-2).
GPE_EXTRA_NAMES = {
    "AE": ("UAE", "EMIRATI", "EMIRATIS"),
    "CH": ("SWISS",),
    "CI": ("IVORIAN", "IVORIANS"),
    "CN": ("PRC", "CHINESE"),
    "DE": ("GERMAN", "GERMANS"),
    "DK": ("DANISH", "DANE", "DANES"),
    "ES": ("SPANISH", "SPANIARD", "SPANIARDS"),
    "FI": ("FINNISH", "FINN", "FINNS"),
    "FR": ("FRENCH",),
    "GB": ("BRITAIN", "BRITISH", "BRITON", "BRITONS", "GREAT BRITAIN", "UK", "U.K."),
    "IE": ("IRISH",),
    "KP": ("DPRK",),
    "KR": ("ROK",),
    "MM": ("BURMA", "BURMESE"),
    "NL": ("DUTCH", "HOLLAND"),
    "PH": ("FILIPINO", "FILIPINOS"),
    "RU": ("RUSSIA", "RUSSIAN", "RUSSIANS"),
    "TZ": ("TANZANIA", "TANZANIAN"),
    "US": ("AMERICA", "AMERICAN", "AMERICANS", "U.S.", "U.S.A.", "USA"),
    "ZA": ("SOUTH AFRICA", "SOUTH AFRICAN"),
}
# Words ignored when comparing a synonym with the primary phrase of a GPE block.
GPE_GENERIC_WORDS = frozenset(
    {
        "THE", "OF", "AND", "REPUBLIC", "KINGDOM", "STATE", "STATES", "UNITED", "DEMOCRATIC",
        "PEOPLE'S", "PEOPLES", "FEDERAL", "FEDERATION", "ISLAMIC", "ARAB", "SOCIALIST",
        "COMMONWEALTH", "GOVERNMENT", "NORTH", "SOUTH", "EAST", "WEST", "NEW", "SAINT", "ST",
        "ST.", "GREAT", "ISLANDS", "ISLAND", "OCCUPIED", "SOVIET",
    }
)  # fmt: skip

_CODE_RE = re.compile(r"\[([^\]]*)\]")
_PAREN_RE = re.compile(r"\(([^()]*)\)")
_SLUG_RE = re.compile(r"[^0-9a-z]+")
_VOWELS = frozenset("AEIOUY")


class BuildError(Exception):
    """A source file cannot be read the way this script expects."""


# ----------------------------------------------------------------------------- reading


@dataclass(frozen=True)
class FinLine:
    """One content line of a PETRARCH dictionary file, after comment removal."""

    lineno: int
    text: str
    comment: str


def read_fin_lines(path: Path) -> Iterator[FinLine]:
    """Yield the content lines of a PETRARCH dictionary file as ``PETRreader.read_FIN_line`` does.

    Lines starting with ``#`` or ``<!`` and blank lines are skipped; everything from the first
    ``#`` on is a comment (kept separately, because ``# CountryInfo.txt`` marks person blocks);
    ``<!-- -->`` comments are removed, including ones spanning lines.
    """
    in_comment = False
    with path.open(encoding="utf-8") as handle:
        for lineno, raw in enumerate(handle, start=1):
            line = raw.rstrip("\r\n")
            if in_comment:
                if "-->" in line:
                    in_comment = False
                continue
            if not line.strip() or line.startswith("#") or line.startswith("<!"):
                continue
            comment = ""
            if "#" in line:
                cut = line.index("#")
                line, comment = line[:cut], line[cut + 1 :].strip()
            if "<!--" in line:
                before, _, after = line.partition("<!--")
                if "-->" in after:
                    line = before + after[after.index("-->") + 3 :]
                else:
                    line, in_comment = before, True
            line = line.strip()
            if line:
                yield FinLine(lineno, line, comment)


def read_country_info(path: Path) -> tuple[dict[str, str], frozenset[str]]:
    """Read a GeoNames ``countryInfo.txt`` table: alpha-3 to alpha-2, and the upper-case names."""
    mapping: dict[str, str] = {}
    names: set[str] = set()
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or line.startswith("ISO\t") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 5 or len(cols[0]) != 2 or len(cols[1]) != 3:
                raise BuildError(f"{path}: unexpected row {line!r}")
            mapping[cols[1]] = cols[0]
            names.add(cols[4].upper())
    if len(mapping) < 200:
        raise BuildError(f"{path}: only {len(mapping)} countries read")
    return mapping, frozenset(names)


# ----------------------------------------------------------------------------- codes and dates


def parse_date(text: str) -> dt.date | None:
    """Parse a TABARI date as ``PETRreader.dstr_to_ordate`` does, or return None if invalid.

    ``YYYYMMDD`` when longer than 7 characters (only the first 8 count), else ``YYMMDD`` with
    00-30 meaning 20YY. The source has a few malformed dates; those become None (unknown).
    """
    text = text.strip()
    try:
        if len(text) > 7:
            year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
        else:
            year, month, day = int(text[:2]), int(text[2:4]), int(text[4:6])
            year += 2000 if year <= 30 else 1900
        return dt.date(year, month, day)
    except ValueError:
        return None


@dataclass(frozen=True)
class Code:
    """One ``[CODE restriction]`` of an actor block."""

    code: str
    kind: str  # "default" (no date), "after" (>D or a bare date), "before" (<D), "range"
    start: dt.date | None = None
    end: dt.date | None = None

    def recency(self) -> tuple[int, int]:
        """Sort key: larger means more current.

        An open-ended ``>DATE`` code is current from its date on, so it beats the undated default
        (which PETRARCH only uses outside every dated range); among open-ended codes the latest
        start wins. Closed ranges and ``<DATE`` codes rank last, by their end date.
        """
        if self.kind == "after":
            return (3, self.start.toordinal() if self.start else 0)
        if self.kind == "default":
            return (2, 0)
        return (1, self.end.toordinal() if self.end else 0)


def parse_code(inner: str) -> Code | None:
    """Parse the text inside ``[...]``; None for empty, ``---`` (no code) or junk."""
    parts = inner.split(None, 1)
    if not parts:
        return None
    code = parts[0]
    if code.startswith("---") or not re.fullmatch(r"[A-Z0-9]{3,}", code):
        return None
    restriction = parts[1].replace(" ", "") if len(parts) > 1 else ""
    if not restriction:
        return Code(code, "default")
    if restriction[0] == ">":
        return Code(code, "after", start=parse_date(restriction[1:]))
    if restriction[0] == "<":
        return Code(code, "before", end=parse_date(restriction[1:]))
    if "-" in restriction:
        first, _, last = restriction.partition("-")
        return Code(code, "range", start=parse_date(first), end=parse_date(last))
    # A bare date (two in the files): PETRARCH2 keeps a one-element date list; read as "from".
    return Code(code, "after", start=parse_date(restriction))


def current_code(codes: Sequence[Code]) -> Code | None:
    """The most recent code of a block: open-ended, else default, else the latest range."""
    best: Code | None = None
    for code in codes:  # first listed wins ties
        if best is None or code.recency() > best.recency():
            best = code
    return best


@dataclass(frozen=True)
class CodeInfo:
    """What a CAMEO code says about an actor."""

    country: str | None
    sector: str | None
    is_state: bool  # a bare code of a state root: the block names a country


def interpret_code(code: str, iso3: dict[str, str]) -> CodeInfo:
    """Split a CAMEO code into country (alpha-2), sector and whether it names a state."""
    root, chunks = code[:3], [code[i : i + 3] for i in range(3, len(code), 3)]
    role = next((c for c in chunks if c in ROLE_CODES), None)
    if root in NON_STATE_ROOTS:
        return CodeInfo(None, role or root, False)
    if root in ROLE_CODES:  # a bare role such as [MED] for news agencies, [ELI] for ex-officials
        return CodeInfo(None, root, False)
    country = ROOT_OVERRIDES.get(root) or iso3.get(root)
    is_state_root = country is not None or root in HISTORICAL_STATE_ROOTS
    if is_state_root and len(chunks) == 1 and chunks[0] in iso3 and chunks[0] not in ROLE_LIKE:
        # A dependent territory under its state (USAASM American Samoa, FRNWLF Wallis and
        # Futuna): a place with its own ISO code.
        return CodeInfo(iso3[chunks[0]], None, True)
    return CodeInfo(country, role, is_state_root and not chunks)


# ----------------------------------------------------------------------------- phrases


def phrase_words(phrase: str) -> list[str]:
    """Words of a TABARI phrase: ``_`` and blanks separate words; the trailing ``_`` is dropped."""
    return phrase.replace("_", " ").split()


def split_parenthetical(words: list[str]) -> tuple[list[str], list[str]]:
    """Remove ``(...)`` groups from a phrase, returning the words and the acronyms among them.

    ``ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_`` gives the name without the group and ``AAIA`` as an
    alias. Other groups are disambiguators (``NATIONAL_LIBERATION_ARMY_(COLOMBIA)``,
    ``SAMOA_(AMERICAN)``), not names, and are dropped; so are stray parentheses.
    """
    text = " ".join(words)
    groups = [m.strip() for m in _PAREN_RE.findall(text)]
    text = _PAREN_RE.sub(" ", text).replace("(", " ").replace(")", " ")
    return text.split(), [g for g in groups if _is_acronym(g)]


def _is_acronym(text: str) -> bool:
    """A single upper-case token of 2-6 letters or digits (dots and hyphens ignored)."""
    core = text.replace(".", "").replace("-", "")
    return " " not in text and 2 <= len(core) <= 6 and core.isupper() and core.isalnum()


def case_token(token: str, first: bool, keep_upper: bool) -> str:
    """Readable case for one upper-case TABARI word (hyphenated parts are cased separately)."""
    if any(ch.islower() for ch in token):
        return token  # already mixed or lower case (a few entries are)
    if token.rstrip(".") in ABBREVIATIONS:
        return token.capitalize()  # MR -> Mr, ST. -> St.
    if keep_upper or any(ch.isdigit() for ch in token) or _is_initialism(token):
        return token
    if token in ROMAN_NUMERALS or token in KNOWN_ACRONYMS:
        return token
    letters = [ch for ch in token if ch.isalpha()]
    if letters and len(letters) <= 5 and not any(ch in _VOWELS for ch in letters):
        return token  # BBC, CNN, PKK
    if token.endswith(".") and len(token) == 2:
        return token  # an initial: "K."
    parts = token.split("-")
    out: list[str] = []
    for index, part in enumerate(parts):
        low = part.lower()
        if (not first or index > 0) and low in LOWER_PARTICLES and (index < len(parts) - 1):
            out.append(low)  # "AL-INTIQAMI" inside a name -> "al-Intiqami"
        elif not part:
            out.append(part)
        elif re.fullmatch(r"[A-Z]'[A-Z]{2,}.*", part):
            out.append(part[0] + "'" + part[2:].capitalize())  # O'NEIL -> O'Neil
        elif part.startswith("MC") and len(part) > 3:
            out.append("Mc" + part[2:].capitalize())
        else:
            out.append(part.capitalize())
    return "-".join(out)


def _is_initialism(token: str) -> bool:
    """Dotted initials such as ``U.N.`` or ``D.P.R.`` (but not ``AMAZON.COM``)."""
    parts = [p for p in token.split(".") if p]
    return token.count(".") >= 1 and len(parts) >= 2 and all(len(p) <= 2 for p in parts)


def readable(words: list[str], keep_short_upper: bool) -> str:
    """Title-case a TABARI phrase: ``NURI AL MALIKI`` -> ``Nuri al-Maliki``.

    Particles stay lower case inside a name and ``al``/``el`` join the next word with a hyphen;
    acronyms (no vowels, dotted, or listed) stay upper case. ``keep_short_upper`` keeps a
    one-word phrase of at most 4 letters upper case (organisation acronyms such as ``IAEA``).
    """
    if not words:
        return ""
    single_short = keep_short_upper and len(words) == 1 and len(words[0]) <= 4
    out: list[str] = []
    pending_hyphen = False
    for index, word in enumerate(words):
        low = word.lower()
        if index > 0 and low in LOWER_PARTICLES and index < len(words) - 1:
            if low in HYPHEN_PARTICLES:
                out.append(low + "-")
                pending_hyphen = True
                continue
            out.append(low)
            continue
        cased = case_token(word, first=index == 0, keep_upper=single_short)
        if pending_hyphen:
            out[-1] += cased
            pending_hyphen = False
        else:
            out.append(cased)
    return " ".join(out)


def slug(text: str) -> str:
    """Stable id part: ASCII-folded lower case, runs of other characters as ``_``."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _SLUG_RE.sub("_", folded.lower()).strip("_")


def match_key(text: str) -> str:
    """Key for comparing aliases across sources: case, punctuation and a leading "the" ignored."""
    text = unicodedata.normalize("NFKC", text).replace("\u2019", "'").casefold()
    text = re.sub(r"[^\w']+|_", " ", text).strip()
    return text.removeprefix("the ").strip()


# ----------------------------------------------------------------------------- actor blocks


@dataclass
class Block:
    """One actor block of a TABARI actor file: phrases plus codes."""

    source: str
    start: int  # first and last line number of the block in its file
    end: int
    phrases: list[str]  # primary first, then synonyms, in file order
    codes: list[Code] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    has_code_lines: bool = False  # codes on their own "[...]" lines rather than inline


def _raw_blocks(path: Path) -> list[Block]:
    """Blocks exactly as written: each primary line starts one, ``+`` and ``[`` lines extend it."""
    blocks: list[Block] = []
    for fin in read_fin_lines(path):
        text = fin.text
        if text[0] in "[+":
            if not blocks:
                continue  # a stray code or synonym before the first actor
            block = blocks[-1]
            block.end = fin.lineno
            if text[0] == "[":
                block.codes.extend(c for c in map(parse_code, _CODE_RE.findall(text)) if c)
                block.has_code_lines = True
            else:
                # A few synonym lines hold two phrases joined by "+".
                synonyms = _CODE_RE.sub(" ", text[1:]).split("+")
                block.phrases.extend(p.strip() for p in synonyms if p.strip())
            continue
        phrase = _CODE_RE.sub(" ", text).strip()
        if ":" in phrase:  # "Source: MNC.MLH.actors" is a stray heading, not an actor
            continue
        codes = [c for c in map(parse_code, _CODE_RE.findall(text)) if c]
        comments = [fin.comment] if fin.comment else []
        blocks.append(Block(path.name, fin.lineno, fin.lineno, [phrase], codes, comments))
    return blocks


def read_actor_blocks(path: Path) -> list[Block]:
    """Parse a TABARI actor file into blocks (``PETRreader.read_actor_dictionary`` semantics).

    Lines are read as ``read_FIN_line`` does; inline and indented ``[CODE date]`` lists are both
    read. Two legacy TABARI forms that PETRARCH2 reads as actors without a code are repaired:
    primary lines in a row followed by indented code lines are one actor (``LEONID_BREZHNEV_``,
    ``LEONID_ILYICH_BREZHNEV`` … ``[RUSGOV …]``), and a code-less line directly under a coded
    block is a further name of it (``UN_ [IGOUNO]`` then ``U.N._``). A blank or comment line
    ends such a group, so unrelated neighbours are never joined; a code-less line that fits
    neither form is dropped, as it has no code.
    """
    out: list[Block] = []
    carry: Block | None = None

    def attach_back(block: Block) -> None:
        if out and out[-1].end + 1 == block.start:
            out[-1].phrases.extend(block.phrases)
            out[-1].end = block.end

    for block in _raw_blocks(path):
        if carry is not None:
            carry_words = {w for p in carry.phrases for w in phrase_words(p)}
            related = bool(carry_words & set(phrase_words(block.phrases[0])))
            if block.start == carry.end + 1 and (
                not block.codes or block.has_code_lines or related
            ):
                block.phrases = carry.phrases + block.phrases
                block.comments = carry.comments + block.comments
                block.start = carry.start
            else:
                attach_back(carry)
            carry = None
        if block.codes:
            out.append(block)
        else:
            carry = block
    if carry is not None:
        attach_back(carry)
    return out


# ----------------------------------------------------------------------------- actors


@dataclass
class Actor:
    """An output record in the making."""

    id: str
    name: str
    aliases: list[str]
    wikidata: str | None
    country: str | None
    sector: str | None
    type: str
    sources: list[str]

    def record(self) -> dict[str, object]:
        """The JSON object written for this actor."""
        return {
            "id": self.id,
            "name": self.name,
            "aliases": sorted(self.aliases),
            "wikidata": self.wikidata,
            "country": self.country,
            "sector": self.sector,
            "type": self.type,
            "source": ";".join(self.sources),
        }


def is_usable_alias(alias: str, stopwords: frozenset[str]) -> bool:
    """Whether a PETRARCH surface form is safe to match in text.

    Drops forms with U+FFFD (mis-decoded source bytes), forms shorter than three characters,
    and forms that are a generic word or role noun ("PRESIDENT", "POLICE") on their own.
    """
    if "\ufffd" in alias or len(alias) < MIN_ALIAS_LEN:
        return False
    if not any(ch.isalpha() for ch in alias):
        return False
    return alias.upper() not in stopwords


def _shares_stem(word: str, stems: Iterable[str]) -> bool:
    """Whether ``word`` starts with the same four letters as one of ``stems``."""
    return any(word[:4] == stem[:4] for stem in stems)


def gpe_keeps(words: list[str], primary_words: list[str], country: str | None) -> bool:
    """Whether a synonym of a country block is a name of the country rather than a place in it.

    Kept: synonyms whose every significant word (generic words such as REPUBLIC ignored) shares
    its first four letters with a word of the primary phrase, so AFGHAN, AFGHANESTAN and
    ISLAMIC REPUBLIC OF AFGHANISTAN stay while KABUL, PORT SUDAN and PANAMA CITY go; initials of
    the primary (USA); and the listed irregular names and demonyms (DUTCH, SWISS).
    """
    phrase = " ".join(words)
    if country and phrase in GPE_EXTRA_NAMES.get(country, ()):
        return True
    stems = [w for w in primary_words if w not in GPE_GENERIC_WORDS and len(w) >= 4]
    significant = [w for w in words if w not in GPE_GENERIC_WORDS and len(w) >= 4]
    if significant and all(_shares_stem(w, stems) for w in significant):
        return True
    initials = "".join(w[0] for w in primary_words if w not in {"OF", "THE", "AND"})
    compact = phrase.replace(".", "").replace(" ", "")
    return len(compact) >= 2 and compact == initials


def looks_like_person(words: list[str]) -> bool:
    """Whether a synonym of an organisation names a person (a leader PETRARCH codes alike).

    PETRARCH lists leaders as synonyms of their group ("MOHAMMED_DEIF" under the Qassam
    Brigades) because it codes them the same way; as an alias of the group they would turn the
    person into the organisation. A title or a common given name first, two to four words and
    no organisation word mark such a synonym.
    """
    if not 2 <= len(words) <= 4 or set(words) & ORG_WORDS:
        return False
    return words[0] in TITLE_WORDS or words[0] in GIVEN_NAMES


def classify(block: Block, words: list[str], info: CodeInfo) -> str:
    """PERSON, ORG or GPE for a PETRARCH block (a heuristic: the source has no type field).

    GPE for a bare state code; PERSON for blocks from CountryInfo.txt or the IGO rulers list
    (their comment says so); ORG for companies and when the primary phrase has an organisation
    word; PERSON for a short phrase with date-restricted codes (persons hold offices for a
    time); ORG when a synonym has an organisation word; otherwise PERSON for a short phrase
    with another person signal (a synonym starting with a title, an initial, bin/ibn, a common
    given name first), else ORG.
    """
    if info.is_state:
        return "GPE"
    if any("CountryInfo" in c or "rulers" in c for c in block.comments):
        return "PERSON"
    all_words = {w for p in block.phrases for w in phrase_words(p)}
    if info.sector == "MNC" or set(words) & ORG_WORDS:
        return "ORG"
    dated = any(c.kind != "default" for c in block.codes)
    if dated and 2 <= len(words) <= 6 and words[0] not in TITLE_WORDS:
        # Offices held for a time: a person, even if a synonym names the government
        # (BASHAR_AL_ASSAD with +ASSAD_REGIME).
        return "PERSON"
    if all_words & ORG_WORDS:
        return "ORG"
    titled = any(phrase_words(p)[0] in TITLE_WORDS for p in block.phrases[1:] if phrase_words(p))
    initials = any(re.fullmatch(r"[A-Z]\.", w) for w in words)
    particles = bool(all_words & PERSON_PARTICLES)
    given = words[0] in GIVEN_NAMES
    if 2 <= len(words) <= 6 and (dated or titled or initials or particles or given):
        return "PERSON"
    return "ORG"


def block_to_actor(
    block: Block, iso3: dict[str, str], stopwords: frozenset[str], country_names: frozenset[str]
) -> Actor | None:
    """Turn one block into an actor, or None when it carries no usable code or name."""
    code = current_code(block.codes)
    if code is None or code.code[:3] in SKIPPED_ROOTS:
        return None
    info = interpret_code(code.code, iso3)
    phrases = [p for p in block.phrases if "\ufffd" not in p]
    if not phrases:
        return None
    primary_words, _ = split_parenthetical(phrase_words(phrases[0]))
    if not primary_words:
        return None
    kind = classify(block, primary_words, info)
    keep_short = kind == "ORG"
    name = readable(primary_words, keep_short)
    aliases: list[str] = [name]
    for phrase in phrases:
        words, extra = split_parenthetical(phrase_words(phrase))
        if phrase is not phrases[0]:
            if kind == "GPE" and not gpe_keeps(words, primary_words, info.country):
                continue
            if kind == "ORG" and looks_like_person(words):
                continue
        aliases.append(readable(words, keep_short))
        extra = [readable([a], keep_short_upper=True) for a in extra]
        aliases.extend(a for a in extra if kind != "GPE" and a.upper() not in country_names)
    if kind == "PERSON":
        aliases = person_aliases(aliases, name)
    return Actor(
        id="p2:" + slug(" ".join(primary_words)),
        name=name,
        aliases=dedupe_aliases(aliases, stopwords, name),
        wikidata=None,
        country=info.country,
        sector=info.sector,
        type=kind,
        sources=["petrarch2:" + block.source],
    )


def person_aliases(aliases: Iterable[str], name: str) -> list[str]:
    """The aliases of a person that name the person.

    Dropped: a bare surname, with or without its particle (ASSAD, AL_ASSAD, AL-MALIKI), which
    matches inside other names and places ("Ain al-Assad") — the actors stage links a later bare
    surname to the full name seen earlier in the article instead; and forms naming the person's
    government (ASSAD_REGIME, SYRIA'S_GOVERNMENT), which PETRARCH lists because it codes them
    alike.
    """
    kept: list[str] = []
    for alias in aliases:
        words = [w for part in alias.split() for w in part.split("-")]
        significant = [w for w in words if w.lower() not in LOWER_PARTICLES]
        upper = {w.upper() for w in words}
        if alias == name or (len(significant) > 1 and not upper & (ORG_WORDS | {"REGIME"})):
            kept.append(alias)
    return kept


def dedupe_aliases(
    aliases: Iterable[str], stopwords: frozenset[str], name: str | None = None
) -> list[str]:
    """Usable aliases, first spelling of each case-insensitive form, at most MAX_ALIASES.

    The entry's own ``name`` is exempt from the generic-word test: "Environmental Protection
    Agency" is a name even though the agent list has it as a role noun.
    """
    seen: set[str] = set()
    out: list[str] = []
    for alias in aliases:
        alias = " ".join(alias.split())
        key = alias.casefold()
        usable = is_usable_alias(alias, frozenset() if alias == name else stopwords)
        if key in seen or not usable:
            continue
        seen.add(key)
        out.append(alias)
        if len(out) == MAX_ALIASES:
            break
    return out


def read_petrarch_actors(
    petrarch_dir: Path,
    iso3: dict[str, str],
    stopwords: frozenset[str],
    country_names: frozenset[str],
) -> list[Actor]:
    """All PETRARCH actors, duplicates of one name and country merged, ids made unique."""
    by_id: dict[str, dict[str | None, list[tuple[Block, Actor]]]] = {}
    for filename in ACTOR_FILES:
        path = petrarch_dir / filename
        if not path.is_file():
            raise BuildError(f"missing source file {path}")
        for block in read_actor_blocks(path):
            actor = block_to_actor(block, iso3, stopwords, country_names)
            if actor is not None and actor.aliases:
                by_id.setdefault(actor.id, {}).setdefault(actor.country, []).append((block, actor))
    actors: list[Actor] = []
    for actor_id, by_country in by_id.items():
        if len(by_country) == 2 and None in by_country:
            # A national listing and a country-less one (an official later in an IGO, a group
            # also in the MilNonState file): one actor, coded by its most recent code overall.
            merged = [m for members in by_country.values() for m in members]
            actors.append(_merge_listings(merged, None, iso3, stopwords))
            continue
        for country, members in by_country.items():
            actor = _merge_listings(members, country, iso3, stopwords)
            if len(by_country) > 1:
                # One name, different countries ("National Liberation Army" of Bolivia and of
                # Colombia): the country tells them apart in the id.
                actor.id = f"{actor_id}@{(country or 'xx').lower()}"
            actors.append(actor)
    drop_ambiguous_place_names(actors)
    return actors


def _merge_listings(
    members: list[tuple[Block, Actor]],
    country: str | None,
    iso3: dict[str, str],
    stopwords: frozenset[str],
) -> Actor:
    """One actor from the listings of one name (the International file repeats many).

    The first listing gives name and type; the most recent code over all listings gives
    country and sector (only codes of ``country`` when it is given, so that same-name actors of
    different countries stay apart); the aliases and sources are pooled in file order.
    """
    first = members[0][1]
    if len(members) == 1:
        return first
    codes = [c for block, _ in members for c in block.codes]
    if country is not None:
        codes = [c for c in codes if interpret_code(c.code, iso3).country == country]
    code = current_code(codes)
    if code is not None:
        info = interpret_code(code.code, iso3)
        first.country, first.sector = info.country, info.sector
    pooled = [a for _, m in members for a in m.aliases]
    if first.type == "PERSON":
        pooled = person_aliases(pooled, first.name)
    first.aliases = dedupe_aliases(pooled, stopwords, first.name)
    first.sources = list(dict.fromkeys(s for _, m in members for s in m.sources))
    return first


def drop_ambiguous_place_names(actors: list[Actor]) -> None:
    """Remove from country entries the aliases that also name another country entry.

    PETRARCH gives GUINEA as a synonym of Guinea-Bissau, SAMOA of American Samoa and KOREA of
    both Koreas; such a form belongs to the entry it is the name of, or to none when several
    entries share it.
    """
    gpes = [a for a in actors if a.type == "GPE"]
    names = {a.name.casefold(): a for a in gpes}
    owners: dict[str, int] = {}
    for actor in gpes:
        for alias in {a.casefold() for a in actor.aliases}:
            owners[alias] = owners.get(alias, 0) + 1
    for actor in gpes:
        actor.aliases = [
            alias
            for alias in actor.aliases
            if alias == actor.name
            or (names.get(alias.casefold(), actor) is actor and owners[alias.casefold()] == 1)
        ]


# ----------------------------------------------------------------------------- curated


def curated_problem(obj: object) -> str | None:
    """What is wrong with one curated record, or None if it is well-formed."""
    if not isinstance(obj, dict):
        return "not a JSON object"
    for key in ("name", "type", "source"):
        if not isinstance(obj.get(key), str) or not obj[key].strip():
            return f"missing or empty {key!r}"
    aliases = obj.get("aliases")
    if not isinstance(aliases, list) or not aliases or not all(isinstance(a, str) for a in aliases):
        return "'aliases' must be a non-empty list of strings"
    if obj["type"] not in TYPES:
        return f"unknown type {obj['type']!r}"
    wikidata = obj.get("wikidata")
    if wikidata is not None and not (
        isinstance(wikidata, str) and re.fullmatch(r"Q[1-9][0-9]*", wikidata)
    ):
        return f"bad Wikidata id {wikidata!r}"
    country = obj.get("country")
    if country is not None and not (
        isinstance(country, str) and re.fullmatch(r"[A-Z]{2}", country)
    ):
        return f"bad country {country!r} (ISO 3166-1 alpha-2 or null)"
    sector = obj.get("sector")
    if sector is not None and not (isinstance(sector, str) and re.fullmatch(r"[A-Z]{3}", sector)):
        return f"bad sector {sector!r} (3-letter code or null)"
    return None


def read_curated(path: Path) -> list[Actor]:
    """Read hand-curated actors; each line needs name, aliases, type and a ``source`` note."""
    actors: list[Actor] = []
    with path.open(encoding="utf-8") as handle:
        for lineno, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise BuildError(f"{path}:{lineno}: invalid JSON: {exc}") from exc
            problem = curated_problem(obj)
            if problem:
                raise BuildError(f"{path}:{lineno}: {problem}")
            wikidata = obj.get("wikidata")
            actor_id = f"wd:{wikidata}" if wikidata else "cur:" + slug(obj["name"])
            aliases = list(dict.fromkeys([obj["name"], *obj["aliases"]]))
            actors.append(
                Actor(
                    id=actor_id,
                    name=obj["name"],
                    aliases=aliases,
                    wikidata=wikidata,
                    country=obj.get("country"),
                    sector=obj.get("sector"),
                    type=obj["type"],
                    sources=["curated"],
                )
            )
    ids = [a.id for a in actors]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise BuildError(f"{path}: duplicate curated ids {duplicates}")
    return actors


def is_spelling_variant(alias: str, references: Sequence[str]) -> bool:
    """Whether ``alias`` is a near spelling of one of ``references`` (difflib ratio >= 0.8)."""
    key = match_key(alias)
    return any(
        difflib.SequenceMatcher(None, key, match_key(ref)).ratio() >= SPELLING_RATIO
        for ref in references
    )


def merge_curated(
    petrarch: list[Actor],
    curated: list[Actor],
    stopwords: frozenset[str],
    log: list[str] | None = None,
) -> list[Actor]:
    """Let curated entries override the PETRARCH entries they describe.

    A PETRARCH entry is absorbed into a curated one when its primary name equals one of the
    curated aliases, or when the curated name equals one of its aliases (case, punctuation and a
    leading "the" ignored). Matching on any shared alias would be wrong: a bare surname such as
    "Soleimani" is shared by different people. The curated fields win and the PETRARCH source is
    recorded. Of the absorbed aliases only spelling variants of a curated alias are kept
    ("Hezballah"): PETRARCH lists a group's leaders and predecessors as synonyms because it codes
    them alike, which is wrong for an entity with a Wikidata id.
    """
    by_alias: dict[str, Actor] = {}
    for actor in curated:
        for alias in actor.aliases:
            by_alias.setdefault(match_key(alias), actor)
    by_name = {match_key(a.name): a for a in curated}
    absorbed: dict[str, list[str]] = {a.id: [] for a in curated}
    kept: list[Actor] = []
    for actor in petrarch:
        target = by_alias.get(match_key(actor.name))
        if target is None:
            target = next((by_name[k] for k in map(match_key, actor.aliases) if k in by_name), None)
        if target is None:
            kept.append(actor)
            continue
        if log is not None:
            log.append(f"{target.id} ({target.name}) absorbs {actor.id} ({actor.name})")
        absorbed[target.id].extend(actor.aliases)
        target.sources = list(dict.fromkeys([*target.sources, *actor.sources]))
    for actor in curated:
        own = actor.aliases
        variants = [a for a in absorbed[actor.id] if is_spelling_variant(a, own)]
        seen = {a.casefold() for a in own}
        extra = [a for a in dedupe_aliases(variants, stopwords) if a.casefold() not in seen]
        actor.aliases = (own + extra)[: max(MAX_ALIASES, len(own))]
    return [*kept, *curated]


# ----------------------------------------------------------------------------- agents


def regular_plural(phrase: str) -> list[str]:
    """The regular plural of an agent phrase (its last word), as PETRARCH's reader intends it.

    PETRARCH documents Y -> IES, SS -> SSES, else + S, but its code adds ES to every final S,
    which turns phrases already plural ("TAXPAYERS", "COUNCIL_OF_MINISTERS") into junk; such
    phrases, and abbreviations ending in a dot, get no plural here.
    """
    if not phrase or phrase.endswith(".") or not phrase[-1].isalpha():
        return []
    if phrase.endswith("SS") or phrase.endswith(("CH", "SH", "X")):
        return [phrase + "ES"]
    if phrase.endswith("S"):
        return []
    if phrase.endswith("Y") and len(phrase) > 1 and phrase[-2] not in "AEIOU":
        return [phrase[:-1] + "IES"]
    return [phrase + "S"]


def read_agents(path: Path) -> list[dict[str, str]]:
    """Generic agent nouns with their sector, as ``PETRreader.read_agent_dictionary`` reads them.

    Regular plurals are generated unless a ``{plural}`` is given (``{}`` means none);
    ``!MARKER!`` substitution sets are expanded.
    """
    markers: dict[str, list[str]] = {}
    pairs: set[tuple[str, str]] = set()
    for fin in read_fin_lines(path):
        line = fin.text
        if "!" in line and "=" in line:
            name, _, values = line.partition("=")
            markers[name.strip().strip("!")] = [v.strip() for v in values.split(",") if v.strip()]
            continue
        if "[" not in line:
            continue
        head, _, rest = line.partition("[")
        sector = rest.partition("]")[0].strip().replace("~", "")[:3]
        if not re.fullmatch(r"[A-Z]{3}", sector):
            continue
        forms: list[str]
        if "!" in head:
            before, _, tail = head.partition("!")
            marker, _, after = tail.partition("!")
            forms = [before + sub + after for sub in markers.get(marker, [])]
        elif "{" in head:
            singular = head[: head.index("{")].strip()
            plural = head[head.index("{") + 1 : head.index("}")].strip() if "}" in head else ""
            forms = [singular, plural] if plural else [singular]
        else:
            singular = head.strip()
            forms = [singular, *regular_plural(singular)]
        for form in forms:
            phrase = " ".join(form.replace("_", " ").split()).lower()
            if phrase and "\ufffd" not in phrase:
                pairs.add((phrase, sector))
    return [{"phrase": p, "sector": s} for p, s in sorted(pairs)]


# ----------------------------------------------------------------------------- output


def write_jsonl(path: Path, records: Iterable[Mapping[str, object]]) -> int:
    """Write records as compact sorted-key JSON lines (UTF-8, LF); return how many were written.

    Compact separators keep the 26,000-line actor file well under the size budget.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        for record in records:
            line = json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
            handle.write(line + "\n")
            count += 1
    return count


def build(
    petrarch_dir: Path, country_info: Path, curated_path: Path, log: list[str] | None = None
) -> tuple[list[Actor], list[dict[str, str]]]:
    """Build the actor records (sorted by id) and the agent records from the sources.

    ``log``, when given, collects one line per PETRARCH entry absorbed by a curated one.
    """
    iso3, country_names = read_country_info(country_info)
    agents_path = petrarch_dir / AGENTS_FILE
    if not agents_path.is_file():
        raise BuildError(f"missing source file {agents_path}")
    agents = read_agents(agents_path)
    stopwords = COMMON_WORDS | GIVEN_NAMES | {a["phrase"].upper() for a in agents}
    petrarch = read_petrarch_actors(petrarch_dir, iso3, stopwords, country_names)
    curated = read_curated(curated_path)
    actors = merge_curated(petrarch, curated, stopwords, log)
    actors.sort(key=lambda a: a.id)
    ids = [a.id for a in actors]
    if len(set(ids)) != len(ids):
        clashes = sorted({i for i in ids if ids.count(i) > 1})
        raise BuildError(f"duplicate ids after merging: {clashes[:10]}")
    return actors, agents


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point; returns the process exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="actors.jsonl path")
    parser.add_argument(
        "--agents-output",
        type=Path,
        default=None,
        help=f"agents file (default: {AGENTS_FILENAME} next to --output)",
    )
    parser.add_argument("--petrarch-dir", type=Path, default=DEFAULT_PETRARCH_DIR)
    parser.add_argument("--country-info", type=Path, default=DEFAULT_COUNTRY_INFO)
    parser.add_argument("--curated", type=Path, default=DEFAULT_CURATED)
    parser.add_argument(
        "--verbose", action="store_true", help="list the PETRARCH entries curated ones absorb"
    )
    args = parser.parse_args(argv)
    agents_output: Path = args.agents_output or args.output.with_name(AGENTS_FILENAME)
    log: list[str] = []
    try:
        actors, agents = build(args.petrarch_dir, args.country_info, args.curated, log)
    except (BuildError, OSError) as exc:
        print(f"build_actors: {exc}", file=sys.stderr)
        return 1
    if args.verbose:
        for line in log:
            print(line, file=sys.stderr)
    n_actors = write_jsonl(args.output, (a.record() for a in actors))
    n_agents = write_jsonl(agents_output, agents)
    by_type: dict[str, int] = {}
    for actor in actors:
        by_type[actor.type] = by_type.get(actor.type, 0) + 1
    summary = ", ".join(f"{k} {v}" for k, v in sorted(by_type.items()))
    print(f"wrote {n_actors} actors ({summary}) to {args.output}")
    print(f"wrote {n_agents} agent phrases to {agents_output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
