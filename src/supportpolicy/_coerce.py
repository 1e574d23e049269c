"""Input coercions shared by every package: aware instants, Decimals, enum members.

Each function either returns a clean value or raises a :mod:`supportpolicy.errors`
exception that names the argument, what was wrong, and what is accepted. None of them
mutates its input.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import math
import numbers
import operator
import re
import zoneinfo
from collections.abc import Callable, Iterable
from decimal import Decimal, InvalidOperation
from typing import TypeVar

from supportpolicy import _limits
from supportpolicy.errors import InvalidTypeError, InvalidValueError, NaiveDatetimeError, shown

E = TypeVar("E", bound=enum.Enum)
T = TypeVar("T")


def aware(
    value: object,
    name: str = "instant",
    *,
    latest: dt.datetime = _limits.LATEST,
    accepted: str | None = None,
) -> dt.datetime:
    """Return *value* if it is a timezone-aware datetime, else raise.

    A naive datetime is refused rather than read as UTC or local time, because either
    guess silently shifts every deadline by the offset. *latest* is the first instant
    refused (:data:`~supportpolicy._limits.LATEST_RESULT` for the clock and the
    formatters, which take the clock's results back); *accepted* states the range in
    a refusal, where the bound is finer than *latest* (the clock's local year).
    """
    if not isinstance(value, dt.datetime):
        raise InvalidTypeError(
            f"{name} must be a timezone-aware datetime.datetime, got {type(value).__name__}"
        )
    if value.tzinfo is None or value.utcoffset() is None:
        raise NaiveDatetimeError(
            f"{name} {value.isoformat()} is naive; pass an aware datetime, "
            "for example datetime(2026, 11, 23, 9, 0, tzinfo=ZoneInfo('Europe/Moscow'))"
        )
    return in_range(value, name, latest=latest, accepted=accepted)


_DAY = dt.timedelta(days=1)
_NAIVE_EARLIEST = _limits.EARLIEST.replace(tzinfo=None)
_NAIVE_LATEST = _limits.LATEST.replace(tzinfo=None)


def in_range(
    value: dt.datetime,
    name: str = "instant",
    *,
    latest: dt.datetime = _limits.LATEST,
    accepted: str | None = None,
) -> dt.datetime:
    """Return the aware *value* if it lies in the library's range of instants, else raise.

    The range ends before *latest* (default :data:`~supportpolicy._limits.LATEST`). The
    wall clock is compared first, with a day's margin for any UTC offset, so that
    instants near ``datetime.min``/``datetime.max`` are refused without the overflow
    that converting them would raise.
    """
    naive_latest = _NAIVE_LATEST if latest is _limits.LATEST else latest.replace(tzinfo=None)
    wall = value.replace(tzinfo=None, fold=0)
    inside = _NAIVE_EARLIEST + _DAY <= wall < naive_latest - _DAY
    if not inside and (_NAIVE_EARLIEST - _DAY < wall < naive_latest + _DAY):
        inside = _limits.EARLIEST <= value < latest
    if not inside:
        if accepted is None:
            accepted = (
                _limits.RANGE_TEXT
                if latest is _limits.LATEST
                else f"{_limits.EARLIEST:%Y-%m-%d} to {latest - _DAY:%Y-%m-%d} (UTC)"
            )
        raise InvalidValueError(
            f"{name} {value.isoformat()} is outside the supported range; "
            f"accepted: instants from {accepted}"
        )
    return value


def zone(value: object, name: str = "timezone") -> zoneinfo.ZoneInfo:
    """The IANA zone *value* names (or is), else raise.

    Only names of the IANA database are accepted: ``"localtime"`` and file paths are
    refused, because they make results depend on the host.
    """
    if isinstance(value, zoneinfo.ZoneInfo):
        key = value.key or "a ZoneInfo read from a file"
    elif isinstance(value, str):
        key = value.strip()
    else:
        raise InvalidTypeError(
            f"{name} must be an IANA zone name such as 'Europe/Moscow', got {type(value).__name__}"
        )
    if key not in _zone_names():
        raise InvalidValueError(
            f"unknown {name} {shown(key)}; "
            "give an IANA name of a zone such as 'Europe/Moscow' or 'UTC'"
        )
    return value if isinstance(value, zoneinfo.ZoneInfo) else zoneinfo.ZoneInfo(key)


@functools.cache
def _zone_names() -> frozenset[str]:
    names = set(zoneinfo.available_timezones()) - {"localtime", "Factory", "posixrules"}
    return frozenset(names | {"UTC"})


def integer(
    value: object,
    name: str,
    *,
    minimum: int | None = None,
    maximum: int | None = _limits.MAX_INTEGER,
) -> int:
    """*value* as an ``int`` if it is an integer (any :class:`numbers.Integral`, numpy's
    included, but not bool) within ``[minimum, maximum]``, else raise."""
    bounds = (
        (f"from {minimum} to {maximum}" if minimum < 0 else f"{minimum}-{maximum}")
        if minimum is not None and maximum is not None
        else f">= {minimum}"
        if minimum is not None
        else f"<= {maximum}"
        if maximum is not None
        else ""
    )
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise InvalidTypeError(
            f"{name} must be an integer, got {type(value).__name__} {shown(value)}; "
            f"accepted: integers{' ' if bounds else ''}{bounds or 'only'}"
        )
    number = operator.index(value)
    low = minimum is not None and number < minimum
    high = maximum is not None and number > maximum
    if low or high:
        problem = (
            "is negative"
            if low and minimum == 0
            else "is not > 0"
            if low and minimum == 1
            else "is out of range"
        )
        raise InvalidValueError(f"{name} {shown(number)} {problem}; accepted: integers {bounds}")
    return number


def duration(value: object, name: str = "duration") -> dt.timedelta:
    """Return *value* if it is a non-negative ``timedelta``, else raise."""
    if not isinstance(value, dt.timedelta):
        raise InvalidTypeError(f"{name} must be a datetime.timedelta, got {type(value).__name__}")
    if value < dt.timedelta(0):
        raise InvalidValueError(f"{name} {value} is negative; only durations >= 0 are accepted")
    if value > _limits.MAX_DURATION:
        raise InvalidValueError(
            f"{name} {value} is too long; "
            f"accepted: durations up to {_limits.MAX_DURATION.days} days"
        )
    return value


def micros(delta: dt.timedelta) -> int:
    """The exact number of microseconds in *delta* (the one home of that arithmetic)."""
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_QUARTER = re.compile(r"^(\d{4})-?[Qq]([1-4])$")


def _year_and(value: object, name: str, grammar: re.Pattern[str], example: str) -> tuple[int, int]:
    if isinstance(value, str):
        match = grammar.match(value.strip())
        if not match:
            raise InvalidValueError(f"{name} {shown(value)} is not {example}")
        return int(match[1]), int(match[2])
    if isinstance(value, tuple) and len(value) == 2:
        return integer(value[0], f"{name} year", maximum=None), integer(
            value[1], f"{name} number", maximum=None
        )
    raise InvalidTypeError(
        f"{name} must be {example} or a (year, number) pair of ints, got {type(value).__name__}"
    )


def _check_year(year: int, value: object, name: str) -> None:
    if not _limits.MIN_YEAR <= year <= _limits.MAX_YEAR:
        raise InvalidValueError(
            f"{name} {shown(value)} is out of range; accepted: years "
            f"{_limits.MIN_YEAR} to {_limits.MAX_YEAR}"
        )


def _checked_period(
    year: int, number: int, value: object, name: str, *, accepted: str, last: int
) -> tuple[int, int]:
    """``(year, number)`` once the year is in range and ``1 <= number <= last``."""
    _check_year(year, value, name)
    if not 1 <= number <= last:
        raise InvalidValueError(f"{name} {shown(value)} is out of range; accepted: {accepted}")
    return year, number


def month(value: object, name: str = "month") -> tuple[int, int]:
    """``(year, month)`` of a month given as ``"YYYY-MM"`` (or ``"YYYY-M"``), a
    ``(year, month)`` pair of ints, or a ``datetime.date`` (its month); years
    1900-2399. A datetime is refused: its month depends on the timezone."""
    if isinstance(value, dt.datetime):
        raise InvalidTypeError(
            f"{name} must be 'YYYY-MM', a (year, month) pair or a date, not a datetime "
            "(an instant's month depends on the timezone; pass its date in that zone)"
        )
    if isinstance(value, dt.date):
        year, number = value.year, value.month
    else:
        year, number = _year_and(value, name, _MONTH, "'YYYY-MM', such as '2026-11'")
    return _checked_period(
        year, number, value, name, accepted="'YYYY-MM' with months 1-12", last=12
    )


def quarter(value: object, name: str = "quarter") -> tuple[int, int]:
    """``(year, n)`` of a quarter given as ``"YYYY-Qn"`` or a ``(year, n)`` pair of ints."""
    year, number = _year_and(value, name, _QUARTER, "'YYYY-Qn', such as '2026-Q4'")
    return _checked_period(
        year, number, value, name, accepted="'YYYY-Qn' with quarters 1-4", last=4
    )


def day(value: object, name: str = "day") -> dt.date:
    """*value* if it is a ``datetime.date`` (not a datetime) in the years 1900-2399."""
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise InvalidTypeError(
            f"{name} must be a datetime.date (not a datetime); give datetime.date values, "
            f"got {type(value).__name__}"
        )
    _check_year(value.year, value.isoformat(), name)
    return value


def callback(value: object, name: str, called_as: str) -> Callable[..., object] | None:
    """*value* if it is None or callable (a progress callback, ...); else refused,
    before any work starts. *called_as* shows the call, ``progress(done, total)``."""
    if value is None or callable(value):
        return value
    raise InvalidTypeError(
        f"{name} must be a callable, called as {called_as}, or None; got {type(value).__name__}"
    )


_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
"""The grammar of a decimal number: a long text of it is too big, of anything else not
a number."""


def decimal(value: object, name: str = "amount", *, allow_negative: bool = False) -> Decimal:
    """Convert *value* to a finite :class:`~decimal.Decimal` exactly.

    Accepts integers (any :class:`numbers.Integral` but bool), Decimal, numeric strings,
    and floats (converted through ``str`` so that ``0.1`` becomes ``Decimal("0.1")``, not
    its binary expansion). Refuses bool, NaN, infinities, empty or non-numeric strings,
    negatives unless *allow_negative*, and numbers with more than
    :data:`~supportpolicy._limits.MAX_DECIMAL_DIGITS` significant digits or decimals, or
    of ``10 ** MAX_DECIMAL_DIGITS`` or more in magnitude: every accepted number can be
    shown in full and computed with exactly (see docs/architecture.md, "Guards").
    """
    if isinstance(value, bool):
        raise InvalidTypeError(f"{name} must be a number, not a bool ({shown(value)})")
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, numbers.Integral):
        number = operator.index(value)
        if abs(number) >= _DECIMAL_BOUND:
            raise _too_big(value, name)
        result = Decimal(number)
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise InvalidValueError(f"{name} must be a finite number, got {shown(value)}")
        result = Decimal(str(value))
    elif isinstance(value, str):
        text = value.strip()
        if len(text) > _DECIMAL_TEXT_CHARS:  # never parsed: too big, or not a number
            raise _too_big(value, name) if _NUMBER.fullmatch(text) else _not_a_number(value, name)
        try:
            result = Decimal(text)
        except InvalidOperation:
            raise _not_a_number(value, name) from None
    else:
        raise InvalidTypeError(
            f"{name} must be an int, Decimal, float or numeric string, got {type(value).__name__}"
        )
    if not result.is_finite():
        raise InvalidValueError(f"{name} must be a finite number, got {shown(value)}")
    _sign, digits, exponent = result.as_tuple()
    if (
        len(digits) > _limits.MAX_DECIMAL_DIGITS
        or int(exponent) < -_limits.MAX_DECIMAL_DIGITS
        or (not result.is_zero() and result.adjusted() >= _limits.MAX_DECIMAL_DIGITS)
    ):
        raise _too_big(value, name)
    if result < 0 and not allow_negative:
        raise InvalidValueError(f"{name} must be >= 0, got {shown(value)}")
    if result.is_zero():
        result = Decimal(0).scaleb(min(int(exponent), 0))  # no -0, no 0E+5
    return result


_DECIMAL_BOUND = 10**_limits.MAX_DECIMAL_DIGITS
_DECIMAL_TEXT_CHARS = 3 * _limits.MAX_DECIMAL_DIGITS  # digits, sign, point and exponent


def _not_a_number(value: object, name: str) -> InvalidValueError:
    return InvalidValueError(f"{name} {shown(value)} is not a number; give digits such as '12.5'")


def _too_big(value: object, name: str) -> InvalidValueError:
    limit = _limits.MAX_DECIMAL_DIGITS
    return InvalidValueError(
        f"{name} {shown(value)} is out of range; accepted: numbers below 10**{limit} in "
        f"magnitude with at most {limit} significant digits and {limit} decimals"
    )


def member(enum_type: type[E], value: object, name: str) -> E:
    """Return the member of *enum_type* that *value* is or names (by value or by name).

    Strings are matched case-insensitively against values and names, with ``_`` and
    ``-`` treated alike, so ``"change-request"`` and ``"CHANGE_REQUEST"`` both work.
    """
    if isinstance(value, enum_type):
        return value
    if isinstance(value, str):
        key = _fold(value)
        for item in enum_type:
            if key in (_fold(str(item.value)), _fold(item.name)):
                return item
    accepted = ", ".join(str(item.value) for item in enum_type)
    raise InvalidValueError(f"unknown {name} {shown(value)}; accepted: {accepted}")


def items_of(value: object, kind: type[T], name: str) -> tuple[T, ...]:
    """A tuple of the items of the iterable *value*, each required to be a *kind*.

    Strings and bytes are refused (iterating them gives characters, never what a
    caller meant). The caller's iterable is read once and never modified.
    """
    label = f"{kind.__module__.split('.')[1]}.{kind.__name__}"
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise InvalidTypeError(f"{name} must be an iterable of {label}, got {type(value).__name__}")
    items = tuple(value)
    for item in items:
        if not isinstance(item, kind):
            raise InvalidTypeError(f"{name} must hold {label} values, got {type(item).__name__}")
    return items


def _fold(text: str) -> str:
    return text.strip().lower().replace("_", "-")
