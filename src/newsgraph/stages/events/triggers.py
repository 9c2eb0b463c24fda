"""The trigger lexicon: which words report which PLOVER event, and with which mode.

The facts come from the CAMEO verb dictionary of PETRARCH2 (MIT): every verb line carries a CAMEO
code, and each verb block carries object patterns that refine it ("ask * EXTRADITION" is 0213,
"kill * (IN ACCIDENT)" is no event at all). ``scripts/build_events_lexicon.py`` parses that file
once into ``resources/events/triggers.json`` (plus a short hand-curated list of event nouns, which
CAMEO lacks); this module loads it and maps CAMEO codes to PLOVER types and modes with
:data:`CAMEO_TO_PLOVER`, the translation table of the PLOVER manual as summarised in the shared
``CODEBOOKS.md``. The mapping is a longest-prefix table so that a 4-digit CAMEO code falls back
to its 3-digit and 2-digit parents, exactly as CAMEO itself nests them.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

RESOURCE_DIR = Path(__file__).resolve().parents[2] / "resources" / "events"
TRIGGERS_PATH = RESOURCE_DIR / "triggers.json"


# CAMEO code prefix -> (PLOVER type or None for "no event", mode or None). Longest prefix wins.
# Root 01 (public statements) has no PLOVER counterpart: "said" is attribution, not an event.
CAMEO_TO_PLOVER: dict[str, tuple[str | None, str | None]] = {
    "01": (None, None),
    "02": ("REQUEST", None),
    "021": ("REQUEST", "assist"),
    "022": ("REQUEST", "assist"),
    "023": ("REQUEST", "assist"),
    "024": ("REQUEST", "change"),
    "025": ("REQUEST", "yield"),
    "026": ("REQUEST", "meet"),
    "027": ("REQUEST", "meet"),
    "028": ("REQUEST", "meet"),
    "03": ("AGREE", None),
    "04": ("CONSULT", None),
    "041": ("CONSULT", "phone"),
    "042": ("CONSULT", "visit"),
    "043": ("CONSULT", "visit"),
    "044": ("CONSULT", "third-party"),
    "045": ("CONSULT", "third-party"),
    "05": ("SUPPORT", None),
    "055": ("CONCEDE", None),
    "056": ("CONCEDE", None),
    "06": ("COOPERATE", None),
    "07": ("AID", None),
    "08": ("RETREAT", None),
    "081": ("RETREAT", None),
    "083": ("CONCEDE", None),
    "084": ("RETREAT", "release"),
    "086": ("RETREAT", "access"),
    "0871": ("RETREAT", "ceasefire"),
    "0873": ("RETREAT", "disarm"),
    "0874": ("RETREAT", "withdraw"),
    "09": ("ACCUSE", "investigate"),
    "10": ("REQUEST", None),
    "101": ("REQUEST", "assist"),
    "102": ("REQUEST", "assist"),
    "103": ("REQUEST", "assist"),
    "104": ("REQUEST", "change"),
    "105": ("REQUEST", "yield"),
    "106": ("REQUEST", "meet"),
    "107": ("REQUEST", "meet"),
    "108": ("REQUEST", "meet"),
    "11": ("ACCUSE", "disapprove"),
    "112": ("ACCUSE", "allege"),
    "115": ("ACCUSE", "allege"),
    "116": ("SANCTION", "convict"),
    "12": ("REJECT", None),
    "13": ("THREATEN", None),
    "131": ("THREATEN", "restrict"),
    "1313": ("THREATEN", "relations"),
    "132": ("THREATEN", "restrict"),
    "133": ("THREATEN", "restrict"),
    "134": ("THREATEN", "relations"),
    "135": ("THREATEN", "relations"),
    "137": ("THREATEN", "violence"),
    "138": ("THREATEN", "violence"),
    "1382": ("THREATEN", "territory"),
    "14": ("PROTEST", None),
    "141": ("PROTEST", "demo"),
    "142": ("PROTEST", "hunger"),
    "143": ("PROTEST", "strike"),
    "144": ("PROTEST", "obstruct"),
    "145": ("PROTEST", "riot"),
    "15": ("MOBILIZE", None),
    "151": ("MOBILIZE", "police"),
    "152": ("MOBILIZE", "troops"),
    "153": ("MOBILIZE", "troops"),
    "16": ("SANCTION", None),
    "161": ("SANCTION", "discontinue"),
    "162": ("SANCTION", "discontinue"),
    "166": ("SANCTION", "expel"),
    "17": ("COERCE", None),
    "171": ("COERCE", "seize"),
    "1712": ("ASSAULT", "destroy"),
    "172": ("COERCE", "restrict"),
    "1723": ("COERCE", "curfew"),
    "1724": ("COERCE", "martial-law"),
    "173": ("COERCE", "arrest"),
    "174": ("COERCE", "deport"),
    "175": ("ASSAULT", "crowd-control"),
    "176": ("COERCE", "cyber"),
    "18": ("ASSAULT", None),
    "181": ("ASSAULT", "abduct"),
    "182": ("ASSAULT", "beat"),
    "1821": ("ASSAULT", "sexual"),
    "1822": ("ASSAULT", "torture"),
    "183": ("ASSAULT", "explosives"),
    "1831": ("ASSAULT", "suicide-attack"),
    "184": ("ASSAULT", "abduct"),
    "185": ("ASSAULT", "targeted"),
    "186": ("ASSAULT", "targeted"),
    "19": ("ASSAULT", None),
    "191": ("COERCE", "restrict"),
    "193": ("ASSAULT", "firearms"),
    "194": ("ASSAULT", "heavy-weapons"),
    "195": ("ASSAULT", "aerial"),
    "1952": ("ASSAULT", "drone"),
    "20": ("ASSAULT", None),
    "201": ("COERCE", "deport"),
    "204": ("ASSAULT", "unconventional"),
}


@functools.lru_cache(maxsize=1024)
def cameo_to_plover(code: str) -> tuple[str | None, str | None]:
    """PLOVER (type, mode) of a CAMEO code; ``(None, None)`` for no event or an unknown code."""
    digits = code.strip().split(":")[0]
    if not digits.isdigit():
        return (None, None)
    for length in range(len(digits), 1, -1):
        hit = CAMEO_TO_PLOVER.get(digits[:length])
        if hit is not None:
            return hit
    return (None, None)


@dataclass(frozen=True)
class Pattern:
    """A CAMEO object pattern: words that must follow (and precede) the verb, and its code."""

    after: tuple[frozenset[str], ...]
    before: tuple[frozenset[str], ...]
    code: str

    @property
    def weight(self) -> int:
        """Specificity: a pattern with more required words wins over a shorter one."""
        return len(self.after) + len(self.before)

    def matches(self, before: frozenset[str], after: frozenset[str]) -> bool:
        """True when every required word (any member of its synset) occurs on its side."""
        return all(group & after for group in self.after) and all(
            group & before for group in self.before
        )


@dataclass(frozen=True)
class Trigger:
    """What a trigger lemma reports by default: CAMEO code, PLOVER type and mode."""

    lemma: str
    code: str
    type: str | None
    mode: str | None
    pos: str  # "VERB" or "NOUN"
    block: int | None = None


class TriggerLexicon:
    """Verb and noun triggers with their CAMEO patterns, loaded from ``triggers.json``."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        self.verbs: dict[str, Trigger] = {}
        self.nouns: dict[str, Trigger] = {}
        self.phrasal: dict[tuple[str, str], Trigger] = {}
        self.blocks: list[tuple[Pattern, ...]] = []
        for block in data["blocks"]:
            self.blocks.append(tuple(_pattern(p) for p in block))
        for lemma, (code, block_index) in data["verbs"].items():
            trigger = _trigger(lemma, code, "VERB", block_index)
            if " " in lemma:
                head, particle = lemma.split(" ", 1)
                self.phrasal[(head, particle)] = trigger
            else:
                self.verbs[lemma] = trigger
        for lemma, code in data["nouns"].items():
            self.nouns[lemma] = _trigger(lemma, code, "NOUN", None)

    def refine(
        self, trigger: Trigger, before: Iterable[str], after: Iterable[str]
    ) -> tuple[str | None, str | None, str]:
        """The (type, mode, code) of a verb trigger given the words around it.

        The most specific matching pattern of the verb's CAMEO block wins; a pattern coded
        ``---`` means the phrase is not an event ("killed in an accident").
        """
        if trigger.block is None:
            return trigger.type, trigger.mode, trigger.code
        before_set, after_set = frozenset(before), frozenset(after)
        best: Pattern | None = None
        for pattern in self.blocks[trigger.block]:
            if pattern.matches(before_set, after_set) and (
                best is None or pattern.weight > best.weight
            ):
                best = pattern
        if best is None:
            return trigger.type, trigger.mode, trigger.code
        plover_type, mode = cameo_to_plover(best.code)
        return plover_type, mode, best.code


def _pattern(raw: Mapping[str, Any]) -> Pattern:
    return Pattern(
        after=tuple(frozenset(group) for group in raw["after"]),
        before=tuple(frozenset(group) for group in raw["before"]),
        code=str(raw["code"]),
    )


def _trigger(lemma: str, code: str, pos: str, block: int | None) -> Trigger:
    plover_type, mode = cameo_to_plover(code)
    return Trigger(lemma, code, plover_type, mode, pos, block)


@functools.lru_cache(maxsize=2)
def load_lexicon(path: Path = TRIGGERS_PATH) -> TriggerLexicon:
    """The shipped lexicon (parsed once per process)."""
    data: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return TriggerLexicon(data)
