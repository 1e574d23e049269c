"""The low-level pieces of showing values: escaped HTML tables, reprs, JSON values.

Three small jobs, used by the renderer (:mod:`supportpolicy._render`), which turns
every value's facts into these forms:

* HTML: tiny tables whose every piece of text is escaped here, with
  :func:`html.escape`, so a plan title or customer name holding ``<script>`` shows as
  text and never runs. Callers pass plain (already localized) strings, never markup.
* Short one-line reprs: instants to the minute, long parts clipped.
* Records: JSON-friendly values (ISO 8601 instants, Decimals as strings, durations as
  a number of minutes) so that ``pandas.DataFrame(records)`` works without the library
  importing pandas.

This module holds no message ids: labels come in already translated by the renderer,
from the catalog of the value's domain.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable, Sequence
from decimal import Decimal

from supportpolicy import _coerce

__all__ = [
    "REPR_LIMIT",
    "cell",
    "clip",
    "decimal_text",
    "escape",
    "grid",
    "iso",
    "minute_text",
    "minutes",
    "pairs",
    "short_instant",
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


def cell(value: object) -> str:
    """A table cell's escaped text: None shows as a dash, a tuple as one line per item."""
    if value is None:
        return "–"
    if isinstance(value, tuple):
        return "<br>".join(escape(line) for line in value)
    return escape(value)


def pairs(rows: Iterable[tuple[str, object]], caption: str | None = None) -> str:
    """A two-column table of label and value rows (a value of None shows as a dash)."""
    body = "".join(
        f"<tr><th>{escape(label)}</th><td>{cell(value)}</td></tr>" for label, value in rows
    )
    return f"{_TABLE}{_caption(caption)}<tbody>{body}</tbody></table>"


def grid(
    header: Sequence[str], rows: Iterable[Sequence[object]], caption: str | None = None
) -> str:
    """A table with a header row; a cell of None shows as a dash."""
    head = "".join(f"<th>{escape(name)}</th>" for name in header)
    body = "".join("<tr>" + "".join(f"<td>{cell(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f"{_TABLE}{_caption(caption)}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"

