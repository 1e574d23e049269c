"""Intake state from a ticket's Category and Status, as document 002 defines them.

Category "Call" with status "New": not yet accepted under the support contract;
"Call" with any other status: accepted; any other category: a request for advisory
services, for which the requester receives a proposal.
"""

from __future__ import annotations

from supportpolicy._render import LabelledStr
from supportpolicy.errors import InvalidTypeError, InvalidValueError
from supportpolicy.i18n import N_

__all__ = ["IntakeState", "intake_state"]


class IntakeState(LabelledStr):
    """Whether a request is accepted under the support contract (002)."""

    NOT_YET_ACCEPTED = (
        "not-yet-accepted",
        N_("not yet accepted for handling under the support contract"),
    )
    ACCEPTED = "accepted", N_("accepted for handling under the support contract")
    ADVISORY_REQUEST = (
        "advisory-request",
        N_("a request for advisory services; you receive a proposal for it"),
    )


def intake_state(category: str, status: str) -> IntakeState:
    """The intake state for a ticket's *category* and *status* (compared ignoring case
    and surrounding blanks).

    >>> intake_state(category="Call", status="New")
    <IntakeState.NOT_YET_ACCEPTED: 'not-yet-accepted'>
    >>> intake_state(category="Call", status="Approved").label("nl")
    'geaccepteerd voor afhandeling binnen het supportcontract'
    """
    cat = _field(category, "category")
    stat = _field(status, "status")
    if cat != "call":
        return IntakeState.ADVISORY_REQUEST
    if stat == "new":
        return IntakeState.NOT_YET_ACCEPTED
    return IntakeState.ACCEPTED


def _field(value: object, name: str) -> str:
    if not isinstance(value, str):
        raise InvalidTypeError(
            f"{name} must be a string such as 'Call' or 'New', got {type(value).__name__}"
        )
    text = value.strip().lower()
    if not text:
        raise InvalidValueError(
            f"{name} is empty; give the ticket's {name}, for example "
            + ("'Call'" if name == "category" else "'New' or 'Approved'")
        )
    return text
