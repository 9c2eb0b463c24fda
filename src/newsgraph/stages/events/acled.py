"""PLOVER type + mode (+ a few context cues) → ACLED event type and sub-event type.

ACLED's typology is coarser in some places (all verbal events are outside it) and finer in
others (who the victims are decides Battles vs Violence against civilians). The rules follow
the ACLED codebook as summarised in the shared ``CODEBOOKS.md``: air or drone strikes are
Explosions/Remote violence even with shelling; one-sided violence against civilians is Violence
against civilians; arrests, seizures of weapons and agreements are Strategic developments.
Verbal events (ACCUSE, REQUEST, THREATEN …) have no ACLED type and get ``None``.
"""

from __future__ import annotations

from collections.abc import Iterable

from newsgraph.resources.wordnet import load_wordnet

SUB_TO_TYPE = {
    "Government regains territory": "Battles",
    "Non-state actor overtakes territory": "Battles",
    "Armed clash": "Battles",
    "Excessive force against protesters": "Protests",
    "Protest with intervention": "Protests",
    "Peaceful protest": "Protests",
    "Violent demonstration": "Riots",
    "Mob violence": "Riots",
    "Chemical weapon": "Explosions/Remote violence",
    "Air/drone strike": "Explosions/Remote violence",
    "Suicide bomb": "Explosions/Remote violence",
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Remote explosive/landmine/IED": "Explosions/Remote violence",
    "Grenade": "Explosions/Remote violence",
    "Sexual violence": "Violence against civilians",
    "Attack": "Violence against civilians",
    "Abduction/forced disappearance": "Violence against civilians",
    "Agreement": "Strategic developments",
    "Arrests": "Strategic developments",
    "Change to group/activity": "Strategic developments",
    "Disrupted weapons use": "Strategic developments",
    "Headquarters or base established": "Strategic developments",
    "Looting/property destruction": "Strategic developments",
    "Non-violent transfer of territory": "Strategic developments",
    "Other": "Strategic developments",
}
# PLOVER types that ACLED codes at all.
ACLED_TYPES = frozenset(
    {"ASSAULT", "PROTEST", "COERCE", "MOBILIZE", "RETREAT", "AGREE", "CONCEDE", "SUPPORT"}
)
_ASSAULT_BY_MODE = {
    "aerial": "Air/drone strike",
    "drone": "Air/drone strike",
    "heavy-weapons": "Shelling/artillery/missile attack",
    "explosives": "Remote explosive/landmine/IED",
    "suicide-attack": "Suicide bomb",
    "unconventional": "Chemical weapon",
    "abduct": "Abduction/forced disappearance",
    "sexual": "Sexual violence",
    "destroy": "Looting/property destruction",
    "crowd-control": "Excessive force against protesters",
}
CIVILIANS = frozenset(
    {
        "civilian",
        "villager",
        "resident",
        "people",
        "man",
        "woman",
        "child",
        "children",
        "worker",
        "farmer",
        "journalist",
        "student",
        "family",
        "protester",
        "pilgrim",
        "passenger",
        "teacher",
        "doctor",
        "girl",
        "boy",
        "women",
        "men",
        "person",
        "citizen",
        "shopkeeper",
    }
)
STATE_FORCES = frozenset(
    {
        "army",
        "military",
        "troops",
        "soldier",
        "government",
        "force",
        "forces",
        "police",
        "regime",
        "security",
        "navy",
        "gendarme",
    }
)
# Holders of civilian office: unarmed non-combatants, so violence aimed at them is one-sided
# ("gunmen killed the deputy governor", "an attempt to assassinate the mayor"), unless the
# victim's words also name an armed force or a military rank ("a police official", "General
# Soleimani": armed organised groups on both sides, an Armed clash without a weapon cue).
CIVILIAN_OFFICES = frozenset(
    {"governor", "mayor", "minister", "official", "politician", "lawmaker", "legislator"}
    | {"mp", "senator", "judge", "prosecutor", "councillor", "councilor", "candidate"}
    | {"diplomat", "ambassador", "cleric", "imam", "priest", "administrator"}
)
_ARMED_RANKS = frozenset(
    {"general", "commander", "colonel", "major", "captain", "lieutenant", "sergeant"}
    | {"officer", "militant", "rebel", "fighter", "guard", "militia", "brigadier"}
)
AGREEMENT_WORDS = frozenset(
    {
        "ceasefire",
        "truce",
        "agreement",
        "deal",
        "accord",
        "treaty",
        "surrender",
        "peace",
        "exchange",
    }
)
_TERRITORY_WORDS = frozenset(
    {
        "capture",
        "recapture",
        "seize",
        "retake",
        "overrun",
        "control",
        "liberate",
        "take",
        "regain",
        "storm",
        "drive",
        "drove",
        "retook",
        "retaken",
        "rout",
        "dislodge",
        "push",
    }
)


_PLACE_WORDS = frozenset(
    {"town", "village", "city", "area", "areas", "district", "territory", "position", "control"}
    | {"base", "positions", "villages", "towns", "port", "airport", "oilfields", "neighborhood"}
)
# Weapon cues in the order the codebook ranks them; "tear gas" is crowd control, not chemical.
_WEAPON_CUES: tuple[tuple[frozenset[str], str], ...] = (
    (
        frozenset({"chemical", "chlorine", "sarin", "mustard", "poisonous", "nerve"}),
        "Chemical weapon",
    ),
    (frozenset({"suicide", "kamikaze", "kamikazes", "self-detonated"}), "Suicide bomb"),
    (
        frozenset(
            {"airstrike", "airstrikes", "air-strike", "warplane", "warplanes", "drone"}
            | {"drones", "sortie", "sorties", "aircraft", "bomber", "bombers", "jets"}
        ),
        "Air/drone strike",
    ),
    (frozenset({"grenade", "grenades"}), "Grenade"),
    (
        frozenset(
            {"mortar", "mortars", "artillery", "shell", "shells", "shelling", "shelled"}
            | {"rocket", "rockets", "missile", "missiles", "howitzer", "projectile"}
        ),
        "Shelling/artillery/missile attack",
    ),
    (
        frozenset(
            {"ied", "ieds", "landmine", "landmines", "roadside", "improvised", "explosive"}
            | {"explosives", "bomb", "bombs", "blast", "explosion", "detonated", "mine"}
        ),
        "Remote explosive/landmine/IED",
    ),
)
_PROTEST_WORDS = frozenset(
    {"protest", "protests", "protester", "protesters", "demonstrator", "demonstrators"}
    | {"demonstration", "demonstrations", "rally", "march", "sit-in", "marchers"}
)
_PROTESTERS = frozenset({"protester", "demonstrator", "rioter", "marcher", "crowd", "youth"})
_RIOT_WORDS = frozenset(
    {"riot", "rioters", "rioted", "violent", "violence", "stones", "stone", "torched"}
    | {"vandalised", "vandalized", "looted", "smashed", "molotov", "clashed", "clashes"}
)
_DISPERSAL_WORDS = frozenset(
    {"tear", "teargas", "disperse", "dispersed", "dispersal", "arrested", "detained"}
    | {"detain", "rubber", "cannon", "pepper"}
)
_MOB_WORDS = frozenset({"mob", "mobs", "vigilante", "vigilantes", "lynched", "lynching"})
_CIVILIAN_WORDS = frozenset(
    {"civilian", "civilians", "villagers", "residents", "students", "farmers", "worshippers"}
    | {"passengers", "pilgrims", "journalists", "children", "women", "patients", "shoppers"}
    | {"prisoner", "prisoners", "detainee", "detainees", "inmate", "inmates"}
)
# Hypernyms that make a victim a civilian by WordNet.
_CITIZENS = frozenset({"citizen", "civilian"})
# An attempt to take ground that was beaten back is a battle, not a change of territory.
_REPELLED = frozenset(
    {"repelled", "repulsed", "fended", "thwarted", "foiled", "failed", "repel", "repulse"}
)
# Places of civilian life: violence there with no second armed side is an Attack.
_CIVILIAN_PLACES = frozenset(
    {"school", "schools", "university", "campus", "college", "hospital", "clinic", "market"}
    | {"mosque", "church", "temple", "wedding", "funeral", "bus", "hotel", "restaurant"}
    | {"classroom", "classrooms", "dormitory", "dormitories", "shop", "shops", "cafe"}
)
_FIGHT_WORDS = frozenset(
    {"clash", "clashes", "clashed", "fighting", "fought", "battle", "exchange", "firefight"}
    | {"gunfight", "retaliated", "returned", "fightback"}
)
_SEXUAL_WORDS = frozenset({"rape", "raped", "gang-raped", "rapes", "sexual", "sexually"})
_ABDUCTION_WORDS = frozenset(
    {"abduct", "abducted", "abducting", "abduction", "kidnap", "kidnapped", "kidnapping"}
    | {"hostage", "hostages"}
)
_ARREST_WORDS = frozenset({"arrested", "arrest", "arrests", "detained", "detain", "custody"})
_WEAPON_WORDS = frozenset(
    {"weapon", "weapons", "arms", "ammunition", "explosive", "explosives", "ied", "mine"}
    | {"mines", "grenade", "grenades", "cache", "device", "bomb", "pistols", "rifles"}
)
_FIND_WORDS = frozenset({"found", "seized", "discovered", "defused", "recovered", "captured"})
_LOOTING_WORDS = frozenset(
    {"looted", "loot", "looting", "stole", "stolen", "demolished", "destroyed", "torched"}
    | {"burned", "burnt", "vandalised", "vandalized"}
)


def acled_types(
    plover_type: str,
    modes: Iterable[str],
    words: Iterable[str],
    actor: str | None,
    recipient: str | None,
) -> tuple[str | None, str | None]:
    """(ACLED event type, sub-event type) for one PLOVER-coded event, or (None, None)."""
    sub = _sub_event(plover_type, list(modes), frozenset(words), actor, recipient)
    if sub is None:
        return (None, None)
    return (SUB_TO_TYPE[sub], sub)


def _lower_words(text: str | None) -> frozenset[str]:
    """Words of an argument text, singular and plural forms both ("civilians" → civilian)."""
    if not text:
        return frozenset()
    words = text.lower().replace(";", " ").split()
    return frozenset(words) | frozenset(w[:-1] for w in words if w.endswith("s"))


def _sub_event(
    kind: str, modes: list[str], words: frozenset[str], actor: str | None, recipient: str | None
) -> str | None:
    if kind == "ASSAULT":
        return _assault(modes, words, actor, recipient)
    if kind == "PROTEST":
        if "riot" in modes or words & _RIOT_WORDS:
            return "Violent demonstration"
        return _intervention(words) or "Peaceful protest"
    if kind == "COERCE":
        if "arrest" in modes or words & _ARREST_WORDS:
            return "Arrests"
        if words & _WEAPON_WORDS and ("seize" in modes or words & _FIND_WORDS):
            return "Disrupted weapons use"
        if words & _LOOTING_WORDS:
            return "Looting/property destruction"
        return "Other"
    if kind == "MOBILIZE":
        if words & {"base", "headquarters", "outpost", "establish", "established", "set"}:
            return "Headquarters or base established"
        return "Change to group/activity"
    if kind == "RETREAT":
        if "withdraw" in modes or words & {"handed", "hand", "withdraw", "withdrew"}:
            return "Non-violent transfer of territory"
        if "ceasefire" in modes or words & AGREEMENT_WORDS:
            return "Agreement"
        return None
    # ACLED's Agreement is any agreement between actors (ceasefire, evacuation deal, prisoner
    # exchange), so a PLOVER AGREE needs no agreement noun; a concession or support does.
    if kind == "AGREE" or (kind in {"CONCEDE", "SUPPORT"} and words & AGREEMENT_WORDS):
        return "Agreement"
    return None


def _assault(
    modes: list[str], words: frozenset[str], actor: str | None, recipient: str | None
) -> str:
    """ACLED's sub-event of a violent act.

    The codebook decides by weapon first (chemical, suicide, air, grenade, artillery, remote
    explosive), then by who the victims are (protesters, a mob's targets, civilians), then by
    territory changing hands; the weapon cue may sit anywhere in the sentence ("killed in an
    airstrike"), not only in the act's own clause.
    """
    for cue, sub in _WEAPON_CUES:
        if words & cue:
            return sub
    for mode in modes:
        if mode == "crowd-control" and words & _RIOT_WORDS:
            return "Violent demonstration"  # force against violent protesters is a riot
        if mode in _ASSAULT_BY_MODE:
            return _ASSAULT_BY_MODE[mode]
    if words & _SEXUAL_WORDS:
        return "Sexual violence"
    if words & _ABDUCTION_WORDS:
        return "Abduction/forced disappearance"
    if words & _PROTEST_WORDS:
        if _lower_words(actor) & _PROTESTERS or words & _RIOT_WORDS:
            return "Violent demonstration"
        return _intervention(words) or "Excessive force against protesters"
    if words & _MOB_WORDS:
        return "Mob violence"
    if words & _TERRITORY_WORDS and words & _PLACE_WORDS and not words & _REPELLED:
        # Without a stated actor, a state force named in the sentence is the likely taker.
        takers = _lower_words(actor) if actor else words
        if takers & STATE_FORCES:
            return "Government regains territory"
        return "Non-state actor overtakes territory"
    if _lower_words(recipient) & CIVILIANS or words & _CIVILIAN_WORDS or _office(recipient):
        return "Attack"
    if _citizens(recipient):
        return "Attack"
    if words & _CIVILIAN_PLACES and not words & _FIGHT_WORDS:
        return "Attack"  # gunmen opening fire in a school or a market: one-sided violence
    return "Armed clash"


def _citizens(recipient: str | None) -> bool:
    """Whether the victim's head noun is a kind of citizen by WordNet ("voters", "electors"):
    unarmed non-combatants. Narrower than every person noun, which made "travellers" a
    second Attack on case2021's tune part."""
    if not recipient:
        return False
    head = recipient.split()[-1].lower()
    wordnet = load_wordnet()
    for form in (head, head[:-1] if head.endswith("s") else head):
        if not _CITIZENS.isdisjoint(wordnet.senses(form, "n").ancestors[:2]):
            return True
    return False


def _office(recipient: str | None) -> bool:
    """Whether the victim holds a civilian office and names no armed force or rank."""
    victim = _lower_words(recipient)
    return bool(victim & CIVILIAN_OFFICES) and not victim & (STATE_FORCES | _ARMED_RANKS)


def _intervention(words: frozenset[str]) -> str | None:
    """How the authorities met a protest: lethal force, dispersal or arrests, or not at all."""
    if words & _DISPERSAL_WORDS:
        if words & {"killed", "kill", "killing", "live", "shot", "shoot", "dead"}:
            return "Excessive force against protesters"
        return "Protest with intervention"
    return None
