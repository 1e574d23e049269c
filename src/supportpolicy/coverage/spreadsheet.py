"""The monthly statement as a spreadsheet file (CSV) that opens correctly in each locale.

001 asks for the month's effort as a spreadsheet the partner can pass on. The file is
UTF-8 with a byte-order mark (so spreadsheet programs detect the encoding), uses the
locale's list delimiter (``;`` where the decimal separator is a comma, as spreadsheet
programs expect there, else ``,``) and decimal separator, never groups digits, writes
dates as ISO ``YYYY-MM-DD`` (read as dates everywhere), and has localized headers.
"""

from __future__ import annotations

import csv
import io
import os
import re
from decimal import Decimal

from babel.numbers import get_decimal_symbol

from supportpolicy import _toml
from supportpolicy.coverage.billing import Statement, minor_unit
from supportpolicy.errors import InvalidTypeError, InvalidValueError, shown
from supportpolicy.i18n import normalize_locale, translator

__all__ = ["csv_delimiter", "statement_csv", "write_statement_csv"]

_BOM = "\ufeff"
_FORMULA_START = ("=", "+", "-", "@")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def csv_delimiter(locale: str) -> str:
    """The list delimiter spreadsheet programs expect in *locale*."""
    return ";" if get_decimal_symbol(normalize_locale(locale)) == "," else ","


def statement_csv(statement: Statement, locale: str = "en") -> bytes:
    """The statement as CSV bytes: header, one row per line, then a total row.

    >>> import datetime as dt
    >>> from supportpolicy.coverage import TimeEntry, monthly_statement
    >>> entries = [TimeEntry("ACME", "T-1", dt.date(2026, 11, 3), "1.5", "120", "EUR")]
    >>> sheet = monthly_statement(entries, customer="ACME", month="2026-11")
    >>> for row in statement_csv(sheet, "de").decode("utf-8-sig").splitlines():
    ...     print(row)
    Kunde;Ticket;Datum;Stunden;Kostenlose Stunden;Verrechenbare Stunden;Satz;Betrag;Währung
    ACME;T-1;2026-11-03;1,5;0;1,5;120;180,00;EUR
    Summe;;;1,5;0;1,5;;180,00;EUR
    """
    if not isinstance(statement, Statement):
        raise InvalidTypeError(
            f"statement must be a coverage.Statement, got {type(statement).__name__}"
        )
    language = normalize_locale(locale)
    tr = translator(language, "coverage")
    point = get_decimal_symbol(language)
    places = None if statement.currency is None else minor_unit(statement.currency)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=csv_delimiter(language), lineterminator="\r\n")
    writer.writerow([
        tr.gettext("Customer"), tr.gettext("Ticket"), tr.gettext("Date"), tr.gettext("Hours"),
        tr.gettext("Free hours"), tr.gettext("Billable hours"), tr.gettext("Rate"),
        tr.gettext("Amount"), tr.gettext("Currency"),
    ])
    currency = statement.currency or ""
    for line in statement.lines:
        writer.writerow([
            _cell(statement.customer), _cell(line.ticket), line.date.isoformat(),
            _number(line.hours, point), _number(line.free_hours, point),
            _number(line.billable_hours, point), _number(line.rate, point),
            _number(line.amount, point, places), currency,
        ])
    writer.writerow([
        tr.gettext("Total"), "", "", _number(statement.hours, point),
        _number(statement.free_hours, point), _number(statement.billable_hours, point), "",
        _number(statement.total, point, places), currency,
    ])
    return (_BOM + buffer.getvalue()).encode("utf-8")


def write_statement_csv(
    statement: Statement, path: str | os.PathLike[str], locale: str = "en"
) -> None:
    """Write :func:`statement_csv` to the file at *path* (replacing it)."""
    target = _toml.file_path(path)
    data = statement_csv(statement, locale)
    try:
        with open(target, "wb") as handle:
            handle.write(data)
    except OSError as exc:
        raise InvalidValueError(
            f"cannot write {shown(target)} ({exc.strerror}); give a writable file path"
        ) from None


def _number(value: Decimal, point: str, places: int | None = None) -> str:
    """Fixed-point digits, no grouping, the locale's decimal separator."""
    if places is not None:
        text = f"{value:.{places}f}"
    else:
        text = f"{value.normalize():f}" if value else "0"
    return text.replace(".", point)


def _cell(text: str) -> str:
    """Keep a text from being read as a formula by a spreadsheet program, and replace
    any lone surrogate (text that UTF-8 cannot encode) with U+FFFD, so that writing the
    file never fails (docs/coverage.md, "Monthly billing")."""
    text = _LONE_SURROGATE.sub("\ufffd", text)
    return "'" + text if text.startswith(_FORMULA_START) else text
