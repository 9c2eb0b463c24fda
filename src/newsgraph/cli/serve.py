"""``newsgraph serve``: the REST API and the web UI over one database (read-only by default)."""

from __future__ import annotations

import argparse
import ipaddress
import os
from typing import Any

from newsgraph.cli.common import warn
from newsgraph.cli.events import add_db_argument, open_existing
from newsgraph.errors import NewsgraphError
from newsgraph.store import default_db_url


def register(commands: Any) -> None:
    """Add the command to the top-level parser."""
    parser = commands.add_parser(
        "serve",
        help="serve the REST API and web UI over a database",
        description="Serve the REST API (/api/v1, schema at /openapi.json) and the web UI "
        "(events with facets, map and timeline; articles with their evidence; stories) over "
        "one database. Read-only unless --allow-write is given with a token. See docs/web.md.",
    )
    add_db_argument(parser)
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    parser.add_argument(
        "--allow-write",
        action="store_true",
        help="enable POST /api/v1/analyze (needs --token or NEWSGRAPH_TOKEN)",
    )
    parser.add_argument(
        "--token",
        default=None,
        help="bearer token for writing endpoints (default: $NEWSGRAPH_TOKEN)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Run the server until interrupted; returns the exit code."""
    import uvicorn  # the web stack loads only for this command

    from newsgraph.web.app import create_app

    url = args.db or default_db_url()
    open_existing(url).close()  # a missing SQLite file is an error, not a new empty database
    token = args.token or os.environ.get("NEWSGRAPH_TOKEN") or None
    if args.allow_write and not token:
        raise NewsgraphError("--allow-write needs --token or NEWSGRAPH_TOKEN")
    if not _loopback(args.host):
        warn(f"serving on {args.host}: reachable from other machines")
    app = create_app(url, allow_write=args.allow_write, token=token)
    uvicorn.run(
        app,
        host=args.host,
        port=args.port,
        log_level="warning",
        timeout_keep_alive=5,
        limit_concurrency=200,
        server_header=False,
    )
    return 0


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
