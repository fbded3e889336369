"""``PageCache``: rendered event pages and dossier JSON kept in memory, so repeated reads of an
event cost a dictionary look-up, not a store query and a render.

An entry is served while it is younger than ``ttl`` seconds (setting ``web.cache_seconds``) and
no write went through this server since it was made: ``clear()`` (called by the job runner
whenever a job writes) drops everything at once. ``aget`` serves async routes: a hit costs no
thread hop. Thread-safe; at most ``max_entries`` entries
(the oldest go first)."""
from __future__ import annotations

import threading
import time
from collections import OrderedDict
from typing import Callable, Hashable, TypeVar

from starlette.concurrency import run_in_threadpool

T = TypeVar("T")


class PageCache:
    def __init__(self, ttl: float, max_entries: int = 256):
        self.ttl = ttl
        self.max_entries = max_entries
        self._items: "OrderedDict[Hashable, tuple[float, int, object]]" = OrderedDict()
        self._generation = 0
        self._lock = threading.Lock()

    def clear(self) -> None:
        with self._lock:
            self._generation += 1
            self._items.clear()

    def peek(self, key: Hashable):
        """The cached value of ``key`` when it is still fresh, else None (nothing is made)."""
        with self._lock:
            hit = self._items.get(key)
            if hit and time.monotonic() - hit[0] < self.ttl and hit[1] == self._generation:
                return hit[2]
        return None

    async def aget(self, key: Hashable, make: Callable[[], T]) -> T:
        """``get`` for async routes: a fresh entry is returned at once, without a thread hop;
        a missing one is made in the thread pool (``make`` may query the store and render)."""
        hit = self.peek(key)
        if hit is not None:
            return hit
        return await run_in_threadpool(self.get, key, make)

    def get(self, key: Hashable, make: Callable[[], T]) -> T:
        """The cached value of ``key``, or ``make()`` (stored unless a write happened meanwhile)."""
        now = time.monotonic()
        with self._lock:
            hit = self._items.get(key)
            if hit and now - hit[0] < self.ttl and hit[1] == self._generation:
                return hit[2]  # type: ignore[return-value]
            generation = self._generation
        value = make()
        with self._lock:
            if generation == self._generation and self.ttl > 0:
                self._items[key] = (now, generation, value)
                self._items.move_to_end(key)
                while len(self._items) > self.max_entries:
                    self._items.popitem(last=False)
        return value
