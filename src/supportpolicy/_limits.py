"""The bounds every public function accepts, in one place.

These are the library's guards against absurd input (see docs/architecture.md, "Guards"):
each constant is checked where values enter (:mod:`supportpolicy._coerce`,
:mod:`supportpolicy._toml`, the clock's index), so that a bad value is refused at once
with an :class:`~supportpolicy.errors.InvalidValueError` naming the limit, instead of
overflowing deep inside :mod:`datetime`, hanging, or taking unbounded memory.
"""

from __future__ import annotations

import datetime as dt

__all__ = [
    "CLOCK_RANGE_TEXT",
    "EARLIEST",
    "LATEST",
    "LATEST_RESULT",
    "MAX_BUSINESS_DAYS",
    "MAX_CLOSED_DAYS_SPAN",
    "MAX_DECIMAL_DIGITS",
    "MAX_DURATION",
    "MAX_FILE_BYTES",
    "MAX_FILE_ENTRIES",
    "MAX_INTEGER",
    "MAX_QUERY_WORK",
    "MAX_TARGET_AMOUNT",
    "MAX_TEXT_CHARS",
    "MAX_TOML_BYTES",
    "MAX_TOML_DEPTH",
    "MAX_YEAR",
    "MIN_YEAR",
    "RANGE_TEXT",
]

EARLIEST = dt.datetime(1900, 1, 2, tzinfo=dt.UTC)
"""The earliest instant accepted (a day inside 1900, so every zone's local year is >= 1900)."""

LATEST = dt.datetime(2399, 12, 31, tzinfo=dt.UTC)
"""The first instant no longer accepted (a day before 2400, for the same reason)."""

LATEST_RESULT = dt.datetime(2401, 1, 2, tzinfo=dt.UTC)
"""The first instant the business clock and the formatters no longer take: results of
the clock from inputs in range may lie up to the end of local year 2400 (in any zone),
and the clock takes every result back (a remaining time counted to a deadline in 2400),
as the formatters show it. The clock refuses a computation that reaches local 2401."""

RANGE_TEXT = "1900-01-02 to 2399-12-30 (UTC)"
"""The accepted range of instants, as error messages state it."""

CLOCK_RANGE_TEXT = "1900-01-02 (UTC) to the end of the local year 2400"
"""The business clock's range, as error messages state it: up to the end of the
calendar's year 2400 in its year index (a night shift of 2400-12-31 belongs to it), always
before :data:`LATEST_RESULT` in UTC."""

MAX_DURATION = LATEST - EARLIEST
"""The longest duration accepted: no computation inside the range can use more."""

MAX_INTEGER = 10**9
"""The largest count (business days, sessions, minutes of a target) accepted."""

MIN_YEAR = 1900
"""The first year a month, a quarter or a date range may name."""

MAX_YEAR = 2399
"""The last year a month, a quarter or a date range may name."""

MAX_TARGET_AMOUNT = 50_000
"""The largest amount of an SLA target (minutes, hours or business days): 50,000 hours
are more than five years around the clock, far beyond any agreed target, and 50,000
business days stay within :data:`MAX_BUSINESS_DAYS`."""

MAX_BUSINESS_DAYS = 73_200
"""The largest count of business days added at once: the most working days the clock's
200 years of look-ahead can hold (200 x 366)."""

MAX_QUERY_WORK = 1_000_000
"""The most work one clock query may do, counted as open intervals plus working days of
every local year it steps through (a year of Mon-Fri 09:00-18:00 is about 510). A query
whose estimate (from the open time of the years seen so far) exceeds it is refused before
the years are built."""

MAX_CLOSED_DAYS_SPAN = 100 * 366
"""The longest range of dates, in days, that ``sla.closed_days`` lists at once (100 years)."""

MAX_DECIMAL_DIGITS = 40
"""The most significant digits, and the largest exponent, a Decimal input may have."""

MAX_FILE_BYTES = 4 * 1024 * 1024
"""The largest policy, plan or event file a loader reads (4 MiB)."""

MAX_TEXT_CHARS = 100_000
"""The longest single string (an hours spec, a name, a TOML string) accepted."""

MAX_FILE_ENTRIES = 1_000
"""The most plans, rules or tiers one file may define."""

MAX_TOML_BYTES = 1024 * 1024
"""The largest TOML policy, plan or tier file a loader reads (1 MiB, far above the
largest real file; parsing 1 MiB of TOML takes about half a second, 4 MiB two)."""

MAX_TOML_DEPTH = 32
"""The deepest nesting of tables and arrays a loaded TOML file may have."""
