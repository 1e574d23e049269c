"""The monthly statement as a CSV spreadsheet that opens correctly in each locale (001)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import pathlib
from decimal import Decimal

import pytest
from babel.numbers import get_decimal_symbol

from supportpolicy import coverage, errors, i18n
from supportpolicy.coverage import TimeEntry, monthly_statement, statement_csv


def _statement() -> coverage.Statement:
    entries = [
        TimeEntry("ACME; Ltd", "LEAD-1", dt.date(2026, 11, 2), "1.25", "150.5", "EUR"),
        TimeEntry("ACME; Ltd", "=SUM(A1)", dt.date(2026, 11, 3), "2", "1234.5", "EUR"),
    ]
    return monthly_statement(entries, customer="ACME; Ltd", month="2026-11",
                             approved_hours={"LEAD-1": "0.5"})


@pytest.mark.parametrize("locale", i18n.LOCALES)
def test_csv_opens_with_the_locales_conventions(locale: str) -> None:
    statement = _statement()
    data = statement_csv(statement, locale)
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    point = get_decimal_symbol(locale)
    delimiter = ";" if point == "," else ","
    assert coverage.csv_delimiter(locale) == delimiter
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    tr = i18n.translator(locale, "coverage")
    assert rows[0][0] == tr.gettext("Customer")
    assert rows[0][7] == tr.gettext("Amount")
    assert len(rows) == len(statement.lines) + 2
    assert all(len(row) == 9 for row in rows)
    # Every number parses back to the statement's exact Decimal.
    amounts = [Decimal(row[7].replace(point, ".")) for row in rows[1:-1]]
    assert amounts == [line.amount for line in statement.lines]
    assert Decimal(rows[-1][7].replace(point, ".")) == statement.total
    assert rows[-1][0] == tr.gettext("Total")
    # The customer name with the delimiter survives; a formula-like ticket is defused.
    assert rows[1][0] == "ACME; Ltd"
    assert rows[2][1] == "'=SUM(A1)"
    assert rows[1][2] == "2026-11-02"


def test_german_sheet_uses_comma_decimals_and_no_grouping() -> None:
    text = statement_csv(_statement(), "de").decode("utf-8-sig")
    assert "2469,00" in text  # 2 h x 1234.5, no thousands separator
    assert "0,75" in text  # billable hours after 0.5 free


def test_write_statement_csv(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "acme-2026-11.csv"
    coverage.write_statement_csv(_statement(), path, "nl")
    assert path.read_bytes() == statement_csv(_statement(), "nl")


def test_unknown_locale_is_refused() -> None:
    with pytest.raises(errors.UnknownLocaleError):
        statement_csv(_statement(), "fr")
