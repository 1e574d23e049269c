"""The quarterly review check (003): was one held session of the quarter the review?

Every tier holds one review call per calendar quarter (on TAM tiers one of the working
sessions, on CSM the review meeting itself). The check reads the quarter on the
customer's wall clock, like the month statement.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from supportpolicy.engagement._months import DEFAULT_TIMEZONE, Quarter, parse_quarter, utc, zone
from supportpolicy.engagement._text import tr
from supportpolicy.engagement.sessions import Session
from supportpolicy.engagement.statement import _sessions

__all__ = ["QuarterReview", "quarter_review"]


@attrs.frozen
class QuarterReview:
    """The held review sessions of one quarter, and whether the rule is met."""

    quarter: Quarter
    reviews: tuple[Session, ...]

    @property
    def done(self) -> bool:
        """Whether at least one held session of the quarter was the review."""
        return bool(self.reviews)

    def explain(self, locale: object = "en") -> str:
        """The check's outcome in words, in *locale*."""
        t = tr(locale)
        if self.done:
            text = t.ngettext(
                "{quarter}: {n} held session was the quarterly review.",
                "{quarter}: {n} held sessions were marked as the quarterly review.",
                len(self.reviews),
            )
        else:
            text = t.gettext("{quarter}: no held session was the quarterly review yet.")
        return text.format(quarter=str(self.quarter), n=len(self.reviews))


def quarter_review(
    quarter: object, sessions: Iterable[Session], *, timezone: str = DEFAULT_TIMEZONE
) -> QuarterReview:
    """Check *quarter* ("YYYY-Qn" or (year, n)) against the sessions of any months.

    Sessions outside the quarter are ignored, so a whole year's list may be passed.
    """
    period = parse_quarter(quarter)
    first, *_, last = period.months()
    start, end = first.bounds(timezone)[0], last.bounds(timezone)[1]
    zone(timezone)
    found = tuple(
        sorted((s for s in _sessions(sessions) if s.held and s.review and start <= s.at < end),
               key=lambda s: utc(s.at))
    )
    return QuarterReview(period, found)
