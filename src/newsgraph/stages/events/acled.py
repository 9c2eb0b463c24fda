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
_AGREEMENT_WORDS = frozenset(
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
    }
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
        if "grenade" in words:
            return "Grenade"
        for mode in modes:
            if mode in _ASSAULT_BY_MODE:
                return _ASSAULT_BY_MODE[mode]
        if words & _TERRITORY_WORDS and words & {
            "town",
            "village",
            "city",
            "area",
            "district",
            "territory",
            "position",
            "control",
            "base",
        }:
            if _lower_words(actor) & STATE_FORCES:
                return "Government regains territory"
            return "Non-state actor overtakes territory"
        if _lower_words(recipient) & CIVILIANS or words & {"civilian", "civilians", "villagers"}:
            return "Attack"
        return "Armed clash"
    if kind == "PROTEST":
        if "riot" in modes:
            return "Violent demonstration"
        if words & {"tear", "teargas", "disperse", "dispersed", "arrested", "detained"}:
            if words & {"killed", "kill", "live", "shot", "shoot", "dead"}:
                return "Excessive force against protesters"
            return "Protest with intervention"
        return "Peaceful protest"
    if kind == "COERCE":
        if "arrest" in modes:
            return "Arrests"
        if "seize" in modes and words & {
            "weapon",
            "weapons",
            "arms",
            "ammunition",
            "explosive",
            "explosives",
            "ied",
            "mine",
            "mines",
            "grenade",
            "grenades",
            "cache",
            "device",
            "bomb",
        }:
            return "Disrupted weapons use"
        return "Other"
    if kind == "MOBILIZE":
        if words & {"base", "headquarters", "outpost", "establish", "established", "set"}:
            return "Headquarters or base established"
        return "Change to group/activity"
    if kind == "RETREAT":
        if "withdraw" in modes or words & {"handed", "hand", "withdraw", "withdrew"}:
            return "Non-violent transfer of territory"
        if "ceasefire" in modes or words & _AGREEMENT_WORDS:
            return "Agreement"
        return None
    if kind in {"AGREE", "CONCEDE", "SUPPORT"} and words & _AGREEMENT_WORDS:
        return "Agreement"
    return None
