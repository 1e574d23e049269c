"""`supportpolicy report`: an SLA report of an event log as one self-contained HTML page."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import os
import sys

from supportpolicy import _limits, sla
from supportpolicy._toml import read_text
from supportpolicy.cli._common import parse_instant
from supportpolicy.cli._plans import chosen_plan
from supportpolicy.cli._progress import Bar
from supportpolicy.errors import InvalidValueError, shown
from supportpolicy.reports import GROUPS, from_events
from supportpolicy.reports.page import html_page
from supportpolicy.reports.report import ticket_count

_ACCEPTED = f"accepted: a regular UTF-8 CSV file of at most {_limits.MAX_FILE_BYTES} bytes"


def read_columns(path: str) -> dict[str, dict[str, str]]:
    """``{ticket: {column: value}}`` from a CSV file whose header row names the columns
    and whose first column is the ticket id."""
    text, name = read_text(path, _limits.MAX_FILE_BYTES, _ACCEPTED)
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), skipinitialspace=True))
    except csv.Error as exc:
        raise InvalidValueError(f"{name}: not a CSV file ({exc})") from None
    if not rows or len(rows[0]) < 2:
        raise InvalidValueError(
            f"{name}: the first row must name the columns: ticket, then at least one more"
        )
    header = [cell.strip() for cell in rows[0]]
    found: dict[str, dict[str, str]] = {}
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise InvalidValueError(
                f"{name}, line {number}: {len(row)} cells; the header has {len(header)}"
            )
        found[row[0].strip()] = {k: v.strip() for k, v in zip(header[1:], row[1:], strict=True)}
    return found


def _groups(text: str) -> tuple[str, ...]:
    names = tuple(part.strip() for part in text.split(",") if part.strip())
    if not names:
        raise InvalidValueError(
            f"--by {shown(text)} names no column; give names such as plan,priority,month"
        )
    return names


def _write(path: str, page: str) -> None:
    try:
        with open(path, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(page)
    except OSError as exc:
        raise InvalidValueError(
            f"--html {shown(path)}: cannot be written ({exc.strerror}); give a writable file path"
        ) from None


def run(args: argparse.Namespace) -> int:
    """Write the report page of the event log *args.events* to *args.html*."""
    plan = chosen_plan(args.plan, args.plans)
    now = dt.datetime.now(dt.UTC) if args.now is None else parse_instant(args.now, "--now")
    events = sla.read_events(args.events)
    columns = None if args.columns is None else read_columns(args.columns)
    bar = Bar(sys.stderr, quiet=args.quiet)
    report = from_events(plan, events, now, _groups(args.by), columns=columns, progress=bar)
    _write(args.html, html_page(report, args.locale))
    print(f"{os.fspath(args.html)}: {ticket_count(report.tickets, args.locale)}")
    return 0


def options(parser: argparse.ArgumentParser) -> None:
    """The options of `report`."""
    parser.add_argument("--plan", help="preset plan name, or a plan of --plans")
    parser.add_argument("--plans", help="TOML file of your own plans (see docs/plans.md)")
    parser.add_argument("--events", required=True, help="the CSV event log")
    parser.add_argument("--html", required=True, help="the HTML file to write")
    parser.add_argument("--now", help="the instant the clocks stand at (default: now)")
    parser.add_argument(
        "--by", default=",".join(GROUPS),
        help="group columns, comma-separated: plan, priority, month, or columns of --columns "
        "(default plan,priority,month)",
    )  # fmt: skip
    parser.add_argument(
        "--columns", help="CSV of your own ticket columns: a header row, the ticket id first"
    )
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
