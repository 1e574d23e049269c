"""Monthly statements (001): months in the customer's timezone, exact money, pre-sales."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from decimal import Decimal

from supportpolicy import coverage
from supportpolicy.coverage import TimeEntry, monthly_statement, monthly_statements

ZURICH = zoneinfo.ZoneInfo("Europe/Zurich")


def test_month_is_taken_in_the_customers_timezone() -> None:
    # 23:30 UTC on 31 October is already 1 November in Moscow (UTC+3), not in New York.
    late = dt.datetime(2026, 10, 31, 23, 30, tzinfo=dt.UTC)
    entry = TimeEntry("ACME", "T-1", late, "2", "100", "RUB")
    moscow = monthly_statement([entry], customer="ACME", month="2026-11",
                               timezone="Europe/Moscow")
    new_york = monthly_statement([entry], customer="ACME", month="2026-11",
                                 timezone="America/New_York")
    assert [line.date for line in moscow.lines] == [dt.date(2026, 11, 1)]
    assert new_york.lines == ()
    assert monthly_statement([entry], customer="ACME", month="2026-10",
                             timezone="America/New_York").total == Decimal("200.00")


def test_plain_dates_are_taken_as_they_are() -> None:
    entry = TimeEntry("ACME", "T-1", dt.date(2026, 11, 30), "1", "80", "EUR")
    statement = monthly_statement([entry], customer="ACME", month="2026-11",
                                  timezone="Pacific/Kiritimati")
    assert statement.lines[0].date == dt.date(2026, 11, 30)


def test_amounts_round_once_half_up_to_the_minor_unit() -> None:
    # 0.125 h x 1 = 0.125 -> 0.13 (half-up; banker's rounding would give 0.12).
    chf = TimeEntry("ACME", "T-1", dt.date(2026, 11, 2), "0.125", "1", "CHF")
    assert monthly_statement([chf], customer="ACME", month="2026-11").total == Decimal("0.13")
    # JPY has no minor unit: 0.5 h x 3 = 1.5 -> 2.
    jpy = TimeEntry("ACME", "T-1", dt.date(2026, 11, 2), "0.5", "3", "JPY")
    assert monthly_statement([jpy], customer="ACME", month="2026-11").total == Decimal("2")


def test_total_is_the_sum_of_rounded_lines() -> None:
    # Three lines of 0.005 each round to 0.01 each: the sheet adds up to 0.03.
    entries = [TimeEntry("ACME", f"T-{i}", dt.date(2026, 11, 2), "0.005", "1", "EUR")
               for i in range(3)]
    statement = monthly_statement(entries, customer="ACME", month="2026-11")
    assert [line.amount for line in statement.lines] == [Decimal("0.01")] * 3
    assert statement.total == Decimal("0.03")


def test_presales_free_up_to_approved_hours_then_billable_across_months() -> None:
    """001: hours approved on the lead ticket are free; the rest is billable."""
    entries = [
        TimeEntry("ACME", "LEAD-7", dt.date(2026, 10, 20), "3", "150", "CHF"),
        TimeEntry("ACME", "LEAD-7", dt.date(2026, 11, 2), "4", "150", "CHF"),
        TimeEntry("ACME", "LEAD-7", dt.date(2026, 11, 9), "2", "150", "CHF"),
        TimeEntry("ACME", "T-1", dt.date(2026, 11, 9), "1", "150", "CHF"),
    ]
    october = monthly_statement(entries, customer="ACME", month="2026-10",
                                approved_hours={"LEAD-7": "5"})
    november = monthly_statement(entries, customer="ACME", month="2026-11",
                                 approved_hours={"LEAD-7": "5"})
    assert october.total == Decimal("0.00")
    assert [(line.free_hours, line.billable_hours) for line in november.lines] == [
        (Decimal("2"), Decimal("2")), (Decimal("0"), Decimal("2")), (Decimal("0"), Decimal("1")),
    ]
    assert november.free_hours == Decimal("2")
    assert november.total == Decimal("750.00")


def test_other_customers_are_ignored_and_statements_come_per_customer() -> None:
    entries = [
        TimeEntry("Beta", "B-1", dt.date(2026, 11, 5), "1", "90", "EUR"),
        TimeEntry("ACME", "A-1", dt.date(2026, 11, 5), "2", "100", "EUR"),
        TimeEntry("Gamma", "G-1", dt.date(2026, 12, 1), "1", "100", "EUR"),
    ]
    statements = monthly_statements(entries, month="2026-11")
    assert [(s.customer, s.total) for s in statements] == [
        ("ACME", Decimal("200.00")), ("Beta", Decimal("90.00")),
    ]


def test_per_customer_timezones() -> None:
    instant = dt.datetime(2026, 11, 30, 23, 30, tzinfo=dt.UTC)
    entries = [TimeEntry("East", "E-1", instant, "1", "10", "EUR"),
               TimeEntry("West", "W-1", instant, "1", "10", "EUR")]
    statements = monthly_statements(
        entries, month="2026-11", timezones={"East": "Asia/Tokyo", "West": "America/Chicago"}
    )
    assert [s.customer for s in statements] == ["West"]


def test_summary_is_localized_with_plurals() -> None:
    entries = [TimeEntry("ACME", f"T-{i}", dt.date(2026, 11, 2), "1", "10", "EUR")
               for i in range(2)]
    statement = monthly_statement(entries, customer="ACME", month="2026-11")
    assert "2 time entries" in statement.summary("en")
    assert "2 записи времени" in statement.summary("ru")
    assert "2 Zeiteinträge" in statement.summary("de")


def test_empty_month_totals_zero() -> None:
    statement = monthly_statement([], customer="ACME", month="2026-11", currency="EUR")
    assert statement.total == Decimal(0)
    assert statement.lines == ()
    assert statement.currency == "EUR"


def test_caller_entries_are_not_mutated() -> None:
    entries = [TimeEntry("ACME", "LEAD", dt.datetime(2026, 11, 2, 9, tzinfo=ZURICH), "2", "1",
                         "EUR")]
    approved = {"LEAD": Decimal("1")}
    before = (list(entries), dict(approved))
    monthly_statement(entries, customer="ACME", month="2026-11", timezone="Europe/Zurich",
                      approved_hours=approved)
    assert (entries, approved) == before


def test_minor_unit_from_babel() -> None:
    assert coverage.minor_unit("chf") == 2
    assert coverage.minor_unit("JPY") == 0
