"""Document-level ACLED fallback for reports whose act has no codable trigger.

Some reports of political violence name no attack verb at all: "civilians suffered suffocation
after poisonous gas was used", "special groups of troops have been formed", "protesters gathered
for a vigil", "riot police chase demonstrators". The clause rules of :mod:`.detect` rightly find
no PLOVER trigger there, so the article would get no ACLED coding. When a document has no
ACLED-typed event, this module looks for *combinations* of cue words (a weapon and a harm, a
crowd and a gathering, troops and a formation) and, when one matches, the stage codes the
article with the corresponding ACLED sub-event type: on the material act that already holds the
cue ("forces established observation points"), else as a single low-confidence document-level
event of the corresponding PLOVER type. What a verbal act governs is not read (its content did
not necessarily happen); what a material act governs is.

Single words never fire: "the anniversary of the war" or "a film about the attack" contain one
cue at most, and words governed by a topic noun ("film", "anniversary" …), by a negation or by a
modal ("could", "would", "will") are not read at all. The rules are the ACLED codebook's
definitions written as word sets; they were checked against the tune part of the CASE 2021
development snippets, never trained on them.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsgraph.stages.events.agency import harmless_blow, trade, weapon
from newsgraph.stages.events.leisure import leisure_force, talked_about
from newsgraph.stages.events.mentions import (
    TOPIC_DEPS,
    month_name,
    not_violence,
    topic_head,
    topic_verb,
)

# A cue group is a set of words (lower-cased forms and lemmas); a rule fires when every one of
# its groups meets the document's words.
_Group = frozenset[str]

_HARM = frozenset(
    {"kill", "killed", "dead", "death", "deaths", "die", "died", "injure", "injured", "injury"}
    | {"injuries", "wound", "wounded", "casualty", "casualties", "hurt", "suffocation"}
    | {"victim", "victims", "life", "lives", "toll", "affect", "affected", "hit", "target"}
    | {"targeted", "strike", "struck", "fire", "fired", "attack", "attacked", "damage"}
    | {"damaged", "destroy", "destroyed", "explode", "exploded", "detonate", "detonated"}
    | {"set", "launch", "launched", "drop", "dropped", "use", "used", "blast", "explosion"}
    | {"suffer", "suffered", "expose", "exposed", "poison", "poisoned", "respiratory"}
)
_CHEMICAL = frozenset(
    {"chemical", "chlorine", "sarin", "mustard", "nerve", "poisonous", "toxic", "phosphorus"}
)
_GAS = frozenset({"gas", "gases", "attack", "weapon", "weapons", "agent", "agents", "bomb"})
_SUICIDE = frozenset({"suicide", "kamikaze", "self-detonated", "self-detonate"})
_SUICIDE_ACT = frozenset({"bomber", "bombers", "bombing", "attack", "attacker", "blast", "vest"})
_AIR = frozenset(
    {"airstrike", "airstrikes", "air-strike", "air-strikes", "warplane", "warplanes", "drone"}
    | {"drones", "bomber", "bombers", "helicopter", "gunship", "jets", "aircraft", "air"}
)
_AIR_ACT = frozenset({"strike", "strikes", "raid", "raids", "bomb", "bombed", "bombing", "hit"})
_ARTILLERY = frozenset(
    {"artillery", "mortar", "mortars", "shell", "shells", "shelling", "rocket", "rockets"}
    | {"missile", "missiles", "howitzer", "projectile", "projectiles", "katyusha"}
)
_EXPLOSIVE = frozenset(
    {"ied", "ieds", "landmine", "landmines", "roadside", "improvised", "explosive", "bomb"}
    | {"explosion", "blast", "mine", "car-bomb", "bombing", "bombings", "booby-trapped"}
)
_GRENADE = frozenset({"grenade", "grenades"})
_WEAPONS = frozenset(
    {"weapon", "weapons", "arms", "ammunition", "ammunitions", "explosive", "explosives"}
    | {"grenade", "grenades", "mines", "ied", "ieds", "cache", "rifles", "pistols", "rockets"}
    | {"device", "devices", "package", "bomb", "bombs", "mortars", "shells"}
)
_FOUND = frozenset(
    {"find", "found", "discover", "discovered", "seize", "seized", "defuse", "defused"}
    | {"recover", "recovered", "confiscate", "confiscated", "dismantle", "dismantled"}
    | {"intercept", "intercepted", "foil", "foiled", "thwart", "thwarted", "screen"}
)
# Words that name the protesting crowd (or its protest): such a cue is the protest's actor.
CROWD = frozenset(
    {"protester", "protesters", "protestor", "protestors", "demonstrator", "demonstrators"}
    | {"striker", "strikers", "activist", "activists", "marcher", "marchers", "protest"}
    | {"protests", "demonstration", "demonstrations", "rally", "rallies", "sit-in", "vigil"}
    | {"die-in", "march", "picket", "strike"}
)
_GATHER = frozenset(
    {"gather", "gathered", "assemble", "assembled", "march", "marched", "rally", "rallied"}
    | {"participate", "participated", "join", "joined", "stage", "staged", "hold", "held"}
    | {"protest", "protested", "demonstrate", "demonstrated", "chant", "chanted", "booed"}
    | {"vigil", "die-in", "sit-in", "picket", "swarm", "swarmed", "walk", "block", "blocked"}
    | {"take", "took", "converge", "converged", "demand", "demanded"}
)
_FORCE = frozenset(
    {"police", "force", "forces", "officer", "officers", "troops", "soldier", "soldiers"}
    | {"security", "authorities", "guard", "guards"}
)
_DISPERSE = frozenset(
    {"tear", "teargas", "disperse", "dispersed", "rubber", "cannon", "pepper", "chase"}
    | {"chased", "baton", "batons", "charge", "charged"}
)
# Crowd-control means and acts: they imply a crowd even when the report names none ("fired
# rubber bullets and tear gas to disperse anti-government ...").
_CROWD_CONTROL = frozenset(
    {"teargas", "tear-gas", "rubber", "cannon", "cannons", "disperse", "dispersed"}
    | {"dispersal", "stun", "pepper"}
)
_HEAVY_FORCE = frozenset(
    {"beat", "beaten", "beating", "kill", "killed", "dead", "shot", "shoot", "injure"}
    | {"injured", "wounded", "live", "bullets", "brutally"}
)
# Harm to people (not "bullets": rubber bullets are the means of an intervention).
_HARMED = frozenset(
    {"kill", "killed", "dead", "death", "injure", "injured", "wounded", "hurt", "beat"}
    | {"beaten", "beating", "casualty", "casualties", "injury", "injuries"}
)
_RIOTERS = frozenset(
    {"mob", "mobs", "looter", "looters", "rioter", "rioters", "riot", "riots", "vigilante"}
    | {"vigilantes", "lynch", "lynched", "lynching"}
)
_RIOT_ACT = frozenset(
    {"loot", "looted", "looting", "torch", "torched", "vandalise", "vandalised", "vandalize"}
    | {"vandalized", "rush", "rushed", "smash", "smashed", "burn", "burned", "attack"}
    | {"attacked", "storm", "stormed", "break", "broke", "clash", "clashed", "throw", "threw"}
    | {"violence", "spread", "lynch", "lynched"}
)
# What demonstrators do when a demonstration turns violent (ACLED: Violent demonstration).
# Not "riot": it names the police that meet a crowd ("riot police chase demonstrators").
_DEMONSTRATOR_VIOLENCE = frozenset(
    {"throw", "threw", "thrown", "stone", "stones", "rock", "rocks", "bottle", "bottles"}
    | {"molotov", "petrol", "torch", "torched", "vandalise", "vandalised", "vandalize"}
    | {"vandalized", "smash", "smashed", "loot", "looted", "looting", "set", "burn"}
    | {"burned", "burnt", "debris", "barricade", "barricades"}
    | {"storm", "stormed", "break", "broke", "violent", "violence", "clash", "clashed"}
)
_SEXUAL = frozenset({"rape", "rapes", "raped", "gang-rape", "sexual", "sexually"})
_ABDUCT = frozenset(
    {"abduct", "abducted", "abduction", "kidnap", "kidnapped", "kidnapping", "hostage"}
    | {"hostages", "disappear", "disappeared", "disappearance"}
)
_ARREST = frozenset(
    {"arrest", "arrested", "arrests", "detain", "detained", "detention", "apprehend"}
    | {"apprehended", "rounded", "raid", "raids", "nab", "nabbed"}
)
_PEOPLE_TAKEN = frozenset({"people", "palestinians", "suspects", "members", "activists"})
_AGREE = frozenset({"agreement", "deal", "ceasefire", "truce", "accord", "treaty", "pact"})
_AGREE_ACT = frozenset(
    {"reach", "reached", "sign", "signed", "agree", "agreed", "conclude", "concluded"}
    | {"broker", "brokered", "strike", "struck", "announce", "announced"}
)
_BASE = frozenset(
    {"base", "bases", "headquarters", "outpost", "outposts", "post", "posts", "point", "points"}
    | {"camp", "camps", "checkpoint", "checkpoints"}
)
_ESTABLISH = frozenset({"establish", "established", "set", "build", "built", "open", "opened"})
_TERRITORY_ACT = frozenset(
    {"regain", "regained", "recapture", "recaptured", "retake", "retook", "gain", "gained"}
    | {"capture", "captured", "seize", "seized", "overrun", "liberate", "liberated", "won"}
    | {"win", "take", "taking", "took", "taken"}
)
_TERRITORY = frozenset(
    {"control", "territory", "town", "towns", "village", "villages", "city", "base", "area"}
    | {"district", "positions", "back", "areas", "region"}
)
_WITHDRAW = frozenset(
    {"withdraw", "withdrew", "withdrawn", "withdrawal", "evacuation", "evacuate", "hand"}
    | {"handed", "handover", "leave", "leaving", "left", "pull", "pulled", "retreat"}
    | {"enter", "entered"}
)
_UNRESISTED = frozenset({"resistance", "evacuation", "handed", "handover", "deal", "peacefully"})
_STRONGHOLD = frozenset({"bastion", "stronghold", "port", "enclave", "pocket", "camp"})
_MILITARY = frozenset(
    {"troops", "forces", "force", "army", "military", "soldiers", "fighters", "units"}
    | {"battalion", "brigade", "militia", "militias", "group", "groups", "division"}
    | {"planes", "jets", "warships", "tanks", "vessels", "ships", "aircraft", "convoy"}
    | {"unit", "regiment", "battalions", "brigades", "contingent", "peacekeepers", "troop"}
    | {"militants", "rebels", "insurgents", "coalition", "navy", "commander", "commanders"}
    | {"gunmen", "gunman", "police", "policemen", "terrorists", "jihadists", "guerrillas"}
    | {"separatists", "bandits", "assailants", "attackers", "fighter", "militant", "rebel"}
)
_CHANGE = frozenset(
    {"form", "formed", "move", "moving", "moved", "deploy", "deployed", "defect", "defected"}
    | {"withdraw", "withdrawn", "withdrew", "enter", "entered", "sortie", "reinforce"}
    | {"reinforced", "recruit", "recruited", "create", "created", "merge", "merged", "join"}
    | {"joined", "consolidate", "consolidating", "train", "trained", "drill", "drills"}
    | {"exercise", "exercises", "mobilize", "mobilized", "mobilise", "mobilised"}
    | {"patrol", "patrols", "patrolled", "station", "stationed", "arrive", "arrived"}
    | {"relocate", "relocated", "transfer", "transferred", "cross", "crossed", "mass"}
    | {"massed", "test", "tested", "split", "dissolve", "dissolved", "appoint", "appointed"}
    | {"recruitment", "training", "drill", "fly", "flew", "redeploy", "redeployed"}
)
_FIGHT = frozenset(
    {"clash", "clashes", "clashed", "fighting", "fight", "fought", "battle", "battles"}
    | {"firefight", "gunfight", "exchange", "ambush", "ambushed", "offensive"}
)
_CIVILIANS = frozenset(
    {"civilian", "civilians", "villager", "villagers", "resident", "residents", "woman"}
    | {"women", "child", "children", "student", "students", "worshipper", "worshippers"}
    | {"farmer", "farmers", "journalist", "journalists", "teacher", "teachers", "man"}
)
_KILL = frozenset(
    {"kill", "killed", "killing", "murder", "murdered", "slaughter", "slaughtered", "shot"}
    | {"massacre", "massacred", "execute", "executed", "stab", "stabbed", "hack", "hacked"}
)
_LOOT = frozenset(
    {"loot", "looted", "looting", "plunder", "plundered", "ransack", "ransacked", "torch"}
    | {"torched", "burn", "burned", "burnt", "demolish", "demolished", "vandalise"}
    | {"vandalised", "vandalize", "vandalized", "raze", "razed", "bulldoze", "bulldozed"}
)
_PROPERTY = frozenset(
    {"house", "houses", "home", "homes", "shop", "shops", "store", "stores", "property"}
    | {"properties", "office", "offices", "building", "buildings", "vehicle", "vehicles"}
    | {"car", "cars", "church", "mosque", "temple", "school", "market", "crops", "livestock"}
)
_SHOT = frozenset(
    {"shot", "shoot", "stab", "stabbed", "gunned", "hacked", "beat", "beaten", "torture"}
    | {"tortured", "execute", "executed", "massacre", "massacred", "behead", "beheaded"}
)

# (PLOVER type, PLOVER mode, ACLED sub-event type, cue groups), codebook order: the weapon
# decides before the victims, a specific setting before the generic one.
RULES: tuple[tuple[str, str | None, str, tuple[_Group, ...]], ...] = (
    ("ASSAULT", "unconventional", "Chemical weapon", (_CHEMICAL, _GAS, _HARM)),
    ("ASSAULT", "suicide-attack", "Suicide bomb", (_SUICIDE, _SUICIDE_ACT)),
    ("ASSAULT", "aerial", "Air/drone strike", (_AIR, _AIR_ACT, _HARM)),
    ("COERCE", "seize", "Disrupted weapons use", (_WEAPONS, _FOUND)),
    ("ASSAULT", None, "Grenade", (_GRENADE, _HARM)),
    ("ASSAULT", "heavy-weapons", "Shelling/artillery/missile attack", (_ARTILLERY, _HARM)),
    ("ASSAULT", "explosives", "Remote explosive/landmine/IED", (_EXPLOSIVE, _HARM)),
    ("ASSAULT", "sexual", "Sexual violence", (_SEXUAL,)),
    ("ASSAULT", "abduct", "Abduction/forced disappearance", (_ABDUCT,)),
    ("PROTEST", "riot", "Mob violence", (_RIOTERS, _RIOT_ACT)),
    ("PROTEST", "riot", "Violent demonstration", (CROWD, _DEMONSTRATOR_VIOLENCE)),
    ("ASSAULT", "crowd-control", "Excessive force against protesters", (CROWD, _HEAVY_FORCE)),
    (
        "ASSAULT",
        "crowd-control",
        "Excessive force against protesters",
        (_CROWD_CONTROL, _FORCE, _HARMED),
    ),
    ("PROTEST", None, "Protest with intervention", (CROWD, _FORCE, _DISPERSE)),
    ("PROTEST", None, "Protest with intervention", (_CROWD_CONTROL, _FORCE)),
    ("PROTEST", None, "Peaceful protest", (CROWD, _GATHER)),
    ("ASSAULT", "destroy", "Looting/property destruction", (_LOOT, _PROPERTY)),
    ("COERCE", "arrest", "Arrests", (_ARREST, _PEOPLE_TAKEN | _FORCE)),
    ("AGREE", None, "Agreement", (_AGREE, _AGREE_ACT)),
    ("MOBILIZE", None, "Headquarters or base established", (_BASE, _ESTABLISH, _MILITARY)),
    (
        "RETREAT",
        "withdraw",
        "Non-violent transfer of territory",
        (_WITHDRAW, _UNRESISTED, _TERRITORY | _STRONGHOLD),
    ),
    ("ASSAULT", None, "Non-state actor overtakes territory", (_TERRITORY_ACT, _TERRITORY, _FIGHT)),
    ("ASSAULT", None, "Attack", (_SHOT, _CIVILIANS)),
    ("ASSAULT", None, "Armed clash", (_FIGHT, _MILITARY)),
    # Killing civilians with no fight named: one-sided violence (after Armed clash, because
    # civilians killed in a battle belong to the battle).
    ("ASSAULT", None, "Attack", (_KILL, _CIVILIANS)),
    ("MOBILIZE", "troops", "Change to group/activity", (_MILITARY, _CHANGE)),
)

# Acts of violence that may hit someone ("hit hard by the shelling"): the harm and weapon cues.
_ATTACKS = _HARM | _AIR_ACT | _FIGHT | _KILL | _SHOT | _LOOT | {"shelling", "bombardment"}

# What is given as aid rather than sold.
_AID = frozenset({"aid", "assistance", "relief", "help", "supplies", "food", "medicine"})

# Craft that airlines and shipping lines fly and sail as well as armed forces.
_CIVIL_CRAFT = frozenset(
    {"aircraft", "jets", "planes", "plane", "jet", "helicopter", "helicopters", "ships"}
    | {"vessels", "ship", "vessel", "convoy"}
)

# Military words that, modifying another noun, are measures or kinds ("unit cost", "group
# stage", "force majeure").
_MEASURES = frozenset({"unit", "units", "group", "groups", "division", "force"})

# Words that make the words below them a topic, not a report.
_TOPIC_NOUNS = frozenset(
    {"anniversary", "film", "movie", "documentary", "book", "novel", "memorial", "museum"}
    | {"history", "song", "exhibition", "lesson", "story", "game", "play", "poem", "memory"}
    | {"commemoration", "remembrance", "tribute", "monument", "fear", "threat", "risk"}
)
_MODALS = frozenset({"could", "would", "might", "may", "will", "should", "must", "shall"})
_NEGATIONS = frozenset({"not", "never", "no", "n't"})
# Verbs whose complement did not (or not yet) happen ("failed to reach agreement", "tried to
# broker a truce", "called for a ceasefire").
_UNREALISED = frozenset(
    {"fail", "refuse", "decline", "deny", "threaten", "plan", "propose", "prepare", "try"}
    | {"attempt", "seek", "want", "hope", "aim", "intend", "urge", "call", "ask", "demand"}
)


def _armed(craft: Token) -> bool:
    """Whether a craft that may be civil is military: a military vehicle by WordNet
    ("warplanes", "gunships"), or named by an armed force or a party ("army helicopters",
    "Israeli jets", "Russian aircraft")."""
    if weapon(craft):
        return True
    return any(
        c.dep_ in {"amod", "compound", "poss", "nmod"}
        and (c.lower_ in _MILITARY or c.ent_type_ in {"NORP", "GPE", "ORG"})
        for c in craft.children
    )


@dataclass(frozen=True)
class Fallback:
    """The document-level coding and the token that best shows it."""

    type: str
    mode: str | None
    acled_sub_event_type: str
    cue: Token


def document_fallback(doc: Doc, triggers: Collection[int] = ()) -> Fallback | None:
    """The first rule whose cue groups all meet the document's reported words, or None.

    ``triggers`` are the token indices of the events already coded: the words they govern
    belong to them ("threatened to hold a strike", "rejected a call for troops to be
    deployed", "accused rebels of violating a ceasefire") and are not read again.
    """
    if not _possible(doc):
        return None
    words: dict[str, Token] = {}
    aside = _set_aside(doc)
    for token in doc:
        if token.is_punct or month_name(token) or not _reported(token, triggers, aside):
            continue
        if token.lower_ in _CIVIL_CRAFT and not _armed(token):
            continue  # "five new 737 aircraft": an airliner is no warplane
        if token.lower_ in _MEASURES and _measure(token):
            continue  # "the lowest unit operating cost": a unit of account
        if token.lower_ in _AGREE and _pending(token):
            continue  # "a deal that will be finalized": not yet an agreement
        if token.lower_ == "according" and token.dep_ == "prep":
            continue  # "according to": attribution, not an accord
        for form in (token.lower_, token.lemma_.lower()):
            words.setdefault(form, token)
    for kind, mode, sub, groups in RULES:
        if all(not group.isdisjoint(words) for group in groups):
            cue = min((words[w] for w in groups[0] if w in words), key=lambda t: t.i)
            return Fallback(kind, mode, sub, cue)
    return None


def _measure(token: Token) -> bool:
    """Whether "unit", "group" … modifies another noun, as the parser hangs it or as the
    words run ("the lowest unit operating cost", which the parser makes the object)."""
    if token.dep_ in {"compound", "nmod"}:
        return True
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return after is not None and after.pos_ == "NOUN"


def _pending(noun: Token) -> bool:
    """Whether an agreement noun is only in prospect: its relative clause or infinitive
    says it will be made ("a deal that will be finalized by June 10", "a deal to be
    signed")."""
    for clause in noun.children:
        if clause.dep_ not in {"relcl", "acl"}:
            continue
        aux = {c.lower_ for c in clause.children if c.dep_ in {"aux", "auxpass"}}
        if aux & (_MODALS | {"to"}):
            return True
    return False


def _possible(doc: Doc) -> bool:
    """Whether some rule meets the document's words before any is set aside: reading what
    is reported walks every token's governors, and most documents with no coded violence
    (business news) match no rule even so."""
    forms = {t.lower_ for t in doc} | {t.lemma_.lower() for t in doc}
    return any(all(not group.isdisjoint(forms) for group in groups) for *_, groups in RULES)


@dataclass(frozen=True)
class _Aside:
    """Verbs whose words are not a report, found once per document: force used of something
    else (sport, a dismissal, a loss or an accident: :mod:`.agency`; a game won, an
    abstraction, a picture, speech: :mod:`.leisure`), trade (a deal to buy
    shares is no political agreement), and verbs whose object is a topic (:mod:`.mentions`;
    an act talked about or studied, :mod:`.leisure`)."""

    not_violence: frozenset[int]
    topic_verbs: frozenset[int]


def _set_aside(doc: Doc) -> _Aside:
    verbs = [t for t in doc if t.pos_ in {"VERB", "AUX"}]
    return _Aside(
        frozenset(
            t.i
            for t in verbs
            if t.pos_ == "VERB"
            and (
                not_violence(t)
                or harmless_blow(t, _ATTACKS)
                or trade(t, _AID)
                or leisure_force(t, _ATTACKS)
            )
        ),
        frozenset(t.i for t in verbs if topic_verb(t) or talked_about(t, _ATTACKS)),
    )


def _reported(token: Token, triggers: Collection[int], aside: _Aside) -> bool:
    """Whether a token is read as part of a report: not under a topic noun, negation, modal
    or an event already coded, nor in the words of a verb set aside."""
    node = token
    for _ in range(12):
        if node.i in triggers or (node is not token and topic_head(node, _TOPIC_NOUNS)):
            return False
        if node is not token and node.lemma_.lower() in _UNREALISED:
            return False
        if node.dep_ == "relcl" and any(c.tag_ in {"WDT", "WP"} for c in node.children):
            return False  # a relative clause describes a participant ("rebels who entered")
        if node.i in aside.not_violence:
            return False  # "the striker shot the ball": sport, not force
        if node.pos_ in {"VERB", "AUX"} or node.dep_ == "ROOT":
            children = {c.lower_ for c in node.children if c.dep_ in {"neg", "aux"}}
            if children & (_MODALS | _NEGATIONS):
                return False
        if node.head is node:
            break
        if node.dep_ in TOPIC_DEPS and node.head.i in aside.topic_verbs:
            return False  # "the podcast discusses the kidnapping", "mourned the massacre"
        node = node.head
    return True
