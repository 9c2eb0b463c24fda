"""The outlet's country: where the article was published, as a prior for its places.

A local paper's "Springfield" is in its own state, an Iranian agency's "Ahvaz" in Iran. The
article's metadata (``doc._.ng_meta``) names the outlet and often its URL; the outlet's country
is read from

1. the news outlets of the shipped actor dictionary (entries with sector ``MED`` and a country:
   "Tasnim News" → IR, "Reuters" → GB), matched on any alias of the outlet name, else
2. the URL's country-code top-level domain ("www.dawn.com.pk" → PK, ".co.uk" → GB), leaving
   out the two-letter domains sold for general use (.tv, .io, .co, .me …).

Resolution counts it as one more mention of that country, so it weighs like an actor of that
country and never outweighs what the text itself says. LGL carries no outlet or URL, so the
prior is not measured there (docs/places.md).
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Mapping
from typing import Any
from urllib.parse import urlsplit

from newsgraph.resources.actor_dictionary import load_actor_dictionary

# Country-code domains used worldwide for other reasons than the country, and ISO exceptions.
_GENERIC_CCTLDS = frozenset(
    {"tv", "io", "co", "me", "ly", "fm", "ai", "cc", "ws", "gg", "to", "la", "nu", "tk", "am"}
)
_CCTLD_TO_ISO = {"uk": "GB"}


def outlet_country(meta: Mapping[str, Any] | None, countries: Collection[str]) -> str | None:
    """The ISO code of the outlet's country, or None; ``countries`` are the codes known."""
    if not meta:
        return None
    name = meta.get("outlet")
    if isinstance(name, str) and name.strip():
        found = _outlets().get(name.strip().casefold())
        if found is not None:
            return found
    url = meta.get("url")
    if isinstance(url, str) and url:
        host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
        label = host.rsplit(".", 1)[-1].lower() if "." in host else ""
        if len(label) == 2 and label not in _GENERIC_CCTLDS:
            code = _CCTLD_TO_ISO.get(label, label.upper())
            if code in countries:
                return code
    return None


@functools.lru_cache(maxsize=1)
def _outlets() -> dict[str, str]:
    """Folded alias → country of the actor dictionary's news outlets."""
    return {
        alias.casefold(): entry.country
        for entry in load_actor_dictionary()
        if entry.sector == "MED" and entry.country
        for alias in (entry.name, *entry.aliases)
    }
