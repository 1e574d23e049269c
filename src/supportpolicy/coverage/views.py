"""Notebook display and records of the coverage results: decisions, policies, statements.

The classes call these functions from their ``__repr__``, ``to_html``/``_repr_html_``,
``to_dict`` and ``records`` methods. Reprs are one short line; HTML is a small table
with labels from the ``coverage`` catalog and every text escaped
(:mod:`supportpolicy._display`); records are flat dicts of JSON values, with money
and hours as exact decimal strings (never floats) and dates in ISO 8601.

Only types are imported from the value modules (they import this one).
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from supportpolicy import _display
from supportpolicy.i18n import format_date, format_decimal, format_money, translator

if TYPE_CHECKING:
    from supportpolicy.coverage.billing import Statement, StatementLine
    from supportpolicy.coverage.decisions import Decision
    from supportpolicy.coverage.policies import Policy

__all__ = [
    "decision_html",
    "decision_repr",
    "line_record",
    "line_repr",
    "policy_html",
    "policy_repr",
    "statement_html",
    "statement_record",
    "statement_records",
    "statement_repr",
]

_LIMIT = _display.REPR_LIMIT


def decision_repr(decision: Decision) -> str:
    """``Decision(saas: billable, rule 6 change-request)``."""
    return _display.clip(
        f"Decision({decision.policy.name}: {decision.verdict.value}, "
        f"rule {decision.rule_number} {decision.rule.id})",
        _LIMIT,
    )


def decision_html(decision: Decision, locale: str) -> str:
    """Verdict, reason, next step, the request, and the rule and document that decided."""
    tr = translator(locale, "coverage")
    request = decision.request
    rows: list[tuple[str, object]] = [
        (tr.gettext("Verdict"), decision.verdict.label(locale)),
        (tr.gettext("Reason"), decision.reason(locale)),
        (tr.gettext("Next step"), decision.next_text(locale)),
        (tr.gettext("Request"), request.kind.label(locale)),
    ]
    if request.channel is not None:
        rows.append((tr.gettext("Channel"), request.channel.label(locale)))
    if request.plan is not None:
        rows.append((tr.gettext("Plan"), decision.policy.plan_label(request.plan, locale)))
    if request.tier is not None:
        rows.append((tr.gettext("Tier"), request.tier.upper()))
    rows.extend(
        [
            (tr.gettext("Rule"), f"{decision.rule_number} ({decision.rule.id})"),
            (tr.gettext("Policy"), decision.policy.title_text(locale)),
            (tr.gettext("Source document"), decision.policy.source),
        ]
    )
    return _display.pairs(rows, tr.gettext("Coverage decision"))


def policy_repr(policy: Policy) -> str:
    """``Policy(saas, 9 rules, source 001_18e5686844ebd9ae.txt)``."""
    return _display.clip(
        f"Policy({policy.name}, {len(policy.rules)} rules, source {policy.source})", _LIMIT
    )


def policy_html(policy: Policy, locale: str) -> str:
    """The ordered rule table: number, rule id, verdict and reason (first match wins)."""
    tr = translator(locale, "coverage")
    header = ("#", tr.gettext("Rule"), tr.gettext("Verdict"), tr.gettext("Reason"))
    rows = [
        (number, rule.id, rule.verdict.label(locale), rule.reason_text(locale))
        for number, rule in enumerate(policy.rules, start=1)
    ]
    facts = [(tr.gettext("Source document"), policy.source)]
    return _display.grid(header, rows, policy.title_text(locale)) + _display.pairs(facts)


def _amount(value: Decimal, currency: str | None, locale: str) -> str:
    if currency is None:
        return format_decimal(value, locale)
    return format_money(value, currency, locale)


def line_repr(line: StatementLine) -> str:
    """``StatementLine(T-1, 2026-11-03, 1.5 h, amount 180.00)``."""
    return _display.clip(
        f"StatementLine({line.ticket}, {line.date.isoformat()}, {line.hours} h, "
        f"amount {line.amount})",
        _LIMIT,
    )


def line_record(line: StatementLine) -> dict[str, Any]:
    """One line: ticket, ISO date, hours (all, free, billable), rate and amount as strings."""
    return {
        "ticket": line.ticket,
        "date": _display.iso(line.date),
        "hours": _display.decimal_text(line.hours),
        "free_hours": _display.decimal_text(line.free_hours),
        "billable_hours": _display.decimal_text(line.billable_hours),
        "rate": _display.decimal_text(line.rate),
        "amount": _display.decimal_text(line.amount),
    }


def statement_repr(statement: Statement) -> str:
    """``Statement(ACME, 2026-11, 1 lines, total 180.00 CHF)``."""
    currency = f" {statement.currency}" if statement.currency else ""
    return _display.clip(
        f"Statement({statement.customer}, {statement.month}, {len(statement.lines)} lines, "
        f"total {statement.total}{currency})",
        _LIMIT,
    )


def statement_record(statement: Statement) -> dict[str, Any]:
    """The statement's totals in one flat row (decimal strings)."""
    return {
        "customer": statement.customer,
        "month": statement.month,
        "currency": statement.currency,
        "lines": len(statement.lines),
        "hours": _display.decimal_text(statement.hours),
        "free_hours": _display.decimal_text(statement.free_hours),
        "billable_hours": _display.decimal_text(statement.billable_hours),
        "total": _display.decimal_text(statement.total),
    }


def statement_records(statement: Statement) -> list[dict[str, Any]]:
    """One row per line, each with the statement's customer, month and currency."""
    head = {
        "customer": statement.customer,
        "month": statement.month,
        "currency": statement.currency,
    }
    return [{**head, **line_record(line)} for line in statement.lines]


def statement_html(statement: Statement, locale: str) -> str:
    """The lines with localized dates, numbers and money, and the total as the last row."""
    tr = translator(locale, "coverage")
    header = (
        tr.gettext("Ticket"),
        tr.gettext("Date"),
        tr.gettext("Hours"),
        tr.gettext("Free hours"),
        tr.gettext("Billable hours"),
        tr.gettext("Rate"),
        tr.gettext("Amount"),
    )
    cur = statement.currency
    rows: list[tuple[object, ...]] = [
        (
            line.ticket,
            format_date(line.date, locale),
            format_decimal(line.hours, locale),
            format_decimal(line.free_hours, locale),
            format_decimal(line.billable_hours, locale),
            _amount(line.rate, cur, locale),
            _amount(line.amount, cur, locale),
        )
        for line in statement.lines
    ]
    rows.append(
        (
            tr.gettext("Total"),
            "",
            format_decimal(statement.hours, locale),
            format_decimal(statement.free_hours, locale),
            format_decimal(statement.billable_hours, locale),
            "",
            _amount(statement.total, cur, locale),
        )
    )
    caption = tr.gettext("Statement for {customer}, {month}").format(
        customer=statement.customer, month=statement.month
    )
    return _display.grid(header, rows, caption)
