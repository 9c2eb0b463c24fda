"""Server-rendered HTML pages: home, search, events (table, facets, map, timeline), article
(highlighted extractions and source chains), stories.

Every page's state lives in its URL (filters, cursor, selected row, map view, selected
extraction, hidden layers), so any screen is a permalink. Everything shown is untrusted text
rendered through Jinja2 with autoescaping on; data for the small scripts goes into
``<script type="application/json">`` blocks via ``tojson`` (which escapes ``<``, ``>``, ``&``),
never into inline code, so the Content-Security-Policy can forbid inline scripts.
"""

from __future__ import annotations

import calendar
from pathlib import Path as FsPath
from typing import Annotated, Any
from urllib.parse import urlencode, urlsplit

import jinja2
from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse
from pydantic import ValidationError

from newsgraph.store import Store
from newsgraph.web import queries
from newsgraph.web.api import ID_PATTERN, Ctx, event_index, page_of
from newsgraph.web.queries import EventParams

TEMPLATES = FsPath(__file__).with_name("templates")
# Highlight markers for search snippets: control characters no stored text keeps in a snippet.
_MARK_OPEN, _MARK_CLOSE = "\x02", "\x03"


def environment() -> jinja2.Environment:
    """The template environment: autoescape on for every template, undefined is an error."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["safe_href"] = safe_href
    return env


def safe_href(url: Any) -> str | None:
    """A link target only for http(s) URLs: ``javascript:`` and friends are shown as text."""
    if not isinstance(url, str):
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


ENV = environment()


def render(name: str, status_code: int = 200, **values: Any) -> HTMLResponse:
    """A rendered page."""
    return HTMLResponse(ENV.get_template(name).render(**values), status_code=status_code)


def link(path: str, items: list[tuple[str, str]]) -> str:
    """``path?query`` (no ``?`` when there are no items)."""
    return f"{path}?{urlencode(items)}" if items else path


def snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """A highlighted snippet as (text, matched) pieces, for escaping piece by piece."""
    parts: list[tuple[str, bool]] = []
    for i, chunk in enumerate(snippet.split(_MARK_OPEN)):
        if i == 0:
            parts.append((chunk, False))
            continue
        matched, _, rest = chunk.partition(_MARK_CLOSE)
        parts.append((matched, True))
        if rest:
            parts.append((rest, False))
    return [p for p in parts if p[0]]


def _params(request: Request) -> EventParams:
    data: dict[str, Any] = {}
    for key, value in request.query_params.multi_items():
        if key in ("type", "mode"):
            data.setdefault(key, []).append(value)
        else:
            data[key] = value
    try:
        return EventParams.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise HTTPException(422, f"invalid filter {where}: {first['msg']}") from exc


def _facet_links(params: EventParams, index: queries.EventIndex) -> dict[str, list[dict[str, Any]]]:
    base = params.query_items()
    out: dict[str, list[dict[str, Any]]] = {}
    for name, counts in index.facets.items():
        entries = []
        for value, n in counts:
            if name == "type":
                active = value in params.type
                items = [i for i in base if i != ("type", value)]
                if not active:
                    items.append(("type", value))
            elif name == "min_confidence":
                active = params.min_confidence == float(value)
                items = [i for i in base if i[0] != name]
                if not active:
                    items.append((name, value))
            elif name == "month":
                year, month = int(value[:4]), int(value[5:7])
                last = calendar.monthrange(year, month)[1]
                since, until = f"{value}-01", f"{value}-{last:02d}"
                active = params.since == since and params.until == until
                items = [i for i in base if i[0] not in ("since", "until")]
                if not active:
                    items += [("since", since), ("until", until)]
            else:
                current = getattr(params, name)
                active = current is not None and current.casefold() == value.casefold()
                items = [i for i in base if i[0] != name]
                if not active:
                    items.append((name, value))
            entries.append(
                {"value": value, "count": n, "active": active, "href": link("/events", items)}
            )
        out[name] = entries
    return out


def _active_filters(params: EventParams) -> list[dict[str, str]]:
    base = params.query_items()
    return [
        {
            "name": key,
            "value": value,
            "href": link("/events", [i for i in base if i != (key, value)]),
        }
        for key, value in base
    ]


def build_router() -> APIRouter:
    """The HTML pages."""
    router = APIRouter(include_in_schema=False)

    @router.get("/", response_class=HTMLResponse)
    async def home(ctx: Ctx) -> HTMLResponse:
        def fetch(store: Store) -> tuple[dict[str, int], list[Any]]:
            return store.counts(), store.stories(min_sources=2, limit=10)

        counts, top = await ctx.run(fetch)
        return render("home.html", title="newsgraph", counts=counts, stories=top)

    @router.get("/search", response_class=HTMLResponse)
    async def search_page(
        ctx: Ctx,
        q: Annotated[str, Query(max_length=500)] = "",
        quotes: bool = True,
    ) -> HTMLResponse:
        hits: list[dict[str, Any]] = []
        if q.strip():
            n = ctx.settings.search_limit * 2
            found = await ctx.run(
                lambda store: store.search(
                    q, limit=n, quotes=quotes, highlight=(_MARK_OPEN, _MARK_CLOSE)
                )
            )
            hits = [{**queries.hit_dict(h), "parts": snippet_parts(h.snippet)} for h in found]
        export = [("q", q)] + ([] if quotes else [("quotes", "false")])
        return render(
            "search.html",
            title=f"search: {q}" if q else "search",
            q=q,
            quotes=quotes,
            hits=hits,
            export_json=link("/api/v1/export/search", [*export, ("format", "json")]),
            export_csv=link("/api/v1/export/search", [*export, ("format", "csv")]),
        )

    @router.get("/events", response_class=HTMLResponse)
    async def events_page(
        request: Request,
        ctx: Ctx,
        cursor: Annotated[str | None, Query(max_length=600)] = None,
        limit: Annotated[int | None, Query(ge=1, le=10_000)] = None,
    ) -> HTMLResponse:
        params = _params(request)
        index = await event_index(ctx, params)
        size = min(limit or ctx.settings.page_size, ctx.settings.max_page_size)
        rows, nxt = page_of(ctx, params, index, cursor, size)
        base = params.query_items()
        paging = [("limit", str(size))] if limit else []
        first_row = index.position[rows[0]["gid"]] + 1 if rows else 0
        return render(
            "events.html",
            title="events",
            params=params,
            rows=[{**r, "day": queries.event_day(r)} for r in rows],
            total=len(index.rows),
            first_row=first_row,
            facets=_facet_links(params, index),
            active=_active_filters(params),
            next_href=link("/events", [*base, *paging, ("cursor", nxt)]) if nxt else None,
            first_href=link("/events", [*base, *paging]) if cursor else None,
            exports={
                fmt: link("/api/v1/export/events", [*base, ("format", fmt)])
                for fmt in ("json", "csv", "geojson")
            },
            data={
                "timeline": index.timeline,
                "points": index.points,
                "truncated": index.points_truncated,
                "since": params.since,
                "until": params.until,
            },
        )

    @router.get("/articles/{article_id}", response_class=HTMLResponse)
    async def article_page(
        ctx: Ctx, article_id: Annotated[str, Path(pattern=ID_PATTERN)]
    ) -> HTMLResponse:
        def fetch(store: Store) -> tuple[Any, Any, dict[str, str]]:
            data = store.get(article_id)
            meta = store.article(article_id)
            stories = queries.article_stories(store, data) if data is not None else {}
            return data, meta, stories

        data, meta, stories = await ctx.run(fetch)
        if data is None or meta is None:
            raise HTTPException(404, "no such article")
        anns = queries.article_annotations(data)
        chains = queries.chain_annotations(data, len(anns))
        every = anns + [a for chain in chains for a in chain]
        text = str(data.get("text") or "")
        counts: dict[str, int] = {}
        for ann in anns:
            counts[ann.kind] = counts.get(ann.kind, 0) + 1
        events = []
        for ann, event in zip(
            [a for a in anns if a.kind == "event"], data.get("events") or [], strict=False
        ):
            gid = f"{data['id']}/{event.get('id')}"
            events.append({"ann": ann, "story": stories.get(gid)})
        return render(
            "article.html",
            title=data.get("title") or data["id"],
            data=data,
            meta=meta,
            segments=queries.segments(text, every),
            annotations=anns,
            events=events,
            chains=chains,
            counts=counts,
            kinds=[k for k in queries.KINDS if k != "source"],
            payload={a.id: a.to_dict(text) for a in every},
            exports={
                fmt: link(f"/api/v1/export/articles/{data['id']}", [("format", fmt)])
                for fmt in ("json", "csv", "geojson")
            },
        )

    @router.get("/stories", response_class=HTMLResponse)
    async def stories_page(
        ctx: Ctx, min_sources: Annotated[int, Query(ge=1, le=1000)] = 2
    ) -> HTMLResponse:
        n = ctx.settings.max_page_size
        found = await ctx.run(lambda store: store.stories(min_sources=min_sources, limit=n))
        return render("stories.html", title="stories", stories=found, min_sources=min_sources)

    @router.get("/stories/{story_id}", response_class=HTMLResponse)
    async def story_page(
        ctx: Ctx, story_id: Annotated[str, Path(pattern=ID_PATTERN)]
    ) -> HTMLResponse:
        story = await ctx.run(lambda store: store.story(story_id))
        if story is None:
            raise HTTPException(404, "no such story")
        return render(
            "story.html",
            title=f"story {story.id}",
            story=story,
            columns=queries.story_columns(story),
            exports={
                fmt: link("/api/v1/export/events", [("story", story.id), ("format", fmt)])
                for fmt in ("json", "csv", "geojson")
            },
        )

    @router.get("/api/docs", response_class=HTMLResponse)
    async def api_docs(request: Request) -> HTMLResponse:
        schema = request.app.openapi()
        return render("apidocs.html", title="API", routes=queries.openapi_routes(schema))

    return router
