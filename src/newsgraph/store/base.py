"""The data-access layer shared by the SQLite and PostgreSQL stores.

Every write and query is written once here, in SQL both databases accept (``?`` placeholders,
which the PostgreSQL backend rewrites); a backend supplies the connection, transactions,
migrations and full-text search, the only parts that differ.

What one :meth:`Store.put` does, in **one transaction** (so a crash leaves either the whole
article or nothing, and a rerun picks up after the last committed article):

1. decide what the article is relative to the corpus (:meth:`Store.classify`): new, an updated
   version of a stored article (same id, or same canonical URL with other text: the old one is
   replaced), an exact copy of a stored text under another URL (recorded as a copy, not stored
   twice) or unchanged (nothing to do);
2. store the full Analysis JSON and its normalised rows: entities and mentions, places, times,
   quotes, events with their actors, the text in the full-text index;
3. MinHash the text and join the near-duplicate group of the most similar stored article (LSH
   bands, :mod:`newsgraph.corpus.dedup`);
4. link each real event into a story (:mod:`newsgraph.corpus.stories`) and refresh the counts of
   the stories it touched.
"""

from __future__ import annotations

import dataclasses
import json
import math
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from newsgraph.corpus import dedup, stories
from newsgraph.corpus.stories import EventKey, Story, StoryEvent, StorySettings
from newsgraph.errors import StoreError
from newsgraph.geo import haversine_km
from newsgraph.record import Analysis, speaker_name

# Query parameters that track a reader, not identify an article.
_TRACKING_PARAMS = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid", "ocid", "cmpid")


def canonical_url(url: str | None) -> str | None:
    """The URL as compared for identity: lower-case scheme and host, no fragment, no tracking
    parameters, no default port, no trailing slash on a path."""
    if not url or not url.strip():
        return None
    parts = urlsplit(url.strip())
    if not parts.scheme or not parts.netloc:
        return url.strip()
    host = parts.hostname or ""
    port = parts.port
    netloc = host if port in (None, 80, 443) else f"{host}:{port}"
    query = urlencode(
        sorted(
            (k, v)
            for k, v in parse_qsl(parts.query, keep_blank_values=True)
            if not k.lower().startswith(_TRACKING_PARAMS)
        )
    )
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower(), netloc.lower(), path, query, ""))


@dataclass(frozen=True)
class PutResult:
    """What :meth:`Store.put` did: ``new``, ``updated``, ``copy`` or ``unchanged``."""

    status: str
    article_id: str


@dataclass
class SearchHit:
    """One full-text match: an article's text or one of its quotes, with a highlighted snippet."""

    kind: str
    article_id: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    snippet: str
    speaker: str | None = None


@dataclass
class EventFilter:
    """Filters of :meth:`Store.events`; every set field must hold (AND)."""

    types: list[str] = field(default_factory=list)
    modes: list[str] = field(default_factory=list)
    actor: str | None = None
    country: str | None = None
    near: tuple[float, float] | None = None
    radius_km: float = 50.0
    since: str | None = None
    until: str | None = None
    outlet: str | None = None
    min_sources: int | None = None
    story: str | None = None
    asserted_by: str | None = None
    min_confidence: float | None = None
    include_unreal: bool = False
    limit: int | None = None


_ARTICLE_COLUMNS = (
    "id, seq, url, canonical_url, outlet, title, authors, published, language, text,"
    " content_hash, dup_group, dup_similarity, newsgraph_version"
)
_EVENT_COLUMNS = (
    "gid, article_id, event_id, idx, type, modes, actor_text, recipient_text, actors,"
    " recipients, participants, place_text, lat, lon, country, geonameid, date, earliest,"
    " latest, win_start, win_end, fatalities, injured, arrested, negated, hypothetical, future,"
    " habitual, acled_event_type, acled_sub_event_type, attributed_to, confidence, story_id,"
    " geo_precision"
)
# Columns of Store.events() rows, in order (the event, its article, its story).
EVENT_FIELDS = (
    "gid",
    "article_id",
    "event_id",
    "type",
    "modes",
    "actor_text",
    "recipient_text",
    "actors",
    "recipients",
    "place",
    "lat",
    "lon",
    "country",
    "geonameid",
    "geo_precision",
    "date",
    "earliest",
    "latest",
    "fatalities",
    "injured",
    "arrested",
    "negated",
    "hypothetical",
    "future",
    "acled_event_type",
    "acled_sub_event_type",
    "attributed_to",
    "according_to",
    "asserted_by",
    "confidence",
    "story_id",
    "sources",
    "outlet",
    "url",
    "title",
    "published",
)
_JSON_LIST_FIELDS = ("modes", "actors", "recipients")

_BOOL_FIELDS = ("negated", "hypothetical", "future")

# Who asserts an event (issue 5). ``e.attributed_to`` is the id of the attribution (Quote) of the
# same article whose content holds the event; none means the outlet says it in its own voice.
# A speaker is a *party* to the event when the speaker's entity is one of its actors or
# recipients, or shares a country with one of them (an Iraqi militia leader on an attack on US
# troops, a Pentagon spokesman on the same attack); a resolved speaker who is neither is a
# *third party*; a speaker the attribution stage could not resolve to an entity is *unresolved*.
ASSERTED_BY_CLASSES = ("outlet", "party", "third-party", "unresolved")
_ASSERTING_QUOTE = "q.article_id = e.article_id AND q.quote_id = e.attributed_to"
_SPEAKER_IS_PARTY = (
    "EXISTS (SELECT 1 FROM quotes q JOIN event_actors ea ON ea.event_gid = e.gid"
    " LEFT JOIN entities se ON se.article_id = q.article_id AND se.entity_id = q.speaker_entity"
    " LEFT JOIN entities ae ON ae.article_id = q.article_id AND ae.entity_id = ea.entity_id"
    f" WHERE {_ASSERTING_QUOTE} AND (ea.entity_id = q.speaker_entity"
    " OR (se.country IS NOT NULL AND se.country = ae.country)))"
)
_ASSERTED_BY = (
    "CASE WHEN e.attributed_to IS NULL THEN 'outlet'"
    f" WHEN {_SPEAKER_IS_PARTY} THEN 'party'"
    " WHEN EXISTS (SELECT 1 FROM quotes q"
    f" WHERE {_ASSERTING_QUOTE} AND q.speaker_entity IS NOT NULL) THEN 'third-party'"
    " ELSE 'unresolved' END"
)
_ACCORDING_TO = f"(SELECT q.speaker FROM quotes q WHERE {_ASSERTING_QUOTE} ORDER BY q.idx LIMIT 1)"


class Store(ABC):
    """Analyses, their normalised rows, near-duplicate groups and stories in one database."""

    backend = ""

    def __init__(
        self,
        dedup_settings: dedup.DedupSettings | None = None,
        story_settings: StorySettings | None = None,
    ) -> None:
        self.hasher = dedup.MinHasher(dedup_settings)
        self.story_settings = story_settings or StorySettings()

    # ----------------------------------------------------------------- backend hooks

    @abstractmethod
    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """Run one statement (``?`` placeholders); returns a DB-API cursor."""

    @abstractmethod
    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        """Run one statement per row."""

    @abstractmethod
    def _transaction(self) -> AbstractContextManager[None]:
        """A write transaction, serialised against other writers, committed on exit."""

    @abstractmethod
    def _next_seq(self) -> int:
        """The next article sequence number (inside a write transaction)."""

    @abstractmethod
    def _analysis_placeholder(self) -> str:
        """SQL placeholder for the Analysis JSON parameter (a cast where the column is JSON)."""

    @abstractmethod
    def _index_text(self, seq: int, data: dict[str, Any], quotes: list[tuple[Any, ...]]) -> None:
        """Add an article's text and quotes to the full-text index, if the backend keeps one."""

    @abstractmethod
    def _unindex_text(self, seq: int) -> None:
        """Remove an article from the full-text index, if the backend keeps one."""

    @abstractmethod
    def search(
        self,
        query: str,
        *,
        limit: int = 20,
        quotes: bool = True,
        highlight: tuple[str, str] = ("[", "]"),
    ) -> list[SearchHit]:
        """Full-text search over article text and quote contents, best first; matched words
        in the snippets are wrapped in ``highlight``. Query syntax (both backends): words
        (all required), ``"a phrase"``, ``OR`` between terms, ``-word`` to exclude."""

    @property
    @abstractmethod
    def schema_version(self) -> int:
        """The schema version of the open database."""

    @abstractmethod
    def close(self) -> None:
        """Close the connection."""

    # ----------------------------------------------------------------- helpers

    def _one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self._execute(sql, params).fetchone()

    def _all(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        return list(self._execute(sql, params).fetchall())

    def _dicts(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cursor = self._execute(sql, params)
        rows = cursor.fetchall()  # first: in PostgreSQL pipeline mode this waits for the result
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in rows]

    # ----------------------------------------------------------------- writing

    def classify(
        self,
        *,
        url: str | None = None,
        content_hash: str | None = None,
        article_id: str | None = None,
    ) -> str:
        """What storing an article with these keys would do, without analysing it first.

        ``new`` or ``updated`` (analyse and :meth:`put` it), ``copy`` (same text as a stored
        article under a new URL: :meth:`add_copy`), ``unchanged`` (skip). Ingest asks this
        before analysis, so a rerun costs a lookup per article, not an analysis.
        """
        curl = canonical_url(url)
        if article_id is not None:
            row = self._one("SELECT content_hash FROM articles WHERE id = ?", (article_id,))
            if row is not None:
                return "unchanged" if row[0] == content_hash else "updated"
        if curl is not None:
            row = self._one("SELECT content_hash FROM articles WHERE canonical_url = ?", (curl,))
            if row is not None:
                return "unchanged" if row[0] == content_hash else "updated"
            row = self._one(
                "SELECT a.content_hash FROM article_copies c JOIN articles a"
                " ON a.id = c.article_id WHERE c.url = ?",
                (curl,),
            )
            if row is not None and row[0] == content_hash:
                return "unchanged"
        if content_hash is not None:
            row = self._one("SELECT id FROM articles WHERE content_hash = ?", (content_hash,))
            if row is not None:
                return "copy" if curl is not None else "unchanged"
        return "new"

    def add_copy(
        self, content_hash: str, url: str, outlet: str | None, published: str | None
    ) -> PutResult:
        """Record ``url`` as an exact copy of the stored article with this text."""
        curl = canonical_url(url)
        with self._transaction():
            row = self._one(
                "SELECT id, canonical_url FROM articles WHERE content_hash = ? ORDER BY seq",
                (content_hash,),
            )
            if row is None:
                raise StoreError(f"no stored article with content hash {content_hash}")
            if curl is None or curl == row[1]:
                return PutResult("unchanged", row[0])
            return self._add_copy(row[0], curl, outlet, published)

    def _add_copy(
        self, article_id: str, curl: str, outlet: str | None, published: str | None
    ) -> PutResult:
        existing = self._one("SELECT article_id FROM article_copies WHERE url = ?", (curl,))
        if existing is not None and existing[0] == article_id:
            return PutResult("unchanged", article_id)
        self._execute("DELETE FROM article_copies WHERE url = ?", (curl,))
        self._execute(
            "INSERT INTO article_copies (url, article_id, outlet, published) VALUES (?, ?, ?, ?)",
            (curl, article_id, outlet, published),
        )
        touched = [r[0] for r in self._all(_STORIES_OF_ARTICLE, (article_id,))]
        self._refresh_stories(touched)
        return PutResult("copy", article_id)

    def put(self, analysis: Analysis | dict[str, Any]) -> PutResult:
        """Store one analysis, committed on return (see the module docstring for the rules)."""
        data = plain(analysis) if isinstance(analysis, Analysis) else dict(analysis)
        payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        chash = dedup.content_key(data["text"])
        curl = canonical_url(data.get("url"))
        with self._transaction():
            row = self._one(
                "SELECT content_hash, analysis FROM articles WHERE id = ?", (data["id"],)
            )
            status = "new"
            if row is not None:
                stored = row[1] if isinstance(row[1], dict) else json.loads(row[1])
                if row[0] == chash and stored == data:
                    return PutResult("unchanged", data["id"])
                self._delete(data["id"])
                status = "updated"
            elif curl is not None:
                old = self._one("SELECT id FROM articles WHERE canonical_url = ?", (curl,))
                if old is not None:
                    self._delete(old[0])
                    status = "updated"
                else:
                    copy = self._one(
                        "SELECT c.article_id, a.content_hash FROM article_copies c"
                        " JOIN articles a ON a.id = c.article_id WHERE c.url = ?",
                        (curl,),
                    )
                    if copy is not None and copy[1] == chash:
                        return PutResult("unchanged", copy[0])
                    if copy is not None:  # the URL now serves other text: no longer a copy
                        self._execute("DELETE FROM article_copies WHERE url = ?", (curl,))
                        self._refresh_stories(
                            [r[0] for r in self._all(_STORIES_OF_ARTICLE, (copy[0],))]
                        )
            if status == "new":
                twin = self._one(
                    "SELECT id, canonical_url FROM articles WHERE content_hash = ? ORDER BY seq",
                    (chash,),
                )
                if twin is not None:
                    if curl is None or curl == twin[1]:
                        return PutResult("unchanged", twin[0])
                    return self._add_copy(twin[0], curl, data.get("outlet"), data.get("published"))
            self._insert(data, payload, chash, curl)
        return PutResult(status, data["id"])

    def _delete(self, article_id: str) -> None:
        touched = [r[0] for r in self._all(_STORIES_OF_ARTICLE, (article_id,))]
        row = self._one("SELECT seq FROM articles WHERE id = ?", (article_id,))
        if row is not None and row[0] is not None:
            self._unindex_text(int(row[0]))
        self._execute("DELETE FROM articles WHERE id = ?", (article_id,))
        self._refresh_stories(touched)

    def _insert(self, data: dict[str, Any], payload: str, chash: str, curl: str | None) -> None:
        article_id = data["id"]
        seq = self._next_seq()
        signature = self.hasher.signature(data["text"])
        bands = self.hasher.bands(signature)
        group, sim = self._near_duplicate(signature, bands)
        self._execute(
            "INSERT INTO articles (id, seq, url, canonical_url, outlet, title, authors,"
            " published, language, text, content_hash, dup_group, dup_similarity,"
            f" newsgraph_version, analysis) VALUES ({', '.join('?' * 14)},"
            f" {self._analysis_placeholder()})",
            (
                article_id,
                seq,
                data.get("url"),
                curl,
                data.get("outlet"),
                data.get("title"),
                json.dumps(data.get("authors") or [], ensure_ascii=False),
                data.get("published"),
                data.get("language"),
                data["text"],
                chash,
                group or article_id,
                sim,
                data.get("newsgraph_version") or "",
                payload,
            ),
        )
        self._execute(
            "INSERT INTO minhash (article_id, signature) VALUES (?, ?)",
            (article_id, dedup.to_bytes(signature)),
        )
        self._executemany(
            "INSERT INTO minhash_bands (band, bucket, article_id) VALUES (?, ?, ?)",
            [(band, bucket, article_id) for band, bucket in bands],
        )
        names = self._insert_layers(article_id, data)
        quotes = self._insert_quotes(article_id, data)
        self._index_text(seq, data, quotes)
        touched: list[str] = []
        for key in self._insert_events(article_id, data, names):
            sid = self._link(key, seq)
            if sid not in touched:
                touched.append(sid)
        self._refresh_stories(touched)

    def _near_duplicate(
        self, signature: Any, bands: list[tuple[int, int]]
    ) -> tuple[str | None, float | None]:
        """The duplicate group of the most similar stored article above the threshold."""
        # A join against the article's own buckets: one round trip, one primary-key lookup per
        # band (SQLite would scan the table for the equivalent row-value IN list).
        pairs = ", ".join("(?, ?)" for _ in bands)
        candidates = [
            row[0]
            for row in self._all(
                f"WITH mine (band, bucket) AS (VALUES {pairs}) SELECT DISTINCT m.article_id"
                " FROM mine JOIN minhash_bands m ON m.band = mine.band AND m.bucket = mine.bucket"
                " ORDER BY m.article_id",
                [value for pair in bands for value in pair],
            )
        ]
        if not candidates:
            return None, None
        rows = self._all(
            "SELECT m.article_id, m.signature, a.dup_group, a.seq FROM minhash m JOIN articles a"
            f" ON a.id = m.article_id WHERE m.article_id IN ({', '.join('?' * len(candidates))})"
            " ORDER BY a.seq",
            candidates,
        )
        groups = {r[0]: r[2] for r in rows}
        best = dedup.best_match(
            signature,
            [(r[0], dedup.from_bytes(bytes(r[1]))) for r in rows],
            self.hasher.settings.threshold,
        )
        if best is None:
            return None, None
        return groups[best[0]] or best[0], round(best[1], 4)

    def _insert_layers(self, article_id: str, data: dict[str, Any]) -> dict[str, str]:
        """Entities, mentions, places and times; returns entity id → name."""
        names: dict[str, str] = {}
        entity_rows: list[tuple[Any, ...]] = []
        mention_rows: list[tuple[Any, ...]] = []
        for entity in data.get("entities") or []:
            if entity["id"] in names:
                continue
            names[entity["id"]] = entity["name"]
            mentions = entity.get("mentions") or []
            entity_rows.append(
                (
                    article_id,
                    entity["id"],
                    entity["name"],
                    entity.get("type"),
                    entity.get("wikidata"),
                    entity.get("country"),
                    entity.get("sector"),
                    len(mentions),
                )
            )
            mention_rows.extend(
                (article_id, entity["id"], m["start"], m["end"], m.get("text")) for m in mentions
            )
        self._executemany(
            "INSERT INTO entities (article_id, entity_id, name, type, wikidata, country, sector,"
            " mentions) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            entity_rows,
        )
        self._executemany(
            "INSERT INTO mentions (article_id, entity_id, start_char, end_char, text)"
            " VALUES (?, ?, ?, ?, ?)",
            mention_rows,
        )
        self._executemany(
            "INSERT INTO places (article_id, idx, start_char, end_char, text, name, geonameid,"
            " lat, lon, country, admin1, feature_code, precision)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    article_id,
                    i,
                    p["start"],
                    p["end"],
                    p.get("text"),
                    p.get("name"),
                    p.get("geonameid"),
                    p.get("lat"),
                    p.get("lon"),
                    p.get("country"),
                    p.get("admin1"),
                    p.get("feature_code"),
                    p.get("precision"),
                )
                for i, p in enumerate(data.get("places") or [])
            ],
        )
        self._executemany(
            "INSERT INTO times (article_id, idx, start_char, end_char, text, type, value,"
            " earliest, latest) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    article_id,
                    i,
                    t["start"],
                    t["end"],
                    t.get("text"),
                    t.get("type"),
                    t.get("value"),
                    t.get("earliest"),
                    t.get("latest"),
                )
                for i, t in enumerate(data.get("times") or [])
            ],
        )
        return names

    def _insert_quotes(self, article_id: str, data: dict[str, Any]) -> list[tuple[Any, ...]]:
        text = data["text"]
        rows = []
        for i, quote in enumerate(data.get("quotes") or []):
            content = " … ".join(text[s:e] for s, e in quote.get("content") or [])
            cue = quote.get("cue")
            rows.append(
                (
                    article_id,
                    i,
                    quote.get("id") or f"q{i}",
                    # an unresolved speaker is still named as the text names it ("the army")
                    speaker_name(text, quote.get("speaker"), quote.get("source")),
                    quote.get("speaker_entity"),
                    bool(quote.get("direct", True)),
                    quote.get("channel"),
                    text[cue[0] : cue[1]] if cue else None,
                    content,
                )
            )
        self._executemany(
            "INSERT INTO quotes (article_id, idx, quote_id, speaker, speaker_entity, direct,"
            " channel, cue, content) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        return rows

    def _insert_events(
        self, article_id: str, data: dict[str, Any], names: dict[str, str]
    ) -> list[EventKey]:
        """Event rows and their actor rows; returns the keys of the events to link into
        stories (built from the rows, not read back: one round trip less per event)."""
        settings = self.story_settings
        published = data.get("published")
        rows, actor_rows = [], []
        to_link: list[EventKey] = []
        events = data.get("events") or []
        for i, (gid, event) in enumerate(
            zip(stories.event_gids(article_id, events), events, strict=True)
        ):
            event_id = str(event.get("id") or f"e{i}")
            place = event.get("place") or {}
            country = str(place["country"]).upper() if place.get("country") else None
            window = stories.event_window(event, published, settings)
            evidence = event.get("evidence") or {}
            rows.append(
                (
                    gid,
                    article_id,
                    event_id,
                    i,
                    event.get("type") or "",
                    json.dumps(event.get("mode") or []),
                    event.get("actor_text"),
                    event.get("recipient_text"),
                    json.dumps(event.get("actors") or []),
                    json.dumps(event.get("recipients") or []),
                    json.dumps(sorted(stories.participants(event))),
                    place.get("text") or place.get("name"),
                    _float(place.get("lat")),
                    _float(place.get("lon")),
                    country,
                    place.get("geonameid"),
                    event.get("date"),
                    event.get("earliest"),
                    event.get("latest"),
                    window[0] if window else None,
                    window[1] if window else None,
                    event.get("fatalities"),
                    event.get("injured"),
                    event.get("arrested"),
                    bool(event.get("negated")),
                    bool(event.get("hypothetical")),
                    bool(event.get("future")),
                    bool(event.get("habitual")),
                    event.get("acled_event_type"),
                    event.get("acled_sub_event_type"),
                    event.get("attributed_to"),
                    evidence.get("confidence"),
                    None,
                    _geo_precision(place.get("geo_precision")),
                )
            )
            for role, ids, text in (
                ("actor", event.get("actors") or [], event.get("actor_text")),
                ("recipient", event.get("recipients") or [], event.get("recipient_text")),
            ):
                parts = [p.strip() for p in (text or "").split(";") if p.strip()]
                entries = [(str(e), names.get(str(e), str(e))) for e in ids] or [
                    ("text:" + " ".join(p.casefold().split()), p) for p in parts
                ]
                for entity_id, name in dict(entries).items():
                    actor_rows.append((gid, role, entity_id, name))
            if stories.eligible(event):
                to_link.append(stories.event_key(gid, article_id, event, window))
        self._executemany(
            f"INSERT INTO events ({_EVENT_COLUMNS}) VALUES ({', '.join('?' * 34)})", rows
        )
        self._executemany(
            "INSERT INTO event_actors (event_gid, role, entity_id, name) VALUES (?, ?, ?, ?)",
            list(dict.fromkeys(actor_rows)),
        )
        return to_link

    # ----------------------------------------------------------------- stories

    def _event_key(self, row: Sequence[Any]) -> EventKey:
        gid, article_id, type_, acled, start, end, lat, lon, country, parts = row
        return EventKey(
            gid=gid,
            article_id=article_id,
            type=type_,
            acled_type=acled,
            start=start,
            end=end,
            lat=lat,
            lon=lon,
            country=country,
            participants=frozenset(json.loads(parts)),
        )

    def _link(self, event: EventKey, rank: int) -> str:
        """Put one stored event into its story (an existing one or a new one opened with this
        ``rank``, the article's seq); returns the story id."""
        candidates: dict[str, list[EventKey]] = {}
        if event.start is not None and event.end is not None:
            # Windows are bounded (StorySettings.max_window_days), so each branch is a bounded
            # range scan of the (type, win_start) or (acled_event_type, win_start) index.
            floor = stories.window_floor(event.start, self.story_settings)
            window = "e.win_start >= ? AND e.win_start <= ? AND e.win_end >= ?"
            story_ids = [
                r[0]
                for r in self._all(
                    "SELECT DISTINCT c.story_id, s.rank FROM ("
                    f"SELECT e.story_id FROM events e WHERE e.type = ? AND {window}"
                    f" UNION SELECT e.story_id FROM events e WHERE e.acled_event_type = ?"
                    f" AND {window}) c JOIN stories s ON s.id = c.story_id"
                    " ORDER BY s.rank, c.story_id",
                    (
                        event.type,
                        floor,
                        event.end,
                        event.start,
                        event.acled_type,
                        floor,
                        event.end,
                        event.start,
                    ),
                )
            ]
            if story_ids:
                marks = ", ".join("?" * len(story_ids))
                for row in self._all(
                    "SELECT e.story_id, e.gid, e.article_id, e.type, e.acled_event_type,"
                    " e.win_start, e.win_end, e.lat, e.lon, e.country, e.participants"
                    f" FROM events e WHERE e.story_id IN ({marks}) ORDER BY e.gid",
                    story_ids,
                ):
                    candidates.setdefault(row[0], []).append(self._event_key(row[1:]))
                candidates = {sid: candidates[sid] for sid in story_ids if sid in candidates}
        sid = stories.choose_story(event, candidates, self.story_settings)
        if sid is None:
            sid = stories.story_id(event.gid)
            self._execute(
                "INSERT INTO stories (id, rank, type, n_events, n_articles, n_sources, n_outlets)"
                " VALUES (?, ?, ?, 0, 0, 0, 0)",
                (sid, rank, event.type),
            )
        self._execute("UPDATE events SET story_id = ? WHERE gid = ?", (sid, event.gid))
        return sid

    def _story_events(self, story_ids: Sequence[str]) -> dict[str, list[StoryEvent]]:
        if not story_ids:
            return {}
        marks = ", ".join("?" * len(story_ids))
        rows = self._dicts(
            "SELECT e.story_id, e.gid, e.article_id, a.outlet, a.url, a.title, a.published,"
            " a.dup_group, e.type, e.date, e.earliest, e.latest, e.place_text, e.lat, e.lon,"
            " e.country, e.actors, e.recipients, e.actor_text, e.recipient_text, e.fatalities,"
            f" e.injured, e.arrested, {_ACCORDING_TO} AS according_to FROM events e JOIN articles a"
            f" ON a.id = e.article_id WHERE e.story_id IN ({marks}) ORDER BY a.seq, e.idx",
            list(story_ids),
        )
        out: dict[str, list[StoryEvent]] = {}
        for r in rows:
            out.setdefault(r["story_id"], []).append(
                StoryEvent(
                    gid=r["gid"],
                    article_id=r["article_id"],
                    outlet=r["outlet"],
                    url=r["url"],
                    title=r["title"],
                    published=r["published"],
                    duplicate_group=r["dup_group"],
                    type=r["type"],
                    date=r["date"],
                    earliest=r["earliest"],
                    latest=r["latest"],
                    place=r["place_text"],
                    lat=r["lat"],
                    lon=r["lon"],
                    country=r["country"],
                    actors=json.loads(r["actors"]),
                    recipients=json.loads(r["recipients"]),
                    actor_text=r["actor_text"],
                    recipient_text=r["recipient_text"],
                    fatalities=r["fatalities"],
                    injured=r["injured"],
                    arrested=r["arrested"],
                    according_to=r["according_to"],
                )
            )
        return out

    def _copy_outlets(self, article_ids: Sequence[str]) -> list[str]:
        by_article = self._copy_outlets_by_article(article_ids)
        return sorted({outlet for outlets in by_article.values() for outlet in outlets})

    def _copy_outlets_by_article(self, article_ids: Sequence[str]) -> dict[str, list[str]]:
        if not article_ids:
            return {}
        marks = ", ".join("?" * len(article_ids))
        out: dict[str, list[str]] = {}
        for article_id, outlet in self._all(
            "SELECT DISTINCT article_id, outlet FROM article_copies"
            f" WHERE article_id IN ({marks}) AND outlet IS NOT NULL ORDER BY article_id, outlet",
            list(article_ids),
        ):
            out.setdefault(article_id, []).append(outlet)
        return out

    def _refresh_stories(self, story_ids: Sequence[str]) -> None:
        """Recompute the summary row of each story from its members (delete emptied ones)."""
        members = self._story_events(story_ids)
        copies = self._copy_outlets_by_article(
            sorted({e.article_id for events in members.values() for e in events})
        )
        for sid in story_ids:
            events = members.get(sid)
            if not events:
                self._execute("DELETE FROM stories WHERE id = ?", (sid,))
                continue
            article_ids = sorted({e.article_id for e in events})
            extra = {outlet for a in article_ids for outlet in copies.get(a, [])}
            story = stories.summarise(sid, events, sorted(extra))
            self._execute(
                "UPDATE stories SET type = ?, earliest = ?, latest = ?, place_text = ?, lat = ?,"
                " lon = ?, country = ?, n_events = ?, n_articles = ?, n_sources = ?,"
                " n_outlets = ? WHERE id = ?",
                (
                    story.type,
                    story.earliest,
                    story.latest,
                    story.place,
                    story.lat,
                    story.lon,
                    story.country,
                    len(events),
                    len(article_ids),
                    story.independent_sources,
                    len(story.outlets),
                    sid,
                ),
            )

    # ----------------------------------------------------------------- reading

    def count(self) -> int:
        """Number of stored articles (exact copies under other URLs are not counted)."""
        return int(self._one("SELECT count(*) FROM articles")[0])

    def counts(self) -> dict[str, int]:
        """Rows per kind: articles, copies, near-duplicates and their groups, events, stories, …"""
        queries = {
            "articles": "SELECT count(*) FROM articles",
            "copies": "SELECT count(*) FROM article_copies",
            # Groups of two or more articles: every article is the group of its own first.
            "duplicate_groups": "SELECT count(*) FROM (SELECT dup_group FROM articles"
            " GROUP BY dup_group HAVING count(*) >= 2) AS g",
            "near_duplicates": "SELECT count(*) FROM articles WHERE dup_group <> id",
            "entities": "SELECT count(*) FROM entities",
            "places": "SELECT count(*) FROM places",
            "times": "SELECT count(*) FROM times",
            "quotes": "SELECT count(*) FROM quotes",
            "events": "SELECT count(*) FROM events",
            "stories": "SELECT count(*) FROM stories",
            "corroborated_stories": "SELECT count(*) FROM stories WHERE n_sources >= 2",
        }
        return {name: int(self._one(sql)[0]) for name, sql in queries.items()}

    def get(self, article_id: str) -> dict[str, Any] | None:
        """One stored analysis as plain data, or None."""
        row = self._one("SELECT analysis FROM articles WHERE id = ?", (article_id,))
        return None if row is None else _load(row[0])

    def article(self, article_id: str) -> dict[str, Any] | None:
        """An article's stored metadata (no analysis), its copies and its duplicate group."""
        rows = self._dicts(f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id = ?", (article_id,))
        if not rows:
            return None
        row = rows[0]
        row["authors"] = json.loads(row["authors"] or "[]")
        row["copies"] = self._dicts(
            "SELECT url, outlet, published FROM article_copies WHERE article_id = ? ORDER BY url",
            (article_id,),
        )
        return row

    def iter_analyses(self) -> Iterator[dict[str, Any]]:
        """Every stored analysis, oldest publication first."""
        cursor = self._execute("SELECT analysis FROM articles ORDER BY published, id")
        while rows := cursor.fetchmany(256):
            for (data,) in rows:
                yield _load(data)

    def iter_articles(self) -> Iterator[dict[str, Any]]:
        """Metadata rows of every article, oldest publication first (no analysis JSON)."""
        yield from self._dicts(f"SELECT {_ARTICLE_COLUMNS} FROM articles ORDER BY published, id")

    def events(self, where: EventFilter | None = None) -> list[dict[str, Any]]:
        """Events matching the filter, with their article and independent-source count,
        in time order. Negated, hypothetical and future events only with ``include_unreal``."""
        f = where or EventFilter()
        clauses: list[str] = []
        params: list[Any] = []
        if not f.include_unreal:
            clauses.append("e.negated = ? AND e.hypothetical = ? AND e.future = ?")
            params += [False, False, False]
        if f.types:
            clauses.append(f"e.type IN ({', '.join('?' * len(f.types))})")
            params += [t.upper() for t in f.types]
        for mode in f.modes:
            clauses.append("e.modes LIKE ?")
            params.append(f'%"{mode}"%')
        if f.actor:
            needle = f.actor.casefold()
            clauses.append(
                "(EXISTS (SELECT 1 FROM event_actors ea WHERE ea.event_gid = e.gid AND"
                " (lower(ea.name) LIKE ? OR lower(ea.entity_id) = ?))"
                " OR lower(e.actor_text) LIKE ? OR lower(e.recipient_text) LIKE ?)"
            )
            params += [f"%{needle}%", needle, f"%{needle}%", f"%{needle}%"]
        if f.country:
            clauses.append("e.country = ?")
            params.append(f.country.upper())
        if f.near is not None:
            lat, lon = f.near
            dlat = f.radius_km / 111.0
            dlon = f.radius_km / max(1e-6, 111.0 * math.cos(math.radians(lat)))
            clauses.append("e.lat BETWEEN ? AND ? AND e.lon BETWEEN ? AND ?")
            params += [lat - dlat, lat + dlat, lon - dlon, lon + dlon]
        if f.since:
            # An event known only to a year or a month ("1989") has no story window; its
            # interval (earliest, latest) is what overlaps the asked dates.
            clauses.append("coalesce(e.win_end, e.latest, e.date, a.published) >= ?")
            params.append(f.since)
        if f.until:
            clauses.append("coalesce(e.win_start, e.earliest, e.date, a.published) <= ?")
            params.append(f.until + "\uffff" if len(f.until) == 10 else f.until)
        if f.outlet:
            clauses.append(
                "(lower(a.outlet) = ? OR EXISTS (SELECT 1 FROM article_copies c"
                " WHERE c.article_id = a.id AND lower(c.outlet) = ?))"
            )
            params += [f.outlet.casefold(), f.outlet.casefold()]
        if f.min_sources is not None:
            clauses.append("coalesce(s.n_sources, 1) >= ?")
            params.append(f.min_sources)
        if f.story:
            clauses.append("e.story_id = ?")
            params.append(f.story)
        if f.min_confidence is not None:
            clauses.append("e.confidence >= ?")
            params.append(f.min_confidence)
        if f.asserted_by:
            needle = f.asserted_by.casefold()
            if needle in ASSERTED_BY_CLASSES:
                clauses.append(f"({_ASSERTED_BY}) = ?")
                params.append(needle)
            else:
                clauses.append(
                    f"EXISTS (SELECT 1 FROM quotes q WHERE {_ASSERTING_QUOTE}"
                    " AND (lower(q.speaker_entity) = ? OR lower(q.speaker) LIKE ?))"
                )
                params += [needle, f"%{needle}%"]
        sql = (
            "SELECT e.gid, e.article_id, e.event_id, e.type, e.modes, e.actor_text,"
            " e.recipient_text, e.actors, e.recipients, e.place_text AS place, e.lat, e.lon,"
            " e.country, e.geonameid, e.geo_precision, e.date, e.earliest, e.latest, e.fatalities,"
            " e.injured,"
            " e.arrested, e.negated, e.hypothetical, e.future, e.acled_event_type,"
            " e.acled_sub_event_type, e.attributed_to,"
            f" {_ACCORDING_TO} AS according_to, {_ASSERTED_BY} AS asserted_by,"
            " e.confidence, e.story_id, coalesce(s.n_sources, 1) AS sources, a.outlet, a.url,"
            " a.title, a.published"
            " FROM events e JOIN articles a ON a.id = e.article_id"
            " LEFT JOIN stories s ON s.id = e.story_id"
        )
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        sql += " ORDER BY coalesce(e.win_start, e.earliest, e.date, a.published), a.seq, e.idx"
        rows = []
        for row in self._dicts(sql, params):
            if f.near is not None and not (
                row["lat"] is not None
                and haversine_km(f.near[0], f.near[1], row["lat"], row["lon"]) <= f.radius_km
            ):
                continue
            for name in _JSON_LIST_FIELDS:
                row[name] = json.loads(row[name])
            for name in _BOOL_FIELDS:
                row[name] = bool(row[name])
            rows.append(row)
            if f.limit is not None and len(rows) >= f.limit:
                break
        return rows

    def story(self, sid: str) -> Story | None:
        """One story with its member events, outlets, source count and conflicting details."""
        events = self._story_events([sid]).get(sid)
        if not events:
            return None
        article_ids = sorted({e.article_id for e in events})
        return stories.summarise(sid, events, self._copy_outlets(article_ids))

    def stories(self, *, min_sources: int = 1, limit: int | None = None) -> list[Story]:
        """Stories with at least ``min_sources`` independent sources, most corroborated first."""
        sql = (
            "SELECT id FROM stories WHERE n_sources >= ?"
            " ORDER BY n_sources DESC, earliest, rank, id"
        )
        ids = [r[0] for r in self._all(sql, (min_sources,))]
        if limit is not None:
            ids = ids[:limit]
        members = self._story_events(ids)
        out = []
        for sid in ids:
            events = members[sid]
            article_ids = sorted({e.article_id for e in events})
            out.append(stories.summarise(sid, events, self._copy_outlets(article_ids)))
        return out

    def snapshot(self) -> dict[str, Any]:
        """Everything a user can observe, in a canonical order, for comparing two databases
        (a killed-and-resumed ingest against an uninterrupted one, SQLite against PostgreSQL)."""
        return {
            "articles": [
                [r[0], r[1], r[2], r[3], r[4], _load(r[5])]
                for r in self._all(
                    "SELECT id, canonical_url, content_hash, dup_group, outlet, analysis"
                    " FROM articles ORDER BY id"
                )
            ],
            "copies": [
                list(r)
                for r in self._all(
                    "SELECT url, article_id, outlet, published FROM article_copies ORDER BY url"
                )
            ],
            "events": [list(r) for r in self._all("SELECT gid, story_id FROM events ORDER BY gid")],
            "stories": [
                list(r)
                for r in self._all(
                    "SELECT id, type, earliest, latest, country, n_events, n_articles,"
                    " n_sources, n_outlets FROM stories ORDER BY id"
                )
            ],
        }

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


_STORIES_OF_ARTICLE = (
    "SELECT DISTINCT story_id FROM events WHERE article_id = ? AND story_id IS NOT NULL"
    " ORDER BY story_id"
)


_FIELDS: dict[type, tuple[str, ...]] = {}
_SCALARS = frozenset({str, int, float, bool, type(None)})


def plain(obj: Any) -> Any:
    """``Analysis.to_dict()``, faster: the same dicts in the same field order (tuples → lists),
    with scalars returned first and each record class's field names looked up once, not per
    object. At ingest the generic conversion was a third of the store's time per article."""
    cls = type(obj)
    if cls in _SCALARS:
        return obj
    if cls is list or cls is tuple:
        return [plain(item) for item in obj]
    if cls is dict:
        return {key: plain(value) for key, value in obj.items()}
    names = _FIELDS.get(cls)
    if names is None:
        if not dataclasses.is_dataclass(obj) or isinstance(obj, type):
            if isinstance(obj, list | tuple):
                return [plain(item) for item in obj]
            if isinstance(obj, dict):
                return {key: plain(value) for key, value in obj.items()}
            return obj
        names = _FIELDS[cls] = tuple(f.name for f in dataclasses.fields(obj))
    return {name: plain(getattr(obj, name)) for name in names}


def _load(value: Any) -> dict[str, Any]:
    """An Analysis column value as a dict (PostgreSQL's JSONB arrives parsed already)."""
    return dict(value) if isinstance(value, dict) else dict(json.loads(value))


def _float(value: Any) -> float | None:
    return None if value is None else float(value)


def _geo_precision(value: Any) -> int | None:
    """ACLED's geo precision (1–3) of an event's place; anything else is unknown."""
    return value if isinstance(value, int) and value in (1, 2, 3) else None
