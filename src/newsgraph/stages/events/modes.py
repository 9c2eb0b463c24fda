"""PLOVER modes from the instruments and manner named around a trigger.

The trigger lexicon gives a mode when the verb itself says it ("assassinate" → targeted,
"kidnap" → abduct). Most violent verbs do not ("attack", "target", "kill"); the mode is in the
instrument: "by dozens of missiles" (heavy-weapons), "a deadly air raid" (aerial), "suicide
bombers" (suicide-attack). This module reads those cue lemmas from the event's own words (the
trigger's subtree plus its clause arguments) with one dictionary lookup per word, and for
speech acts derives the mode from the embedded act ("threatened to impose a curfew" →
THREATEN restrict, "demanded the withdrawal" → REQUEST yield).
"""

from __future__ import annotations

from collections.abc import Iterable

# Cue lemma -> ASSAULT mode. Checked in order of specificity (first tuple wins).
_ASSAULT_CUES: tuple[tuple[str, frozenset[str]], ...] = (
    ("suicide-attack", frozenset({"suicide", "self-immolation"})),
    ("drone", frozenset({"drone", "predator", "uav", "reaper"})),
    (
        "aerial",
        frozenset(
            {
                "air",
                "airstrike",
                "warplane",
                "aircraft",
                "jet",
                "helicopter",
                "gunship",
                "bomber",
                "airplane",
                "plane",
                "aerial",
                "sortie",
                "air-strike",
                "airstrikes",
                "fighter-bomber",
            }
        ),
    ),
    (
        "unconventional",
        frozenset(
            {
                "chemical",
                "sarin",
                "chlorine",
                "mustard",
                "nerve",
                "gas",
                "biological",
                "nuclear",
                "toxic",
            }
        ),
    ),
    (
        "heavy-weapons",
        frozenset(
            {
                "missile",
                "rocket",
                "artillery",
                "mortar",
                "shell",
                "shelling",
                "tank",
                "howitzer",
                "barrage",
                "bombardment",
                "katyusha",
                "grad",
                "warship",
                "navy",
            }
        ),
    ),
    (
        "explosives",
        frozenset(
            {
                "bomb",
                "bombing",
                "explosive",
                "ied",
                "grenade",
                "landmine",
                "mine",
                "car-bomb",
                "explosion",
                "blast",
                "device",
                "bomber",
                "minefield",
                "roadside",
                "detonate",
                "explode",
                "dynamite",
            }
        ),
    ),
    ("sexual", frozenset({"rape", "sexually", "sexual"})),
    ("torture", frozenset({"torture", "torturing"})),
    ("abduct", frozenset({"kidnap", "abduct", "hostage", "shield", "abduction", "kidnapping"})),
    ("targeted", frozenset({"assassinate", "assassination", "assassinated"})),
    (
        "firearms",
        frozenset(
            {
                "gun",
                "gunman",
                "gunmen",
                "gunfire",
                "rifle",
                "sniper",
                "shoot",
                "shot",
                "bullet",
                "pistol",
                "gunbattle",
                "gunfight",
                "firearm",
                "machine-gun",
                "kalashnikov",
            }
        ),
    ),
    (
        "beat",
        frozenset(
            {"beat", "beating", "club", "baton", "stone", "stab", "knife", "machete", "lynch"}
        ),
    ),
    ("crowd-control", frozenset({"teargas", "tear-gas"})),  # pairs: see _crowd_control
    (
        "destroy",
        frozenset({"demolish", "demolition", "bulldoze", "raze", "torch", "arson", "burn"}),
    ),
)
_PROTEST_CUES: tuple[tuple[str, frozenset[str]], ...] = (
    ("hunger", frozenset({"hunger"})),
    ("riot", frozenset({"riot", "rioter", "rioting", "stone", "loot", "torch", "clash"})),
    ("strike", frozenset({"strike", "walkout", "stoppage"})),
    ("boycott", frozenset({"boycott"})),
    ("obstruct", frozenset({"block", "blockade", "barricade", "obstruct", "roadblock", "sit-in"})),
    (
        "demo",
        frozenset(
            {
                "demonstration",
                "demonstrate",
                "rally",
                "march",
                "protest",
                "demonstrator",
                "protester",
            }
        ),
    ),
)
_THREAT_CUES: tuple[tuple[str, frozenset[str]], ...] = (
    (
        "restrict",
        frozenset(
            {
                "curfew",
                "ban",
                "martial",
                "restriction",
                "restrict",
                "emergency",
                "sanction",
                "import",
                "tariff",
                "embargo",
                "blockade",
                "tolerate",
            }
        ),
    ),
    (
        "violence",
        frozenset(
            {
                "attack",
                "war",
                "retaliation",
                "retaliate",
                "revenge",
                "force",
                "strike",
                "offensive",
                "blow",
                "shell",
                "bomb",
                "kill",
                "invade",
                "military",
                "destroy",
                "violence",
                "response",
                "annihilate",
            }
        ),
    ),
    ("arrest", frozenset({"arrest", "detain", "prosecute", "jail", "imprison"})),
    ("expel", frozenset({"expel", "deport", "expulsion"})),
    (
        "relations",
        frozenset(
            {
                "relation",
                "tie",
                "negotiation",
                "talk",
                "boycott",
                "contact",
                "withdraw",
                "suspend",
                "cut",
                "sever",
                "recall",
            }
        ),
    ),
)
# The act a request or rejection is about -> REQUEST/REJECT mode.
_ASK_MODE_BY_TYPE = {
    "RETREAT": "yield",
    "CONCEDE": "yield",
    "CONSULT": "meet",
    "AID": "assist",
    "SUPPORT": "assist",
    "COOPERATE": "assist",
}
_YIELD_WORDS = frozenset(
    {
        "withdrawal",
        "expulsion",
        "release",
        "resignation",
        "surrender",
        "removal",
        "departure",
        "exit",
        "leave",
        "withdraw",
        "resign",
        "ceasefire",
        "disarm",
        "hand",
    }
)


def _first_cue(table: tuple[tuple[str, frozenset[str]], ...], words: frozenset[str]) -> str | None:
    for mode, cues in table:
        if cues & words:
            return mode
    return None


def assault_modes(words: Iterable[str], lexicon_mode: str | None) -> list[str]:
    """ASSAULT modes: the lexicon's, else the most specific instrument cue."""
    bag = frozenset(words)
    if _crowd_control(bag):
        # Tear gas, rubber bullets and water cannon decide the mode whatever the verb's CAMEO
        # pattern says ("fired rubber bullets" is not artillery fire).
        return ["crowd-control"]
    cue = _first_cue(_ASSAULT_CUES, bag)
    if lexicon_mode in _INSTRUMENTS and cue in _INSTRUMENTS:
        # CAMEO's weapon patterns ("kill * &WEAPON" → small arms) are coarse; the instrument
        # named in the event's own words is the better witness ("a minefield explosion killed").
        return [cue]
    if lexicon_mode is not None and lexicon_mode not in {"destroy"}:
        return [lexicon_mode]
    if cue is not None:
        return [cue]
    return [lexicon_mode] if lexicon_mode else []


_INSTRUMENTS = frozenset({"firearms", "heavy-weapons", "explosives", "aerial", "drone"})


# Killing a leader is an assassination (CAMEO "WIPE OUT * LEADER" → 186): PLOVER targeted.
_KILLING = frozenset({"kill", "murder", "slay", "wipe", "execute"})
_LEADERS = frozenset(
    {"leader", "chief", "commander", "governor", "minister", "mayor", "president", "premier"}
)


def leader_killing(trigger_lemma: str, victim_lemma: str | None, modes: list[str]) -> list[str]:
    """ASSAULT modes with ``targeted`` added when a leader is killed ("killed the deputy
    chief of …", "drone strikes killed eight top leaders" → targeted and drone)."""
    if trigger_lemma in _KILLING and victim_lemma in _LEADERS and "targeted" not in modes:
        return [*modes, "targeted"]  # an instrument mode stays first (ACLED reads it)
    return modes


def coordinated_instruments(members: Iterable[str], modes: list[str]) -> list[str]:
    """ASSAULT modes when the attackers are coordinated instruments of different kinds
    ("helicopters and tanks shelled …" → aerial and heavy-weapons): one instrument mode per
    member lemma, in order, if there are at least two; else ``modes`` unchanged."""
    found: list[str] = []
    for lemma in members:
        cue = _first_cue(_ASSAULT_CUES, frozenset({lemma}))
        if cue in _INSTRUMENTS and cue not in found:
            found.append(cue)
    return found if len(found) > 1 else modes


def _crowd_control(bag: frozenset[str]) -> bool:
    """Whether the words name crowd-control means (not "tear down", not a ship's cannon)."""
    return bool(
        bag & {"teargas", "tear-gas"}
        or {"tear", "gas"} <= bag
        or {"rubber", "bullet"} <= bag
        or {"water", "cannon"} <= bag
    )


_COERCE_CUES: tuple[tuple[str, frozenset[str]], ...] = (
    ("cyber", frozenset({"hack", "hacker", "cyber", "cyberattack", "website", "deface"})),
    ("curfew", frozenset({"curfew"})),
    ("martial-law", frozenset({"martial", "siege"})),
    ("censor", frozenset({"censor", "censorship", "newspaper", "broadcast", "internet"})),
    ("arrest", frozenset({"arrest", "detain", "detention", "custody", "round"})),
    ("deport", frozenset({"deport", "deportation", "expel", "expulsion", "evict", "eviction"})),
    ("seize", frozenset({"seize", "seizure", "confiscate", "confiscation", "impound"})),
    ("restrict", frozenset({"blockade", "restriction", "closure", "cordon", "checkpoint"})),
)


def coerce_modes(words: Iterable[str], lexicon_mode: str | None) -> list[str]:
    """COERCE modes: the lexicon's, else what the clause's words name ("hackers defaced
    websites" → cyber, "reimposed blockades" → restrict)."""
    if lexicon_mode is not None:
        return [lexicon_mode]
    cue = _first_cue(_COERCE_CUES, frozenset(words))
    return [cue] if cue else []


def protest_modes(words: Iterable[str], lexicon_mode: str | None) -> list[str]:
    """PROTEST modes from the form of the protest."""
    cue = _first_cue(_PROTEST_CUES, frozenset(words))
    if cue is not None:
        return [cue]
    return [lexicon_mode] if lexicon_mode else []


def threaten_mode(words: Iterable[str], embedded: tuple[str, str | None] | None) -> list[str]:
    """What is threatened: from the embedded act's type, else from cue words."""
    bag = frozenset(words)
    if embedded is not None:
        kind, mode = embedded
        if kind == "ASSAULT":
            return ["violence"]
        if "blockade" in bag:
            return ["restrict"]  # a threatened blockade restricts, whatever CAMEO codes it
        if kind == "COERCE":
            return ["arrest" if mode == "arrest" else "expel" if mode == "deport" else "restrict"]
        if kind == "SANCTION":
            return ["expel" if mode == "expel" else "relations"]
        if kind == "PROTEST":
            return ["restrict"]  # a threatened strike or blockade restricts its target
    cue = _first_cue(_THREAT_CUES, bag)
    return [cue] if cue else []


def ask_mode(words: Iterable[str], embedded: tuple[str, str | None] | None) -> list[str]:
    """REQUEST/REJECT mode: what is asked for or refused."""
    if embedded is not None and embedded[0] in _ASK_MODE_BY_TYPE:
        return [_ASK_MODE_BY_TYPE[embedded[0]]]
    if _YIELD_WORDS & frozenset(words):
        return ["yield"]
    return []
