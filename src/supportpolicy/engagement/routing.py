"""Routing an implementation estimate: Statement of Work or purchased hours (000).

Document 000 sends a request quoted at *more than* 8 hours to a Statement of Work and
one of less than 8 hours to buying the approved hours in the portal. It is silent on
exactly 8; since the SOW rule says "more than", exactly 8 hours buys hours. The
threshold is a parameter (default 8) so that a partner agreement may move it.
"""

from __future__ import annotations

from decimal import Decimal

import attrs

from supportpolicy import _coerce
from supportpolicy._render import Fact, Facts, Kind, Labelled, Shown
from supportpolicy.engagement._text import number, tr
from supportpolicy.i18n import N_

__all__ = ["DEFAULT_SOW_THRESHOLD", "Route", "Routing", "route", "routing"]

DEFAULT_SOW_THRESHOLD = Decimal(8)
"""Hours above which a Statement of Work is needed (document 000)."""


class Route(Labelled):
    """How an implementation request proceeds once the delivery team has estimated it."""

    STATEMENT_OF_WORK = "statement-of-work", N_("Statement of Work")
    PURCHASE_HOURS = "purchase-hours", N_("Purchase approved hours")


def _hours(value: object, name: str) -> Decimal:
    return _coerce.decimal(value, name)


def route(hours: object, threshold: object = DEFAULT_SOW_THRESHOLD) -> Route:
    """The route for an estimate of *hours*: SOW above *threshold*, else purchase hours.

    >>> [route(h).value for h in ("7.75", 8, "8.01")]
    ['purchase-hours', 'purchase-hours', 'statement-of-work']
    """
    return routing(hours, threshold).route


@attrs.frozen(repr=False)
class Routing(Shown):
    """A routing decision with the figures that made it, explainable in five languages."""

    hours: Decimal
    threshold: Decimal
    route: Route

    _domain = "engagement"

    def explain(self, locale: object = "en") -> str:
        """Why the estimate takes its route, in *locale*."""
        t = tr(locale)
        values = {"hours": number(self.hours, locale), "threshold": number(self.threshold, locale)}
        if self.route is Route.STATEMENT_OF_WORK:
            text = t.gettext(
                "An estimate of {hours} hours is more than {threshold} hours: the delivery "
                "team sends a Statement of Work with hours per project phase and the "
                "travel-expense arrangement (document 000)."
            )
        else:
            text = t.gettext(
                "An estimate of {hours} hours is not more than {threshold} hours: the "
                "partner buys the approved service hours in the portal (document 000)."
            )
        return text.format(**values)

    def _facts(self) -> Facts:
        sign = ">" if self.hours > self.threshold else "<="
        line = f"{self.hours} h {sign} {self.threshold} h: {self.route.value}"
        return (
            Fact("hours", N_("Estimated hours"), self.hours, Kind.DECIMAL),
            Fact("threshold", N_("Threshold in hours"), self.threshold, Kind.DECIMAL),
            Fact("route", N_("Route"), self.route, Kind.ENUM),
            Fact(None, N_("Why"), self.explain, Kind.LOCALIZED),
            Fact(None, None, line, brief="{}"),
        )

    def _caption(self, locale: str) -> str:
        return tr(locale).gettext("Routing of an implementation request")


def routing(hours: object, threshold: object = DEFAULT_SOW_THRESHOLD) -> Routing:
    """The full :class:`Routing` decision for *hours* (see :func:`route`)."""
    estimate = _hours(hours, "hours")
    limit = _hours(threshold, "threshold")
    chosen = Route.STATEMENT_OF_WORK if estimate > limit else Route.PURCHASE_HOURS
    return Routing(estimate, limit, chosen)
