"""Toponym resolution: rank each mention's gazetteer candidates with the document's context.

A name alone is ambiguous ("Georgia", "Paris", "Gainesville"); the article around it rarely is.
Each candidate gets a score from

* priors: feature level (countries and first-level divisions are what a bare name usually
  means; a town with the same name as its district is the town), population, and whether the
  text matched the candidate's own name or only an alternate/transliterated one;
* the document's countries: the actors' countries (``doc._.ng_entities``) and the countries of
  the other, unambiguous toponyms;
* the document's first-level divisions (states, provinces), including "Athens, Ga." pins;
* framing nouns ("province of al-Anbar" wants an admin1, "the town of X" a populated place);
* proximity to the other places the article names (further passes, after a first resolution).

One sense per document: every mention with the same folded name gets the same place. Counties
and districts whose point the build could only estimate are moved to the middle of the
article's places in the same admin1. The weights live in ``resources/gazetteer/ranker.json``,
written by ``scripts/fit_places_ranker.py`` from two thirds of LGL (see ``docs/places.md``);
the remaining third is held out.
"""

from __future__ import annotations

import functools
import json
import math
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from newsgraph.geo import EARTH_RADIUS_KM
from newsgraph.stages.places.gazetteer import KIND_ALT, Candidate, fold_key
from newsgraph.stages.places.recognize import PLACE_EVIDENCE, Mention

# Candidate features (see ``_static_features`` and ``_features``), in the column order of the
# feature matrix. Their weights are not written here: ``scripts/fit_places_ranker.py`` fits them
# on the LGL tuning split and writes ``resources/gazetteer/ranker.json``, which names every
# feature, so a feature added here without a re-fit fails loudly at load.
FEATURES = (
    "country", "province", "district", "city", "point", "line", "log_population", "capital",
    "alternate_name", "own_name", "country_share", "country_seen", "admin1_share",
    "head_match", "head_mismatch", "unit_with_town_inside", "near", "mid", "admin1_support",
    "admin1_support_soft", "near_support", "bare_county", "admin1_named",
)  # fmt: skip
RANKER_PATH = (
    Path(__file__).resolve().parent.parent.parent / "resources" / "gazetteer" / "ranker.json"
)
# Per admin1 unit: how many of the article's other names could lie there, the same with each
# name's vote split among its units, and how many other names could lie anywhere (see _support).
Support = tuple[dict[str, float], dict[str, float], int]
# Re-ranking passes against the other names' current choices (3 was best on the LGL tuning
# split among 1, 2, 3, 4 and 6; see docs/places.md).
PASSES = 3
NEAR_KM = 150.0
MID_KM = 400.0
# Recognition points of a place solid enough to tell which countries an article is about.
CONTEXT_POINTS = 2.0
# A town smaller than this, in a country nothing else in the article lies in, is a namesake the
# story did not mean (see `drop_far_namesakes`); the stage's `min_population` default.
FAR_TOWN_POPULATION = 50000
# Recognition cues that are evidence enough for a place anywhere: a framing noun or "X County",
# a dateline, a "City, ST" pin, a curated site, a demonym.
FAR_KEEP_CUES = PLACE_EVIDENCE


@dataclass
class Resolution:
    """The chosen candidate for a mention, its probability among the candidates, and all
    candidates with their scores and feature vectors (best first), kept for debugging."""

    mention: Mention
    candidate: Candidate
    probability: float
    ranked: list[tuple[Candidate, float, list[float]]]


@functools.lru_cache(maxsize=4)
def load_weights(path: Path = RANKER_PATH) -> np.ndarray:
    """The ranker's weights in :data:`FEATURES` order, read from the shipped ``ranker.json``.

    The file must name exactly the features of :data:`FEATURES`: a mismatch means the code and
    the fitted weights drifted apart, and ranking with misaligned weights would be silently
    wrong. There is no intercept: a candidate's probability is a softmax among the candidates
    of one name (the model the weights are fitted as), which an intercept would not change.
    """
    ranker = json.loads(path.read_text("utf-8"))
    weights: dict[str, float] = ranker["weights"]
    if set(weights) != set(FEATURES):
        raise ValueError(
            f"{path} does not match resolve.FEATURES; re-run scripts/fit_places_ranker.py"
        )
    array = np.array([float(weights[name]) for name in FEATURES])
    array.setflags(write=False)
    return array


def _base_votes(groups: dict[str, list[Mention]]) -> dict[str, tuple[Counter[str], Counter[str]]]:
    """What each name says about the document before anything is resolved.

    A name whose candidates all lie in one country votes for it; a pinned name ("Athens, Ga.")
    or a name that can only be one admin1 votes for that admin1.
    """
    votes: dict[str, tuple[Counter[str], Counter[str]]] = {}
    for key, mentions in groups.items():
        cands = mentions[0].candidates
        countries = {c.country for c in cands if c.country}
        c_votes: Counter[str] = Counter()
        if len(countries) == 1:
            c_votes[next(iter(countries))] += len(mentions)
        a_votes: Counter[str] = Counter()
        admins = {c.admin1 for c in cands if c.admin1}
        if len(admins) == 1 and all(c.precision == "province" for c in cands):
            a_votes[next(iter(admins))] += len(mentions)
        votes[key] = (c_votes, a_votes)
    return votes


def _admin1_units(mentions: list[Mention], certain: Counter[str]) -> set[str]:
    """The admin1 units a name can lie in (only its pin when "X, Ga." pins it)."""
    pins = {m.admin1 for m in mentions if m.admin1}
    if pins:
        return pins
    lent = _lent(mentions[0].candidates, certain)
    return {c.admin1 for c in lent if c.admin1 and c.precision != "country"}


def _lent(cands: list[Candidate], certain: Counter[str]) -> list[Candidate]:
    """The candidates through which a name supports the others' namesakes.

    A national capital's name ("London", "Athens", "Dublin") lends support as the capital
    and as namesakes in the countries the article is certainly about (``certain``: the
    actors' countries and the names that lie in one country only). All three have towns in
    Ohio; counted over every namesake they would pull each other there even beside "British"
    and "French", while "Paris" beside "Henry County" (a name only the US has) still
    supports Paris, Tennessee.
    """
    if not any(c.feature_code == "PPLC" for c in cands):
        return cands
    return [c for c in cands if c.feature_code == "PPLC" or (c.country and certain[c.country])]


def _support(key: str, units: dict[str, set[str]]) -> Support:
    """How many of the article's other names could lie in each admin1 unit.

    Local news names several small towns of one state; each has namesakes in other states,
    but only the home state is shared by all of them. Counted over every candidate, not the
    current choices, so a cluster is found even when each name's largest namesake is elsewhere.
    Returns (names with a candidate in the unit, the same with each name's vote split among
    its units, the number of other names with any unit).
    """
    hard: dict[str, float] = {}
    soft: dict[str, float] = {}
    others = 0
    for other, found in units.items():
        if other == key or not found:
            continue
        others += 1
        for unit in found:
            hard[unit] = hard.get(unit, 0.0) + 1.0
            soft[unit] = soft.get(unit, 0.0) + 1.0 / len(found)
    return hard, soft, others


def _near_support(groups: dict[str, list[Mention]], certain: Counter[str]) -> dict[str, np.ndarray]:
    """For each candidate, the share of the article's other names with a namesake nearby.

    The same idea as :func:`_support` for places that cluster across a state line: a candidate
    that has some candidate of many other names within ``NEAR_KM`` sits where the story is.
    """
    keys = list(groups)
    owner: list[int] = []
    points: list[tuple[float, float]] = []
    for number, key in enumerate(keys):
        for cand in _lent(groups[key][0].candidates, certain):
            if cand.precision in ("city", "district", "point") and not cand.approx:
                owner.append(number)
                points.append((cand.lat, cand.lon))
    out: dict[str, np.ndarray] = {}
    if not points:
        return {key: np.zeros(len(groups[key][0].candidates)) for key in keys}
    owners = np.array(owner)
    others = len(set(owner))
    for number, key in enumerate(keys):
        cands = groups[key][0].candidates
        km = _distances(cands, points)
        close = km <= NEAR_KM
        close[:, owners == number] = False
        # For each candidate, the number of other names with at least one close candidate.
        hits = np.zeros((len(cands), len(keys)), dtype=bool)
        for col in np.unique(owners):
            hits[:, col] = close[:, owners == col].any(axis=1)
        denominator = others - int(number in owner)
        share = hits.sum(axis=1) / denominator if denominator > 0 else np.zeros(len(cands))
        share[[c.precision == "country" for c in cands]] = 0.0
        out[key] = share
    return out


def _pinned(mentions: list[Mention]) -> Counter[str]:
    return Counter(m.admin1 for m in mentions if m.admin1)


def _static_features(mentions: list[Mention]) -> np.ndarray:
    """The context-free columns of every candidate's features (computed once per name)."""
    key = mentions[0].key
    heads = {m.head for m in mentions if m.head}
    cands = mentions[0].candidates
    towns = {(fold_key(c.name), c.admin1) for c in cands if c.precision == "city"}
    # A national capital's name means the capital, even where a unit of that name lies
    # elsewhere in the country ("Washington" is the capital, not the state).
    capitals = {(fold_key(c.name), c.country) for c in cands if c.feature_code == "PPLC"}
    rows = []
    for cand in cands:
        level = cand.precision
        unit = level in ("country", "province", "district")
        base = fold_key(cand.name).removesuffix(" cunty").removesuffix(" district")
        inside = (base, cand.admin1) in towns or (
            level == "province" and (base, cand.country) in capitals
        )
        rows.append(
            [
                level == "country",
                level == "province",
                level == "district",
                level == "city",
                level == "point",
                level == "line",
                math.log10(cand.population + 1) if level in ("city", "district") else 0.0,
                cand.feature_code == "PPLC",
                # The hand-written English names of countries ("Palestine", "Russia") are not
                # the foreign or historical names the feature stands for.
                cand.kind == KIND_ALT and level != "country",
                fold_key(cand.name) == key,
                0.0,
                0.0,
                0.0,
                level in heads,
                bool(heads) and level not in heads and unit and "city" in heads,
                not heads and inside and level in ("province", "district"),
                0.0,
                0.0,
                0.0,
                0.0,
                0.0,
                level == "district" and fold_key(cand.name) == f"{key} cunty",
                0.0,
            ]
        )
    return np.array(rows, dtype=float)


def _features(
    cands: list[Candidate],
    static: np.ndarray,
    countries: Counter[str],
    admins: Counter[str],
    near: list[tuple[float, float]],
    support: Support | None = None,
    named: frozenset[str] = frozenset(),
) -> np.ndarray:
    """All features (:data:`FEATURES` order): the static columns plus the document context.

    ``named`` holds the admin1 units that the article names outright (another name resolved
    to the state or province itself): "Kentucky" in the text settles which of many Madison
    Counties is meant more surely than a count of the other names' guesses does. It does not
    reach the towns of a name that is itself a state's or country's ("California" next to
    "Maryland" is the state, not California, Maryland).
    """
    matrix = static.copy()
    c_total = sum(countries.values())
    a_total = sum(admins.values())
    closest = _closest(cands, near)
    unit_name = any(c.precision in ("country", "province") and c.kind != KIND_ALT for c in cands)
    for row, (cand, km) in enumerate(zip(cands, closest, strict=True)):
        if c_total and cand.country:
            matrix[row, 10] = countries[cand.country] / c_total
            matrix[row, 11] = float(countries[cand.country] > 0)

        if a_total and cand.admin1 and cand.precision != "country":
            matrix[row, 12] = admins[cand.admin1] / a_total
        if km is not None and cand.precision != "country":
            matrix[row, 16] = float(km <= NEAR_KM)
            matrix[row, 17] = float(NEAR_KM < km <= MID_KM)
        if support is not None and support[2] and cand.admin1 and cand.precision != "country":
            matrix[row, 18] = support[0].get(cand.admin1, 0.0) / support[2]
            matrix[row, 19] = support[1].get(cand.admin1, 0.0) / support[2]
        if cand.admin1 in named and (cand.precision == "province" or not unit_name):
            matrix[row, 22] = 1.0
    return matrix


def _closest(cands: list[Candidate], near: list[tuple[float, float]]) -> list[float | None]:
    """For each candidate, the distance in km to the nearest of ``near`` (None if none)."""
    if not near:
        return [None] * len(cands)
    return [float(v) for v in _distances(cands, near).min(axis=1)]


def _distances(cands: list[Candidate], near: list[tuple[float, float]]) -> np.ndarray:
    """Great-circle distances in km, candidates × points."""
    lat1 = np.radians(np.array([c.lat for c in cands]))[:, None]
    lon1 = np.radians(np.array([c.lon for c in cands]))[:, None]
    points = np.radians(np.array(near))
    lat2, lon2 = points[None, :, 0], points[None, :, 1]
    h = (
        np.sin((lat2 - lat1) / 2) ** 2
        + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    )
    km: np.ndarray = 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0)))
    return km


def _rank(
    mentions: list[Mention],
    static: np.ndarray,
    countries: Counter[str],
    admins: Counter[str],
    near: list[tuple[float, float]],
    weights: np.ndarray,
    support: Support | None = None,
    named: frozenset[str] = frozenset(),
) -> list[tuple[Candidate, float, list[float]]]:
    cands = mentions[0].candidates
    matrix = _features(cands, static, countries, admins, near, support, named)
    scores = matrix @ weights
    scored = [
        (cand, float(score), row)
        for cand, score, row in zip(cands, scores.tolist(), matrix.tolist(), strict=True)
    ]
    # Ties go to the larger, then the lower id, so the output is deterministic.
    scored.sort(key=lambda cs: (-cs[1], -cs[0].population, cs[0].id))
    return scored


def resolve(
    mentions: list[Mention],
    entity_countries: Counter[str],
    passes: int = PASSES,
    weights: np.ndarray | None = None,
) -> list[Resolution]:
    """Choose one candidate per mention (the same one for every mention of a name).

    A first ranking uses only what is certain (unambiguous names, pins, the actors'
    countries); each further pass re-ranks every name against the others' current choices.
    ``weights`` defaults to the shipped ranker (:func:`load_weights`); the fitting script
    passes its own.
    """
    if weights is None:
        weights = load_weights()
    groups: dict[str, list[Mention]] = {}
    for mention in mentions:
        groups.setdefault(mention.key, []).append(mention)
    votes = _base_votes(groups)
    static = {key: _static_features(group) for key, group in groups.items()}
    total_c: Counter[str] = Counter(entity_countries)
    total_a: Counter[str] = Counter()
    for c_votes, a_votes in votes.values():
        total_c.update(c_votes)
        total_a.update(a_votes)
    units = {key: _admin1_units(group, total_c) for key, group in groups.items()}
    support = {key: _support(key, units) for key in groups}
    near_support = _near_support(groups, total_c)
    for key in groups:
        static[key][:, 20] = near_support[key]
    choice = {
        key: _rank(
            group,
            static[key],
            total_c - votes[key][0],
            (total_a - votes[key][1]) + _pinned(group),
            [],
            weights,
            support[key],
        )
        for key, group in groups.items()
    }
    for _ in range(passes):
        updated: dict[str, list[tuple[Candidate, float, list[float]]]] = {}
        for key, group in groups.items():
            countries: Counter[str] = Counter(entity_countries)
            admins = _pinned(group) + _pinned(group)
            near: list[tuple[float, float]] = []
            named: set[str] = set()
            for other, ranked in choice.items():
                if other == key:
                    continue
                top, weight = ranked[0][0], len(groups[other])
                if top.country:
                    countries[top.country] += weight
                if top.admin1 and top.precision != "country":
                    admins[top.admin1] += weight
                if top.admin1 and top.precision == "province":
                    named.add(top.admin1)
                if top.precision in ("city", "point", "district") and not top.approx:
                    near.append((top.lat, top.lon))
            updated[key] = _rank(
                group, static[key], countries, admins, near, weights, support[key], frozenset(named)
            )
        choice = updated
    results: list[Resolution] = []
    for key, group in groups.items():
        ranked = choice[key]
        best_score = ranked[0][1]
        odds = [math.exp(score - best_score) for _, score, _ in ranked]
        probability = 1.0 / sum(odds)
        best = _relocate(ranked[0][0], choice)
        results.extend(Resolution(m, best, probability, ranked) for m in group)
    results.sort(key=lambda r: r.mention.start)
    return results


def drop_borrowed_names(
    resolutions: list[Resolution], entity_countries: Counter[str]
) -> list[Resolution]:
    """Drop a town's name that only ever begins another name, far from the article's places.

    Hotels, companies and people borrow town names: "the Mandalay Bay hotel" and "the Bellagio
    Hotel" are in Las Vegas, "Sirius XM" is a radio network. A name every mention of which is
    the front of a longer name ("front", see recognition) and whose chosen town or site lies in
    a country that none of the article's other places (those admitted on solid evidence,
    `CONTEXT_POINTS`), actors or outlet lie in names the longer thing, not the town. Countries
    and provinces are kept ("Iraq War veterans"), and so is everything in an article with
    nothing else to compare with.
    """
    fronts = {r.mention.key for r in resolutions if r.candidate.precision in ("city", "point")}
    fronts -= {r.mention.key for r in resolutions if "front" not in r.mention.cues}
    context = {
        r.candidate.country
        for r in resolutions
        if r.mention.key not in fronts and r.mention.points >= CONTEXT_POINTS
    }
    context.update(country for country, count in entity_countries.items() if count)
    if not context:
        return resolutions
    return [r for r in resolutions if r.mention.key not in fronts or r.candidate.country in context]


def drop_far_namesakes(
    resolutions: list[Resolution], entity_countries: Counter[str]
) -> list[Resolution]:
    """Drop a small town or a bare division's name that lies where nothing else in the article is.

    Historical and foreign names that the gazetteer knows only as small namesakes resolve to
    them whatever the context: "Ionia" (the Greek region) is a town in Michigan, "Caria" a
    village in Calabria, "Persia" one in Iowa, the Cossacks' "Kuban" a district in Nigeria, and
    "the Gulf" (the Persian Gulf, or the start of "the Gulf of Tonkin") matches Gulf Province,
    Papua New Guinea, only by folding off "Province". When the article's other solidly
    admitted names (`CONTEXT_POINTS`) lie elsewhere and neither they, an actor nor the outlet
    lie in the chosen place's country, such a place is more likely a wrong reading than the one
    mention of a new country: a town under `FAR_TOWN_POPULATION` (national capitals excepted)
    and a first-level division the text names without its generic word. Its namesakes in the
    article's countries are no better read (a village "Gulf" in North Carolina; on LGL's tuning
    split such a fallback was wrong 20 times in 22), so the name is dropped. Names with strong
    evidence of any mention (`FAR_KEEP_CUES`: "Guernsey County", a dateline), countries,
    divisions named in full ("Ontario") and larger towns stay, and so does every name of an
    article with no other solid place: the actors' countries may save a name but never condemn
    it, as a local story's lone town would otherwise fall to one foreign actor.
    """
    solid: dict[str, set[str]] = {}
    nations: set[str] = set()
    units: set[str] = set()
    towns: set[str] = set()
    cities: list[Resolution] = []
    strong: set[str] = set()
    for r in resolutions:
        cand, mention = r.candidate, r.mention
        if mention.cues & FAR_KEEP_CUES:
            strong.add(mention.key)
        if mention.points < CONTEXT_POINTS or not cand.country:
            continue
        if cand.precision == "country":
            nations.add(cand.country)
            continue
        solid.setdefault(cand.country, set()).add(mention.key)
        if cand.precision not in ("city", "district", "point") or mention.key in strong:
            units.add(mention.key)
        elif not _small_town(cand):
            towns.add(mention.key)
            cities.append(r)
    return [
        r
        for r in resolutions
        if r.mention.key in strong
        or not _far_namesake(
            r, _backed(r.mention.key, solid, (units, towns), nations), nations, entity_countries
        )
        or _beside_city(r, cities)
    ]


def _beside_city(resolution: Resolution, cities: list[Resolution]) -> bool:
    """Whether a town lies within `NEAR_KM` of a larger town of its country that the article
    names: "Germantown, near Memphis" is Tennessee's even in a story of soldiers in Iraq."""
    cand = resolution.candidate
    if cand.precision not in ("city", "district", "point"):
        return False
    points = [
        (c.candidate.lat, c.candidate.lon)
        for c in cities
        if c.candidate.country == cand.country and c.mention.key != resolution.mention.key
    ]
    return bool(points) and float(_distances([cand], points).min()) <= NEAR_KM


def _backed(
    key: str, solid: dict[str, set[str]], anchors: tuple[set[str], set[str]], nations: set[str]
) -> set[str]:
    """The countries that the article's other solid names, below country level, lie in.

    ``anchors`` are the names that are no small town: divisions and strongly cued names
    (``units``) and larger towns (``towns``). A country counts when a unit lies there, and
    when a larger town or two small ones do: small namesakes alone must not vouch for each
    other, and two ("Ionia", Michigan, and "Persia", Iowa) never do. When the article names
    countries and anchors lie in some of them, a country it never names is backed by units
    only: the Greco-Persian wars name "Ionia", "Sparta", "Marathon", "Macedon", "Persia",
    "Sardis" and "Corinth", all US villages, and "Memphis" and "Tempe", US cities, beside
    "Greek", "Egyptian" and Athens; nothing but namesakes puts the United States in the story.
    """
    units, towns = anchors
    anchored: set[str] = set()
    weak: set[str] = set()
    for country, keys in solid.items():
        others = keys - {key}
        if others & units:
            anchored.add(country)
        elif others & towns or len(others) >= 2:
            weak.add(country)
    if nations & (anchored | weak):
        weak &= nations
    return anchored | weak


def _small_town(cand: Candidate) -> bool:
    return (
        cand.precision in ("city", "district", "point")
        and cand.population < FAR_TOWN_POPULATION
        and cand.feature_code != "PPLC"
    )


def _far_namesake(
    resolution: Resolution, backed: set[str], nations: set[str], entity_countries: Counter[str]
) -> bool:
    """Whether the chosen place is a weak reading in a country the article is silent on.

    A town is judged against the countries of the other places below country level only: a
    country or demonym the article names in passing ("Irish" in a St. Patrick's Day story,
    "Chad" read as the country) says little about where a local story's towns are. A division
    matched by folding off its generic word is judged against the named countries as well
    ("the Gulf" beside "Iran").
    """
    cand, mention = resolution.candidate, resolution.mention
    if cand.country is None or entity_countries[cand.country]:
        return False
    if cand.precision in ("city", "district", "point"):
        return bool(backed) and cand.country not in backed and _small_town(cand)
    context = backed | nations
    if cand.precision != "province" or not context or cand.country in context:
        return False
    # "Gulf" for "Gulf Province": the name matched only because folding drops the generic word.
    folded_only = cand.name.casefold() != mention.text.casefold()
    return folded_only and fold_key(cand.name) == mention.key


def _relocate(
    cand: Candidate, chosen: dict[str, list[tuple[Candidate, float, list[float]]]]
) -> Candidate:
    """Move an estimated county/district point to the article's towns in the same admin1."""
    if not cand.approx or cand.precision != "district":
        return cand
    points = [
        (ranked[0][0].lat, ranked[0][0].lon)
        for ranked in chosen.values()
        if ranked[0][0].precision == "city" and ranked[0][0].admin1 == cand.admin1
    ]
    if not points:
        return cand
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    mid = len(points) // 2
    return Candidate(
        id=cand.id,
        geonameid=cand.geonameid,
        name=cand.name,
        lat=lats[mid],
        lon=lons[mid],
        feature_class=cand.feature_class,
        feature_code=cand.feature_code,
        country=cand.country,
        admin1=cand.admin1,
        admin2=cand.admin2,
        population=cand.population,
        precision=cand.precision,
        approx=True,
        kind=cand.kind,
    )
