"""Human-readable summaries of analyses (``--format text`` and the ingest report)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from newsgraph.record import Analysis

_LAYERS = ("entities", "places", "times", "quotes", "events", "techniques")


def format_analysis(analysis: Analysis) -> str:
    """A few lines per layer: what was found and where, for a person reading a terminal."""
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
    lines.extend(f"  ! {warning}" for warning in analysis.warnings)
    return "\n".join(lines)


def format_corpus_summary(analyses: Iterable[dict[str, Any]], failures: int) -> str:
    """Totals and the most mentioned actors of a set of stored analyses (plain dicts)."""
    totals: Counter[str] = Counter()
    actors: Counter[str] = Counter()
    labels: dict[str, str] = {}
    n = 0
    for data in analyses:
        n += 1
        for layer in _LAYERS:
            totals[layer] += len(data.get(layer, []))
        for entity in data.get("entities", []):
            actors[entity["id"]] += len(entity["mentions"])
            facts = [x for x in (entity.get("country"), entity.get("sector")) if x]
            labels[entity["id"]] = entity["name"] + (f" ({', '.join(facts)})" if facts else "")
    lines = [f"{n} articles analysed, {failures} failed"]
    lines.append("  " + ", ".join(f"{totals[layer]} {layer}" for layer in _LAYERS))
    if actors:
        lines.append("  most mentioned actors:")
        for key, count in actors.most_common(10):
            lines.append(f"    {count:4d}  {labels[key]}")
    return "\n".join(lines)
