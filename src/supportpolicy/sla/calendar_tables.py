"""Calendars written as TOML tables (the calendar keys of a plan file).

Keys: ``timezone``, ``hours``, ``country``, ``subdiv``, ``closed``, ``open`` as before,
and ``hours_on`` (a table ``"2026-12-30" = "10:00-15:00"``, or ``"closed"``),
``half_days`` (the time a country's half day ends, ``"13:00"``),
``shorten_before_holidays`` (``{ hours = 1 }`` or ``{ minutes = 30 }``), and ``union`` or
``intersection``: an array of calendar tables, combined in the table's ``timezone``
(``hours`` is then not given; see docs/plans.md).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from supportpolicy import _toml
from supportpolicy.errors import PolicyFileError, SupportPolicyError
from supportpolicy.sla.algebra import intersection, union
from supportpolicy.sla.calendars import Calendar, calendar

__all__ = ["CALENDAR_KEYS", "calendar_from_table", "calendar_options"]

CALENDAR_KEYS = frozenset(
    {
        "timezone", "hours", "country", "subdiv", "closed", "open", "hours_on", "half_days",
        "shorten_before_holidays", "union", "intersection",
    }
)  # fmt: skip
"""The calendar keys of a plan table (a ``working_days`` table adds ``title``)."""
_PART_KEYS = CALENDAR_KEYS - {"union", "intersection"}
_UNITS = {"hours": "hours", "minutes": "minutes"}


def _get(table: _toml.Table, key: str, kind: type, source: str, where: str) -> Any:
    return _toml.require(table, key, kind, source, where) if key in table else None


def _dates(table: _toml.Table, key: str, source: str, where: str) -> tuple[dt.date, ...]:
    values = _get(table, key, list, source, where) or []
    for value in values:
        if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
            raise PolicyFileError(
                f"{source}: {where}.{key} must list dates such as 2026-12-31, got {value!r}"
            )
    return tuple(values)


def _hours_on(table: _toml.Table, source: str, where: str) -> dict[dt.date, str] | None:
    given = _get(table, "hours_on", dict, source, where)
    if given is None:
        return None
    result: dict[dt.date, str] = {}
    for key, value in given.items():
        try:
            day = dt.date.fromisoformat(str(key))
        except ValueError:
            raise PolicyFileError(
                f"{source}: {where}.hours_on key {str(key)[:40]!r} is not a date; write "
                '"2026-12-30" = "10:00-15:00" (or = "closed")'
            ) from None
        if not isinstance(value, str):
            raise PolicyFileError(
                f'{source}: {where}.hours_on.{key} must be hours such as "10:00-15:00" or '
                f'"closed", got {value!r}'
            )
        result[day] = value
    return result


def _shorten(table: _toml.Table, source: str, where: str) -> dt.timedelta | None:
    given = _get(table, "shorten_before_holidays", dict, source, where)
    if given is None:
        return None
    if len(given) != 1 or next(iter(given)) not in _UNITS:
        raise PolicyFileError(
            f"{source}: {where}.shorten_before_holidays must be {{ hours = N }} or "
            f"{{ minutes = N }}, got {given!r}"
        )
    unit, amount = next(iter(given.items()))
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise PolicyFileError(
            f"{source}: {where}.shorten_before_holidays.{unit} must be a whole number, "
            f"got {amount!r}"
        )
    return dt.timedelta(**{unit: amount})


def _parts(table: _toml.Table, key: str, source: str, where: str) -> tuple[Calendar, ...]:
    items = _toml.require(table, key, list, source, where)
    parts = []
    for n, item in enumerate(items):
        here = f"{where}.{key}[{n}]"
        if not isinstance(item, dict):
            raise PolicyFileError(f"{source}: {here} must be a calendar table, got {item!r}")
        parts.append(calendar_from_table(item, source, here, _PART_KEYS))
    return tuple(parts)


def calendar_options(table: _toml.Table, source: str, where: str) -> dict[str, Any]:
    """The keyword arguments of :func:`~supportpolicy.sla.calendar` for the day-level keys
    (``hours_on``, ``half_days``, ``shorten_before_holidays``) present in *table*."""
    return {
        "hours_on": _hours_on(table, source, where),
        "half_days": _get(table, "half_days", str, source, where),
        "shorten_before_holidays": _shorten(table, source, where),
    }


def calendar_from_table(
    table: _toml.Table, source: str, where: str, allowed: frozenset[str] | None = None
) -> Calendar:
    """The calendar a TOML table describes; *allowed* keys are checked when given."""
    if allowed is not None:
        unknown = sorted(set(table) - allowed)
        if unknown:
            raise PolicyFileError(
                f"{source}: {where} has unknown key {unknown[0]!r}; "
                f"accepted: {', '.join(sorted(allowed))}"
            )
    timezone = _toml.require(table, "timezone", str, source, where)
    kinds = [key for key in ("union", "intersection") if key in table]
    try:
        if kinds:
            if len(kinds) > 1 or "hours" in table:
                raise PolicyFileError(
                    f"{source}: {where} gives {' and '.join(kinds + ['hours'][: 'hours' in table])}"
                    "; a calendar is either hours or one union or one intersection"
                )
            parts = _parts(table, kinds[0], source, where)
            build = union if kinds[0] == "union" else intersection
            return build(*parts, timezone=timezone)
        return calendar(
            timezone,
            _toml.require(table, "hours", str, source, where),
            country=_get(table, "country", str, source, where),
            subdiv=_get(table, "subdiv", str, source, where),
            closed=_dates(table, "closed", source, where),
            open=_dates(table, "open", source, where),
            **calendar_options(table, source, where),
        )
    except PolicyFileError:
        raise
    except SupportPolicyError as exc:
        raise PolicyFileError(f"{source}: {where}: {exc}") from None
