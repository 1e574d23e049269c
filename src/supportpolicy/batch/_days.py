"""The vectorized ``add_business_days`` (semantics.md, "Business days").

The working days of a :class:`~supportpolicy.batch._tables.Table` are numbered across
its years, so "working day ``k + n``" is an array lookup: the rule of
:mod:`supportpolicy.sla.days`, applied to every row at once. The year-by-year steps of
the scalar function (a clock at a year's end moves to the next year's first opening; a
result at a year's first opening is reported as the previous closing, and backward the
other way round) fall out of the concatenated sums. Rows the table cannot settle
exactly (counts above 366, results beyond the years read, near the horizon or the work
limit, before 1900) go to the scalar function.
"""

from __future__ import annotations

from supportpolicy._limits import EARLIEST
from supportpolicy.batch._kernels import LIMIT, begun, cal_arg, grown, scalar, span
from supportpolicy.batch._np import np
from supportpolicy.batch._tables import Array, micros_of, table
from supportpolicy.sla._index import HORIZON_YEARS, SKETCH_DAYS
from supportpolicy.sla.calendars import Calendar
from supportpolicy.sla.days import add_business_days

__all__ = ["add_days"]

_EARLIEST = micros_of(EARLIEST)


def add_days(cal: Calendar, a: Array, n: Array) -> Array:
    """``add_business_days`` on every row (no missing values; counts within the limit)."""
    out, zero = begun(a, n)
    if not len(a):
        return out
    slow = ~zero & (np.abs(n) > SKETCH_DAYS)
    for rows, kernel in ((~zero & ~slow & (n > 0), _forward), (~zero & ~slow & (n < 0), _back)):
        if bool(rows.any()):
            result, unsure = kernel(cal, a[rows], n[rows])
            out[rows] = result
            slow[np.flatnonzero(rows)[unsure]] = True
    scalar(out, slow, add_business_days, cal_arg(cal), ("t", a), ("i", n))
    return out


def _forward(cal: Calendar, a: Array, n: Array) -> tuple[Array, Array]:
    first, last = span(a)
    first, last, cap = first - 2, last + 1, last + HORIZON_YEARS + 1
    while True:
        tab = table(cal.index, first, last)
        if not len(tab.day_cum):
            return a, np.ones(len(a), dtype=bool)
        clock = tab.offset(a)
        k = tab.by_day_cum.search(clock, "right") - 1
        offset = np.where(k >= 0, clock - tab.day_cum[np.maximum(k, 0)], 0)
        m = np.maximum(k, 0) + n
        found = m < len(tab.day_cum)
        more = None if bool(found.all()) else grown(cal.index, first, last, cap)
        if more is None:
            break
        last = more
    m = np.minimum(m, len(tab.day_cum) - 1)
    target = tab.day_cum[m] + np.minimum(offset, tab.day_len[m])
    result, held, _ = tab.earliest(target)
    crossed = tab.day_year[m] - tab.year_of(a)
    per_year = n // tab.min_days + 2
    risky = (crossed >= 1) & ((crossed + per_year) * tab.max_work > LIMIT)
    unsure = ~found | ~held | (target <= 0) | (crossed > HORIZON_YEARS) | risky
    return result, unsure


def _back(cal: Calendar, a: Array, n: Array) -> tuple[Array, Array]:
    first, last = span(a)
    tab = table(cal.index, first - 2, last + 1)
    if not len(tab.day_cum):
        return a, np.ones(len(a), dtype=bool)
    clock = tab.offset(a)
    k = tab.by_day_cum.search(clock, "left") - 1
    safe = np.maximum(k, 0)
    rest = tab.day_cum[safe] + tab.day_len[safe] - clock
    m = k + n  # n < 0
    inside = (k >= 0) & (m >= 0)
    m = np.maximum(m, 0)
    target = tab.day_cum[m] + tab.day_len[m] - np.minimum(rest, tab.day_len[m])
    result = tab.latest(target)
    back = tab.year_of(a) - tab.day_year[m]
    unsure = ~inside | (target >= tab.cum_end[-1]) | (back > HORIZON_YEARS) | (result < _EARLIEST)
    return result, unsure
