"""Rules: one row of a coverage policy's ordered table, and the request it matches.

A rule names the conditions a request must meet (each left out means "any") and the
outcome: a verdict, what happens next, and a reason. A policy tries its rules in order
and the first that matches decides.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Mapping

import attrs

from supportpolicy import _rules
from supportpolicy._render import LabelledStr
from supportpolicy.coverage.kinds import Channel, RequestKind
from supportpolicy.i18n import N_, localize
from supportpolicy.i18n.catalogs import Text

__all__ = ["NextStep", "Request", "Rule", "Text", "Verdict"]


class Verdict(LabelledStr):
    """The three outcomes: covered and free, billable, or not yet classifiable."""

    IN_SCOPE = "in-scope", N_("in scope (free of charge)")
    BILLABLE = "billable", N_("billable")
    INCOMPLETE = "incomplete", N_("incomplete")


class NextStep(enum.StrEnum):
    """What happens to the request next, as the source documents describe it."""

    HANDLED = "handled-under-contract"
    ESCALATED_TO_VENDOR = "escalated-to-vendor"
    FREE_UP_TO_APPROVED_HOURS = "free-up-to-approved-hours"
    RETURNED_FOR_COMPLETION = "returned-for-completion"
    REJECTED_AND_BILLED = "rejected-and-billed"
    BILLED_SEPARATELY = "billed-separately"
    ADVISORY_PROPOSAL = "advisory-proposal"
    AVAILABLE_FROM_PLAN = "available-from-plan"
    OUT_OF_SCOPE = "out-of-scope"
    VIA_CONTACT_PERSON = "via-contact-person"
    ADMIN_AS_A_SERVICE = "admin-as-a-service"
    SUBSCRIBER_DISCOUNT = "billed-at-subscriber-discount"

    @property
    def verdict(self) -> Verdict:
        """The only verdict this step can follow."""
        if self in _IN_SCOPE_STEPS:
            return Verdict.IN_SCOPE
        if self is NextStep.RETURNED_FOR_COMPLETION:
            return Verdict.INCOMPLETE
        return Verdict.BILLABLE


_IN_SCOPE_STEPS = frozenset(
    {NextStep.HANDLED, NextStep.ESCALATED_TO_VENDOR, NextStep.FREE_UP_TO_APPROVED_HOURS}
)


@attrs.frozen
class Request:
    """A support request as the rules see it (already checked against the policy)."""

    kind: RequestKind
    plan: str | None = None
    channel: Channel | None = None
    tier: str | None = None
    complete: bool = True
    from_end_user: bool = False
    lead_ticket: bool = False


@attrs.frozen
class Rule:
    """One row of a policy's table: conditions, then verdict, next step and reason.

    A condition of ``None`` matches any request; a set matches a request whose value
    is in it (a request without a plan, channel or tier never matches a rule that
    names some); a boolean matches that exact value.
    """

    id: str
    verdict: Verdict
    next_step: NextStep
    reason: Text
    kinds: frozenset[RequestKind] | None = None
    plans: frozenset[str] | None = None
    channels: frozenset[Channel] | None = None
    tiers: frozenset[str] | None = None
    complete: bool | None = None
    from_end_user: bool | None = None
    lead_ticket: bool | None = None
    available_from: str | None = None

    when: _rules.When = attrs.field(
        init=False, eq=False, repr=False, default=attrs.Factory(lambda r: r._when(), True)
    )
    """The conditions above as one :class:`~supportpolicy._rules.When` of the shared
    rule engine (derived, so it is neither compared nor given)."""

    def _when(self) -> _rules.When:
        flags = (
            (key, None if flag is None else frozenset({flag}))
            for key, flag in (
                ("complete", self.complete),
                ("from_end_user", self.from_end_user),
                ("lead_ticket", self.lead_ticket),
            )
        )
        return _rules.when_of(
            (
                ("kind", self.kinds),
                ("plan", self.plans),
                ("channel", self.channels),
                ("tier", self.tiers),
                *flags,
            )
        )

    @property
    def unconditional(self) -> bool:
        """True when the rule matches every request (a table's last rule must)."""
        return self.when.unconditional

    def matches(self, request: Request) -> bool:
        """Whether *request* meets every condition of this rule."""
        return self.when.holds(functools.partial(getattr, request))

    def reason_text(self, locale: str = "en") -> str:
        """The rule's reason in *locale*."""
        return localize_text(self.reason, locale)


def localize_text(text: Text, locale: str) -> str:
    """Resolve a data text: a ``coverage`` catalog id, or a table of translations."""
    if isinstance(text, str):
        return localize(text, locale, "coverage")
    table: Mapping[str, str] = dict(text)
    return localize(table, locale, "coverage")
