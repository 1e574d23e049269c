"""SLA: business calendars, the business clock, plans, deadlines and ticket status.

Calendars and the clock (modules ``hours``, ``calendar``, ``clock``, ``days``) know
nothing of plans; plans, deadlines and status build on them.
"""

from supportpolicy.sla.calendar import Calendar, ClosedDay, calendar, closed_days
from supportpolicy.sla.clock import (
    add_business_time,
    business_time_between,
    is_open,
    next_opening,
    open_intervals,
)
from supportpolicy.sla.days import add_business_days
from supportpolicy.sla.hours import WeeklyHours, parse_hours

__all__ = [
    "Calendar",
    "ClosedDay",
    "WeeklyHours",
    "add_business_days",
    "add_business_time",
    "business_time_between",
    "calendar",
    "closed_days",
    "is_open",
    "next_opening",
    "open_intervals",
    "parse_hours",
]
