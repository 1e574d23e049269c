"""Project phases and the Statement of Work of document 000.

A consultant takes part in five phases at the partner's request (Q&A sessions, business
blueprint support, prototyping with assessment sessions, refining sessions, final review
before end-user training) and, when the project needs customization, supports the
definition of customization specifications. A Statement of Work assigns hours to each
phase and states the travel-expense arrangement; its total is checked against the
delivery team's estimate (they must be equal), and the estimate must be above the SOW
threshold (otherwise hours are bought, not put in a SOW).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

import attrs

from supportpolicy import _coerce
from supportpolicy._frozen import frozen_map
from supportpolicy._render import Labelled
from supportpolicy.engagement._text import number, tr
from supportpolicy.engagement.routing import DEFAULT_SOW_THRESHOLD
from supportpolicy.errors import InvalidTypeError, InvalidValueError
from supportpolicy.i18n import N_

__all__ = ["Phase", "SowProblem", "StatementOfWork", "Travel", "statement_of_work"]


class Phase(Labelled):
    """A project phase a consultant supports, in the order of document 000."""

    QA_SESSIONS = "qa-sessions", N_("Q&A sessions")
    BUSINESS_BLUEPRINT = "business-blueprint", N_("Business blueprint support")
    PROTOTYPING = "prototyping", N_("Prototyping with assessment sessions")
    REFINING = "refining", N_("Refining sessions")
    FINAL_REVIEW = "final-review", N_("Final review before end-user training")
    CUSTOMIZATION_SPECIFICATION = (
        "customization-specification",
        N_("Support in defining customization specifications"),
    )

    @property
    def optional(self) -> bool:
        """Only customization-specification support depends on the project's needs."""
        return self is Phase.CUSTOMIZATION_SPECIFICATION


class Travel(Labelled):
    """The travel-expense arrangement of a Statement of Work."""

    NOT_APPLICABLE = "not-applicable", N_("no travel expenses")
    AT_COST = "at-cost", N_("travel expenses billed at cost")
    FIXED_AMOUNT = "fixed-amount", N_("travel expenses as a fixed amount")


class SowProblem(Labelled):
    """What can be wrong with a Statement of Work."""

    NOT_NEEDED = (
        "not-needed",
        N_(
            "The estimate of {estimate} hours is not above {threshold} hours: buy the hours "
            "instead of signing a Statement of Work."
        ),
    )
    TOTAL_MISMATCH = (
        "total-mismatch",
        N_("The phases add up to {total} hours, but the estimate is {estimate} hours."),
    )


def _phase_hours(value: Mapping[Phase, Decimal]) -> Mapping[Phase, Decimal]:
    return frozen_map(value)


@attrs.frozen
class StatementOfWork:
    """Hours per phase, the travel arrangement (and amount, if fixed), and the estimate."""

    estimate: Decimal
    hours: Mapping[Phase, Decimal] = attrs.field(converter=_phase_hours)
    travel: Travel
    travel_amount: Decimal | None
    threshold: Decimal

    @property
    def total(self) -> Decimal:
        """The hours of all phases together."""
        return sum(self.hours.values(), Decimal(0))

    @property
    def problems(self) -> tuple[SowProblem, ...]:
        """Every problem found: SOW not needed, total differing from the estimate."""
        found = []
        if self.estimate <= self.threshold:
            found.append(SowProblem.NOT_NEEDED)
        if self.total != self.estimate:
            found.append(SowProblem.TOTAL_MISMATCH)
        return tuple(found)

    @property
    def ok(self) -> bool:
        """Whether the SOW is consistent with its estimate."""
        return not self.problems

    def explain(self, locale: object = "en") -> str:
        """Phases with hours, the travel arrangement and any problem, in *locale*."""
        t = tr(locale)
        lines = [
            t.gettext("{phase}: {hours} h").format(
                phase=phase.label(locale), hours=number(hours, locale)
            )
            for phase, hours in self.hours.items()
        ]
        lines.append(self.travel.label(locale))
        values = {
            "estimate": number(self.estimate, locale),
            "threshold": number(self.threshold, locale),
            "total": number(self.total, locale),
        }
        lines.extend(p.label(locale).format(**values) for p in self.problems)
        return "\n".join(lines)


def statement_of_work(
    estimate: object,
    hours: Mapping[object, object],
    travel: object = Travel.NOT_APPLICABLE,
    travel_amount: object = None,
    threshold: object = DEFAULT_SOW_THRESHOLD,
) -> StatementOfWork:
    """Build a Statement of Work; *hours* maps phases (or their names) to hours.

    Phases come out in document order. A fixed travel arrangement needs *travel_amount*
    (Decimal money); the other arrangements refuse one.

    >>> sow = statement_of_work("12", {"qa-sessions": 4, "prototyping": "8"}, "at-cost")
    >>> sow.total, sow.ok
    (Decimal('12'), True)
    """
    if not isinstance(hours, Mapping):
        raise InvalidTypeError(
            f"hours must be a mapping of phase to hours, got {type(hours).__name__}"
        )
    parsed: dict[Phase, Decimal] = {}
    for key, value in hours.items():
        phase = _coerce.member(Phase, key, "phase")
        if phase in parsed:
            raise InvalidValueError(f"phase {phase.value!r} is given twice")
        parsed[phase] = _coerce.decimal(value, f"hours of {phase.value}")
    arrangement = _coerce.member(Travel, travel, "travel arrangement")
    amount = None
    if arrangement is Travel.FIXED_AMOUNT:
        if travel_amount is None:
            raise InvalidValueError("a fixed travel arrangement needs travel_amount (Decimal)")
        if isinstance(travel_amount, float):
            raise InvalidTypeError("travel_amount is money: give a Decimal, int or string")
        amount = _coerce.decimal(travel_amount, "travel_amount")
    elif travel_amount is not None:
        raise InvalidValueError(
            f"travel_amount is accepted only with travel='fixed-amount', not {arrangement.value!r}"
        )
    ordered = {phase: parsed[phase] for phase in Phase if phase in parsed}
    return StatementOfWork(
        estimate=_coerce.decimal(estimate, "estimate"),
        hours=ordered,
        travel=arrangement,
        travel_amount=amount,
        threshold=_coerce.decimal(threshold, "threshold"),
    )
