"""Plans that change over time: the versions of a plan and the one in force at an instant.

A plan file may list, under ``[[plans.<name>.versions]]``, later versions of a plan,
each with the date it takes effect (``effective = 2027-01-01``) and any plan key (hours,
calendar, targets, fee...). A version is the version before it with the keys it gives
replaced, key by key at the top level (a table such as ``reaction`` is replaced whole,
so it lists every priority again). Each version is so a complete plan, checked as one.

A version takes effect at the first instant of its date in its own timezone (the
timezone of the version's service calendar; midnight, or the first instant after a DST
gap at midnight). A ticket is measured, from its opening to its end, under the version
in force when it was opened (docs/plans.md, "Plans that change over time"). This module
knows the plan only through the few attributes it reads, so ``plans`` may import it.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any, Protocol, TypeVar

from supportpolicy import _limits, _toml
from supportpolicy._coerce import aware
from supportpolicy.errors import PolicyFileError, shown
from supportpolicy.i18n import format_date, translator
from supportpolicy.sla.calendars import Calendar

__all__ = [
    "effective_date",
    "effective_instant",
    "in_force",
    "read_versions",
    "version_starts",
    "version_text",
]


class _Versioned(Protocol):
    @property
    def calendar(self) -> Calendar: ...
    @property
    def effective(self) -> dt.date | None: ...


V = TypeVar("V", bound=_Versioned)


def effective_instant(version: _Versioned) -> dt.datetime:
    """The UTC instant *version* takes effect: the first instant of its date in the
    timezone of its calendar (a plan's original terms: the earliest supported instant)."""
    if version.effective is None:
        return _limits.EARLIEST
    start = dt.datetime.combine(version.effective, dt.time(0), tzinfo=version.calendar.tz)
    # A midnight in a DST gap (fold 0) maps to the gap's start: the day's first instant.
    return start.astimezone(dt.UTC)


class _WithVersions(Protocol):
    @property
    def versions(self) -> Sequence[_Versioned]: ...


def version_starts(plan: _WithVersions) -> tuple[dt.datetime, ...]:
    """The UTC instants the later versions of *plan* take effect, in order."""
    return tuple(effective_instant(version) for version in plan.versions)


def in_force(base: V, versions: Sequence[V], starts: Sequence[dt.datetime], instant: object) -> V:
    """The version of a plan in force at *instant*: the latest of *versions* (taking
    effect at *starts*) that took effect at or before it, else *base* (the original
    terms)."""
    at = aware(instant, "instant").astimezone(dt.UTC)
    index = bisect.bisect_right(starts, at)
    return base if index == 0 else versions[index - 1]


def read_versions(
    table: _toml.Table,
    source: str,
    where: str,
    build: Callable[[_toml.Table, str, dt.date], V],
) -> tuple[V, ...]:
    """The versions listed under *table*'s ``versions`` key, each built by *build* from
    the merged table (the version before, with the version's own keys replaced), the
    key path for messages and the effective date. Dates must increase strictly, and so
    must the instants they take effect at."""
    if "versions" not in table:
        return ()
    entries = _toml.entries(table, "versions", list, source, where)
    previous: dict[str, Any] = {
        k: v for k, v in table.items() if k not in ("versions", "effective")
    }
    last = effective_date(table, source, where)
    built: list[V] = []
    for number, entry in enumerate(entries, start=1):
        here = f"{where}.versions[{number}]"
        if not isinstance(entry, dict):
            raise PolicyFileError(
                f"{source}: {here} must be a table such as "
                f'{{ effective = 2027-01-01, hours = "Mon-Fri 09:00-18:00" }}, '
                f"got {type(entry).__name__}"
            )
        if "versions" in entry:
            raise PolicyFileError(f"{source}: {here} must not list versions of its own")
        effective = _effective(entry, source, here)
        if last is not None and effective <= last:
            raise PolicyFileError(
                f"{source}: {here}.effective {effective.isoformat()} is not after the "
                f"version before ({last.isoformat()}); list versions by increasing date"
            )
        last = effective
        previous.update((k, v) for k, v in entry.items() if k != "effective")
        version = build(previous, here, effective)
        if built and effective_instant(version) <= effective_instant(built[-1]):
            raise PolicyFileError(
                f"{source}: {here} takes effect at {effective_instant(version).isoformat()}, "
                "not after the version before (their timezones differ); "
                "put the dates further apart"
            )
        built.append(version)
    return tuple(built)


def effective_date(table: _toml.Table, source: str, where: str) -> dt.date | None:
    """The ``effective`` date of a plan's own terms, if the table gives one."""
    return _effective(table, source, where) if "effective" in table else None


def _effective(entry: _toml.Table, source: str, where: str) -> dt.date:
    value = entry.get("effective")
    if (
        not isinstance(value, dt.date)
        or isinstance(value, dt.datetime)
        or not _limits.MIN_YEAR < value.year < _limits.MAX_YEAR
    ):
        raise PolicyFileError(
            f"{source}: {where}.effective must be a date such as 2027-01-01 (years "
            f"{_limits.MIN_YEAR + 1}-{_limits.MAX_YEAR - 1}), got {shown(value)}"
        )
    return value


def version_text(effective: dt.date | None, locale: str) -> str | None:
    """Names, localized, the version a ticket is measured under: the version of its
    *effective* date. None for terms without a date (a plan's original terms, unless
    the plan gives their ``effective`` date), so that adding or changing a later version
    changes nothing in the account of an earlier ticket."""
    if effective is None:
        return None
    return (
        translator(locale, "sla")
        .gettext("Measured under the plan's version of {date}.")
        .format(date=format_date(effective, locale, format="long"))
    )
