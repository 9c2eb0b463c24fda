"""Latency of the events view and its API with a large store (issue 9: median < 300 ms at
50,000 events), measured over HTTP against a real ``newsgraph serve``.

    .venv/bin/python benchmarks/web_bench.py --events 50000 [--db /tmp/web-bench.db]

The database is a synthetic corpus (``newsgraph.corpus.synthetic``, gold analyses, seed 11),
built once and reused when the file exists. Each filter below is requested first with an empty
cache (``cold``: the store query plus facets, timeline and map for every matching event) and
then again (``cached``); the medians are printed per endpoint.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

from newsgraph.corpus import synthetic
from newsgraph.store import open_store

FILTERS = [
    "",
    "type=ASSAULT",
    "type=PROTEST",
    "country=IQ",
    "country=SY",
    "country=NG",
    "type=ASSAULT&country=AF",
    "since=2021-06-01&until=2021-09-30",
    "min_sources=2",
    "actor=police",
    "type=COERCE",
    "since=2022-01-01",
]


def build(path: Path, events: int) -> None:
    """Store synthetic gold analyses until the store holds ``events`` events (rerunnable:
    articles already stored are skipped by the store itself)."""
    started = time.perf_counter()
    articles = synthetic.generate(int(events * 1.3) + 100, seed=11)
    with open_store(f"sqlite:///{path}") as store:
        for i, article in enumerate(articles):
            if i % 2000 == 0:
                stored = store.counts()["events"]
                print(f"  {i} articles, {stored} events", file=sys.stderr)
                if stored >= events:
                    break
            store.put(synthetic.gold_analysis(article))
        print(f"built {store.counts()} in {time.perf_counter() - started:.0f} s", file=sys.stderr)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=50_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/newsgraph-web-bench.db"))
    parser.add_argument("--repeat", type=int, default=5, help="cached requests per filter")
    args = parser.parse_args()
    build(args.db, args.events)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from newsgraph.cli import main; sys.exit(main())",
            "serve",
            "--db",
            f"sqlite:///{args.db}",
            "--port",
            str(port),
        ]
    )
    try:
        with httpx.Client(base_url=base, timeout=60) as client:
            for _ in range(300):
                try:
                    if client.get("/api/v1/stats").status_code == 200:
                        break
                except httpx.TransportError:
                    time.sleep(0.1)
            print("store:", client.get("/api/v1/stats").json())
            results: dict[str, list[float]] = {}
            for name, template in (
                ("api", "/api/v1/events?facets=true&limit=100&{q}"),
                ("page", "/events?{q}"),
                ("map", "/api/v1/events/map?{q}"),
            ):
                for q in FILTERS:
                    url = template.format(q=q)
                    if name == "api":  # distinct filters: the first request misses the cache
                        t = time.perf_counter()
                        total = client.get(url).json()["total"]
                        took = time.perf_counter() - t
                        results.setdefault("cold " + name, []).append(took)
                        label = q or "(no filter)"
                        print(f"  cold {label:36s} {total:6d} events {took * 1000:7.1f} ms")
                    for _ in range(args.repeat):
                        t = time.perf_counter()
                        client.get(url).raise_for_status()
                        results.setdefault("cached " + name, []).append(time.perf_counter() - t)
            # paging deep into the full list with cursors
            cursor, pages = None, 0
            t = time.perf_counter()
            while pages < 50:
                page = client.get(
                    "/api/v1/events",
                    params={"limit": 500, **({"cursor": cursor} if cursor else {})},
                ).json()
                pages += 1
                cursor = page["next_cursor"]
                if cursor is None:
                    break
            results["cursor page (500 rows)"] = [(time.perf_counter() - t) / pages]
        for name, times in results.items():
            ms = sorted(1000 * x for x in times)
            print(
                f"{name:24s} median {statistics.median(ms):7.1f} ms  "
                f"p90 {ms[int(0.9 * (len(ms) - 1))]:7.1f} ms  max {ms[-1]:7.1f} ms  n={len(ms)}"
            )
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
