"""Column kernels over the calendar index, for tables of tickets (extra: frames).

``pip install "supportpolicy[frames]"`` brings numpy and pandas; without numpy,
importing this package raises :class:`~supportpolicy.errors.MissingExtraError`.

Columns are numpy ``datetime64`` arrays (UTC), tz-aware pandas Series or
DatetimeIndex, or lists of aware datetimes; a result is of the same kind (numpy: UTC
``datetime64[us]``; pandas: a Series in the calendar's timezone; list: aware datetimes
in that timezone). NaT in gives NaT out. Results are those of the scalar functions of
:mod:`supportpolicy.sla`, exactly. Every function takes an optional keyword
``progress``, a :data:`supportpolicy.reports.Progress` called as ``progress(done,
total)`` while a big column is worked in chunks (:mod:`supportpolicy.batch.clock`).
See docs/batch.md.
"""

from supportpolicy.batch.clock import (
    add_business_days,
    add_business_time,
    business_time_between,
    is_open,
    next_opening,
)
from supportpolicy.batch.due import (
    deadlines,
    reaction_deadlines,
    resolution_deadlines,
    warnings,
)
from supportpolicy.batch.frames import frame

__all__ = [
    "add_business_days",
    "add_business_time",
    "business_time_between",
    "deadlines",
    "frame",
    "is_open",
    "next_opening",
    "reaction_deadlines",
    "resolution_deadlines",
    "warnings",
]
