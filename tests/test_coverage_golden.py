"""Golden table: coverage decisions read straight from the source documents 001-004.

Each row cites its document (the id starts with its number) and states the verdict and
next step that the document gives for the request.
"""

from __future__ import annotations

from typing import Any

import pytest

from supportpolicy import coverage
from supportpolicy.coverage import IntakeState, NextStep, Verdict

IN, BILL, INC = Verdict.IN_SCOPE, Verdict.BILLABLE, Verdict.INCOMPLETE

# (id citing the document, policy, request keywords, verdict, next step)
ROWS: list[tuple[str, str, dict[str, Any], Verdict, NextStep]] = [
    # 001: SaaS support (German)
    ("001: defect in the standard product is fixed free", "saas",
     {"kind": "product-defect"}, IN, NextStep.HANDLED),
    ("001: operational incident of the provider is fixed free", "saas",
     {"kind": "operations-incident"}, IN, NextStep.HANDLED),
    ("001: error in the customizing is rejected and billed", "saas",
     {"kind": "customizing-error"}, BILL, NextStep.REJECTED_AND_BILLED),
    ("001: support request is rejected and billed", "saas",
     {"kind": "support-request"}, BILL, NextStep.REJECTED_AND_BILLED),
    ("001: change request is rejected and billed", "saas",
     {"kind": "change-request"}, BILL, NextStep.REJECTED_AND_BILLED),
    ("001: configuration error counts as customizing, billed", "saas",
     {"kind": "customizing-error", "channel": "portal"}, BILL, NextStep.REJECTED_AND_BILLED),
    ("001: pre-sales hours approved on a lead ticket are free up to the approval", "saas",
     {"kind": "pre-sales-support", "lead_ticket": True}, IN,
     NextStep.FREE_UP_TO_APPROVED_HOURS),
    ("001: all other customer-success work, in sales too, is billable", "saas",
     {"kind": "pre-sales-support"}, BILL, NextStep.BILLED_SEPARATELY),
    # 002: support contract intake (Dutch)
    ("002: an incomplete request is returned before coverage is checked", "support-contract",
     {"kind": "product-defect", "complete": False}, INC, NextStep.RETURNED_FOR_COMPLETION),
    ("002: a software problem is covered", "support-contract",
     {"kind": "product-defect"}, IN, NextStep.HANDLED),
    ("002: 'how do I set the software up' becomes advisory services", "support-contract",
     {"kind": "configuration-question"}, BILL, NextStep.ADVISORY_PROPOSAL),
    ("002: a question needing implementation knowledge becomes advisory", "support-contract",
     {"kind": "implementation-question"}, BILL, NextStep.ADVISORY_PROPOSAL),
    ("002: an incomplete how-to question is still returned first", "support-contract",
     {"kind": "configuration-question", "complete": False}, INC,
     NextStep.RETURNED_FOR_COMPLETION),
    # 004: CRM packages (Russian)
    ("004: online consultation by phone is not in Basic", "crm-packages",
     {"kind": "functional-question", "plan": "basic", "channel": "phone"}, BILL,
     NextStep.AVAILABLE_FROM_PLAN),
    ("004: online consultation by messenger is not in Basic", "crm-packages",
     {"kind": "functional-question", "plan": "basic", "channel": "messenger"}, BILL,
     NextStep.AVAILABLE_FROM_PLAN),
    ("004: online consultation by phone is in Business", "crm-packages",
     {"kind": "functional-question", "plan": "business", "channel": "phone"}, IN,
     NextStep.HANDLED),
    ("004: online consultation by messenger is in Premium", "crm-packages",
     {"kind": "functional-question", "plan": "premium", "channel": "messenger"}, IN,
     NextStep.HANDLED),
    ("004: offline consultation by e-mail is in Basic", "crm-packages",
     {"kind": "functional-question", "plan": "basic", "channel": "email"}, IN,
     NextStep.HANDLED),
    ("004: configuration consultation is not in Basic", "crm-packages",
     {"kind": "configuration-question", "plan": "basic", "channel": "email"}, BILL,
     NextStep.AVAILABLE_FROM_PLAN),
    ("004: configuration consultation is in Business", "crm-packages",
     {"kind": "configuration-question", "plan": "business"}, IN, NextStep.HANDLED),
    ("004: configuration consultation is in Premium", "crm-packages",
     {"kind": "configuration-question", "plan": "premium"}, IN, NextStep.HANDLED),
    ("004: network question is out of scope on Basic", "crm-packages",
     {"kind": "infrastructure-question", "plan": "basic"}, BILL, NextStep.OUT_OF_SCOPE),
    ("004: operating-system question is out of scope on Premium", "crm-packages",
     {"kind": "infrastructure-question", "plan": "premium", "channel": "phone"}, BILL,
     NextStep.OUT_OF_SCOPE),
    ("004: dedicated specialist only on Premium (Business)", "crm-packages",
     {"kind": "dedicated-specialist", "plan": "business"}, BILL, NextStep.AVAILABLE_FROM_PLAN),
    ("004: dedicated specialist on Premium", "crm-packages",
     {"kind": "dedicated-specialist", "plan": "premium"}, IN, NextStep.HANDLED),
    ("004: problem resolution on every plan (Basic)", "crm-packages",
     {"kind": "product-defect", "plan": "basic"}, IN, NextStep.HANDLED),
    ("004: backups and updates on every plan (Basic)", "crm-packages",
     {"kind": "backup-and-updates", "plan": "basic"}, IN, NextStep.HANDLED),
    ("004: the personal portal on every plan (Business)", "crm-packages",
     {"kind": "portal-access", "plan": "business"}, IN, NextStep.HANDLED),
    ("004: modifying functionality is billable", "crm-packages",
     {"kind": "change-request", "plan": "premium"}, BILL, NextStep.BILLED_SEPARATELY),
    ("004: developing new functionality is billable", "crm-packages",
     {"kind": "new-development", "plan": "business"}, BILL, NextStep.BILLED_SEPARATELY),
    ("004: migration cloud/on-site is billable", "crm-packages",
     {"kind": "migration", "plan": "premium"}, BILL, NextStep.BILLED_SEPARATELY),
    ("004: business analysis and specification is billable", "crm-packages",
     {"kind": "business-analysis", "plan": "basic"}, BILL, NextStep.BILLED_SEPARATELY),
    ("004: training is billable", "crm-packages",
     {"kind": "training", "plan": "premium"}, BILL, NextStep.BILLED_SEPARATELY),
    ("004: consultations go to the one contact person, not end users", "crm-packages",
     {"kind": "functional-question", "plan": "premium", "from_end_user": True}, BILL,
     NextStep.VIA_CONTACT_PERSON),
    # 003: CSM and TAM services (Spanish)
    ("003: a request straight from an end user is level 1, out of scope", "tam-services",
     {"kind": "functional-question", "tier": "a", "from_end_user": True}, BILL,
     NextStep.ADMIN_AS_A_SERVICE),
    ("003: direct end-user support is out of scope (AaaS)", "tam-services",
     {"kind": "end-user-support", "tier": "csm"}, BILL, NextStep.ADMIN_AS_A_SERVICE),
    ("003: configuration help is not in CSM", "tam-services",
     {"kind": "configuration-question", "tier": "csm"}, BILL, NextStep.SUBSCRIBER_DISCOUNT),
    ("003: configuration help is in TAM A", "tam-services",
     {"kind": "configuration-question", "tier": "a"}, IN, NextStep.HANDLED),
    ("003: configuration help is in TAM B", "tam-services",
     {"kind": "configuration-question", "tier": "b"}, IN, NextStep.HANDLED),
    ("003: configuration help is in TAM C", "tam-services",
     {"kind": "configuration-question", "tier": "c"}, IN, NextStep.HANDLED),
    ("003: product ticket escalated to the vendor on CSM", "tam-services",
     {"kind": "product-defect", "tier": "csm"}, IN, NextStep.ESCALATED_TO_VENDOR),
    ("003: product ticket escalated to the vendor on TAM C", "tam-services",
     {"kind": "product-defect", "tier": "c"}, IN, NextStep.ESCALATED_TO_VENDOR),
    ("003: end-user training is extra work at the subscriber discount", "tam-services",
     {"kind": "training", "tier": "a"}, BILL, NextStep.SUBSCRIBER_DISCOUNT),
    ("003: onboarding another team is extra work at the subscriber discount", "tam-services",
     {"kind": "team-onboarding", "tier": "b"}, BILL, NextStep.SUBSCRIBER_DISCOUNT),
    ("003: a request without the required information is returned", "tam-services",
     {"kind": "product-defect", "tier": "a", "complete": False}, INC,
     NextStep.RETURNED_FOR_COMPLETION),
]


@pytest.mark.parametrize(
    ("row", "policy", "keywords", "verdict", "step"), ROWS, ids=[row[0] for row in ROWS]
)
def test_golden_decision(
    row: str, policy: str, keywords: dict[str, Any], verdict: Verdict, step: NextStep
) -> None:
    decision = coverage.classify(policy, **keywords)
    assert decision.verdict is verdict, row
    assert decision.next_step is step, row
    assert decision.policy.source.startswith(row[:3])


def test_golden_table_covers_every_preset() -> None:
    assert {row[1] for row in ROWS} == set(coverage.policy_names())


INTAKE: list[tuple[str, str, str, IntakeState]] = [
    ("002: Call/New is not yet accepted", "Call", "New", IntakeState.NOT_YET_ACCEPTED),
    ("002: Call/Approved is accepted", "Call", "Approved", IntakeState.ACCEPTED),
    ("002: Call/any other status is accepted", "Call", "In progress", IntakeState.ACCEPTED),
    ("002: another category is an advisory request", "Advice", "New",
     IntakeState.ADVISORY_REQUEST),
    ("002: another category stays advisory whatever the status", "Project", "Approved",
     IntakeState.ADVISORY_REQUEST),
]


@pytest.mark.parametrize(("row", "category", "status", "state"), INTAKE,
                         ids=[row[0] for row in INTAKE])
def test_golden_intake(row: str, category: str, status: str, state: IntakeState) -> None:
    assert coverage.intake_state(category=category, status=status) is state, row


def test_saas_bills_the_party_the_parameter_names() -> None:
    """001 leaves the billed party to the contract: a parameter, customer by default."""
    decision = coverage.classify("saas", kind="change-request")
    assert decision.billed_to == "customer"
    assert coverage.classify("saas", kind="product-defect").billed_to is None
