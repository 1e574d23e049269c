"""The texts that several engagement values show: the month caption, a ledger's state.

Routing decisions, TAM tiers and TAM month statements declare their facts
(``_facts()``) in their own modules, and :mod:`supportpolicy._render` renders them
(records: hours as exact decimal strings, instants in ISO 8601 in the customer's
timezone, counts as ints). This module imports no value module (they import it).
"""

from __future__ import annotations

import datetime as dt

from supportpolicy.engagement._months import zone
from supportpolicy.engagement._text import tr

__all__ = ["ledger_state", "months_caption"]


def months_caption(timezone: str, locale: str) -> str:
    """``Months in America/New_York``, localized."""
    return tr(locale).gettext("Months in {timezone}").format(timezone=timezone)


def ledger_state(closed: bool, as_of: dt.datetime | None, timezone: str, locale: str) -> str:
    """``closed``, or ``open, so far as of 2026-11-12 00:00`` (customer's wall clock)."""
    t = tr(locale)
    if closed or as_of is None:
        return t.gettext("closed")
    when = as_of.astimezone(zone(timezone)).strftime("%Y-%m-%d %H:%M")
    return t.gettext("open, so far as of {as_of}").format(as_of=when)
