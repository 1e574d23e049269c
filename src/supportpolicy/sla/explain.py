"""The localized, human-readable account of a deadline.

Written for a support manager to send to a customer: which plan and priority, the
target and the calendar it counts on, when the clock started and why, the closed days
it skipped (holiday names in the reader's language), the pauses, and the due time in
the plan's timezone, formatted for the reader's locale.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Protocol

from supportpolicy.i18n import N_, format_date, format_datetime, translator
from supportpolicy.sla.calendars import Calendar
from supportpolicy.sla.closed import closed_between
from supportpolicy.sla.events import RESOLVED_GAP, reason_label
from supportpolicy.sla.metrics import METRICS
from supportpolicy.sla.plans import Plan, plans_of
from supportpolicy.sla.priorities import Priority
from supportpolicy.sla.targets import Metric, StartReason, Target
from supportpolicy.sla.versions import version_text
from supportpolicy.sla.views import (
    NO_TARGET,
    fee_text,
    hours_text,
    service_hours_text,
    term_text,
)

__all__ = [
    "calendar_text",
    "explain_deadline",
    "hours_text",
    "no_target_text",
    "plans_table",
    "target_text",
]

_UNNAMED_CLOSURE = N_("closed")
_PRIORITY_ROWS = {metric: rule.priority_row for metric, rule in METRICS.items()}
"""The row label of each metric's target for one priority in :func:`plans_table`."""
_TARGET_LINES = {metric: rule.target_line for metric, rule in METRICS.items()}
_DUE_LINES = {metric: rule.due_line for metric, rule in METRICS.items()}
"""The account's lines that name the metric (from the metric table, metrics.py)."""


class Deadline(Protocol):
    """What the account reads of a :class:`~supportpolicy.sla.Deadline` (the deadlines
    module imports this one, so the type is described here, not imported)."""

    @property
    def plan(self) -> Plan: ...
    @property
    def priority(self) -> Priority: ...
    @property
    def metric(self) -> Metric: ...
    @property
    def opened(self) -> dt.datetime: ...
    @property
    def due(self) -> dt.datetime: ...
    @property
    def target(self) -> Target | None: ...
    @property
    def calendar(self) -> Calendar: ...
    @property
    def pauses(self) -> Sequence[tuple[dt.datetime, dt.datetime]]: ...
    @property
    def reasons(self) -> Sequence[str]: ...
    @property
    def agreed(self) -> bool: ...
    @property
    def start(self) -> dt.datetime: ...
    @property
    def start_reason(self) -> StartReason: ...


def calendar_text(cal: Calendar, locale: str, name: str | None = None) -> str:
    """The calendar a target counts on: its name or its hours, and its timezone."""
    tr = translator(locale, "sla")
    if name is not None:
        return tr.gettext("{calendar}, time zone {timezone}").format(
            calendar=name, timezone=cal.timezone
        )
    return tr.gettext("service hours {hours}, time zone {timezone}").format(
        hours=hours_text(cal, locale),
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
    days = closed_between(cal, first, last, locale)
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
    when = format_datetime(deadline.start, locale, tz=tz, format="medium", zone=True)
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
    later = _LATER_STARTS.get(reason)
    if later is not None:
        return [tr.gettext(later).format(when=when)]
    return [
        tr.gettext(
            "A workaround lowered the priority-1 incident, which met its resolution target; "
            "the clock of the new priority started {when}."
        ).format(when=when)
    ]


_LATER_STARTS = {
    StartReason.CUSTOMER_MESSAGE: N_(
        "Started {when}: the customer wrote after the agent's last reply."
    ),
    StartReason.AGENT_UPDATE: N_("Started {when}: an agent updated the ticket."),
    StartReason.REOPENED: N_("Started {when}: the ticket was reopened."),
}
"""The clocks that start after the opening (next reply, periodic update)."""


def _pause_lines(deadline: Deadline, locale: str) -> list[str]:
    """One line per pause, with its reason (without reasons: waits on the customer)."""
    tr = translator(locale, "sla")
    tz = deadline.calendar.tz
    reasons = deadline.reasons or ("customer",) * len(deadline.pauses)
    lines = []
    for (begin, end), reason in zip(deadline.pauses, reasons, strict=True):
        if end <= begin:
            continue
        if reason == RESOLVED_GAP:
            text = N_("Resolved from {start} to {end}, then reopened: this time is not counted.")
        elif reason == "customer":
            text = N_("Waiting on the customer from {start} to {end}: this time is not counted.")
        else:
            text = N_("Paused from {start} to {end} ({reason}): this time is not counted.")
        lines.append(tr.gettext(text).format(
            start=format_datetime(begin, locale, tz=tz, format="medium", zone=True),
            end=format_datetime(end, locale, tz=tz, format="medium", zone=True),
            reason=reason_label(reason, locale),
        ))  # fmt: skip
    return lines


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
            when=format_datetime(deadline.opened, locale, tz=tz, format="medium", zone=True)
        ),
    ]
    version = version_text(plan.effective, locale)
    lines.extend([] if version is None else [version])
    if deadline.agreed or deadline.target is None:
        lines.append(tr.gettext("The resolution deadline was agreed for this ticket."))
    else:
        text = target_text(plan, deadline.target, locale)
        lines.append(tr.gettext(_TARGET_LINES[deadline.metric]).format(target=text))
        lines.extend(_start_lines(deadline, locale))
        lines.extend(_closed_lines(deadline, locale))
        lines.extend(_pause_lines(deadline, locale))
    due = format_datetime(deadline.due, locale, tz=tz, format="full")
    lines.append(tr.gettext(_DUE_LINES[deadline.metric]).format(due=due))
    return "\n".join(lines)


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
    chosen = plans_of(names)  # a bare string is one name
    rows: list[tuple[str, ...]] = [("", *(p.title(locale) for p in chosen))]
    rows.append(
        (
            tr.gettext("Service hours"),
            *(service_hours_text(p.calendar, locale) for p in chosen),
        )
    )
    none = tr.gettext(NO_TARGET)
    for metric, label in _PRIORITY_ROWS.items():
        if not any(t is not None for p in chosen for t in _targets(p, metric)) and (
            metric not in (Metric.REACTION, Metric.RESOLUTION)
        ):
            continue  # a metric that no plan of the table sets is left out
        for priority in Priority:
            targets = [_targets(p, metric)[priority - 1] for p in chosen]
            rows.append(
                (
                    tr.gettext(label).format(n=int(priority)),
                    *(none if t is None else t.describe(locale) for t in targets),
                )
            )
    rows.append(
        (
            tr.gettext("Fee per month"),
            *(fee_text(p.fee, p.currency, p.fee_is_minimum, locale) for p in chosen),
        )
    )
    rows.append(
        (tr.gettext("Minimum term"), *(term_text(p.minimum_term_months, locale) for p in chosen))
    )
    rows.append((tr.gettext("Source document"), *(p.source or "" for p in chosen)))
    return tuple(rows)


def _targets(plan: Plan, metric: Metric) -> Sequence[Target | None]:
    return tuple(plan.targets[metric].values())


def no_target_text(plan: Plan, priority: int, locale: str = "en") -> str:
    """Says, localized, that *plan* sets no resolution target for *priority*."""
    return (
        translator(locale, "sla")
        .gettext("Plan {plan} sets no resolution target for priority {n}.")
        .format(plan=plan.title(locale), n=priority)
    )
