"""Reading the tables of a plan file: texts, dates, calendars, targets, fees.

Each reader takes a TOML table, the file's name and the dotted key path for messages,
and returns a clean value or raises :class:`~supportpolicy.errors.PolicyFileError`
naming the file and the key. :mod:`supportpolicy.sla.plans` builds plans from them.
"""

from __future__ import annotations

from decimal import Decimal

from supportpolicy import _toml
from supportpolicy.errors import PolicyFileError, SupportPolicyError, shown
from supportpolicy.i18n import format_money
from supportpolicy.i18n.catalogs import Text
from supportpolicy.sla.calendar_tables import (
    CALENDAR_KEYS,
    calendar_from_table,
    check_keys,
    optional,
)
from supportpolicy.sla.calendars import Calendar
from supportpolicy.sla.priorities import Priority
from supportpolicy.sla.targets import Target, Unit

PRIORITY_KEYS = ("p1", "p2", "p3", "p4")
_UNITS = {"minutes": Unit.MINUTES, "hours": Unit.HOURS, "business_days": Unit.BUSINESS_DAYS}
CALENDAR_TABLE_KEYS = CALENDAR_KEYS | {"title"}


def plan_where(key: str, *parts: str) -> str:
    return ".".join(("plans", key, *parts))


def text_value(table: _toml.Table, key: str, source: str, where: str) -> Text:
    value = _toml.require(table, key, (str, dict), source, where)
    if isinstance(value, str):
        if not value.strip():
            raise PolicyFileError(f"{source}: {where}.{key} must not be empty")
        return value
    if not value or not all(
        isinstance(k, str) and isinstance(v, str) and v for k, v in value.items()
    ):
        raise PolicyFileError(
            f"{source}: {where}.{key} must be a text or a table of non-empty texts by "
            'locale, such as {en = "Gold", de = "Gold"}'
        )
    return tuple(sorted(value.items()))


def calendar_of(table: _toml.Table, source: str, where: str) -> Calendar:
    return calendar_from_table(table, source, where)


def target(value: object, source: str, where: str) -> Target:
    if not isinstance(value, dict) or len(value) != 1:
        raise PolicyFileError(
            f"{source}: {where} must be a table with one key, such as {{ hours = 4 }}; "
            "units: minutes, hours, business_days"
        )
    ((unit, amount),) = value.items()
    if unit not in _UNITS:
        raise PolicyFileError(
            f"{source}: {where} has unknown unit {shown(unit)}; "
            "accepted: minutes, hours, business_days"
        )
    try:
        return Target(amount, _UNITS[unit])
    except SupportPolicyError as exc:
        raise PolicyFileError(f"{source}: {where}.{unit}: {exc}") from None


def targets_of(
    table: _toml.Table, key: str, source: str, where: str, *, required: bool
) -> tuple[Target | None, ...]:
    if key not in table and not required:
        return (None, None, None, None)
    group = _toml.require(table, key, dict, source, where)
    check_keys(group, frozenset(PRIORITY_KEYS), source, f"{where}.{key}")
    result: list[Target | None] = []
    for pkey in PRIORITY_KEYS:
        if pkey not in group:
            if required:
                raise PolicyFileError(
                    f"{source}: {where}.{key} has no key {pkey!r}; give a target for each of "
                    "p1, p2, p3, p4"
                )
            result.append(None)
        else:
            result.append(target(group[pkey], source, f"{where}.{key}.{pkey}"))
    return tuple(result)


def priorities(table: _toml.Table, key: str, source: str, where: str) -> tuple[Priority, ...]:
    values = optional(table, key, list, source, where) or []
    for value in values:
        if isinstance(value, bool) or value not in (1, 2, 3, 4):
            raise PolicyFileError(
                f"{source}: {where}.{key} must list priorities 1-4, got {shown(value)}"
            )
    return tuple(Priority(v) for v in sorted(set(values)))


def fee(table: _toml.Table, source: str, where: str) -> Decimal | None:
    value = optional(table, "fee", (int, str), source, where)
    if value is None:
        return None
    try:
        fee = Decimal(value.strip() if isinstance(value, str) else value)
    except ArithmeticError:
        fee = Decimal("NaN")
    if not fee.is_finite() or fee < 0:
        raise PolicyFileError(
            f"{source}: {where}.fee must be an amount >= 0 as an int or a decimal string "
            f'such as "180000.00", got {shown(value)}'
        )
    return fee


def currency(table: _toml.Table, source: str, where: str) -> str | None:
    value: str | None = optional(table, "currency", str, source, where)
    if value is None:
        return None
    try:
        format_money(Decimal(0), value, "en")
    except SupportPolicyError:
        raise PolicyFileError(
            f"{source}: {where}.currency {shown(value)} is not an ISO 4217 code; "
            "give one such as RUB, EUR, USD"
        ) from None
    return value.strip().upper()


def positive_int(table: _toml.Table, key: str, source: str, where: str) -> int | None:
    value: int | None = optional(table, key, int, source, where)
    if value is not None and value <= 0:
        raise PolicyFileError(f"{source}: {where}.{key} must be > 0, got {value}")
    return value
