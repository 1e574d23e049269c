"""The texts and fact rows that several sla values share: hours, fee, term, targets.

Plans, deadlines and statuses declare their facts (``_facts()``) in their own modules
and :mod:`supportpolicy._render` renders them; what they have in common lives here,
once: the service-hours, fee and minimum-term texts (also used by
:func:`~supportpolicy.sla.explain.plans_table` and the explanations), and the facts of
the targets per metric and priority, table-driven by :class:`~supportpolicy.sla.Metric`
so that a new metric is one more row of :data:`METRIC_LABELS`.

This module imports no value module (plans, deadlines, status import it).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from decimal import Decimal

from supportpolicy import _display
from supportpolicy._render import Fact, Facts, Kind
from supportpolicy.i18n import N_, format_money, localize, translator
from supportpolicy.i18n.catalogs import Text
from supportpolicy.sla.calendars import Calendar
from supportpolicy.sla.metrics import METRICS
from supportpolicy.sla.priorities import Priority
from supportpolicy.sla.targets import Metric, Target

__all__ = [
    "METRIC_LABELS",
    "NO_TARGET",
    "calendar_columns",
    "data_text",
    "fee_text",
    "hours_text",
    "service_hours_text",
    "target_facts",
    "target_rows",
    "targets_brief",
    "term_text",
    "terms_facts",
    "working_days_fact",
]

METRIC_LABELS: Mapping[Metric, str] = {metric: rule.column for metric, rule in METRICS.items()}
"""The column label of each metric's targets (from the metric table, metrics.py)."""

NO_TARGET = N_("no target")
_NOT_STATED = N_("not stated")

Targets = Mapping[Metric, Sequence[Target | None]]


def hours_text(cal: Calendar, locale: str) -> str:
    """A calendar's hours in words with localized weekday names (``"Mo–Fr 10:00-18:00"``);
    a union or intersection lists its parts."""
    if cal.combine is not None:
        return cal.describe(locale)
    if cal.hours.is_24x7:
        return translator(locale, "sla").gettext("around the clock (24x7)")
    return cal.hours.describe(locale)


def service_hours_text(cal: Calendar, locale: str) -> str:
    """The service hours and their timezone: ``"Mon–Fri 10:00-18:00, Europe/Moscow"``."""
    return f"{hours_text(cal, locale)}, {cal.timezone}"


def fee_text(fee: Decimal | None, currency: str | None, minimum: bool, locale: str) -> str:
    """The monthly fee as money, ``at least ...`` when it is a minimum, else not stated."""
    tr = translator(locale, "sla")
    if fee is None or currency is None:
        return tr.gettext(_NOT_STATED)
    amount = format_money(fee, currency, locale)
    return tr.gettext("at least {amount}").format(amount=amount) if minimum else amount


def term_text(months: int | None, locale: str) -> str:
    """The minimum term in months, or not stated."""
    tr = translator(locale, "sla")
    if months is None:
        return tr.gettext(_NOT_STATED)
    return tr.ngettext("{n} month", "{n} months", months).format(n=months)


def target_facts(targets: Targets) -> Facts:
    """Record columns ``<metric>_p<n>``: each target in short form (None: no target);
    then the targets in brief for the repr."""
    return (
        *(
            Fact(f"{metric.value}_p{number}", None, target, Kind.TARGET)
            for metric in METRIC_LABELS
            for number, target in enumerate(targets[metric], start=1)
        ),
        Fact(None, None, targets_brief(targets), brief="{}"),
    )


def target_rows(targets: Targets) -> tuple[Facts, ...]:
    """One table row per priority: the priority, then its target for each metric."""
    return tuple(
        (
            Fact(None, N_("Priority"), priority, Kind.ENUM),
            *(
                Fact(None, label, targets[metric][priority - 1], Kind.TARGET, none=NO_TARGET)
                for metric, label in METRIC_LABELS.items()
                if _any(targets, metric)
            ),
        )
        for priority in Priority
    )


def _any(targets: Targets, metric: Metric) -> bool:
    """Whether *metric* has a target for some priority (tables leave it out if not);
    reaction and resolution always have their column."""
    return METRICS[metric].required or metric is Metric.RESOLUTION or any(
        t is not None for t in targets[metric]
    )


def targets_brief(targets: Targets) -> str:
    """``reaction 60min/4h/6h/6h, resolution 12h/3bd/-/-`` for a repr (a metric
    without any target is left out)."""
    return ", ".join(
        f"{metric.value} " + "/".join("-" if t is None else t.short() for t in targets[metric])
        for metric in METRIC_LABELS
        if any(t is not None for t in targets[metric])
    )


def data_text(value: Text, locale: str) -> str:
    """A text from a plan file (message id or translations) in *locale*."""
    return localize(value if isinstance(value, str) else dict(value), locale, "sla")


def working_days_fact(days: str | None, name: Text | None) -> Fact:
    """The working-day calendar, shown by its localized *name* where it has one."""
    if days is None or name is None:
        return Fact(None, N_("Working days"), days)
    return Fact(None, N_("Working days"), functools.partial(data_text, name), Kind.LOCALIZED)


def calendar_columns(cal: Calendar, working_days: str | None) -> Facts:
    """A plan's service calendar: record columns, its hours for the repr and people."""
    service = functools.partial(service_hours_text, cal)
    hours = str(cal.hours) if cal.combine is None else str(cal)
    short = str(cal.hours) if cal.combine is None else cal.combine
    return (
        Fact("timezone", None, cal.timezone),
        Fact("hours", None, hours),
        Fact(None, None, f"{_display.clip(short, 40)} {cal.timezone}", brief="{}"),
        Fact("country", None, cal.country),
        Fact("working_days", None, working_days),
        Fact(None, N_("Service hours"), service, Kind.LOCALIZED),
    )


def terms_facts(
    fee: Decimal | None,
    currency: str | None,
    *,
    minimum: bool,
    months: int | None,
    contacts: int | None,
) -> Facts:
    """A plan's commercial terms: fee, currency, minimum term and contacts."""
    return (
        Fact("fee", None, fee, Kind.DECIMAL),
        Fact("currency", None, currency),
        Fact("fee_is_minimum", None, minimum, Kind.BOOL),
        Fact(None, N_("Fee per month"), functools.partial(fee_text, fee, currency, minimum),
             Kind.LOCALIZED),
        Fact("minimum_term_months", None, months, Kind.INT),
        Fact(None, N_("Minimum term"), functools.partial(term_text, months), Kind.LOCALIZED),
        Fact("contacts", None, contacts, Kind.INT),
    )  # fmt: skip
