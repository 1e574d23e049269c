"""Notebook display and records of the engagement results: routing decisions, TAM
tiers and TAM month statements.

The classes call these functions from their ``__repr__``, ``to_html``/``_repr_html_``,
``to_dict`` and ``records`` methods. Reprs are one short line; HTML is a small table
with labels from the ``engagement`` catalog and every text escaped
(:mod:`supportpolicy._display`); records are flat dicts of JSON values (hours as exact
decimal strings, instants in ISO 8601 in the customer's timezone, counts as ints).

Only types are imported from the value modules (they import this one).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from supportpolicy import _display
from supportpolicy.engagement._months import zone
from supportpolicy.engagement._text import number, tr

if TYPE_CHECKING:
    from supportpolicy.engagement.routing import Routing
    from supportpolicy.engagement.statement import TamStatement
    from supportpolicy.engagement.tiers import TamTier, TierSet

__all__ = [
    "routing_html",
    "routing_record",
    "routing_repr",
    "statement_html",
    "statement_record",
    "statement_records",
    "statement_repr",
    "tier_html",
    "tier_record",
    "tier_repr",
    "tiers_html",
    "tiers_records",
    "tiers_repr",
]

_LIMIT = _display.REPR_LIMIT


# --- routing -----------------------------------------------------------------------------


def routing_repr(routing: Routing) -> str:
    """``Routing(12.5 h > 8 h: statement-of-work)``."""
    sign = ">" if routing.hours > routing.threshold else "<="
    return _display.clip(
        f"Routing({routing.hours} h {sign} {routing.threshold} h: {routing.route.value})", _LIMIT
    )


def routing_record(routing: Routing) -> dict[str, Any]:
    """Estimate, threshold (decimal strings) and the route's value."""
    return {
        "hours": _display.decimal_text(routing.hours),
        "threshold": _display.decimal_text(routing.threshold),
        "route": routing.route.value,
    }


def routing_html(routing: Routing, locale: str) -> str:
    """Estimate, threshold, route and why, localized."""
    t = tr(locale)
    rows = [
        (t.gettext("Estimated hours"), number(routing.hours, locale)),
        (t.gettext("Threshold in hours"), number(routing.threshold, locale)),
        (t.gettext("Route"), routing.route.label(locale)),
        (t.gettext("Why"), routing.explain(locale)),
    ]
    return _display.pairs(rows, t.gettext("Routing of an implementation request"))


# --- tiers -------------------------------------------------------------------------------


def tier_repr(tier: TamTier) -> str:
    """``TamTier(a, 4 sessions/month weekly, max 60 min)``."""
    return _display.clip(
        f"TamTier({tier.key}, {tier.sessions_per_month} sessions/month {tier.cadence.value}, "
        f"max {tier.max_minutes} min)",
        _LIMIT,
    )


def tier_record(tier: TamTier) -> dict[str, Any]:
    """The tier's facts; ``name`` is its English display name."""
    return {
        "tier": tier.key,
        "name": tier.label("en"),
        "sessions_per_month": tier.sessions_per_month,
        "cadence": tier.cadence.value,
        "max_minutes": tier.max_minutes,
        "masterclass_seats": tier.masterclass_seats,
        "timezone": tier.timezone,
    }


def _tier_header(locale: str) -> tuple[str, ...]:
    t = tr(locale)
    return (
        t.gettext("Tier"),
        t.gettext("Sessions per month"),
        t.gettext("Cadence"),
        t.gettext("Longest session in minutes"),
        t.gettext("Masterclass seats"),
    )


def _tier_row(tier: TamTier, locale: str) -> tuple[object, ...]:
    return (
        tier.label(locale),
        tier.sessions_per_month,
        tier.cadence.label(locale),
        tier.max_minutes,
        tier.masterclass_seats,
    )


def tier_html(tier: TamTier, locale: str) -> str:
    """One row: name, sessions per month, cadence, longest session, masterclass seats."""
    caption = tr(locale).gettext("Months in {timezone}").format(timezone=tier.timezone)
    return _display.grid(_tier_header(locale), [_tier_row(tier, locale)], caption)


def tiers_repr(tiers: TierSet) -> str:
    """``TierSet(csm, a, b, c; America/New_York)``."""
    return _display.clip(f"TierSet({', '.join(tiers.tiers)}; {tiers.timezone})", _LIMIT)


def tiers_records(tiers: TierSet) -> list[dict[str, Any]]:
    """One row per tier (see :func:`tier_record`)."""
    return [tier_record(tier) for tier in tiers.tiers.values()]


def tiers_html(tiers: TierSet, locale: str) -> str:
    """One row per tier, captioned with the customer timezone months are counted in."""
    caption = tr(locale).gettext("Months in {timezone}").format(timezone=tiers.timezone)
    rows = [_tier_row(tier, locale) for tier in tiers.tiers.values()]
    return _display.grid(_tier_header(locale), rows, caption)


# --- TAM month statements ----------------------------------------------------------------


def statement_repr(statement: TamStatement) -> str:
    """``TamStatement(a, 2026-11, closed: held 3 of 4+1, extra 0, forfeited 1, ...)``."""
    state = "closed" if statement.closed else "open"
    return _display.clip(
        f"TamStatement({statement.tier.key}, {statement.month}, {state}: held "
        f"{statement.held} of {statement.allowance}+{statement.carried_in}, extra "
        f"{statement.billable_extra}, forfeited {statement.forfeited}, carried out "
        f"{statement.carried_out}, available {statement.available})",
        _LIMIT,
    )


def statement_record(statement: TamStatement) -> dict[str, Any]:
    """The month's ledger in one flat row: counts as ints, ``as_of`` in ISO 8601."""
    as_of = statement.as_of
    return {
        "tier": statement.tier.key,
        "month": str(statement.month),
        "timezone": statement.timezone,
        "closed": statement.closed,
        "as_of": None if as_of is None else as_of.astimezone(zone(statement.timezone)).isoformat(),
        "allowance": statement.allowance,
        "carried_in": statement.carried_in,
        "held": statement.held,
        "billable_extra": statement.billable_extra,
        "forfeited": statement.forfeited,
        "carried_out": statement.carried_out,
        "available": statement.available,
        "cancelled_by_customer": statement.cancelled_by_customer,
        "cancelled_by_tam": statement.cancelled_by_tam,
        "review_meetings": statement.review_meetings,
        "review_held": statement.review_held,
        "sessions": len(statement.sessions),
        "violations": len(statement.violations),
    }


def statement_records(statement: TamStatement) -> list[dict[str, Any]]:
    """One row per session counted in the month, its start in the customer's timezone."""
    tz = zone(statement.timezone)
    return [
        {
            "tier": statement.tier.key,
            "month": str(statement.month),
            "at": session.at.astimezone(tz).isoformat(),
            "minutes": session.minutes,
            "status": session.status.value,
            "review": session.review,
        }
        for session in statement.sessions
    ]


def statement_html(statement: TamStatement, locale: str) -> str:
    """The ledger counts, then the rule violations (if any) in words."""
    t = tr(locale)
    if statement.closed or statement.as_of is None:
        state = t.gettext("closed")
    else:
        when = statement.as_of.astimezone(zone(statement.timezone)).strftime("%Y-%m-%d %H:%M")
        state = t.gettext("open, so far as of {as_of}").format(as_of=when)
    rows: list[tuple[str, object]] = [
        (t.gettext("Month"), state),
        (t.gettext("Sessions granted this month"), statement.allowance),
        (t.gettext("Carried in from the previous month"), statement.carried_in),
        (t.gettext("Held within the allowance"), statement.held),
        (t.gettext("Held beyond the allowance (billable)"), statement.billable_extra),
        (t.gettext("Forfeited"), statement.forfeited),
        (t.gettext("Carried out to the next month"), statement.carried_out),
        (t.gettext("Still available"), statement.available),
        (t.gettext("Cancelled by the customer"), statement.cancelled_by_customer),
        (t.gettext("Cancelled by the TAM"), statement.cancelled_by_tam),
    ]
    caption = t.gettext("{tier}, {month} (months in {timezone})").format(
        tier=statement.tier.label(locale), month=str(statement.month), timezone=statement.timezone
    )
    text = _display.pairs(rows, caption)
    if statement.violations:
        problems = [(v.explain(locale, statement.timezone),) for v in statement.violations]
        text += _display.grid((t.gettext("Rule violations"),), problems)
    return text
