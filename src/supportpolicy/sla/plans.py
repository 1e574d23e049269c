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
from collections.abc import Iterable, Mapping
from decimal import Decimal

import attrs

from supportpolicy import _toml
from supportpolicy._frozen import FrozenMap, frozen_map
from supportpolicy._render import Fact, Facts, Shown
from supportpolicy.errors import (
    InvalidTypeError,
    PolicyFileError,
    UnknownNameError,
)
from supportpolicy.i18n import N_
from supportpolicy.i18n.catalogs import Text
from supportpolicy.sla._engine_tables import ENGINE_KEYS, more_targets, pause_on, warn
from supportpolicy.sla._plan_tables import (
    CALENDAR_TABLE_KEYS,
    calendar_of,
    currency,
    fee,
    plan_where,
    positive_int,
    priorities,
    targets_of,
    text_value,
)
from supportpolicy.sla.calendar_tables import check_keys, optional
from supportpolicy.sla.calendars import Calendar
from supportpolicy.sla.metrics import ANY_REASON, METRICS, Threshold
from supportpolicy.sla.priorities import Priority
from supportpolicy.sla.targets import Metric, Target, Unit
from supportpolicy.sla.versions import (
    effective_date,
    in_force,
    read_versions,
    version_starts,
)
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
_PLAN_KEYS = frozenset(
    {
        "title", "timezone", "hours", "country", "subdiv", "closed", "open", "working_days",
        "hours_on", "half_days", "shorten_before_holidays", "union", "intersection",
        "reaction", "resolution", "fee", "fee_is_minimum", "currency", "minimum_term_months",
        "contacts", "workaround_priorities", "agreed_deadline_priorities", "source",
        "effective", "versions",
    }
) | ENGINE_KEYS  # fmt: skip
_INHERITED = ("closed", "open", "hours_on")
"""Date keys a working-day calendar takes from its plan unless it lists its own."""


def _original_terms(plan: Plan) -> Plan | None:
    """The plan's original terms without its later versions (None: it has none)."""
    return attrs.evolve(plan, versions=()) if plan.versions else None


def _targets_map(
    value: Mapping[Metric, tuple[Target | None, ...]],
) -> FrozenMap[Metric, tuple[Target | None, ...]]:
    return frozen_map(value)


def _warn_map(
    value: Mapping[Metric, tuple[Threshold, ...]],
) -> FrozenMap[Metric, tuple[Threshold, ...]]:
    return frozen_map(value)


def _reasons_map(value: Mapping[Metric, frozenset[str]]) -> FrozenMap[Metric, frozenset[str]]:
    return frozen_map(value)


_NONE4: tuple[None, None, None, None] = (None, None, None, None)


def _all_targets(plan: Plan) -> FrozenMap[Metric, FrozenMap[Priority, Target | None]]:
    given = {Metric.REACTION: plan.reaction, Metric.RESOLUTION: plan.resolution}
    return FrozenMap(
        (
            metric,
            FrozenMap(
                zip(
                    Priority,
                    given.get(metric) or plan.more_targets.get(metric, _NONE4),
                    strict=True,
                )
            ),
        )
        for metric in METRICS
    )


def _lookup(
    plan: Plan,
) -> tuple[tuple[frozenset[str], tuple[Target | None, ...], tuple[Threshold, ...]], ...]:
    return tuple(
        (plan.pauses(m), tuple(plan.targets[m].values()), plan.warn.get(m, ())) for m in METRICS
    )


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
    effective: dt.date | None = None
    versions: tuple[Plan, ...] = ()
    more_targets: FrozenMap[Metric, tuple[Target | None, ...]] = attrs.field(
        factory=FrozenMap, converter=_targets_map
    )
    """Targets of the metrics beyond reaction and resolution (next reply, periodic update)."""
    warn: FrozenMap[Metric, tuple[Threshold, ...]] = attrs.field(
        factory=FrozenMap, converter=_warn_map
    )
    """Warning thresholds per metric (none where a metric is not listed)."""
    pause_on: FrozenMap[Metric, frozenset[str]] = attrs.field(
        factory=FrozenMap, converter=_reasons_map
    )
    """Pause reasons per metric as the plan names them (others: the metric's default)."""
    targets: FrozenMap[Metric, FrozenMap[Priority, Target | None]] = attrs.field(
        init=False, eq=False, repr=False, default=attrs.Factory(_all_targets, takes_self=True)
    )
    """Every metric's target per priority (None: no target); ``reaction`` and
    ``resolution`` are the same targets as tuples."""
    lookup: tuple[tuple[frozenset[str], tuple[Target | None, ...], tuple[Threshold, ...]], ...] = (
        attrs.field(init=False, eq=False, repr=False,
                    default=attrs.Factory(_lookup, takes_self=True))
    )  # fmt: skip
    """Per metric in table order: pause reasons, targets by priority - 1, thresholds (the
    engine's derived tables, computed once per plan)."""

    # Derived last: their factories read (and copy) every field above.
    _starts: tuple[dt.datetime, ...] = attrs.field(
        init=False, eq=False, repr=False, default=attrs.Factory(version_starts, True)
    )
    _terms: Plan | None = attrs.field(
        init=False, eq=False, repr=False, default=attrs.Factory(_original_terms, True)
    )

    _domain = "sla"

    def pauses(self, metric: Metric) -> frozenset[str]:
        """The pause reasons that stop *metric*'s clock (``"*"``: every reason)."""
        return self.pause_on.get(metric, METRICS[metric].pause_on)

    def pauses_for(self, metric: Metric, reason: str) -> bool:
        """Whether a pause for *reason* stops *metric*'s clock."""
        reasons = self.pauses(metric)
        return reason in reasons or ANY_REASON in reasons

    def at(self, instant: dt.datetime) -> Plan:
        """The version of the plan in force at *instant* (docs/plans.md, "Plans that
        change over time"): ``self`` for a plan without versions; else a plan without
        versions, the original terms before the first version takes effect.

        ``effective`` is the date a version took effect (None: not given); ``versions``
        are the later versions of a plan as loaded, each a complete plan. A version in
        force knows no later version, so nothing a later version says reaches a ticket
        measured under an earlier one.
        """
        if self._terms is None:
            return self
        return in_force(self._terms, self.versions, self._starts, instant)

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
        return {metric: tuple(by.values()) for metric, by in self.targets.items()}

    def _caption(self, locale: str) -> str:
        return self.title(locale)


def _plan(
    key: str,
    table: _toml.Table,
    source: str,
    file_source: str | None,
    *,
    where: str | None = None,
    effective: dt.date | None = None,
) -> Plan:
    if where is None:  # the plan itself, then its later versions built from its table
        base = _plan(key, table, source, file_source, where=plan_where(key))

        def build(merged: _toml.Table, here: str, day: dt.date) -> Plan:
            return _plan(key, merged, source, file_source, where=here, effective=day)

        versions = read_versions(table, source, plan_where(key), build)
        return attrs.evolve(base, versions=versions) if versions else base
    check_keys(table, _PLAN_KEYS, source, where)
    reaction = targets_of(table, "reaction", source, where, required=True)
    resolution = targets_of(table, "resolution", source, where, required=False)
    working_days = working_name = None
    if "working_days" in table:
        wtable = _toml.require(table, "working_days", dict, source, where)
        check_keys(wtable, CALENDAR_TABLE_KEYS, source, f"{where}.working_days")
        working_name = text_value(wtable, "title", source, f"{where}.working_days")
        # The plan's own dates (closed, open, date hours) hold unless the table lists its own.
        inherited = {key: table[key] for key in _INHERITED if key in table and key not in wtable}
        working_days = calendar_of({**wtable, **inherited}, source, f"{where}.working_days")
    return Plan(
        key=key,
        name=text_value(table, "title", source, where),
        calendar=calendar_of(table, source, where),
        reaction=reaction,  # type: ignore[arg-type]  # required: no None
        resolution=resolution,  # type: ignore[arg-type]
        working_days=working_days,
        working_days_name=working_name,
        fee=fee(table, source, where),
        fee_is_minimum=bool(optional(table, "fee_is_minimum", bool, source, where)),
        currency=currency(table, source, where),
        minimum_term_months=positive_int(table, "minimum_term_months", source, where),
        contacts=positive_int(table, "contacts", source, where),
        workaround_priorities=priorities(table, "workaround_priorities", source, where),
        agreed_deadline_priorities=priorities(table, "agreed_deadline_priorities", source, where),
        source=optional(table, "source", str, source, where) or file_source,
        effective=effective if effective is not None else effective_date(table, source, where),
        more_targets=more_targets(table, source, where),
        warn=warn(table, source, where),
        pause_on=pause_on(table, source, where),
    )


def _parse(table: _toml.Table, source: str) -> dict[str, Plan]:
    file_source = optional(table, "source", str, source, "the file")
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
    if type(name) is str and name in _toml.preset_names(_PACKAGE):
        return _preset(name)  # the hot path: an exact preset name, parsed once, cached
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
