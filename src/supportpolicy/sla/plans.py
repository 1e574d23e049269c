"""SLA plans as data: targets per priority, service calendar, fee and term.

A plan is read from TOML by :func:`load_plans`; the presets shipped in
``sla/presets/*.toml`` go through the very same parser (:func:`plan`). The file shape is
documented in ``docs/plans.md``; every mistake is reported with the file, the key and
what is accepted.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

import attrs

from supportpolicy import _limits, _toml
from supportpolicy._render import Fact, Facts, Shown
from supportpolicy.errors import (
    InvalidTypeError,
    PolicyFileError,
    SupportPolicyError,
    UnknownNameError,
    shown,
)
from supportpolicy.i18n import N_, format_money
from supportpolicy.i18n.catalogs import Text
from supportpolicy.sla.calendar_tables import CALENDAR_KEYS, calendar_from_table, calendar_options
from supportpolicy.sla.calendars import Calendar, calendar
from supportpolicy.sla.priorities import Priority
from supportpolicy.sla.targets import Metric, Target, Unit
from supportpolicy.sla.views import (
    Targets,
    calendar_columns,
    data_text,
    target_facts,
    target_rows,
    terms_facts,
    working_days_fact,
)

__all__ = ["Plan", "load_plans", "plan", "plan_names"]


_PACKAGE = "supportpolicy.sla"
_PRIORITY_KEYS = ("p1", "p2", "p3", "p4")
_UNITS = {"minutes": Unit.MINUTES, "hours": Unit.HOURS, "business_days": Unit.BUSINESS_DAYS}
_PLAN_KEYS = frozenset(
    {
        "title", "timezone", "hours", "country", "subdiv", "closed", "open", "working_days",
        "hours_on", "half_days", "shorten_before_holidays", "union", "intersection",
        "reaction", "resolution", "fee", "fee_is_minimum", "currency", "minimum_term_months",
        "contacts", "workaround_priorities", "agreed_deadline_priorities", "source",
    }
)  # fmt: skip
_MAX_AMOUNT = _limits.MAX_INTEGER
_CALENDAR_KEYS = CALENDAR_KEYS | {"title"}
_INHERITED = ("closed", "open", "hours_on")
"""Date keys a working-day calendar takes from its plan unless it lists its own."""


@attrs.frozen(repr=False)
class Plan(Shown):
    """An SLA plan: service calendar, targets per priority, fee and minimum term.

    ``reaction[i]`` and ``resolution[i]`` are the targets of priority ``i + 1``; a
    resolution entry is None where the plan sets no target. ``working_days`` is the
    calendar business-day targets count on when the plan names one; None means they
    count on the service calendar itself.
    """

    key: str
    name: Text
    calendar: Calendar
    reaction: tuple[Target, Target, Target, Target]
    resolution: tuple[Target | None, Target | None, Target | None, Target | None]
    working_days: Calendar | None = None
    working_days_name: Text | None = None
    fee: Decimal | None = None
    fee_is_minimum: bool = False
    currency: str | None = None
    minimum_term_months: int | None = None
    contacts: int | None = None
    workaround_priorities: tuple[Priority, ...] = ()
    agreed_deadline_priorities: tuple[Priority, ...] = ()
    source: str | None = None

    _domain = "sla"

    def title(self, locale: str = "en") -> str:
        """The plan's localized name.

        >>> plan("business").title("ru")
        'Бизнес'
        """
        return data_text(self.name, locale)

    def calendar_for(self, target: Target) -> Calendar:
        """The calendar *target* counts on: the service calendar, except that business
        days count on the plan's named working-day calendar where it has one."""
        if target.unit is Unit.BUSINESS_DAYS and self.working_days is not None:
            return self.working_days
        return self.calendar

    def calendar_name(self, target: Target, locale: str = "en") -> str | None:
        """The localized name of the working-day calendar for a business-day target."""
        if target.unit is Unit.BUSINESS_DAYS and self.working_days_name is not None:
            return data_text(self.working_days_name, locale)
        return None

    def _facts(self) -> Facts:
        targets = self._targets()
        days = None if self.working_days is None else str(self.working_days)
        return (
            Fact("plan", None, self.key, brief="{}"),
            Fact("title", None, self.title("en")),
            *calendar_columns(self.calendar, days),
            *target_facts(targets),
            working_days_fact(days, self.working_days_name),
            *terms_facts(self.fee, self.currency, minimum=self.fee_is_minimum,
                         months=self.minimum_term_months, contacts=self.contacts),
            Fact("source", N_("Source document"), self.source),
        )  # fmt: skip

    def _rows(self) -> tuple[Facts, ...]:
        return target_rows(self._targets())

    def _targets(self) -> Targets:
        return {Metric.REACTION: self.reaction, Metric.RESOLUTION: self.resolution}

    def _caption(self, locale: str) -> str:
        return self.title(locale)


def _where(key: str, *parts: str) -> str:
    return ".".join(("plans", key, *parts))


def _text_value(table: _toml.Table, key: str, source: str, where: str) -> Text:
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


def _optional(
    table: _toml.Table, key: str, kind: type | tuple[type, ...], source: str, where: str
) -> Any:
    return _toml.require(table, key, kind, source, where) if key in table else None


def _check_keys(table: _toml.Table, allowed: frozenset[str], source: str, where: str) -> None:
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise PolicyFileError(
            f"{source}: {where} has unknown key {unknown[0]!r}; "
            f"accepted: {', '.join(sorted(allowed))}"
        )


def _dates(table: _toml.Table, key: str, source: str, where: str) -> tuple[dt.date, ...]:
    values = _optional(table, key, list, source, where) or []
    for value in values:
        if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
            raise PolicyFileError(
                f"{source}: {where}.{key} must list dates such as 2026-12-31, got {shown(value)}"
            )
    return tuple(values)


def _calendar(table: _toml.Table, source: str, where: str) -> Calendar:
    if "union" in table or "intersection" in table:
        return calendar_from_table(table, source, where)
    timezone = _toml.require(table, "timezone", str, source, where)
    hours = _toml.require(table, "hours", str, source, where)
    try:
        return calendar(
            timezone,
            hours,
            country=_optional(table, "country", str, source, where),
            subdiv=_optional(table, "subdiv", str, source, where),
            closed=_dates(table, "closed", source, where),
            open=_dates(table, "open", source, where),
            **calendar_options(table, source, where),
        )
    except PolicyFileError:
        raise
    except SupportPolicyError as exc:
        raise PolicyFileError(f"{source}: {where}: {exc}") from None


def _target(value: object, source: str, where: str) -> Target:
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


def _targets(
    table: _toml.Table, key: str, source: str, where: str, *, required: bool
) -> tuple[Target | None, ...]:
    if key not in table and not required:
        return (None, None, None, None)
    group = _toml.require(table, key, dict, source, where)
    _check_keys(group, frozenset(_PRIORITY_KEYS), source, f"{where}.{key}")
    result: list[Target | None] = []
    for pkey in _PRIORITY_KEYS:
        if pkey not in group:
            if required:
                raise PolicyFileError(
                    f"{source}: {where}.{key} has no key {pkey!r}; give a target for each of "
                    "p1, p2, p3, p4"
                )
            result.append(None)
        else:
            result.append(_target(group[pkey], source, f"{where}.{key}.{pkey}"))
    return tuple(result)


def _priorities(table: _toml.Table, key: str, source: str, where: str) -> tuple[Priority, ...]:
    values = _optional(table, key, list, source, where) or []
    for value in values:
        if isinstance(value, bool) or value not in (1, 2, 3, 4):
            raise PolicyFileError(
                f"{source}: {where}.{key} must list priorities 1-4, got {shown(value)}"
            )
    return tuple(Priority(v) for v in sorted(set(values)))


def _fee(table: _toml.Table, source: str, where: str) -> Decimal | None:
    value = _optional(table, "fee", (int, str), source, where)
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


def _currency(table: _toml.Table, source: str, where: str) -> str | None:
    value: str | None = _optional(table, "currency", str, source, where)
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


def _positive_int(table: _toml.Table, key: str, source: str, where: str) -> int | None:
    value: int | None = _optional(table, key, int, source, where)
    if value is not None and value <= 0:
        raise PolicyFileError(f"{source}: {where}.{key} must be > 0, got {value}")
    return value


def _plan(key: str, table: _toml.Table, source: str, file_source: str | None) -> Plan:
    where = _where(key)
    _check_keys(table, _PLAN_KEYS, source, where)
    reaction = _targets(table, "reaction", source, where, required=True)
    resolution = _targets(table, "resolution", source, where, required=False)
    working_days = working_name = None
    if "working_days" in table:
        wtable = _toml.require(table, "working_days", dict, source, where)
        _check_keys(wtable, _CALENDAR_KEYS, source, f"{where}.working_days")
        working_name = _text_value(wtable, "title", source, f"{where}.working_days")
        # The plan's own dates (closed, open, date hours) hold unless the table lists its own.
        inherited = {key: table[key] for key in _INHERITED if key in table and key not in wtable}
        working_days = _calendar({**wtable, **inherited}, source, f"{where}.working_days")
    return Plan(
        key=key,
        name=_text_value(table, "title", source, where),
        calendar=_calendar(table, source, where),
        reaction=reaction,  # type: ignore[arg-type]  # required: no None
        resolution=resolution,  # type: ignore[arg-type]
        working_days=working_days,
        working_days_name=working_name,
        fee=_fee(table, source, where),
        fee_is_minimum=bool(_optional(table, "fee_is_minimum", bool, source, where)),
        currency=_currency(table, source, where),
        minimum_term_months=_positive_int(table, "minimum_term_months", source, where),
        contacts=_positive_int(table, "contacts", source, where),
        workaround_priorities=_priorities(table, "workaround_priorities", source, where),
        agreed_deadline_priorities=_priorities(table, "agreed_deadline_priorities", source, where),
        source=_optional(table, "source", str, source, where) or file_source,
    )


def _parse(table: _toml.Table, source: str) -> dict[str, Plan]:
    file_source = _optional(table, "source", str, source, "the file")
    extra = sorted(set(table) - {"source", "plans"})
    if extra:
        raise PolicyFileError(
            f"{source}: unknown top-level key {extra[0]!r}; accepted: source, plans"
        )
    plans = _toml.entries(table, "plans", dict, source, "the file")
    if not plans:
        raise PolicyFileError(f"{source}: plans is empty; add at least one [plans.<name>] table")
    result: dict[str, Plan] = {}
    for key, body in plans.items():
        if not isinstance(body, dict):
            raise PolicyFileError(
                f"{source}: plans.{key} must be a table, got {type(body).__name__}"
            )
        result[key] = _plan(key, body, source, file_source)
    return result


def load_plans(path: str | os.PathLike[str]) -> dict[str, Plan]:
    """Read the plans of a TOML file (shape in docs/plans.md); return them by name."""
    return _parse(*_toml.read_toml(path))


def plan_names() -> tuple[str, ...]:
    """The names of the preset plans.

    >>> plan_names()
    ('basic', 'business', 'premium', 'saas', 'tam')
    """
    return _toml.preset_names(_PACKAGE)


@functools.cache
def _preset(key: str) -> Plan:
    plans = _parse(*_toml.read_preset(_PACKAGE, key, "plan"))
    if key not in plans:  # pragma: no cover - presets are tested
        raise UnknownNameError(f"preset file {key}.toml defines no plan {key!r}")
    return plans[key]


def plan(name: str | Plan) -> Plan:
    """The preset plan *name* (``basic``, ``business``, ``premium``, ``tam``, ``saas``).

    A :class:`Plan` is returned as is, so functions may take either.

    >>> plan("premium").reaction[0].describe("en")
    '60 minutes'
    """
    if isinstance(name, Plan):
        return name
    if not isinstance(name, str):
        raise InvalidTypeError(
            f"plan must be a preset name or an sla.Plan, got {type(name).__name__}; "
            f"presets: {', '.join(plan_names())}"
        )
    key = name.strip().lower()
    if key not in plan_names():
        _toml.read_preset(_PACKAGE, name, "plan")  # raises the standard message
    return _preset(key)


def plans_of(names: object) -> tuple[Plan, ...]:
    """The plans *names* gives: None for every preset, one name or :class:`Plan`, or an
    iterable of them. A bare string is one name (never iterated letter by letter)."""
    if names is None:
        return tuple(plan(key) for key in plan_names())
    if isinstance(names, str | Plan):
        return (plan(names),)
    if isinstance(names, bytes) or not isinstance(names, Iterable):
        raise InvalidTypeError(
            "plans must be a preset name, an sla.Plan or an iterable of them, "
            f"got {type(names).__name__}"
        )
    return tuple(plan(name) for name in names)


def as_plan(value: object) -> Plan:
    """A :class:`Plan` or the preset it names; anything else is refused."""
    if isinstance(value, Plan):
        return value
    return plan(value)  # type: ignore[arg-type]
