"""Shared helpers for showing values in notebooks and turning them into records.

Three small jobs, used by the ``views`` modules of :mod:`~supportpolicy.sla`,
:mod:`~supportpolicy.coverage` and :mod:`~supportpolicy.engagement`:

* HTML: tiny tables whose every piece of text is escaped here, with
  :func:`html.escape`, so a plan title or customer name holding ``<script>`` shows as
  text and never runs. Callers pass plain (already localized) strings, never markup.
* Short one-line reprs: instants to the minute, long parts clipped.
* Records: JSON-friendly values (ISO 8601 instants, Decimals as strings, durations as
  a number of minutes) so that ``pandas.DataFrame(records)`` works without the library
  importing pandas.

This module holds no message ids: labels come in already translated by the caller,
from the catalog of the caller's domain.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable, Sequence
from decimal import Decimal

from supportpolicy import _coerce

__all__ = [
    "REPR_LIMIT",
    "clip",
    "decimal_text",
    "escape",
    "grid",
    "iso",
    "minute_text",
    "minutes",
    "pairs",
    "short_instant",
    "week_grid",
]

REPR_LIMIT = 120
"""The longest a one-line repr may get; longer parts are clipped with an ellipsis."""

_TABLE = '<table class="supportpolicy">'
_US_PER_MINUTE = 60_000_000


def escape(value: object) -> str:
    """*value* as text that HTML shows literally (quotes escaped too)."""
    return html.escape(str(value), quote=True)


def clip(text: str, limit: int) -> str:
    """*text* on one line, at most *limit* characters (an ellipsis marks a cut)."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: max(limit - 1, 0)] + "…"


def short_instant(instant: dt.datetime) -> str:
    """An instant for reprs: ISO 8601 to the minute when it has no seconds.

    >>> short_instant(dt.datetime(2026, 11, 22, 0, 30, tzinfo=dt.timezone(dt.timedelta(hours=3))))
    '2026-11-22T00:30+03:00'
    """
    if instant.second or instant.microsecond:
        return instant.isoformat()
    return instant.isoformat(timespec="minutes")


def iso(instant: dt.datetime | dt.date | None) -> str | None:
    """An instant or date as full ISO 8601 text for records (None stays None)."""
    return None if instant is None else instant.isoformat()


def decimal_text(value: Decimal | None) -> str | None:
    """A Decimal as its exact string in plain notation, never a float (None stays None).

    >>> decimal_text(Decimal("1.50")), decimal_text(Decimal("1E+3"))
    ('1.50', '1000')
    """
    return None if value is None else f"{value:f}"


def minutes(delta: dt.timedelta | None) -> int | float | None:
    """A duration as a number of minutes for records: an int when whole, else a float.

    The float rebuilds the exact timedelta (``timedelta(minutes=value)``) for spans of up
    to ten years, which the test suite checks.

    >>> minutes(dt.timedelta(hours=-1, minutes=-30)), minutes(dt.timedelta(seconds=90))
    (-90, 1.5)
    """
    if delta is None:
        return None
    micros = _coerce.micros(delta)
    whole, rest = divmod(micros, _US_PER_MINUTE)
    return whole if rest == 0 else micros / _US_PER_MINUTE


def minute_text(minute: int) -> str:
    """``HH:MM`` for a minute of the day; 1440 is ``24:00``."""
    return f"{minute // 60:02d}:{minute % 60:02d}"


def _caption(caption: str | None) -> str:
    return "" if caption is None else f"<caption>{escape(caption)}</caption>"


def pairs(rows: Iterable[tuple[str, object]], caption: str | None = None) -> str:
    """A two-column table of label and value rows (a value of None shows as a dash)."""
    body = "".join(
        f"<tr><th>{escape(label)}</th><td>{escape('–' if value is None else value)}</td></tr>"
        for label, value in rows
    )
    return f"{_TABLE}{_caption(caption)}<tbody>{body}</tbody></table>"


def grid(
    header: Sequence[str], rows: Iterable[Sequence[object]], caption: str | None = None
) -> str:
    """A table with a header row; a cell of None shows as a dash."""
    head = "".join(f"<th>{escape(cell)}</th>" for cell in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape('–' if c is None else c)}</td>" for c in row) + "</tr>"
        for row in rows
    )
    return f"{_TABLE}{_caption(caption)}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def week_grid(
    days: Sequence[Sequence[tuple[int, int]]],
    names: Sequence[str],
    closed: str,
    caption: str | None = None,
) -> str:
    """A week as a grid: one column per weekday (*names*, Monday first), each cell
    listing that day's open intervals one per line, or *closed* where there are none.

    >>> week_grid([((600, 1080),)] + [()] * 6, list("MTWTFSS"), "-").count("<td>")
    7
    """
    head = "".join(f"<th>{escape(name)}</th>" for name in names)
    cells = []
    for intervals in days:
        if intervals:
            text = "<br>".join(
                escape(f"{minute_text(start)}–{minute_text(end)}") for start, end in intervals
            )
        else:
            text = escape(closed)
        cells.append(f"<td>{text}</td>")
    return (
        f"{_TABLE}{_caption(caption)}<thead><tr>{head}</tr></thead>"
        f"<tbody><tr>{''.join(cells)}</tr></tbody></table>"
    )
