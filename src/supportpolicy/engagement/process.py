"""The implementation-services process of document 000 as a small state machine.

Steps in order: ticket created, assigned to the delivery team, estimated, then either a
Statement of Work signed (estimate above the threshold) or the approved hours bought,
back-office set-up (internal project, resources), consultant assigned, project phases,
and, with a SOW only, the monthly invoice for the month's services. Work and invoices
alternate month by month, so the invoice leads back to the phases.

Overdue service invoices may delay a consultant's assignment (000):
:func:`assignment_risk` says so.
"""

from __future__ import annotations

from decimal import Decimal

import attrs

from supportpolicy import _coerce
from supportpolicy._render import Labelled
from supportpolicy.engagement._text import tr
from supportpolicy.engagement.routing import DEFAULT_SOW_THRESHOLD, Route, routing
from supportpolicy.errors import InvalidValueError
from supportpolicy.i18n import N_

__all__ = [
    "AssignmentRisk",
    "ImplementationProcess",
    "Step",
    "assignment_risk",
    "start_process",
    "steps",
    "transitions",
]


class Step(Labelled):
    """A step of the implementation-services process."""

    TICKET_CREATED = "ticket-created", N_("Ticket created in the portal")
    ASSIGNED_TO_DELIVERY = "assigned-to-delivery", N_("Assigned to the delivery team")
    ESTIMATED = "estimated", N_("Effort estimated")
    SOW_SIGNED = "sow-signed", N_("Statement of Work signed")
    HOURS_PURCHASED = "hours-purchased", N_("Approved hours purchased")
    BACK_OFFICE_SETUP = (
        "back-office-setup",
        N_("Back-office set-up: internal project and resources"),
    )
    CONSULTANT_ASSIGNED = "consultant-assigned", N_("Consultant assigned")
    PHASES = "phases", N_("Project phases")
    MONTHLY_INVOICE = "monthly-invoice", N_("Monthly invoice for the month's services")

    @property
    def routes(self) -> frozenset[Route]:
        """The routes on which this step occurs (SOW-only steps name one)."""
        if self in (Step.SOW_SIGNED, Step.MONTHLY_INVOICE):
            return frozenset({Route.STATEMENT_OF_WORK})
        if self is Step.HOURS_PURCHASED:
            return frozenset({Route.PURCHASE_HOURS})
        return frozenset(Route)

    @property
    def sow_only(self) -> bool:
        """Whether only a Statement of Work has this step."""
        return self.routes == {Route.STATEMENT_OF_WORK}


_NEXT: dict[Step, tuple[Step, ...]] = {
    Step.TICKET_CREATED: (Step.ASSIGNED_TO_DELIVERY,),
    Step.ASSIGNED_TO_DELIVERY: (Step.ESTIMATED,),
    Step.ESTIMATED: (Step.SOW_SIGNED, Step.HOURS_PURCHASED),
    Step.SOW_SIGNED: (Step.BACK_OFFICE_SETUP,),
    Step.HOURS_PURCHASED: (Step.BACK_OFFICE_SETUP,),
    Step.BACK_OFFICE_SETUP: (Step.CONSULTANT_ASSIGNED,),
    Step.CONSULTANT_ASSIGNED: (Step.PHASES,),
    Step.PHASES: (Step.MONTHLY_INVOICE,),
    Step.MONTHLY_INVOICE: (Step.PHASES,),
}


def _route(value: object) -> Route:
    return _coerce.member(Route, value, "route")


def steps(route: object) -> tuple[Step, ...]:
    """The steps of *route* in order.

    >>> [s.value for s in steps("purchase-hours")][3:]
    ['hours-purchased', 'back-office-setup', 'consultant-assigned', 'phases']
    """
    chosen = _route(route)
    return tuple(step for step in Step if chosen in step.routes)


def transitions(step: object, route: object | None = None) -> tuple[Step, ...]:
    """The steps that may follow *step*; with *route* known, only that route's steps."""
    current = _coerce.member(Step, step, "step")
    following = _NEXT[current]
    if route is None:
        return following
    chosen = _route(route)
    return tuple(s for s in following if chosen in s.routes)


@attrs.frozen
class ImplementationProcess:
    """Where a request stands: its step, the steps taken, and (once estimated) the route."""

    step: Step
    history: tuple[Step, ...]
    estimate: Decimal | None = None
    route: Route | None = None
    threshold: Decimal = DEFAULT_SOW_THRESHOLD

    def allowed(self) -> tuple[Step, ...]:
        """The steps that may come next."""
        return transitions(self.step, self.route)

    def advance(self, step: object, *, hours: object = None) -> ImplementationProcess:
        """The process after moving to *step*; moving to ``estimated`` needs *hours*.

        >>> p = start_process().advance("assigned-to-delivery").advance("estimated", hours=12)
        >>> p.route.value, [s.value for s in p.allowed()]
        ('statement-of-work', ['sow-signed'])
        """
        target = _coerce.member(Step, step, "step")
        allowed = self.allowed()
        if target not in allowed:
            names = ", ".join(s.value for s in allowed)
            raise InvalidValueError(
                f"cannot go from {self.step.value!r} to {target.value!r}; allowed next: {names}"
            )
        estimate, chosen = self.estimate, self.route
        if target is Step.ESTIMATED:
            if hours is None:
                raise InvalidValueError("the 'estimated' step needs hours=, the estimate")
            decision = routing(hours, self.threshold)
            estimate, chosen = decision.hours, decision.route
        elif hours is not None:
            raise InvalidValueError("hours= is accepted only when moving to 'estimated'")
        return attrs.evolve(
            self, step=target, history=(*self.history, target), estimate=estimate, route=chosen
        )


def start_process(threshold: object = DEFAULT_SOW_THRESHOLD) -> ImplementationProcess:
    """A new request: the ticket has just been created."""
    limit = _coerce.decimal(threshold, "threshold")
    return ImplementationProcess(Step.TICKET_CREATED, (Step.TICKET_CREATED,), threshold=limit)


@attrs.frozen
class AssignmentRisk:
    """Whether overdue service invoices may delay a consultant's assignment (000)."""

    overdue_invoices: int

    @property
    def at_risk(self) -> bool:
        """True when any service invoice is overdue."""
        return self.overdue_invoices > 0

    def explain(self, locale: object = "en") -> str:
        """The answer in words, in *locale*."""
        t = tr(locale)
        if not self.at_risk:
            return t.gettext("No service invoice is overdue: nothing delays the assignment.")
        return t.ngettext(
            "{n} overdue service invoice may delay the assignment of a consultant (000).",
            "{n} overdue service invoices may delay the assignment of a consultant (000).",
            self.overdue_invoices,
        ).format(n=self.overdue_invoices)


def assignment_risk(overdue_invoices: object) -> AssignmentRisk:
    """Whether *overdue_invoices* (a count >= 0) put a consultant's assignment at risk.

    >>> assignment_risk(1).at_risk, assignment_risk(0).at_risk
    (True, False)
    """
    return AssignmentRisk(_coerce.integer(overdue_invoices, "overdue_invoices", minimum=0))
