"""Reading a CSV event log: one event per line, grouped by ticket (plans.md, "Event logs").

Columns, by position: ticket id, instant with UTC offset, event kind, priority, reason,
agreed due. The last three may be left empty or missing when the kind takes none. A
first line whose first cell is ``ticket`` is a header and is skipped; blank lines are
skipped. The file may start with a UTF-8 BOM, end lines with CRLF and put spaces after
commas, as spreadsheets save it. A bad line is reported by its number.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable
from typing import Any

from supportpolicy import _coerce, _limits
from supportpolicy._toml import decode, read_text
from supportpolicy.errors import InvalidTypeError, InvalidValueError, shown
from supportpolicy.sla import events as ev

__all__ = ["KINDS", "read_events"]

_ACCEPTED = f"accepted: a regular UTF-8 CSV file of at most {_limits.MAX_FILE_BYTES} bytes"
_COLUMNS = ("ticket", "at", "event", "priority", "reason", "due")


def _at_only(kind: type) -> Callable[[dt.datetime, str, str, str], Any]:
    return lambda at, _priority, _reason, _due: kind(at)


def _paused(at: dt.datetime, _priority: str, reason: str, _due: str) -> ev.Paused:
    return ev.Paused(at, reason or "customer")


KINDS: dict[str, Callable[[dt.datetime, str, str, str], Any]] = {
    "opened": lambda at, priority, _r, _d: ev.Opened(at, priority),
    "responded": _at_only(ev.Responded),
    "agent_replied": _at_only(ev.AgentReplied),
    "customer_replied": _at_only(ev.CustomerReplied),
    "paused": _paused,
    "waiting_on_customer": _at_only(ev.WaitingOnCustomer),
    "resumed": _at_only(ev.Resumed),
    "priority_changed": lambda at, priority, _r, _d: ev.PriorityChanged(at, priority),
    "resolved": _at_only(ev.Resolved),
    "reopened": _at_only(ev.Reopened),
    "agreed_deadline": lambda at, _p, _r, due: ev.AgreedDeadline(at, _instant(due, "due")),
}
"""The event kinds of the ``event`` column (``-`` and case are accepted too)."""


def _instant(text: str, column: str) -> dt.datetime:
    try:
        value = dt.datetime.fromisoformat(text)
    except ValueError:
        raise InvalidValueError(
            f"{column} {shown(text)} is not an ISO 8601 instant with offset such as "
            "2026-11-21T23:30+03:00"
        ) from None
    return _coerce.aware(value, column)


def read_events(source: object) -> dict[str, tuple[ev.Event, ...]]:
    """The events of the CSV event log *source*, per ticket id, in file order.

    *source* is a path (``str`` or ``os.PathLike``; read through the readers' one file
    guard: a regular file of at most ``_limits.MAX_FILE_BYTES``) or an open text or binary
    file. Tickets come in the order of their first line.

    >>> import io
    >>> log = io.StringIO("ticket,at,event,priority\\nT1, 2026-11-02T09:00+01:00, opened, 2\\n")
    >>> read_events(log)["T1"][0].priority
    <Priority.HIGH: 2>
    """
    text, name = _text(source)
    reader = csv.reader(io.StringIO(text, newline=""), skipinitialspace=True)
    found: dict[str, list[ev.Event]] = {}
    line = 1
    try:
        for cells in reader:
            values = [cell.strip() for cell in cells]
            if any(values) and not (line == 1 and values[0].lower() == "ticket"):
                ticket, event = _row(values, name, line)
                found.setdefault(ticket, []).append(event)
            line = reader.line_num + 1
    except csv.Error as exc:
        raise InvalidValueError(f"{name}, line {line}: not a CSV row ({exc})") from None
    return {ticket: tuple(items) for ticket, items in found.items()}


def _text(source: object) -> tuple[str, str]:
    read = getattr(source, "read", None)
    if read is None:
        return read_text(source, _limits.MAX_FILE_BYTES, _ACCEPTED)
    name = str(getattr(source, "name", "event log"))
    name = name if len(name) <= 120 else f"{name[:50]}...{name[-60:]}"
    try:
        data = read(_limits.MAX_FILE_BYTES + 1)
    except (OSError, ValueError) as exc:
        raise InvalidValueError(f"{name}: cannot be read ({shown(str(exc))})") from None
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    if not isinstance(data, bytes):
        raise InvalidTypeError(f"{name}: read() gave {type(data).__name__}, not text")
    return decode(data, name, _limits.MAX_FILE_BYTES, _ACCEPTED), name


def _row(values: list[str], name: str, line: int) -> tuple[str, ev.Event]:
    where = f"{name}, line {line}"
    if len(values) < 3 or len(values) > len(_COLUMNS):
        raise InvalidValueError(
            f"{where}: {len(values)} cells; accepted: 3 to 6 ({', '.join(_COLUMNS)})"
        )
    ticket, at_text, kind_text = values[:3]
    priority, reason, due = [*values[3:], "", "", ""][:3]
    if not ticket:
        raise InvalidValueError(f"{where}: the ticket id is empty")
    maker = KINDS.get(kind_text.lower().replace("-", "_"))
    if maker is None:
        raise InvalidValueError(
            f"{where}: event {shown(kind_text)} is not a kind; accepted: {', '.join(KINDS)}"
        )
    try:
        return ticket, maker(_instant(at_text, "at"), priority, reason, due)
    except (ValueError, TypeError) as exc:
        raise InvalidValueError(f"{where}: {exc}") from None
