"""What the server keeps between requests: its settings, a pool of store connections and a
short-lived cache of event queries.

Why a pool of worker threads that each own a store: a SQLite connection may only be used by the
thread that opened it, and a query cannot be abandoned half-way from outside. Each worker opens
its own store once and serves jobs from one queue; a request waits for its job at most
``query_timeout_s`` (then 504), and a full queue answers 503 at once instead of piling up work.

Why a cache: the events view shows facets, a timeline and a map of *every* matching event, and
its pages walk the same ordered list. Computing that list once per filter (a few filters at a
time) makes paging and re-rendering cheap. After ``cache_ttl_s`` an entry is stale: it is still
served while one background job recomputes it (stale-while-revalidate), so a popular filter never
makes a reader wait for the full query again. Writes made through this server clear the cache;
writes made by another process show after ``cache_ttl_s`` plus one recomputation.
"""

from __future__ import annotations

import asyncio
import queue
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any, TypeVar

from newsgraph.store import Store, open_store

T = TypeVar("T")


@dataclass(frozen=True)
class WebSettings:
    """Limits and knobs of the server (all documented in docs/web.md)."""

    page_size: int = 100
    max_page_size: int = 500
    search_limit: int = 20
    max_search_limit: int = 200
    export_limit: int = 50_000
    max_map_points: int = 5_000
    query_timeout_s: float = 10.0
    workers: int = 4
    queue_size: int = 64
    cache_ttl_s: float = 10.0
    cache_entries: int = 8
    max_analyze_chars: int = 200_000
    warm_start: bool = True


class Busy(Exception):
    """The job queue is full."""


class StorePool:
    """Worker threads, each with its own open store, serving jobs ``fn(store) -> value``."""

    def __init__(self, url: str, workers: int, queue_size: int) -> None:
        self.url = url
        self._jobs: queue.Queue[tuple[Callable[[Store], Any], Future[Any]] | None] = queue.Queue(
            maxsize=queue_size
        )
        self._threads: list[threading.Thread] = []
        self._workers = workers
        self._opened: list[Future[None]] = []

    def start(self) -> None:
        """Start the workers and wait until each has opened its store (errors surface here)."""
        for i in range(self._workers):
            ready: Future[None] = Future()
            thread = threading.Thread(
                target=self._serve, args=(ready,), name=f"newsgraph-web-{i}", daemon=True
            )
            thread.start()
            self._threads.append(thread)
            self._opened.append(ready)
        for ready in self._opened:
            ready.result()

    def _serve(self, ready: Future[None]) -> None:
        try:
            store = open_store(self.url)
        except Exception as exc:  # noqa: BLE001  # reported to start(), which re-raises it
            ready.set_exception(exc)
            return
        ready.set_result(None)
        try:
            while (job := self._jobs.get()) is not None:
                fn, result = job
                if not result.set_running_or_notify_cancel():
                    continue
                try:
                    result.set_result(fn(store))
                except Exception as exc:  # noqa: BLE001  # handed to the waiting request
                    result.set_exception(exc)
        finally:
            store.close()

    def submit(self, fn: Callable[[Store], T]) -> Future[T]:
        """Queue a job; raises :class:`Busy` when the queue is full."""
        result: Future[T] = Future()
        try:
            self._jobs.put_nowait((fn, result))
        except queue.Full as exc:
            raise Busy from exc
        return result

    async def run(self, fn: Callable[[Store], T], timeout: float) -> T:
        """Run a job on a worker; :class:`TimeoutError` after ``timeout`` seconds."""
        future = self.submit(fn)
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), timeout)
        except TimeoutError:
            future.cancel()
            raise

    def stop(self) -> None:
        """Let each worker finish its job, close its store and exit."""
        for thread in self._threads:
            if thread.is_alive():
                self._jobs.put(None)
        for thread in self._threads:
            thread.join(timeout=30)
        self._threads.clear()


class TTLCache:
    """A small LRU of computed values that go stale after ``ttl`` seconds (thread-safe)."""

    def __init__(self, entries: int, ttl: float) -> None:
        self.entries = entries
        self.ttl = ttl
        self._data: OrderedDict[Any, tuple[float, Any]] = OrderedDict()
        self._refreshing: set[Any] = set()
        self._lock = threading.Lock()

    def get(self, key: Any) -> tuple[Any | None, bool]:
        """``(value, fresh)``: the cached value (None when absent) and whether it is younger
        than ``ttl``. A stale value is still returned: the caller serves it and refreshes it
        in the background, so no request waits for a recomputation it did not ask for."""
        with self._lock:
            item = self._data.get(key)
            if item is None:
                return None, False
            self._data.move_to_end(key)
            return item[1], time.monotonic() - item[0] <= self.ttl

    def claim_refresh(self, key: Any) -> bool:
        """True for the one caller that should refresh a stale key (others keep serving)."""
        with self._lock:
            if key in self._refreshing:
                return False
            self._refreshing.add(key)
            return True

    def forget_refresh(self, key: Any) -> None:
        """Give up a claimed refresh (the job could not be queued)."""
        with self._lock:
            self._refreshing.discard(key)

    def put(self, key: Any, value: Any) -> None:
        """Store a value, evicting the least recently used beyond ``entries``."""
        with self._lock:
            self._data[key] = (time.monotonic(), value)
            self._data.move_to_end(key)
            self._refreshing.discard(key)
            while len(self._data) > self.entries:
                self._data.popitem(last=False)

    def clear(self) -> None:
        """Forget everything (after a write)."""
        with self._lock:
            self._data.clear()
            self._refreshing.clear()


class AppContext:
    """Everything a request handler needs: settings, the store pool, the cache, write access."""

    def __init__(
        self,
        url: str,
        settings: WebSettings,
        *,
        allow_write: bool,
        token: str | None,
        analyzer: Callable[[], Any] | None,
    ) -> None:
        self.url = url
        self.settings = settings
        self.pool = StorePool(url, settings.workers, settings.queue_size)
        self.cache = TTLCache(settings.cache_entries, settings.cache_ttl_s)
        self.allow_write = allow_write
        self.token = token
        self.analyzer = analyzer
        self.analyze_lock = threading.Lock()
        self.inflight: dict[str, Future[Any]] = {}
        self.inflight_lock = threading.Lock()

    async def run(self, fn: Callable[[Store], T]) -> T:
        """Run ``fn(store)`` on a worker within the query timeout."""
        return await self.pool.run(fn, self.settings.query_timeout_s)
