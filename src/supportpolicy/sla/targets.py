"""SLA targets: a duration in one unit, counted on a business calendar.

Minutes and hours count business time on the plan's service calendar; business days
count whole working days on the plan's working-day calendar (semantics.md, SLA clocks).
"""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from supportpolicy import _coerce, _limits
from supportpolicy._render import Labelled
from supportpolicy.i18n import N_, translator

__all__ = ["Metric", "StartReason", "Target", "Unit"]


class Unit(enum.Enum):
    """The unit of a target."""

    MINUTES = "minutes"
    HOURS = "hours"
    BUSINESS_DAYS = "business_days"


class Metric(Labelled):
    """Which SLA clock (semantics.md, "SLA clocks"): time to first reaction, to
    resolution, to the next reply after a customer message, or between updates.

    >>> Metric.RESOLUTION.label("de")
    'Lösung'
    """

    REACTION = "reaction", N_("reaction")
    RESOLUTION = "resolution", N_("resolution")
    NEXT_REPLY = "next_reply", N_("next reply")
    PERIODIC_UPDATE = "periodic_update", N_("periodic update")


class StartReason(enum.Enum):
    """Why an SLA clock started when it did."""

    OPENED = "opened"
    """The ticket was opened while the calendar was open: the clock started at once."""
    OUTSIDE_HOURS = "outside-hours"
    """Opened while the calendar was closed: the clock started at the next opening."""
    WORKAROUND = "workaround"
    """A priority-1 incident was lowered by a workaround: the new priority's clock started then."""
    CUSTOMER_MESSAGE = "customer-message"
    """A customer wrote after the agent's last reply: a next-reply clock started."""
    AGENT_UPDATE = "agent-update"
    """An agent updated the ticket: the next periodic-update clock started."""
    REOPENED = "reopened"
    """The ticket was reopened: its clock started again (resolution: continued)."""


def _amount(value: object) -> int:
    """A target amount: an integer (numpy's included, bool refused) from 1 to
    ``_limits.MAX_TARGET_AMOUNT``."""
    return _coerce.integer(value, "target amount", minimum=1, maximum=_limits.MAX_TARGET_AMOUNT)


def _delta(target: Target) -> dt.timedelta | None:
    if target.unit is Unit.MINUTES:
        return dt.timedelta(minutes=target.amount)
    if target.unit is Unit.HOURS:
        return dt.timedelta(hours=target.amount)
    return None


@attrs.frozen
class Target:
    """A target such as 4 business hours or 3 business days.

    >>> Target(4, Unit.HOURS).duration
    datetime.timedelta(seconds=14400)
    >>> Target(3, Unit.BUSINESS_DAYS).describe("de")
    '3 Arbeitstage'
    """

    amount: int = attrs.field(converter=_amount)
    unit: Unit = attrs.field(validator=attrs.validators.instance_of(Unit))
    duration: dt.timedelta | None = attrs.field(
        init=False, eq=False, repr=False, default=attrs.Factory(_delta, takes_self=True)
    )
    """The business time to add (minutes/hours), or None for business days."""

    @property
    def in_days(self) -> bool:
        """Whether the target counts whole business days."""
        return self.unit is Unit.BUSINESS_DAYS

    def describe(self, locale: str = "en") -> str:
        """The target in words, localized: ``"60 minutes"``, ``"3 business days"``."""
        tr = translator(locale, "sla")
        n = self.amount
        if self.unit is Unit.MINUTES:
            return tr.ngettext("{n} minute", "{n} minutes", n).format(n=n)
        if self.unit is Unit.HOURS:
            return tr.ngettext("{n} hour", "{n} hours", n).format(n=n)
        return tr.ngettext("{n} business day", "{n} business days", n).format(n=n)

    def short(self) -> str:
        """A compact, language-neutral form for tables and JSON: ``60min``, ``4h``, ``3bd``."""
        suffix = {Unit.MINUTES: "min", Unit.HOURS: "h", Unit.BUSINESS_DAYS: "bd"}[self.unit]
        return f"{self.amount}{suffix}"
