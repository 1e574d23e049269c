"""The business clock over columns: the :mod:`supportpolicy.sla` clock functions, one
row at a time in meaning, all rows at once in numpy.

Every function takes the calendar and columns (see :mod:`supportpolicy.batch`), and
returns the column of results the scalar function gives row by row, exactly (to the
microsecond), as the same kind of column. A missing instant (NaT, ``None``) or
duration gives a missing result.

The rows are worked in chunks of 65,536 (:data:`supportpolicy.batch._chunks.CHUNK`),
which is faster on big columns and changes no result. Each function takes an optional
keyword *progress*, a :data:`supportpolicy.reports.Progress`: it is called as
``progress(done, total)`` after each chunk but the last (``total`` the column's length,
``done`` the rows worked so far), and as ``progress(total, total)`` once, last, when the
result is ready (also for an empty column: ``progress(0, 0)``). An exception the
callback raises propagates unchanged and stops the work (the inputs are never
changed). A *progress* that is neither None nor callable is refused with
:class:`~supportpolicy.errors.InvalidTypeError`.

>>> import datetime as dt
>>> import numpy as np
>>> from supportpolicy import sla, batch
>>> cal = sla.calendar("Europe/Moscow", "Mon-Fri 10:00-18:00", country="RU")
>>> starts = np.array(["2026-11-20T14:00", "NaT"], dtype="datetime64[us]")  # UTC
>>> batch.add_business_time(cal, starts, dt.timedelta(hours=2))
array(['2026-11-23T08:00:00.000000',                        'NaT'],
      dtype='datetime64[us]')
"""

from __future__ import annotations

from typing import Any

from supportpolicy._limits import MAX_BUSINESS_DAYS
from supportpolicy.batch import _chunks, _columns, _kernels
from supportpolicy.batch._chunks import Tracker
from supportpolicy.batch._days import add_days
from supportpolicy.batch._np import np
from supportpolicy.batch._tables import NAT, Array
from supportpolicy.reports.measures import Progress, checked_progress
from supportpolicy.sla.calendars import Calendar, index_of

__all__ = [
    "add_business_days",
    "add_business_time",
    "business_time_between",
    "is_open",
    "next_opening",
]


def _apply(
    kernel: Any, cal: Calendar, columns: tuple[_columns.Column, ...], track: Tracker | None
) -> Array:
    """*kernel* on the rows where no column is missing (in chunks, with a *track*);
    NAT elsewhere."""
    missing = np.zeros(len(columns[0].values), dtype=bool)
    for column in columns:
        missing |= column.missing
    out = np.full(len(missing), NAT, dtype=np.int64)
    _chunks.fill(out, ~missing, lambda rows: kernel(cal, *(c.values[rows] for c in columns)),
                 track)  # fmt: skip
    return out


def add_business_time(
    cal: Calendar, starts: object, durations: object, *, progress: Progress | None = None
) -> Any:
    """``sla.add_business_time`` on every row: *durations* is one timedelta for all rows
    or a column of them, of the same kind and length as *starts*."""
    progress = checked_progress(progress)
    index_of(cal)
    column = _columns.instants(starts, "starts")
    deltas = _columns.durations(durations, "durations", column)
    track = _chunks.tracker(progress, len(column.values))
    out = _apply(_kernels.add, cal, (column, deltas), track)
    return _chunks.finished(track, _columns.instants_out(column, out, cal.tz))


def business_time_between(
    cal: Calendar, a: object, b: object, *, progress: Progress | None = None
) -> Any:
    """``sla.business_time_between`` on every row (negative where ``b < a``): numpy
    gives ``timedelta64[us]``, pandas a ``timedelta64[us]`` Series (``a``'s index), a
    sequence a list of timedeltas."""
    progress = checked_progress(progress)
    index_of(cal)
    first, second = _columns.instants(a, "a"), _columns.instants(b, "b")
    _columns.same_shape(first, second, ("a", "b"))
    track = _chunks.tracker(progress, len(first.values))
    out = _apply(_kernels.between, cal, (first, second), track)
    return _chunks.finished(track, _columns.durations_out(first, out))


def add_business_days(
    cal: Calendar, starts: object, n: object, *, progress: Progress | None = None
) -> Any:
    """``sla.add_business_days`` on every row: *n* is one integer or a column of them
    (negative counts go backward); a missing count gives a missing result."""
    progress = checked_progress(progress)
    index_of(cal)
    column = _columns.instants(starts, "starts")
    limit = MAX_BUSINESS_DAYS
    counts = _columns.counts(n, "n", column, -limit, limit)
    track = _chunks.tracker(progress, len(column.values))
    out = _apply(add_days, cal, (column, counts), track)
    return _chunks.finished(track, _columns.instants_out(column, out, cal.tz))


def is_open(cal: Calendar, instants: object, *, progress: Progress | None = None) -> Any:
    """``sla.is_open`` on every row: numpy gives a bool array (False where the instant
    is NaT), pandas a nullable ``boolean`` Series (<NA>), a sequence a list (None)."""
    progress = checked_progress(progress)
    index_of(cal)
    column = _columns.instants(instants, "instants")
    track = _chunks.tracker(progress, len(column.values))
    values = np.zeros(len(column.values), dtype=bool)
    _chunks.fill(values, ~column.missing, lambda rows: _kernels.is_open(cal, column.values[rows]),
                 track)  # fmt: skip
    return _chunks.finished(track, _columns.bools_out(column, values))


def next_opening(cal: Calendar, instants: object, *, progress: Progress | None = None) -> Any:
    """``sla.next_opening`` on every row: the instant itself where the calendar is
    open, else the next instant it opens."""
    progress = checked_progress(progress)
    index_of(cal)
    column = _columns.instants(instants, "instants")
    track = _chunks.tracker(progress, len(column.values))
    out = _apply(_kernels.next_opening, cal, (column,), track)
    return _chunks.finished(track, _columns.instants_out(column, out, cal.tz))
