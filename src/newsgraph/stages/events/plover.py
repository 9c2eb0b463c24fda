"""Export events as PLOVER-JSON records.

PLOVER's record (``CODEBOOKS.md``) needs ``id``, ``date`` (YYYY-MM-DD), ``actor`` (list) and
``event`` (list); it allows ``recipient``, ``mode``, ``event_loc``, ``event_text``,
``quad_code``, ``size`` and ``cite_info``. The mapping is a pure function of an
:class:`~newsgraph.record.Event` and its article, so exporters (CLI, store, web) share it.
"""

from __future__ import annotations

from typing import Any

from newsgraph.plover import QUAD
from newsgraph.record import Event


def to_plover(event: Event, text: str, article: dict[str, Any] | None = None) -> dict[str, Any]:
    """One PLOVER-JSON record for ``event`` of an article with ``text`` and metadata."""
    article = article or {}
    trigger = event.trigger
    event_text = text[trigger[0] : trigger[1]] if trigger else None
    record: dict[str, Any] = {
        "id": event.id,
        "date": (event.date or "")[:10] or None,
        "actor": _names(event.actor_text, event.actors),
        "recipient": _names(event.recipient_text, event.recipients),
        "event": [event.type],
        "mode": list(event.mode),
        "event_text": event_text,
        "quad_code": QUAD.get(event.type),
        "size": {
            "dead": event.fatalities,
            "injured": event.injured,
            "arrested": event.arrested,
        },
        "event_loc": _location(event.place),
        "cite_info": {
            "id": article.get("id"),
            "url": article.get("url"),
            "publication": article.get("outlet"),
            "title": article.get("title"),
            "published": article.get("published"),
            "attributed_to": event.attributed_to,
        },
    }
    return record


def _names(text: str | None, ids: list[str]) -> list[dict[str, Any]]:
    if text is None:
        return []
    parts = [p.strip() for p in text.split(";") if p.strip()]
    return [
        {"text": part, "entity": ids[i] if i < len(ids) else None} for i, part in enumerate(parts)
    ]


def _location(place: dict[str, Any] | None) -> dict[str, Any] | None:
    if place is None:
        return None
    return {
        "extracted_place": place.get("text"),
        "geonameid": place.get("geonameid"),
        "lat": place.get("lat"),
        "lon": place.get("lon"),
        "country_code": place.get("country"),
        "geo_precision": place.get("geo_precision"),
    }
