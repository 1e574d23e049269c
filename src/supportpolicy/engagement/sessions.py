"""TAM working sessions: appointments, their status, and rule violations (003).

A :class:`Session` is one appointment of a month: when it starts, how long it ran or was
planned, whether it was held or cancelled (and by whom), and whether it served as the
quarterly review. A rescheduled appointment is its cancelled original plus a new
session; the two are not linked, and the ledger needs no link (see ``statement``).
"""

from __future__ import annotations

import datetime as dt

import attrs

from supportpolicy import _coerce
from supportpolicy._render import Labelled
from supportpolicy.engagement._months import DEFAULT_TIMEZONE, zone
from supportpolicy.errors import InvalidTypeError
from supportpolicy.i18n import N_

__all__ = ["MAX_SESSION_MINUTES", "Session", "SessionStatus", "Violation", "ViolationKind"]

MAX_SESSION_MINUTES = 24 * 60
"""Longest duration a session value may carry at all (longer input is impossible)."""


class SessionStatus(Labelled):
    """What became of an appointment."""

    HELD = "held", N_("held")
    CANCELLED_BY_CUSTOMER = "cancelled-by-customer", N_("cancelled by the customer")
    CANCELLED_BY_TAM = "cancelled-by-tam", N_("cancelled by the TAM")


def _status(value: object) -> SessionStatus:
    return _coerce.member(SessionStatus, value, "session status")


def _minutes(value: object) -> int:
    return _coerce.integer(value, "session minutes", minimum=1, maximum=MAX_SESSION_MINUTES)


def _review(value: object) -> bool:
    if not isinstance(value, bool):
        raise InvalidTypeError(f"review must be True or False, got {type(value).__name__}")
    return value


def _at(value: object) -> dt.datetime:
    return _coerce.aware(value, "session start")


@attrs.frozen
class Session:
    """One appointment: start instant, minutes, status, and whether it was the review.

    >>> import datetime as dt
    >>> from zoneinfo import ZoneInfo
    >>> s = Session(dt.datetime(2026, 11, 3, 10, tzinfo=ZoneInfo("America/New_York")),
    ...             status="cancelled-by-tam")
    >>> s.status, s.minutes
    (<SessionStatus.CANCELLED_BY_TAM: 'cancelled-by-tam'>, 60)
    """

    at: dt.datetime = attrs.field(converter=_at)
    minutes: int = attrs.field(default=60, converter=_minutes)
    status: SessionStatus = attrs.field(default=SessionStatus.HELD, converter=_status)
    review: bool = attrs.field(default=False, converter=_review)

    @property
    def held(self) -> bool:
        """Whether the session took place."""
        return self.status is SessionStatus.HELD


class ViolationKind(Labelled):
    """The rules of 003 a month's sessions can break."""

    TOO_LONG = (
        "too-long",
        N_("The session of {at} lasted {minutes} minutes; sessions last at most {limit}."),
    )
    OUTSIDE_MONTH = (
        "outside-month",
        N_(
            "The session of {at} lies outside {month}; it belongs to that month's statement "
            "and is not counted here."
        ),
    )
    RESCHEDULED_OUTSIDE_MONTH = (
        "rescheduled-outside-month",
        N_(
            "The session of {at} lies after {month}, which has a session the customer "
            "cancelled; a customer's cancellation may be rescheduled only within the month "
            "of the original appointment, so it is forfeited."
        ),
    )
    REVIEW_NOT_HELD = (
        "review-not-held",
        N_("The session of {at} is marked as the quarterly review but was not held."),
    )


@attrs.frozen
class Violation:
    """A session that breaks a rule, with the month and tier limit for the message."""

    kind: ViolationKind
    session: Session
    month: str
    limit: int = 60

    def explain(self, locale: object = "en", timezone: str = DEFAULT_TIMEZONE) -> str:
        """The violation in words, the session time shown in *timezone*."""
        when = self.session.at.astimezone(zone(timezone)).isoformat(" ", "minutes")
        return self.kind.label(locale).format(
            at=when, minutes=self.session.minutes, limit=self.limit, month=self.month
        )
