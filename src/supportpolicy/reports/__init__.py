"""SLA reports: attainment and breach rates, median and 90th percentile times, charts.

Built on :mod:`supportpolicy.sla` statuses, in plain Python (pandas is not needed);
charts need matplotlib (``pip install "supportpolicy[plot]"``). See docs/reports.md.
"""

from supportpolicy.reports.measures import (
    GROUPS,
    Outcome,
    Progress,
    Summary,
    outcomes,
    percentile,
    summarize,
)
from supportpolicy.reports.report import Report, format_rate, from_events, report

__all__ = [
    "GROUPS",
    "Outcome",
    "Progress",
    "Report",
    "Summary",
    "format_rate",
    "from_events",
    "outcomes",
    "percentile",
    "report",
    "summarize",
]
