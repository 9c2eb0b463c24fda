"""Event detection per clause: triggers, embedding, light verbs, modality and deduplication.

The rules, in the order they apply to one sentence:

1. **Triggers.** Every verb whose lemma (or phrasal lemma, "blow up") is in the CAMEO-derived
   lexicon, refined by the CAMEO object patterns over the words after and before it; every
   noun in the curated event-noun list ("attack", "air raid", "talks").
2. **Light verbs.** "carried out an attack", "conducted a raid", "staged a protest": the noun
   is the event and the verb only carries it (its subject is the actor, its time the time).
3. **Embedding.** A trigger inside the complement or object of another trigger is that
   trigger's content, not a second event: "threatened to attack" is one THREATEN (mode
   violence), "demanded the withdrawal" one REQUEST (mode yield), "killed in an air strike" one
   ASSAULT (mode aerial). So are a purpose clause ("staged rallies to demand reforms") and
   the toll of an attack ("attacked a checkpoint, killing 12"). Only coordination ("attacked
   and looted") makes siblings.
4. **Modality.** Negated and hypothetical events are not reported as having happened (they are
   dropped unless ``keep_irrealis``); future cooperative acts are AGREE and future conflictual
   acts THREATEN, the PLOVER rule ("will provide aid" is a promise, "will impose a curfew" a
   threat).
5. **Mentions that are not events.** A noun under a noun of "aboutness" ("the anniversary of
   the war", "a film about the attack") reports nothing; nor does a circumstance clause ("as
   the opposition threatened …") or a passive description of a participant ("the curfew
   imposed after the coup"): they set the scene for the sentence's act. Nor do what a work
   discusses, a remembered act, an unveiled memorial, a month named March, force used in
   sport or a dismissal (:mod:`.mentions`), a court's hearing or a business's trade.

One record per real event: a later definite mention of the same act ("five days after the
assassination") is folded into the first one (see :func:`merge_mentions`); a mere
reference that matches no reported act is dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from newsgraph.plover import QUAD
from newsgraph.resources.wordnet import load_wordnet
from newsgraph.stages.events import modes as mode_rules
from newsgraph.stages.events.agency import (
    CONTESTED_SENSES,
    THING_SENSES,
    abstract,
    first_sense,
    harmless_blow,
    no_party,
    thing,
    thing_changed,
    trade,
    victim,
    weapon,
)
from newsgraph.stages.events.arguments import (
    FACILITIES,
    Argument,
    argument,
    dep_child,
    doer_and_done_to,
    inherited_subject,
    noun_arguments,
    participant,
    passive,
    prep_objects,
    verb_arguments,
)
from newsgraph.stages.events.auxiliary import as_preposition, helper_verb
from newsgraph.stages.events.commerce import (
    commercial_deal,
    described_as,
    employment,
    left_game,
    promotion,
    property_of_thing,
    reorganisation,
    routine_delay,
    settled_obligation,
    sporting,
)
from newsgraph.stages.events.flags import (
    ATTEMPT_VERBS,
    Flags,
    aim_noun,
    conditional_consequence,
    event_flags,
    inverted_condition,
)
from newsgraph.stages.events.leisure import (
    animal,
    civilian_training,
    criticism,
    cyber_attack,
    figurative_attack,
    figurative_force,
    house_rule,
    inauguration,
    leisure_force,
    natural_force,
    nothing_taken,
    opinion_of_show,
    opinion_of_thing,
    place_visited,
    project_approved,
    rejected_thing,
    removed_thing,
    signed_thing,
    sport_discipline,
    talked_about,
)
from newsgraph.stages.events.mentions import (
    TOPIC_DEPS,
    displayed,
    month_name,
    not_violence,
    remembrance,
    told_in,
    topic_head,
    topic_verb,
    work_subject,
)
from newsgraph.stages.events.nature import (
    aimless_trip,
    caught_illness,
    feeling,
    joined_no_meeting,
    natural_cause,
    natural_harm,
    peaceful_death,
    state_of_mind,
)
from newsgraph.stages.events.neighbours import TriggerNeighbours
from newsgraph.stages.events.opinion import (
    assertion_about_thing,
    assertion_not_demand,
    concurrence,
    danger,
    fact_as_doer,
    impersonal,
    meaning_not_intent,
    naming,
    nothing_requested,
    view_expressed,
)
from newsgraph.stages.events.recipients import typed_recipient
from newsgraph.stages.events.triggers import Trigger, TriggerLexicon
from newsgraph.stages.events.typer import PloverTyper, typer_features

LIGHT_VERBS = frozenset(
    {
        "carry",
        "conduct",
        "launch",
        "stage",
        "hold",
        "mount",
        "wage",
        "perpetrate",
        "undertake",
        "organize",
        "organise",
        "begin",
        "start",
        "continue",
        "make",
        "pay",
        "reach",
        "issue",
        "file",
        "lodge",
        "declare",
        "resume",
        "reiterate",
        "repeat",
        "renew",
        "unleash",
        "commit",
        "execute",
        "claim",
        "announce",
        "unveil",
        "impose",
        "sign",
        "open",
        "step",
        "lead",
        "go",
        "join",
        "call",
    }
)
# Verbs whose subject being an event noun makes that noun an event ("an attack killed …").
IMPACT_VERBS = frozenset(
    {
        "kill",
        "wound",
        "injure",
        "hit",
        "destroy",
        "damage",
        "leave",
        "claim",
        "occur",
        "happen",
        "erupt",
        "rock",
        "shake",
        "target",
        "take",
        "break",
        "flare",
        "continue",
        "come",
        "follow",
        "cause",
        "trigger",
        "spark",
        "end",
    }
)
# Verbs that report the toll of an attack rather than a second act: "attacked a checkpoint,
# killing 12", "seven were wounded when a grenade exploded", "killed and injured".
CASUALTY_VERBS = frozenset({"kill", "wound", "injure", "die", "hurt", "maim", "leave"})
# Words after "leave" that make it a toll ("left seven people dead"), not a departure.
_TOLL_WORDS = frozenset({"dead", "injured", "wounded", "killed", "homeless", "hurt"})
_LIMITS = frozenset(
    {
        "restriction",
        "restrictions",
        "curfew",
        "ban",
        "emergency",
        "sanction",
        "sanctions",
        "measure",
        "measures",
        "blockade",
        "embargo",
        "controls",
    }
)
_PROTEST_ACTS = frozenset({"strike", "protest", "boycott", "demonstration", "march", "sit-in"})
_PASSAGES = frozenset(
    {
        "road",
        "roads",
        "street",
        "streets",
        "bridge",
        "highway",
        "route",
        "traffic",
        "transport",
        "railway",
        "roadway",
        "entrance",
        "junction",
    }
)
_PERSONNEL = frozenset(
    {
        "ambassador",
        "envoy",
        "diplomat",
        "diplomats",
        "inspector",
        "inspectors",
        "staff",
        "monitor",
        "monitors",
        "observer",
        "observers",
        "personnel",
        "worker",
        "workers",
    }
)
_TROOPS = frozenset({"troop", "troops", "army", "reservist", "reservists", "soldier", "soldiers"})
# Ground and the armed groups that hold it.
_GROUND = frozenset(
    {"town", "towns", "city", "village", "villages", "area", "areas", "territory", "control"}
    | {"district", "base", "position", "positions", "stronghold", "strongholds", "region"}
    | {"militants", "terrorists", "rebels", "fighters", "insurgents", "jihadists", "militia"}
)
_TIES = frozenset(
    {
        "aid",
        "supply",
        "supplies",
        "assistance",
        "loan",
        "loans",
        "link",
        "links",
        "tie",
        "ties",
        "relation",
        "relations",
        "delivery",
        "deliveries",
        "shipment",
        "shipments",
        "funding",
        "cooperation",
    }
)
# Goods whose delivery is humanitarian or material aid.
_RELIEF = frozenset(
    {"aid", "medicine", "medicines", "food", "supplies", "goods", "relief", "assistance"}
    | {"humanitarian", "medical", "blankets", "tents", "vaccines", "vaccine", "grain", "wheat"}
    | {"rice", "fuel", "donations", "loan", "loans", "grant", "grants", "equipment"}
)
# What a generic verb reports depends on its object; PLOVER's reading wins over the CAMEO
# pattern: (verbs, object words, (type, mode, CAMEO code)), first match wins.
OBJECT_RULES: tuple[tuple[frozenset[str], frozenset[str], tuple[str, str | None, str]], ...] = (
    (
        # Easing a military blockade or siege de-escalates (CAMEO 0872), a RETREAT; easing
        # administrative limits (below) is a CONCEDE.
        frozenset({"ease", "lift", "end", "relax", "loosen", "break"}),
        frozenset({"blockade", "blockades", "siege"}),
        ("RETREAT", None, "0872"),
    ),
    (
        frozenset({"ease", "lift", "cancel", "shorten", "relax", "loosen", "scrap", "revoke"})
        | {"remove"},
        _LIMITS,
        ("CONCEDE", None, "081"),
    ),
    (
        frozenset({"call off", "cancel", "end", "suspend", "halt"}),
        _PROTEST_ACTS,
        ("CONCEDE", None, "083"),
    ),
    (
        frozenset({"accept", "meet", "grant"}),
        frozenset({"demand", "demands"}),
        ("CONCEDE", None, "083"),
    ),
    (frozenset({"block", "barricade"}), _PASSAGES, ("PROTEST", "obstruct", "144")),
    (
        frozenset({"withdraw", "recall", "pull out", "pull"}),
        _PERSONNEL,
        ("SANCTION", "withdraw", "161"),
    ),
    (
        # Expelling envoys, inspectors or monitors cuts relations (CAMEO "EXPEL * DIPLOMAT"
        # → 161, 1663 expel inspectors): a SANCTION, not the deportation of a population.
        frozenset({"expel", "kick out", "throw out"}),
        _PERSONNEL,
        ("SANCTION", "expel", "161"),
    ),
    (frozenset({"mobilize", "mobilise", "call up"}), _TROOPS, ("MOBILIZE", "troops", "152")),
    (
        frozenset({"upgrade", "restore", "normalize", "normalise", "resume", "establish"}),
        frozenset({"ties", "relations"}),
        ("SUPPORT", None, "05"),
    ),
    (
        frozenset({"extend", "tighten", "reimpose", "impose"}),
        frozenset({"curfew"}),
        ("COERCE", "curfew", "1723"),
    ),
    (frozenset({"set"}), frozenset({"fire", "ablaze", "alight"}), ("ASSAULT", "destroy", "1712")),
    (
        frozenset({"drop", "use", "lob", "hurl", "throw", "plant", "detonate"}),
        frozenset({"bomb", "bombs", "grenade", "grenades", "munitions", "chlorine", "sarin"})
        | {"explosive", "explosives", "ied", "ieds", "molotov", "mortar", "mortars", "barrel"},
        ("ASSAULT", None, "190"),
    ),
    (
        frozenset({"deploy", "redeploy", "dispatch", "reinforce", "station", "mass"})
        | {"strengthen", "bolster", "boost", "move"},
        _TROOPS | {"force", "forces", "reinforcements", "tanks", "units"},
        ("MOBILIZE", "troops", "152"),
    ),
    (
        # Taking ground or driving fighters from it is fighting ("retook the town", "drove
        # the militants out of key areas", "inflicted heavy losses on the rebels").
        frozenset({"retake", "regain", "recapture", "liberate", "rout", "dislodge", "drive"})
        | {"push", "inflict", "retook"},  # the parser leaves "retook" as its own lemma
        _GROUND | {"loss", "losses", "casualties", "defeat"},
        ("ASSAULT", None, "190"),
    ),
    (
        frozenset({"close", "shut", "seal"}),
        frozenset({"border", "borders", "embassy", "consulate", "airspace", "crossing"}),
        ("SANCTION", None, "16"),
    ),
    (
        frozenset({"reduce", "cut", "suspend", "halt", "stop", "freeze"}),
        _TIES,
        ("SANCTION", "discontinue", "16"),
    ),
    (
        # Turning down a proposal is a rejection, whatever the proposal is about ("dismissed
        # an appeal to lay down their arms" is not about arms).
        frozenset({"dismiss", "reject", "rebuff", "spurn", "turn down", "brush", "snub"}),
        frozenset({"appeal", "appeals", "call", "calls", "plan", "offer", "offers", "proposal"})
        | {"proposals", "demand", "demands", "request", "requests", "bid", "initiative"}
        | {"overture", "overtures", "ultimatum", "invitation", "plea", "pleas"},
        ("REJECT", None, "12"),
    ),
    (
        # Handing over or shipping relief goods is giving aid ("handed over 700 kg of
        # medicine", "delivered food to the refugees").
        frozenset({"deliver", "send", "ship", "hand", "hand over", "donate", "airlift"})
        | {"distribute", "supply", "provide", "give", "fly"},
        _RELIEF,
        ("AID", None, "07"),
    ),
    (
        # Arms sent to a party are military aid (CAMEO 072), not a mobilisation of one's own.
        frozenset({"deliver", "send", "ship", "supply", "provide", "airlift", "give"}),
        frozenset({"arms", "weapons", "weaponry", "ammunition", "munitions"}),
        ("AID", None, "072"),
    ),
)
_SPEECH_ACTS = frozenset({"REQUEST", "ACCUSE", "REJECT"})
# Cooperative acts whose refusal or failure PLOVER codes as REJECT.
_REFUSABLE = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"})
# "would not", "will not", "cannot": a negated act of will is a refusal, not a mere non-event.
_WILL = frozenset({"will", "would", "wo", "can", "ca", "could", "shall"})
_FAILING = frozenset({"fail", "refuse", "decline"})
_JOINING = frozenset({"participate", "join", "engage"})
_RULE_VERBS = frozenset(v for verbs, _, _ in OBJECT_RULES for v in verbs if " " not in v)
_REFUGE = frozenset({"refuge", "asylum", "sanctuary", "shelter", "protection", "help", "aid"})
# Nouns that make an event noun below them a topic, not a report.
ABOUT_NOUNS = frozenset(
    {
        "anniversary",
        "film",
        "movie",
        "documentary",
        "book",
        "novel",
        "memorial",
        "commemoration",
        "museum",
        "history",
        "song",
        "exhibition",
        "lesson",
        "story",
        "series",
        "game",
        "play",
        "photo",
        "picture",
        "memory",
        "memories",
        "remembrance",
        "tribute",
        "victim",
        "veteran",
        "threat",
        "fear",
        "risk",
        "possibility",
        "prospect",
        "plan",
        "anniversaries",
        "monument",
        "holiday",
        "poem",
        "article",
        "report",
        "study",
        "course",
        "simulation",
        "drill",
    }
)
INSULT_NOUNS = frozenset(
    {
        "traitor",
        "criminal",
        "murderer",
        "terrorist",
        "killer",
        "liar",
        "thief",
        "puppet",
        "mercenary",
        "butcher",
        "war criminal",
        "enemy",
        "tyrant",
        "invader",
        "occupier",
    }
)
# Embedding dependencies: a trigger below another through these is its content.
_EMBED_DEPS = frozenset(
    {
        "xcomp",
        "ccomp",
        "dobj",
        "pobj",
        "prep",
        "acomp",
        "attr",
        "oprd",
        "pcomp",
        "acl",
        "compound",
        "amod",
        "nsubjpass",
        "dative",
        "npadvmod",
        "agent",
        "appos",
        "nmod",
        "advmod",
    }
)
_STRIKE_MILITARY = frozenset(
    {
        "air",
        "drone",
        "missile",
        "rocket",
        "military",
        "artillery",
        "aerial",
        "israeli",
        "us",
        "american",
        "russian",
        "coalition",
    }
)
_STRIKE_LABOUR = frozenset(
    {
        "general",
        "labor",
        "labour",
        "worker",
        "workers",
        "national",
        "teacher",
        "teachers",
        "doctor",
        "doctors",
        "nationwide",
        "union",
        "day",
        "hour",
        "day-long",
        "indefinite",
        "one-day",
        "transport",
    }
)
_COMPOUND_NOUNS = ("air raid", "air strike", "hunger strike", "suicide bombing", "gun battle")
_WEAPON_OBJECTS = frozenset(
    {
        "weapon",
        "arm",
        "ammunition",
        "explosive",
        "bomb",
        "ied",
        "mine",
        "grenade",
        "cache",
        "rifle",
        "pistol",
        "device",
        "missile",
        "rocket",
        "gun",
        "munition",
        "landmine",
        "cartridge",
        "bullet",
    }
)
_WEAPON_FINDING = frozenset(
    {
        "find",
        "discover",
        "recover",
        "intercept",
        "defuse",
        "dismantle",
        "destroy",
        "uncover",
        "seize",
        "confiscate",
        "capture",
        "detonate",
    }
)
# Who detonates a bomb to dispose of it, and how: otherwise detonating is an attack.
_DISPOSERS = frozenset({"police", "army", "squad", "expert", "sapper", "engineer", "troops"})
_DISPOSAL_WORDS = frozenset({"controlled", "safely", "defuse", "defused", "disposal", "squad"})
_PURPOSE_NOUNS = frozenset(
    {
        "purpose",
        "goal",
        "aim",
        "objective",
        "intention",
        "mission",
        "plan",
        "target",
        "demand",
        "desire",
        "wish",
    }
)
# Verbs the CAMEO blocks code by default but that in news are mostly scaffolding around the
# act ("according to", "is expected to", "took steps", "held that").
GENERIC_VERBS = frozenset(
    {
        "accord",
        "expect",
        "rule",
        "link",
        "issue",
        "hold",
        "report",
        "seek",
        "go",
        "take",
        "get",
        "make",
        "continue",
        "decide",
        "plan",
        "dominate",
        "embark",
        "apply",
        "cause",
        "use",
        "come",
        "remain",
        "include",
        "reach",
        "begin",
        "start",
        "become",
        "let",
        "keep",
        "need",
        "want",
        "try",
        "lead",
        "face",
        "show",
        "find",
        "see",
        "look",
        "tell",
        "set",
        "put",
        "bring",
        "base",
        "follow",
        "mark",
        "know",
        "believe",
        "hope",
        "consider",
        "wish",
        "rage",
        "suspect",
        "prevent",
        "avoid",
        "fail",
        "regard",
        "stand",
        "move",
        "spend",
        "raise",
        "gather",
    }
)
# Verbs that report speech: a "must" clause under them is a demand by the speaker.
REPORTING_VERBS = frozenset(
    {
        "say",
        "announce",
        "reiterate",
        "insist",
        "tell",
        "state",
        "declare",
        "add",
        "stress",
        "warn",
        "urge",
        "emphasize",
        "emphasise",
        "write",
        "repeat",
        "remind",
        "argue",
    }
)
# The nouns of those verbs, as a light verb's object with a "that" clause ("issued a reminder
# that …", "made a statement that …").
REPORTING_NOUNS = frozenset(
    {"reminder", "statement", "declaration", "announcement", "warning", "insistence"}
)
_DEMAND_MODALS = frozenset({"must", "should"})
_THREAT_FRAMES = frozenset({"prepare", "ready", "vow", "pledge"})
_GENERIC_HEADS = frozenset({"those", "anyone", "whoever", "anybody", "everyone", "all", "one"})
# Prepositions and nouns that relate an act to another in time or motive: the noun below
# them is an event of its own (or a mention of one), never the content of the act above.
FRAME_PREPS = frozenset(
    {"after", "before", "since", "following", "amid", "during", "until", "despite", "ahead"}
)
FRAME_NOUNS = frozenset(
    {
        "aftermath",
        "wake",
        "response",
        "retaliation",
        "revenge",
        "reaction",
        "run-up",
        "eve",
        "anniversary",
        "part",
    }
)
_REPEATED_MARKERS = frozenset(
    {
        "latest",
        "new",
        "another",
        "fresh",
        "second",
        "third",
        "recent",
        "renewed",
        "further",
        "separate",
        "other",
        "same-day",
    }
)


# Lexicon types of physical acts: a CAMEO object pattern may not turn these verbs into talk.
_PHYSICAL = frozenset({"ASSAULT", "PROTEST"})
_TIME_PARTICLES = frozenset({"back", "off"})
_ENTERING = frozenset({"go", "be", "remain", "stay"})
# Holding a place that protesters, workers or students do as a sit-in ("seized" and "took
# over" say force was used, and stay attacks).
_OCCUPYING = frozenset({"occupy"})
# Verbs of coming together that are a demonstration when protesters do it.
_GATHERING = frozenset({"gather", "assemble", "converge", "congregate", "march", "rally"})
# "released a film / a report / footage": CAMEO's "release" frees people or property; a work
# made public is no event. Judged by WordNet: the object's most frequent sense is a message or
# an idea, or it descends from a depiction or a recording.
_PUBLISHING = frozenset({"release"})
_PUBLICATION_SENSES = frozenset({"noun.communication", "noun.cognition"})
_PUBLICATION_ANCESTORS = frozenset({"representation", "film", "recording", "communication"})
_PROTESTERS = frozenset(
    {"protester", "protestor", "demonstrator", "activist", "marcher", "striker", "crowd"}
    | {"supporter", "student", "worker", "farmer", "people", "thousand", "hundred", "dozen"}
)
_BACKGROUND_MARKS = frozenset({"as", "while", "whilst", "because", "since", "although", "though"})
_DIPLOMATIC_CARRIERS = frozenset({"lodge", "file", "issue", "deliver", "send", "register"})
_RETOLD_TYPES = frozenset({"ASSAULT", "PROTEST"})
# What a work may do for its authors: "a UN report accused the army …", "… demanded …".
_COURTS = frozenset({"court", "tribunal", "jury"})
_WORK_SPEECH = frozenset({"REQUEST", "ACCUSE", "REJECT", "THREATEN"})
# Yielding acts: a firm resuming or halting its trade yields to no one.
_YIELDING = frozenset({"RETREAT", "CONCEDE"})
# Whom one contends with or against.
_OPPONENT_PREPS = frozenset({"with", "against"})
# Types whose doer may be a weapon or a vehicle ("a missile struck …", "tanks moved into …").
_DOERS = frozenset({"ASSAULT", "MOBILIZE"})
# Supersenses of deeds and happenings, which cannot praise, promise or meet.
# What one strives to contain or curb that is no party: an abstraction, a substance, a
# phenomenon ("battling to contain the fallout"; "fought to retake the town" stays force).
_STRIVEN_SENSES = CONTESTED_SENSES | {"noun.substance", "noun.phenomenon"}
_HAPPENINGS = frozenset({"noun.act", "noun.event"})
# Cooperation that a purchase may be coded as.
_TRADABLE = frozenset({"COOPERATE", "AGREE"})
# Material cooperation and aid, which need a party to receive them.
_MATERIAL_HELP = frozenset({"COOPERATE", "AID"})
# WordNet's hypernyms of contending verbs ("fight", "battle", "combat", "attack"; "struggle").
_CONTENDING = frozenset({"contend", "try"})
_STOP_WORDS = frozenset({"the", "a", "an", "of", "and", "in", "on", "at", "its", "their", "his"})
# What a show may be the object of: praise, blame, hosting it (or the promise to), a
# postponement; none is an event.
_SHOW_KINDS = frozenset({"SUPPORT", "ACCUSE", "CONSULT", "REJECT", "AGREE", "SANCTION"})
# What praise or blame of a thing or of the weather is coded as.
_OPINION_KINDS = frozenset({"SUPPORT", "ACCUSE"})
# How CAMEO codes approving something (080 a yielding, or an agreement).
_APPROVAL_KINDS = frozenset({"RETREAT", "AGREE", "SUPPORT", "CONCEDE"})
# What a ban or an expulsion is coded as, which an institution may impose on its own ground.
_RULE_KINDS = frozenset({"COERCE", "SANCTION"})
# Verbs of arrest, which police use on athletes as on anyone.
_ARRESTING = frozenset({"arrest", "detain", "jail", "imprison", "hold", "apprehend"})
# How CAMEO codes talking about or studying an act: a consultation, an inquiry.
_TALK_KINDS = frozenset({"CONSULT", "ACCUSE"})
# How CAMEO codes training someone: an intent to cooperate, or cooperation itself.
_TRAINING_KINDS = frozenset({"AGREE", "COOPERATE"})


@dataclass
class Candidate:
    """An event before it becomes a record: trigger, coding, arguments, flags."""

    trigger: Token
    span: Span
    type: str
    mode: list[str]
    code: str
    actor: Argument
    recipient: Argument
    flags: Flags
    carrier: Token | None = None
    confidence: float = 0.7
    absorbed: list[Token] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    mention_only: bool = False  # a reference to an act that is reported elsewhere, if at all
    features: list[str] = field(default_factory=list)  # what the learned re-typer read

    @property
    def anchor(self) -> Token:
        """The predicate the event's time and place hang off (the light verb if any)."""
        return self.carrier if self.carrier is not None else self.trigger


@dataclass
class _Hit:
    token: Token
    trigger: Trigger
    type: str
    mode: str | None
    code: str
    span: Span


class Detector:
    """Rule-based event detection over a parsed Doc, driven by the trigger lexicon."""

    def __init__(
        self,
        lexicon: TriggerLexicon,
        keep_irrealis: bool = False,
        typer: PloverTyper | None = None,
        neighbours: TriggerNeighbours | None = None,
    ) -> None:
        self.lexicon = lexicon
        self.neighbours = neighbours
        self.keep_irrealis = keep_irrealis
        self.typer = typer
        self.event_nouns = frozenset(lexicon.nouns)

    def __call__(self, doc: Doc) -> list[Candidate]:
        found: list[Candidate] = []
        for sent in doc.sents:
            found.extend(self._sentence(sent))
        return merge_mentions(found)

    # -- step 1: triggers ------------------------------------------------------------------

    def _hits(self, sent: Span) -> dict[int, _Hit]:
        hits: dict[int, _Hit] = {}
        for token in sent:
            if month_name(token):
                continue  # "scheduled to begin in March": a date, not a march
            hit = self._verb_hit(token) if token.pos_ == "VERB" else None
            if hit is None and token.pos_ in {"NOUN", "PROPN"}:
                hit = self._noun_hit(token)
            if hit is not None:
                hits[token.i] = hit
        return hits

    def _verb_hit(self, token: Token) -> _Hit | None:
        if token.dep_ == "amod" or _generic(token):
            return None  # "occupying forces", "those who defend …": descriptions, not reports
        lemma = token.lemma_.lower()
        if lemma in GENERIC_VERBS:
            return self._generic_hit(token, lemma)
        trigger = None
        particles = [c.lower_ for c in token.children if c.dep_ == "prt"]
        for particle in particles:
            trigger = self.lexicon.phrasal.get((lemma, particle))
        # The tagger often takes the particle for an adverb ("pushes back the launch").
        particles += [c.lower_ for c in token.children if c.dep_ == "advmod" and c.i == token.i + 1]
        if trigger is None:
            trigger = self.lexicon.verbs.get(lemma)
        if trigger is None and lemma in _RULE_VERBS:
            trigger = Trigger(lemma, "---", None, None, "VERB")  # coded by its object alone
        if trigger is None and self.neighbours is not None:
            trigger = self.neighbours.lookup(lemma)  # a verb the lexicon lacks, by its kin
        if trigger is None:
            return None
        before = {t.lower_ for t in token.lefts for t in t.subtree}
        after: set[str] = set()
        # A verb with no event of its own ("say", "pass") is coded only by its direct object
        # and prepositions, never by the clause it reports.
        shallow = trigger.type is None
        for child in token.rights:
            if child.dep_ in {"punct", "cc", "conj", "advcl", "relcl", "ccomp", "parataxis"}:
                continue
            if shallow and child.dep_ not in {"dobj", "prt", "prep", "dative", "attr"}:
                continue
            if shallow:
                # the object and its own words, through "of" ("a state of emergency")
                words = [child, *child.children]
                words.extend(o for c in child.children if c.lower_ == "of" for o in c.children)
            else:
                words = list(child.subtree)
            for t in words:
                after.add(t.lower_)
                after.add(t.lemma_.lower())
        if trigger.code.startswith("01"):
            return None  # reporting verbs carry attribution, not events
        kind, mode, code = self.lexicon.refine(trigger, before, after)
        if kind is None and lemma == "die":
            # CAMEO's "DIE OF *" makes every "died of" a natural death; whether the clause
            # names violence ("died of his wounds") is decided below, as for any death
            kind, mode, code = trigger.type, trigger.mode, trigger.code
        if trigger.type in _PHYSICAL and kind is not None and QUAD.get(kind, 0) in {1, 3}:
            # "attacked government forces", "marched in the capital": CAMEO's patterns for
            # verbal attacks and rallies of support fire on words that merely modify the
            # target; a verb of physical attack or protest keeps its physical reading.
            kind, mode, code = trigger.type, trigger.mode, trigger.code
        if lemma == "leave" and after & _TOLL_WORDS:
            kind, mode, code = "ASSAULT", None, "190"
        phrase = lemma if trigger.lemma == lemma else trigger.lemma
        # A passive verb's object is its subject ("forces were dispatched").
        # Forms and lemmas alike ("234 pistols … were captured"), as ``after`` holds both.
        before_words = before | {t.lemma_.lower() for t in token.lefts for t in t.subtree}
        objects_seen = after | before_words if passive(token) else after
        for verbs, objects, coding in OBJECT_RULES:
            if phrase in verbs and objects_seen & objects:
                kind, mode, code = coding
                break
        if lemma in _GATHERING and _subject_lemmas(token) & _PROTESTERS:
            kind, mode, code = "PROTEST", "demo", "141"  # "protesters gathered at the square"
        if lemma in _OCCUPYING and _subject_lemmas(token) & _PROTESTERS:
            kind, mode, code = "PROTEST", "obstruct", "144"  # "workers occupied the factory"
        if (
            lemma in _WEAPON_FINDING
            and (after | before_words) & _WEAPON_OBJECTS
            and (lemma != "detonate" or _disposal(token, after | before_words))
        ):
            kind, mode, code = "COERCE", "seize", "171"
        if kind == "ASSAULT" and cyber_attack(token):
            kind, mode, code = "COERCE", "cyber", "176"  # "hackers attacked the servers"
        if kind == "ASSAULT" and criticism(token, self.event_nouns):
            kind, mode, code = "ACCUSE", "disapprove", "111"  # "blasted the decision"
        if kind == "COERCE" and mode == "deport" and removed_thing(token):
            return None  # "the surgeon removed a tumour": no one is deported
        if kind == "COERCE" and mode == "seize" and nothing_taken(token):
            return None  # "after a lorry overturned": nothing is seized
        if kind is None or (lemma in _PUBLISHING and _publication(token, passive(token))):
            return None
        if trigger.lemma == lemma and _rescheduled(kind, particles):
            return None  # "pushes back the launch": a postponement, not a demand
        if self._mere_mention(token, kind, mode):
            return None
        if mode != "cyber" and self._commerce(token):
            return None  # a hacker is a golfer first in WordNet: a cyber attack is no game
        if self._pastime(token, kind):
            return None
        if kind == "ASSAULT" and (not_violence(token) or self._no_force(token)):
            return None
        if kind == "ASSAULT" and (natural_harm(token) or peaceful_death(token, self.event_nouns)):
            return None  # a plague that kills, a death with no violence (nature.py)
        if state_of_mind(token, kind) or aimless_trip(token, kind):
            return None  # "I think", "police arrived on the floor": no meeting (nature.py)
        if feeling(token):
            return None  # "felt ostracized": a feeling, not the act (nature.py)
        if joined_no_meeting(token, kind, self.event_nouns):
            return None  # "he was joined by three officers": company, no meeting (nature.py)
        if as_preposition(token) or helper_verb(token, kind):
            return None  # "given the state of …", "helps explain" (auxiliary.py)
        if assertion_about_thing(token, kind) or naming(token, kind):
            return None  # "argued that the shooting was an accident", "I call it …" (opinion.py)
        if nothing_requested(token, kind) or concurrence(token, kind):
            return None  # '"Why not?" he asked', "agreed with the statement" (opinion.py)
        if fact_as_doer(token, kind):
            return None  # "This contradicted the chief's statement": a fact (opinion.py)
        if view_expressed(token, kind):
            return None  # "expressed nuanced views on immigration": a view (opinion.py)
        if assertion_not_demand(token, kind):
            return None  # "insisted the deal went further": a statement (opinion.py)
        if caught_illness(token, kind):
            return None  # "people are catching the disease" (nature.py)
        if thing_changed(token, kind, code):
            return None  # "filled the empty seat": a thing changed yields to no one (agency.py)
        if token.dep_ == "xcomp" and _contending(token.head) and self._striving(token.head):
            return None  # "battling to contain the fallout": the striving's aim, no act
        return _Hit(token, trigger, kind, mode, code, token.doc[token.i : token.i + 1])

    def _mere_mention(self, token: Token, kind: str, mode: str | None) -> bool:
        """A verb that only names an act (see :mod:`.mentions`): it remembers the act or its
        victims, unveils a memorial, is what a story tells, or has a work as its subject that
        does not speak for its authors ("the report examines …", "the podcast discusses …"; a
        report may still accuse or demand)."""
        if remembrance(token, self.event_nouns) or displayed(token):
            return True
        if told_in(token, ABOUT_NOUNS):
            return True  # "the story about how Cain killed his brother"
        speech = kind in _WORK_SPEECH and not (kind == "ACCUSE" and mode == "investigate")
        return not speech and work_subject(token)

    def _aim(self, pred: Token) -> bool:
        """An infinitive naming an aim, an ability, a chance or a need ("a plan to assemble
        the planes", :func:`.flags.aim_noun`), on a noun that is no event itself ("a threat to
        strike" is the threat's own)."""
        noun = aim_noun(pred)
        return noun is not None and noun.lemma_.lower() not in self.event_nouns

    def _no_crowd(self, actor: Token) -> bool:
        """Whether a protest's doer is a thing, a happening, an idea or a message that is no
        protest itself ("a landslide", "a fallen tree", "the proposition provoked a storm",
        "that question has bothered many"; not "the protests", "the strike", "Workers"): a
        protest needs people on their feet (CODEBOOKS.md)."""
        if actor.lemma_.lower() in self.event_nouns or actor.pos_ != "NOUN":
            return False
        sense = first_sense(actor)
        if sense in THING_SENSES | _HAPPENINGS | {"noun.phenomenon"}:
            return True
        return abstract(actor, CONTESTED_SENSES)

    @staticmethod
    def _discipline(token: Token) -> bool:
        """A ban, suspension or fine of a contestant that is no arrest (:mod:`.leisure`)."""
        return token.lemma_.lower() not in _ARRESTING and sport_discipline(token)

    def _topic_verb(self, verb: Token) -> bool:
        """Whether what the verb governs is a topic: a work's or a remembrance's
        (:mod:`.mentions`), or an act talked about or studied ("lawmakers debated the US
        bombing of the base", :mod:`.leisure`)."""
        return topic_verb(verb, self.event_nouns) or talked_about(verb, self.event_nouns)

    def _commerce(self, token: Token) -> bool:
        """An act of a firm or a household in political words (see :mod:`.commerce`): hiring
        or firing staff, a takeover or a merger, a label ("billed as"), a delayed thing,
        merged units, a paid debt, an act on a promotion, a game."""
        return (
            employment(token)
            or commercial_deal(token)
            or described_as(token)
            or routine_delay(token, self.event_nouns)
            or reorganisation(token)
            or settled_obligation(token)
            or promotion(token)
            or sporting(token)
            or left_game(token)
        )

    def _pastime(self, token: Token, kind: str) -> bool:
        """Sport, culture, science or training in the words of force or diplomacy (see
        :mod:`.leisure`): an opinion of a show or hosting one, a game won, force on an
        abstraction, a picture made, people trained who bear no arms, an act talked about."""
        if kind in _SHOW_KINDS and opinion_of_show(token):
            return True
        if kind in _OPINION_KINDS and opinion_of_thing(token):
            return True  # "farmers welcomed the rain", "praised the new phone"
        if kind == "REJECT" and rejected_thing(token):
            return True  # "voters rejected the new library in a referendum"
        if kind in _APPROVAL_KINDS and project_approved(token):
            return True  # "the council approved funding for a new stadium"
        if kind == "CONSULT" and place_visited(token):
            return True  # "the prime minister visited the flooded areas"
        if kind in _RULE_KINDS and house_rule(token):
            return True  # "the hospital banned visitors": an institution's own rule
        if signed_thing(token, self.event_nouns) or inauguration(token):
            return True  # "the author signed copies of her book", "opened the new bridge"
        if kind in _RULE_KINDS | {"RETREAT"} and self._discipline(token):
            return True  # "the athlete was banned for doping"
        if kind == "ASSAULT":
            return leisure_force(token, self.event_nouns) or figurative_force(
                token, self.event_nouns
            )
        if kind in _TRAINING_KINDS and civilian_training(token):
            return True
        return kind in _TALK_KINDS and talked_about(token, self.event_nouns)

    def _no_force(self, token: Token) -> bool:
        """A verb of force that harms no one (see :mod:`.agency`): striving ("is fighting to
        stem off a crash"), a contest with an abstraction ("struggling with poor
        profitability"), harm by an abstraction ("hit by the new tariffs", "hardest hit"), or
        an accident of things ("the left winglet struck the side of the hangar")."""
        if self._striving(token):
            return True
        doer, target = doer_and_done_to(token)
        opponents = [target, *prep_objects(token, _OPPONENT_PREPS)]
        members = [m for o in opponents if o is not None for m in (o, *o.conjuncts)]
        contest = _contending(token)
        abstracts = any(
            abstract(m, CONTESTED_SENSES) or natural_force(m) or natural_cause(m) for m in members
        )
        if contest and abstracts and not any(map(victim, members)):
            return True  # "struggling with falling sales and rising costs"
        violent = doer is not None and (
            doer.lemma_.lower() in self.event_nouns or weapon(doer) or victim(doer)
        )
        abstract_doer = doer is not None and not violent and abstract(doer, CONTESTED_SENSES)
        return abstract_doer or harmless_blow(token, self.event_nouns)

    def _striving(self, token: Token) -> bool:
        """Whether a verb of fighting takes an infinitive of purpose and no opponent ("the
        government is fighting to stem off a crash"): striving, unless the purpose is itself
        an act of force ("fought to retake the town")."""
        if any(c.dep_ == "dobj" for c in token.children):
            return False
        for clause in token.children:
            if clause.dep_ != "xcomp" or not any(c.lower_ == "to" for c in clause.children):
                continue
            purpose = self.lexicon.verbs.get(clause.lemma_.lower())
            if purpose is None or QUAD.get(purpose.type or "", 0) != 4:
                return True
            aim = dep_child(clause, "dobj")  # "battling to contain the fallout"
            return aim is not None and first_sense(aim) in _STRIVEN_SENSES and not weapon(aim)
        return False

    @staticmethod
    def _generic_hit(token: Token, lemma: str) -> _Hit | None:
        """The few readings of a generic verb that are events by their arguments alone:
        finding weapons ("a bomb has been found", "explosives were discovered") disrupts their
        use, and taking to the streets is a demonstration."""
        coding: tuple[str, str, str] | None = None
        if lemma in _WEAPON_FINDING and _argument_lemmas(token) & _WEAPON_OBJECTS:
            coding = ("COERCE", "seize", "171")
        elif lemma == "take" and _argument_lemmas(token) & {"street", "streets"}:
            coding = ("PROTEST", "demo", "141")
        elif lemma == "seek" and _argument_lemmas(token) & _REFUGE:
            coding = ("REQUEST", "assist", "023")  # "sought refuge in Germany"
        if coding is None:
            return None
        kind, mode, code = coding
        trigger = Trigger(lemma, code, kind, mode, "VERB")
        return _Hit(token, trigger, kind, mode, code, token.doc[token.i : token.i + 1])

    def _noun_hit(self, token: Token) -> _Hit | None:
        lemma = token.lemma_.lower()
        lower = token.lower_
        for child in token.children:
            if child.dep_ in {"compound", "amod"} and child.i == token.i - 1:
                phrase = f"{child.lower_} {lemma}"
                if phrase in _COMPOUND_NOUNS and phrase in self.lexicon.nouns:
                    return self._noun(token, self.lexicon.nouns[phrase], child.i)
        trigger = self.lexicon.nouns.get(lower) or self.lexicon.nouns.get(lemma)
        if trigger is None:
            return None
        if trigger.type == "ASSAULT" and figurative_attack(token):
            return None  # "launched an attack on inflation"
        if trigger.type is not None and danger(token, trigger.type):
            return None  # "Iran's growing threat": a danger, no threat made (opinion.py)
        if lemma == "strike":
            mods = {c.lower_ for c in token.children if c.dep_ in {"compound", "amod", "poss"}}
            if mods & _STRIKE_LABOUR or not (
                mods & _STRIKE_MILITARY or token.head.lemma_ in {"launch", "carry", "conduct"}
            ):
                trigger = self.lexicon.nouns.get("walkout", trigger)
        return self._noun(token, trigger, token.i)

    @staticmethod
    def _noun(token: Token, trigger: Trigger, start: int) -> _Hit | None:
        if trigger.type is None:
            return None
        span = token.doc[min(start, token.i) : token.i + 1]
        return _Hit(token, trigger, trigger.type, trigger.mode, trigger.code, span)

    # -- steps 2-5 ----------------------------------------------------------------------------

    def _sentence(self, sent: Span) -> list[Candidate]:
        hits = self._hits(sent)
        if not hits:
            return self._copular_accusations(sent)
        carriers = self._carriers(hits)
        # Light verbs that carry a noun event are not events of their own.
        for verb in carriers.values():
            hits.pop(verb.i, None)
        parents = {i: self._parent(hits[i].token, hits, carriers) for i in hits}
        roots = [i for i in hits if parents[i] is None]
        candidates: list[Candidate] = []
        for i in sorted(roots):
            hit = hits[i]
            anchor = carriers.get(i, hit.token)
            if _background(anchor) or _in_description(anchor) or _in_circumstance(anchor):
                continue
            reference = hit.token.pos_ in {"NOUN", "PROPN"} and not self._noun_reports(
                hit.token, carriers.get(i)
            )
            children = [hits[j] for j in hits if self._root_of(j, parents) == i and j != i]
            candidate = self._build(hit, children, carriers.get(i))
            if candidate is not None and _prior_talk(carriers.get(i, hit.token), candidate):
                continue
            if candidate is not None:
                candidate.mention_only = reference
                candidates.append(candidate)
        candidates.extend(self._copular_accusations(sent))
        return candidates

    @staticmethod
    def _root_of(i: int, parents: dict[int, int | None]) -> int:
        seen = {i}
        while parents.get(i) is not None:
            parent = parents[i]
            assert parent is not None
            if parent in seen:
                break
            seen.add(parent)
            i = parent
        return i

    @staticmethod
    def _carriers(hits: dict[int, _Hit]) -> dict[int, Token]:
        """Noun triggers carried by a light verb: noun index -> verb."""
        carriers: dict[int, Token] = {}
        for i, hit in hits.items():
            token = hit.token
            if token.pos_ not in {"NOUN", "PROPN"}:
                continue
            head = token.head
            if token.dep_ == "conj":
                head = token.head.head if token.head.dep_ in {"dobj", "nsubjpass"} else head
            if token.dep_ == "compound" and head.dep_ in {"dobj", "nsubjpass", "attr"}:
                # "undertook a mediation mission", "launched a bombing campaign": the event
                # noun modifies the light verb's object.
                token, head = head, head.head
            light = _verb_base(head) in LIGHT_VERBS or (
                head.i in hits and hits[head.i].trigger.lemma in LIGHT_VERBS
            )
            carried = token.dep_ in {"dobj", "nsubjpass", "conj", "attr"}
            # "called off the strike" cancels it: a verb with "off" carries no event noun.
            light = light and not any(c.dep_ == "prt" and c.lower_ == "off" for c in head.children)
            if carried and light and head.pos_ in {"VERB", "AUX"}:
                carriers[i] = head
        return carriers

    @staticmethod
    def _parent(token: Token, hits: dict[int, _Hit], carriers: dict[int, Token]) -> int | None:
        """The trigger this one is embedded in (None: it heads its own event)."""
        toll = _toll_of(token, hits)
        if toll is not None:
            return toll
        content = _stated_content(token, hits)
        if content is not None:
            return content
        current = token
        if token.i in carriers:
            current = carriers[token.i]
        for _ in range(8):
            purpose = current.dep_ == "advcl" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in current.children
            )
            if (
                current.dep_ in {"conj", "ROOT", "relcl", "parataxis", "advcl"} and not purpose
            ) or current.head is current:
                return None
            if current.dep_ not in _EMBED_DEPS and current.dep_ != "nsubj" and not purpose:
                return None
            if current.dep_ == "ccomp" and _semicolon_between(current, current.head):
                return None  # "Italy invaded France; days later France surrendered": two acts
            if current.dep_ == "nsubj":
                # "an attack killed 5": the noun subject is the event of an impact verb.
                head = current.head
                if head.i in hits and hits[head.i].token.pos_ == "VERB" and token.pos_ != "VERB":
                    return head.i
                return None
            current = current.head
            if current.lower_ in FRAME_PREPS or (
                current.lemma_.lower() in FRAME_NOUNS and current.head.lower_ in {"in", "as"}
            ):
                return None
            if current.i in hits and current.i != token.i:
                carried = [n for n, v in carriers.items() if v.i == current.i]
                if carried and carried[0] != token.i:
                    return carried[0]
                return current.i
            for noun_i, verb in carriers.items():
                if verb.i == current.i and noun_i != token.i:
                    return noun_i
        return None

    def _noun_reports(self, token: Token, carrier: Token | None) -> bool:
        """Whether a noun trigger with no governing trigger reports an event."""
        current = token
        for _ in range(6):
            head = current.head
            if head is current:
                break
            if topic_head(head, ABOUT_NOUNS):
                return False
            if current.dep_ in TOPIC_DEPS and self._topic_verb(head):
                return False  # "the film depicts the bombing", "commemorated the massacre"
            current = head
        if carrier is not None:
            return True
        if _time_reference(token):
            return False
        if token.dep_ in {"nsubj", "nsubjpass"} and token.head.lemma_.lower() in IMPACT_VERBS:
            return True
        if token.dep_ == "pobj" and token.head.lower_ in {"in", "by", "during", "of", "from"}:
            governor = token.head.head
            if governor.lemma_.lower() in {"result", "consequence"} and governor.dep_ == "pobj":
                governor = governor.head.head  # "died as a result of torture"
            if governor.lemma_.lower() in CASUALTY_VERBS:
                return True  # "soldiers were injured in a grenade explosion": the toll reports it
        if (
            token.dep_ == "pobj"
            and token.head.lower_ == "in"
            and token.head.head.lemma_.lower() in _JOINING
        ):
            return True  # "hundreds of demonstrators participated in a march"
        if _state_of(token):
            return True  # "the pilots went on strike", "workers are on strike"
        if any(c.dep_ in {"poss"} or c.ent_type_ in {"GPE", "NORP", "ORG"} for c in token.children):
            return True
        if any(c.dep_ == "prep" and c.lower_ in {"against", "on", "by"} for c in token.children):
            return True
        return token.dep_ == "ROOT"

    def _build(self, hit: _Hit, children: list[_Hit], carrier: Token | None) -> Candidate | None:
        token = hit.token
        if token.pos_ == "VERB":
            actor, recipient = verb_arguments(token)
        else:
            actor, recipient = noun_arguments(token, carrier)
        governor = _governor(carrier if carrier is not None else token)
        flags = event_flags(carrier if carrier is not None else token, governor)
        if _purpose(governor) or self._aim(carrier or token):
            flags.hypothetical = True
        kind, mode, code = hit.type, hit.mode, hit.code
        if meaning_not_intent(token, kind):
            return None  # "what the word means", "were meant to give": nor what they govern
        if kind == "CONSULT" and actor.heads and _judicial(actor.heads[0]):
            return None  # "the court will hear the case": a proceeding, not a consultation
        if _attempted(governor) and QUAD.get(kind, 0) != 4:
            # An attempted attack, arrest or seizure is coded as the act (CAMEO and ACLED both
            # code attempts at force); an attempt to talk or agree is not yet the talk.
            flags.hypothetical = True
        if (
            kind == "PROTEST"
            and carrier is not None
            and carrier.lemma_.lower() in _DIPLOMATIC_CARRIERS
        ):
            # "lodged an official protest with Albania": a diplomatic protest is verbal.
            kind, mode, code = "ACCUSE", "disapprove", "111"
        embedded = _embedded(children)
        words = _event_words(token, carrier, children)
        modes = self._modes(kind, mode, words, embedded)
        if kind == "ASSAULT" and len(actor.heads) > 1:
            modes = mode_rules.coordinated_instruments(
                (h.lemma_.lower() for h in actor.heads), modes
            )
        if kind == "ASSAULT" and token.pos_ == "VERB":
            victim = next((c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}), None)
            victim_lemma = None if victim is None else victim.lemma_.lower()
            modes = mode_rules.leader_killing(token.lemma_.lower(), victim_lemma, modes)
        if (
            token.lemma_.lower() in _THREAT_FRAMES
            and embedded is not None
            and QUAD.get(embedded[0], 0) >= 3
        ):
            kind = "THREATEN"
            modes = mode_rules.threaten_mode(words, embedded)
        if flags.future and not flags.negated and kind not in {"AGREE", "THREATEN"}:
            if QUAD.get(kind, 0) in {1, 2}:
                kind, modes = "AGREE", []
            elif QUAD.get(kind, 0) == 4:
                modes = mode_rules.threaten_mode(words, (kind, modes[0] if modes else None))
                kind = "THREATEN"
        if conditional_consequence(carrier or token, threat=kind == "THREATEN"):
            flags.hypothetical = True  # "would oppose the plan if …": a condition (flags.py)
        if flags.negated and kind in _REFUSABLE and _refusal(carrier or token):
            # "would not meet the demands", "failed to reach agreement": PLOVER codes a
            # refused or failed act of cooperation as a rejection that did happen.
            modes = mode_rules.ask_mode(words, (kind, None)) or []
            kind, flags.negated, flags.future = "REJECT", False, False
        if kind == "THREATEN" and not children and _statement_warning(token, self.event_nouns):
            return None  # "cautioned that no deadline had been set": a statement, no threat
        demand = _reported_demand(token if carrier is None else carrier)
        if demand is not None and self._protest_slogan(demand[1]):
            return None  # "staged rallies, saying he must resign": the rally's demand
        if demand is not None:
            speaker, reporting = demand
            embedded_act = (kind, modes[0] if modes else None)
            modes = mode_rules.ask_mode(words, embedded_act)
            kind, recipient, actor = "REQUEST", actor, argument(speaker)
            if speaker is not None and speaker in recipient.heads:
                # "X reminded Iraq that it must …": "it" is the addressee, not the speaker
                addressee = _addressee(reporting)
                recipient = argument(addressee) if addressee is not None else Argument()
            flags.hypothetical = False
        feats = typer_features(
            token,
            carrier,
            kind,
            hit.type,
            code,
            [c.type for c in children],
            [name for name, on in vars(flags).items() if on],
        )
        if self.typer is not None:
            decided = self.typer.decide(feats, kind)
            if decided is None:
                return None  # the model reads it as no event of its own
            if decided != kind:
                same = decided == hit.type
                modes = self._modes(decided, mode if same else None, words, embedded)
                kind = decided
        if (flags.negated or flags.hypothetical) and not self.keep_irrealis:
            return None
        state = actor.heads and actor.heads[0].ent_type_ in {"GPE", "NORP"}
        if kind in _TRADABLE and not state and trade(carrier or token, self.event_nouns):
            return None  # "Fiat bought a twenty percent stake in Chrysler": a purchase
        if QUAD.get(kind) == 1 and actor.heads and first_sense(actor.heads[0]) in _HAPPENINGS:
            return None  # "inspired by the work it has done": a deed is no speaker
        if kind == "PROTEST" and actor.heads and self._no_crowd(actor.heads[0]):
            return None  # "a landslide blocked the main road": only people protest
        if actor.heads and natural_force(actor.heads[0]):
            return None  # "heavy snow forced the closure of the airport": nature is no party
        if kind != "ASSAULT" and recipient.heads and animal(recipient.heads[0]):
            return None  # "rescued a cat", "pardoned the turkey": an animal is no party
        if kind not in _DOERS and actor.heads and no_party(actor.heads[0]):
            return None  # "a second A380 is travelling to the U.S.": a machine is no party
        if kind not in _DOERS and actor.heads and property_of_thing(actor.heads[0], token):
            return None  # "the new model ensures better safety": a thing, not a party
        if kind == "CONSULT" and actor.heads and actor.heads[0].lemma_.lower() in FACILITIES:
            return None  # "the airbase that hosts US troops" is not a visit
        if kind in _YIELDING and actor.heads and _commercial(actor.heads[0]):
            return None  # "the airline resumed flights": trade, not a concession to anyone
        if kind in {"THREATEN", "ACCUSE", "REQUEST", "REJECT", "AGREE"} and not recipient.heads:
            recipient = _embedded_recipient(carrier or token, kind)
        if kind in {"THREATEN", "ACCUSE", "REQUEST", "REJECT"} and not recipient.heads:
            recipient = _deep_target(token)
        recipient = typed_recipient(kind, token, carrier, recipient, actor)
        if kind in _MATERIAL_HELP and recipient.heads and not any(map(_helpable, recipient.heads)):
            return None  # "gave contradictory explanations": help goes to a party (CODEBOOKS.md)
        confidence = 0.75 if token.pos_ == "VERB" else 0.65
        return Candidate(
            trigger=token,
            span=hit.span,
            type=kind,
            mode=modes,
            code=code,
            actor=actor,
            recipient=recipient,
            flags=flags,
            carrier=carrier,
            confidence=confidence,
            absorbed=[c.token for c in children],
            mentions=[hit.span],
            features=feats,
        )

    def _protest_slogan(self, reporting: Token) -> bool:
        """Whether a reporting verb is a participial adjunct of a protest ("marched, saying
        …", "staged rallies, saying …"): what it says is the protest's demand, coded once."""
        if reporting.dep_ != "advcl" or reporting.tag_ != "VBG":
            return False
        head = reporting.head
        for token in [head, *(c for c in head.children if c.dep_ in {"dobj", "nsubj"})]:
            lemma = token.lemma_.lower()
            trigger = self.lexicon.nouns.get(lemma) or self.lexicon.verbs.get(lemma)
            if trigger is not None and trigger.type == "PROTEST":
                return True
        return False

    @staticmethod
    def _modes(
        kind: str, mode: str | None, words: frozenset[str], embedded: tuple[str, str | None] | None
    ) -> list[str]:
        if kind == "ASSAULT":
            return mode_rules.assault_modes(words, mode)
        if kind == "PROTEST":
            return mode_rules.protest_modes(words, mode)
        if kind == "COERCE":
            return mode_rules.coerce_modes(words, mode)
        if kind == "THREATEN":
            return mode_rules.threaten_mode(words, embedded) or ([mode] if mode else [])
        if kind in {"REQUEST", "REJECT"}:
            return mode_rules.ask_mode(words, embedded) or ([mode] if mode else [])
        return [mode] if mode else []

    def _copular_accusations(self, sent: Span) -> list[Candidate]:
        """ "Traitors and criminals are those who …": labelling someone is an accusation."""
        found: list[Candidate] = []
        for token in sent:
            if token.lemma_ != "be" or token.pos_ not in {"AUX", "VERB"}:
                continue
            subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
            attr = next((c for c in token.children if c.dep_ in {"attr", "acomp"}), None)
            if subject is None or attr is None:
                continue
            for label, target in ((subject, attr), (attr, subject)):
                if label.lemma_.lower() in INSULT_NOUNS and label.pos_ == "NOUN":
                    governor = _governor(token)
                    flags = event_flags(token, governor)
                    if flags.negated or flags.hypothetical:
                        break
                    actor = Argument()
                    speaker = inherited_subject(token)
                    if speaker is not None:
                        actor = argument(speaker)
                    recipient = Argument([target], _np(target, keep_clauses=True))
                    span = sent.doc[label.i : label.i + 1]
                    found.append(
                        Candidate(
                            label,
                            span,
                            "ACCUSE",
                            ["disapprove"],
                            "111",
                            actor,
                            recipient,
                            flags,
                            None,
                            0.6,
                            [],
                            [span],
                        )
                    )
                    break
        return found


def _np(token: Token, keep_clauses: bool = False) -> Span:
    doc = token.doc
    if keep_clauses:
        right = token.i
        for child in token.rights:
            if child.dep_ in {"relcl", "acl", "prep"}:
                stop = child.right_edge.i
                for grand in child.subtree:
                    if grand.dep_ == "cc" and grand.i > child.i:
                        stop = grand.i - 1
                        break
                right = max(right, stop)
        return doc[token.left_edge.i : right + 1]
    return doc[token.left_edge.i : token.i + 1]


def _verb_base(token: Token) -> str:
    """The verb's base form, robust to the lemmatiser's slips on rare forms ("staged" →
    "stag"): the lemma when it is a known light verb, else the inflection stripped."""
    lemma = token.lemma_.lower()
    if lemma in LIGHT_VERBS:
        return lemma
    lower = token.lower_
    for suffix, repl in (
        ("ied", "y"),
        ("ed", "e"),
        ("ed", ""),
        ("ing", "e"),
        ("ing", ""),
        ("s", ""),
    ):
        if lower.endswith(suffix) and lower[: -len(suffix)] + repl in LIGHT_VERBS:
            return lower[: -len(suffix)] + repl
    return lemma


def _argument_lemmas(token: Token) -> frozenset[str]:
    """Lemmas of the verb's object, passive subject and prepositional objects, with
    conjuncts ("explosives, mines and grenades were discovered")."""
    heads = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}]
    for prep in (c for c in token.children if c.dep_ == "prep"):
        heads.extend(g for g in prep.children if g.dep_ == "pobj")
    heads.extend(g for h in list(heads) for g in h.conjuncts)
    lemmas = {h.lemma_.lower() for h in heads}
    lemmas.update(
        o.lemma_.lower()
        for h in heads
        for g in h.children
        if g.dep_ == "prep" and g.lower_ == "of"
        for o in g.children
    )
    return frozenset(lemmas)


def _subject_lemmas(token: Token) -> frozenset[str]:
    """Lemmas of the verb's subject heads (with conjuncts)."""
    heads = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
    heads.extend(g for h in list(heads) for g in h.conjuncts)
    return frozenset(h.lemma_.lower() for h in heads)


def _publication(token: Token, passive: bool) -> bool:
    """Whether what the verb releases is a work made public ("a film about the attack was
    released", "the army released footage of the strike"), not a captive or property."""
    roles = {"nsubjpass"} if passive else {"dobj"}
    objects = [c for c in token.children if c.dep_ in roles]
    if not objects:
        return False
    senses = load_wordnet().senses(objects[0].lemma_, "n")
    first = senses.supersenses[0] if senses.supersenses else None
    return first in _PUBLICATION_SENSES or bool(_PUBLICATION_ANCESTORS & set(senses.ancestors))


def _governor(token: Token) -> Token | None:
    """The verb (or adjective) whose complement ``token`` is: "avoid" in "avoid attacking",
    "refrained" in "refrained from attacking" (the "from" of refraining, stopping and
    preventing is no governor; other prepositions say when or how: "after attacking")."""
    if token.dep_ == "pcomp" and token.head.lower_ == "from" and token.head.dep_ == "prep":
        return token.head.head
    if token.dep_ in {"xcomp", "ccomp", "pcomp", "advcl", "acl"} and token.head is not token:
        return token.head
    if token.dep_ == "pobj" and token.head.head is not token.head:
        return token.head.head
    return None


def _reported_demand(pred: Token) -> tuple[Token | None, Token] | None:
    """ "X said Y must withdraw": (X, said) when ``pred`` carries a demand modal under a
    reporting verb; the speaker demands, the subject of the modal clause is asked. The modal
    may sit on a predicate that governs the act ("said the US must be ready to mediate")."""
    for _ in range(3):
        if pred.dep_ not in {"xcomp", "acomp"} or pred.head is pred:
            break
        pred = pred.head
    if not any(c.dep_ == "aux" and c.lower_ in _DEMAND_MODALS for c in pred.children):
        return None
    if inverted_condition(pred):
        return None  # "said that should they be allowed to enter, …": a condition
    head = pred.head
    if pred.dep_ == "acl" and head.lemma_.lower() in REPORTING_NOUNS and head.dep_ == "dobj":
        # "issued a stern reminder to Iraq that it must cooperate": the issuer demands.
        head = head.head
    elif pred.dep_ != "ccomp" or head.lemma_.lower() not in REPORTING_VERBS:
        return None
    speaker = next((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return speaker, head


def _addressee(reporting: Token) -> Token | None:
    """Whom a reporting verb addresses: its object or "to" phrase ("told Iraq", "issued a
    reminder to Iraq")."""
    for child in reporting.children:
        if child.dep_ == "dobj" and child.lemma_.lower() not in REPORTING_NOUNS:
            return child
        if child.dep_ in {"dative", "prep"} and child.lower_ == "to":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def _background(pred: Token) -> bool:
    """Whether the predicate sits in a clause that sets the scene rather than reports an act.

    Two kinds: a circumstance clause ("resigned as the opposition threatened to storm his
    residence", "while inspectors said they needed time", "because rice was being diverted"),
    and a description of a participant, passive ("the curfew imposed after the coup", "a
    helicopter that was captured last week") or relative ("refugees, whom authorities blame
    for the conflict", "a group that conducted fact-finding missions"). Event coders (the
    CAMEO manual, PLOVER) code the sentence's main act and leave these to the stories that
    report them.
    """
    if pred.dep_ == "advcl":
        return any(c.dep_ == "mark" and c.lower_ in _BACKGROUND_MARKS for c in pred.children)
    if pred.dep_ in {"acl", "relcl"} and pred.pos_ == "VERB":
        passive = pred.tag_ == "VBN" and not any(c.dep_ == "aux" for c in pred.children)
        if passive or pred.dep_ == "relcl":
            return True
        return any(c.dep_ == "auxpass" for c in pred.children)
    return False


_TIME_PREPOSITIONS = frozenset({"after", "since", "following", "before"})
_MOTIVE_NOUNS = frozenset({"retaliation", "revenge", "reprisal", "reprisals"})


def _time_reference(noun: Token) -> bool:
    """Whether an event noun only dates or motivates another act ("agreed to a ceasefire after
    two days of fierce fighting", "ordered patrols after violent protests", "holed up since
    last month's invasion", "threatened to shell towns in retaliation for an air raid"): a
    reference, reported elsewhere if at all."""
    current = noun
    for _ in range(3):  # through "two days of", "a week of"
        if current.dep_ != "pobj":
            return False
        prep = current.head
        if prep.lower_ in _TIME_PREPOSITIONS:
            return True
        if prep.lower_ in {"for", "to"} and prep.head.lemma_.lower() in _MOTIVE_NOUNS:
            return True  # "in retaliation for an air raid", "in revenge for the killing"
        if prep.lower_ != "of" or prep.head.dep_ not in {"pobj", "npadvmod"}:
            return False
        current = prep.head
    return False


def _prior_talk(pred: Token, candidate: Candidate) -> bool:
    """Whether the candidate is a verbal or cooperative act told as what came before the main
    one ("expelled inspectors after U.S. officials alleged …"): background, as circumstance
    clauses are. Force told that way ("suspended aid after their vehicles were hit by
    gunfire") still happened and is reported, as the re-typer never drops it either."""
    return (
        pred.dep_ == "advcl"
        and QUAD.get(candidate.type, 0) != 4
        and any(c.dep_ == "mark" and c.lower_ == "after" for c in pred.children)
    )


def _in_circumstance(pred: Token) -> bool:
    """Whether the predicate sits anywhere inside a circumstance clause ("blocked transport
    as they continued their effort to overthrow the government"): background, as the clause
    itself is (:func:`_background`)."""
    return any(
        a.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ in _BACKGROUND_MARKS for c in a.children)
        for a in pred.ancestors
    )


def _in_description(pred: Token) -> bool:
    """Whether the predicate sits inside a description of a participant, not only heads one.

    "two nationals suspected by the West of blowing up a plane", "officers accused of
    torturing detainees", "assets they lost when the dictator expelled them": the act is what
    a passive or relative modifier of a noun says about that noun, through its prepositions,
    complements and adverbial clauses; like the description itself
    (:func:`_background`) it is background for the sentence's act.
    """
    current = pred
    for _ in range(6):
        if current.dep_ not in {"pcomp", "pobj", "prep", "xcomp", "dobj", "advcl"}:
            return False
        current = current.head
        if current.dep_ in {"acl", "relcl"}:
            return _background(current)
    return False


def _toll_of(token: Token, hits: dict[int, _Hit]) -> int | None:
    """The attack whose toll ``token`` reports, if it is one (else None).

    A casualty verb in an adverbial clause of an attack ("attacked a base, killing 12"), an
    attack in an adverbial clause of a casualty verb ("seven were wounded when a grenade
    exploded"), or a casualty verb coordinated with another ("12 killed and two injured") is
    one act told twice; the governing trigger keeps it.
    """
    head = token.head
    if head is token or head.i not in hits or token.i not in hits:
        return None
    if hits[token.i].type != "ASSAULT" or hits[head.i].type != "ASSAULT":
        return None
    mine, theirs = token.lemma_.lower(), head.lemma_.lower()
    if token.dep_ == "advcl" and (mine in CASUALTY_VERBS or theirs in CASUALTY_VERBS):
        return head.i
    if token.dep_ == "conj" and mine in CASUALTY_VERBS and theirs in CASUALTY_VERBS:
        return head.i
    return None


def _stated_content(token: Token, hits: dict[int, _Hit]) -> int | None:
    """The act whose stated demand or charge ``token`` is, if it is one (else None).

    A speech act in a participial adjunct of another act ("demonstrated in Kirkuk calling for
    independence", "staged rallies, saying he must resign", "lodged a protest, charging its
    neighbour with …") says what that act was about; PLOVER codes the act, once. Violence
    in such an adjunct of a protest ("prisoners rioted, setting fire to their mattresses") is
    how the protest went: one riot.
    """
    # A conjunct shares its adjunct's place ("setting fire to … and smashing furniture").
    adjunct = token.head if token.dep_ == "conj" and token.head.dep_ == "advcl" else token
    head = adjunct.head
    if adjunct.dep_ != "advcl" or adjunct.tag_ != "VBG" or head.i not in hits:
        return None
    if token.i not in hits or any(c.dep_ == "mark" for c in adjunct.children):
        return None
    if hits[head.i].type == "PROTEST" and hits[token.i].type == "ASSAULT":
        return head.i  # "rioted, setting fire to mattresses": how the riot went
    if hits[token.i].type not in _SPEECH_ACTS and token.lemma_.lower() not in REPORTING_VERBS:
        return None
    return head.i


def _helpable(head: Token) -> bool:
    """Whether a recipient of aid or cooperation may be a party: not an abstraction or a
    message ("gave contradictory explanations", "to ease the effect"). A thing may stand where
    the parser put what is given ("supplied weapons to the rebels")."""
    return not abstract(head, CONTESTED_SENSES)


def _generic(token: Token) -> bool:
    """A relative clause on "those"/"anyone" describes a kind of people, not an act; a gerund
    with no subject of its own as the subject of a verb of doing names a kind of act
    ("Opposing the government makes enemies"). Under "be" it may be what a party rules out
    ("removing the sanctions is out of the question": a refusal)."""
    if token.dep_ == "csubj" and token.tag_ == "VBG" and token.head.lemma_ != "be":
        return not any(c.dep_ in {"nsubj", "nsubjpass", "poss"} for c in token.children)
    return token.dep_ == "relcl" and token.head.lower_ in _GENERIC_HEADS


def _attempted(governor: Token | None) -> bool:
    """ "tried to hack", "an attempt to assassinate": the act was attempted."""
    return governor is not None and governor.lemma_.lower() in ATTEMPT_VERBS


def _purpose(governor: Token | None) -> bool:
    """ "The purpose of X is to force …": the complement of a stated aim has not happened."""
    if governor is None or governor.lemma_ != "be":
        return False
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in _PURPOSE_NOUNS for c in governor.children)


def _semicolon_between(clause: Token, head: Token) -> bool:
    """Whether a semicolon of the head's separates it from a clause the parser hung on it as
    its complement: two independent clauses, not one act and its content."""
    lo, hi = sorted((clause.i, head.i))
    return any(c.text == ";" and lo < c.i < hi for c in head.children)


def _embedded(children: list[_Hit]) -> tuple[str, str | None] | None:
    if not children:
        return None
    first = min(children, key=lambda h: h.token.i)
    return (first.type, first.mode)


def clause_tokens(
    token: Token, carrier: Token | None, absorbed: Sequence[Token] = ()
) -> list[Token]:
    """The event's own tokens: the trigger's (and light verb's) subtree, minus coordinated,
    adverbial and relative clauses and time/motive frames, which report other acts — unless
    such a clause holds a trigger folded into this event ("attacked …, killing 12": the toll
    is this attack's)."""
    heads = [token] if carrier is None else [token, carrier]
    kept = {t.i for t in absorbed}
    excluded: set[int] = set()
    for head in heads:
        for child in head.children:
            if child.i == token.i or child.i in kept:
                continue
            framed = child.dep_ == "prep" and (
                child.lower_ in FRAME_PREPS
                or (
                    child.lower_ in {"in", "as"}
                    and any(g.lemma_.lower() in FRAME_NOUNS for g in child.children)
                )
            )
            if child.dep_ in {"conj", "advcl", "relcl", "parataxis", "ccomp"} or framed:
                excluded.update(t.i for t in child.subtree)
    seen: set[int] = set()
    tokens: list[Token] = []
    for head in heads:
        for t in head.subtree:
            if t.i not in excluded and t.i not in seen:
                seen.add(t.i)
                tokens.append(t)
    return sorted(tokens, key=lambda t: t.i)


def _event_words(token: Token, carrier: Token | None, children: list[_Hit]) -> frozenset[str]:
    """Lemmas and forms of the event's own words (for modes and cues)."""
    words: set[str] = set()
    for t in clause_tokens(token, carrier, [c.token for c in children]):
        words.add(t.lower_)
        words.add(t.lemma_.lower())
    for child in children:
        words.add(child.token.lemma_.lower())
    return frozenset(words)


def _embedded_recipient(pred: Token, kind: str) -> Argument:
    """Whom a speech act is aimed at when it names them only in its content: the party of the
    threatened, refused or promised act ("threatened to ban opposition candidates", "refused
    to meet King Abdullah", "agreed to send aid to Chad"), the one asked to act ("demanded
    that the US cancel …")."""
    for child in pred.children:
        if child.dep_ == "xcomp" and child.pos_ == "VERB":
            _, recipient = verb_arguments(child)
            if recipient.heads and participant(recipient.heads[0]):
                return recipient
        elif child.dep_ == "ccomp" and kind == "REQUEST":
            subject = next((c for c in child.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.pos_ != "PRON":
                return argument(subject)
    return Argument()


def _deep_target(token: Token) -> Argument:
    """ "warning of retaliation against any attack carried out by X" -> X."""
    for t in token.subtree:
        if t.dep_ == "pobj" and t.head.lower_ == "against":
            if t.lemma_.lower() in {"attack", "aggression", "assault"}:
                for acl in t.children:
                    if acl.dep_ == "acl":
                        for agent in acl.children:
                            if agent.dep_ == "agent":
                                pobj = next((g for g in agent.children if g.dep_ == "pobj"), None)
                                if pobj is not None:
                                    return Argument([pobj], _np(pobj))
            return Argument([t], _np(t))
    return Argument()


def merge_mentions(candidates: list[Candidate]) -> list[Candidate]:
    """Fold repeated definite mentions of one act into its first mention.

    "the US assassination of Soleimani" … "five days after the assassination": same trigger
    lemma and type, a definite article, no marker of a new act ("latest", "another"), and no
    conflicting actor. The merged record keeps every mention as evidence.
    """
    kept: list[Candidate] = []
    for candidate in candidates:
        target = next((k for k in kept if _same_event(k, candidate) or _retold(k, candidate)), None)
        if target is None:
            if not candidate.mention_only:
                kept.append(candidate)
            continue
        target.mentions.extend(candidate.mentions)
        if not target.actor.heads and candidate.actor.heads:
            target.actor = candidate.actor
        if not target.recipient.heads and candidate.recipient.heads:
            target.recipient = candidate.recipient
    return kept


def _retold(first: Candidate, later: Candidate) -> bool:
    """A physical act told again with the same participants: "Al-Shabab fighters attacked
    Kenyan positions in Hosingow … Al-Shabab fighters attacked the Kenyan base".

    News stories lead with the act and then retell it with detail; only violence and protest
    are retold this way. Same type, compatible modes, no marker of a new act ("another",
    "latest"), neither habitual, and shared actor words (or, when one actor is unstated,
    shared recipient words).
    """
    if first.type != later.type or first.type not in _RETOLD_TYPES:
        return False
    if first.mode and later.mode and first.mode != later.mode:
        return False
    if first.flags.habitual or later.flags.habitual:
        return False
    if {c.lower_ for c in later.trigger.children} & _REPEATED_MARKERS:
        return False
    actors = _words(first.actor.text), _words(later.actor.text)
    if actors[0] and actors[1]:
        return bool(actors[0] & actors[1])
    return bool(_words(first.recipient.text) & _words(later.recipient.text))


def _words(text: str | None) -> frozenset[str]:
    """Content words of an argument text, for comparing participants."""
    if not text:
        return frozenset()
    return frozenset(w for w in text.lower().replace(";", " ").split() if w not in _STOP_WORDS)


def _same_event(first: Candidate, later: Candidate) -> bool:
    if first.type != later.type or first.trigger.lemma_ != later.trigger.lemma_:
        return False
    if later.trigger.pos_ not in {"NOUN", "PROPN"}:
        return False
    children = {c.lower_ for c in later.trigger.children}
    if "the" not in children and "this" not in children and "that" not in children:
        return False
    if children & _REPEATED_MARKERS:
        return False
    if first.flags.habitual or later.flags.habitual:
        return False
    a, b = first.actor.text, later.actor.text
    if a and b:
        return bool(set(a.lower().split()) & set(b.lower().split()))
    return True


_WARNING_VERBS = frozenset({"warn", "caution"})
# Auxiliaries that make a warning's content a prospect: what will or could be done.
_PROSPECT_AUX = frozenset({"will", "would", "could", "may", "might", "shall", "can", "'ll"})


def _statement_warning(token: Token, event_nouns: frozenset[str]) -> bool:
    """Whether a warning verb only states a fact ("cautioned that no deadline had been
    set"): its content clause says what is, not what will or could be done, so nothing is
    threatened, whether or not it is told to someone ("warned the pope that it was …"). "warned
    of retaliation", "warned that police will no longer tolerate …", "warned the rebels that
    the army would strike" and "warned Iran" stay threats."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in _WARNING_VERBS:
        return False
    content = next((c for c in token.children if c.dep_ == "ccomp"), None)
    if content is None:
        return False
    if not any(c.lower_ in _PROSPECT_AUX for c in content.children if c.dep_ == "aux"):
        return True  # told to someone or not ("warned the pope that it was …")
    if any(c.dep_ in {"dobj", "dative"} for c in token.children):
        return False
    # "warned that profits would fall", "that the glacier would collapse", "the next outbreak
    # would be stronger", '"It could spill over," he warned': a forecast about an abstraction,
    # a thing, the weather or a happening, no one's act (a body may be "it" itself: opinion.py)
    subject = dep_child(content, "nsubj")
    if subject is None:
        return False
    happening = first_sense(subject) in _HAPPENINGS | {"noun.phenomenon", "noun.process"}
    return (
        abstract(subject)
        or thing(subject)
        or natural_force(subject)
        or (happening and subject.lemma_.lower() not in event_nouns)
        or impersonal(subject, dep_child(token, "nsubj"))
    )


def _refusal(head: Token) -> bool:
    """Whether a negated act is a refusal: "would not meet", "failed to reach agreement".

    A plain "did not visit" reports nothing; a negated act of will or a failed attempt is the
    refusal PLOVER codes as REJECT.
    """
    if head.dep_ == "xcomp" and head.head.lemma_.lower() in _FAILING:
        return True
    words = {c.lower_ for c in head.children if c.dep_ in {"aux", "neg"}}
    return bool(words & _WILL) and bool(words & {"not", "n't", "never"})


def _disposal(token: Token, words: set[str]) -> bool:
    """Whether "detonated" disposes of a found device (a bomb squad's controlled explosion)
    rather than setting it off against someone ("militants detonated roadside bombs")."""
    return bool(_subject_lemmas(token) & _DISPOSERS or words & _DISPOSAL_WORDS)


def _judicial(head: Token) -> bool:
    """Whether the party is a court, tribunal, jury or judge (WordNet: an adjudicator)."""
    lemma = head.lemma_.lower()
    return lemma in _COURTS or "adjudicator" in load_wordnet().senses(lemma, "n").ancestors


def _rescheduled(kind: str, particles: list[str]) -> bool:
    """Whether a verbal act's verb carries a particle of time the lexicon has no phrasal verb
    for ("push back", "put off", "hold off"): the verb then moves a date, and the plain
    verb's coding ("push" as a demand) does not apply. Only verbal acts: material ones keep
    theirs ("seized back the town", "were pushed back from the areas")."""
    verbal = QUAD.get(kind, 0) in {1, 3}
    return verbal and not _TIME_PARTICLES.isdisjoint(particles)


def _state_of(noun: Token) -> bool:
    """Whether an event noun is the state its subject enters or is in: the object of "on"
    under "go", "be", "remain" or "stay" ("went on strike", "remain on hunger strike")."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "on" or prep.dep_ != "prep":
        return False
    return prep.head.lemma_.lower() in _ENTERING


def _contending(verb: Token) -> bool:
    """A verb of fighting or striving by WordNet (hypernym "contend" or "try")."""
    return not _CONTENDING.isdisjoint(load_wordnet().senses(verb.lemma_, "v").ancestors)


def _commercial(head: Token) -> bool:
    """Whether the party is a business (an airline, a firm, a corporation) by WordNet."""
    return "business" in load_wordnet().senses(head.lemma_.lower(), "n").ancestors
