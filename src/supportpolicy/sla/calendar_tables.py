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
from supportpolicy.errors import PolicyFileError, SupportPolicyError, shown
from supportpolicy.sla.algebra import intersection, union
from supportpolicy.sla.calendars import Calendar, calendar

__all__ = [
    "CALENDAR_KEYS",
    "calendar_from_table",
    "calendar_options",
    "check_keys",
    "dates",
    "optional",
]

CALENDAR_KEYS = frozenset(
    {
        "timezone", "hours", "country", "subdiv", "closed", "open", "hours_on", "half_days",
        "shorten_before_holidays", "union", "intersection",
    }
)  # fmt: skip
"""The calendar keys of a plan table (a ``working_days`` table adds ``title``)."""
_PART_KEYS = CALENDAR_KEYS - {"union", "intersection"}
_UNITS = {"hours": "hours", "minutes": "minutes"}


def optional(
    table: _toml.Table, key: str, kind: type | tuple[type, ...], source: str, where: str
) -> Any:
    """``table[key]`` checked to be a *kind*, or None when the key is absent."""
    return _toml.require(table, key, kind, source, where) if key in table else None


def check_keys(table: _toml.Table, allowed: frozenset[str], source: str, where: str) -> None:
    """Refuse a key of *table* that is not in *allowed*, naming the accepted keys."""
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise PolicyFileError(
            f"{source}: {where} has unknown key {shown(unknown[0])}; "
            f"accepted: {', '.join(sorted(allowed))}"
        )


def dates(table: _toml.Table, key: str, source: str, where: str) -> tuple[dt.date, ...]:
    """The list of dates ``table[key]`` (empty when absent); a datetime is refused."""
    values = optional(table, key, list, source, where) or []
    for value in values:
        if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
            raise PolicyFileError(
                f"{source}: {where}.{key} must list dates such as 2026-12-31, got {shown(value)}"
            )
    return tuple(values)


def _hours_on(table: _toml.Table, source: str, where: str) -> dict[dt.date, str] | None:
    given = optional(table, "hours_on", dict, source, where)
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
                f'"closed", got {shown(value)}'
            )
        result[day] = value
    return result


def _shorten(table: _toml.Table, source: str, where: str) -> dt.timedelta | None:
    given = optional(table, "shorten_before_holidays", dict, source, where)
    if given is None:
        return None
    if len(given) != 1 or next(iter(given)) not in _UNITS:
        raise PolicyFileError(
            f"{source}: {where}.shorten_before_holidays must be {{ hours = N }} or "
            f"{{ minutes = N }}, got {shown(given)}"
        )
    unit, amount = next(iter(given.items()))
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise PolicyFileError(
            f"{source}: {where}.shorten_before_holidays.{unit} must be a whole number, "
            f"got {shown(amount)}"
        )
    return dt.timedelta(**{unit: amount})


def _parts(table: _toml.Table, key: str, source: str, where: str) -> tuple[Calendar, ...]:
    items = _toml.require(table, key, list, source, where)
    parts = []
    for n, item in enumerate(items):
        here = f"{where}.{key}[{n}]"
        if not isinstance(item, dict):
            raise PolicyFileError(f"{source}: {here} must be a calendar table, got {shown(item)}")
        parts.append(calendar_from_table(item, source, here, _PART_KEYS))
    return tuple(parts)


def calendar_options(table: _toml.Table, source: str, where: str) -> dict[str, Any]:
    """The keyword arguments of :func:`~supportpolicy.sla.calendar` for the day-level keys
    (``hours_on``, ``half_days``, ``shorten_before_holidays``) present in *table*."""
    return {
        "hours_on": _hours_on(table, source, where),
        "half_days": optional(table, "half_days", str, source, where),
        "shorten_before_holidays": _shorten(table, source, where),
    }


def calendar_from_table(
    table: _toml.Table, source: str, where: str, allowed: frozenset[str] | None = None
) -> Calendar:
    """The calendar a TOML table describes; *allowed* keys are checked when given."""
    if allowed is not None:
        check_keys(table, allowed, source, where)
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
            country=optional(table, "country", str, source, where),
            subdiv=optional(table, "subdiv", str, source, where),
            closed=dates(table, "closed", source, where),
            open=dates(table, "open", source, where),
            **calendar_options(table, source, where),
        )
    except PolicyFileError:
        raise
    except SupportPolicyError as exc:
        raise PolicyFileError(f"{source}: {where}: {exc}") from None
