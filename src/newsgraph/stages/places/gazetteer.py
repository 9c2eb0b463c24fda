"""Read-only access to the shipped gazetteer (``resources/gazetteer/gazetteer.sqlite``).

The file is built by ``scripts/build_gazetteer.py`` from GeoNames data (CC BY 4.0) and a curated
supplement. It is a SQLite database opened read-only and immutable, so several processes share
one file with no locking, and opening it costs a few milliseconds: nothing is loaded until a
lookup asks for it. All names are stored under a *folded key* (:func:`fold_key`) that removes the
differences transliteration and typography make between spellings of one name ("Ain al-Assad",
"Ayn al-Asad", "Al Anbar Governorate" / "al-Anbar"), so a lookup is one indexed query.
"""

from __future__ import annotations

import functools
import re
import sqlite3
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "DEFAULT_PATH",
    "KIND_ABBREV",
    "KIND_ALT",
    "KIND_DEMONYM",
    "KIND_NAME",
    "POSTAL_ID_BASE",
    "Candidate",
    "Gazetteer",
    "fold_key",
    "open_gazetteer",
]

DEFAULT_PATH = (
    Path(__file__).resolve().parent.parent.parent / "resources" / "gazetteer" / "gazetteer.sqlite"
)

_CACHE_SIZE = 200_000
# How an alias relates to its place: the GeoNames name, an alternate name, a demonym or
# adjective ("Iraqi" → Iraq), or an abbreviation ("U.S.", "Ga.").
KIND_NAME = 0
KIND_ALT = 1
KIND_DEMONYM = 2
KIND_ABBREV = 3
# Ids from here up are US postal places (``build_gazetteer.py --us-postal-places``): small
# towns that cities500 lacks, with no GeoNames id and no population.
POSTAL_ID_BASE = 1_000_000_000

# Arabic (and Romance) articles that transliterations write, drop or glue on at will.
_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ul", "ed", "es"})
# Generic words that news writers and GeoNames add to or leave off an admin unit's name.
_SUFFIXES = frozenset({"governorate", "province", "oblast", "prefecture", "muhafazat"})
_APOSTROPHES = re.compile(r"['`´ʼʻ’‘.]")
_SEPARATORS = re.compile(r"[\s\-–—/,()]+")
_DOUBLED = re.compile(r"(.)\1")
_FINAL_H = re.compile(r"([ae])h$")
# Digraphs that English transliterations of one name spell either way.
# Abbreviations that place names are written with or without ("St. Paul", "Mt. Pleasant").
_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}
_DIGRAPHS = (("ou", "u"), ("ee", "i"), ("ay", "ai"), ("ey", "ei"), ("q", "k"), ("aa", "a"))


@functools.lru_cache(maxsize=65536)
def fold_key(text: str) -> str:
    """The lookup key of a name: case, accents, punctuation and transliteration folded.

    Why so aggressive: news spells one Arabic, Persian or Pashto name many ways, and the
    gazetteer holds only some of them. Folding both sides the same way makes "Ain al-Assad",
    "Ayn al Asad" and "AIN AL-ASSAD" one key; the ranker, not the key, decides among the
    places that share it. Articles are dropped only when other words remain ("Al" alone stays);
    "St.", "Mt.", "Ft." are spelt out the same way ("St. Paul" = "Saint Paul").
    """
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    plain = _APOSTROPHES.sub("", plain)
    words = [w for w in _SEPARATORS.split(plain) if w]
    if len(words) > 1:
        words = [w for w in words if w not in _ARTICLES] or words
    if len(words) > 1 and words[-1] in _SUFFIXES:
        words = words[:-1]
    if len(words) > 1 and words[0] in _SUFFIXES:
        words = words[1:]
    folded = []
    for word in words:
        word = _ABBREVIATIONS.get(word, word) if len(words) > 1 else word
        for old, new in _DIGRAPHS:
            word = word.replace(old, new)
        folded.append(_FINAL_H.sub(r"\1", _DOUBLED.sub(r"\1", word)))
    return " ".join(folded)


@dataclass(frozen=True)
class Candidate:
    """One gazetteer entry a name may refer to.

    ``id`` is the row id (the GeoNames id for GeoNames rows, negative for curated entries);
    ``geonameid`` is ``None`` for curated entries. ``admin1``/``admin2`` are GeoNames codes
    (``IQ.01``, ``US.TN.157``); ``approx`` marks coordinates the build had to estimate (a
    county placed at its admin1 or namesake town). ``kind`` is how the alias matched
    (:data:`KIND_NAME` …).
    """

    id: int
    geonameid: int | None
    name: str
    lat: float
    lon: float
    feature_class: str
    feature_code: str
    country: str | None
    admin1: str | None
    admin2: str | None
    population: int
    precision: str
    approx: bool
    kind: int

    @property
    def postal(self) -> bool:
        """A US postal place: known only as a post office's town, its size unknown."""
        return self.id >= POSTAL_ID_BASE


class Gazetteer:
    """A read-only connection with cached lookups. Create once per process."""

    def __init__(self, path: Path = DEFAULT_PATH) -> None:
        if not path.exists():
            raise FileNotFoundError(
                f"gazetteer not found at {path}: run scripts/build_gazetteer.py to build it"
            )
        uri = f"file:{path}?mode=ro&immutable=1"
        self.path = path
        self._db = sqlite3.connect(uri, uri=True, check_same_thread=False)
        self._cache: dict[str, list[Candidate]] = {}

    def lookup(self, keys: Iterable[str]) -> dict[str, list[Candidate]]:
        """Candidates for each folded key that the gazetteer knows (unknown keys are absent).

        Results are cached per key (names recur across a corpus); the cache is bounded.
        """
        wanted = set(keys)
        found = {k: self._cache[k] for k in wanted if k in self._cache}
        missing = sorted(wanted.difference(self._cache))
        fresh = self._query(missing)
        if len(self._cache) > _CACHE_SIZE:
            self._cache.clear()
        for key in missing:
            self._cache[key] = fresh.get(key, [])
        found.update(fresh)
        return {k: v for k, v in found.items() if v}

    def _query(self, wanted: list[str]) -> dict[str, list[Candidate]]:
        found: dict[str, list[Candidate]] = {}
        for offset in range(0, len(wanted), 500):
            chunk = wanted[offset : offset + 500]
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                "SELECT a.key, a.kind, p.id, p.geonameid, p.name, p.lat, p.lon, p.fclass,"
                " p.fcode, p.country, p.admin1, p.admin2, p.population, p.precision, p.approx"
                f" FROM alias a JOIN place p ON p.id = a.id WHERE a.key IN ({marks})"
                " ORDER BY a.key, p.id",
                chunk,
            )
            for row in rows:
                found.setdefault(row[0], []).append(
                    Candidate(
                        id=row[2],
                        geonameid=row[3],
                        name=row[4],
                        lat=row[5],
                        lon=row[6],
                        feature_class=row[7],
                        feature_code=row[8],
                        country=row[9],
                        admin1=row[10],
                        admin2=row[11],
                        population=row[12],
                        precision=row[13],
                        approx=bool(row[14]),
                        kind=row[1],
                    )
                )
        return found

    @functools.lru_cache(maxsize=8192)  # noqa: B019 - one Gazetteer per process, kept for life
    def admin_name(self, code: str) -> str | None:
        """The name of an admin1/admin2 unit from its GeoNames code (``IQ.01`` → "Al Anbar")."""
        row = self._db.execute("SELECT name FROM admin WHERE code = ?", (code,)).fetchone()
        return None if row is None else str(row[0])

    @functools.lru_cache(maxsize=4096)  # noqa: B019 - one Gazetteer per process, kept for life
    def border(self, a: str, b: str) -> tuple[float, float, str] | None:
        """A representative point of the land border between two countries, and its source."""
        first, second = sorted((a, b))
        row = self._db.execute(
            "SELECT lat, lon, source FROM border WHERE a = ? AND b = ?", (first, second)
        ).fetchone()
        return None if row is None else (float(row[0]), float(row[1]), str(row[2]))

    @functools.cached_property
    def countries(self) -> frozenset[str]:
        """The ISO codes of the countries the gazetteer holds as country features."""
        rows = self._db.execute(
            "SELECT DISTINCT country FROM place WHERE fcode LIKE 'PCL%' AND country IS NOT NULL"
        )
        return frozenset(str(row[0]) for row in rows)

    def close(self) -> None:
        """Release the connection (tests; a pipeline keeps it for the process's life)."""
        self._db.close()


@functools.lru_cache(maxsize=4)
def open_gazetteer(path: Path = DEFAULT_PATH) -> Gazetteer:
    """The process-wide gazetteer for ``path`` (opened once, shared by every pipeline)."""
    return Gazetteer(path)
