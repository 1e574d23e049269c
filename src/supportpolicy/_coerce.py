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
import zoneinfo
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import TypeVar

from supportpolicy import _limits
from supportpolicy.errors import InvalidTypeError, InvalidValueError, NaiveDatetimeError, shown

E = TypeVar("E", bound=enum.Enum)
T = TypeVar("T")


def aware(value: object, name: str = "instant") -> dt.datetime:
    """Return *value* if it is a timezone-aware datetime, else raise.

    A naive datetime is refused rather than read as UTC or local time, because either
    guess silently shifts every deadline by the offset.
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
    return in_range(value, name)


_DAY = dt.timedelta(days=1)
_NAIVE_EARLIEST = _limits.EARLIEST.replace(tzinfo=None)
_NAIVE_LATEST = _limits.LATEST.replace(tzinfo=None)


def in_range(value: dt.datetime, name: str = "instant") -> dt.datetime:
    """Return the aware *value* if it lies in the library's range of instants, else raise.

    The wall clock is compared first, with a day's margin for any UTC offset, so that
    instants near ``datetime.min``/``datetime.max`` are refused without the overflow
    that converting them would raise.
    """
    wall = value.replace(tzinfo=None, fold=0)
    inside = _NAIVE_EARLIEST + _DAY <= wall < _NAIVE_LATEST - _DAY
    if not inside and (_NAIVE_EARLIEST - _DAY < wall < _NAIVE_LATEST + _DAY):
        inside = _limits.EARLIEST <= value < _limits.LATEST
    if not inside:
        raise InvalidValueError(
            f"{name} {value.isoformat()} is outside the supported range; "
            f"accepted: instants from {_limits.RANGE_TEXT}"
        )
    return value


def zone(value: object, name: str = "timezone") -> zoneinfo.ZoneInfo:
    """The IANA zone *value* names (or is), else raise.

    Only names of the IANA database are accepted: ``"localtime"`` and file paths are
    refused, because they make results depend on the host.
    """
    if isinstance(value, zoneinfo.ZoneInfo):
        key = value.key
    elif isinstance(value, str):
        key = value.strip()
    else:
        raise InvalidTypeError(
            f"{name} must be an IANA zone name such as 'Europe/Moscow', got {type(value).__name__}"
        )
    if key not in _zone_names():
        shown = key if len(key) <= 60 else key[:57] + "..."
        raise InvalidValueError(
            f"unknown {name} {shown!r}; give an IANA zone name such as 'Europe/Moscow' or 'UTC'"
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
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise InvalidTypeError(f"{name} must be an integer, got {type(value).__name__}")
    number = operator.index(value)
    low = minimum is not None and number < minimum
    high = maximum is not None and number > maximum
    if low or high:
        bounds = (
            f"from {minimum} to {maximum}"
            if minimum is not None and maximum is not None
            else f">= {minimum}"
            if minimum is not None
            else f"<= {maximum}"
        )
        raise InvalidValueError(
            f"{name} {shown(number)} is out of range; accepted: integers {bounds}"
        )
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
        if len(text) > _DECIMAL_TEXT_CHARS:
            raise _too_big(value, name)
        try:
            result = Decimal(text)
        except InvalidOperation:
            raise InvalidValueError(
                f"{name} {shown(value)} is not a number; give digits such as '12.5'"
            ) from None
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
