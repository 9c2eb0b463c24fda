"""A learned PLOVER re-typer: keeps, re-types or drops each rule-coded candidate event.

The CAMEO lexicon codes a verb by its most common sense, and a handful of dependency rules
cannot cover the rest: "accepted a formula for ending a dispute" is AGREE, not the ACCUSE of
"dispute"; "lifted a blockade" is RETREAT where "lifted restrictions" is CONCEDE; the purpose
clause of a protest is not a second event. A multinomial logistic regression over the
candidate's lemma, its lexicon and rule coding, its dependency position (relation, head,
governor, embedded triggers) and its arguments (object, prepositional objects, subject) learns
these from coded examples; the extra label ``NONE`` means "not an event of its own".

The model is trained by ``scripts/build_events_typer.py`` on the tune part of the PLOVER gold
standard (CC BY-SA 4.0, Open Event Data Alliance; the held-out part is never read) and shipped
as ``resources/events/plover_typer.npz``: hashed-feature weights and label names, no text. It
overrides the rules only when it is clearly more confident (:meth:`PloverTyper.decide`), so a
candidate it has no evidence about keeps its rule coding.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import numpy.typing as npt
from spacy.tokens import Token

from newsgraph.plover import QUAD
from newsgraph.stages.events.classifier import HashedLinear, read_linear
from newsgraph.stages.events.triggers import RESOURCE_DIR

TYPER_PATH = RESOURCE_DIR / "plover_typer.npz"
NONE = "NONE"
# Never dropped by the model: the gold standard codes one event per sentence, so it learns to
# drop second events, and in news the second event is often a real attack or protest.
MATERIAL_CONFLICT = frozenset(kind for kind, quad in QUAD.items() if quad == 4)
_ARG_DEPS = frozenset({"dobj", "attr", "dative", "oprd"})
_CLAUSE_DEPS = frozenset({"xcomp", "ccomp", "advcl"})
_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ"})


def typer_features(
    trigger: Token,
    carrier: Token | None,
    rule: str,
    lexicon: str,
    code: str,
    embedded: Iterable[str],
    flags: Iterable[str],
) -> list[str]:
    """Feature strings of one candidate.

    ``rule`` is the type the rules settled on, ``lexicon`` the trigger's own lexicon type,
    ``code`` its CAMEO code, ``embedded`` the types of triggers folded into it ("threatened to
    attack") and ``flags`` the modality flags that are set. Lemmas are paired with the rule
    type so that the same word can mean different things under different codings.
    """
    anchor = carrier if carrier is not None else trigger
    lemma = trigger.lemma_.lower()
    feats = [
        f"r={rule}",
        f"x={lexicon}",
        f"c2={code[:2]}",
        f"c3={code[:3]}",
        f"l={lemma}",
        f"lr={lemma}|{rule}",
        f"pos={trigger.pos_}",
        f"d={anchor.dep_}",
        f"dr={anchor.dep_}|{rule}",
    ]
    if carrier is not None:
        feats.append(f"cl={carrier.lemma_.lower()}")
    if anchor.dep_ != "ROOT":
        feats.append(f"hd={anchor.head.lemma_.lower()}")
    feats.extend(f"e={kind}" for kind in embedded)
    feats.extend(f"er={kind}|{rule}" for kind in embedded)
    feats.extend(f"f={flag}" for flag in flags)
    for head in (trigger, anchor) if carrier is not None else (trigger,):
        for child in head.children:
            dep = child.dep_
            if dep in _ARG_DEPS:
                feats.append(f"o={child.lemma_.lower()}")
                feats.append(f"or={child.lemma_.lower()}|{rule}")
            elif dep == "prep":
                objects = [g for g in child.children if g.dep_ in {"pobj", "pcomp"}]
                feats.append(f"p={child.lower_}")
                feats.extend(f"po={child.lower_}_{g.lemma_.lower()}" for g in objects)
            elif dep in _CLAUSE_DEPS:
                feats.append(f"k={dep}_{child.lemma_.lower()}")
            elif dep in {"nsubj", "nsubjpass"}:
                feats.append(f"s={dep}")
                if child.ent_type_:
                    feats.append(f"se={child.ent_type_}")
            elif dep == "neg":
                feats.append("neg")
    words = {
        t.lemma_.lower() for t in anchor.subtree if t.pos_ in _CONTENT_POS and t.i != trigger.i
    }
    feats.extend(f"w={w}" for w in sorted(words))
    return feats


class PloverTyper(HashedLinear):
    """Linear scores over hashed features → a decision about one candidate."""

    def __init__(
        self,
        weights: npt.NDArray[np.float32],
        bias: npt.NDArray[np.float32],
        labels: list[str],
        *,
        retype_margin: float,
        drop_min: float,
    ) -> None:
        super().__init__(weights, bias, labels)
        self.index = {label: i for i, label in enumerate(labels)}
        self.retype_margin = retype_margin
        self.drop_min = drop_min

    def decide(self, feats: list[str], rule: str) -> str | None:
        """The candidate's type: ``rule`` unless the model prefers another type by at least
        ``retype_margin`` in probability; ``None`` (drop it) when ``NONE`` is the most
        probable label with at least ``drop_min`` and the rules did not code a material
        conflict act (:data:`MATERIAL_CONFLICT`)."""
        return self.decide_on(self.probabilities(feats), rule)

    def decide_on(self, probs: npt.NDArray[np.float64], rule: str) -> str | None:
        """:meth:`decide` on already computed probabilities."""
        best = int(np.argmax(probs))
        label = self.labels[best]
        rule_prob = float(probs[self.index[rule]]) if rule in self.index else 0.0
        if label == NONE:
            droppable = rule not in MATERIAL_CONFLICT
            return None if droppable and probs[best] >= self.drop_min else rule
        if label != rule and probs[best] - rule_prob >= self.retype_margin:
            return label
        return rule


@functools.lru_cache(maxsize=2)
def load_typer(path: Path = TYPER_PATH) -> PloverTyper | None:
    """The shipped model, or None when the file is absent (the rules then decide alone)."""
    if not path.exists():
        return None
    weights, bias, labels, settings = read_linear(path)
    return PloverTyper(
        weights,
        bias,
        labels,
        retype_margin=float(settings["retype_margin"]),
        drop_min=float(settings["drop_min"]),
    )
