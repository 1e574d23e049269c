"""Monthly billing of billable time: entries in, one statement per customer out (001).

Money and hours are :class:`~decimal.Decimal` throughout (floats are refused). Each
line's amount is hours x rate, computed exactly and rounded once, half-up, to the
currency's minor unit; the statement's total is the exact sum of its line amounts, so
the spreadsheet adds up to the cent. Months are calendar months in the customer's
timezone: an aware datetime is converted to it before its month is taken, a plain date
is taken as it is. Pre-sales hours on a lead ticket are free up to the hours approved
on it and billable beyond, consumed in time order across all months.
"""

from __future__ import annotations

import datetime as dt
import decimal
import zoneinfo
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

import attrs
from babel.numbers import get_currency_precision, is_currency

from supportpolicy import _coerce, _limits
from supportpolicy._render import Fact, Facts, Kind, Shown, records
from supportpolicy.coverage.views import line_facts, total_label
from supportpolicy.errors import InvalidTypeError, InvalidValueError, shown
from supportpolicy.i18n import translator

__all__ = ["Statement", "StatementLine", "TimeEntry", "monthly_statement", "monthly_statements"]

_LIMIT = Decimal(10) ** 12
_MAX_PLACES = 10
# Exact arithmetic: inputs are bounded above, so no result needs 200 digits; any
# inexact step would raise instead of rounding silently.
_EXACT = decimal.Context(
    prec=200, rounding=decimal.ROUND_HALF_UP, traps=[decimal.Inexact, decimal.InvalidOperation]
)
# The one deliberate rounding: half-up to the minor unit (Inexact expected there).
_ROUNDING = decimal.Context(
    prec=200, rounding=decimal.ROUND_HALF_UP, traps=[decimal.InvalidOperation]
)


def _money(value: object, name: str) -> Decimal:
    if isinstance(value, float):
        raise InvalidTypeError(
            f"{name} must be a Decimal, int or numeric string such as '12.50', not a float "
            f"({shown(value)}): floats cannot hold money exactly"
        )
    number = _coerce.decimal(value, name)
    if number >= _LIMIT or number.as_tuple().exponent < -_MAX_PLACES:  # type: ignore[operator]
        raise InvalidValueError(
            f"{name} {shown(value)} is out of range; accepted: 0 <= {name} < 10^12 with at most "
            f"{_MAX_PLACES} decimal places"
        )
    return number + Decimal(0)  # normalizes -0 to 0


def _hours(value: object) -> Decimal:
    return _money(value, "hours")


def _rate(value: object) -> Decimal:
    return _money(value, "rate")


def _currency(value: object) -> str:
    if not isinstance(value, str) or not is_currency(value.strip().upper(), locale="en"):
        raise InvalidValueError(
            f"unknown currency {shown(value)}; give an ISO 4217 code such as 'EUR', 'CHF' or 'RUB'"
        )
    return value.strip().upper()


def _name(value: object, name: str) -> str:
    if not isinstance(value, str):
        raise InvalidTypeError(f"{name} must be a non-empty string, got {type(value).__name__}")
    if not value.strip() or len(value) > _limits.MAX_TEXT_CHARS:
        raise InvalidValueError(
            f"{name} {shown(value)} is not accepted; give a non-empty text of at "
            f"most {_limits.MAX_TEXT_CHARS} characters"
        )
    return value.strip()


def _customer(value: object) -> str:
    return _name(value, "customer")


def _ticket(value: object) -> str:
    return _name(value, "ticket")


def _when(value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        return _coerce.aware(value, "date")
    if isinstance(value, dt.date):
        return _coerce.day(value, "date")
    raise InvalidTypeError(
        f"date must be a datetime.date or an aware datetime.datetime, got {type(value).__name__}"
    )


@attrs.frozen
class TimeEntry:
    """Billable time booked on a ticket: who, which ticket, when, how long, at what rate."""

    customer: str = attrs.field(converter=_customer)
    ticket: str = attrs.field(converter=_ticket)
    date: dt.date = attrs.field(converter=_when)
    hours: Decimal = attrs.field(converter=_hours)
    rate: Decimal = attrs.field(converter=_rate)
    currency: str = attrs.field(converter=_currency)


@attrs.frozen(repr=False)
class StatementLine(Shown):
    """One entry on a statement: its local date, free and billable hours, and amount."""

    ticket: str
    date: dt.date
    hours: Decimal
    free_hours: Decimal
    billable_hours: Decimal
    rate: Decimal
    amount: Decimal

    _domain = "coverage"

    def _facts(self) -> Facts:
        return self._columns(None)

    def _columns(self, currency: str | None) -> Facts:
        hours = (self.hours, self.free_hours, self.billable_hours)
        brief = f"{self.ticket}, {self.date.isoformat()}, {self.hours} h, amount {self.amount}"
        return (
            Fact(None, None, brief, brief="{}"),
            *line_facts(self.ticket, self.date, hours, (self.rate, self.amount), currency),
        )


@attrs.frozen(repr=False)
class Statement(Shown):
    """A customer's billable time for one calendar month, in one currency."""

    customer: str
    month: str
    currency: str | None
    lines: tuple[StatementLine, ...]
    total: Decimal

    _domain = "coverage"

    @property
    def hours(self) -> Decimal:
        """All hours on the statement, free ones included."""
        return _sum(line.hours for line in self.lines)

    @property
    def free_hours(self) -> Decimal:
        """Hours free of charge (approved pre-sales hours on lead tickets)."""
        return _sum(line.free_hours for line in self.lines)

    @property
    def billable_hours(self) -> Decimal:
        """Hours charged."""
        return _sum(line.billable_hours for line in self.lines)

    def _facts(self) -> Facts:
        currency = f" {self.currency}" if self.currency else ""
        brief = (
            f"{self.customer}, {self.month}, {len(self.lines)} lines, total {self.total}{currency}"
        )
        return (
            Fact(None, None, brief, brief="{}"),
            *self._head(),
            Fact("lines", None, len(self.lines), Kind.INT),
            Fact("hours", None, self.hours, Kind.DECIMAL),
            Fact("free_hours", None, self.free_hours, Kind.DECIMAL),
            Fact("billable_hours", None, self.billable_hours, Kind.DECIMAL),
            Fact("total", None, self.total, Kind.MONEY),
        )

    def _head(self) -> Facts:
        return (
            Fact("customer", None, self.customer),
            Fact("month", None, self.month),
            Fact("currency", None, self.currency),
        )

    def _rows(self) -> tuple[Facts, ...]:
        hours = (self.hours, self.free_hours, self.billable_hours)
        total = line_facts(total_label, None, hours, (None, self.total), self.currency)
        blank = [attrs.evolve(total[i], value="", kind=Kind.TEXT) for i in (1, 5)]
        return (
            *(line._columns(self.currency) for line in self.lines),
            (total[0], blank[0], *total[2:5], blank[1], total[6]),
        )

    def _caption(self, locale: str) -> str:
        return (
            translator(locale, "coverage")
            .gettext("Statement for {customer}, {month}")
            .format(customer=self.customer, month=self.month)
        )

    def records(self) -> list[dict[str, Any]]:
        """One flat row per line, with the statement's customer, month and currency."""
        return records(self._head(), self.lines)

    def summary(self, locale: str = "en") -> str:
        """One line: customer, month, number of entries and total, in *locale*."""
        tr = translator(locale, "coverage")
        count = len(self.lines)
        text = tr.ngettext(
            "{customer}, {month}: {n} time entry, total {total} {currency}",
            "{customer}, {month}: {n} time entries, total {total} {currency}",
            count,
        )
        return text.format(
            customer=self.customer, month=self.month, n=count,
            total=self.total, currency=self.currency or "",
        )


def monthly_statement(
    entries: Iterable[TimeEntry],
    *,
    customer: str,
    month: str,
    timezone: str | None = None,
    approved_hours: Mapping[str, object] | None = None,
    currency: str | None = None,
) -> Statement:
    """The statement of *customer* for *month* (``"YYYY-MM"``).

    *entries* may span several months and customers; those of other customers are
    ignored, those of earlier months count only against lead-ticket allowances.
    *timezone* (IANA name) is required when an entry carries a datetime.
    *approved_hours* maps lead tickets to the pre-sales hours approved on them.

    >>> entries = [TimeEntry("ACME", "T-1", dt.date(2026, 11, 3), "1.5", "120", "CHF")]
    >>> monthly_statement(entries, customer="ACME", month="2026-11").total
    Decimal('180.00')
    """
    who = _name(customer, "customer")
    year, number = _month(month)
    zone = _zone(timezone)
    allowance = _allowances(approved_hours)
    wanted = None if currency is None else _currency(currency)
    own = [e for e in _entries(entries) if e.customer == who]
    dated = sorted(
        ((_local(e.date, zone), index, e) for index, e in enumerate(own)),
        key=lambda item: (item[0], item[1]),
    )
    lines: list[StatementLine] = []
    currencies: set[str] = set()
    for (local, _index, entry) in dated:
        free = min(entry.hours, allowance.get(entry.ticket, Decimal(0)))
        if entry.ticket in allowance:
            allowance[entry.ticket] = _EXACT.subtract(allowance[entry.ticket], free)
        if (local[0].year, local[0].month) != (year, number):
            continue
        currencies.add(entry.currency)
        billable = _EXACT.subtract(entry.hours, free)
        lines.append(StatementLine(
            ticket=entry.ticket, date=local[0], hours=entry.hours, free_hours=free,
            billable_hours=billable, rate=entry.rate,
            amount=_round(_EXACT.multiply(billable, entry.rate), entry.currency),
        ))
    if wanted is not None:
        currencies.add(wanted)
    if len(currencies) > 1:
        raise InvalidValueError(
            f"{who}'s entries for {year:04d}-{number:02d} mix currencies "
            f"({', '.join(sorted(currencies))}); one statement takes one currency"
        )
    total = _sum(line.amount for line in lines)
    return Statement(
        customer=who, month=f"{year:04d}-{number:02d}",
        currency=next(iter(currencies), None), lines=tuple(lines), total=total,
    )


def monthly_statements(
    entries: Iterable[TimeEntry],
    *,
    month: str,
    timezones: Mapping[str, str] | str | None = None,
    approved_hours: Mapping[str, object] | None = None,
) -> tuple[Statement, ...]:
    """One statement per customer with entries in *month*, sorted by customer.

    *timezones* is one IANA name for all customers or a mapping customer -> name.
    """
    items = _entries(entries)
    if not (timezones is None or isinstance(timezones, str | Mapping)):
        raise InvalidTypeError(
            "timezones must be one IANA zone name or a mapping customer -> zone name, "
            f"got {type(timezones).__name__}"
        )
    statements = []
    for who in sorted({e.customer for e in items}):
        zone = timezones if timezones is None or isinstance(timezones, str) else timezones.get(who)
        statement = monthly_statement(
            items, customer=who, month=month, timezone=zone, approved_hours=approved_hours
        )
        if statement.lines:
            statements.append(statement)
    return tuple(statements)


def minor_unit(currency: str) -> int:
    """The number of decimal places of *currency*'s minor unit (CHF 2, JPY 0)."""
    return int(get_currency_precision(_currency(currency)))


def _sum(values: Iterable[Decimal]) -> Decimal:
    """Exact sum (the default 28-digit context could round a long column)."""
    total = Decimal(0)
    for value in values:
        total = _EXACT.add(total, value)
    return total


def _round(amount: Decimal, currency: str) -> Decimal:
    exponent = Decimal(1).scaleb(-minor_unit(currency))
    return amount.quantize(exponent, rounding=decimal.ROUND_HALF_UP, context=_ROUNDING)


def _entries(entries: object) -> list[TimeEntry]:
    return list(_coerce.items_of(entries, TimeEntry, "entries"))


def _month(value: object) -> tuple[int, int]:
    return _coerce.month(value, "month")


def _zone(name: object) -> zoneinfo.ZoneInfo | None:
    return None if name is None else _coerce.zone(name, "timezone")


def _local(when: dt.date, zone: zoneinfo.ZoneInfo | None) -> tuple[dt.date, int, dt.time]:
    """Sort key and local date: plain dates first within a day, then timed entries."""
    if isinstance(when, dt.datetime):
        if zone is None:
            raise InvalidValueError(
                f"entry at {when.isoformat()} carries a time; give the customer's timezone "
                "so that its month can be taken there"
            )
        local = when.astimezone(zone)
        return local.date(), 1, local.time()
    return when, 0, dt.time(0)


def _allowances(approved: Mapping[str, object] | None) -> dict[str, Decimal]:
    if approved is None:
        return {}
    if not isinstance(approved, Mapping):
        raise InvalidTypeError("approved_hours must be a mapping: lead ticket -> hours")
    return {_ticket(ticket): _hours(hours) for ticket, hours in approved.items()}
