"""Engagement: Statement of Work vs. buying hours; TAM session allowances.

* Implementation services (document 000): :func:`route` an estimate, :func:`check_request`
  a request ticket, follow the process (:func:`start_process`, :class:`Step`), build a
  :func:`statement_of_work`, ask :func:`assignment_risk`.
* TAM and CSM tiers (document 003): :func:`tam_tier`, :func:`tam_statement` (the month
  ledger), :func:`quarter_review`, :func:`propose_schedule`.
* The ticket meeting (document 001): :func:`ticket_meeting`.
"""

from supportpolicy.engagement._months import Month, Quarter
from supportpolicy.engagement.implementation import (
    RequestCheck,
    RequestForm,
    RequestProblem,
    check_request,
)
from supportpolicy.engagement.meetings import (
    MeetingCadence,
    MeetingRule,
    load_meeting_rule,
    meeting_rule,
    ticket_meeting,
)
from supportpolicy.engagement.process import (
    AssignmentRisk,
    ImplementationProcess,
    Step,
    assignment_risk,
    start_process,
    steps,
    transitions,
)
from supportpolicy.engagement.reviews import QuarterReview, quarter_review
from supportpolicy.engagement.routing import (
    DEFAULT_SOW_THRESHOLD,
    Route,
    Routing,
    route,
    routing,
)
from supportpolicy.engagement.schedule import ProposedSchedule, propose_schedule, tam_calendar
from supportpolicy.engagement.sessions import Session, SessionStatus, Violation, ViolationKind
from supportpolicy.engagement.sow import (
    Phase,
    SowProblem,
    StatementOfWork,
    Travel,
    statement_of_work,
)
from supportpolicy.engagement.statement import TamStatement, tam_statement
from supportpolicy.engagement.tiers import (
    Cadence,
    TamTier,
    TierSet,
    load_tiers,
    tam_tier,
    tam_tiers,
)

__all__ = [
    "DEFAULT_SOW_THRESHOLD",
    "AssignmentRisk",
    "Cadence",
    "ImplementationProcess",
    "MeetingCadence",
    "MeetingRule",
    "Month",
    "Phase",
    "ProposedSchedule",
    "Quarter",
    "QuarterReview",
    "RequestCheck",
    "RequestForm",
    "RequestProblem",
    "Route",
    "Routing",
    "Session",
    "SessionStatus",
    "SowProblem",
    "StatementOfWork",
    "Step",
    "TamStatement",
    "TamTier",
    "TierSet",
    "Travel",
    "Violation",
    "ViolationKind",
    "assignment_risk",
    "check_request",
    "load_meeting_rule",
    "load_tiers",
    "meeting_rule",
    "propose_schedule",
    "quarter_review",
    "route",
    "routing",
    "start_process",
    "statement_of_work",
    "steps",
    "tam_calendar",
    "tam_statement",
    "tam_tier",
    "tam_tiers",
    "ticket_meeting",
    "transitions",
]
