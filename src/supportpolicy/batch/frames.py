"""Values as one typed pandas DataFrame: a row per value, a column per record key.

:func:`frame` takes what the library returns (deadlines, statuses, coverage decisions,
TAM statements, any value with records), a list of them or a mapping ``{ticket id:
value}`` (the ids become the index, named ``ticket``), and gives the columns of
their ``to_dict()`` records with pandas types instead of JSON text. The type of a
column follows the kind of its fact in the one renderer (:mod:`supportpolicy._render`),
by one table (:data:`DTYPES`), never by the value's class:

=========  ====================================================================
kind       column
=========  ====================================================================
instant    ``datetime64[us, tz]`` in the facts' timezone (UTC where rows differ)
date       ``datetime64[us]`` (midnight, no timezone)
duration   ``timedelta64[us]``; the record key loses its ``_minutes`` suffix
           (``remaining_minutes`` becomes ``remaining``)
int        nullable ``Int64``
bool       nullable ``boolean``
enum       ``category`` of the codes, every member of the enum a category
decimal    ``object`` holding exact ``Decimal`` values (money as well)
target     ``string``: the short form, ``4h``, ``3bd``
text       ``string`` (``object`` where a value is not a str)
=========  ====================================================================

A missing value is NaT / <NA> / None. The JSON records (``to_dict()``) stay as they are.

>>> import datetime as dt
>>> from zoneinfo import ZoneInfo
>>> from supportpolicy import sla, batch
>>> opened = dt.datetime(2026, 11, 20, 17, 0, tzinfo=ZoneInfo("Europe/Moscow"))
>>> df = batch.frame([sla.reaction_deadline("basic", p, opened) for p in (1, 2)])
>>> df[["priority", "due"]].dtypes.astype(str).tolist()
['category', 'datetime64[us, Europe/Moscow]']
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from supportpolicy._render import Fact, Kind, Shown
from supportpolicy.batch import _chunks
from supportpolicy.batch._np import np, pandas
from supportpolicy.batch._tables import NAT, micros_of
from supportpolicy.errors import InvalidTypeError, shown
from supportpolicy.reports.measures import Progress, checked_progress

__all__ = ["CHUNK", "DTYPES", "frame"]

_US = dt.timedelta(microseconds=1)
CHUNK = 1_000
"""Values read between two calls of a progress callback (each value is Python work)."""


def _instants(values: list[Any], facts: list[Fact]) -> Any:
    pd = pandas()
    zones = {str(f.zone) for f in facts if f.value is not None and f.zone is not None}
    tz = zones.pop() if len(zones) == 1 else "UTC"
    us = np.array([NAT if v is None else micros_of(v) for v in values], dtype=np.int64)
    return pd.Series(us.view("datetime64[us]")).dt.tz_localize("UTC").dt.tz_convert(tz)


def _dates(values: list[Any], facts: list[Fact]) -> Any:
    days = np.array([v if v is not None else "NaT" for v in values], dtype="datetime64[D]")
    return pandas().Series(days.astype("datetime64[us]"))


def _durations(values: list[Any], facts: list[Fact]) -> Any:
    us = np.array([NAT if v is None else v // _US for v in values], dtype=np.int64)
    return pandas().Series(us.view("timedelta64[us]"))


def _enums(values: list[Any], facts: list[Fact]) -> Any:
    pd = pandas()
    kinds = {type(v) for v in values if v is not None}
    members: list[Any] = [m.value for k in kinds if issubclass(k, enum.Enum) for m in k]
    codes = [None if v is None else v.value for v in values]
    return pd.Series(pd.Categorical(codes, categories=list(dict.fromkeys(members))))


def _texts(values: list[Any], facts: list[Fact]) -> Any:
    pd = pandas()
    plain = all(v is None or isinstance(v, str) for v in values)
    return pd.Series(values, dtype="string" if plain else object)


DTYPES: dict[Kind, Callable[[list[Any], list[Fact]], Any]] = {
    Kind.INSTANT: _instants,
    Kind.DATE: _dates,
    Kind.DURATION: _durations,
    Kind.INT: lambda v, f: pandas().Series(v, dtype="Int64"),
    Kind.BOOL: lambda v, f: pandas().Series(v, dtype="boolean"),
    Kind.ENUM: _enums,
    Kind.DECIMAL: lambda v, f: pandas().Series(v, dtype=object),
    Kind.MONEY: lambda v, f: pandas().Series(v, dtype=object),
    Kind.TARGET: lambda v, f: pandas().Series(
        [None if t is None else t.short() for t in v], dtype="string"
    ),
    Kind.TEXT: _texts,
}
"""How a column of each fact kind becomes a pandas Series (see the module docstring)."""


def _tickets(values: Mapping[Any, object]) -> tuple[list[Shown], list[Any]]:
    """The values of ``{ticket id: value}`` and their ids."""
    items: list[Shown] = []
    keys: list[Any] = []
    for key, item in values.items():
        if not isinstance(item, Shown):
            raise InvalidTypeError(
                "frame() takes a mapping of ticket id to values of the library, got "
                f"{type(item).__name__} for the ticket {shown(key)}"
            )
        items.append(item)
        keys.append(key)
    return items, keys


def _values(values: object) -> list[Shown]:
    if isinstance(values, Shown):
        return [values]
    if isinstance(values, Iterable) and not isinstance(values, str | bytes):
        items = list(values)
        for item in items:
            if not isinstance(item, Shown):
                raise InvalidTypeError(
                    "frame() takes values of the library (deadlines, statuses, decisions, "
                    f"statements) or a list of them, got an item {type(item).__name__}"
                )
        return items
    raise InvalidTypeError(
        "frame() takes a value of the library, a list of them or a mapping of ticket id "
        f"to value, got {type(values).__name__}"
    )


def _name(key: str, kind: Kind) -> str:
    return key.removesuffix("_minutes") if kind is Kind.DURATION else key


def frame(values: object, *, progress: Progress | None = None) -> Any:
    """One row per value, one typed column per record key (see the module docstring).

    *values* is a value, a list of them, or a mapping ``{ticket id: value}``, whose keys
    become the index (named ``ticket``). *progress* is called as ``progress(done,
    total)`` after every :data:`CHUNK` values read, and ``progress(total, total)`` once,
    last, with the frame built (see :mod:`supportpolicy.batch.clock`).
    """
    progress = checked_progress(progress)
    pd = pandas()
    items, tickets = _tickets(values) if isinstance(values, Mapping) else (_values(values), None)
    track = _chunks.tracker(progress, len(items))
    rows = []
    for done, value in enumerate(items, start=1):
        rows.append({f.key: f for f in value._facts() if f.key is not None})
        if track is not None and done % CHUNK == 0:
            track.advance(CHUNK)
    keys = list(dict.fromkeys(key for row in rows for key in row))
    columns = {}
    for key in keys:
        facts = [row.get(key) or Fact(key, None, None) for row in rows]
        kinds = [f.kind for f in facts if f.value is not None]
        kind = kinds[0] if kinds else Kind.TEXT
        columns[_name(key, kind)] = DTYPES[kind]([f.value for f in facts], facts)
    df = pd.DataFrame(columns, index=pd.RangeIndex(len(rows)))
    if tickets is not None:
        df.index = pd.Index(tickets, name="ticket", tupleize_cols=False)
    return _chunks.finished(track, df)
