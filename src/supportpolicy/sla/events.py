"""Ticket events: the timeline that :func:`~supportpolicy.sla.evaluate` reads.

Each event is an immutable value checked when it is built: instants must be aware
datetimes and priorities 1-4 (ints and strings accepted). Whether the events form a
valid timeline (one opening, in order, no resume without a pause) is checked by
:func:`timeline`, which never modifies the caller's iterable.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import attrs

from supportpolicy._coerce import aware
from supportpolicy.errors import EventError, InvalidTypeError
from supportpolicy.sla.priorities import Priority, as_priority

__all__ = [
    "AgreedDeadline",
    "Event",
    "Opened",
    "PriorityChanged",
    "Resolved",
    "Responded",
    "Resumed",
    "WaitingOnCustomer",
    "timeline",
]


def _at(value: object) -> dt.datetime:
    return aware(value, "event instant")


def _utc(instant: dt.datetime) -> dt.datetime:
    """*instant* in UTC, for comparing: Python compares two datetimes that share a
    tzinfo by wall clock, ignoring ``fold``, which misorders instants in a DST fold."""
    return instant.astimezone(dt.UTC)


def _due(value: object) -> dt.datetime:
    return aware(value, "agreed deadline")


@attrs.frozen
class _Instant:
    """An event that is only an instant: each kind below is its own class of it."""

    at: dt.datetime = attrs.field(converter=_at)


@attrs.frozen
class _Prioritized(_Instant):
    """An event that sets the priority from its instant on."""

    priority: Priority = attrs.field(converter=as_priority)


class Opened(_Prioritized):
    """The ticket was opened with a priority; both SLA clocks start here."""

    __slots__ = ()


class Responded(_Instant):
    """A first (or later) response to the customer; stops the reaction clock."""

    __slots__ = ()


class WaitingOnCustomer(_Instant):
    """The ticket went to the customer for questions: pauses resolution, counts as a response."""

    __slots__ = ()


class Resumed(_Instant):
    """The customer answered; the resolution clock runs again."""

    __slots__ = ()


class PriorityChanged(_Prioritized):
    """The priority changed; clocks keep their start, the new targets apply."""

    __slots__ = ()


class Resolved(_Instant):
    """The ticket was resolved; stops the resolution clock (and the reaction clock)."""

    __slots__ = ()


@attrs.frozen
class AgreedDeadline:
    """A resolution deadline agreed for this ticket; replaces the computed one."""

    at: dt.datetime = attrs.field(converter=_at)
    due: dt.datetime = attrs.field(converter=_due)

    def __attrs_post_init__(self) -> None:
        if _utc(self.due) < _utc(self.at):
            raise EventError(
                f"agreed deadline {self.due.isoformat()} is before the agreement at "
                f"{self.at.isoformat()}; an agreed deadline must be at or after it is agreed"
            )


Event = (
    Opened | Responded | WaitingOnCustomer | Resumed | PriorityChanged | Resolved | AgreedDeadline
)

# Order of kinds among events at the same instant (see docs/plans.md, "Ticket status").
_RANK: dict[type, int] = {
    Opened: 0,
    PriorityChanged: 1,
    AgreedDeadline: 2,
    Responded: 3,
    Resumed: 4,
    WaitingOnCustomer: 4,
    Resolved: 5,
}


def timeline(events: Iterable[object]) -> tuple[Event, ...]:
    """The events as a checked tuple in canonical order.

    Events must be listed in time order (equal instants in any order); exactly one
    :class:`Opened` comes first in time; nothing follows :class:`Resolved`. Among events
    at one instant the kinds are put in a fixed order (opening, priority change, agreed
    deadline, response, pause/resume, resolution), keeping the listed order within a
    kind. Pauses and resumes must alternate; a resume without a pause, or a second pause
    while paused, is refused.
    """
    try:
        items = list(events)
    except TypeError:
        raise InvalidTypeError(
            f"events must be an iterable of sla events, got {type(events).__name__}"
        ) from None
    previous: dt.datetime | None = None
    for index, event in enumerate(items):
        if type(event) not in _RANK:
            raise InvalidTypeError(
                f"event #{index} is a {type(event).__name__}; accepted: Opened, Responded, "
                "WaitingOnCustomer, Resumed, PriorityChanged, Resolved, AgreedDeadline"
            )
        at: dt.datetime = event.at  # type: ignore[attr-defined]
        if previous is not None and _utc(at) < _utc(previous):
            raise EventError(
                f"event #{index} ({type(event).__name__} at {at.isoformat()}) is earlier than "
                f"the event before it ({previous.isoformat()}); list events in time order"
            )
        previous = at
    ordered: list[Event] = sorted(
        items,  # type: ignore[arg-type]
        key=lambda e: (_utc(e.at), _RANK[type(e)]),
    )
    _check(ordered)
    return tuple(ordered)


def _check(ordered: list[Event]) -> None:
    openings = [e for e in ordered if isinstance(e, Opened)]
    if len(openings) != 1:
        what = "no Opened event" if not openings else f"{len(openings)} Opened events"
        raise EventError(f"a ticket has exactly one Opened event; got {what}")
    if not isinstance(ordered[0], Opened):
        raise EventError(
            f"{type(ordered[0]).__name__} at {ordered[0].at.isoformat()} comes before the ticket "
            f"was opened ({openings[0].at.isoformat()}); no event may precede Opened"
        )
    resolved = [e for e in ordered if isinstance(e, Resolved)]
    if resolved and ordered[-1] is not resolved[0]:
        late = ordered[ordered.index(resolved[0]) + 1]
        raise EventError(
            f"{type(late).__name__} at {late.at.isoformat()} follows Resolved; "
            "a resolved ticket takes no further events (open a new ticket)"
        )
    _check_pauses(ordered)


def _check_pauses(ordered: list[Event]) -> None:
    """Pauses and resumes alternate; at one instant they may be listed either way round."""
    paused = False
    index = 0
    while index < len(ordered):
        at = ordered[index].at
        group = []
        while index < len(ordered) and _utc(ordered[index].at) == _utc(at):
            group.append(ordered[index])
            index += 1
        waits = sum(isinstance(e, WaitingOnCustomer) for e in group)
        resumes = sum(isinstance(e, Resumed) for e in group)
        balance = resumes - waits if paused else waits - resumes
        if balance not in (0, 1):
            if paused:
                problem = (
                    "a second WaitingOnCustomer while already waiting"
                    if balance < 0
                    else ("more Resumed than pauses")
                )
            else:
                problem = (
                    "Resumed without a WaitingOnCustomer before it"
                    if balance < 0
                    else ("a second WaitingOnCustomer while already waiting")
                )
            raise EventError(
                f"at {at.isoformat()}: {problem}; pauses and resumes must alternate, "
                "starting with WaitingOnCustomer"
            )
        paused = paused != (balance == 1)
