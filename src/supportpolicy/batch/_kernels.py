"""The vectorized clock: int64 UTC microseconds in, int64 microseconds out.

Each kernel reads a :class:`~supportpolicy.batch._tables.Table` of the years its
instants need and answers every row with a few searches (``np.searchsorted``, sped up
by a bucket table: :mod:`supportpolicy.batch._search`); it never
loops over rows. A row the table cannot answer with certainty, because its result lies
beyond the years read, near the clock's horizon or its work limit
(``_limits.MAX_QUERY_WORK``), or because its duration or count is large enough for the
scalar function's up-front estimate, is handed to the scalar function (:func:`scalar`):
so every row's result, or error, is exactly the scalar one. Those rows are rare (none
on a usual calendar within a few years of now).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from supportpolicy import _limits
from supportpolicy.batch._chunks import row_error
from supportpolicy.batch._np import np
from supportpolicy.batch._tables import EPOCH, Array, Table, micros_of, sketch_work, table
from supportpolicy.errors import SupportPolicyError
from supportpolicy.sla import clock
from supportpolicy.sla._index import HORIZON_YEARS, MAX_YEAR, SKETCH_DURATION, YearIndex
from supportpolicy.sla.calendars import Calendar

__all__ = [
    "add", "begun", "between", "is_open", "next_opening", "scalar", "span", "utc_year",
]  # fmt: skip

_US = dt.timedelta(microseconds=1)
SKETCH_US = SKETCH_DURATION // _US
LIMIT = _limits.MAX_QUERY_WORK


def utc_year(us: int) -> int:
    """The UTC year of an instant in microseconds."""
    return (EPOCH + dt.timedelta(microseconds=us)).year


def span(*columns: Array) -> tuple[int, int]:
    """The UTC years of the earliest and latest instant of the (non-empty) columns."""
    return (
        utc_year(min(int(c.min()) for c in columns)),
        utc_year(max(int(c.max()) for c in columns)),
    )


def scalar(out: Array, rows: Array, call: Callable[..., object], *columns: Array) -> None:
    """Fill ``out[rows]`` from the scalar *call* on those rows' values (instants given
    as aware UTC datetimes, durations as timedeltas); an error names the row
    (:func:`~supportpolicy.batch._chunks.row_error`)."""
    for i in np.flatnonzero(rows).tolist():
        args = [_READ[kind](c[i]) for kind, c in columns]
        try:
            result = call(*args)
        except SupportPolicyError as error:
            raise row_error(error, i) from None
        if isinstance(result, dt.datetime):
            out[i] = micros_of(result)
        elif isinstance(result, dt.timedelta):
            out[i] = result // _US
        else:
            out[i] = bool(result)


_READ: dict[str, Callable[[object], object]] = {
    "t": lambda v: EPOCH + dt.timedelta(microseconds=int(v)),  # type: ignore[call-overload]
    "d": lambda v: dt.timedelta(microseconds=int(v)),  # type: ignore[call-overload]
    "i": int,  # type: ignore[dict-item]
    "c": lambda v: v,
}
"""How :func:`scalar` reads a row's value: instant, duration, integer, constant."""


def grown(index: YearIndex, first: int, last: int, cap: int) -> int | None:
    """The next, larger last year of a table that did not hold every result, or None."""
    if last >= min(cap, MAX_YEAR):
        return None
    return min(cap, MAX_YEAR, last + max(2, last - first))


def begun(a: Array, amounts: Array) -> tuple[Array, Array]:
    """The result column of an add kernel, its rows of a zero amount filled (the start
    itself), and the mask of those rows."""
    out = np.empty(len(a), dtype=np.int64)
    zero = amounts == 0
    out[zero] = a[zero]
    return out, zero


def add(cal: Calendar, a: Array, d: Array) -> Array:
    """``add_business_time`` on every row (no missing values; durations >= 0)."""
    out, zero = begun(a, d)
    if not len(a):
        return out
    fast = ~zero & (d <= SKETCH_US)
    slow = ~zero & ~fast
    if not len(table(cal.index, *span(a)).starts):  # never open near the starts
        fast, slow = fast & False, ~zero
    if bool(fast.any()):
        every = bool(fast.all())
        aa, dd = (a, d) if every else (a[fast], d[fast])
        first, last = span(aa)
        first, last, cap = first - 1, last + 1, last + HORIZON_YEARS + 1
        while True:
            tab = table(cal.index, first, last)
            result, found, j = tab.earliest(tab.offset(aa) + dd)
            more = None if bool(found.all()) else grown(cal.index, first, last, cap)
            if more is None:
                break
            last = more
        years = tab.last - tab.first
        most = int(dd.max()) // tab.min_total if tab.min_total else LIMIT
        if years <= HORIZON_YEARS and (years + 2 + most) * tab.max_work <= LIMIT:
            unsure = ~found  # no row can reach the horizon or the work limit
        else:
            crossed = tab.interval_year[j] - tab.year_of(aa)
            per_year = dd // tab.min_total if tab.min_total else np.full(len(dd), LIMIT)
            risky = (crossed >= 1) & ((crossed + 2 + per_year) * tab.max_work > LIMIT)
            unsure = ~found | (crossed > HORIZON_YEARS) | risky
        if every:
            out = result
        else:
            out[fast] = result
        slow[np.flatnonzero(fast)[unsure] if not every else unsure] = True
    scalar(out, slow, clock.add_business_time, cal_arg(cal), ("t", a), ("d", d))
    return out


def cal_arg(cal: Calendar) -> tuple[str, Array]:
    """A constant argument for :func:`scalar` (the calendar)."""
    return ("c", _Constant(cal))


class _Constant:
    """Indexing gives the same value: a constant column for :func:`scalar`."""

    __slots__ = ("value",)

    def __init__(self, value: object):
        self.value = value

    def __getitem__(self, i: int) -> object:
        return self.value


def between(cal: Calendar, a: Array, b: Array) -> Array:
    """``business_time_between`` on every row (no missing values)."""
    out = np.empty(len(a), dtype=np.int64)
    if not len(a):
        return out
    first, last = span(a, b)
    tab = table(cal.index, first - 1, last + 1)
    out[:] = tab.offset(b) - tab.offset(a)
    years = np.abs(tab.year_of(b) - tab.year_of(a))
    slow = (years + 1) * tab.max_work > LIMIT
    low = np.minimum(a, b)
    utc_years = _years(np.maximum(a, b)) - _years(low)
    wide = utc_years > 2
    if bool(wide.any()):
        starts = _years(low[wide])
        estimate = np.array([sketch_work(cal.index, int(y)) for y in starts.tolist()])
        slow[np.flatnonzero(wide)[utc_years[wide] * estimate > LIMIT]] = True
    scalar(out, slow, clock.business_time_between, cal_arg(cal), ("t", a), ("t", b))
    return out


def _years(us: Array) -> Array:
    return us.view("datetime64[us]").astype("datetime64[Y]").astype(np.int64) + 1970


def _located(tab: Table, u: Array) -> tuple[Array, Array]:
    i = tab.by_start.search(u, "right") - 1
    inside = (i >= 0) & (u < tab.ends[np.maximum(i, 0)])
    return i, inside


def is_open(cal: Calendar, u: Array) -> Array:
    """``is_open`` on every row (no missing values)."""
    if not len(u):
        return np.zeros(0, dtype=bool)
    first, last = span(u)
    _, inside = _located(table(cal.index, first - 1, last + 1), u)
    return inside


def next_opening(cal: Calendar, u: Array) -> Array:
    """``next_opening`` on every row (no missing values)."""
    out = np.empty(len(u), dtype=np.int64)
    if not len(u):
        return out
    first, last = span(u)
    first, last, cap = first - 1, last + 1, last + HORIZON_YEARS + 1
    while True:
        tab = table(cal.index, first, last)
        i, inside = _located(tab, u)
        found = inside | (i + 1 < len(tab.starts))
        more = None if bool(found.all()) else grown(cal.index, first, last, cap)
        if more is None:
            break
        last = more
    nxt = np.minimum(i + 1, len(tab.starts) - 1)
    out[:] = np.where(inside, u, tab.starts[nxt] if len(tab.starts) else u)
    far = ~inside
    if len(tab.starts):
        far &= tab.interval_year[nxt] - tab.year_of(u) > HORIZON_YEARS
    scalar(out, ~found | far, clock.next_opening, cal_arg(cal), ("t", u))
    return out
