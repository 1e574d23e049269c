"""The fact rows that several coverage values share: the columns of a statement.

Decisions, policies and statements declare their facts (``_facts()``) in their own
modules and :mod:`supportpolicy._render` renders them (records: money and hours as
exact decimal strings, never floats; dates in ISO 8601). A statement line and a
statement's total row have the same columns, declared once here. This module imports
no value module (they import it).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from supportpolicy._render import Fact, Facts, Kind
from supportpolicy.coverage.rules import Rule
from supportpolicy.i18n import N_, translator

__all__ = ["line_facts", "rule_facts", "total_label"]


def total_label(locale: str) -> str:
    """``Total``, localized (the first cell of a statement's last row)."""
    return translator(locale, "coverage").gettext("Total")


def line_facts(
    ticket: object,
    date: dt.date | None,
    hours: tuple[Decimal, Decimal, Decimal],
    money: tuple[Decimal | None, Decimal],
    currency: str | None,
) -> Facts:
    """Ticket, date, hours (all, free, billable), rate and amount of a statement row
    (*money* is the rate and the amount)."""
    every, free, billable = hours
    rate, amount = money
    return (
        Fact("ticket", N_("Ticket"), ticket, Kind.LOCALIZED if callable(ticket) else Kind.TEXT),
        Fact("date", N_("Date"), date, Kind.DATE),
        Fact("hours", N_("Hours"), every, Kind.DECIMAL),
        Fact("free_hours", N_("Free hours"), free, Kind.DECIMAL),
        Fact("billable_hours", N_("Billable hours"), billable, Kind.DECIMAL),
        Fact("rate", N_("Rate"), rate, Kind.MONEY, currency=currency),
        Fact("amount", N_("Amount"), amount, Kind.MONEY, currency=currency),
    )


def _hash(locale: str) -> str:
    return "#"


def rule_facts(number: int, rule: Rule) -> Facts:
    """A row of a policy's rule table: number, rule id, verdict and reason."""
    return (
        Fact(None, _hash, number),
        Fact(None, N_("Rule"), rule.id),
        Fact(None, N_("Verdict"), rule.verdict, Kind.ENUM),
        Fact(None, N_("Reason"), rule.reason_text, Kind.LOCALIZED),
    )
