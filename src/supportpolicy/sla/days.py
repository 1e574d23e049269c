"""Business days. STUB: being written by the lead; signatures are final."""

from __future__ import annotations

import datetime as dt

from supportpolicy.sla.calendar import Calendar


def add_business_days(cal: Calendar, start: dt.datetime, days: int) -> dt.datetime:
    """Add whole business days (semantics.md, 'Business days')."""
    raise NotImplementedError
