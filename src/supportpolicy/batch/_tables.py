"""A calendar's per-year index as int64 arrays of UTC microseconds, for the kernels.

For each local year the :class:`~supportpolicy.sla._index.Segment` of the calendar's
index is read once into arrays (interval starts and ends, cumulative open time, working
days' cumulative offsets and lengths) and kept in a bounded, thread-safe cache keyed by
the index object (derived, immutable data). A :class:`Table` concatenates a run of
years: its cumulative sums run on across the years, so "open time from the table's
start" is one ``np.searchsorted`` away for any instant in it, and the earliest (or
latest) instant holding an offset another. Because the segments tile time (each ends
where the next begins, a night shift over New Year included), the concatenation gives
exactly what the scalar clock computes year by year.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from typing import Any

import attrs

from supportpolicy.batch._np import np
from supportpolicy.sla._index import MAX_YEAR, MIN_YEAR, Segment, YearIndex, work

__all__ = ["EPOCH", "NAT", "Array", "Table", "micros_of", "sketch_work", "table"]

Array = Any
"""A numpy array (numpy is an optional import, so arrays are typed loosely)."""

EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
NAT = np.iinfo(np.int64).min
"""numpy's NaT as an int64."""
_US = dt.timedelta(microseconds=1)
_INDEXES = 16
"""How many calendar indexes the cache holds arrays for (least recently used dropped)."""
_TABLES = 8
"""How many concatenated runs of years it keeps per index."""


def micros_of(instant: dt.datetime) -> int:
    """UTC microseconds since 1970 of an aware *instant*."""
    return (instant - EPOCH) // _US


@attrs.frozen
class _Year:
    lo: int
    hi: int
    starts: Array
    ends: Array
    day_cum: Array
    day_len: Array
    total: int
    work: int


def _read(segment: Segment) -> _Year:
    def us(values: list[dt.datetime]) -> Array:
        return np.array([micros_of(v) for v in values], dtype=np.int64)

    def span(values: list[dt.timedelta]) -> Array:
        return np.array([v // _US for v in values], dtype=np.int64)

    return _Year(
        micros_of(segment.lo), micros_of(segment.hi), us(segment.starts), us(segment.ends),
        span(segment.day_cum), span(segment.day_len), segment.total // _US, work(segment),
    )  # fmt: skip


@attrs.frozen
class Table:
    """The years ``first`` to ``last`` of an index, concatenated (int64 microseconds).

    ``cum_start[i]``/``cum_end[i]``: open time from the table's start to interval
    ``i``'s start/end; ``year_lo[y]``: where year ``first + y`` begins (one more entry:
    where ``last`` ends); ``year_cum[y]``: the open time before it. Working days:
    ``day_cum`` (open time before the day's first opening), ``day_len``, ``day_year``.
    ``max_work``, ``min_total`` (the least positive open time of a year, 0 if none) and
    ``min_days`` (the fewest working days of a year that has any) bound the work the
    scalar clock would do, for its limit checks.
    """

    first: int
    last: int
    starts: Array
    ends: Array
    cum_start: Array
    cum_end: Array
    interval_year: Array
    year_lo: Array
    year_cum: Array
    day_cum: Array
    day_len: Array
    day_year: Array
    max_work: int
    min_total: int
    min_days: int

    def year_of(self, us: Array) -> Array:
        """The local year (an int array) holding each UTC instant (inside the table)."""
        return self.first + np.searchsorted(self.year_lo, us, side="right") - 1

    def covers(self, us: Array) -> Array:
        """Whether each instant lies in the table's years."""
        return (us >= self.year_lo[0]) & (us < self.year_lo[-1])

    def offset(self, us: Array) -> Array:
        """Open time from the table's start to each instant (inside the table)."""
        if not len(self.starts):
            return np.zeros(len(us), dtype=np.int64)
        i = np.searchsorted(self.starts, us, side="right") - 1
        safe = np.maximum(i, 0)
        inside = np.minimum(us, self.ends[safe]) - self.starts[safe]
        return np.where(i >= 0, self.cum_start[safe] + inside, 0)

    def earliest(self, target: Array) -> tuple[Array, Array, Array]:
        """The earliest instant with open time *target* (> 0) before it, whether the
        table holds it (else the instant is meaningless), and its interval's position."""
        j = np.searchsorted(self.cum_end, target, side="left")
        if not len(self.cum_end):
            return target, np.zeros(len(target), dtype=bool), j
        found = j < len(self.cum_end)
        safe = np.minimum(j, len(self.cum_end) - 1)
        return self.starts[safe] + (target - self.cum_start[safe]), found, safe

    def latest(self, target: Array) -> Array:
        """The latest instant with open time *target* (>= 0, below the table's total)
        before it."""
        j = np.maximum(np.searchsorted(self.cum_start, target, side="right") - 1, 0)
        return self.starts[j] + (target - self.cum_start[j])


def _concat(years: list[_Year], first: int) -> Table:
    totals = np.array([y.total for y in years], dtype=np.int64)
    year_cum = np.concatenate(([0], np.cumsum(totals)))
    starts = np.concatenate([y.starts for y in years])
    ends = np.concatenate([y.ends for y in years])
    lengths = ends - starts
    cum_end = np.cumsum(lengths)
    counts = [len(y.starts) for y in years]
    day_counts = [len(y.day_cum) for y in years]
    offsets = np.repeat(year_cum[:-1], day_counts)
    positive = totals[totals > 0]
    return Table(
        first=first,
        last=first + len(years) - 1,
        starts=starts,
        ends=ends,
        cum_start=cum_end - lengths,
        cum_end=cum_end,
        interval_year=np.repeat(np.arange(first, first + len(years)), counts),
        year_lo=np.array([y.lo for y in years] + [years[-1].hi], dtype=np.int64),
        year_cum=year_cum,
        day_cum=np.concatenate([y.day_cum for y in years]) + offsets,
        day_len=np.concatenate([y.day_len for y in years]),
        day_year=np.repeat(np.arange(first, first + len(years)), day_counts),
        max_work=max(y.work for y in years),
        min_total=int(positive.min()) if len(positive) else 0,
        min_days=min((n for n in day_counts if n), default=0),
    )


class _Entry:
    __slots__ = ("index", "lock", "sketches", "tables", "years")

    def __init__(self, index: YearIndex):
        self.index = index  # held, so that its id stays its own while cached
        self.years: dict[int, _Year] = {}
        self.sketches: dict[int, int] = {}
        self.tables: OrderedDict[tuple[int, int], Table] = OrderedDict()
        self.lock = threading.Lock()


_CACHE: OrderedDict[int, _Entry] = OrderedDict()
_LOCK = threading.Lock()


def _entry(index: YearIndex) -> _Entry:
    with _LOCK:
        entry = _CACHE.get(id(index))
        if entry is None or entry.index is not index:
            entry = _Entry(index)
            _CACHE[id(index)] = entry
            while len(_CACHE) > _INDEXES:
                _CACHE.popitem(last=False)
        _CACHE.move_to_end(id(index))
        return entry


def table(index: YearIndex, first: int, last: int) -> Table:
    """The years *first* to *last* of *index* (clipped to the clock's years), cached."""
    first, last = max(first, MIN_YEAR), min(last, MAX_YEAR)
    entry = _entry(index)
    with entry.lock:
        found = entry.tables.get((first, last))
        if found is not None:
            entry.tables.move_to_end((first, last))
            return found
    years = []
    for year in range(first, last + 1):
        read = entry.years.get(year)
        if read is None:
            read = _read(index.year(year))  # the index builds the year under its own lock
            with entry.lock:
                entry.years[year] = read
        years.append(read)
    made = _concat(years, first)
    with entry.lock:
        entry.tables[(first, last)] = made
        while len(entry.tables) > _TABLES:
            entry.tables.popitem(last=False)
    return made


def sketch_work(index: YearIndex, year: int) -> int:
    """The work the scalar clock estimates up front for a span starting in *year*
    (:meth:`YearIndex.sketch`), cached."""
    entry = _entry(index)
    found = entry.sketches.get(year)
    if found is None:
        found = index.sketch(year)[1]
        with entry.lock:
            entry.sketches[year] = found
    return found
