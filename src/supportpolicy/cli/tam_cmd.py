"""`supportpolicy tam`: the month statement of a TAM/CSM tier from a CSV of sessions.

The CSV has a header row and the columns ``at`` (ISO 8601 start with offset, e.g.
``2026-11-03T10:00-05:00``), ``status`` (``held``, ``cancelled-by-customer`` or
``cancelled-by-tam``), and optionally ``minutes`` (default 60) and ``review``
(``true``/``yes``/``1`` for the quarterly review; default false).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
from typing import Any

from supportpolicy import engagement
from supportpolicy.cli._common import add_json, add_locale, print_json
from supportpolicy.errors import InvalidValueError

_TRUE = {"true", "yes", "1", "y"}
_FALSE = {"false", "no", "0", "n", ""}


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add the `tam` subcommand."""
    parser = sub.add_parser(
        "tam",
        help="month statement of TAM working sessions",
        description="Account a month of TAM working sessions (document 003). CSV columns: "
        "at (ISO start with offset), status (held, cancelled-by-customer, cancelled-by-tam), "
        "optional minutes (default 60) and review (true/false).",
    )
    parser.add_argument("--tier", required=True, help="csm, a, b or c")
    parser.add_argument("--month", required=True, help="YYYY-MM")
    parser.add_argument("--sessions", required=True, help="CSV file of the month's sessions")
    parser.add_argument("--carried-in", type=int, default=0, help="sessions carried in")
    parser.add_argument("--timezone", default=None, help="customer timezone (America/New_York)")
    add_locale(parser)
    add_json(parser)
    parser.set_defaults(run=run)


def _row(row: dict[str, str | None], line: int, path: str) -> engagement.Session:
    where = f"{path}, line {line}"
    at_text = (row.get("at") or "").strip()
    try:
        at = dt.datetime.fromisoformat(at_text)
    except ValueError:
        raise InvalidValueError(
            f"{where}: at {at_text!r} is not an ISO instant such as 2026-11-03T10:00-05:00"
        ) from None
    minutes_text = (row.get("minutes") or "60").strip()
    if not minutes_text.isdigit():
        raise InvalidValueError(f"{where}: minutes {minutes_text!r} is not a whole number")
    review_text = (row.get("review") or "").strip().lower()
    if review_text not in _TRUE | _FALSE:
        raise InvalidValueError(f"{where}: review {review_text!r}; accepted: true or false")
    try:
        return engagement.Session(
            at,
            minutes=int(minutes_text),
            status=(row.get("status") or "").strip(),
            review=review_text in _TRUE,
        )
    except (ValueError, TypeError) as exc:
        raise InvalidValueError(f"{where}: {exc}") from None


def read_sessions(path: str) -> tuple[engagement.Session, ...]:
    """The sessions of the CSV file at *path* (columns in the module docstring)."""
    try:
        with open(path, newline="", encoding="utf-8") as handle:
            reader = csv.DictReader(handle)
            if reader.fieldnames is None or not {"at", "status"} <= set(reader.fieldnames):
                raise InvalidValueError(
                    f"{path}: the header must name the columns at and status "
                    "(optional: minutes, review)"
                )
            return tuple(_row(row, reader.line_num, path) for row in reader)
    except OSError as exc:
        raise InvalidValueError(f"{path}: cannot be read ({exc.strerror})") from None
    except (UnicodeDecodeError, csv.Error) as exc:
        raise InvalidValueError(f"{path}: not a UTF-8 CSV file ({exc})") from None


def run(args: argparse.Namespace) -> int:
    """Print the statement; exit 0."""
    sessions = read_sessions(args.sessions)
    stmt = engagement.tam_statement(
        args.tier, args.month, sessions, carried_in=args.carried_in, timezone=args.timezone
    )
    if args.json:
        print_json(
            {
                "tier": stmt.tier.key,
                "month": str(stmt.month),
                "timezone": stmt.timezone,
                "closed": stmt.closed,
                "allowance": stmt.allowance,
                "carried_in": stmt.carried_in,
                "held": stmt.held,
                "forfeited": stmt.forfeited,
                "carried_out": stmt.carried_out,
                "available": stmt.available,
                "billable_extra": stmt.billable_extra,
                "violations": [
                    {"kind": v.kind.value, "at": v.session.at.isoformat()}
                    for v in stmt.violations
                ],
                "explanation": stmt.explain(args.locale),
            }
        )
    else:
        print(stmt.explain(args.locale))
    return 0
