"""Human-readable summaries of analyses (``--format text`` and the ingest report)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from newsgraph.record import Analysis, Event, Quote, speaker_name

_LAYERS = ("entities", "places", "times", "quotes", "events", "techniques")
# The confidence from which the corpus summary counts an event as likely real.
LIKELY_EVENT = 0.5
# Longest quoted text on one line of the summary.
_CLIP = 90
_OPENING_MARKS = "\"“‘«„'"


def format_analysis(analysis: Analysis) -> str:
    """A few lines per layer: what was found and where, for a person reading a terminal.

    Each layer says what a reader checks first: entities with their codes, places as resolved,
    times as normalised, who said what through whom, the events with who did what to whom
    where and when (and on whose word), and whose loaded words the techniques are. The JSON
    output has every offset and confidence; this is the overview.
    """
    title = analysis.title or analysis.text.strip().splitlines()[0][:80]
    lines = [f"{analysis.id}  {title}", f"  published: {analysis.published or 'unknown'}"]
    if analysis.url:
        lines.append(f"  url: {analysis.url}")
    counts = ", ".join(f"{len(getattr(analysis, layer))} {layer}" for layer in _LAYERS)
    lines.append(f"  found: {counts}")
    for entity in analysis.entities:
        facts = [entity.type]
        facts += [x for x in (entity.country, entity.sector, entity.wikidata) if x]
        lines.append(
            f"  - {entity.name} [{', '.join(facts)}] ×{len(entity.mentions)}: "
            + "; ".join(dict.fromkeys(m.text for m in entity.mentions))
        )
    for heading, section in (
        ("places", _places(analysis)),
        ("times", _times(analysis)),
        ("quotes", _quotes(analysis)),
        ("events", _events(analysis)),
        ("techniques", _techniques(analysis)),
    ):
        if section:
            lines.append(f"  {heading}:")
            lines.extend(f"  - {line}" for line in section)
    lines.extend(f"  ! {warning}" for warning in analysis.warnings)
    return "\n".join(lines)


def _clip(text: str, size: int = _CLIP) -> str:
    """One line of at most ``size`` characters (whitespace collapsed)."""
    flat = " ".join(text.split())
    return flat if len(flat) <= size else flat[: size - 1].rstrip() + "…"


def _places(analysis: Analysis) -> list[str]:
    """Each resolved place once, with its mentions; unresolved toponyms last."""
    found: dict[str, list[str]] = {}
    for place in analysis.places:
        if place.lat is None:
            key = f"{place.text} (unresolved)"
        else:
            where = ", ".join(x for x in (place.admin1, place.country) if x)
            key = f"{place.name or place.text} [{where}; {place.precision or 'place'}]"
        found.setdefault(key, []).append(place.text)
    return [
        f"{key} ×{len(texts)}: " + "; ".join(dict.fromkeys(texts))
        for key, texts in sorted(found.items(), key=lambda kv: kv[0].endswith("(unresolved)"))
    ]


def _times(analysis: Analysis) -> list[str]:
    """Each expression with its normalised value and, for a span of time, the dates it gives."""
    lines = []
    for time in analysis.times:
        interval = time.earliest if time.earliest == time.latest else None
        if interval is None and (time.earliest or time.latest):
            interval = f"{time.earliest or '…'} – {time.latest or '…'}"
        anchor = (time.anchor or {}).get("kind")
        line = f"“{time.text}” {time.type} {time.value}"
        if interval and interval != time.value:
            line += f" → {interval}"
        if anchor == "event":
            line += " (from the events)"
        lines.append(line)
    return lines


def _quotes(analysis: Analysis) -> list[str]:
    """Speaker, role and channel, the chain of relays, and the start of the content."""
    chains = {chain.quote: chain for chain in analysis.source_chains if chain.quote}
    lines = []
    for quote in analysis.quotes:
        text = analysis.text
        cue = text[quote.cue[0] : quote.cue[1]] if quote.cue else "no cue"
        content = " … ".join(text[s:e] for s, e in quote.content)
        who = _speaker(analysis, quote)
        if quote.role:
            who += f" ({_clip(quote.role, 50)})"
        chain = chains.get(quote.id)
        relays = [link.name for link in chain.links if link.role == "relay"] if chain else []
        via = f" via {' ← '.join(relays)}" if relays else ""
        channel = f" on {quote.channel}" if quote.channel else ""
        if quote.direct and content[:1] not in _OPENING_MARKS:
            content = f"“{content}”"
        kind = "direct" if quote.direct else "indirect"
        lines.append(f"{quote.id}: {who}{channel}{via}, {kind}, {cue}: {_clip(content)}")
    return lines


def _speaker(analysis: Analysis, quote: Quote) -> str:
    return speaker_name(analysis.text, quote.speaker, quote.source) or "unknown speaker"


def _events(analysis: Analysis) -> list[str]:
    """Date, type and modes, who did what to whom, where, flags, casualties, on whose word."""
    speakers = {quote.id: _speaker(analysis, quote) for quote in analysis.quotes}
    lines = []
    for event in analysis.events:
        date = _event_date(event)
        modes = f" [{', '.join(event.mode)}]" if event.mode else ""
        actor = event.actor_text or "?"
        recipient = event.recipient_text or "?"
        line = f"{date} {event.type}{modes}: {_clip(actor, 40)} → {_clip(recipient, 40)}"
        if event.place:
            where = event.place.get("text") or event.place.get("name")
            country = event.place.get("country")
            line += f" @ {where}" + (f", {country}" if country else "")
        flags = [
            name
            for name in ("negated", "hypothetical", "future", "habitual")
            if getattr(event, name)
        ]
        if event.fatalities is not None:
            at_least = "≥ " if event.fatalities_unknown_count else ""
            flags.append(f"dead {at_least}{event.fatalities}")
        flags += [
            f"{count} {label}"
            for count, label in ((event.injured, "injured"), (event.arrested, "arrested"))
            if count is not None
        ]
        if flags:
            line += f" ({', '.join(flags)})"
        if event.acled_sub_event_type:
            line += f" ACLED: {event.acled_sub_event_type}"
        line += f"; according to {speakers.get(event.attributed_to or '', 'the outlet')}"
        lines.append(line)
    return lines


def _event_date(event: Event) -> str:
    """The date, the interval it is known to lie in, or that only the publication dates it."""
    if event.date:
        return event.date + (" (publication date)" if event.date_source == "publication" else "")
    if event.earliest or event.latest:
        if event.earliest == event.latest:
            return str(event.earliest)
        return f"{event.earliest or '…'} – {event.latest or '…'}"
    return "no date"


def _techniques(analysis: Analysis) -> list[str]:
    """Technique, whose words, the words themselves and what they label."""
    names = {entity.id: entity.name for entity in analysis.entities}
    lines = []
    for technique in analysis.techniques:
        whose = names.get(technique.speaker, technique.speaker) if technique.speaker else "outlet"
        target = f" → {names.get(technique.target, technique.target)}" if technique.target else ""
        lines.append(
            f"{technique.technique} ({whose}, {technique.evidence.confidence:.2f}):"
            f" “{_clip(technique.text)}”{target}"
        )
    return lines


def format_corpus_summary(analyses: Iterable[dict[str, Any]], failures: int) -> str:
    """Totals and the most mentioned actors of a set of stored analyses (plain dicts)."""
    totals: Counter[str] = Counter()
    actors: Counter[str] = Counter()
    labels: dict[str, str] = {}
    n = likely = 0
    for data in analyses:
        n += 1
        for layer in _LAYERS:
            totals[layer] += len(data.get(layer, []))
        likely += sum(
            1
            for event in data.get("events", [])
            if (event.get("evidence") or {}).get("confidence", 0.0) >= LIKELY_EVENT
        )
        for entity in data.get("entities", []):
            actors[entity["id"]] += len(entity["mentions"])
            facts = [x for x in (entity.get("country"), entity.get("sector")) if x]
            labels[entity["id"]] = entity["name"] + (f" ({', '.join(facts)})" if facts else "")
    lines = [f"{n} articles analysed, {failures} failed"]
    lines.append("  " + ", ".join(f"{totals[layer]} {layer}" for layer in _LAYERS))
    if totals["events"]:
        # Most coded clauses of whole articles are no events; the calibrated confidence says
        # which are likely real (docs/events.md, "Event confidence").
        lines.append(
            f"  {likely} of the {totals['events']} events at confidence >= {LIKELY_EVENT:g}, "
            f"more likely real than not (newsgraph events --min-confidence {LIKELY_EVENT:g})"
        )
    if actors:
        lines.append("  most mentioned actors:")
        for key, count in actors.most_common(10):
            lines.append(f"    {count:4d}  {labels[key]}")
    return "\n".join(lines)
