"""Per-layer scoring functions of ``newsgraph eval``.

Gold and predicted documents are plain dicts in the shape of ``shared/data/FORMAT.md``: the
analyser's output uses the same layer names and fields as the gold, so one scorer per layer can
compare them directly. The functions here are pure (no I/O, no globals mutated) so that the CLI,
the benchmarks and the tests all get the same numbers from the same inputs; reading files and
pairing documents is the caller's job.

Every metric is defined precisely in ``docs/metrics.md``; the docstrings below say why each
choice was made. Conventions shared by all layers:

* A predicted document of ``None`` means the analyser crashed on that document. Its gold items
  all count as misses (a crash is never silently dropped from the denominator).
* A gold document without the layer key is not annotated for that layer and is skipped; an empty
  list means "annotated, and there is none here" and is scored.
* Precision, recall and F1 are 0.0 when their denominator is 0. Accuracies, means and error
  figures are ``None`` when there is nothing to average, because 0.0 would read as a real score
  (and, for an error, as a perfect one).
* Floats in the result are rounded to 4 decimals; counts stay integers.
"""

from __future__ import annotations

import math
import re
import statistics
from abc import ABC, abstractmethod
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from newsgraph.geo import haversine_km

__all__ = ["LAYERS", "format_report", "haversine_km", "score_layer"]

LAYERS = ("times", "places", "quotes", "techniques", "events")

Span = tuple[int, int]

# Mean earth radius (IUGG), the value geopy's great_circle uses, so distances agree with the
# geoparsing literature's tooling to well under a kilometre.
# Gritta et al. normalise the log error by log(20039), about half the earth's circumference in
# km; it is also the error charged to a recognised toponym the system did not geocode.
MAX_ERROR_KM = 20039.0
ACCURACY_RADIUS_KM = 161.0

_DIGITS = 4
_HEADER_KEYS = ("layer", "docs", "docs_skipped", "crashed", "matched_on")


# --------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------


def score_layer(
    layer: str, pairs: Iterable[tuple[dict[str, Any], dict[str, Any] | None]]
) -> dict[str, Any]:
    """Score one layer over ``(gold_doc, predicted_doc)`` pairs and return a JSON-ready dict.

    The result always starts with ``layer``, ``docs`` (documents scored), ``docs_skipped`` (gold
    without the layer) and ``crashed`` (predicted document ``None``), followed by the layer's
    metrics as listed in ``docs/metrics.md``.

    Raises ``ValueError`` for an unknown layer, for a pair whose documents carry different
    ``id`` values (a mis-paired run would otherwise produce plausible but meaningless numbers),
    and for malformed items (non-integer or empty/inverted spans), naming the document.
    """
    if layer not in LAYERS:
        raise ValueError(f"unknown layer {layer!r}; expected one of {', '.join(LAYERS)}")
    docs = skipped = crashed = 0
    scored: list[_DocItems] = []
    for index, pair in enumerate(pairs):
        gold, pred = pair
        if not isinstance(gold, Mapping):
            raise ValueError(f"gold document #{index} is {type(gold).__name__}, not a JSON object")
        doc_id = str(gold.get("id", f"#{index}"))
        gold_items = gold.get(layer)
        if gold_items is None:
            skipped += 1
            continue
        if not isinstance(gold_items, list):
            raise ValueError(f"{layer} of gold document {doc_id!r} is not a list")
        pred_items: list[Any]
        if pred is None:
            crashed += 1
            pred_items = []
        else:
            if not isinstance(pred, Mapping):
                raise ValueError(
                    f"predicted document for {doc_id!r} is {type(pred).__name__}, "
                    "not a JSON object or None"
                )
            if "id" in gold and "id" in pred and gold["id"] != pred["id"]:
                raise ValueError(
                    f"mis-paired documents: gold id {gold['id']!r}, predicted id {pred['id']!r}"
                )
            raw = pred.get(layer)
            if raw is None:
                pred_items = []
            elif isinstance(raw, list):
                pred_items = raw
            else:
                raise ValueError(f"{layer} of predicted document {doc_id!r} is not a list")
        text = gold.get("text")
        docs += 1
        scored.append(
            _DocItems(doc_id, text if isinstance(text, str) else None, gold_items, pred_items)
        )

    scorer = _make_scorer(layer, scored)
    for doc in scored:
        scorer.add(doc)
    result: dict[str, Any] = {
        "layer": layer,
        "docs": docs,
        "docs_skipped": skipped,
        "crashed": crashed,
    }
    result.update(scorer.metrics())
    rounded = _rounded(result)
    assert isinstance(rounded, dict)
    return rounded


def format_report(result: Mapping[str, Any]) -> str:
    """Render a ``score_layer`` result as an aligned plain-text table for the terminal.

    The layout is derived from the key names rather than hard-coded per layer, so a metric added
    to a scorer shows up without touching this function: keys ``<name>_p``, ``<name>_r`` and
    ``<name>_f1`` become one row of a P/R/F1 table, other scalars a name/value list, and nested
    dicts (per-type breakdowns) a table of their own.
    """
    lines = [_header_line(result)]

    prf_rows: dict[str, dict[str, Any]] = {}
    scalars: list[tuple[str, Any]] = []
    tables: list[tuple[str, Mapping[str, Any]]] = []
    for key, value in result.items():
        if key in _HEADER_KEYS:
            continue
        if isinstance(value, Mapping):
            tables.append((key, value))
            continue
        match = re.fullmatch(r"(.+)_(p|r|f1)", key)
        if match and any(f"{match[1]}_{s}" in result for s in ("p", "r") if s != match[2]):
            prf_rows.setdefault(match[1], {})[match[2]] = value
        else:
            scalars.append((key, value))

    if prf_rows:
        width = max(len("metric"), *(len(name) for name in prf_rows))
        lines.append("")
        lines.append(f"{'metric':<{width}}  {'P':>7}  {'R':>7}  {'F1':>7}")
        for name, cells in prf_rows.items():
            row = "  ".join(f"{_cell(cells.get(s)):>7}" for s in ("p", "r", "f1"))
            lines.append(f"{name:<{width}}  {row}")

    if scalars:
        width = max(len(key) for key, _ in scalars)
        lines.append("")
        lines.extend(f"{key:<{width}}  {_cell(value)}" for key, value in scalars)

    for name, table in tables:
        lines.append("")
        lines.extend(_nested_table(name, table))
    return "\n".join(lines)


# --------------------------------------------------------------------------------------------
# Shared helpers
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _DocItems:
    """One scored document: its id (for error messages), gold text and both item lists."""

    doc_id: str
    text: str | None
    gold: list[Any]
    pred: list[Any]


def _prf(tp: float, n_pred: float, n_gold: float) -> dict[str, float]:
    """Precision, recall and F1 from a true-positive mass and the two denominators."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": p, "r": r, "f1": f1}


def _prefixed(prefix: str, scores: Mapping[str, float]) -> dict[str, float]:
    """``{"p": .., "r": .., "f1": ..}`` as ``{"<prefix>_p": .., ...}`` for the flat result."""
    return {f"{prefix}_{key}": value for key, value in scores.items()}


def _ratio(num: float, den: float) -> float | None:
    """An accuracy or mean that is undefined (``None``) rather than 0 when nothing was counted."""
    return num / den if den else None


def _rounded(value: Any) -> Any:
    """Round every float in a nested result so reports and stored JSON are stable."""
    if isinstance(value, float):
        return round(value, _DIGITS)
    if isinstance(value, dict):
        return {key: _rounded(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_rounded(item) for item in value]
    return value


def _is_int(value: object) -> bool:
    """True for JSON integers; ``bool`` is an ``int`` subclass in Python but not a number here."""
    return isinstance(value, int) and not isinstance(value, bool)


def _span(value: object, where: str) -> Span:
    """Read a ``{"start", "end"}`` item or a ``[start, end]`` pair as a half-open span.

    Empty and inverted spans are rejected: they cover no character, so they can neither be
    matched nor divided by (the SemEval SI measure divides by span length).
    """
    start: object
    end: object
    if isinstance(value, Mapping):
        start, end = value.get("start"), value.get("end")
    elif isinstance(value, list | tuple) and len(value) == 2:
        start, end = value
    else:
        raise ValueError(f"{where}: expected a span, got {value!r}")
    if not (_is_int(start) and _is_int(end)):
        raise ValueError(f"{where}: span offsets must be integers, got {start!r}, {end!r}")
    assert isinstance(start, int) and isinstance(end, int)
    if start < 0 or end <= start:
        raise ValueError(f"{where}: empty or inverted span [{start}, {end})")
    return (start, end)


def _optional_span(value: object, where: str) -> Span | None:
    """A span that may be ``null`` (an unstated quote source, a missing cue)."""
    return None if value is None else _span(value, where)


def _overlap(a: Span, b: Span) -> int:
    """Number of characters two half-open spans share (touching spans share none)."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _greedy_pairs(
    n_gold: int, n_pred: int, key: Callable[[int, int], tuple[float, ...] | None]
) -> list[tuple[int, int]]:
    """One-to-one pairing: repeatedly take the best-scoring free (gold, pred) pair.

    ``key`` returns a tuple compared lexicographically (higher is better) or ``None`` when the
    two items may not be paired at all. Greedy rather than optimal assignment because it is
    what the span-matching scorers in the literature do, it is easy to state, and the
    documents here are small; ties go to the earlier gold, then the earlier prediction, so
    results are deterministic.
    """
    candidates: list[tuple[tuple[float, ...], int, int]] = []
    for gi in range(n_gold):
        for pi in range(n_pred):
            score = key(gi, pi)
            if score is not None:
                candidates.append((score, gi, pi))
    candidates.sort(key=lambda c: (tuple(-x for x in c[0]), c[1], c[2]))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, gi, pi in candidates:
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        pairs.append((gi, pi))
    return pairs


def _match_spans(gold: Sequence[Span], pred: Sequence[Span]) -> list[tuple[int, int]]:
    """Relaxed one-to-one span matching: any overlap, largest overlap first.

    Among equal overlaps the pair with the smaller combined length wins, so an exact match is
    never displaced by a longer span that merely contains the gold one.
    """

    def key(gi: int, pi: int) -> tuple[float, ...] | None:
        g, p = gold[gi], pred[pi]
        shared = _overlap(g, p)
        if shared == 0:
            return None
        return (shared, -(g[1] - g[0] + p[1] - p[0]))

    return _greedy_pairs(len(gold), len(pred), key)


def _items(items: list[Any], where: str) -> list[Mapping[str, Any]]:
    """Check that every layer item is a JSON object before fields are read from it."""
    for index, item in enumerate(items):
        if not isinstance(item, Mapping):
            raise ValueError(f"{where} item {index}: expected an object, got {item!r}")
    return items


class _LayerScorer(ABC):
    """Accumulates counts document by document, then turns them into the metric dict."""

    layer: str

    @abstractmethod
    def add(self, doc: _DocItems) -> None:
        """Add one document's gold and predicted items to the running counts."""

    @abstractmethod
    def metrics(self) -> dict[str, Any]:
        """The layer's metrics over all documents added so far."""

    def where(self, doc: _DocItems, side: str) -> str:
        """Prefix of error messages: which layer, document and side is malformed."""
        return f"{side} {self.layer} of document {doc.doc_id!r}"


def _make_scorer(layer: str, docs: Sequence[_DocItems]) -> _LayerScorer:
    """The scorer for ``layer``; events look at all gold first to pick the matching key."""
    if layer == "times":
        return _TimesScorer()
    if layer == "places":
        return _PlacesScorer()
    if layer == "quotes":
        return _QuotesScorer()
    if layer == "techniques":
        return _TechniquesScorer()
    return _EventsScorer(_events_match_key(docs))


# --------------------------------------------------------------------------------------------
# times (TempEval-3)
# --------------------------------------------------------------------------------------------


def _norm_type(value: object) -> str | None:
    """TIMEX3 types compare case-insensitively; a missing type is ``None``."""
    return value.strip().upper() if isinstance(value, str) else None


def _norm_value(value: object) -> str | None:
    """TIMEX values compare exactly (TempEval-3 does), apart from surrounding whitespace."""
    return value.strip() if isinstance(value, str) else None


class _TimesScorer(_LayerScorer):
    """TempEval-3 extent and attribute scores for temporal expressions.

    Strict extent matching asks for identical offsets, relaxed for any overlap (one-to-one).
    Attributes are judged on relaxed pairs; TempEval-3's attribute F1 is accuracy × relaxed F1,
    which equals the F1 of "relaxed match and attribute equal" counted over all items. Gold
    entries whose attribute is null (WikiWars TIMEX2 without ``val``) are left out of that
    attribute's accuracy, since nothing can be right or wrong about them.
    """

    layer = "times"

    def __init__(self) -> None:
        self.gold = self.pred = self.strict_tp = self.relaxed_tp = 0
        self.type_n = self.type_ok = self.value_n = self.value_ok = 0

    def add(self, doc: _DocItems) -> None:
        gold = _items(doc.gold, self.where(doc, "gold"))
        pred = _items(doc.pred, self.where(doc, "predicted"))
        gold_spans = [_span(item, self.where(doc, "gold")) for item in gold]
        pred_spans = [_span(item, self.where(doc, "predicted")) for item in pred]
        self.gold += len(gold_spans)
        self.pred += len(pred_spans)
        self.strict_tp += sum((Counter(gold_spans) & Counter(pred_spans)).values())
        pairs = _match_spans(gold_spans, pred_spans)
        self.relaxed_tp += len(pairs)
        for gi, pi in pairs:
            gold_type = _norm_type(gold[gi].get("type"))
            if gold_type is not None:
                self.type_n += 1
                self.type_ok += gold_type == _norm_type(pred[pi].get("type"))
            gold_value = _norm_value(gold[gi].get("value"))
            if gold_value is not None:
                self.value_n += 1
                self.value_ok += gold_value == _norm_value(pred[pi].get("value"))

    def metrics(self) -> dict[str, Any]:
        relaxed = _prf(self.relaxed_tp, self.pred, self.gold)
        type_acc = _ratio(self.type_ok, self.type_n)
        value_acc = _ratio(self.value_ok, self.value_n)
        return {
            "gold_items": self.gold,
            "predicted_items": self.pred,
            "strict_tp": self.strict_tp,
            **_prefixed("strict", _prf(self.strict_tp, self.pred, self.gold)),
            "relaxed_tp": self.relaxed_tp,
            **_prefixed("relaxed", relaxed),
            "type_n": self.type_n,
            "type_acc": type_acc,
            "type_f1": (type_acc or 0.0) * relaxed["f1"],
            "value_n": self.value_n,
            "value_acc": value_acc,
            "value_f1": (value_acc or 0.0) * relaxed["f1"],
        }


# --------------------------------------------------------------------------------------------
# places (geoparsing)
# --------------------------------------------------------------------------------------------


def _coords(item: Mapping[str, Any]) -> tuple[float, float] | None:
    """``(lat, lon)`` when both are finite numbers, else ``None`` (not geocoded)."""
    point: list[float] = []
    for key in ("lat", "lon"):
        value = item.get(key)
        if isinstance(value, bool) or not isinstance(value, int | float):
            return None
        if not math.isfinite(value):
            return None
        point.append(float(value))
    return (point[0], point[1])


class _PlacesScorer(_LayerScorer):
    """Toponym recognition by relaxed overlap, then geocoding error on the matched pairs.

    Geocoding is judged only where the gold has coordinates. A matched toponym the system left
    without coordinates is charged the maximum error (``MAX_ERROR_KM``) instead of being dropped,
    so declining to geocode never improves the distance figures.
    """

    layer = "places"

    def __init__(self) -> None:
        self.gold = self.pred = self.matched = 0
        self.gold_geo = self.unresolved = self.within = 0
        self.errors: list[float] = []

    def add(self, doc: _DocItems) -> None:
        gold = _items(doc.gold, self.where(doc, "gold"))
        pred = _items(doc.pred, self.where(doc, "predicted"))
        gold_spans = [_span(item, self.where(doc, "gold")) for item in gold]
        pred_spans = [_span(item, self.where(doc, "predicted")) for item in pred]
        self.gold += len(gold_spans)
        self.pred += len(pred_spans)
        self.gold_geo += sum(_coords(item) is not None for item in gold)
        pairs = _match_spans(gold_spans, pred_spans)
        self.matched += len(pairs)
        for gi, pi in pairs:
            gold_point = _coords(gold[gi])
            if gold_point is None:
                continue
            pred_point = _coords(pred[pi])
            if pred_point is None:
                self.unresolved += 1
                error = MAX_ERROR_KM
            else:
                error = haversine_km(*gold_point, *pred_point)
            self.errors.append(error)
            self.within += error <= ACCURACY_RADIUS_KM

    def metrics(self) -> dict[str, Any]:
        n = len(self.errors)
        log_max = math.log(MAX_ERROR_KM)
        auc = _ratio(sum(min(1.0, math.log1p(e) / log_max) for e in self.errors), n)
        return {
            "gold_items": self.gold,
            "predicted_items": self.pred,
            "matched": self.matched,
            **_prefixed("recognition", _prf(self.matched, self.pred, self.gold)),
            "gold_geo": self.gold_geo,
            "geo_n": n,
            "geo_unresolved": self.unresolved,
            "acc161": _ratio(self.within, n),
            "acc161_all": self.within / self.gold_geo if self.gold_geo else 0.0,
            "mean_error_km": _ratio(sum(self.errors), n),
            "median_error_km": statistics.median(self.errors) if n else None,
            "auc_error": auc,
        }


# --------------------------------------------------------------------------------------------
# quotes (PolNeAR attribution)
# --------------------------------------------------------------------------------------------


def _strip_span(span: Span, text: str | None) -> Span:
    """Trim whitespace at the span's edges using the gold text.

    PolNeAR keeps some annotators' edge whitespace (often U+00A0) and its README says to strip
    it before exact comparison; stripping both sides the same way keeps exact matching fair.
    A span that is all whitespace, or that runs past the text, is left as it is.
    """
    if text is None:
        return span
    start, end = span
    while start < end and start < len(text) and text[start].isspace():
        start += 1
    while end > start and end <= len(text) and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else span


@dataclass(frozen=True)
class _Quote:
    """A quote reduced to what is compared: content characters, cue and source spans."""

    content: frozenset[int]
    cue: Span | None
    source: Span | None


def _quote(item: Mapping[str, Any], text: str | None, where: str) -> _Quote:
    """Parse one ``quotes`` entry; content becomes the set of characters its spans cover."""
    raw_content = item.get("content")
    if raw_content is None:
        raw_content = []
    if not isinstance(raw_content, list):
        raise ValueError(f"{where}: content must be a list of spans, got {raw_content!r}")
    chars: set[int] = set()
    for raw in raw_content:
        start, end = _strip_span(_span(raw, f"{where} content"), text)
        chars.update(range(start, end))
    cue = _optional_span(item.get("cue"), f"{where} cue")
    source = _optional_span(item.get("source"), f"{where} source")
    return _Quote(
        content=frozenset(chars),
        cue=None if cue is None else _strip_span(cue, text),
        source=None if source is None else _strip_span(source, text),
    )


class _RoleCounts:
    """TP/FP/FN for one attribution role under one matching regime (exact or partial)."""

    def __init__(self) -> None:
        self.tp = self.fp = self.fn = 0

    def scores(self) -> dict[str, float]:
        return _prf(self.tp, self.tp + self.fp, self.tp + self.fn)


class _QuotesScorer(_LayerScorer):
    """Attribution scores per role (content, cue, source), exact and partial.

    Quotes are paired one-to-one by content overlap (characters of the union of the content
    spans); cue and source are then compared only inside those pairs, because a cue is only
    right if it introduces the right content. A null source is a value: null against null is a
    true positive, a gold source the system left null is a false negative, an invented source
    for a gold null is a false positive.

    ``attribution`` scores whole attributions: a matched pair counts only when its cue and its
    source both agree (partial regime), i.e. the system found who said what through which cue.
    """

    layer = "quotes"
    roles = ("content", "cue", "source")

    def __init__(self) -> None:
        self.gold = self.pred = self.matched = 0
        self.counts = {
            (role, regime): _RoleCounts() for role in self.roles for regime in ("exact", "partial")
        }
        self.overlap_chars = self.gold_chars = self.pred_chars = 0
        self.attributions = 0

    def add(self, doc: _DocItems) -> None:
        gold = [
            _quote(item, doc.text, self.where(doc, "gold"))
            for item in _items(doc.gold, self.where(doc, "gold"))
        ]
        pred = [
            _quote(item, doc.text, self.where(doc, "predicted"))
            for item in _items(doc.pred, self.where(doc, "predicted"))
        ]
        self.gold += len(gold)
        self.pred += len(pred)
        self.gold_chars += sum(len(q.content) for q in gold)
        self.pred_chars += sum(len(q.content) for q in pred)

        def key(gi: int, pi: int) -> tuple[float, ...] | None:
            g, p = gold[gi].content, pred[pi].content
            shared = len(g & p)
            return (shared, -(len(g) + len(p))) if shared else None

        pairs = _greedy_pairs(len(gold), len(pred), key)
        self.matched += len(pairs)
        paired_gold = {gi for gi, _ in pairs}
        paired_pred = {pi for _, pi in pairs}

        for gi, pi in pairs:
            g, p = gold[gi], pred[pi]
            self.overlap_chars += len(g.content & p.content)
            self._judge("content", "exact", g.content, p.content, g.content == p.content)
            self._judge("content", "partial", g.content, p.content, True)
            agree = True
            for role in ("cue", "source"):
                gs: Span | None = getattr(g, role)
                ps: Span | None = getattr(p, role)
                self._judge(role, "exact", gs, ps, gs == ps)
                partial = gs == ps or (gs is not None and ps is not None and _overlap(gs, ps) > 0)
                self._judge(role, "partial", gs, ps, partial)
                agree = agree and partial
            self.attributions += int(agree)

        for regime in ("exact", "partial"):
            for gi, g in enumerate(gold):
                if gi not in paired_gold:
                    self._miss("content", regime, g.content)
                    self._miss("cue", regime, g.cue)
                    # A missed attribution misses its source slot too, stated or not.
                    self.counts[("source", regime)].fn += 1
            for pi, p in enumerate(pred):
                if pi not in paired_pred:
                    self._spurious("content", regime, p.content)
                    self._spurious("cue", regime, p.cue)
                    self.counts[("source", regime)].fp += 1

    def _judge(self, role: str, regime: str, gold: object, pred: object, correct: bool) -> None:
        """Count one role of a matched quote pair.

        Both null (only possible for cue/source) is a true positive for the source, by the
        convention in the class docstring, and nothing at all for the cue, which PolNeAR always
        annotates; null on one side is a plain miss or a plain false alarm.
        """
        counts = self.counts[(role, regime)]
        if gold is None and pred is None:
            if role == "source":
                counts.tp += 1
        elif pred is None:
            counts.fn += 1
        elif gold is None:
            counts.fp += 1
        elif correct:
            counts.tp += 1
        else:
            counts.fp += 1
            counts.fn += 1

    def _miss(self, role: str, regime: str, gold: object) -> None:
        if gold is not None:
            self.counts[(role, regime)].fn += 1

    def _spurious(self, role: str, regime: str, pred: object) -> None:
        if pred is not None:
            self.counts[(role, regime)].fp += 1

    def metrics(self) -> dict[str, Any]:
        result: dict[str, Any] = {
            "gold_items": self.gold,
            "predicted_items": self.pred,
            "matched": self.matched,
        }
        for role in self.roles:
            for regime in ("exact", "partial"):
                result.update(_prefixed(f"{role}_{regime}", self.counts[(role, regime)].scores()))
        result.update(
            _prefixed("content_overlap", _prf(self.overlap_chars, self.pred_chars, self.gold_chars))
        )
        result.update(_prefixed("attribution", _prf(self.attributions, self.pred, self.gold)))
        return result


# --------------------------------------------------------------------------------------------
# techniques (SemEval-2020 Task 11)
# --------------------------------------------------------------------------------------------


def _merge_overlapping(spans: Iterable[Span]) -> list[Span]:
    """Merge spans sharing at least one character into their hull (touching spans stay apart).

    The official SI scorer does this to the gold and (with ``-m``) to the submission, so that a
    character is never counted twice.
    """
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


class _TechniquesScorer(_LayerScorer):
    """SemEval-2020 Task 11 span identification (SI) and technique classification (TC).

    SI ignores labels and gives partial credit for partial overlap, exactly as the organisers'
    ``task-SI_scorer.py``. TC here is end-to-end: a predicted (span, technique) is right only
    with identical offsets and label, micro-averaged; ``tc_given_spans_accuracy`` isolates the
    labelling from span finding by looking only at gold spans the system found exactly, which
    is what the official TC task (gold spans given) measures.
    """

    layer = "techniques"

    def __init__(self) -> None:
        self.gold = self.pred = 0
        self.si_gold = self.si_pred = 0
        self.si_p_mass = self.si_r_mass = 0.0
        self.tc_tp = 0
        self.given_n = self.given_ok = 0
        self.per_tp: Counter[str] = Counter()
        self.per_gold: Counter[str] = Counter()
        self.per_pred: Counter[str] = Counter()

    def _labelled(self, doc: _DocItems, side: str) -> list[tuple[Span, str | None]]:
        items = _items(doc.gold if side == "gold" else doc.pred, self.where(doc, side))
        out: list[tuple[Span, str | None]] = []
        for item in items:
            label = item.get("technique")
            out.append(
                (_span(item, self.where(doc, side)), label if isinstance(label, str) else None)
            )
        return out

    def add(self, doc: _DocItems) -> None:
        gold = self._labelled(doc, "gold")
        pred = self._labelled(doc, "predicted")
        self.gold += len(gold)
        self.pred += len(pred)

        # SI: label-free, merged, partial credit.
        gold_si = _merge_overlapping(span for span, _ in gold)
        pred_si = _merge_overlapping(span for span, _ in pred)
        self.si_gold += len(gold_si)
        self.si_pred += len(pred_si)
        for s in pred_si:
            for t in gold_si:
                shared = _overlap(s, t)
                if shared:
                    self.si_p_mass += shared / (s[1] - s[0])
                    self.si_r_mass += shared / (t[1] - t[0])

        # TC: exact span and label; unlabelled items can never be right.
        gold_tc = Counter((span, label) for span, label in gold if label is not None)
        pred_tc = Counter((span, label) for span, label in pred if label is not None)
        hits = gold_tc & pred_tc
        self.tc_tp += sum(hits.values())
        for (_, label), count in gold_tc.items():
            self.per_gold[label] += count
        for (_, label), count in pred_tc.items():
            self.per_pred[label] += count
        for (_, label), count in hits.items():
            self.per_tp[label] += count

        # TC given spans: gold entries at offsets the system also predicted.
        pred_offsets = {span for span, _ in pred}
        self.given_n += sum(1 for span, _ in gold if span in pred_offsets)
        self.given_ok += sum(hits.values())

    def metrics(self) -> dict[str, Any]:
        per_technique = {
            label: {
                "tp": self.per_tp[label],
                "fp": self.per_pred[label] - self.per_tp[label],
                "fn": self.per_gold[label] - self.per_tp[label],
                **_prf(self.per_tp[label], self.per_pred[label], self.per_gold[label]),
            }
            for label in sorted(set(self.per_gold) | set(self.per_pred))
        }
        return {
            "gold_items": self.gold,
            "predicted_items": self.pred,
            "si_gold": self.si_gold,
            "si_predicted": self.si_pred,
            **_prefixed(
                "si", _prf_mass(self.si_p_mass, self.si_pred, self.si_r_mass, self.si_gold)
            ),
            "tc_tp": self.tc_tp,
            **_prefixed("tc", _prf(self.tc_tp, self.pred, self.gold)),
            "tc_given_spans_n": self.given_n,
            "tc_given_spans_accuracy": _ratio(self.given_ok, self.given_n),
            "per_technique": per_technique,
        }


def _prf_mass(p_mass: float, n_pred: int, r_mass: float, n_gold: int) -> dict[str, float]:
    """P/R/F1 when precision and recall have different numerators (SemEval SI partial credit)."""
    p = p_mass / n_pred if n_pred else 0.0
    r = r_mass / n_gold if n_gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": p, "r": r, "f1": f1}


# --------------------------------------------------------------------------------------------
# events (PLOVER / ACLED)
# --------------------------------------------------------------------------------------------

_ACLED_KEY = "acled_event_type"
_ACLED_SUB_KEY = "acled_sub_event_type"
# Function words that say nothing about who acted; "the/a/an" are the determiners the
# specification names, the rest are the prepositions and conjunctions PLOVER gold texts carry
# ("in central Baghdad", "Hungarian; Romanian").
_FUNCTION_WORDS = frozenset(
    {"the", "a", "an", "of", "and", "or", "in", "on", "at", "to", "for", "by", "from", "with"}
)
_TOKEN_SPLIT = re.compile(r"[\s;,/()\"“”\-–—]+")


def _events_match_key(docs: Sequence[_DocItems]) -> str:
    """``"type"`` unless the gold is ACLED-only (no event anywhere has a PLOVER ``type``).

    Decided once over the whole run, not per document, so one result never mixes two
    typologies in ``per_type``.
    """
    has_plover = has_acled = False
    for doc in docs:
        for item in doc.gold:
            if isinstance(item, Mapping):
                has_plover = has_plover or item.get("type") is not None
                has_acled = has_acled or item.get(_ACLED_KEY) is not None
    return _ACLED_KEY if has_acled and not has_plover else "type"


def _event_label(item: Mapping[str, Any], key: str) -> str | None:
    """The matching label: PLOVER types upper-cased, ACLED types as written, minus whitespace."""
    value = item.get(key)
    if not isinstance(value, str) or not value.strip():
        return None
    return value.strip().upper() if key == "type" else value.strip()


def _casefolded(value: object) -> str | None:
    """Case-insensitive comparison form of an optional string attribute."""
    return value.strip().casefold() if isinstance(value, str) and value.strip() else None


def _modes(item: Mapping[str, Any]) -> frozenset[str]:
    """The event's PLOVER modes as a case-folded set (order carries no meaning)."""
    raw = item.get("mode")
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, list):
        return frozenset()
    return frozenset(m.strip().casefold() for m in raw if isinstance(m, str) and m.strip())


def _content_tokens(text: object) -> frozenset[str]:
    """Normalised content tokens of an actor or recipient text.

    Lower-cased, split on whitespace and separators, possessive ``'s`` and other punctuation
    removed inside a token (so "U.S." is ``us``), and determiners/function words dropped.
    """
    if not isinstance(text, str):
        return frozenset()
    tokens: set[str] = set()
    for raw in _TOKEN_SPLIT.split(text.casefold()):
        token = re.sub(r"['’]s$", "", raw)
        token = re.sub(r"[\W_]+", "", token)
        if token and token not in _FUNCTION_WORDS:
            tokens.add(token)
    return frozenset(tokens)


class _EventsScorer(_LayerScorer):
    """Event detection as a per-document multiset match on the event label, plus arguments.

    Event gold has no offsets (documents are often one sentence), so a predicted event is
    right when the same document has an unclaimed gold event of the same type. Within a type
    the pairs are formed greedily by shared modes (then by actor/recipient agreement) so that
    mode and argument scores are judged on the most plausible pairing.
    """

    layer = "events"

    def __init__(self, match_key: str) -> None:
        self.match_key = match_key
        self.gold = self.pred = self.tp = 0
        self.per_tp: Counter[str] = Counter()
        self.per_gold: Counter[str] = Counter()
        self.per_pred: Counter[str] = Counter()
        self.mode_n = self.mode_ok = self.mode_any = 0
        self.actor_n = self.actor_ok = self.recipient_n = self.recipient_ok = 0
        self.attr_n: Counter[str] = Counter()
        self.attr_ok: Counter[str] = Counter()
        self.fatal_n = 0
        self.fatal_abs = 0.0
        # Document-level ACLED labels, (gold, predicted or None), per ACLED attribute.
        self.doc_labels: dict[str, list[tuple[str, str | None]]] = {
            _ACLED_KEY: [],
            _ACLED_SUB_KEY: [],
        }

    def add(self, doc: _DocItems) -> None:
        gold = _items(doc.gold, self.where(doc, "gold"))
        pred = _items(doc.pred, self.where(doc, "predicted"))
        self.gold += len(gold)
        self.pred += len(pred)
        for attr, labels in self.doc_labels.items():
            gold_label = _doc_gold_label(gold, attr)
            if gold_label is not None:
                labels.append((gold_label, _doc_pred_label(pred, attr)))
        gold_by: defaultdict[str, list[Mapping[str, Any]]] = defaultdict(list)
        pred_by: defaultdict[str, list[Mapping[str, Any]]] = defaultdict(list)
        for item in gold:
            label = _event_label(item, self.match_key)
            if label is not None:  # unlabelled gold can only be missed: it stays in self.gold
                gold_by[label].append(item)
        for item in pred:
            label = _event_label(item, self.match_key)
            if label is not None:  # unlabelled predictions can only be wrong
                pred_by[label].append(item)
        for label, items in gold_by.items():
            self.per_gold[label] += len(items)
        for label, items in pred_by.items():
            self.per_pred[label] += len(items)
        for label in gold_by.keys() & pred_by.keys():
            for g, p in self._pair(gold_by[label], pred_by[label]):
                self.tp += 1
                self.per_tp[label] += 1
                self._judge(g, p)

    @staticmethod
    def _pair(
        gold: list[Mapping[str, Any]], pred: list[Mapping[str, Any]]
    ) -> list[tuple[Mapping[str, Any], Mapping[str, Any]]]:
        """Pair same-type events: most shared modes first, then most agreeing arguments."""

        def key(gi: int, pi: int) -> tuple[float, ...]:
            g, p = gold[gi], pred[pi]
            args = sum(
                bool(_content_tokens(g.get(role)) & _content_tokens(p.get(role)))
                for role in ("actor_text", "recipient_text")
            )
            return (len(_modes(g) & _modes(p)), args)

        return [(gold[gi], pred[pi]) for gi, pi in _greedy_pairs(len(gold), len(pred), key)]

    def _judge(self, g: Mapping[str, Any], p: Mapping[str, Any]) -> None:
        """Attribute scores on one matched pair, each only where the gold states the attribute."""
        gold_modes = _modes(g)
        if gold_modes:
            pred_modes = _modes(p)
            self.mode_n += 1
            self.mode_ok += gold_modes == pred_modes
            self.mode_any += bool(gold_modes & pred_modes)
        gold_actor = _content_tokens(g.get("actor_text"))
        if gold_actor:
            self.actor_n += 1
            self.actor_ok += bool(gold_actor & _content_tokens(p.get("actor_text")))
        gold_recipient = _content_tokens(g.get("recipient_text"))
        if gold_recipient:
            self.recipient_n += 1
            self.recipient_ok += bool(gold_recipient & _content_tokens(p.get("recipient_text")))
        for attr in (_ACLED_KEY, _ACLED_SUB_KEY):
            if attr == self.match_key:
                continue  # equal by construction
            gold_value = _casefolded(g.get(attr))
            if gold_value is not None:
                self.attr_n[attr] += 1
                self.attr_ok[attr] += gold_value == _casefolded(p.get(attr))
        gold_dead = g.get("fatalities")
        if isinstance(gold_dead, int) and not isinstance(gold_dead, bool):
            pred_dead = p.get("fatalities")
            # ACLED codes "unknown" as 0, so a prediction without a number is read as 0.
            guess = (
                float(pred_dead)
                if isinstance(pred_dead, int | float) and not isinstance(pred_dead, bool)
                else 0.0
            )
            self.fatal_n += 1
            self.fatal_abs += abs(float(gold_dead) - guess)

    def metrics(self) -> dict[str, Any]:
        per_type = {
            label: {
                **_prf(self.per_tp[label], self.per_pred[label], self.per_gold[label]),
                "support": self.per_gold[label],
                "predicted": self.per_pred[label],
            }
            for label in sorted(set(self.per_gold) | set(self.per_pred))
        }
        gold_types = [scores["f1"] for scores in per_type.values() if scores["support"]]
        result: dict[str, Any] = {
            "matched_on": self.match_key,
            "gold_items": self.gold,
            "predicted_items": self.pred,
            "tp": self.tp,
            **_prefixed("micro", _prf(self.tp, self.pred, self.gold)),
            "macro_f1": sum(gold_types) / len(gold_types) if gold_types else 0.0,
            "mode_n": self.mode_n,
            "mode_acc": _ratio(self.mode_ok, self.mode_n),
            "mode_any_acc": _ratio(self.mode_any, self.mode_n),
            "actor_n": self.actor_n,
            "actor_match": _ratio(self.actor_ok, self.actor_n),
            "recipient_n": self.recipient_n,
            "recipient_match": _ratio(self.recipient_ok, self.recipient_n),
        }
        for attr in (_ACLED_KEY, _ACLED_SUB_KEY):
            if attr != self.match_key:
                result[f"{attr}_n"] = self.attr_n[attr]
                result[f"{attr}_acc"] = _ratio(self.attr_ok[attr], self.attr_n[attr])
        for attr, labels in self.doc_labels.items():
            if labels:
                result[f"{attr}_doc_n"] = len(labels)
                result[f"{attr}_doc_acc"] = sum(g == p for g, p in labels) / len(labels)
                result[f"{attr}_weighted_f1"] = _weighted_f1(labels)
        result["fatalities_n"] = self.fatal_n
        result["fatalities_mae"] = _ratio(self.fatal_abs, self.fatal_n)
        result["per_type"] = per_type
        return result


def _doc_gold_label(gold: Sequence[Mapping[str, Any]], attr: str) -> str | None:
    """A document's gold ACLED label: its most frequent value of ``attr`` (ties: the first).

    CASE 2021 labels each snippet once; a document with several gold events is classified by
    its dominant type, as the shared task's document-level scoring does.
    """
    values = [v for v in (_casefolded(item.get(attr)) for item in gold) if v is not None]
    if not values:
        return None
    counts = Counter(values)
    return max(values, key=lambda v: counts[v])  # max keeps the first of equal counts


def _doc_pred_label(pred: Sequence[Mapping[str, Any]], attr: str) -> str | None:
    """The system's document label: ``attr`` of its lead event, the first in text order that
    has one (news leads with its main event).

    Not the most confident event: a confidence says how likely an event is real, and a snippet
    that reports a clash and its toll holds several real events, of which the first is the one
    the snippet is about (issue 6, docs/metrics.md). A document with no such event is labelled
    ``None``, which is always wrong.
    """
    located = [
        (_trigger_start(item), index, value)
        for index, item in enumerate(pred)
        if (value := _casefolded(item.get(attr))) is not None
    ]
    return min(located)[2] if located else None


def _trigger_start(item: Mapping[str, Any]) -> float:
    """Where an event's trigger starts; an event with none comes after every located one."""
    trigger = item.get("trigger")
    if isinstance(trigger, Sequence) and len(trigger) == 2 and isinstance(trigger[0], int):
        return float(trigger[0])
    return math.inf


def _weighted_f1(labels: Sequence[tuple[str, str | None]]) -> float:
    """Support-weighted mean of per-class F1 over the gold classes (scikit-learn's
    ``f1_score(average="weighted")``, the CASE 2021 Task 2 measure). A prediction of a class
    absent from the gold has no weight of its own; it counts as a miss of its gold class."""
    support = Counter(g for g, _ in labels)
    predicted = Counter(p for _, p in labels if p is not None)
    correct = Counter(g for g, p in labels if g == p)
    total = 0.0
    for label, n in support.items():
        total += n * _prf(correct[label], predicted[label], n)["f1"]
    return total / len(labels)


# --------------------------------------------------------------------------------------------
# Report formatting
# --------------------------------------------------------------------------------------------


def _cell(value: object) -> str:
    """One table cell: floats with 4 decimals, undefined values as ``n/a``."""
    if value is None:
        return "n/a"
    if isinstance(value, float):
        return f"{value:.4f}"
    return str(value)


def _header_line(result: Mapping[str, Any]) -> str:
    """The report's first line: which layer, how many documents counted, skipped, crashed."""
    line = (
        f"{result.get('layer', '?')}: {result.get('docs', 0)} documents scored, "
        f"{result.get('docs_skipped', 0)} skipped (layer not annotated), "
        f"{result.get('crashed', 0)} crashed"
    )
    if "matched_on" in result:
        line += f"; events matched on {result['matched_on']}"
    return line


def _nested_table(name: str, table: Mapping[str, Any]) -> list[str]:
    """A per-label breakdown as a table: one row per label, one column per inner key."""
    columns: list[str] = []
    for row in table.values():
        if isinstance(row, Mapping):
            columns.extend(key for key in row if key not in columns)
    if not columns:
        return [f"{name}: (none)"]
    label_width = max(len(name), *(len(str(label)) for label in table))
    widths = {
        column: max(
            len(column),
            *(len(_cell(row.get(column))) for row in table.values() if isinstance(row, Mapping)),
        )
        for column in columns
    }
    lines = [f"{name:<{label_width}}  " + "  ".join(f"{c:>{widths[c]}}" for c in columns)]
    for label, row in table.items():
        cells = row if isinstance(row, Mapping) else {}
        lines.append(
            f"{label!s:<{label_width}}  "
            + "  ".join(f"{_cell(cells.get(c)):>{widths[c]}}" for c in columns)
        )
    return lines
