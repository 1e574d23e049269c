"""The business clock's range of instants: where a value enters the clock.

Every clock function converts its instants through :func:`utc_instant`, the clock's
one guard of the range (docs/architecture.md, "Guards"): the range of its inputs is that
of its results, so that everything the clock returns is taken back.
"""

from __future__ import annotations

import datetime as dt

from supportpolicy import _limits
from supportpolicy._coerce import aware
from supportpolicy.errors import InvalidValueError
from supportpolicy.sla._years import MAX_YEAR

__all__ = ["utc_instant"]

UTC = dt.UTC

_END_WALL = dt.datetime(MAX_YEAR + 1, 1, 1)
"""The end of the last local year the clock covers, as a wall clock: an add that uses
up the year's open time ends there, so the clock takes it back."""


def utc_instant(value: object, name: str, tz: dt.tzinfo | None = None) -> dt.datetime:
    """*value* (an aware datetime in the clock's range, else refused) as a UTC instant.

    The clock's range is that of its results, so that every result it gives is taken
    back (``business_time_between(cal, now, due)`` of a due in 2400): from
    :data:`~supportpolicy._limits.EARLIEST` to the end of local year 2400 in the
    calendar's zone *tz* (before :data:`~supportpolicy._limits.LATEST_RESULT` in UTC).
    The hot path: a year strictly inside the range is inside for any offset.
    """
    if type(value) is dt.datetime and value.tzinfo is not None and 1900 < value.year < 2399:
        offset = value.utcoffset()
        if offset is not None:
            return value.astimezone(UTC)
    u = aware(
        value, name, latest=_limits.LATEST_RESULT, accepted=_limits.CLOCK_RANGE_TEXT
    ).astimezone(UTC)
    if tz is not None and u.year > MAX_YEAR - 1:
        wall = u.astimezone(tz).replace(tzinfo=None)
        local = wall.year
        if local > MAX_YEAR and wall != _END_WALL:  # the year's end itself is a result
            raise InvalidValueError(
                f"{name} {u.isoformat()} lies in the local year {local} of {tz}; "
                f"accepted: instants from {_limits.CLOCK_RANGE_TEXT}"
            )
    return u
