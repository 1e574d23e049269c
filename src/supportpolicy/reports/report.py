"""An SLA report: the summaries of a set of tickets, with localized tables and records.

:func:`report` builds a :class:`Report` from ticket statuses; :func:`from_events` from an
event log (``{ticket id: events}``, as ``sla.read_events`` gives it) and a plan.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction

import attrs

from supportpolicy import _coerce, i18n
from supportpolicy.errors import SupportPolicyError, shown
from supportpolicy.i18n import N_
from supportpolicy.reports.measures import (
    GROUPS,
    Outcome,
    Progress,
    Summary,
    checked_progress,
    outcomes,
    summarize,
)
from supportpolicy.sla import Metric, Plan, Priority, Status, evaluate, plan

__all__ = ["Report", "format_rate", "from_events", "report", "ticket_count"]

DOMAIN = "reports"
LABELS = {
    "plan": N_("Plan"),
    "priority": N_("Priority"),
    "month": N_("Month"),
    "metric": N_("Clock"),
    "met": N_("Met"),
    "breached": N_("Breached"),
    "open": N_("Open"),
    "attainment": N_("Attainment"),
    "breach_rate": N_("Breach rate"),
    "median": N_("Median time"),
    "p90": N_("90th percentile"),
}
FIGURES = ("metric", "met", "breached", "open", "attainment", "breach_rate", "median", "p90")
DASH = "–"


def format_rate(rate: Fraction | None, locale: str) -> str:
    """*rate* as a percentage with one decimal, in the locale's style.

    Always one decimal, rounded to the nearest tenth, except that a rate above 0 never
    shows as 0 and one below 1 never as 100 (the figure must not contradict the counts
    beside it).

    >>> format_rate(Fraction(2, 3), "de"), format_rate(Fraction(1, 5000), "en")
    ('66,7 %', '0.1%')
    """
    if rate is None:
        return DASH
    tenths = round(rate * 1000)
    if rate > 0:
        tenths = max(tenths, 1)
    if rate < 1:
        tenths = min(tenths, 999)
    number = f"{tenths // 10}{i18n.decimal_symbol(locale)}{tenths % 10}"
    return i18n.translator(locale, DOMAIN).gettext("{rate}%").format(rate=number)


def ticket_count(count: int, locale: str) -> str:
    """``"3 tickets"`` in *locale*.

    >>> ticket_count(21, "ru")
    '21 заявка'
    """
    tr = i18n.translator(locale, DOMAIN)
    return tr.ngettext("{count} ticket", "{count} tickets", count).format(count=count)


def _duration(value: dt.timedelta | None, locale: str) -> str:
    return DASH if value is None else i18n.format_duration(value, locale)


def group_label(name: str, value: str | int, locale: str) -> str:
    """A group column's value as people read it (priorities by their label)."""
    if name == "priority" and isinstance(value, int):
        return Priority(value).label(locale)
    return str(value)


@attrs.frozen
class Report:
    """The figures of an SLA report (see :mod:`supportpolicy.reports.measures`)."""

    by: tuple[str, ...]
    summaries: tuple[Summary, ...]
    outcomes: tuple[Outcome, ...] = attrs.field(repr=False)
    now: dt.datetime | None = None
    tickets: int = 0

    def headers(self, locale: str = "en") -> list[str]:
        """The localized column headers of :meth:`rows`."""
        tr = i18n.translator(locale, DOMAIN)
        return [tr.gettext(LABELS[n]) if n in LABELS else n for n in (*self.by, *FIGURES)]

    def rows(self, locale: str = "en") -> list[list[str]]:
        """One localized row per summary: the group's values, then the figures."""
        result = []
        for s in self.summaries:
            result.append([
                *(group_label(name, value, locale) for name, value in s.key),
                Metric(s.metric).label(locale),
                str(s.met), str(s.breached), str(s.open),
                format_rate(s.attainment, locale), format_rate(s.breach_rate, locale),
                _duration(s.median, locale), _duration(s.p90, locale),
            ])  # fmt: skip
        return result

    def records(self) -> list[dict[str, object]]:
        """Language-neutral rows: rates as exact fractions in strings, times in minutes."""

        def minutes(value: dt.timedelta | None) -> float | int | None:
            if value is None:
                return None
            whole, rest = divmod(value, dt.timedelta(minutes=1))
            return whole if not rest else value / dt.timedelta(minutes=1)

        return [
            {
                **dict(s.key), "metric": s.metric, "met": s.met, "breached": s.breached,
                "open": s.open,
                "attainment": None if s.attainment is None else str(s.attainment),
                "breach_rate": None if s.breach_rate is None else str(s.breach_rate),
                "median_minutes": minutes(s.median), "p90_minutes": minutes(s.p90),
            }
            for s in self.summaries
        ]  # fmt: skip

    def by_priority_and_month(self, metric: str = "resolution") -> tuple[Summary, ...]:
        """The summaries of *metric* per priority and month (what the breach chart shows)."""
        return summarize((o for o in self.outcomes if o.metric == metric), ("priority", "month"))


def report(
    statuses: Mapping[str, Status],
    by: Sequence[str] | str = GROUPS,
    *,
    columns: Mapping[str, Mapping[str, object]] | None = None,
    progress: Progress | None = None,
) -> Report:
    """The report of *statuses* (``{ticket id: sla.evaluate(...)}``) grouped *by*
    ``plan``, ``priority``, ``month`` or any column of *columns* (``{ticket: {name: value}}``).

    >>> import datetime as dt
    >>> from supportpolicy import sla
    >>> at = lambda h: dt.datetime(2026, 11, 23, h, tzinfo=dt.UTC)
    >>> statuses = {
    ...     "T1": sla.evaluate("premium", [sla.Opened(at(8), 2), sla.Responded(at(9))], at(20)),
    ...     "T2": sla.evaluate("premium", [sla.Opened(at(8), 2), sla.Responded(at(14))], at(20)),
    ... }
    >>> r = report(statuses, by="priority")
    >>> [(s.metric, s.met, s.breached, str(s.attainment)) for s in r.summaries]
    [('reaction', 1, 1, '1/2'), ('resolution', 0, 0, 'None')]
    >>> r.rows("de")[0][-2:]
    ['1 Stunde', '6 Stunden']
    """
    found = outcomes(statuses, columns, progress=progress)
    now = next((s.now for s in statuses.values()), None)
    return Report(by=tuple([by] if isinstance(by, str) else by), summaries=summarize(found, by),
                  outcomes=found, now=now, tickets=len(statuses))  # fmt: skip


def from_events(
    the_plan: Plan | str,
    events: Mapping[str, Iterable[object]],
    now: dt.datetime,
    by: Sequence[str] | str = GROUPS,
    *,
    columns: Mapping[str, Mapping[str, object]] | None = None,
    progress: Progress | None = None,
) -> Report:
    """The report of the tickets of *events* (``{ticket id: events}``, as
    ``sla.read_events`` gives it) on *the_plan*, as they stand at *now*.

    *progress*, if given, is called as ``progress(done, total)`` over the tickets.
    """
    progress = checked_progress(progress)
    chosen = plan(the_plan)
    at = _coerce.aware(now, "now")
    statuses: dict[str, Status] = {}
    total = len(events)
    for done, (ticket, items) in enumerate(events.items(), start=1):
        try:
            statuses[ticket] = evaluate(chosen, items, at)
        except SupportPolicyError as exc:
            raise type(exc)(f"ticket {shown(ticket)}: {exc}") from None
        if progress is not None and (done == total or done % 250 == 0):
            progress(done, total)
    found = report(statuses, by, columns=columns)
    return attrs.evolve(found, now=at.astimezone(chosen.calendar.tz))
