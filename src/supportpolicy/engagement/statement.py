"""The TAM session ledger: a month statement of sessions granted, held, lost or carried.

Rules (document 003, read as ``shared/spec/policies.md`` fixes them):

* A tier grants ``allowance`` sessions per calendar month in the customer's timezone;
  sessions the TAM cancelled last month may be carried in. Both expire at this month's
  end; held sessions use the carried-in ones first.
* Sessions held beyond ``allowance + carried_in`` are billable extra work.
* A customer's cancellation may be made up only within the month; a TAM's cancellation
  may move to the next month, and a carried session follows the same rules there.
* The appointments carry no link between a cancellation and its make-up, so the ledger
  attributes by counts: at a month's close the unused sessions count as carried out up
  to the number of TAM cancellations, the rest as forfeited. In other words make-ups
  within the month are presumed to serve the customer's cancellations first, because
  only those are lost at the month's end (the reading that loses the customer least).
* Conservation, always: ``held + forfeited + carried_out + available ==
  allowance + carried_in`` with every count >= 0. In a closed month ``available`` is 0;
  in an open one (``as_of`` inside the month) nothing is forfeited or carried yet.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from typing import Any

import attrs

from supportpolicy import _coerce
from supportpolicy._render import Fact, Facts, Kind, Shown, record
from supportpolicy.engagement._months import Month, parse_month, utc, zone
from supportpolicy.engagement._text import tr
from supportpolicy.engagement.sessions import Session, SessionStatus, Violation, ViolationKind
from supportpolicy.engagement.tiers import TamTier, tam_tiers
from supportpolicy.engagement.views import ledger_state
from supportpolicy.errors import InvalidValueError
from supportpolicy.i18n import N_

__all__ = ["TamStatement", "tam_statement"]


@attrs.frozen(repr=False)
class TamStatement(Shown):
    """One month of one tier: the ledger counts, the sessions counted, the violations."""

    tier: TamTier
    month: Month
    timezone: str
    as_of: dt.datetime | None
    closed: bool
    allowance: int
    carried_in: int
    held: int
    billable_extra: int
    forfeited: int
    carried_out: int
    available: int
    cancelled_by_customer: int
    cancelled_by_tam: int
    review_meetings: int
    sessions: tuple[Session, ...]
    violations: tuple[Violation, ...]

    @property
    def held_total(self) -> int:
        """Every held session counted this month, within the allowance or billable."""
        return self.held + self.billable_extra

    @property
    def review_held(self) -> bool:
        """Whether a held session this month was the quarterly review."""
        return any(s.review and s.held for s in self.sessions)

    _domain = "engagement"

    def explain(self, locale: object = "en") -> str:
        """The statement in words, one fact per line, in *locale*."""
        t = tr(locale)
        lines = [
            t.gettext("{tier}, {month} (months in {timezone})").format(
                tier=self.tier.label(locale), month=str(self.month), timezone=self.timezone
            )
        ]
        if self.closed:
            lines.append(t.gettext("The month is closed."))
        else:
            when = self.as_of.astimezone(zone(self.timezone)) if self.as_of else None
            lines.append(
                t.gettext("Statement so far, as of {as_of}.").format(
                    as_of=when.isoformat(" ", "minutes") if when else ""
                )
            )
        rows = (
            (t.gettext("Sessions granted this month: {n}"), self.allowance),
            (t.gettext("Carried in from the previous month: {n}"), self.carried_in),
            (t.gettext("Held within the allowance: {n}"), self.held),
            (t.gettext("Forfeited: {n}"), self.forfeited),
            (t.gettext("Carried out to the next month: {n}"), self.carried_out),
            (t.gettext("Still available: {n}"), self.available),
            (t.gettext("Cancelled by the customer: {n}"), self.cancelled_by_customer),
            (t.gettext("Cancelled by the TAM: {n}"), self.cancelled_by_tam),
        )
        lines.extend(text.format(n=n) for text, n in rows)
        if self.billable_extra:
            lines.append(
                t.ngettext(
                    "{n} session held beyond the allowance is billable extra work.",
                    "{n} sessions held beyond the allowance are billable extra work.",
                    self.billable_extra,
                ).format(n=self.billable_extra)
            )
        if self.review_held:
            lines.append(t.gettext("A held session this month was the quarterly review."))
        lines.extend(v.explain(locale, self.timezone) for v in self.violations)
        return "\n".join(lines)

    def _facts(self) -> Facts:
        tz = zone(self.timezone)
        as_of = None if self.as_of is None else self.as_of.astimezone(tz)
        state = functools.partial(ledger_state, self.closed, self.as_of, self.timezone)
        brief = (
            f"{self.tier.key}, {self.month}, {'closed' if self.closed else 'open'}: held "
            f"{self.held} of {self.allowance}+{self.carried_in}, extra {self.billable_extra}, "
            f"forfeited {self.forfeited}, carried out {self.carried_out}, "
            f"available {self.available}"
        )
        return (
            Fact(None, None, brief, brief="{}"),
            Fact("tier", None, self.tier.key),
            Fact("month", None, str(self.month)),
            Fact("timezone", None, self.timezone),
            Fact("closed", None, self.closed, Kind.BOOL),
            Fact("as_of", None, as_of, Kind.INSTANT),
            Fact(None, N_("Month"), state, Kind.LOCALIZED),
            *(Fact(key, label, getattr(self, key), Kind.INT) for key, label in _COUNTS),
            Fact("review_meetings", None, self.review_meetings, Kind.INT),
            Fact("review_held", None, self.review_held, Kind.BOOL),
            Fact("sessions", None, len(self.sessions), Kind.INT),
            Fact("violations", None, len(self.violations), Kind.INT),
        )

    _rows_first = False

    def _rows(self) -> tuple[Facts, ...]:
        label = N_("Rule violations")
        return tuple(
            (
                Fact(
                    None,
                    label,
                    functools.partial(v.explain, timezone=self.timezone),
                    Kind.LOCALIZED,
                ),
            )
            for v in self.violations
        )

    def _caption(self, locale: str) -> str:
        return (
            tr(locale)
            .gettext("{tier}, {month} (months in {timezone})")
            .format(tier=self.tier.label(locale), month=str(self.month), timezone=self.timezone)
        )

    def records(self) -> list[dict[str, Any]]:
        """One flat row per session counted in the month, its start in the customer's
        timezone."""
        tz = zone(self.timezone)
        head = (Fact("tier", None, self.tier.key), Fact("month", None, str(self.month)))
        return [
            record((
                *head,
                Fact("at", None, session.at.astimezone(tz), Kind.INSTANT),
                Fact("minutes", None, session.minutes, Kind.INT),
                Fact("status", None, session.status, Kind.ENUM),
                Fact("review", None, session.review, Kind.BOOL),
            ))
            for session in self.sessions
        ]  # fmt: skip


_COUNTS = (
    ("allowance", N_("Sessions granted this month")),
    ("carried_in", N_("Carried in from the previous month")),
    ("held", N_("Held within the allowance")),
    ("billable_extra", N_("Held beyond the allowance (billable)")),
    ("forfeited", N_("Forfeited")),
    ("carried_out", N_("Carried out to the next month")),
    ("available", N_("Still available")),
    ("cancelled_by_customer", N_("Cancelled by the customer")),
    ("cancelled_by_tam", N_("Cancelled by the TAM")),
)
"""The ledger counts: record column and label, in the order a statement shows them."""


def _carried_in(value: object) -> int:
    return _coerce.integer(value, "carried_in", minimum=0)


def _sessions(value: object) -> tuple[Session, ...]:
    return _coerce.items_of(value, Session, "sessions")


def _outside(
    sessions: tuple[Session, ...], start: dt.datetime, end: dt.datetime, month: str
) -> list[Violation]:
    inside = [s for s in sessions if start <= s.at < end]
    customer = any(s.status is SessionStatus.CANCELLED_BY_CUSTOMER for s in inside)
    violations = []
    for s in sessions:
        if start <= s.at < end:
            continue
        late_reschedule = customer and s.held and s.at >= end
        kind = ViolationKind.RESCHEDULED_OUTSIDE_MONTH if late_reschedule else (
            ViolationKind.OUTSIDE_MONTH
        )
        violations.append(Violation(kind, s, month))
    return violations


def tam_statement(
    tier: object,
    month: object,
    sessions: Iterable[Session],
    carried_in: int = 0,
    as_of: dt.datetime | None = None,
    *,
    timezone: str | None = None,
) -> TamStatement:
    """The month statement of *tier* for *month* from its appointments *sessions*.

    *tier* is a preset name (``csm``, ``a``, ``b``, ``c``) or a :class:`TamTier`;
    *month* is ``"YYYY-MM"``, ``(year, month)`` or a date; *timezone* is the customer's
    (default: the tier's, from its file; America/New_York for the presets). ``as_of=None`` closes
    the month; an aware instant gives the statement so far.
    """
    chosen = tier if isinstance(tier, TamTier) else tam_tiers().get(tier)
    period = parse_month(month)
    tz = chosen.timezone if timezone is None else timezone
    start, end = period.bounds(tz)
    items = _sessions(sessions)
    brought = _carried_in(carried_in)
    cut = None if as_of is None else _coerce.aware(as_of, "as_of")
    closed = cut is None or cut >= end
    label = str(period)

    violations = _outside(items, start, end, label)
    inside = tuple(s for s in items if start <= s.at < end)
    for s in inside:
        if s.held and not closed and cut is not None and utc(s.at) >= utc(cut):
            raise InvalidValueError(
                f"session at {s.at.isoformat()} is marked held but starts at or after as_of "
                f"{cut.isoformat()}; only a session that started before as_of can be held"
            )
        if s.minutes > chosen.max_minutes:
            violations.append(Violation(ViolationKind.TOO_LONG, s, label, chosen.max_minutes))
        if s.review and not s.held:
            violations.append(Violation(ViolationKind.REVIEW_NOT_HELD, s, label))

    # On a tier without working sessions (CSM) the review is its own meeting, not billable.
    meeting = chosen.sessions_per_month == 0
    review_meetings = sum(1 for s in inside if s.held and s.review and meeting)
    held_count = sum(1 for s in inside if s.held) - review_meetings
    by_tam = sum(1 for s in inside if s.status is SessionStatus.CANCELLED_BY_TAM)
    by_customer = sum(1 for s in inside if s.status is SessionStatus.CANCELLED_BY_CUSTOMER)

    slots = chosen.sessions_per_month + brought
    held = min(held_count, slots)
    unused = slots - held
    carried_out = min(unused, by_tam) if closed else 0
    forfeited = unused - carried_out if closed else 0
    return TamStatement(
        tier=chosen,
        month=period,
        timezone=tz,
        as_of=cut,
        closed=closed,
        allowance=chosen.sessions_per_month,
        carried_in=brought,
        held=held,
        billable_extra=held_count - held,
        forfeited=forfeited,
        carried_out=carried_out,
        available=unused - carried_out - forfeited,
        cancelled_by_customer=by_customer,
        cancelled_by_tam=by_tam,
        review_meetings=review_meetings,
        sessions=tuple(sorted(inside, key=lambda s: utc(s.at))),
        violations=tuple(sorted(violations, key=lambda v: utc(v.session.at))),
    )
