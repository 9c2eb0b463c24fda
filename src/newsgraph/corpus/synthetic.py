"""A seeded generator of realistic news corpora with known ground truth, for tests and benchmarks.

Real corpora cannot ship (copyright) and hand-made ones are tiny, yet dedup, story linking and
ingest throughput need thousands of articles whose true structure is known. This generator
writes the kind of corpus those features exist for:

* real-world **events** (attacks, air strikes, clashes, bombings, protests, arrests, ceasefires,
  sanctions) in conflict settings, with places that have true coordinates;
* each event reported by one to five **outlets**: a wire agency's original, **syndicated copies**
  (verbatim under another URL, or lightly edited: new headline, dropped paragraph, a credit
  line), and **independent rewrites** from other templates, which sometimes **disagree** (another
  death toll, another group blamed);
* **repeat events**: a second attack on the same base days later, which must stay a separate
  story;
* feature pieces with no event at all.

Every article carries its truth (:class:`Truth`): the event it reports, the syndication group it
belongs to and the event as a perfect extractor would record it, so :func:`gold_analysis` can
build the :class:`~newsgraph.record.Analysis` a test or benchmark feeds to the store without
depending on the extraction stages. All names of outlets and people are invented; outlet domains
are under ``.example`` (RFC 2606). The same seed gives the same corpus, byte for byte.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsgraph.inputs import article_id
from newsgraph.normalize import normalize
from newsgraph.record import Analysis, Entity, Event, Evidence, Mention, Place

STAGE = "synthetic"


@dataclass(frozen=True)
class Site:
    """A place where events happen."""

    name: str
    lat: float
    lon: float
    kind: str  # base, city, town


@dataclass(frozen=True)
class Country:
    """A setting: its places and the actors that act there."""

    code: str
    name: str
    adjective: str
    sites: tuple[Site, ...]
    forces: tuple[str, ...]
    armed_groups: tuple[str, ...]
    officials: tuple[str, ...]
    causes: tuple[str, ...]


COUNTRIES: tuple[Country, ...] = (
    Country(
        "IQ",
        "Iraq",
        "Iraqi",
        (
            Site("Ain al-Asad air base", 33.7856, 42.4412, "base"),
            Site("Baghdad", 33.3152, 44.3661, "city"),
            Site("Mosul", 36.3400, 43.1300, "city"),
            Site("Erbil", 36.1911, 44.0092, "city"),
            Site("Balad air base", 33.9402, 44.3616, "base"),
        ),
        ("Iraqi security forces", "the Iraqi army", "Iraqi counter-terrorism units"),
        ("Kataib Hezbollah", "Islamic State militants", "Asaib Ahl al-Haq"),
        ("Iraq's interior ministry", "a provincial governor", "an Iraqi military spokesman"),
        ("power cuts", "unpaid salaries", "corruption"),
    ),
    Country(
        "SY",
        "Syria",
        "Syrian",
        (
            Site("Aleppo", 36.2021, 37.1343, "city"),
            Site("Idlib", 35.9306, 36.6339, "city"),
            Site("Deir ez-Zor", 35.3359, 40.1408, "city"),
            Site("al-Tanf garrison", 33.5050, 38.6180, "base"),
        ),
        ("Syrian government forces", "the Syrian army"),
        ("Hayat Tahrir al-Sham fighters", "Islamic State militants", "Turkish-backed rebels"),
        ("Syria's defence ministry", "a local council official", "a monitoring group"),
        ("fuel shortages", "the cost of bread", "conscription"),
    ),
    Country(
        "AF",
        "Afghanistan",
        "Afghan",
        (
            Site("Kabul", 34.5281, 69.1723, "city"),
            Site("Kandahar", 31.6289, 65.7372, "city"),
            Site("Bagram air base", 34.9461, 69.2650, "base"),
            Site("Jalalabad", 34.4265, 70.4515, "city"),
        ),
        ("Afghan security forces", "the Taliban administration's police"),
        ("Islamic State Khorasan fighters", "gunmen", "the National Resistance Front"),
        ("the interior ministry", "a provincial police chief", "a hospital director"),
        ("restrictions on girls' schooling", "food prices", "aid cuts"),
    ),
    Country(
        "YE",
        "Yemen",
        "Yemeni",
        (
            Site("Sanaa", 15.3694, 44.1910, "city"),
            Site("Marib", 15.4629, 45.3253, "city"),
            Site("Hodeidah", 14.7978, 42.9545, "city"),
            Site("al-Anad air base", 13.1780, 44.7650, "base"),
        ),
        ("Yemeni government forces", "the Saudi-led coalition"),
        ("Houthi fighters", "al-Qaeda in the Arabian Peninsula", "southern separatists"),
        ("a government spokesman", "a Houthi-run health ministry", "a tribal leader"),
        ("currency collapse", "unpaid salaries", "fuel shortages"),
    ),
    Country(
        "SO",
        "Somalia",
        "Somali",
        (
            Site("Mogadishu", 2.0469, 45.3182, "city"),
            Site("Kismayo", -0.3582, 42.5454, "city"),
            Site("Baledogle airfield", 2.6792, 44.7935, "base"),
            Site("Baidoa", 3.1138, 43.6498, "town"),
        ),
        ("Somali National Army troops", "African Union peacekeepers"),
        ("al-Shabaab militants", "clan militias"),
        ("a Somali police officer", "the information ministry", "a local elder"),
        ("election delays", "drought relief", "land disputes"),
    ),
    Country(
        "NG",
        "Nigeria",
        "Nigerian",
        (
            Site("Maiduguri", 11.8464, 13.1603, "city"),
            Site("Kaduna", 10.5222, 7.4383, "city"),
            Site("Zamfara", 12.1222, 6.2236, "town"),
        ),
        ("the Nigerian army", "Nigerian police"),
        ("Boko Haram fighters", "Islamic State West Africa Province", "armed bandits"),
        ("an army spokesman", "a state governor", "a local vigilante leader"),
        ("fuel subsidy removal", "police brutality", "kidnappings"),
    ),
    Country(
        "ML",
        "Mali",
        "Malian",
        (
            Site("Bamako", 12.6392, -8.0029, "city"),
            Site("Gao", 16.2717, -0.0447, "city"),
            Site("Mopti", 14.4843, -4.1827, "city"),
        ),
        ("Malian armed forces", "the Malian army"),
        ("JNIM militants", "Islamic State Sahel fighters", "Tuareg rebels"),
        ("the Malian army", "a regional official", "a UN source"),
        ("the transition timetable", "power cuts", "insecurity"),
    ),
    Country(
        "UA",
        "Ukraine",
        "Ukrainian",
        (
            Site("Kharkiv", 49.9935, 36.2304, "city"),
            Site("Odesa", 46.4825, 30.7233, "city"),
            Site("Zaporizhzhia", 47.8388, 35.1396, "city"),
            Site("Starokostiantyniv air base", 49.7550, 27.2040, "base"),
        ),
        ("Ukrainian forces", "Ukraine's air defence"),
        ("Russian forces", "Russian artillery units"),
        ("a regional governor", "the city's mayor", "Ukraine's emergency service"),
        ("mobilisation rules", "energy tariffs", "housing for displaced families"),
    ),
    Country(
        "SD",
        "Sudan",
        "Sudanese",
        (
            Site("Khartoum", 15.5007, 32.5599, "city"),
            Site("El Fasher", 13.6279, 25.3494, "city"),
            Site("Wad Madani", 14.4012, 33.5199, "city"),
        ),
        ("the Sudanese army", "Sudanese Armed Forces"),
        ("the Rapid Support Forces", "armed men on motorbikes"),
        ("a medical charity", "the health ministry", "a resistance committee"),
        ("bread prices", "military rule", "internet shutdowns"),
    ),
    Country(
        "CD",
        "DR Congo",
        "Congolese",
        (
            Site("Goma", -1.6792, 29.2228, "city"),
            Site("Bunia", 1.5667, 30.2500, "city"),
            Site("Beni", 0.4911, 29.4731, "town"),
        ),
        ("Congolese troops", "the FARDC"),
        ("M23 rebels", "ADF militants", "CODECO militia"),
        ("a provincial spokesman", "a civil society leader", "a UN peacekeeping official"),
        ("the UN mission", "insecurity", "the cost of living"),
    ),
)


@dataclass(frozen=True)
class Kind:
    """An event kind: its PLOVER and ACLED coding and the words reports use for it."""

    name: str
    plover: str
    modes: tuple[str, ...]
    acled: str
    acled_sub: str
    noun: tuple[str, ...]
    deadly: bool
    heads: tuple[str, ...]
    leads: tuple[str, ...]
    details: tuple[str, ...]


KINDS: tuple[Kind, ...] = (
    Kind(
        "rocket",
        "ASSAULT",
        ("explosives",),
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
        ("rocket attack", "rocket strike", "barrage"),
        True,
        (
            "Rockets hit {site}",
            "{n_word} rockets target {site}",
            "Rocket barrage strikes {site}",
            "{site} comes under rocket fire",
        ),
        (
            "{n_word} rockets struck {site} {dayref}, {toll_clause}, {official} said.",
            "{actor_cap} fired a barrage of rockets at {site} {dayref}, {toll_clause}.",
            "A rocket attack targeted {site} in {region} {dayref}, {toll_clause}, according to"
            " {official}.",
            "{site} was hit by rockets {dayref} in an attack {official} blamed on {actor}.",
        ),
        (
            "Sirens sounded across the area shortly before the first impacts, witnesses said.",
            "Several of the rockets landed outside the perimeter, causing no damage.",
            "Air defences intercepted at least two of the projectiles, a security source said.",
            "Photographs shared online showed smoke rising from inside the compound.",
        ),
    ),
    Kind(
        "airstrike",
        "ASSAULT",
        ("aerial",),
        "Explosions/Remote violence",
        "Air/drone strike",
        ("air strike", "airstrike", "aerial bombardment"),
        True,
        (
            "Air strike hits {site}",
            "Warplanes pound {site}",
            "Deadly air raid on {site}",
            "{site} air strike {toll_head}",
        ),
        (
            "Warplanes belonging to {actor} struck {site} {dayref}, {toll_clause}, {official}"
            " said.",
            "An air strike on {site} {dayref} {toll_verb}, {official} told reporters.",
            "{actor_cap} carried out air strikes on {site} {dayref}, {toll_clause}.",
            "At least one air strike hit a market area of {site} {dayref}, {toll_clause},"
            " according to {official}.",
        ),
        (
            "Residents said they heard jets overhead for nearly an hour.",
            "Rescue workers searched the rubble of two collapsed buildings into the night.",
            "The strike destroyed a warehouse that {official} said was used to store weapons.",
            "Hospitals in the area appealed for blood donations.",
        ),
    ),
    Kind(
        "clash",
        "ASSAULT",
        ("firearms",),
        "Battles",
        "Armed clash",
        ("clashes", "fighting", "gun battle"),
        True,
        (
            "Clashes erupt near {site}",
            "Heavy fighting around {site}",
            "Gun battle on outskirts of {site}",
            "{site} fighting {toll_head}",
        ),
        (
            "Fighting broke out between {actor} and {target} near {site} {dayref}, {toll_clause},"
            " {official} said.",
            "{actor_cap} clashed with {target} on the outskirts of {site} {dayref}, {toll_clause}.",
            "Heavy clashes between {target} and {actor} around {site} {dayref} {toll_verb},"
            " according to {official}.",
        ),
        (
            "The fighting lasted several hours before {target} pushed the attackers back.",
            "Residents fled towards the city centre as gunfire echoed through the streets.",
            "Both sides claimed to have inflicted heavy losses on the other.",
            "Roads leading into the area were closed to traffic on Thursday morning.",
        ),
    ),
    Kind(
        "bombing",
        "ASSAULT",
        ("explosives",),
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED",
        ("bombing", "explosion", "blast"),
        True,
        (
            "Bomb blast in {site}",
            "Explosion rocks {site}",
            "Car bomb {toll_head} in {site}",
            "{site} bombing {toll_head}",
        ),
        (
            "A car bomb exploded near a checkpoint in {site} {dayref}, {toll_clause}, {official}"
            " said.",
            "A roadside bomb struck a convoy of {target} near {site} {dayref}, {toll_clause}.",
            "An explosion tore through a busy street in {site} {dayref}, {toll_clause},"
            " according to {official}.",
        ),
        (
            "Nobody immediately claimed responsibility for the blast.",
            "The explosion shattered windows hundreds of metres away, witnesses said.",
            "Security forces sealed off the area and began searching nearby buildings.",
            "It was the deadliest attack in the area in several months.",
        ),
    ),
    Kind(
        "protest",
        "PROTEST",
        ("demonstrate",),
        "Protests",
        "Peaceful protest",
        ("protest", "demonstration", "rally"),
        False,
        (
            "Thousands protest in {site}",
            "Protesters rally in {site} over {cause}",
            "{site} demonstrators decry {cause}",
        ),
        (
            "Thousands of people marched through {site} {dayref} to protest against {cause},"
            " {official} said.",
            "Demonstrators gathered in central {site} {dayref}, chanting slogans against {cause}.",
            "Protesters took to the streets of {site} {dayref}, angered by {cause}.",
        ),
        (
            "Organisers said the demonstrations would continue until their demands were met.",
            "Police watched from a distance and no arrests were reported.",
            "Shops along the main avenue closed their shutters as the crowd passed.",
            "Similar rallies were held in at least two other cities.",
        ),
    ),
    Kind(
        "arrests",
        "COERCE",
        ("arrest",),
        "Strategic developments",
        "Arrests",
        ("arrests", "detentions", "raid"),
        False,
        (
            "{n_word_cap} detained in {site} raids",
            "Security forces arrest suspects in {site}",
            "Dozens held after {site} sweep",
        ),
        (
            "{forces_cap} arrested {n_word} people in overnight raids in {site} {dayref},"
            " {official} said.",
            "{n_word_cap} suspects were detained in {site} {dayref} in an operation by {forces}.",
            "{forces_cap} said they had detained {n_word} people in {site} {dayref}.",
        ),
        (
            "Relatives of some of those detained said they had not been told where they were"
            " taken.",
            "Officials said weapons and communications equipment were seized.",
            "Rights groups called for the detainees to be brought before a judge.",
        ),
    ),
    Kind(
        "ceasefire",
        "AGREE",
        (),
        "Strategic developments",
        "Agreement",
        ("ceasefire", "truce", "agreement"),
        False,
        (
            "Truce agreed for {site}",
            "Ceasefire deal reached in {site}",
            "Warring sides agree {site} truce",
        ),
        (
            "{forces_cap} and {actor} agreed to a ceasefire in {site} {dayref}, {official} said.",
            "A truce between {actor} and {forces} took effect in {site} {dayref}.",
            "Mediators announced {dayref} that {actor} and {forces} had agreed to halt fighting"
            " around {site}.",
        ),
        (
            "Previous truces in the area collapsed within days.",
            "The deal includes the exchange of prisoners and the reopening of roads.",
            "Aid agencies welcomed the agreement and asked for safe access.",
        ),
    ),
)


@dataclass(frozen=True)
class Outlet:
    """A publisher: its name, domain, house style and whether it is a wire agency."""

    name: str
    domain: str
    wire: bool
    style: int


OUTLETS: tuple[Outlet, ...] = (
    Outlet("Global Wire Service", "globalwire.example", True, 0),
    Outlet("Continental Press Agency", "cpa.example", True, 1),
    Outlet("The Daily Ledger", "dailyledger.example", False, 2),
    Outlet("Evening Courier", "eveningcourier.example", False, 0),
    Outlet("Capital Times", "capitaltimes.example", False, 1),
    Outlet("Gulf Monitor", "gulfmonitor.example", False, 2),
    Outlet("Sahel Observer", "saheleobserver.example", False, 0),
    Outlet("Horn Herald", "hornherald.example", False, 1),
    Outlet("Eastern Europe Today", "eetoday.example", False, 2),
    Outlet("The World Desk", "worlddesk.example", False, 0),
    Outlet("Frontier Post Online", "frontierpost.example", False, 1),
    Outlet("Morning Dispatch", "morningdispatch.example", False, 2),
)

_FIRST = (
    "Amal", "David", "Fatima", "Grace", "Ivan", "Jonas", "Leila", "Marco", "Nadia", "Omar",
    "Aisha", "Bruno", "Chidi", "Dina", "Elif", "Farid", "Hana", "Karim", "Lucia", "Musa",
)  # fmt: skip
_LAST = (
    "Haddad", "Okafor", "Petrenko", "Rahimi", "Santos", "Bello", "Novak", "Warsame", "Kone",
    "Ahmadi", "Baptiste", "Diallo", "Farouk", "Ibrahim", "Kovalenko", "Mensah", "Osman", "Yusuf",
)  # fmt: skip
_HOSPITALS = ("the main public", "a field", "the military", "a charity-run", "the university")
_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
_NUMBER_WORDS = (
    "no",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
)
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_BACKGROUND = (
    "{country} has seen a rise in violence this year, according to figures compiled by"
    " independent monitors.",
    "More than {big} people have been displaced in the province since {month}, the United"
    " Nations says.",
    "The road linking the area to the capital has been closed intermittently since {month}.",
    "Local officials have asked for more troops, saying existing units are stretched thin.",
    "Talks brokered by neighbouring states stalled in {month} over the release of prisoners.",
    "Aid convoys have been delayed repeatedly by checkpoints and fighting, relief agencies say.",
    "The area has been contested for months, and aid groups say thousands of families have been"
    " displaced.",
    "Diplomats have urged all sides to show restraint and return to talks.",
    "The incident comes amid heightened tension across {country} ahead of planned negotiations.",
    "Analysts say the {adjective} government has struggled to assert control over the region.",
    "International organisations have repeatedly warned about the humanitarian situation in"
    " {country}.",
)
_QUOTES = (
    '"{quote}," {speaker}, told reporters.',
    '{speaker}, said in a statement that "{quote_lc}."',
    '"{quote}," said {speaker}, speaking by telephone.',
    '"{quote}," {speaker}, wrote on social media.',
)
_QUOTE_LINES = (
    "We will not allow these attacks to go unanswered",
    "The situation is under control and an investigation has been opened",
    "Civilians are paying the price for this conflict",
    "Our forces responded immediately and secured the area",
    "This is a clear violation of every agreement that has been signed",
    "We heard the first blast just after {hour} o'clock and then everything shook",
    "People are afraid to leave their homes after dark",
    "We have asked our partners for urgent help with medicine and fuel",
    "Those responsible will be found and held to account",
    "The families have been waiting for news since the morning",
)
_FACTS_DEADLY = (
    "{wounded} other people were wounded and taken to {hospital} hospital in {site}.",
    "Among the dead were {children} children, a medic at {hospital} hospital said.",
    "The toll could rise, with {wounded} people in a critical condition.",
    "The victims included {children} members of one family, relatives said.",
)
_FACTS_CROWD = (
    "Organisers put the number of participants at about {big}, a figure police disputed.",
    "A second gathering is planned for next {weekday}, according to a statement.",
)
_FACTS_GENERIC = (
    "Witnesses said the events began at about {hour} in the morning.",
    "Security was tightened across {site} later in the day.",
    "Officials said more details would be released on {weekday}.",
)
_CONTEXT = (
    "It was the {ordinal} such incident in the area since {month}, according to a tally kept"
    " by {outlet}.",
    "{outlet} could not independently verify the account.",
    "A similar incident in {month} left {wounded} people injured.",
    "Reporters from {outlet} who visited the scene on {weekday} saw damaged vehicles and debris.",
)
_ORDINALS = ("second", "third", "fourth", "fifth", "sixth", "seventh")
_FEATURES = (
    (
        "How {site} is rebuilding its markets",
        "Traders in {site} have begun reopening stalls that were shuttered for much of the past"
        " year. {official_cap} said new permits had been issued to more than two hundred"
        " businesses, and that electricity had been restored to most of the old quarter.",
    ),
    (
        "Inside {site}'s crowded schools",
        "Teachers in {site} say classes now regularly hold more than sixty pupils. Many"
        " families who fled fighting elsewhere in {country} have settled on the edge of the"
        " city, and local officials say funding has not kept pace.",
    ),
    (
        "{country}'s farmers count the cost of a dry season",
        "Farmers around {site} say this year's harvest is the worst they can remember. Prices"
        " of staple grains have doubled in local markets, and aid agencies warn that the lean"
        " season could be long.",
    ),
)


@dataclass
class RealEvent:
    """What actually happened (the ground truth several articles report)."""

    id: str
    kind: Kind
    country: Country
    site: Site
    day: dt.date
    actor: str
    target: str
    toll: int


@dataclass
class Truth:
    """What an article is, for checking dedup and stories: the event it reports (or None), its
    syndication group, and its events as a perfect extractor would record them."""

    event: str | None
    syndication: str
    copy_of: str | None
    exact_copy: bool
    events: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class SyntheticArticle:
    """One generated article: metadata, text and truth."""

    url: str
    outlet: str
    title: str
    published: str
    authors: list[str]
    text: str
    truth: Truth

    def record(self) -> dict[str, Any]:
        """The article as an ingest record (what a JSONL line holds)."""
        return {
            "url": self.url,
            "outlet": self.outlet,
            "title": self.title,
            "published": self.published,
            "authors": list(self.authors),
            "text": self.text,
        }

    def html(self) -> str:
        """The article as a news web page with navigation, sidebar and footer boilerplate."""
        e = html.escape
        paragraphs = "\n".join(f"<p>{e(p)}</p>" for p in self.text.split("\n\n")[1:])
        author = "; ".join(self.authors)
        return (
            f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f"<title>{e(self.title)} | {e(self.outlet)}</title>"
            f'<meta property="og:title" content="{e(self.title)}">'
            f'<meta property="og:site_name" content="{e(self.outlet)}">'
            f'<meta property="og:url" content="{e(self.url)}">'
            f'<meta name="author" content="{e(author)}">'
            f'<meta property="article:published_time" content="{self.published}T08:00:00Z">'
            f'<link rel="canonical" href="{e(self.url)}"></head>\n<body>'
            f'<header><a href="/">{e(self.outlet)}</a><nav><a href="/world">World</a> '
            f'<a href="/business">Business</a> <a href="/sport">Sport</a></nav></header>\n'
            f"<main><article><h1>{e(self.title)}</h1>"
            f'<p class="byline">By {e(" and ".join(self.authors))}</p>\n{paragraphs}\n'
            f"</article><aside><h2>Most read</h2><ul><li>Markets close higher</li>"
            f"<li>Weather: storms expected</li></ul></aside></main>\n"
            f"<footer><p>© {self.published[:4]} {e(self.outlet)}. All rights reserved. "
            f"Subscribe to our newsletter.</p></footer></body></html>\n"
        )


def _number(n: int) -> str:
    return _NUMBER_WORDS[n] if n < len(_NUMBER_WORDS) else str(n)


class _Writer:
    """Renders one report of an event in one outlet's voice."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def toll(self, event: RealEvent, toll: int) -> tuple[str, str, str]:
        """(clause, verb phrase, headline suffix) for a death toll."""
        if not event.kind.deadly:
            return "", "", ""
        if toll == 0:
            return (
                "causing damage but no casualties",
                "caused no casualties",
                "causes no casualties",
            )
        word = _number(toll)
        clause = self.rng.choice(
            (
                f"killing {word} people",
                f"killing at least {word} people",
                f"leaving {word} people dead",
                f"killing {word} and wounding several others",
            )
        )
        return clause, f"killed {word} people", f"kills {word}"

    def quote(self, country: Country) -> str:
        """A quotation paragraph from a named official or witness."""
        rng = self.rng
        speaker = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}, {rng.choice(country.officials)}"
        line = rng.choice(_QUOTE_LINES).format(hour=rng.randint(1, 11))
        return rng.choice(_QUOTES).format(
            quote=line, quote_lc=line[0].lower() + line[1:], speaker=speaker
        )

    def dayref(self, event: RealEvent, published: dt.date) -> str:
        if published == event.day:
            return self.rng.choice(("on " + _WEEKDAYS[event.day.weekday()], "earlier today"))
        if self.rng.random() < 0.5:
            return "on " + _WEEKDAYS[event.day.weekday()]
        return f"on {event.day.strftime('%B')} {event.day.day}"

    def article(
        self, event: RealEvent, outlet: Outlet, published: dt.date, toll: int, actor: str
    ) -> tuple[str, str]:
        """(title, text) of an original report."""
        rng, kind, country = self.rng, event.kind, event.country
        clause, verb, head = self.toll(event, toll)
        slots = {
            "site": event.site.name,
            "region": country.name,
            "dayref": self.dayref(event, published),
            "toll_clause": clause,
            "toll_verb": verb,
            "toll_head": head,
            "official": rng.choice(country.officials),
            "actor": actor,
            "actor_cap": actor[:1].upper() + actor[1:],
            "target": event.target,
            "forces": event.target,
            "forces_cap": event.target[:1].upper() + event.target[1:],
            "n_word": _number(max(toll, 2)),
            "n_word_cap": _number(max(toll, 2)).capitalize(),
            "cause": rng.choice(country.causes),
            "country": country.name,
            "adjective": country.adjective,
            "outlet": outlet.name,
            "wounded": rng.randint(3, 40),
            "children": _number(rng.randint(2, 6)),
            "hospital": rng.choice(_HOSPITALS),
            "big": f"{rng.randint(2, 90) * 1000:,}",
            "month": rng.choice(_MONTHS),
            "hour": rng.randint(1, 11),
            "weekday": rng.choice(_WEEKDAYS),
            "ordinal": rng.choice(_ORDINALS),
        }
        title = rng.choice(kind.heads).format(**slots)
        title = title[:1].upper() + title[1:]
        lead = rng.choice(kind.leads).format(**slots).replace(" , ", ", ").replace(",,", ",")
        lead = lead.replace(" ,", ",")
        lead = lead[:1].upper() + lead[1:]
        cities = [site for site in country.sites if site.kind != "base"]
        dateline = event.site if event.site.kind != "base" else cities[0]
        paragraphs = [f"{dateline.name.upper()}, {country.name} — {lead}"]
        details = rng.sample(kind.details, k=min(len(kind.details), rng.randint(2, 3)))
        facts: tuple[str, ...]
        if kind.deadly and toll:
            facts = _FACTS_DEADLY
        else:
            facts = _FACTS_CROWD if kind.plover == "PROTEST" else _FACTS_GENERIC
        details.append(rng.choice(facts))
        rng.shuffle(details)
        paragraphs.append(" ".join(d.format(**slots) for d in details))
        paragraphs.append(self.quote(country))
        if kind.deadly and actor != event.actor:
            paragraphs.append(
                f"Other officials, however, said {event.actor} was behind the {kind.noun[0]}."
            )
        elif kind.deadly:
            paragraphs.append(
                rng.choice(
                    (
                        f"Officials blamed {actor} for the {rng.choice(kind.noun)}.",
                        f"Security sources said {actor} had carried out similar attacks in the"
                        " past.",
                        f"A statement attributed to {actor} later claimed responsibility.",
                    )
                )
            )
        paragraphs.append(rng.choice(_CONTEXT).format(**slots))
        background = rng.sample(_BACKGROUND, k=rng.randint(2, 3))
        paragraphs.append(" ".join(b.format(**slots) for b in background))
        if rng.random() < 0.5:
            paragraphs.append(self.quote(country))
        if outlet.style == 1:
            paragraphs.append(
                f"The {kind.noun[0]} was the {rng.choice(_ORDINALS)} incident of its kind"
                f" reported in {country.name} this month."
            )
        elif outlet.style == 2:
            paragraphs.insert(1, "Details of the incident remained unclear on the ground.")
        return title, "\n\n".join([title, *paragraphs])


def _slug(title: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in title.lower()).split())[:60]


def _gold_event(event: RealEvent, toll: int, actor: str) -> dict[str, Any]:
    kind = event.kind
    day = event.day.isoformat()
    return {
        "type": kind.plover,
        "mode": list(kind.modes),
        "actor_text": actor,
        "recipient_text": event.target if kind.plover != "PROTEST" else None,
        "actors": [_entity_id(actor)],
        "recipients": [_entity_id(event.target)] if kind.plover != "PROTEST" else [],
        "place": {
            "text": event.site.name,
            "lat": event.site.lat,
            "lon": event.site.lon,
            "country": event.country.code,
        },
        "date": day,
        "earliest": day,
        "latest": day,
        "fatalities": toll if kind.deadly else None,
        "arrested": max(toll, 2) if kind.name == "arrests" else None,
        "acled_event_type": kind.acled,
        "acled_sub_event_type": kind.acled_sub,
    }


def _entity_id(name: str) -> str:
    return "syn:" + _slug(name.removeprefix("the "))


def generate(n: int, seed: int = 0, start: dt.date = dt.date(2021, 3, 1)) -> list[SyntheticArticle]:
    """``n`` articles: reports of events (with copies and rewrites), repeats, features."""
    rng = random.Random(seed)
    writer = _Writer(rng)
    articles: list[SyntheticArticle] = []
    events: list[RealEvent] = []
    used_urls: set[str] = set()

    def url_for(outlet: Outlet, title: str, day: dt.date) -> str:
        base = f"https://{outlet.domain}/{day:%Y/%m/%d}/{_slug(title)}"
        url, k = base, 1
        while url in used_urls:
            k += 1
            url = f"{base}-{k}"
        used_urls.add(url)
        return url

    def byline() -> list[str]:
        return [f"{rng.choice(_FIRST)} {rng.choice(_LAST)}" for _ in range(rng.randint(1, 2))]

    while len(articles) < n:
        roll = rng.random()
        if roll < 0.08:
            country = rng.choice(COUNTRIES)
            site = rng.choice(country.sites)
            title_t, body_t = rng.choice(_FEATURES)
            slots = {
                "site": site.name,
                "country": country.name,
                "adjective": country.adjective,
                "official_cap": rng.choice(country.officials).capitalize(),
                "big": f"{rng.randint(2, 90) * 1000:,}",
                "month": rng.choice(_MONTHS),
            }
            title = title_t.format(**slots)
            day = start + dt.timedelta(days=rng.randint(0, 600))
            outlet = rng.choice(OUTLETS)
            extra = " ".join(rng.sample(_BACKGROUND, k=3)).format(**slots)
            text = "\n\n".join(
                [
                    title,
                    body_t.format(**slots),
                    writer.quote(country),
                    extra,
                    writer.quote(country),
                    f"{outlet.name} spoke to {rng.randint(5, 60)} residents for this report"
                    f" in {rng.choice(_MONTHS)}.",
                ]
            )
            url = url_for(outlet, title, day)
            articles.append(
                SyntheticArticle(
                    url,
                    outlet.name,
                    title,
                    day.isoformat(),
                    byline(),
                    text,
                    Truth(None, url, None, False),
                )
            )
            continue
        if roll < 0.22 and events:
            # A repeat: the same kind of event at the same place, days later.
            prior = rng.choice(events[-30:])
            day = prior.day + dt.timedelta(days=rng.randint(2, 9))
            kind = prior.kind if rng.random() < 0.7 else rng.choice(KINDS)
            event = RealEvent(
                f"ev{len(events)}",
                kind,
                prior.country,
                prior.site,
                day,
                prior.actor,
                prior.target,
                rng.randint(0, 9),
            )
        else:
            country = rng.choice(COUNTRIES)
            kind = rng.choice(KINDS)
            site = rng.choice(country.sites)
            day = start + dt.timedelta(days=rng.randint(0, 600))
            actor, target = rng.choice(country.armed_groups), rng.choice(country.forces)
            if kind.name in ("airstrike",) and rng.random() < 0.5:
                actor, target = target, rng.choice(country.armed_groups)
            event = RealEvent(
                f"ev{len(events)}", kind, country, site, day, actor, target, rng.randint(0, 12)
            )
        events.append(event)
        articles.extend(_reports(event, rng, writer, url_for, byline))
    return articles[:n]


def _reports(
    event: RealEvent,
    rng: random.Random,
    writer: _Writer,
    url_for: Callable[[Outlet, str, dt.date], str],
    byline: Callable[[], list[str]],
) -> list[SyntheticArticle]:
    """The articles reporting one event: a first report, its copies and independent rewrites."""
    out: list[SyntheticArticle] = []
    wires = [o for o in OUTLETS if o.wire]
    papers = [o for o in OUTLETS if not o.wire]
    first = rng.choice(wires) if rng.random() < 0.6 else rng.choice(papers)
    published = event.day + dt.timedelta(days=rng.choice((0, 0, 1)))
    title, text = writer.article(event, first, published, event.toll, event.actor)
    url = url_for(first, title, published)
    gold = _gold_event(event, event.toll, event.actor)
    out.append(
        SyntheticArticle(
            url,
            first.name,
            title,
            published.isoformat(),
            byline(),
            text,
            Truth(event.id, url, None, False, [gold]),
        )
    )
    others = [o for o in papers if o is not first]
    rng.shuffle(others)
    if first.wire:
        for outlet in others[: rng.choice((0, 1, 1, 2))]:
            exact = rng.random() < 0.5
            copy_title, copy_text = title, text
            if not exact:
                copy_title = rng.choice(event.kind.heads).format(
                    site=event.site.name,
                    n_word=_number(max(event.toll, 2)),
                    n_word_cap=_number(max(event.toll, 2)).capitalize(),
                    toll_head=writer.toll(event, event.toll)[2],
                    cause=rng.choice(event.country.causes),
                )
                copy_title = copy_title[:1].upper() + copy_title[1:]
                paragraphs = text.split("\n\n")[1:]
                if len(paragraphs) > 3:
                    paragraphs.pop(rng.randrange(2, len(paragraphs)))
                paragraphs.append(
                    f"Additional reporting by {byline()[0]}; editing by {outlet.name}."
                )
                copy_text = "\n\n".join([copy_title, *paragraphs])
            copy_url = url_for(outlet, copy_title, published)
            out.append(
                SyntheticArticle(
                    copy_url,
                    outlet.name,
                    copy_title,
                    published.isoformat(),
                    [first.name],
                    copy_text,
                    Truth(event.id, url, url, exact, [gold]),
                )
            )
        others = others[2:]
    for outlet in others[: rng.choice((0, 1, 1, 2, 3))]:
        toll = event.toll
        if event.kind.deadly and rng.random() < 0.3:
            toll = max(0, toll + rng.choice((-2, -1, 1, 2, 3)))
        actor = event.actor
        if event.kind.deadly and rng.random() < 0.15:
            actor = rng.choice([a for a in event.country.armed_groups if a != event.actor])
        day = event.day + dt.timedelta(days=rng.choice((0, 1, 1)))
        rewrite_title, rewrite_text = writer.article(event, outlet, day, toll, actor)
        rewrite_url = url_for(outlet, rewrite_title, day)
        out.append(
            SyntheticArticle(
                rewrite_url,
                outlet.name,
                rewrite_title,
                day.isoformat(),
                byline(),
                rewrite_text,
                Truth(
                    event.id,
                    rewrite_url,
                    None,
                    False,
                    [_gold_event(event, toll, actor)],
                ),
            )
        )
    return out


def gold_analysis(article: SyntheticArticle) -> Analysis:
    """The Analysis a perfect extractor would produce for the events, actors and places layers
    (spans point at the first occurrence of each name; other layers stay empty)."""
    text = article.text
    analysis = Analysis(
        id=article_id(normalize(text).text, article.url),
        text=text,
        url=article.url,
        outlet=article.outlet,
        title=article.title,
        authors=list(article.authors),
        published=article.published,
        stages=[STAGE],
    )
    entities: dict[str, Entity] = {}
    for i, gold in enumerate(article.truth.events):
        for name, eid in (
            (gold["actor_text"], gold["actors"][0] if gold["actors"] else None),
            (gold["recipient_text"], gold["recipients"][0] if gold["recipients"] else None),
        ):
            if name is None or eid is None or eid in entities:
                continue
            where = text.find(name)
            mentions = []
            if where >= 0:
                span = (where, where + len(name))
                mentions.append(Mention(*span, name, Evidence([span], STAGE, 1.0)))
            entities[eid] = Entity(id=eid, name=name, type="ORG", mentions=mentions)
        place = gold["place"]
        where = text.find(place["text"])
        span = (where, where + len(place["text"])) if where >= 0 else (0, 0)
        analysis.places.append(
            Place(
                start=span[0],
                end=span[1],
                text=text[span[0] : span[1]],
                lat=place["lat"],
                lon=place["lon"],
                geonameid=None,
                evidence=Evidence([span], STAGE, 1.0),
                name=place["text"],
                country=place["country"],
                precision="point",
            )
        )
        analysis.events.append(
            Event(
                id=f"e{i + 1}",
                type=gold["type"],
                evidence=Evidence([span], STAGE, 1.0),
                mode=list(gold["mode"]),
                actor_text=gold["actor_text"],
                recipient_text=gold["recipient_text"],
                actors=list(gold["actors"]),
                recipients=list(gold["recipients"]),
                place=dict(place),
                date=gold["date"],
                earliest=gold["earliest"],
                latest=gold["latest"],
                fatalities=gold["fatalities"],
                arrested=gold["arrested"],
                acled_event_type=gold["acled_event_type"],
                acled_sub_event_type=gold["acled_sub_event_type"],
            )
        )
    analysis.entities = list(entities.values())
    return analysis


def write_corpus(articles: list[SyntheticArticle], folder: Path, fmt: str = "jsonl") -> list[Path]:
    """Write the corpus: ``jsonl`` (one file), ``txt`` or ``html`` (one file per article, in a
    folder per outlet). Returns the files written, in corpus order."""
    folder.mkdir(parents=True, exist_ok=True)
    if fmt == "jsonl":
        path = folder / "corpus.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for article in articles:
                out.write(json.dumps(article.record(), ensure_ascii=False) + "\n")
        return [path]
    if fmt not in ("txt", "html"):
        raise ValueError(f"unknown corpus format {fmt!r}; use jsonl, txt or html")
    paths = []
    for i, article in enumerate(articles):
        sub = folder / _slug(article.outlet)
        sub.mkdir(exist_ok=True)
        path = sub / f"{i:05d}-{_slug(article.title)[:40]}.{fmt}"
        path.write_text(article.html() if fmt == "html" else article.text, "utf-8")
        paths.append(path)
    return paths
