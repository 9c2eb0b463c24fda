"""Rebuild the events trigger lexicon from the PETRARCH2 CAMEO verb dictionary.

Run ``.venv/bin/python scripts/build_events_lexicon.py`` from the repository root. It reads
``../shared/data/dictionaries/petrarch2/CAMEO.2.0.txt`` (MIT, Open Event Data Alliance) and writes
``src/newsgraph/resources/events/triggers.json``:

* ``verbs``: lemma (lower case, phrasal verbs as "blow up") -> ``[CAMEO code, block index]``; a
  verb without its own code takes its block's, and ``---`` means "only its patterns code it";
* ``blocks``: per CAMEO verb block, its object patterns, each ``{"after": [[words]], "before":
  [[words]], "code"}`` where every inner list is one required word and its synonyms (synsets
  such as ``&WEAPON`` are expanded here, so the run time needs no synset table);
* ``nouns``: event nouns -> CAMEO code. CAMEO codes verbs only, so this short list is curated
  below (:data:`EVENT_NOUNS`), in CAMEO codes so that it goes through the same PLOVER mapping;
* verbs the CAMEO file lacks (:data:`EXTRA_VERBS`) are added to ``verbs``, and a few whose
  CAMEO code disagrees with PLOVER (:data:`OVERRIDE_VERBS`) replace theirs; verbs CAMEO files
  under material cooperation that are no act alone (:data:`PATTERN_ONLY_VERBS`) keep only their
  patterns.

The parser follows ``PETRreader.read_verb_dictionary``: ``#`` comments, ``&`` synsets with ``+``
members, ``--- NAME [CODE] ---`` blocks, verb lines ``VERB {forms} [code]`` and pattern lines
``- before * after (PREP noun) [code] # verb``. Output is sorted, so rebuilds are byte-identical.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = (
    REPO_ROOT.parent / "shared" / "data" / "dictionaries" / "petrarch2" / "CAMEO.2.0.txt"
)
DEFAULT_OUTPUT = REPO_ROOT / "src" / "newsgraph" / "resources" / "events" / "triggers.json"

# Second words that make a two-word CAMEO verb a phrasal verb ("blow up", "call for").
PARTICLES = frozenset(
    "up down out off for on in over back away with against to into from through".split()
)
# PETRARCH markup tokens in patterns that are not words (source/target/skip markers).
MARKERS = frozenset("$ + ^ % * |".split())

# Event nouns, as CAMEO codes. CAMEO has no noun dictionary; these are the nominal heads news
# uses for the same acts ("the attack", "an air raid", "talks"). Ambiguous nouns ("strike")
# are resolved at run time by their modifiers (see stages/events/detect.py).
EVENT_NOUNS: dict[str, str] = {
    "attack": "190",
    "assault": "180",
    "offensive": "190",
    "raid": "190",
    "incursion": "190",
    "invasion": "190",
    "airstrike": "195",
    "air strike": "195",
    "air raid": "195",
    "bombardment": "194",
    "strike": "190",
    "shelling": "194",
    "barrage": "194",
    "bombing": "183",
    "explosion": "183",
    "blast": "183",
    "suicide bombing": "1831",
    "ambush": "190",
    "clash": "190",
    "fighting": "190",
    "gunfight": "193",
    "gunbattle": "193",
    "gun battle": "193",
    "skirmish": "190",
    "stabbing": "18",
    "beating": "182",
    "lynching": "18",
    "vigil": "141",
    "hearing": "090",
    "firefight": "193",
    "shootout": "193",
    "shooting": "193",
    "battle": "190",
    "assassination": "186",
    "massacre": "20",
    "killing": "18",
    "abduction": "181",
    "kidnapping": "181",
    "rape": "1821",
    "torture": "1822",
    "protest": "140",
    "demonstration": "141",
    "rally": "141",
    "march": "141",
    "sit-in": "144",
    "riot": "145",
    "hunger strike": "142",
    "walkout": "143",
    "boycott": "143",
    "blockade": "191",
    "talks": "040",
    "negotiations": "046",
    "meeting": "040",
    "visit": "042",
    "mediation": "045",
    "summit": "040",
    "ceasefire": "0871",
    "agreement": "057",
    "deal": "057",
    "truce": "0871",
    "arrest": "173",
    "curfew": "1723",
    "sanctions": "163",
    "embargo": "163",
    "suspension": "16",
    "threat": "130",
    "ultimatum": "139",
    "demand": "10",
    "appeal": "10",
    "accusation": "112",
    "condemnation": "111",
    "investigation": "090",
    "probe": "090",
    "crackdown": "175",
    "withdrawal": "0874",
    "evacuation": "0874",
}

# Verbs news uses for events that the CAMEO file lacks or codes only through patterns.
EXTRA_VERBS: dict[str, str] = {
    "condemn": "111",
    "criticize": "111",
    "criticise": "111",
    "denounce": "111",
    "accuse": "112",
    "blame": "112",
    "airstrike": "195",
    "behead": "186",
    "shell": "194",
    "wound": "18",
    "injure": "18",
    "detain": "173",
    "arrest": "173",
    "abduct": "181",
    "kidnap": "181",
    "protest": "140",
    "demonstrate": "141",
    "rally": "141",
    "urge": "10",
    "demand": "10",
    "warn": "130",
    "threaten": "130",
    "donate": "070",
    "hand over": "084",
    "deface": "17",
}

# Verbs whose CAMEO object patterns code the wrong PLOVER act ("sue" and "indict" patterns are
# arrests, "telephone … to discuss" a request): their own code, with no patterns.
PLAIN_VERBS: dict[str, str] = {
    "sue": "115",
    "indict": "112",
    "telephone": "041",
    "phone": "041",
    "arrest": "173",
    "detain": "173",
}

# CAMEO codes these verbs only through patterns (or, for "agree", as 050 diplomatic
# cooperation); PLOVER gives them a type of their own, so they override the CAMEO entry.
OVERRIDE_VERBS: dict[str, str] = {
    "agree": "03",
    "allow": "083",
    "permit": "083",
    "pressure": "10",
    "reject": "12",
    "refuse": "12",
    "decline": "12",
    "veto": "12",
    "oppose": "12",
    "dismiss": "12",
    "pass": "---",
    "say": "010",
    "sign": "057",
    "withdraw": "0874",
    "resign": "080",
    "surrender": "080",
    "deploy": "152",
    "station": "152",
    "capture": "19",
    "recapture": "19",
    "seize": "171",
    "confiscate": "171",
    "defuse": "171",
    "loot": "1712",
    "torch": "1712",
}

# Object patterns that code another act than the one reported, by code and required words:
# CAMEO's "MEET * (AT)" makes any meeting held somewhere an intent to meet (036, PLOVER AGREE);
# "met with Erdogan at a hotel in Sochi" is the meeting itself (040, CONSULT).
DROPPED_PATTERNS: frozenset[tuple[str, tuple[str, ...]]] = frozenset({("036", ("at",))})

# CAMEO lists verbs of changing a degree ("increase", "expand") and of managing ("lead",
# "control") under material cooperation (06): their patterns name what is cooperated on
# ("expand trade", "boost economic ties"), but alone they report no act of cooperation in
# PLOVER's sense (COOPERATE is mutual material cooperation: "rebels controlled the town",
# "prices increased"). They keep their patterns and lose their default code.
PATTERN_ONLY_VERBS = frozenset(
    {
        # changing a degree
        "increase", "boost", "expand", "enhance", "improve", "augment", "enlarge", "heighten",
        "amplify", "magnify", "intensify", "escalate", "deepen", "redouble", "compound",
        "exaggerate", "better", "ameliorate", "mitigate", "abate", "assuage", "appease",
        "simplify",
        # managing, governing, setting up
        "control", "govern", "rule", "lead", "head", "manage", "handle", "oversee", "supervise",
        "supervize", "administer", "direct", "steer", "command", "regulate", "constitute",
        "relate", "serve", "conduct", "issue", "found", "institute", "establish", "enact",
        "prescribe", "dictate", "enjoin", "task", "assign",
    }
)  # fmt: skip
# The CAMEO root whose default code PATTERN_ONLY_VERBS drop (any other code is kept).
_COOPERATION_ROOT = "06"

_CODE = re.compile(r"\[([^\]]*)\]")
_FORMS = re.compile(r"\{[^}]*\}")


def _clean_word(word: str) -> str:
    return word.strip().strip("_").replace("_", " ").lower()


def _code(text: str) -> str | None:
    match = _CODE.search(text)
    if match is None:
        return None
    code = match.group(1).strip().split(":")[0].strip()
    return code or "---"


def _strip_comment(line: str) -> str:
    line = re.sub(r"<!--.*?-->", "", line)
    if " #" in line:
        line = line[: line.index(" #")]
    return line.rstrip()


def _pattern_groups(text: str, synsets: dict[str, list[str]]) -> list[list[str]]:
    """Required word groups of one side of a pattern (each a word and its synonyms)."""
    groups: list[list[str]] = []
    for raw in re.split(r"[\s{}()]+", text):
        word = raw.strip()
        if not word or word in MARKERS or word.startswith("%"):
            continue
        if word.startswith("&"):
            members = synsets.get(word.rstrip("_"), synsets.get(word, []))
            heads = sorted({m.split(" ")[-1] for m in members if m})
            if heads:
                groups.append(heads)
            continue
        clean = _clean_word(word)
        if len(clean) > 1 and clean.replace(" ", "").replace("-", "").isalpha():
            groups.append([clean.split(" ")[-1]])
    return groups


def parse_cameo(path: Path) -> dict[str, object]:
    """Parse the verb dictionary into verbs, pattern blocks and synset-expanded patterns."""
    synsets: dict[str, list[str]] = {}
    current_synset: str | None = None
    verbs: dict[str, list[object]] = {}
    blocks: list[list[dict[str, object]]] = []
    block_code = "---"
    for raw in path.read_text("utf-8").splitlines():
        if raw.startswith("#") or raw.startswith("<!") or not raw.strip():
            continue
        line = _strip_comment(raw)
        if not line.strip():
            continue
        if line.startswith("&"):
            current_synset = line.strip()
            synsets[current_synset.rstrip("_")] = []
            continue
        if line.startswith("+") and current_synset is not None:
            synsets[current_synset.rstrip("_")].append(_clean_word(line[1:]))
            continue
        if line.startswith("---"):
            current_synset = None
            block_code = _code(line) or "---"
            blocks.append([])
            continue
        if current_synset is not None or not blocks or line.startswith("~"):
            continue
        if line.startswith("-"):
            body = line[1:]
            code = _code(body) or block_code
            body = _CODE.sub("", body)
            if "*" not in body:
                continue
            before, after = body.split("*", 1)
            after_groups = _pattern_groups(after, synsets)
            pattern: dict[str, object] = {
                "after": after_groups,
                "before": _pattern_groups(before, synsets),
                "code": code,
            }
            words = tuple(word for group in after_groups for word in group)
            if (code, words) in DROPPED_PATTERNS and not pattern["before"]:
                continue
            if pattern["after"] or pattern["before"]:
                blocks[-1].append(pattern)
            continue
        head = _FORMS.sub("", line)
        own = _code(head)
        word = _clean_word(_CODE.sub("", head).split()[0].lstrip("+"))
        parts = word.split(" ")
        if len(parts) > 2 or (len(parts) == 2 and parts[1] not in PARTICLES):
            continue
        code = own or block_code
        verbs.setdefault(word, [code, len(blocks) - 1])
    for lemma, code in EXTRA_VERBS.items():
        verbs.setdefault(lemma, [code, None])
    for lemma, code in OVERRIDE_VERBS.items():
        block = verbs[lemma][1] if lemma in verbs else None
        verbs[lemma] = [code, block]
    for lemma, code in PLAIN_VERBS.items():
        verbs[lemma] = [code, None]
    for lemma in PATTERN_ONLY_VERBS:
        default, block = verbs.get(lemma, ["---", None])
        if str(default).startswith(_COOPERATION_ROOT):
            verbs[lemma] = ["---", block]
    ordered_blocks = [sorted(b, key=lambda p: json.dumps(p, sort_keys=True)) for b in blocks]
    return {
        "source": "PETRARCH2 CAMEO.2.0.txt (MIT, Open Event Data Alliance) + curated nouns",
        "verbs": dict(sorted(verbs.items())),
        "blocks": ordered_blocks,
        "nouns": dict(sorted(EVENT_NOUNS.items())),
    }


def main() -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args()
    data = parse_cameo(args.source)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(
        json.dumps(data, ensure_ascii=False, sort_keys=False, separators=(",", ":")) + "\n",
        "utf-8",
    )
    verbs = data["verbs"]
    assert isinstance(verbs, dict)
    print(f"wrote {args.output}: {len(verbs)} verbs, {len(data['blocks'])} blocks")  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
