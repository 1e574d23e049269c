"""SLA: business calendars, the business clock, plans, deadlines and ticket status.

Calendars and the clock (``hours``, ``calendars``, ``clock``, ``days`` and the rest) know
nothing of plans; plans, deadlines and status build on them.
"""

from supportpolicy.sla.algebra import intersection, union
from supportpolicy.sla.calendars import Calendar, calendar
from supportpolicy.sla.clock import (
    add_business_time,
    business_time_between,
    is_open,
    next_opening,
    open_intervals,
    previous_closing,
    subtract_business_time,
)
from supportpolicy.sla.closed import ClosedDay, closed_days
from supportpolicy.sla.days import add_business_days
from supportpolicy.sla.deadlines import (
    Deadline,
    StartReason,
    reaction_deadline,
    resolution_deadline,
)
from supportpolicy.sla.eventlog import read_events
from supportpolicy.sla.events import (
    AgentReplied,
    AgreedDeadline,
    CustomerReplied,
    Opened,
    Paused,
    PriorityChanged,
    Reopened,
    Resolved,
    Responded,
    Resumed,
    WaitingOnCustomer,
)
from supportpolicy.sla.explain import plans_table
from supportpolicy.sla.hours import WeeklyHours, parse_hours
from supportpolicy.sla.plans import Plan, load_plans, plan, plan_names
from supportpolicy.sla.priorities import Priority
from supportpolicy.sla.status import Clock, State, Status, evaluate
from supportpolicy.sla.targets import Metric, Target, Unit

__all__ = [
    "AgentReplied",
    "AgreedDeadline",
    "Calendar",
    "Clock",
    "ClosedDay",
    "CustomerReplied",
    "Deadline",
    "Metric",
    "Opened",
    "Paused",
    "Plan",
    "Priority",
    "PriorityChanged",
    "Reopened",
    "Resolved",
    "Responded",
    "Resumed",
    "StartReason",
    "State",
    "Status",
    "Target",
    "Unit",
    "WaitingOnCustomer",
    "WeeklyHours",
    "add_business_days",
    "add_business_time",
    "business_time_between",
    "calendar",
    "closed_days",
    "evaluate",
    "intersection",
    "is_open",
    "load_plans",
    "next_opening",
    "open_intervals",
    "parse_hours",
    "plan",
    "plan_names",
    "plans_table",
    "previous_closing",
    "reaction_deadline",
    "read_events",
    "resolution_deadline",
    "subtract_business_time",
    "union",
]
