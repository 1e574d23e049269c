"""The business clock's range of instants: where a value enters the clock.

Every clock function converts its instants through :func:`utc_instant`, the clock's
guard of the range (docs/architecture.md, "Guards"). Its inputs range as far as its
results, so that everything the clock returns is taken back: up to
:data:`~supportpolicy._limits.LATEST_RESULT` here, and then, by the calendar's year index
(``YearIndex.locate``), to the end of its last year, 2400 (a night shift that starts on
2400-12-31 ends in that year too).
"""

from __future__ import annotations

import datetime as dt

from supportpolicy import _limits
from supportpolicy._coerce import aware

__all__ = ["utc_instant"]

UTC = dt.UTC


def utc_instant(value: object, name: str) -> dt.datetime:
    """*value* (an aware datetime in the clock's range, else refused) as a UTC instant.

    The hot path: a year strictly inside the range is inside for any offset.
    """
    if type(value) is dt.datetime and value.tzinfo is not None and 1900 < value.year < 2399:
        offset = value.utcoffset()
        if offset is not None:
            return value.astimezone(UTC)
    return aware(
        value, name, latest=_limits.LATEST_RESULT, accepted=_limits.CLOCK_RANGE_TEXT
    ).astimezone(UTC)
