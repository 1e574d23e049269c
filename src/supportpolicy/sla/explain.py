"""The localized, human-readable account of a deadline.

Written for a support manager to send to a customer: which plan and priority, the
target and the calendar it counts on, when the clock started and why, the closed days
it skipped (holiday names in the reader's language), the pauses, and the due time in
the plan's timezone, formatted for the reader's locale.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from supportpolicy.i18n import (
    N_,
    format_date,
    format_datetime,
    format_money,
    translator,
)
from supportpolicy.sla.calendars import Calendar, closed_days
from supportpolicy.sla.hours import WeeklyHours
from supportpolicy.sla.plans import Plan, plan, plan_names
from supportpolicy.sla.targets import Metric, StartReason, Target

if TYPE_CHECKING:
    from supportpolicy.sla.deadlines import Deadline

__all__ = [
    "calendar_text",
    "explain_deadline",
    "hours_text",
    "no_target_text",
    "plans_table",
    "target_text",
]

_UNNAMED_CLOSURE = N_("closed")


def hours_text(hours: WeeklyHours, locale: str) -> str:
    """Weekly hours in words with localized weekday names: ``"Mo–Fr 10:00-18:00"``."""
    if hours.is_24x7:
        return translator(locale, "sla").gettext("around the clock (24x7)")
    return hours.describe(locale)


def calendar_text(cal: Calendar, locale: str, name: str | None = None) -> str:
    """The calendar a target counts on: its name or its hours, and its timezone."""
    tr = translator(locale, "sla")
    if name is not None:
        return tr.gettext("{calendar}, time zone {timezone}").format(
            calendar=name, timezone=cal.timezone
        )
    return tr.gettext("service hours {hours}, time zone {timezone}").format(
        hours=hours_text(cal.hours, locale) if cal.combine is None else cal.describe(locale),
        timezone=cal.timezone,
    )


def target_text(plan: Plan, target: Target, locale: str) -> str:
    """The target and the calendar it counts on, in words."""
    tr = translator(locale, "sla")
    cal = plan.calendar_for(target)
    return tr.gettext("{target} on {calendar}").format(
        target=target.describe(locale),
        calendar=calendar_text(cal, locale, plan.calendar_name(target, locale)),
    )


def _closed_lines(deadline: Deadline, locale: str) -> list[str]:
    tr = translator(locale, "sla")
    cal = deadline.calendar
    tz = cal.tz
    first = deadline.start.astimezone(tz).date()
    last = deadline.due.astimezone(tz).date()
    days = closed_days(cal, first, last, locale)
    if not days:
        return []
    listed = ", ".join(
        "{day} ({name})".format(
            day=format_date(d.day, locale, format="long"),
            name=d.name if d.name else tr.gettext(_UNNAMED_CLOSURE),
        )
        for d in days
    )
    return [
        tr.ngettext(
            "Skipped {n} closed day: {days}.", "Skipped {n} closed days: {days}.", len(days)
        ).format(n=len(days), days=listed)
    ]


def _start_lines(deadline: Deadline, locale: str) -> list[str]:
    tr = translator(locale, "sla")
    tz = deadline.calendar.tz
    when = format_datetime(deadline.start, locale, tz=tz, format="medium")
    reason = deadline.start_reason
    if reason is StartReason.OPENED:
        return [
            tr.gettext("The clock started when the ticket was opened, {when}.").format(when=when)
        ]
    if reason is StartReason.OUTSIDE_HOURS:
        return [
            tr.gettext(
                "The ticket was opened outside service hours, so the clock started at the "
                "next opening, {when}."
            ).format(when=when)
        ]
    return [
        tr.gettext(
            "A workaround lowered the priority-1 incident, which met its resolution target; "
            "the clock of the new priority started {when}."
        ).format(when=when)
    ]


def _pause_lines(deadline: Deadline, locale: str) -> list[str]:
    tr = translator(locale, "sla")
    tz = deadline.calendar.tz
    return [
        tr.gettext(
            "Waiting on the customer from {start} to {end}: this time is not counted."
        ).format(
            start=format_datetime(begin, locale, tz=tz, format="medium"),
            end=format_datetime(end, locale, tz=tz, format="medium"),
        )
        for begin, end in deadline.pauses
        if end > begin
    ]


def explain_deadline(deadline: Deadline, locale: str) -> str:
    """The account of *deadline* in *locale*, one statement per line."""
    tr = translator(locale, "sla")
    plan = deadline.plan
    tz = deadline.calendar.tz
    lines = [
        tr.gettext("Plan: {plan}. {priority}: {definition}").format(
            plan=plan.title(locale),
            priority=deadline.priority.label(locale),
            definition=deadline.priority.definition(locale),
        ),
        tr.gettext("Ticket opened: {when}.").format(
            when=format_datetime(deadline.opened, locale, tz=tz, format="medium")
        ),
    ]
    if deadline.agreed or deadline.target is None:
        lines.append(tr.gettext("The resolution deadline was agreed for this ticket."))
    else:
        text = target_text(plan, deadline.target, locale)
        if deadline.metric is Metric.REACTION:
            lines.append(tr.gettext("Reaction target: {target}.").format(target=text))
        else:
            lines.append(tr.gettext("Resolution target: {target}.").format(target=text))
        lines.extend(_start_lines(deadline, locale))
        lines.extend(_closed_lines(deadline, locale))
        lines.extend(_pause_lines(deadline, locale))
    due = format_datetime(deadline.due, locale, tz=tz, format="full")
    if deadline.metric is Metric.REACTION:
        lines.append(tr.gettext("Reaction due: {due}.").format(due=due))
    else:
        lines.append(tr.gettext("Resolution due: {due}.").format(due=due))
    return "\n".join(lines)


def _fee_text(plan: Plan, locale: str) -> str:
    tr = translator(locale, "sla")
    if plan.fee is None or plan.currency is None:
        return tr.gettext("not stated")
    amount = format_money(plan.fee, plan.currency, locale)
    if plan.fee_is_minimum:
        return tr.gettext("at least {amount}").format(amount=amount)
    return amount


def plans_table(
    locale: str = "en", names: Iterable[str] | None = None
) -> tuple[tuple[str, ...], ...]:
    """The plans (default: every preset) as a localized table, one column per plan.

    The first row holds the plan names; each further row starts with its label:
    service hours, reaction and resolution targets per priority, monthly fee, minimum
    term and source document.

    >>> table = plans_table("en", ["basic"])
    >>> table[0], table[1]
    (('', 'Basic'), ('Service hours', 'Mon–Fri 10:00-18:00, Europe/Moscow'))
    """
    tr = translator(locale, "sla")
    chosen = [plan(name) for name in (plan_names() if names is None else names)]
    rows: list[tuple[str, ...]] = [("", *(p.title(locale) for p in chosen))]
    rows.append(
        (
            tr.gettext("Service hours"),
            *(f"{hours_text(p.calendar.hours, locale)}, {p.calendar.timezone}" for p in chosen),
        )
    )
    for index in range(4):
        label = tr.gettext("Reaction, priority {n}").format(n=index + 1)
        rows.append((label, *(p.reaction[index].describe(locale) for p in chosen)))
    none = tr.gettext("no target")
    for index in range(4):
        label = tr.gettext("Resolution, priority {n}").format(n=index + 1)
        cells = []
        for p in chosen:
            target = p.resolution[index]
            cells.append(none if target is None else target.describe(locale))
        rows.append((label, *cells))
    rows.append((tr.gettext("Fee per month"), *(_fee_text(p, locale) for p in chosen)))
    terms = []
    for p in chosen:
        months = p.minimum_term_months
        terms.append(
            tr.gettext("not stated")
            if months is None
            else tr.ngettext("{n} month", "{n} months", months).format(n=months)
        )
    rows.append((tr.gettext("Minimum term"), *terms))
    rows.append((tr.gettext("Source document"), *(p.source or "" for p in chosen)))
    return tuple(rows)


def no_target_text(plan: Plan, priority: int, locale: str = "en") -> str:
    """Says, localized, that *plan* sets no resolution target for *priority*."""
    return (
        translator(locale, "sla")
        .gettext("Plan {plan} sets no resolution target for priority {n}.")
        .format(plan=plan.title(locale), n=priority)
    )
