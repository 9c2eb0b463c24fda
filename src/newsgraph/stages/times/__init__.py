"""Times: find every temporal expression and resolve it against the calendar and the events.

The stage runs in four steps, one module each:

1. ``grammar``: compiled regular expressions find the expressions and say what they mean
   (``Parse``) with TIMEX3 extents;
2. ``anchoring``: the tense of the governing verb and whether the document is news (anchored on
   its publication date) or narrative (anchored on the last time it mentioned);
3. ``normalize``: calendar arithmetic turns each Parse into a TIMEX3 type/value and an interval
   ``[earliest, latest]``; without a publication date relative expressions keep their X's;
4. ``events``: "five days after the assassination" and "two days earlier" are tied to the event
   they measure from, and the constraints on each event are solved across the document.

Output: ``doc._.ng_times``, a list of :class:`~newsgraph.record.TimeExpr` in text order.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.extensions import register_extensions
from newsgraph.record import Evidence, TimeExpr
from newsgraph.stages.times import anchoring, events, grammar
from newsgraph.stages.times.normalize import Context, Resolved, resolve

STAGE = "newsgraph_times"

__all__ = ["STAGE", "TimesStage", "newsgraph_times"]


@Language.factory(
    STAGE,
    requires=["token.dep", "token.tag", "token.lemma"],
    assigns=["doc._.ng_times", "doc._.ng_narrative"],
    default_config={"narrative_far_share": 0.5, "link_events": True},
)
def newsgraph_times(
    nlp: Language, name: str, narrative_far_share: float, link_events: bool
) -> TimesStage:
    """spaCy factory for the times stage."""
    return TimesStage(narrative_far_share=narrative_far_share, link_events=link_events)


class TimesStage:
    """Temporal tagging, normalisation and event-relative resolution."""

    def __init__(self, *, narrative_far_share: float = 0.5, link_events: bool = True) -> None:
        register_extensions()
        self.narrative_far_share = narrative_far_share
        self.link_events = link_events

    def __call__(self, doc: Doc) -> Doc:
        meta = doc._.ng_meta or {}
        published = anchoring.parse_published(meta.get("published"))
        text = doc.text  # spaCy rebuilds Doc.text on every access: read it once
        found = [f for f in grammar.find(text) if _not_quantity(doc, f)]
        years = [None if f.parse.bc else f.parse.year for f in found if f.parse.year is not None]
        narrative = anchoring.is_narrative(years, published, self.narrative_far_share)
        history = (
            narrative
            if published is not None
            else anchoring.undated_history([f.parse for f in found])
        )
        doc._.ng_narrative = history  # the events stage dates untimed acts by it
        resolved: list[Resolved] = []
        references: list[int | None] = []
        reference: int | None = None
        day_reference: int | None = None
        for item in found:
            parse = item.parse
            direction = None
            if parse.weekday is not None or parse.needs_year:
                direction = anchoring.tense_direction(doc, item.start, item.end)
            ctx = Context(
                published=published,
                reference=None if reference is None else resolved[reference],
                direction=direction,
                narrative=narrative,
                day_reference=None if day_reference is None else resolved[day_reference],
                history=history,
            )
            result = resolve(parse, ctx)
            resolved.append(result)
            references.append(reference if result.anchored_on == "time" else None)
            if result.is_point and result.granularity != "ref":
                if (
                    result.granularity != "year"
                    or parse.rel is not None
                    or (anchoring.sets_narrative_year(text, item.start, _fine(resolved, reference)))
                ):
                    reference = len(resolved) - 1
                if result.granularity in ("day", "time"):
                    day_reference = len(resolved) - 1
        links = events.link(doc, text, found, resolved) if self.link_events else []
        solved = events.solve(links)
        doc._.ng_times = [
            self._record(text, index, found, resolved, references, published)
            for index in range(len(found))
        ]
        for event_link in links:
            self._apply_link(text, event_link, solved[event_link.key], doc._.ng_times, found)
        return doc

    def _record(
        self,
        text: str,
        index: int,
        found: list[grammar.Found],
        resolved: list[Resolved],
        references: list[int | None],
        published: dt.date | None,
    ) -> TimeExpr:
        item, result = found[index], resolved[index]
        anchor: dict[str, Any] | None = None
        if result.anchored_on == "publication" and published is not None:
            anchor = {"kind": "publication", "ref": published.isoformat()}
        elif result.anchored_on == "time" and references[index] is not None:
            ref = references[index]
            assert ref is not None
            anchor = {"kind": "time", "ref": _span_ref(text, found[ref], resolved[ref].value)}
        return TimeExpr(
            start=item.start,
            end=item.end,
            text=text[item.start : item.end],
            type=result.type,
            value=result.value,
            evidence=Evidence([(item.start, item.end)], STAGE, result.confidence),
            earliest=_iso(result.earliest),
            latest=_iso(result.latest),
            granularity=result.granularity,
            anchor=anchor,
        )

    def _apply_link(
        self,
        text: str,
        link: events.EventLink,
        interval: events.Interval,
        times: list[TimeExpr],
        found: list[grammar.Found],
    ) -> None:
        """Write the solved event interval onto the expression that links to the event."""
        timex = times[link.index]
        earliest, latest = interval
        start, end = link.trigger
        anchor: dict[str, Any] = {
            "kind": "event",
            "ref": {"start": start, "end": end, "text": text[start:end]},
            "relation": link.relation,
            "time": _span_ref(text, found[link.reference], times[link.reference].value),
            "event_earliest": _iso(earliest),
            "event_latest": _iso(latest),
        }
        if earliest is not None and earliest == latest:
            clause = _narrowed(link.clause_interval(interval), times[link.reference])
            if clause is not None:
                anchor["time_earliest"], anchor["time_latest"] = clause
        timex.anchor = anchor
        if timex.type == "DURATION":
            timex.earliest, timex.latest = _iso(earliest), _iso(latest)
            return
        if earliest is not None and earliest == latest:
            timex.value = earliest.isoformat()
            timex.earliest = timex.latest = timex.value
            timex.granularity = "day"
            timex.evidence.confidence = 0.7


def _narrowed(implied: events.Interval, reference: TimeExpr) -> tuple[str, str] | None:
    """``implied`` as ISO dates when it is a day inside the reference expression's interval
    and narrower than it; otherwise the two disagree or add nothing (None)."""
    low, high = implied
    if low is None or low != high:
        return None
    day = low.isoformat()
    inside = (reference.earliest is None or reference.earliest <= day) and (
        reference.latest is None or day <= reference.latest[:10]
    )
    if not inside or reference.earliest == reference.latest == day:
        return None
    return day, day


def _span_ref(text: str, item: grammar.Found, value: str) -> dict[str, Any]:
    return {
        "start": item.start,
        "end": item.end,
        "text": text[item.start : item.end],
        "value": value,
    }


def _fine(resolved: list[Resolved], reference: int | None) -> bool:
    """Whether the current narrative reference is finer than a year."""
    return reference is not None and resolved[reference].granularity not in (
        "year",
        "decade",
        "century",
    )


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def _not_quantity(doc: Doc, item: grammar.Found) -> bool:
    """Drop a "year" that the parser reads as the count of a plural noun ("1500 soldiers")."""
    if item.rule != "year" or item.parse.year is None:
        return True
    span = doc.char_span(item.start, item.end, alignment_mode="expand")
    if span is None:
        return True
    token = span[-1]
    return not (token.dep_ == "nummod" and token.head.tag_ == "NNS" and token.head.i > token.i)
