"""The FastAPI application: the REST API, the HTML pages and the static assets, with the
security headers every response carries.

Build it with :func:`create_app`; ``newsgraph serve`` runs it under uvicorn. The OpenAPI schema
is at ``/openapi.json`` and a docs page rendered from it at ``/api/docs`` (FastAPI's own Swagger
and ReDoc pages load their code from a CDN, which the offline rule and the CSP both forbid).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from newsgraph.errors import NewsgraphError
from newsgraph.version import __version__
from newsgraph.web import api, views
from newsgraph.web.queries import EventParams
from newsgraph.web.runtime import AppContext, Busy, WebSettings

STATIC = Path(__file__).with_name("static")

# No inline scripts or styles, no external anything: every asset comes from /static.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}
MAX_BODY_BYTES = 1_000_000


def _wants_html(request: Request) -> bool:
    path = request.url.path
    return not (path.startswith(("/api/v1", "/openapi.json", "/static")))


def _error(request: Request, status: int, message: str) -> Response:
    if _wants_html(request):
        return views.render(
            "error.html", status, title=f"error {status}", status=status, message=message
        )
    return JSONResponse({"detail": message}, status_code=status)


def create_app(
    db_url: str,
    *,
    allow_write: bool = False,
    token: str | None = None,
    settings: WebSettings | None = None,
    analyzer: Callable[[], Any] | None = None,
) -> FastAPI:
    """The app serving the store at ``db_url``.

    Writing (``POST /api/v1/analyze``) needs ``allow_write`` and a ``token``; ``analyzer`` makes
    the pipeline on first use (default: the process-wide default Analyzer).
    """
    if allow_write and not token:
        raise NewsgraphError("--allow-write needs a token (--token or NEWSGRAPH_TOKEN)")
    if allow_write and analyzer is None:
        from newsgraph.pipeline import default_analyzer  # spaCy loads only for a writer

        analyzer = default_analyzer
    ctx = AppContext(
        db_url,
        settings or WebSettings(),
        allow_write=allow_write,
        token=token,
        analyzer=analyzer,
    )

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        ctx.pool.start()
        if ctx.settings.warm_start:  # the unfiltered events view is the front door
            api.refresh_in_background(ctx, EventParams())
        try:
            yield
        finally:
            ctx.pool.stop()

    app = FastAPI(
        title="newsgraph",
        version=__version__,
        description="Read the record: search, events, articles with their evidence, stories, "
        "exports. See docs/web.md.",
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
        lifespan=lifespan,
    )
    app.state.ng = ctx

    @app.middleware("http")
    async def security(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > MAX_BODY_BYTES):
            response: Response = JSONResponse({"detail": "request body too large"}, 413)
        else:
            response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        if request.url.path.startswith("/api/v1"):
            response.headers.setdefault("Cache-Control", "no-store")
        return response

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        response = _error(request, exc.status_code, str(exc.detail))
        response.headers.update(exc.headers or {})
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        if _wants_html(request):
            first = exc.errors()[0] if exc.errors() else {}
            where = ".".join(str(p) for p in first.get("loc", ()))
            return _error(request, 422, f"invalid {where}: {first.get('msg', 'input')}")
        return JSONResponse({"detail": exc.errors()}, status_code=422)

    @app.exception_handler(Busy)
    async def busy(request: Request, exc: Busy) -> Response:
        return _error(request, 503, "the server is busy; try again")

    @app.exception_handler(TimeoutError)
    async def timeout(request: Request, exc: TimeoutError) -> Response:
        return _error(request, 504, "the query took too long; narrow it down")

    @app.exception_handler(NewsgraphError)
    async def bad_query(request: Request, exc: NewsgraphError) -> Response:
        return _error(request, 400, str(exc))

    app.include_router(api.build_router())
    app.include_router(views.build_router())
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app
