"""Classifying a request: the verdict, the rule that decided, and what happens next.

:func:`classify` checks the request against the policy (unknown kinds, channels, plans
and tiers are refused with the accepted values listed), then lets the policy's first
matching rule decide. A :class:`Decision` explains itself in any of the five locales.
"""

from __future__ import annotations

import enum
import functools
from decimal import Decimal
from typing import Any

import attrs

from supportpolicy import _coerce
from supportpolicy._render import Fact, Facts, Kind, Shown, record
from supportpolicy.coverage.kinds import Channel, RequestKind
from supportpolicy.coverage.policies import Policy
from supportpolicy.coverage.policies import policy as _policy
from supportpolicy.coverage.rules import NextStep, Request, Rule, Verdict
from supportpolicy.errors import InvalidTypeError, InvalidValueError, shown
from supportpolicy.i18n import N_, format_decimal, normalize_locale, translator

__all__ = ["Decision", "classify"]


@attrs.frozen(repr=False)
class Decision(Shown):
    """The outcome of :func:`classify`: verdict, deciding rule, next step, and why."""

    policy: Policy = attrs.field(repr=lambda p: repr(p.name))
    request: Request
    rule: Rule = attrs.field(repr=lambda r: repr(r.id))
    rule_number: int

    _domain = "coverage"

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

    def to_dict(self, locale: object = None) -> dict[str, Any]:
        """A flat, language-neutral record: codes, not text (the discount as a decimal
        string). *locale* is accepted for compatibility and changes nothing: the texts
        for people are :meth:`reason`, :meth:`next_text` and :meth:`explain`."""
        return record(self._facts())

    def _facts(self) -> Facts:
        request, policy = self.request, self.policy
        plan = None if request.plan is None else functools.partial(policy.plan_label, request.plan)
        tier = None if request.tier is None else request.tier.upper()
        brief = f"{policy.name}: {self.verdict.value}, rule {self.rule_number} {self.rule.id}"
        return (
            Fact(None, None, brief, brief="{}"),
            Fact("policy", None, policy.name),
            Fact("source", None, policy.source),
            Fact(None, N_("Verdict"), self.verdict, Kind.ENUM),
            Fact(None, N_("Reason"), self.reason, Kind.LOCALIZED),
            Fact(None, N_("Next step"), self.next_text, Kind.LOCALIZED),
            Fact("kind", N_("Request"), request.kind, Kind.ENUM),
            Fact("plan", None, request.plan),
            Fact("channel", _shown(N_("Channel"), request.channel), request.channel, Kind.ENUM),
            Fact(None, _shown(N_("Plan"), plan), plan, Kind.LOCALIZED),
            Fact("tier", None, request.tier),
            Fact(None, _shown(N_("Tier"), tier), tier),
            Fact("complete", None, request.complete, Kind.BOOL),
            Fact("from_end_user", None, request.from_end_user, Kind.BOOL),
            Fact("lead_ticket", None, request.lead_ticket, Kind.BOOL),
            Fact("verdict", None, self.verdict, Kind.ENUM),
            Fact("next_step", None, self.next_step, Kind.ENUM),
            Fact("rule", None, self.rule.id),
            Fact("rule_number", None, self.rule_number, Kind.INT),
            Fact(None, N_("Rule"), f"{self.rule_number} ({self.rule.id})"),
            Fact(None, N_("Policy"), policy.title_text, Kind.LOCALIZED),
            Fact(None, N_("Source document"), policy.source),
            Fact("billed_to", None, self.billed_to),
            Fact("subscriber_discount", None, self.subscriber_discount, Kind.DECIMAL),
        )

    def _caption(self, locale: str) -> str:
        return translator(locale, "coverage").gettext("Coverage decision")


def _shown(label: str, value: object) -> str | None:
    """*label* where the request has *value*, else None (the row is left out)."""
    return None if value is None else label


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


_NEXT_TEXTS: dict[NextStep, str] = {
    NextStep.HANDLED: N_("Handled free of charge under the contract."),
    NextStep.ESCALATED_TO_VENDOR: N_(
        "Escalated to the platform vendor's support; the vendor's SLA and response times apply."
    ),
    NextStep.FREE_UP_TO_APPROVED_HOURS: N_(
        "Free up to the hours approved on the lead ticket; hours beyond them are billed."
    ),
    NextStep.RETURNED_FOR_COMPLETION: N_(
        "Returned to the requester for completion; it is classified once it is complete."
    ),
    NextStep.REJECTED_AND_BILLED: N_("The ticket is rejected and the effort is billed."),
    NextStep.BILLED_SEPARATELY: N_("Available as separately billed work."),
    NextStep.ADVISORY_PROPOSAL: N_(
        "Converted into a request for advisory services; you receive a proposal for it."
    ),
    NextStep.AVAILABLE_FROM_PLAN: N_(
        "Not included in your package; available from the {plan} package up."
    ),
    NextStep.OUT_OF_SCOPE: N_(
        "Not included in any support package, unless the support contract says otherwise."
    ),
    NextStep.VIA_CONTACT_PERSON: N_(
        "Consultations go to the one named contact person; send the request through them."
    ),
    NextStep.ADMIN_AS_A_SERVICE: N_(
        "Out of scope; direct end-user support is offered separately as Admin as a Service (AaaS)."
    ),
}
"""The next step's text by step; the subscriber discount's is built with its figure."""

_INVOICED: dict[str | None, str] = {
    "customer": N_("The customer is invoiced."),
    "partner": N_("The partner is invoiced."),
}
"""The sentence added for the party invoiced for billable work."""


def _next_text(decision: Decision, locale: str) -> str:
    tr = translator(locale, "coverage")
    step = decision.next_step
    message = _NEXT_TEXTS.get(step)
    if message is None:
        text = _discount_text(decision.policy.subscriber_discount, locale)
    else:
        plan = decision.policy.plan_label(decision.rule.available_from or "", locale)
        text = tr.gettext(message).format(plan=plan)
    party = _INVOICED.get(decision.billed_to)
    return text if party is None else f"{text} {tr.gettext(party)}"


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
