"""The business clock over columns: the :mod:`supportpolicy.sla` clock functions, one
row at a time in meaning, all rows at once in numpy.

Every function takes the calendar and columns (see :mod:`supportpolicy.batch`), and
returns the column of results the scalar function gives row by row, exactly (to the
microsecond), as the same kind of column. A missing instant (NaT, ``None``) or
duration gives a missing result.

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
from supportpolicy.batch import _columns, _kernels
from supportpolicy.batch._days import add_days
from supportpolicy.batch._np import np
from supportpolicy.batch._tables import NAT, Array
from supportpolicy.sla.calendars import Calendar, index_of

__all__ = [
    "add_business_days",
    "add_business_time",
    "business_time_between",
    "is_open",
    "next_opening",
]


def _apply(kernel: Any, cal: Calendar, *columns: _columns.Column) -> Array:
    """*kernel* on the rows where no column is missing; NAT elsewhere."""
    missing = np.zeros(len(columns[0].values), dtype=bool)
    for column in columns:
        missing |= column.missing
    out = np.full(len(missing), NAT, dtype=np.int64)
    rows = ~missing
    out[rows] = kernel(cal, *(column.values[rows] for column in columns))
    return out


def add_business_time(cal: Calendar, starts: object, durations: object) -> Any:
    """``sla.add_business_time`` on every row: *durations* is one timedelta for all rows
    or a column of them, of the same kind and length as *starts*."""
    index_of(cal)
    column = _columns.instants(starts, "starts")
    deltas = _columns.durations(durations, "durations", column)
    return _columns.instants_out(column, _apply(_kernels.add, cal, column, deltas), cal.tz)


def business_time_between(cal: Calendar, a: object, b: object) -> Any:
    """``sla.business_time_between`` on every row (negative where ``b < a``): numpy
    gives ``timedelta64[us]``, pandas a ``timedelta64[us]`` Series (``a``'s index), a
    sequence a list of timedeltas."""
    index_of(cal)
    first, second = _columns.instants(a, "a"), _columns.instants(b, "b")
    _columns.same_shape(first, second, ("a", "b"))
    return _columns.durations_out(first, _apply(_kernels.between, cal, first, second))


def add_business_days(cal: Calendar, starts: object, n: object) -> Any:
    """``sla.add_business_days`` on every row: *n* is one integer or a column of them
    (negative counts go backward); a missing count gives a missing result."""
    index_of(cal)
    column = _columns.instants(starts, "starts")
    limit = MAX_BUSINESS_DAYS
    counts = _columns.counts(n, "n", column, -limit, limit)
    return _columns.instants_out(column, _apply(add_days, cal, column, counts), cal.tz)


def is_open(cal: Calendar, instants: object) -> Any:
    """``sla.is_open`` on every row: numpy gives a bool array (False where the instant
    is NaT), pandas a nullable ``boolean`` Series (<NA>), a sequence a list (None)."""
    index_of(cal)
    column = _columns.instants(instants, "instants")
    values = np.zeros(len(column.values), dtype=bool)
    rows = ~column.missing
    values[rows] = _kernels.is_open(cal, column.values[rows])
    return _columns.bools_out(column, values)


def next_opening(cal: Calendar, instants: object) -> Any:
    """``sla.next_opening`` on every row: the instant itself where the calendar is
    open, else the next instant it opens."""
    index_of(cal)
    column = _columns.instants(instants, "instants")
    return _columns.instants_out(column, _apply(_kernels.next_opening, cal, column), cal.tz)


