"""Columns in and out of the batch API: instants, durations and counts.

A column comes in as a numpy array (``datetime64`` read as UTC, ``timedelta64``, or
integers), a pandas Series or Index, or a list/tuple of Python values (``None`` or
``pd.NaT`` for a missing one). It becomes int64 microseconds (UTC since 1970 for
instants) with a mask of missing entries, and a result goes back out as the same kind:
numpy gives UTC ``datetime64[us]`` (``timedelta64[us]``), pandas a Series (the input
Series' index kept; an Index gives a Series with a fresh index) in the calendar's
timezone, a sequence a list of aware datetimes in that timezone (``None`` where
missing). Anything else, a naive column, a sub-microsecond value or columns of
different kinds or lengths is refused with an error of :mod:`supportpolicy.errors`.
"""

from __future__ import annotations

import datetime as dt
import numbers
import zoneinfo
from collections.abc import Callable
from typing import Any

import attrs

from supportpolicy import _coerce, _limits
from supportpolicy.batch._np import np, pandas, pandas_if_loaded
from supportpolicy.batch._tables import EPOCH, NAT, Array, micros_of
from supportpolicy.errors import InvalidTypeError, InvalidValueError, NaiveDatetimeError
from supportpolicy.sla._instants import utc_instant

__all__ = [
    "Column", "bools_out", "counts", "durations", "durations_out", "instants",
    "instants_out", "same_shape",
]  # fmt: skip

_US = dt.timedelta(microseconds=1)
_FACTOR = {
    "W": 604_800_000_000, "D": 86_400_000_000, "h": 3_600_000_000, "m": 60_000_000,
    "s": 1_000_000, "ms": 1_000, "us": 1,
}  # fmt: skip
_TAKES = {
    "instant": "a numpy datetime64 array (UTC), a tz-aware pandas Series or DatetimeIndex, "
    "or a list of aware datetimes",
    "duration": "a timedelta, a numpy timedelta64 array, a pandas timedelta Series, "
    "or a list of timedeltas",
    "count": "an integer, a numpy integer array, a pandas integer Series (Int64 for "
    "missing values), or a list of integers",
}


@attrs.frozen
class Column:
    """A column as int64 microseconds; ``kind`` is "numpy", "pandas" or "list";
    ``index`` the pandas index of the result (pandas only)."""

    kind: str
    values: Array
    missing: Array
    index: Any = None


def _pandas_kind(value: object) -> str | None:
    pd = pandas_if_loaded()
    if pd is None:
        return None
    if isinstance(value, pd.Series):
        return "series"
    if isinstance(value, pd.Index):
        return "index"
    return None


def _any(value: object) -> Any:
    """*value* (a pandas object), untyped."""
    return value


def _refuse(value: object, name: str, what: str) -> InvalidTypeError:
    got = type(value).__name__
    dtype = getattr(value, "dtype", None)
    if dtype is not None:
        got += f" of dtype {dtype}"
    return InvalidTypeError(f"{name} must be {_TAKES[what]}, got {got}")


def _from_numpy(array: Array, name: str, what: str) -> tuple[Array, Array]:
    """int64 microseconds and the missing mask of a datetime64/timedelta64 array."""
    if array.ndim != 1:
        raise InvalidValueError(f"{name} must be one-dimensional, got {array.ndim} dimensions")
    unit, step = np.datetime_data(array.dtype)
    raw = array.view(np.int64)
    missing = raw == NAT
    if unit in _FACTOR:
        factor = _FACTOR[unit] * step
        if factor != 1 and bool((np.abs(raw[~missing]) > NAT // -factor).any()):
            raise InvalidValueError(f"{name} holds a value outside the supported range")
        return np.where(missing, NAT, raw * factor), missing
    if unit == "ns" and step == 1:
        rest = raw % 1000
        if bool((rest[~missing] != 0).any()):
            raise InvalidValueError(
                f"{name} holds a value finer than a microsecond; the clock counts whole "
                "microseconds (round the column first, e.g. with .dt.floor('us'))"
            )
        return np.where(missing, NAT, raw // 1000), missing
    raise InvalidValueError(
        f"{name} has the unit {unit!r}; accepted: W, D, h, m, s, ms, us or ns "
        f"({_TAKES[what]})"
    )


def instants(value: object, name: str) -> Column:
    """*value* as a column of instants (see the module docstring)."""
    pandas_kind = _pandas_kind(value)
    if pandas_kind is not None:
        pd = pandas()
        dtype = value.dtype  # type: ignore[attr-defined]
        if not isinstance(dtype, pd.DatetimeTZDtype):
            if getattr(dtype, "kind", None) == "M":
                raise NaiveDatetimeError(
                    f"{name} is a naive datetime column; localize it first, for example "
                    "with .dt.tz_localize('Europe/Moscow'), or read it with "
                    "pd.to_datetime(..., utc=True)"
                )
            raise _refuse(value, name, "instant")
        utc = value.tz_convert("UTC") if pandas_kind == "index" else value.dt.tz_convert("UTC")  # type: ignore[attr-defined]
        values, missing = _from_numpy(np.asarray(utc.array.tz_localize(None)), name, "instant")
        index = value.index if pandas_kind == "series" else None  # type: ignore[attr-defined]
        return _checked(Column("pandas", values, missing, index), value, name)
    if isinstance(value, np.ndarray):
        if value.dtype.kind != "M":
            raise _refuse(value, name, "instant")
        values, missing = _from_numpy(value, name, "instant")
        return _checked(Column("numpy", values, missing), value, name)
    if isinstance(value, list | tuple):
        return Column("list", *_listed(value, name, lambda x, n: micros_of(utc_instant(x, n))))
    raise _refuse(value, name, "instant")


def _listed(
    items: list[Any] | tuple[Any, ...], name: str, micros: Callable[[object, str], int]
) -> tuple[Array, Array]:
    """The int64 microseconds (``micros(item, label)``) of a list's items, and where
    an item is missing (None or NaT)."""
    values = np.empty(len(items), dtype=np.int64)
    missing = np.zeros(len(items), dtype=bool)
    for i, item in enumerate(items):
        if _is_missing(item):
            values[i], missing[i] = NAT, True
        else:
            values[i] = micros(item, f"{name}[{i}]")
    return values, missing


def _is_missing(item: object) -> bool:
    if item is None:
        return True
    pd = pandas_if_loaded()
    return pd is not None and item is pd.NaT


_LOW, _HIGH = micros_of(_limits.EARLIEST), micros_of(_limits.LATEST)


def _checked(column: Column, value: object, name: str) -> Column:
    """*column*, unless an instant lies outside the supported range (refused as the
    scalar functions refuse it)."""
    bad = ~column.missing & ((column.values < _LOW) | (column.values >= _HIGH))
    if bool(bad.any()):
        i = int(np.argmax(bad))
        at = EPOCH + dt.timedelta(microseconds=int(column.values[i]))
        _coerce.in_range(at, f"{name}[{i}]")
        raise InvalidValueError(f"{name}[{i}] {at.isoformat()} is outside the range")
    return column


def same_shape(first: Column, other: Column, names: tuple[str, str]) -> None:
    """Refuse two columns of different kinds or lengths."""
    if first.kind != other.kind:
        raise InvalidTypeError(
            f"{names[0]} is a {first.kind} column but {names[1]} a {other.kind} one; "
            "give columns of one kind (all numpy, all pandas, or all lists)"
        )
    if len(first.values) != len(other.values):
        raise InvalidValueError(
            f"{names[0]} has {len(first.values)} entries but {names[1]} "
            f"{len(other.values)}; give columns of equal length"
        )


def durations(value: object, name: str, like: Column) -> Column:
    """*value* (one duration for every row, or a column like *like*) in microseconds."""
    if isinstance(value, dt.timedelta | np.timedelta64) and not isinstance(value, np.ndarray):
        scalar = value if isinstance(value, dt.timedelta) else _one_delta(value, name)
        if scalar is None:
            values = np.full(len(like.values), NAT, dtype=np.int64)
            return Column(like.kind, values, np.ones(len(values), dtype=bool), like.index)
        us = _coerce.duration(scalar, name) // _US
        values = np.full(len(like.values), us, dtype=np.int64)
        return Column(like.kind, values, np.zeros(len(values), dtype=bool), like.index)
    pandas_kind = _pandas_kind(value)
    if pandas_kind is not None:
        if getattr(_any(value).dtype, "kind", None) != "m":
            raise _refuse(value, name, "duration")
        column = Column("pandas", *_from_numpy(np.asarray(value), name, "duration"))
    elif isinstance(value, np.ndarray):
        if value.dtype.kind != "m":
            raise _refuse(value, name, "duration")
        column = Column("numpy", *_from_numpy(value, name, "duration"))
    elif isinstance(value, list | tuple):
        column = Column("list", *_listed(value, name, lambda x, n: _coerce.duration(x, n) // _US))
    else:
        raise _refuse(value, name, "duration")
    same_shape(like, column, ("starts", name))
    bad = ~column.missing & ((column.values < 0) | (column.values > _MAX))
    if bool(bad.any()):
        i = int(np.argmax(bad))
        _coerce.duration(dt.timedelta(microseconds=int(column.values[i])), f"{name}[{i}]")
    return column


_MAX = _limits.MAX_DURATION // _US


def _one_delta(value: Any, name: str) -> dt.timedelta | None:
    values, missing = _from_numpy(np.array([value]), name, "duration")
    return None if missing[0] else dt.timedelta(microseconds=int(values[0]))


def counts(
    value: object, name: str, like: Column, minimum: int, maximum: int
) -> Column:
    """*value* (one integer for every row, or a column like *like*) as int64, each
    within ``[minimum, maximum]`` (numpy and other ``numbers.Integral`` accepted,
    bool refused, as by the scalar functions)."""
    if isinstance(value, numbers.Integral) and not isinstance(value, np.ndarray):
        n = _coerce.integer(value, name, minimum=minimum, maximum=maximum)
        values = np.full(len(like.values), n, dtype=np.int64)
        return Column(like.kind, values, np.zeros(len(values), dtype=bool), like.index)
    pandas_kind = _pandas_kind(value)
    if pandas_kind is not None:
        series = _any(value)
        if getattr(series.dtype, "kind", None) not in ("i", "u"):
            raise _refuse(value, name, "count")
        missing = np.asarray(series.isna())
        values = np.asarray(series.fillna(0) if bool(missing.any()) else series).astype(np.int64)
        column = Column("pandas", values, missing)
    elif isinstance(value, np.ndarray):
        if value.dtype.kind not in ("i", "u") or value.ndim != 1:
            raise _refuse(value, name, "count")
        too_big = value.dtype.kind == "u" and value.dtype.itemsize == 8
        if too_big and bool((value > np.iinfo(np.int64).max).any()):
            raise InvalidValueError(f"{name} holds a count above {maximum}")
        column = Column("numpy", value.astype(np.int64), np.zeros(len(value), dtype=bool))
    elif isinstance(value, list | tuple):
        values = np.zeros(len(value), dtype=np.int64)
        missing = np.zeros(len(value), dtype=bool)
        for i, item in enumerate(value):
            if _is_missing(item):
                missing[i] = True
            else:
                values[i] = _coerce.integer(item, f"{name}[{i}]", minimum=minimum, maximum=maximum)
        column = Column("list", values, missing)
    else:
        raise _refuse(value, name, "count")
    same_shape(like, column, ("the instants", name))
    bad = ~column.missing & ((column.values < minimum) | (column.values > maximum))
    if bool(bad.any()):
        i = int(np.argmax(bad))
        _coerce.integer(int(column.values[i]), f"{name}[{i}]", minimum=minimum, maximum=maximum)
    return column


def _pandas_index(column: Column) -> Any:
    return column.index if column.index is not None else pandas().RangeIndex(len(column.values))


def instants_out(column: Column, values: Array, tz: zoneinfo.ZoneInfo) -> Any:
    """Instants (int64 microseconds, NAT where missing) as *column*'s kind, in *tz*."""
    stamps = values.view("datetime64[us]")
    if column.kind == "numpy":
        return stamps
    if column.kind == "pandas":
        pd = pandas()
        series = pd.Series(stamps, index=_pandas_index(column), copy=False)
        return series.dt.tz_localize("UTC").dt.tz_convert(tz.key)
    return [
        None if v == NAT else (EPOCH + dt.timedelta(microseconds=int(v))).astimezone(tz)
        for v in values.tolist()
    ]


def durations_out(column: Column, values: Array) -> Any:
    """Durations (int64 microseconds, NAT where missing) as *column*'s kind."""
    deltas = values.view("timedelta64[us]")
    if column.kind == "numpy":
        return deltas
    if column.kind == "pandas":
        return pandas().Series(deltas, index=_pandas_index(column), copy=False)
    return [None if v == NAT else dt.timedelta(microseconds=int(v)) for v in values.tolist()]


def bools_out(column: Column, values: Array) -> Any:
    """Booleans as *column*'s kind: numpy gives a bool array (False where the instant is
    missing), pandas a nullable ``boolean`` Series (<NA>), a list None."""
    if column.kind == "numpy":
        return values & ~column.missing
    if column.kind == "pandas":
        pd = pandas()
        data = pd.arrays.BooleanArray(values.copy(), column.missing.copy())
        return pd.Series(data, index=_pandas_index(column), copy=False)
    flags = zip(values.tolist(), column.missing.tolist(), strict=True)
    return [None if m else bool(v) for v, m in flags]
