"""Classifying a request: the verdict, the rule that decided, and what happens next.

:func:`classify` checks the request against the policy (unknown kinds, channels, plans
and tiers are refused with the accepted values listed), then lets the policy's first
matching rule decide. A :class:`Decision` explains itself in any of the five locales.
"""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import Any

import attrs

from supportpolicy import _coerce
from supportpolicy.coverage.kinds import Channel, RequestKind
from supportpolicy.coverage.policies import Policy
from supportpolicy.coverage.policies import policy as _policy
from supportpolicy.coverage.rules import NextStep, Request, Rule, Verdict
from supportpolicy.coverage.views import decision_html, decision_repr
from supportpolicy.errors import InvalidTypeError, InvalidValueError, shown
from supportpolicy.i18n import format_decimal, normalize_locale, translator

__all__ = ["Decision", "classify"]


@attrs.frozen
class Decision:
    """The outcome of :func:`classify`: verdict, deciding rule, next step, and why."""

    policy: Policy = attrs.field(repr=lambda p: repr(p.name))
    request: Request
    rule: Rule = attrs.field(repr=lambda r: repr(r.id))
    rule_number: int

    @property
    def verdict(self) -> Verdict:
        """In scope (free), billable, or incomplete."""
        return self.rule.verdict

    @property
    def next_step(self) -> NextStep:
        """What happens to the request next, as the policy's document says."""
        return self.rule.next_step

    @property
    def billed_to(self) -> str | None:
        """Who is invoiced for billable work (``customer``/``partner``), if the policy says."""
        return self.policy.billed_to if self.verdict is Verdict.BILLABLE else None

    @property
    def subscriber_discount(self) -> Decimal | None:
        """The discount in percent on billable work, where the policy sets a figure."""
        if self.next_step is NextStep.SUBSCRIBER_DISCOUNT:
            return self.policy.subscriber_discount
        return None

    def reason(self, locale: str = "en") -> str:
        """Why the request got its verdict, in *locale*."""
        return self.rule.reason_text(locale)

    def next_text(self, locale: str = "en") -> str:
        """What happens next, in *locale*."""
        return _next_text(self, locale)

    def explain(self, locale: str = "en") -> str:
        """The verdict, reason, next step, request and deciding rule as lines of text.

        >>> print(classify("saas", kind="product-defect").explain("en"))
        Verdict: in scope (free of charge)
        Reason: Defects of the standard product are analysed and fixed free of charge.
        Next step: Handled free of charge under the contract.
        Request: defect of the standard product
        Decided by rule 1 (standard-product-defect) of policy saas, source 001_18e5686844ebd9ae.txt
        """
        tr = translator(locale, "coverage")
        request = self.request
        lines = [
            tr.gettext("Verdict: {verdict}").format(verdict=self.verdict.label(locale)),
            tr.gettext("Reason: {reason}").format(reason=self.reason(locale)),
            tr.gettext("Next step: {step}").format(step=self.next_text(locale)),
            tr.gettext("Request: {kind}").format(kind=request.kind.label(locale)),
        ]
        if request.channel is not None:
            lines.append(tr.gettext("Channel: {channel}").format(
                channel=request.channel.label(locale)))
        if request.plan is not None:
            lines.append(tr.gettext("Plan: {plan}").format(
                plan=self.policy.plan_label(request.plan, locale)))
        if request.tier is not None:
            lines.append(tr.gettext("Tier: {tier}").format(tier=request.tier.upper()))
        lines.append(
            tr.gettext("Decided by rule {number} ({rule}) of policy {policy}, source {source}")
            .format(number=self.rule_number, rule=self.rule.id, policy=self.policy.name,
                    source=self.policy.source or "-")
        )
        return "\n".join(lines)

    def to_dict(self, locale: str = "en") -> dict[str, Any]:
        """A JSON-ready summary (plain strings; the discount as a decimal string)."""
        discount = self.subscriber_discount
        return {
            "policy": self.policy.name,
            "source": self.policy.source,
            "kind": self.request.kind.value,
            "plan": self.request.plan,
            "channel": None if self.request.channel is None else self.request.channel.value,
            "tier": self.request.tier,
            "complete": self.request.complete,
            "from_end_user": self.request.from_end_user,
            "lead_ticket": self.request.lead_ticket,
            "verdict": self.verdict.value,
            "next_step": self.next_step.value,
            "rule": self.rule.id,
            "rule_number": self.rule_number,
            "billed_to": self.billed_to,
            "subscriber_discount": None if discount is None else str(discount),
            "reason": self.reason(locale),
            "next": self.next_text(locale),
        }

    def __repr__(self) -> str:
        return decision_repr(self)

    def to_html(self, locale: str = "en") -> str:
        """An HTML table: verdict, reason, next step, request, rule, policy, source."""
        return decision_html(self, locale)

    def _repr_html_(self) -> str:
        """The notebook view: :meth:`to_html` in English."""
        return self.to_html("en")


def classify(
    policy: str | Policy,
    *,
    kind: str | RequestKind,
    plan: str | enum.Enum | None = None,
    channel: str | Channel | None = None,
    tier: str | enum.Enum | None = None,
    complete: bool = True,
    from_end_user: bool = False,
    lead_ticket: bool = False,
) -> Decision:
    """Classify one request under *policy* (a preset name or a loaded :class:`Policy`).

    *lead_ticket* says that pre-sales hours were approved on a lead ticket (001).

    >>> classify("saas", kind="change-request").verdict
    <Verdict.BILLABLE: 'billable'>
    >>> classify("crm-packages", kind="functional-question", plan="basic",
    ...          channel="phone").next_step
    <NextStep.AVAILABLE_FROM_PLAN: 'available-from-plan'>
    """
    chosen = _policy(policy)
    request = Request(
        kind=_coerce.member(RequestKind, kind, "request kind"),
        plan=_choice(plan, chosen.plans, "plan", chosen.name),
        channel=None if channel is None else _coerce.member(Channel, channel, "channel"),
        tier=_choice(tier, chosen.tiers, "tier", chosen.name),
        complete=_flag(complete, "complete"),
        from_end_user=_flag(from_end_user, "from_end_user"),
        lead_ticket=_flag(lead_ticket, "lead_ticket"),
    )
    number, rule = chosen.first_match(request)
    return Decision(policy=chosen, request=request, rule=rule, rule_number=number)


def _choice(value: object, accepted: tuple[str, ...], what: str, policy_name: str) -> str | None:
    """Check a plan or tier against the policy's own list."""
    if value is None:
        if accepted:
            raise InvalidValueError(
                f"policy {policy_name!r} needs a {what}; accepted: {', '.join(accepted)}"
            )
        return None
    if isinstance(value, enum.Enum):
        value = value.value
    if not isinstance(value, str):
        raise InvalidTypeError(f"{what} must be a string, got {type(value).__name__}")
    key = value.strip().lower()
    if not accepted:
        raise InvalidValueError(
            f"policy {policy_name!r} has no {what}s; leave {what} unset (got {shown(value)})"
        )
    if key not in accepted:
        raise InvalidValueError(
            f"unknown {what} {shown(value)} for policy {policy_name!r}; "
            f"accepted: {', '.join(accepted)}"
        )
    return key


def _flag(value: object, name: str) -> bool:
    if not isinstance(value, bool):
        raise InvalidTypeError(f"{name} must be True or False, got {shown(value)}")
    return value


def _next_text(decision: Decision, locale: str) -> str:
    tr = translator(locale, "coverage")
    step = decision.next_step
    if step is NextStep.HANDLED:
        text = tr.gettext("Handled free of charge under the contract.")
    elif step is NextStep.ESCALATED_TO_VENDOR:
        text = tr.gettext(
            "Escalated to the platform vendor's support; the vendor's SLA and response "
            "times apply."
        )
    elif step is NextStep.FREE_UP_TO_APPROVED_HOURS:
        text = tr.gettext(
            "Free up to the hours approved on the lead ticket; hours beyond them are billed."
        )
    elif step is NextStep.RETURNED_FOR_COMPLETION:
        text = tr.gettext(
            "Returned to the requester for completion; it is classified once it is complete."
        )
    elif step is NextStep.REJECTED_AND_BILLED:
        text = tr.gettext("The ticket is rejected and the effort is billed.")
    elif step is NextStep.BILLED_SEPARATELY:
        text = tr.gettext("Available as separately billed work.")
    elif step is NextStep.ADVISORY_PROPOSAL:
        text = tr.gettext(
            "Converted into a request for advisory services; you receive a proposal for it."
        )
    elif step is NextStep.AVAILABLE_FROM_PLAN:
        plan = decision.rule.available_from or ""
        text = tr.gettext("Not included in your package; available from the {plan} package up.")
        text = text.format(plan=decision.policy.plan_label(plan, locale))
    elif step is NextStep.OUT_OF_SCOPE:
        text = tr.gettext(
            "Not included in any support package, unless the support contract says otherwise."
        )
    elif step is NextStep.VIA_CONTACT_PERSON:
        text = tr.gettext(
            "Consultations go to the one named contact person; send the request through them."
        )
    elif step is NextStep.ADMIN_AS_A_SERVICE:
        text = tr.gettext(
            "Out of scope; direct end-user support is offered separately as Admin as a "
            "Service (AaaS)."
        )
    else:
        text = _discount_text(decision.policy.subscriber_discount, locale)
    party = decision.billed_to
    if party == "customer":
        text += " " + tr.gettext("The customer is invoiced.")
    elif party == "partner":
        text += " " + tr.gettext("The partner is invoiced.")
    return text


def _discount_text(percent: Decimal | None, locale: str) -> str:
    tr = translator(locale, "coverage")
    if percent is None:
        return tr.gettext(
            "Billed at the standard rates less the subscriber discount; ask your TAM or CSM "
            "for the current rate."
        )
    figure = format_decimal(percent, normalize_locale(locale))  # exact: 0.0001, not 0
    return tr.gettext(
        "Billed at the standard rates less the subscriber discount of {percent} %."
    ).format(percent=figure)
