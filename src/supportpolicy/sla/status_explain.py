"""The localized account of a ticket's status: every clock, pause, cycle and warning.

One block per clock, metrics in the order of the metric table (metrics.py): when and
why it started, its target, each pause with its reason and how far it moved the due
instant, its cycle, its warnings, and whether it was met or breached and by how much
(business time on the clock's calendar; calendar time where no business time lies
between, as after a due instant at closing time).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Protocol

from supportpolicy.i18n import N_, format_datetime, format_duration, translator
from supportpolicy.sla.clock import business_time_between
from supportpolicy.sla.clocks import Clock, State
from supportpolicy.sla.deadlines import extend
from supportpolicy.sla.events import RESOLVED_GAP, reason_label
from supportpolicy.sla.metrics import METRICS
from supportpolicy.sla.targets import Metric, StartReason
from supportpolicy.sla.versions import version_text


class Status(Protocol):
    """What the account reads of a :class:`~supportpolicy.sla.Status` (status.py
    imports this module, so the type is described here, not imported)."""

    @property
    def now(self) -> dt.datetime: ...
    @property
    def reaction(self) -> Clock: ...
    @property
    def clocks(self) -> Mapping[Metric, tuple[Clock, ...]]: ...
    @property
    def requester_wait(self) -> dt.timedelta: ...
    @property
    def agent_work(self) -> dt.timedelta: ...
    @property
    def next_check(self) -> dt.datetime | None: ...


__all__ = ["explain_status"]

_STARTED = {
    StartReason.OPENED: N_("Started {when}: the ticket was opened."),
    StartReason.OUTSIDE_HOURS: N_(
        "Started {when}: the ticket was opened outside service hours, so the clock counts "
        "from the next opening."
    ),
    StartReason.WORKAROUND: N_("Started {when}: a workaround lowered the priority-1 incident."),
    StartReason.CUSTOMER_MESSAGE: N_(
        "Started {when}: the customer wrote after the agent's last reply."
    ),
    StartReason.AGENT_UPDATE: N_("Started {when}: an agent updated the ticket."),
    StartReason.REOPENED: N_("Started {when}: the ticket was reopened."),
}


def _when(instant: dt.datetime, clock: Clock, locale: str) -> str:
    return format_datetime(instant, locale, tz=clock.calendar.tz, format="medium")


def _margin(clock: Clock, instant: dt.datetime) -> dt.timedelta:
    business = abs(business_time_between(clock.calendar, instant, clock.due))
    if business:
        return business
    return abs(instant.astimezone(dt.UTC) - clock.due.astimezone(dt.UTC))


def _pause_lines(clock: Clock, locale: str) -> list[str]:
    tr = translator(locale, "sla")
    lines = []
    deadline = clock.deadline
    due = clock._nominal_due()
    cal = clock.calendar
    for (begin, end), reason in zip(deadline.pauses, clock.reasons, strict=True):
        if deadline.agreed:
            moved = dt.timedelta()
        else:
            later = extend(cal, due, [(begin, end)])
            moved = business_time_between(cal, due, later)
            due = later
        values = {
            "start": _when(begin, clock, locale),
            "end": _when(end, clock, locale),
            "moved": format_duration(moved, locale),
            "reason": reason_label(reason, locale),
        }
        if reason == RESOLVED_GAP and clock.cycle > 1:
            text = N_("Resolved from {start} to {end}, then reopened: the due instant moved "
                      "{moved} later.")  # fmt: skip
        elif moved:
            text = N_("Paused from {start} to {end} ({reason}): the due instant moved {moved} "
                      "later.")  # fmt: skip
        else:
            text = N_("Paused from {start} to {end} ({reason}): the due instant did not move.")
        lines.append(tr.gettext(text).format(**values))
    return lines


def _outcome(clock: Clock, locale: str) -> str:
    tr = translator(locale, "sla")
    due = _when(clock.due, clock, locale)
    if clock.stopped is not None:
        values = {"when": _when(clock.stopped, clock, locale), "due": due,
                  "margin": format_duration(_margin(clock, clock.stopped), locale)}  # fmt: skip
        if clock.state is State.MET:
            return tr.gettext("Met {when}, {margin} before the due instant {due}.").format(**values)
        return tr.gettext("Breached: stopped {when}, {margin} after the due instant {due}.").format(
            **values
        )
    margin = format_duration(_margin(clock, clock.until), locale)
    if clock.state is State.BREACHED:
        return tr.gettext("Breached: due {due}, overdue by {margin}.").format(
            due=due, margin=margin
        )
    if clock.state is State.PAUSED:
        text = N_("Paused now: due {due} so far; it moves later while the pause lasts.")
        return tr.gettext(text).format(due=due)
    return tr.gettext("Running: due {due}, {margin} left.").format(due=due, margin=margin)


def _clock_lines(clock: Clock, number: int | None, locale: str) -> list[str]:
    tr = translator(locale, "sla")
    head = tr.gettext(METRICS[clock.metric].priority_row).format(n=int(clock.priority))
    lines = [f"{head}{'' if number is None else f' #{number}'}:"]
    deadline = clock.deadline
    lines.append(tr.gettext(_STARTED[deadline.start_reason]).format(
        when=_when(deadline.start, clock, locale)))  # fmt: skip
    if clock.cycle > 1:
        reopened = [end for (_, end), r in zip(deadline.pauses, clock.reasons, strict=True)
                    if r == RESOLVED_GAP]  # fmt: skip
        lines.append(
            tr.gettext("Cycle {n}: reopened {when}; the time already used counts on.").format(
                n=clock.cycle, when=_when(reopened[-1], clock, locale)
            )
        )
    if deadline.agreed or deadline.target is None:
        lines.append(tr.gettext("The resolution deadline was agreed for this ticket."))
    else:
        target = deadline.target.describe(locale)
        lines.append(tr.gettext("Target: {target}.").format(target=target))
    lines.extend(_pause_lines(clock, locale))
    lines.extend(
        tr.gettext("Warning at {threshold}: {when}.").format(
            threshold=threshold.describe(locale), when=_when(at, clock, locale)
        )
        for threshold, at in clock.warnings
    )
    lines.append(_outcome(clock, locale))
    return ["  " + line if i else line for i, line in enumerate(lines)]


def explain_status(status: Status, locale: str) -> str:
    """The account of *status* in *locale*, one statement per line."""
    tr = translator(locale, "sla")
    tz = status.reaction.plan.calendar.tz
    lines = [
        tr.gettext("Status at {now}").format(now=format_datetime(status.now, locale, tz=tz)) + ":"
    ]
    version = version_text(status.reaction.plan.effective, locale)
    lines.extend([] if version is None else [version])
    for clocks in status.clocks.values():
        for index, clock in enumerate(clocks, start=1):
            lines.extend(_clock_lines(clock, index if len(clocks) > 1 else None, locale))
    lines.append(
        tr.gettext("Requester wait: {wait}; agent work: {work}.").format(
            wait=format_duration(status.requester_wait, locale),
            work=format_duration(status.agent_work, locale),
        )
    )
    check = status.next_check
    if check is not None:
        lines.append(
            tr.gettext("Next check: {when}.").format(when=format_datetime(check, locale, tz=tz))
        )
    return "\n".join(lines)
