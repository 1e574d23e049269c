"""A bounded, thread-safe cache of years: the memory bound of the clock's year index.

Years are built lazily under a lock (a cache of derived, immutable data), and one cache
keeps at most :data:`MAX_YEARS_KEPT` of them: beyond, the least recently used year is
dropped, and rebuilt (identically: a year is a pure function of the calendar) if a query
steps into it again. So a long-running index stays bounded. A year of Mon-Fri
10:00-18:00 with holidays holds about 250 open intervals and as many working dates,
about 70 KB (some 280 bytes per interval, measured with ``tracemalloc`` in
``tests/test_year_memory.py``); so a calendar's index holds at most about 9 MiB, where a
calendar queried over all of 1900-2400 held 34.5 MiB before the bound
(docs/architecture.md, "Guards"). 128 years cover what analysts query in one go (a
report over 1990-2060 is 71 years): a smaller bound made such a scan rebuild years
over and over.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

from supportpolicy.errors import InvalidValueError

__all__ = ["MAX_YEAR", "MAX_YEARS_KEPT", "MIN_YEAR", "YearCache"]

MIN_YEAR = 1900
MAX_YEAR = 2400
MAX_YEARS_KEPT = 128
"""How many built years one index keeps; the least recently used one goes first."""

T = TypeVar("T")


class YearCache(Generic[T]):
    """Values built per year by ``_build``, at most :data:`MAX_YEARS_KEPT`; thread-safe.

    A hit costs one dict read and one dict store (the year's last use, atomic); a build
    runs under the lock, and drops the least recently used year when the cache is full.
    """

    __slots__ = ("__weakref__", "_build", "_lock", "_segments", "_tick", "_used")

    def __init__(self, build: Callable[[int], T]):
        self._build = build
        self._segments: dict[int, T] = {}
        self._used: dict[int, int] = {}
        self._tick = itertools.count()
        self._lock = threading.Lock()

    def year(self, year: int) -> T:
        """The value of local *year*, built on first use (or again after it was dropped)."""
        segment = self._segments.get(year)
        if segment is None:
            if not MIN_YEAR <= year <= MAX_YEAR:
                raise InvalidValueError(
                    f"the business clock covers the years {MIN_YEAR} to {MAX_YEAR}; "
                    f"a computation reached {year}"
                )
            with self._lock:
                segment = self._segments.get(year)
                if segment is None:
                    segment = self._build(year)
                    if len(self._segments) >= MAX_YEARS_KEPT:
                        self._drop_least_used()
                    self._segments[year] = segment
        self._used[year] = next(self._tick)
        return segment

    def _drop_least_used(self) -> None:
        """Drop the least recently used year (called under the lock)."""
        used = self._used
        victim = min(self._segments, key=lambda year: used.get(year, -1))
        del self._segments[victim]
        used.pop(victim, None)

    @property
    def years_kept(self) -> int:
        """How many years are built and kept now (at most :data:`MAX_YEARS_KEPT`)."""
        return len(self._segments)
