"""Ticket events: the timeline that :func:`~supportpolicy.sla.evaluate` reads.

Each event is an immutable value checked when it is built: instants must be aware
datetimes and priorities 1-4 (ints and strings accepted). Whether the events form a
valid timeline (one opening, in order, no resume without a pause) is checked by
:func:`timeline`, which never modifies the caller's iterable.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable

import attrs

from supportpolicy._coerce import aware
from supportpolicy.errors import EventError, InvalidTypeError, InvalidValueError, shown
from supportpolicy.i18n import N_, translator
from supportpolicy.sla.priorities import Priority, as_priority

__all__ = [
    "AgentReplied",
    "AgreedDeadline",
    "CustomerReplied",
    "Event",
    "Opened",
    "Paused",
    "PriorityChanged",
    "Reopened",
    "Resolved",
    "Responded",
    "Resumed",
    "WaitingOnCustomer",
    "reason_label",
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


class CustomerReplied(_Instant):
    """A customer message after the opening; it starts a next-reply clock (semantics.md)."""

    __slots__ = ()


class AgentReplied(_Instant):
    """An agent's public reply; the first one is the reaction, each one an update."""

    __slots__ = ()


class Reopened(_Instant):
    """A resolved ticket was reopened: the resolution clock continues where it stopped."""

    __slots__ = ()


def pause_reason(value: object, name: str = "pause reason") -> str:
    """*value* as a pause reason (stripped), else refused: the one check of a reason,
    for events and for the reasons a :class:`~supportpolicy.sla.Deadline` carries.

    A reason is a non-empty text of at most 100 characters without control characters
    (an explanation gives one line per pause); ``resolved`` is reserved for the time a
    ticket stayed resolved before a reopening, which clocks give that reason.
    """
    if not isinstance(value, str):
        raise InvalidTypeError(
            f"{name} must be a str such as 'customer', 'vendor' or 'approval', "
            f"got {type(value).__name__}"
        )
    reason = value.strip()
    problem = (
        "empty" if not reason
        else "too long" if len(reason) > _MAX_REASON
        else "a text with a control character" if any(unicodedata.category(c) == "Cc"
                                                        for c in reason)
        else f"reserved for the time a ticket stayed {RESOLVED_GAP}"
        if reason == RESOLVED_GAP else None
    )  # fmt: skip
    if problem is not None:
        raise InvalidValueError(
            f"{name} {shown(value)} is {problem}; accepted: a text of 1 to {_MAX_REASON} "
            f"characters without control characters, other than {RESOLVED_GAP!r}"
        )
    return reason


_MAX_REASON = 100
RESOLVED_GAP = "resolved"
"""The reason a clock gives the time between a resolution and its reopening (reserved:
no pause may be given it)."""
_REASON_LABELS = {
    "customer": N_("waiting on the customer"),
    "vendor": N_("waiting on a vendor"),
    "approval": N_("waiting for an approval"),
}


def reason_label(reason: str, locale: str = "en") -> str:
    """A pause reason for a person: the three known ones localized, any other clipped.

    >>> reason_label("vendor", "de")
    'wartet auf einen Lieferanten'
    """
    known = _REASON_LABELS.get(reason)
    if known is None:
        return reason if len(reason) <= 40 else f"{reason[:39]}…"
    return translator(locale, "sla").gettext(known)


@attrs.frozen
class Paused:
    """The ticket waits, for *reason* (``customer``, ``vendor``, ``approval`` or any text):
    each clock whose plan names that reason pauses (plans.md, ``pause_on``)."""

    at: dt.datetime = attrs.field(converter=_at)
    reason: str = attrs.field(default="customer", converter=pause_reason)


@attrs.frozen
class WaitingOnCustomer(Paused):
    """``Paused(at, reason="customer")``, the name kept from the first release."""

    at: dt.datetime = attrs.field(converter=_at)
    reason: str = attrs.field(default="customer", init=False)


class Resumed(_Instant):
    """The wait is over; the paused clocks run again."""

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
    Opened
    | Responded
    | AgentReplied
    | CustomerReplied
    | Paused
    | Resumed
    | PriorityChanged
    | Resolved
    | Reopened
    | AgreedDeadline
)

# Order of kinds among events at the same instant (plans.md, "Ticket status"): a
# reopening comes first (a customer message that reopens a ticket is read after it), a
# resolution last. Pauses and resumes at one instant alternate from the state before it.
_RANK: dict[type, int] = {
    Opened: 0,
    Reopened: 1,
    PriorityChanged: 2,
    AgreedDeadline: 3,
    CustomerReplied: 4,
    Responded: 5,
    AgentReplied: 5,
    Resumed: 6,
    Paused: 6,
    WaitingOnCustomer: 6,
    Resolved: 7,
}
_KINDS = (
    "Opened, Responded, AgentReplied, CustomerReplied, Paused, WaitingOnCustomer, Resumed, "
    "PriorityChanged, Resolved, Reopened, AgreedDeadline"
)


def _named(event: Event) -> str:
    return f"{type(event).__name__} at {event.at.isoformat()}"


def timeline(events: Iterable[object]) -> tuple[Event, ...]:
    """The events as a checked tuple in canonical order.

    Events may be listed in any order: they are sorted by UTC instant, and among events
    at one instant by kind (opening, reopening, priority change, agreed deadline,
    customer message, agent reply, pause/resume, resolution), keeping the listed order
    within a kind; pauses and resumes at one instant alternate, starting from the state
    before it. Exactly one :class:`Opened` comes first; after :class:`Resolved` only
    :class:`Reopened` may follow; a resume without a pause, a pause while paused, a
    reopening of a ticket that is not resolved is refused with :class:`EventError`
    naming the event. The caller's iterable is never modified.
    """
    return timeline_utc(events)[0]


def timeline_utc(events: Iterable[object]) -> tuple[tuple[Event, ...], list[dt.datetime]]:
    """:func:`timeline`, and each of its events' instants in UTC, in the same order: the
    engine's input (internal to ``sla``, so not in ``__all__``), converted once."""
    try:
        items = list(events)
    except TypeError:
        raise InvalidTypeError(
            f"events must be an iterable of sla events, got {type(events).__name__}"
        ) from None
    keyed: list[tuple[dt.datetime, int, int, Event]] = []
    for index, event in enumerate(items):
        rank = _RANK.get(type(event))
        if rank is None:
            raise InvalidTypeError(
                f"event #{index} is a {type(event).__name__}; accepted: {_KINDS}"
            )
        keyed.append((event.at.astimezone(dt.UTC), rank, index, event))  # type: ignore[attr-defined,arg-type]
    keyed.sort()  # the index is unique: the events themselves are never compared
    ordered = [k[3] for k in keyed]
    if not ordered:
        raise EventError("a ticket has exactly one Opened event; got no events")
    instants = [k[0] for k in keyed]
    # _check only reorders pauses and resumes within one instant: the instants still align.
    return _check(ordered, instants), instants


def _check(ordered: list[Event], instants: list[dt.datetime]) -> tuple[Event, ...]:
    first = ordered[0]
    if not isinstance(first, Opened):
        openings = [e for e in ordered if isinstance(e, Opened)]
        if not openings:
            raise EventError("a ticket has exactly one Opened event; got no Opened event")
        raise EventError(
            f"{_named(first)} comes before the ticket was opened "
            f"({openings[0].at.isoformat()}); no event may precede Opened"
        )
    out: list[Event] = [first]
    paused = resolved = False
    index, count = 1, len(ordered)
    while index < count:
        event = ordered[index]
        kind = type(event)
        if kind is Opened:
            raise EventError(f"{_named(event)} is a second opening; a ticket opens once")
        if resolved and kind is not Reopened:
            raise EventError(
                f"{_named(event)} follows Resolved; a resolved ticket takes Reopened first"
            )
        if _RANK[kind] == 6:
            stop = index
            while (
                stop < count
                and _RANK[type(ordered[stop])] == 6
                and instants[stop] == instants[index]
            ):
                stop += 1
            if stop == index + 1:  # the usual case: one pause or resume at its instant
                if (kind is Resumed) is not paused:
                    raise _misplaced(event, paused)
                out.append(event)
                paused = not paused
            else:
                paused = _alternate(ordered[index:stop], paused, out)
            index = stop
            continue
        if kind is Reopened:
            if not resolved:
                raise EventError(f"{_named(event)} reopens a ticket that is not resolved")
            resolved = False
        elif kind is Resolved:
            resolved, paused = True, False
        out.append(event)
        index += 1
    return tuple(out)


def _alternate(group: list[Event], paused: bool, out: list[Event]) -> bool:
    """Append the pauses and resumes of one instant to *out*, alternating from *paused*."""
    queues = (
        [e for e in group if isinstance(e, Resumed)],
        [e for e in group if isinstance(e, Paused)],
    )
    taken = [0, 0]
    for _ in group:
        want = 0 if paused else 1
        if taken[want] == len(queues[want]):
            raise _misplaced(queues[1 - want][taken[1 - want]], paused)
        out.append(queues[want][taken[want]])
        taken[want] += 1
        paused = not paused
    return paused


def _misplaced(event: Event, paused: bool) -> EventError:
    problem = "a pause while already paused" if paused else "a Resumed without a pause"
    return EventError(f"{_named(event)}: {problem}; pauses and resumes must alternate")
