"""`supportpolicy tam`: the month statement of a TAM/CSM tier from a CSV of sessions.

The CSV has a header row and the columns ``at`` (ISO 8601 start with offset, e.g.
``2026-11-03T10:00-05:00``), ``status`` (``held``, ``cancelled-by-customer`` or
``cancelled-by-tam``), and optionally ``minutes`` (default 60) and ``review``
(``true``/``yes``/``1`` for the quarterly review; default false). It is read as Excel
saves it: UTF-8 with or without BOM, CRLF or LF, header names in any case, spaces around
names and values, blank lines skipped; a bad row is named by its line number.

The statement is as of ``--as-of`` (default: now): open while the month is not over,
closed once it is.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io

from supportpolicy import engagement
from supportpolicy._limits import MAX_FILE_BYTES
from supportpolicy._toml import read_text
from supportpolicy.cli._common import parse_instant, print_json
from supportpolicy.errors import InvalidValueError, shown

_TRUE = {"true", "yes", "1", "y"}
_FALSE = {"false", "no", "0", "n", ""}
_ACCEPTED = f"accepted: a regular UTF-8 CSV file of at most {MAX_FILE_BYTES} bytes"


def options(parser: argparse.ArgumentParser) -> None:
    """The options of `tam`."""
    parser.add_argument("--tier", required=True, help="csm, a, b or c")
    parser.add_argument("--month", required=True, help="YYYY-MM")
    parser.add_argument("--sessions", required=True, help="CSV file of the month's sessions")
    parser.add_argument("--carried-in", type=int, default=0, help="sessions carried in")
    parser.add_argument("--timezone", default=None, help="customer timezone (America/New_York)")
    parser.add_argument(
        "--as-of",
        metavar="ISO",
        help="the instant of the statement, with offset (default now); before the month's "
        "end the month stays open, after it the month is closed",
    )


def _cell(row: dict[str, str], name: str, default: str = "") -> str:
    return (row.get(name) or default).strip()


def _row(row: dict[str, str], line: int, path: str) -> engagement.Session:
    where = f"{path}, line {line}"
    at_text = _cell(row, "at")
    try:
        at = parse_instant(at_text, "at")
    except InvalidValueError as exc:
        raise InvalidValueError(f"{where}: {exc}") from None
    minutes_text = _cell(row, "minutes", "60") or "60"
    if not (minutes_text.isascii() and minutes_text.isdigit() and len(minutes_text) <= 9):
        raise InvalidValueError(
            f"{where}: minutes {shown(minutes_text)} is not a whole number of minutes"
        )
    review_text = _cell(row, "review").lower()
    if review_text not in _TRUE | _FALSE:
        raise InvalidValueError(
            f"{where}: review {shown(review_text)}; accepted: true, false, yes, no, 1, 0"
        )
    try:
        return engagement.Session(
            at,
            minutes=int(minutes_text),
            status=_cell(row, "status"),
            review=review_text in _TRUE,
        )
    except (ValueError, TypeError) as exc:
        raise InvalidValueError(f"{where}: {exc}") from None


def _text(path: str) -> str:
    """The text of the CSV file at *path*, through the readers' one file guard."""
    return read_text(path, MAX_FILE_BYTES, _ACCEPTED)[0]


def read_sessions(path: str) -> tuple[engagement.Session, ...]:
    """The sessions of the CSV file at *path* (columns in the module docstring).

    Header names are matched without case and surrounding spaces, values are stripped;
    a bad row is reported by its line number.
    """
    reader = csv.reader(io.StringIO(_text(path), newline=""))
    line = 1
    try:
        header = [name.strip().lower() for name in next(reader, [])]
        if not {"at", "status"} <= set(header):
            raise InvalidValueError(
                f"{shown(path)}: the header must name the columns at and status "
                f"(optional: minutes, review); found: {shown(', '.join(header))}"
            )
        sessions = []
        line = reader.line_num + 1  # where the next record starts (a cell may span lines)
        for cells in reader:
            if any(cell.strip() for cell in cells):  # blank lines, as spreadsheets leave, skip
                if len(cells) > len(header):
                    raise InvalidValueError(
                        f"{shown(path)}, line {line}: {len(cells)} cells, but the header "
                        f"names {len(header)} columns"
                    )
                sessions.append(_row(dict(zip(header, cells, strict=False)), line, shown(path)))
            line = reader.line_num + 1
    except csv.Error as exc:
        raise InvalidValueError(f"{shown(path)}, line {line}: not a CSV row ({exc})") from None
    return tuple(sessions)


def run(args: argparse.Namespace) -> int:
    """Print the statement; exit 0."""
    as_of = dt.datetime.now(dt.UTC) if args.as_of is None else parse_instant(args.as_of, "--as-of")
    sessions = read_sessions(args.sessions)
    stmt = engagement.tam_statement(
        args.tier,
        args.month,
        sessions,
        carried_in=args.carried_in,
        as_of=as_of,
        timezone=args.timezone,
    )
    if args.json:
        print_json(
            {
                "tier": stmt.tier.key,
                "month": str(stmt.month),
                "timezone": stmt.timezone,
                "closed": stmt.closed,
                "as_of": None if stmt.as_of is None else stmt.as_of.isoformat(),
                "allowance": stmt.allowance,
                "carried_in": stmt.carried_in,
                "held": stmt.held,
                "forfeited": stmt.forfeited,
                "carried_out": stmt.carried_out,
                "available": stmt.available,
                "billable_extra": stmt.billable_extra,
                "violations": [
                    {"kind": v.kind.value, "at": v.session.at.isoformat()} for v in stmt.violations
                ],
                "explanation": stmt.explain(args.locale),
            }
        )
    else:
        print(stmt.explain(args.locale))
    return 0
