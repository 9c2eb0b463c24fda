"""The PostgreSQL store: the same schema and queries as SQLite, for many users and writers.

Differences from SQLite, all confined to this module: the Analysis is ``JSONB`` (queryable with
PostgreSQL's JSON operators), full-text search uses stored ``tsvector`` columns with GIN indexes
and ``ts_headline`` snippets, and writers serialise with a transaction-level advisory lock (story
linking reads then writes the stories table; two ingests into one database must not interleave
there). The schema version lives in the table ``newsgraph_schema``; migrations run under an
advisory lock too, so two processes opening a fresh database do not both migrate it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import psycopg

from newsgraph.corpus.dedup import DedupSettings
from newsgraph.corpus.stories import StorySettings
from newsgraph.errors import StoreError
from newsgraph.store.base import SearchHit, Store

# Arbitrary constants naming newsgraph's advisory locks.
_MIGRATE_LOCK = 0x6E657773_0001
_WRITE_LOCK = 0x6E657773_0002

# Each migration moves the schema from version i to i + 1; never edit a released one.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        seq BIGINT NOT NULL UNIQUE,
        url TEXT,
        canonical_url TEXT,
        outlet TEXT,
        title TEXT,
        authors TEXT NOT NULL DEFAULT '[]',
        published TEXT,
        language TEXT,
        text TEXT NOT NULL,
        content_hash TEXT,
        dup_group TEXT,
        dup_similarity DOUBLE PRECISION,
        newsgraph_version TEXT NOT NULL,
        analysis JSONB NOT NULL,
        tsv TSVECTOR GENERATED ALWAYS AS (
            setweight(to_tsvector('english', coalesce(title, '')), 'A')
            || setweight(to_tsvector('english', left(text, 500000)), 'B')
        ) STORED
    );
    CREATE INDEX articles_published ON articles (published);
    CREATE INDEX articles_url ON articles (url);
    CREATE INDEX articles_canonical_url ON articles (canonical_url);
    CREATE INDEX articles_content_hash ON articles (content_hash);
    CREATE INDEX articles_outlet ON articles (lower(outlet));
    CREATE INDEX articles_dup_group ON articles (dup_group);
    CREATE INDEX articles_tsv ON articles USING GIN (tsv);
    CREATE TABLE article_copies (
        url TEXT PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        outlet TEXT,
        published TEXT
    );
    CREATE INDEX article_copies_article ON article_copies (article_id);
    CREATE TABLE minhash (
        article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        signature BYTEA NOT NULL
    );
    CREATE TABLE minhash_bands (
        band INTEGER NOT NULL,
        bucket BIGINT NOT NULL,
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        PRIMARY KEY (band, bucket, article_id)
    );
    CREATE INDEX minhash_bands_article ON minhash_bands (article_id);
    CREATE TABLE entities (
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        entity_id TEXT NOT NULL,
        name TEXT NOT NULL,
        type TEXT,
        wikidata TEXT,
        country TEXT,
        sector TEXT,
        mentions INTEGER NOT NULL,
        PRIMARY KEY (article_id, entity_id)
    );
    CREATE INDEX entities_entity ON entities (entity_id);
    CREATE INDEX entities_name ON entities (lower(name));
    CREATE TABLE mentions (
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        entity_id TEXT NOT NULL,
        start_char INTEGER NOT NULL,
        end_char INTEGER NOT NULL,
        text TEXT
    );
    CREATE INDEX mentions_article ON mentions (article_id, entity_id);
    CREATE TABLE places (
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        start_char INTEGER NOT NULL,
        end_char INTEGER NOT NULL,
        text TEXT,
        name TEXT,
        geonameid BIGINT,
        lat DOUBLE PRECISION,
        lon DOUBLE PRECISION,
        country TEXT,
        admin1 TEXT,
        feature_code TEXT,
        precision TEXT,
        PRIMARY KEY (article_id, idx)
    );
    CREATE INDEX places_geonameid ON places (geonameid);
    CREATE INDEX places_country ON places (country);
    CREATE TABLE times (
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        start_char INTEGER NOT NULL,
        end_char INTEGER NOT NULL,
        text TEXT,
        type TEXT,
        value TEXT,
        earliest TEXT,
        latest TEXT,
        PRIMARY KEY (article_id, idx)
    );
    CREATE TABLE quotes (
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        quote_id TEXT NOT NULL,
        speaker TEXT,
        speaker_entity TEXT,
        direct BOOLEAN NOT NULL,
        channel TEXT,
        cue TEXT,
        content TEXT NOT NULL,
        tsv TSVECTOR GENERATED ALWAYS AS (
            setweight(to_tsvector('english', coalesce(speaker, '')), 'A')
            || setweight(to_tsvector('english', left(content, 500000)), 'B')
        ) STORED,
        PRIMARY KEY (article_id, idx)
    );
    CREATE INDEX quotes_speaker_entity ON quotes (speaker_entity);
    CREATE INDEX quotes_tsv ON quotes USING GIN (tsv);
    CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        rank BIGINT NOT NULL,
        type TEXT NOT NULL,
        earliest TEXT,
        latest TEXT,
        place_text TEXT,
        lat DOUBLE PRECISION,
        lon DOUBLE PRECISION,
        country TEXT,
        n_events INTEGER NOT NULL,
        n_articles INTEGER NOT NULL,
        n_sources INTEGER NOT NULL,
        n_outlets INTEGER NOT NULL
    );
    CREATE INDEX stories_sources ON stories (n_sources);
    CREATE TABLE events (
        gid TEXT PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        event_id TEXT NOT NULL,
        idx INTEGER NOT NULL,
        type TEXT NOT NULL,
        modes TEXT NOT NULL,
        actor_text TEXT,
        recipient_text TEXT,
        actors TEXT NOT NULL,
        recipients TEXT NOT NULL,
        participants TEXT NOT NULL,
        place_text TEXT,
        lat DOUBLE PRECISION,
        lon DOUBLE PRECISION,
        country TEXT,
        geonameid BIGINT,
        date TEXT,
        earliest TEXT,
        latest TEXT,
        win_start TEXT,
        win_end TEXT,
        fatalities INTEGER,
        injured INTEGER,
        arrested INTEGER,
        negated BOOLEAN NOT NULL,
        hypothetical BOOLEAN NOT NULL,
        future BOOLEAN NOT NULL,
        habitual BOOLEAN NOT NULL,
        acled_event_type TEXT,
        acled_sub_event_type TEXT,
        attributed_to TEXT,
        confidence DOUBLE PRECISION,
        story_id TEXT
    );
    CREATE INDEX events_article ON events (article_id);
    CREATE INDEX events_type_window ON events (type, win_start);
    CREATE INDEX events_acled_window ON events (acled_event_type, win_start);
    CREATE INDEX events_window ON events (win_start);
    CREATE INDEX events_story ON events (story_id);
    CREATE INDEX events_country ON events (country);
    CREATE INDEX events_latlon ON events (lat, lon);
    CREATE TABLE event_actors (
        event_gid TEXT NOT NULL REFERENCES events (gid) ON DELETE CASCADE,
        role TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        name TEXT NOT NULL,
        PRIMARY KEY (event_gid, role, entity_id)
    );
    CREATE INDEX event_actors_entity ON event_actors (lower(entity_id));
    CREATE INDEX event_actors_name ON event_actors (lower(name));
    """,
    # Issue 4: an event's place carries ACLED's geo precision (1 site/town, 2 near it or a
    # district, 3 province/region/country); rows stored before stay NULL (unknown).
    """
    ALTER TABLE events ADD COLUMN geo_precision INTEGER;
    """,
)


class PostgresStore(Store):
    """Analyses in a PostgreSQL database named by a ``postgresql://`` URL."""

    backend = "postgresql"

    def __init__(
        self,
        url: str,
        dedup_settings: DedupSettings | None = None,
        story_settings: StorySettings | None = None,
    ) -> None:
        super().__init__(dedup_settings, story_settings)
        self.url = url
        try:
            # prepare_threshold=None: no server-side prepared statements. Their cached generic
            # plans, chosen while the tables were small (sequential scans), would be kept as
            # the tables grow; planning each statement afresh keeps lookups on the indexes.
            self.db = psycopg.connect(
                url, autocommit=True, connect_timeout=30, prepare_threshold=None
            )
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to PostgreSQL at {_redact(url)}: {exc}") from exc
        try:
            self._migrate()
        except psycopg.Error as exc:
            self.db.close()
            raise StoreError(f"cannot migrate PostgreSQL store {_redact(url)}: {exc}") from exc
        except BaseException:
            self.db.close()
            raise

    def _migrate(self) -> None:
        with self.db.transaction():
            self.db.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATE_LOCK,))
            self.db.execute("CREATE TABLE IF NOT EXISTS newsgraph_schema (version INTEGER)")
            row = self.db.execute("SELECT max(version) FROM newsgraph_schema").fetchone()
            version = int(row[0]) if row and row[0] is not None else 0
            if version > len(MIGRATIONS):
                raise StoreError(
                    f"{_redact(self.url)} has schema version {version}, newer than this"
                    " newsgraph knows"
                )
            for number in range(version, len(MIGRATIONS)):
                self.db.execute(MIGRATIONS[number].encode("utf-8"))
                self.db.execute("INSERT INTO newsgraph_schema VALUES (%s)", (number + 1,))

    @property
    def schema_version(self) -> int:
        """The schema version of the open database."""
        row = self.db.execute("SELECT max(version) FROM newsgraph_schema").fetchone()
        return int(row[0]) if row and row[0] is not None else 0

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        try:
            return self.db.execute(sql.replace("?", "%s"), tuple(params))
        except psycopg.Error as exc:
            raise StoreError(f"PostgreSQL error: {exc}".splitlines()[0]) from exc

    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if not rows:
            return
        try:
            with self.db.cursor() as cursor:
                cursor.executemany(sql.replace("?", "%s"), rows)
        except psycopg.Error as exc:
            raise StoreError(f"PostgreSQL error: {exc}".splitlines()[0]) from exc

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        if self.db.info.transaction_status != psycopg.pq.TransactionStatus.IDLE:
            yield  # nested: the outer transaction commits
            return
        # Pipeline mode: statements whose results are not read (the inserts) travel without
        # waiting for one round trip each.
        with self.db.pipeline(), self.db.transaction():
            self.db.execute("SELECT pg_advisory_xact_lock(%s)", (_WRITE_LOCK,))
            yield

    def _next_seq(self) -> int:
        row = self.db.execute("SELECT coalesce(max(seq), 0) + 1 FROM articles").fetchone()
        return int(row[0]) if row else 1

    def _analysis_placeholder(self) -> str:
        return "?::jsonb"

    def _index_text(self, seq: int, data: dict[str, Any], quotes: list[tuple[Any, ...]]) -> None:
        """Nothing to do: the ``tsv`` columns are generated by PostgreSQL."""

    def _unindex_text(self, seq: int) -> None:
        """Nothing to do: the ``tsv`` columns go with their rows."""

    def search(
        self,
        query: str,
        *,
        limit: int = 20,
        quotes: bool = True,
        highlight: tuple[str, str] = ("[", "]"),
    ) -> list[SearchHit]:
        """``websearch_to_tsquery`` search (``ts_rank`` ranking) with ``ts_headline`` snippets."""
        start, stop = (h.replace('"', "") for h in highlight)
        options = (
            f'StartSel="{start}", StopSel="{stop}", MaxWords=24, MinWords=10,'
            ' MaxFragments=2, FragmentDelimiter=" … "'
        )
        hits: list[tuple[float, int, SearchHit]] = []
        rows = self._all(
            "SELECT a.id, a.title, a.outlet, a.published, a.url,"
            " ts_headline('english', a.text, q, ?), ts_rank(a.tsv, q) AS rank"
            " FROM articles a, websearch_to_tsquery('english', ?) q"
            " WHERE a.tsv @@ q ORDER BY rank DESC, a.seq LIMIT ?",
            (options, query, limit),
        )
        hits += [(-r[6], i, _hit("article", r)) for i, r in enumerate(rows)]
        if quotes:
            rows = self._all(
                "SELECT a.id, a.title, a.outlet, a.published, a.url,"
                " ts_headline('english', qt.content, q, ?), ts_rank(qt.tsv, q) AS rank,"
                " qt.speaker FROM quotes qt JOIN articles a ON a.id = qt.article_id,"
                " websearch_to_tsquery('english', ?) q"
                " WHERE qt.tsv @@ q ORDER BY rank DESC, a.seq, qt.idx LIMIT ?",
                (options, query, limit),
            )
            hits += [(-r[6], i, _hit("quote", r)) for i, r in enumerate(rows)]
        hits.sort(key=lambda h: (h[0], h[1]))
        return [hit for _, _, hit in hits[:limit]]

    def close(self) -> None:
        """Close the connection."""
        self.db.close()


def _redact(url: str) -> str:
    """The URL without its password, for messages."""
    if "@" not in url or "://" not in url:
        return url
    scheme, rest = url.split("://", 1)
    credentials, host = rest.rsplit("@", 1)
    user = credentials.split(":", 1)[0]
    return f"{scheme}://{user}:***@{host}" if ":" in credentials else f"{scheme}://{user}@{host}"


def _hit(kind: str, row: Sequence[Any]) -> SearchHit:
    """A SearchHit from (id, title, outlet, published, url, snippet, rank[, speaker])."""
    return SearchHit(
        kind=kind,
        article_id=row[0],
        title=row[1],
        outlet=row[2],
        published=row[3],
        url=row[4],
        snippet=row[5],
        speaker=row[7] if len(row) > 7 else None,
    )
