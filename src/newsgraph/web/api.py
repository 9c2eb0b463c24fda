"""The REST API under ``/api/v1``: search, events (filtered, paginated, faceted), articles,
stories, exports, and the optional analyse endpoint.

Stability promise (docs/web.md): within ``/api/v1`` fields are only ever *added*; a field is
never removed, renamed or changed in type, and the ``Analysis`` inside article responses follows
the record's own ``schema_version``.
"""

from __future__ import annotations

import asyncio
import hmac
import json
from collections.abc import Callable
from concurrent.futures import Future
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Depends, Header, HTTPException, Path, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from newsgraph.errors import NewsgraphError
from newsgraph.store import Store
from newsgraph.web import queries
from newsgraph.web.queries import CursorError, EventIndex, EventParams
from newsgraph.web.runtime import AppContext, Busy

ID_PATTERN = r"^[^\x00-\x1f]{1,300}$"


def context(request: Request) -> AppContext:
    """The app's context (set by :func:`newsgraph.web.app.create_app`)."""
    ctx: AppContext = request.app.state.ng
    return ctx


Ctx = Annotated[AppContext, Depends(context)]
Filters = Annotated[EventParams, Query()]


def _indexer(ctx: AppContext, params: EventParams) -> Callable[[Store], EventIndex]:
    try:
        where = params.to_filter()
    except ValueError as exc:
        raise HTTPException(422, str(exc)) from exc
    max_points = ctx.settings.max_map_points

    def compute(store: Store) -> EventIndex:
        return EventIndex.build(store.events(where), max_points)

    return compute


def _computation(ctx: AppContext, params: EventParams) -> Future[EventIndex]:
    """The running computation of one filter's index, started if none is: a request and a
    background refresh (or two requests) for the same filter share one store query."""
    key = params.key()
    with ctx.inflight_lock:
        running = ctx.inflight.get(key)
        if running is not None:
            return running
        compute = _indexer(ctx, params)

        def job(store: Store) -> EventIndex:
            index = compute(store)
            ctx.cache.put(key, index)
            return index

        future = ctx.pool.submit(job)
        ctx.inflight[key] = future

    def done(_: Future[EventIndex]) -> None:
        with ctx.inflight_lock:
            ctx.inflight.pop(key, None)

    future.add_done_callback(done)
    return future


def refresh_in_background(ctx: AppContext, params: EventParams) -> None:
    """Recompute one filter's index on a worker and cache it; nobody waits for it."""
    try:
        _computation(ctx, params)
    except Busy:
        ctx.cache.forget_refresh(params.key())


async def event_index(ctx: AppContext, params: EventParams) -> EventIndex:
    """The cached index of every event matching ``params`` (computed on a store worker; a
    stale one is served while it is refreshed in the background)."""
    key = params.key()
    cached, fresh = ctx.cache.get(key)
    if cached is not None:
        if not fresh and ctx.cache.claim_refresh(key):
            refresh_in_background(ctx, params)
        stale_ok: EventIndex = cached
        return stale_ok
    future = _computation(ctx, params)
    # shield: a request that times out must not cancel a computation others may share
    return await asyncio.wait_for(
        asyncio.shield(asyncio.wrap_future(future)), ctx.settings.query_timeout_s
    )


def page_of(
    ctx: AppContext, params: EventParams, index: EventIndex, cursor: str | None, limit: int
) -> tuple[list[dict[str, Any]], str | None]:
    """One page of events and the cursor of the next (HTTP 400 for a bad cursor)."""
    key = params.key()
    try:
        after = queries.decode_cursor(key, cursor) if cursor else None
        rows, last = index.page(after, limit)
    except CursorError as exc:
        raise HTTPException(400, str(exc)) from exc
    except KeyError as exc:
        raise HTTPException(410, "the event this cursor points after is gone; start over") from exc
    return rows, (queries.encode_cursor(key, last) if last else None)


class EventPage(BaseModel):
    """A page of events."""

    items: list[dict[str, Any]]
    total: int = Field(description="events matching the filters")
    next_cursor: str | None = Field(description="pass as `cursor` for the next page")
    facets: dict[str, list[tuple[str, int]]] | None = None


class SearchResponse(BaseModel):
    """Full-text hits, best first; `snippet` marks matched words with `[` and `]`."""

    query: str
    hits: list[dict[str, Any]]


class AnalyzeRequest(BaseModel):
    """An article to analyse (the `analyze --jsonl` record) and whether to store the result."""

    text: Annotated[str, Field(min_length=1, max_length=200_000)]
    id: Annotated[str | None, Field(max_length=300)] = None
    url: Annotated[str | None, Field(max_length=2000)] = None
    outlet: Annotated[str | None, Field(max_length=300)] = None
    title: Annotated[str | None, Field(max_length=1000)] = None
    published: Annotated[str | None, Field(pattern=r"^\d{4}-\d{2}-\d{2}")] = None
    store: bool = False


def _bounded(limit: int, cap: int) -> int:
    return max(1, min(limit, cap))


def export_response(
    payload: list[dict[str, Any]] | dict[str, Any] | str, fmt: str, name: str
) -> Response:
    """A download: JSON, CSV or GeoJSON with a file name."""
    media = {"json": "application/json", "csv": "text/csv", "geojson": "application/geo+json"}
    body = payload if isinstance(payload, str) else json.dumps(payload, ensure_ascii=False)
    return Response(
        body,
        media_type=f"{media[fmt]}; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}.{fmt}"'},
    )


def build_router() -> APIRouter:
    """The ``/api/v1`` routes."""
    router = APIRouter(prefix="/api/v1", tags=["api"])

    @router.get("/stats", summary="Row counts of the store")
    async def stats(ctx: Ctx) -> dict[str, int]:
        """Articles, copies, duplicate groups, entities, places, times, quotes, events,
        stories and corroborated stories."""
        return await ctx.run(lambda store: store.counts())

    @router.get("/search", summary="Full-text search over articles and quotes")
    async def search(
        ctx: Ctx,
        q: Annotated[str, Query(min_length=1, max_length=500, description="query")],
        limit: Annotated[int, Query(ge=1, le=10_000)] = 20,
        quotes: bool = True,
    ) -> SearchResponse:
        """Words are all required, `"a phrase"`, `OR` between terms, `-word` excludes."""
        n = _bounded(limit, ctx.settings.max_search_limit)
        hits = await ctx.run(lambda store: store.search(q, limit=n, quotes=quotes))
        return SearchResponse(query=q, hits=[queries.hit_dict(h) for h in hits])

    @router.get("/events", summary="Events matching the filters, paginated")
    async def events(
        ctx: Ctx,
        params: Filters,
        limit: Annotated[int, Query(ge=1, le=10_000, description="page size (capped)")] = 100,
        cursor: Annotated[str | None, Query(max_length=600)] = None,
        facets: bool = False,
    ) -> EventPage:
        """Oldest first (the order of `newsgraph events`); `next_cursor` continues after the
        last event of this page, so pages do not shift when events are added earlier."""
        index = await event_index(ctx, params)
        rows, nxt = page_of(ctx, params, index, cursor, _bounded(limit, ctx.settings.max_page_size))
        return EventPage(
            items=rows,
            total=len(index.rows),
            next_cursor=nxt,
            facets=index.facets if facets else None,
        )

    @router.get("/events/facets", summary="Facet counts of the matching events")
    async def event_facets(ctx: Ctx, params: Filters) -> dict[str, list[tuple[str, int]]]:
        """Counts by type, actor, country, outlet (top 15) and month."""
        return (await event_index(ctx, params)).facets

    @router.get("/events/timeline", summary="Matching events per day and type")
    async def event_timeline(ctx: Ctx, params: Filters) -> dict[str, Any]:
        """`days`: `[day, type, count]` triples in day order."""
        index = await event_index(ctx, params)
        return {"days": [list(t) for t in index.timeline]}

    @router.get("/events/map", summary="Matching events grouped by location")
    async def event_map(ctx: Ctx, params: Filters) -> dict[str, Any]:
        """One point per location (coordinates rounded to 0.001°) with its event count and
        counts by type; at most `max_map_points` points (`truncated` says when more exist)."""
        index = await event_index(ctx, params)
        return {"points": index.points, "truncated": index.points_truncated}

    @router.get("/articles/{article_id}", summary="One article with its full Analysis")
    async def article(
        ctx: Ctx, article_id: Annotated[str, Path(pattern=ID_PATTERN)]
    ) -> dict[str, Any]:
        """`article`: stored metadata, exact copies, duplicate group; `analysis`: the Analysis
        as stored (docs/record.md)."""

        def fetch(store: Store) -> tuple[Any, Any]:
            return store.article(article_id), store.get(article_id)

        meta, analysis = await ctx.run(fetch)
        if meta is None or analysis is None:
            raise HTTPException(404, "no such article")
        meta.pop("text", None)
        return {"article": meta, "analysis": analysis}

    @router.get("/stories", summary="Stories, most corroborated first")
    async def stories(
        ctx: Ctx,
        min_sources: Annotated[int, Query(ge=1, le=1000)] = 1,
        limit: Annotated[int, Query(ge=1, le=10_000)] = 50,
    ) -> list[dict[str, Any]]:
        """Each story with its member events, outlets, independent sources and conflicts."""
        n = _bounded(limit, ctx.settings.max_page_size)
        found = await ctx.run(lambda store: store.stories(min_sources=min_sources, limit=n))
        return [s.to_dict() for s in found]

    @router.get("/stories/{story_id}", summary="One story")
    async def story(ctx: Ctx, story_id: Annotated[str, Path(pattern=ID_PATTERN)]) -> dict[str, Any]:
        """The story's member events across outlets and the details they disagree about."""
        found = await ctx.run(lambda store: store.story(story_id))
        if found is None:
            raise HTTPException(404, "no such story")
        return found.to_dict()

    @router.get("/export/events", summary="Export the matching events")
    async def export_events(
        ctx: Ctx,
        params: Filters,
        format: Literal["json", "csv", "geojson"] = "json",
    ) -> Response:
        """All matching events (up to `export_limit`) as a JSON list, CSV or GeoJSON."""
        index = await event_index(ctx, params)
        rows = index.rows[: ctx.settings.export_limit]
        if format == "csv":
            return export_response(queries.to_csv(rows, queries.EVENT_CSV_FIELDS), "csv", "events")
        if format == "geojson":
            return export_response(queries.events_geojson(rows), "geojson", "events")
        return export_response(rows, "json", "events")

    @router.get("/export/search", summary="Export search hits")
    async def export_search(
        ctx: Ctx,
        q: Annotated[str, Query(min_length=1, max_length=500)],
        limit: Annotated[int, Query(ge=1, le=10_000)] = 200,
        quotes: bool = True,
        format: Literal["json", "csv"] = "json",
    ) -> Response:
        """The hits of a search as JSON or CSV."""
        n = _bounded(limit, ctx.settings.max_search_limit)
        hits = [
            queries.hit_dict(h)
            for h in await ctx.run(lambda store: store.search(q, limit=n, quotes=quotes))
        ]
        if format == "csv":
            return export_response(queries.to_csv(hits, queries.SEARCH_CSV_FIELDS), "csv", "search")
        return export_response(hits, "json", "search")

    @router.get("/export/articles/{article_id}", summary="Export one article")
    async def export_article(
        ctx: Ctx,
        article_id: Annotated[str, Path(pattern=ID_PATTERN)],
        format: Literal["json", "csv", "geojson"] = "json",
    ) -> Response:
        """JSON: the Analysis; CSV: one row per highlighted span; GeoJSON: its places."""
        data = await ctx.run(lambda store: store.get(article_id))
        if data is None:
            raise HTTPException(404, "no such article")
        if format == "csv":
            rows = queries.annotation_rows(data)
            return export_response(
                queries.to_csv(rows, queries.ANNOTATION_CSV_FIELDS), "csv", "article"
            )
        if format == "geojson":
            return export_response(queries.article_geojson(data), "geojson", "article")
        return export_response(data, "json", "article")

    @router.post(
        "/analyze",
        summary="Analyse a text (only with --allow-write and the token)",
        responses={
            401: {"description": "missing or wrong token"},
            403: {"description": "read-only server"},
        },
    )
    async def analyze(
        ctx: Ctx,
        body: Annotated[AnalyzeRequest, Body()],
        authorization: Annotated[str | None, Header(max_length=500)] = None,
    ) -> JSONResponse:
        """Runs the pipeline on `text`; with `store: true` the result is stored
        (`stored`: `new`, `updated`, `copy` or `unchanged`). Send `Authorization: Bearer TOKEN`."""
        if not ctx.allow_write or ctx.token is None or ctx.analyzer is None:
            raise HTTPException(403, "this server is read-only (start it with --allow-write)")
        given = (authorization or "").removeprefix("Bearer ").strip()
        if not hmac.compare_digest(given.encode("utf-8"), ctx.token.encode("utf-8")):
            raise HTTPException(401, "missing or wrong token", {"WWW-Authenticate": "Bearer"})
        if len(body.text) > ctx.settings.max_analyze_chars:
            raise HTTPException(413, "text too long")
        factory = ctx.analyzer
        meta = {k: getattr(body, k) for k in ("id", "url", "outlet", "title", "published")}

        def work() -> Any:
            with ctx.analyze_lock:  # one pipeline, not thread-safe: one analysis at a time
                return factory().analyze(body.text, **{k: v for k, v in meta.items() if v})

        try:
            result = await asyncio.wait_for(
                asyncio.to_thread(work), ctx.settings.query_timeout_s * 6
            )
        except NewsgraphError as exc:
            raise HTTPException(422, str(exc)) from exc
        stored = None
        if body.store:
            put = await ctx.run(lambda store: store.put(result))
            ctx.cache.clear()
            stored = {"status": put.status, "article_id": put.article_id}
        return JSONResponse({"analysis": result.to_dict(), "stored": stored})

    return router
