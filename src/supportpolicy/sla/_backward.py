"""Shared pieces of the backward clock (semantics.md, "Going backward").

Offsets are constant while a calendar is closed, so one business offset is held by a
whole stretch of instants: forward operations report the earliest of them, backward
operations the latest. :func:`latest_at` is that lookup, a bisection in one year's
cumulative sums; :func:`year_before` steps a backward search one year back, refusing to
leave the supported years or the search horizon.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right

from supportpolicy._limits import CLOCK_RANGE_TEXT, EARLIEST
from supportpolicy.errors import InvalidValueError, NeverOpenError
from supportpolicy.sla._index import HORIZON_YEARS, MIN_YEAR, Segment, YearIndex

__all__ = ["check_result", "latest_at", "year_before"]


def latest_at(segment: Segment, target: dt.timedelta) -> dt.datetime:
    """Latest instant of *segment* with open time *target* (0 <= target < total) before it.

    Where *target* is a closing (the end of an interval), that is the next opening.
    """
    j = bisect_right(segment.cum, target) - 1
    return segment.starts[j] + (target - segment.cum[j])


def year_before(
    index: YearIndex, year: int, first: int, start: dt.datetime, *, what: str, missing: str | None
) -> tuple[int, Segment]:
    """Year ``year - 1`` and its segment, for a backward search that began in year *first*.

    Running out of years (before 1900, or more than the horizon back) raises
    :class:`NeverOpenError` with *missing* when the search has found nothing it could
    use (no open time, no closing), else :class:`InvalidValueError` (before 1900) or
    :class:`NeverOpenError` (past the horizon) naming *what* was computed.
    """
    year -= 1
    if year >= MIN_YEAR and year >= first - HORIZON_YEARS:
        return year, index.year(year)
    if missing is not None:
        raise NeverOpenError(
            f"{missing} before {start.isoformat()} (searched back to "
            f"{max(MIN_YEAR, first - HORIZON_YEARS)}); check its hours and closed dates"
        )
    if year < MIN_YEAR:
        raise InvalidValueError(
            f"{what} from {start.isoformat()} reaches before the year {MIN_YEAR}; "
            f"the business clock accepts instants {CLOCK_RANGE_TEXT}"
        )
    raise NeverOpenError(
        f"{what} from {start.isoformat()} lies more than {HORIZON_YEARS} years back, "
        "further than the clock looks; give a shorter span"
    )


def check_result(result: dt.datetime, start: dt.datetime, what: str) -> dt.datetime:
    """*result*, unless it falls before the earliest accepted instant."""
    if result < EARLIEST:
        raise InvalidValueError(
            f"{what} from {start.isoformat()} reaches {result.isoformat()}, before the "
            f"accepted range {CLOCK_RANGE_TEXT}"
        )
    return result
