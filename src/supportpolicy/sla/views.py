"""Notebook display and records of the sla results: plans, deadlines, clocks, statuses.

The classes call these functions from their ``__repr__``, ``to_html``/``_repr_html_``
and ``to_dict`` methods. Reprs are one short line of plain text; HTML is a small table
with labels from the ``sla`` catalog of the requested locale and every text escaped
(:mod:`supportpolicy._display`); records are flat, language-neutral dicts of JSON
values: ISO 8601 instants in the plan's timezone, targets in their short form
(``60min``, ``4h``, ``3bd``), business time as a number of minutes (an int when whole).

Only types are imported from the value modules (they import this one), so the values
are read through their attributes and methods.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from supportpolicy import _coerce, _display
from supportpolicy.i18n import (
    format_datetime,
    format_duration,
    format_money,
    localize,
    translator,
)
from supportpolicy.sla.priorities import Priority

if TYPE_CHECKING:
    from supportpolicy.sla.calendars import Calendar
    from supportpolicy.sla.deadlines import Deadline
    from supportpolicy.sla.plans import Plan
    from supportpolicy.sla.status import Clock, Status

__all__ = [
    "clock_html",
    "clock_record",
    "clock_repr",
    "deadline_html",
    "deadline_record",
    "deadline_repr",
    "plan_html",
    "plan_record",
    "plan_repr",
    "status_html",
    "status_record",
    "status_repr",
]

_LIMIT = _display.REPR_LIMIT


def _when(instant: dt.datetime | None, cal: Calendar, locale: str) -> str | None:
    if instant is None:
        return None
    return format_datetime(instant, locale, tz=cal.tz, format="medium")


def _duration(delta: dt.timedelta) -> str:
    """A signed, compact duration for reprs: ``18h00m``, ``-1h30m``, ``0h00m12.5s``."""
    micros = abs(_coerce.micros(delta))
    hours, rest = divmod(micros, 3_600_000_000)
    mins, rest = divmod(rest, 60_000_000)
    text = f"{hours}h{mins:02d}m"
    if rest:
        seconds, micro = divmod(rest, 1_000_000)
        text += f"{seconds}.{micro:06d}".rstrip("0").rstrip(".") + "s"
    return ("-" if delta < dt.timedelta(0) else "") + text


# --- plans -----------------------------------------------------------------------------


def _targets(plan: Plan) -> str:
    reaction = "/".join(t.short() for t in plan.reaction)
    text = f"reaction {reaction}"
    if any(t is not None for t in plan.resolution):
        text += ", resolution " + "/".join("-" if t is None else t.short() for t in plan.resolution)
    return text


def plan_repr(plan: Plan) -> str:
    """``Plan(premium, 24x7 Europe/Moscow, reaction 60min/4h/6h/6h, resolution ...)``."""
    hours = _display.clip(str(plan.calendar.hours), 40)
    return _display.clip(
        f"Plan({plan.key}, {hours} {plan.calendar.timezone}, {_targets(plan)})", _LIMIT
    )


def plan_record(plan: Plan) -> dict[str, Any]:
    """A plan summary: calendar, targets per priority (short form), fee and source."""
    record: dict[str, Any] = {
        "plan": plan.key,
        "title": plan.title("en"),
        "timezone": plan.calendar.timezone,
        "hours": str(plan.calendar.hours),
        "country": plan.calendar.country,
        "working_days": None if plan.working_days is None else str(plan.working_days),
    }
    for number, target in enumerate(plan.reaction, start=1):
        record[f"reaction_p{number}"] = target.short()
    for number, maybe in enumerate(plan.resolution, start=1):
        record[f"resolution_p{number}"] = None if maybe is None else maybe.short()
    record.update(
        fee=_display.decimal_text(plan.fee),
        currency=plan.currency,
        fee_is_minimum=plan.fee_is_minimum,
        minimum_term_months=plan.minimum_term_months,
        contacts=plan.contacts,
        source=plan.source,
    )
    return record


def _fee(plan: Plan, locale: str) -> str:
    tr = translator(locale, "sla")
    if plan.fee is None or plan.currency is None:
        return tr.gettext("not stated")
    amount = format_money(plan.fee, plan.currency, locale)
    return tr.gettext("at least {amount}").format(amount=amount) if plan.fee_is_minimum else amount


def _hours_words(cal: Calendar, locale: str) -> str:
    tr = translator(locale, "sla")
    if cal.hours.is_24x7:
        return tr.gettext("around the clock (24x7)")
    return cal.hours.describe(locale)


def _working_days(plan: Plan, locale: str) -> str | None:
    name = plan.working_days_name
    if plan.working_days is None:
        return None
    if name is None:
        return str(plan.working_days)
    return localize(name if isinstance(name, str) else dict(name), locale, "sla")


def plan_html(plan: Plan, locale: str) -> str:
    """The targets per priority, then service hours, fee, term and source document."""
    tr = translator(locale, "sla")
    none = tr.gettext("no target")
    rows = [
        (
            priority.label(locale),
            reaction.describe(locale),
            none if resolution is None else resolution.describe(locale),
        )
        for priority, reaction, resolution in zip(
            Priority, plan.reaction, plan.resolution, strict=True
        )
    ]
    header = (tr.gettext("Priority"), tr.gettext("Reaction"), tr.gettext("Resolution"))
    months = plan.minimum_term_months
    facts = [
        (
            tr.gettext("Service hours"),
            f"{_hours_words(plan.calendar, locale)}, {plan.calendar.timezone}",
        ),
        (
            tr.gettext("Working days"),
            _working_days(plan, locale),
        ),
        (tr.gettext("Fee per month"), _fee(plan, locale)),
        (
            tr.gettext("Minimum term"),
            tr.gettext("not stated")
            if months is None
            else tr.ngettext("{n} month", "{n} months", months).format(n=months),
        ),
        (tr.gettext("Source document"), plan.source),
    ]
    return _display.grid(header, rows, plan.title(locale)) + _display.pairs(facts)


# --- deadlines, clocks and statuses ----------------------------------------------------


def deadline_repr(deadline: Deadline) -> str:
    """``Deadline(reaction, premium P1, due 2026-11-22T00:30+03:00)``."""
    agreed = ", agreed" if deadline.agreed else ""
    return _display.clip(
        f"Deadline({deadline.metric.value}, {deadline.plan.key} P{int(deadline.priority)}, "
        f"due {_display.short_instant(deadline.due)}{agreed})",
        _LIMIT,
    )


def deadline_record(deadline: Deadline) -> dict[str, Any]:
    """The deadline's facts: plan, priority, clock, opening, clock start, target, due."""
    return {
        "plan": deadline.plan.key,
        "priority": int(deadline.priority),
        "metric": deadline.metric.value,
        "opened": _display.iso(deadline.opened),
        "start": _display.iso(deadline.start),
        "start_reason": deadline.start_reason.value,
        "target": None if deadline.target is None else deadline.target.short(),
        "agreed": deadline.agreed,
        "due": _display.iso(deadline.due),
        "timezone": deadline.calendar.timezone,
        "pauses": len(deadline.pauses),
        "restarted": _display.iso(deadline.restarted),
    }


def deadline_html(deadline: Deadline, locale: str) -> str:
    """Plan, priority, clock, target, opening, clock start and due time, localized."""
    tr = translator(locale, "sla")
    cal = deadline.calendar
    target = deadline.target
    rows = [
        (tr.gettext("Plan"), deadline.plan.title(locale)),
        (tr.gettext("Priority"), deadline.priority.label(locale)),
        (tr.gettext("Clock"), deadline.metric.label(locale)),
        (
            tr.gettext("Target"),
            tr.gettext("agreed for this ticket")
            if deadline.agreed or target is None
            else target.describe(locale),
        ),
        (tr.gettext("Opened"), _when(deadline.opened, cal, locale)),
        (tr.gettext("Clock started"), _when(deadline.start, cal, locale)),
        (tr.gettext("Due"), _when(deadline.due, cal, locale)),
        (tr.gettext("Time zone"), cal.timezone),
    ]
    return _display.pairs(rows, tr.gettext("Deadline"))


def clock_repr(clock: Clock) -> str:
    """``Clock(resolution P2, met, due 2026-11-27T09:00+03:00, remaining 18h00m)``."""
    return _display.clip(
        f"Clock({clock.metric.value} P{int(clock.priority)}, {clock.state.value}, "
        f"due {_display.short_instant(clock.due)}, remaining {_duration(clock.remaining)})",
        _LIMIT,
    )


def clock_record(clock: Clock) -> dict[str, Any]:
    """The clock's facts; ``remaining_minutes`` is business minutes (< 0 once overdue)."""
    return {
        "plan": clock.deadline.plan.key,
        "metric": clock.metric.value,
        "priority": int(clock.priority),
        "state": clock.state.value,
        "due": _display.iso(clock.due),
        "remaining_minutes": _display.minutes(clock.remaining),
        "stopped": _display.iso(clock.stopped),
    }


def _clock_row(clock: Clock, locale: str) -> tuple[str | None, ...]:
    cal = clock.deadline.calendar
    return (
        clock.metric.label(locale),
        clock.priority.label(locale),
        clock.state.label(locale),
        _when(clock.due, cal, locale),
        format_duration(clock.remaining, locale),
        _when(clock.stopped, cal, locale),
    )


def _clock_header(locale: str) -> tuple[str, ...]:
    tr = translator(locale, "sla")
    return (
        tr.gettext("Clock"),
        tr.gettext("Priority"),
        tr.gettext("State"),
        tr.gettext("Due"),
        tr.gettext("Remaining"),
        tr.gettext("Stopped"),
    )


def clock_html(clock: Clock, locale: str) -> str:
    """One row: clock, priority, state, due, remaining business time, stop instant."""
    return _display.grid(_clock_header(locale), [_clock_row(clock, locale)])


def status_repr(status: Status) -> str:
    """``Status(P2 at 2026-12-01T00:00+00:00: reaction met, resolution met)``."""
    states = [f"reaction {status.reaction.state.value}"]
    if status.resolution is not None:
        states.append(f"resolution {status.resolution.state.value}")
    return _display.clip(
        f"Status(P{int(status.priority)} at {_display.short_instant(status.now)}: "
        f"{', '.join(states)})",
        _LIMIT,
    )


def status_record(status: Status) -> dict[str, Any]:
    """One flat row per ticket: ``reaction_*`` and ``resolution_*`` columns (None
    without a resolution target), and ``earlier``, the clocks a workaround closed."""
    record: dict[str, Any] = {
        "plan": status.reaction.deadline.plan.key,
        "now": _display.iso(status.now),
        "priority": int(status.priority),
    }
    for name, clock in (("reaction", status.reaction), ("resolution", status.resolution)):
        record[f"{name}_state"] = None if clock is None else clock.state.value
        record[f"{name}_due"] = None if clock is None else _display.iso(clock.due)
        record[f"{name}_remaining_minutes"] = (
            None if clock is None else _display.minutes(clock.remaining)
        )
        record[f"{name}_stopped"] = None if clock is None else _display.iso(clock.stopped)
    record["earlier"] = len(status.earlier)
    return record


def status_html(status: Status, locale: str) -> str:
    """The clocks (reaction, resolution, any closed by a workaround) as table rows."""
    tr = translator(locale, "sla")
    clocks = [status.reaction, *status.earlier]
    if status.resolution is not None:
        clocks.append(status.resolution)
    caption = tr.gettext("Status at {now}").format(
        now=format_datetime(status.now, locale, tz=status.reaction.deadline.plan.calendar.tz)
    )
    return _display.grid(_clock_header(locale), [_clock_row(c, locale) for c in clocks], caption)
