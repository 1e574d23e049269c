"""What an SLA report counts: one outcome per ticket and clock, summaries per group.

Plain Python (no pandas): :func:`outcomes` reads ticket statuses (``sla.evaluate``
results) into :class:`Outcome` values; :func:`summarize` groups them by any of
``plan``, ``priority``, ``month`` and the user's own columns, and gives per group and
metric the counts, the attainment and breach rates and the median and 90th percentile
of the time to the clock's stop, in business time.

Definitions (docs/reports.md):

- A clock is *decided* once it is met or breached (a running clock whose due instant has
  passed is breached). Attainment is ``met / decided``, the breach rate
  ``breached / decided``; running and paused clocks are counted as open, in no rate.
  Rates are exact :class:`~fractions.Fraction` values.
- The *time to* reaction or resolution is business time on the clock's calendar from the
  clock's start to its stop (the response, or the resolution), paused time excluded;
  only stopped clocks have one.
- Percentiles use the nearest-rank method (Hyndman and Fan's type 1): the ``q``-th
  percentile of ``n`` sorted values is the value at rank ``ceil(q / 100 * n)``. So every
  figure is a time some ticket actually took, never an interpolation, and the median
  of an even count is the lower middle value.
- The month is the month of the ticket's opening in its plan's timezone (``YYYY-MM``).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from fractions import Fraction
from typing import cast

import attrs

from supportpolicy import _coerce
from supportpolicy.errors import InvalidTypeError, InvalidValueError, shown
from supportpolicy.sla import Clock, State, Status, business_time_between

__all__ = ["GROUPS", "Outcome", "Progress", "Summary", "outcomes", "percentile", "summarize"]

GROUPS = ("plan", "priority", "month")
"""The built-in grouping columns; any other name is looked up in the user's columns."""

Progress = Callable[[int, int], None]
"""A progress callback: called as ``progress(done, total)`` while work proceeds, with
``0 <= done <= total``; ``done == total`` on the last call. It should return quickly;
an exception it raises propagates unchanged and stops the work (a way to cancel). The
command line's bar (``cli._progress``) is one. Anything else than a callable or None
is refused before the work starts."""
PROGRESS_CALL = "progress(done, total)"


def checked_progress(progress: object) -> Progress | None:
    """*progress* if it is None or callable, else an ``InvalidTypeError``."""
    return cast("Progress | None", _coerce.callback(progress, "progress", PROGRESS_CALL))

_ZERO = dt.timedelta(0)


@attrs.frozen
class Outcome:
    """One clock of one ticket, as a report counts it."""

    ticket: str
    plan: str
    priority: int
    month: str
    metric: str
    state: State
    due: dt.datetime
    stopped: dt.datetime | None
    remaining: dt.timedelta
    elapsed: dt.timedelta | None
    columns: tuple[tuple[str, str], ...] = ()

    @property
    def decided(self) -> bool:
        """Met or breached (counted in the rates)."""
        return self.state in (State.MET, State.BREACHED)

    def value(self, name: str) -> str | int:
        """The value of grouping column *name* (``plan``, ``priority``, ``month`` or own)."""
        if name in GROUPS:
            value: str | int = getattr(self, name)
            return value
        return dict(self.columns).get(name, "")


@attrs.frozen
class Summary:
    """The figures of one group and metric."""

    key: tuple[tuple[str, str | int], ...]
    metric: str
    met: int
    breached: int
    open: int
    median: dt.timedelta | None
    p90: dt.timedelta | None

    @property
    def decided(self) -> int:
        return self.met + self.breached

    @property
    def attainment(self) -> Fraction | None:
        """``met / decided`` (None when nothing is decided)."""
        return Fraction(self.met, self.decided) if self.decided else None

    @property
    def breach_rate(self) -> Fraction | None:
        """``breached / decided`` (None when nothing is decided)."""
        return Fraction(self.breached, self.decided) if self.decided else None


def percentile(values: Iterable[dt.timedelta], q: int | Fraction) -> dt.timedelta | None:
    """The *q*-th percentile (0 < q <= 100) by nearest rank; None for no values.

    >>> hours = [dt.timedelta(hours=h) for h in (4, 1, 3, 2)]
    >>> percentile(hours, 50), percentile(hours, 90)
    (datetime.timedelta(seconds=7200), datetime.timedelta(seconds=14400))
    """
    if isinstance(q, bool) or not isinstance(q, int | Fraction) or not 0 < q <= 100:
        raise InvalidValueError(f"q must be a number in (0, 100], got {shown(q)}")
    ordered = sorted(values)
    if not ordered:
        return None
    rank = math.ceil(Fraction(q) / 100 * len(ordered))
    return ordered[max(rank, 1) - 1]


def _elapsed(clock: Clock) -> dt.timedelta | None:
    """Business time from the clock's start to its stop, paused time excluded."""
    if clock.stopped is None:
        return None
    deadline = clock.deadline
    cal, start, stop = deadline.calendar, deadline.start, clock.stopped
    if stop <= start:
        return _ZERO
    total = business_time_between(cal, start, stop)
    for begin, end in deadline.pauses:
        lo, hi = max(begin, start), min(end, stop)
        if lo < hi:
            total -= business_time_between(cal, lo, hi)
    return max(total, _ZERO)


def _outcome(ticket: str, metric: str, clock: Clock, month: str,
             columns: tuple[tuple[str, str], ...]) -> Outcome:  # fmt: skip
    return Outcome(
        ticket=ticket, plan=clock.deadline.plan.key, priority=int(clock.priority),
        month=month, metric=metric, state=clock.state, due=clock.due, stopped=clock.stopped,
        remaining=clock.remaining, elapsed=_elapsed(clock), columns=columns,
    )  # fmt: skip


def _columns_of(ticket: str, columns: Mapping[str, Mapping[str, object]] | None
                ) -> tuple[tuple[str, str], ...]:  # fmt: skip
    if columns is None:
        return ()
    row = columns.get(ticket, {})
    if not isinstance(row, Mapping):
        raise InvalidTypeError(
            f"columns[{shown(ticket)}] must be a mapping of column name to value, "
            f"got {type(row).__name__}"
        )
    return tuple(sorted((str(k), str(v)) for k, v in row.items()))


def outcomes(
    statuses: Mapping[str, Status],
    columns: Mapping[str, Mapping[str, object]] | None = None,
    *,
    progress: Progress | None = None,
) -> tuple[Outcome, ...]:
    """The outcomes of *statuses* (``{ticket id: sla.evaluate(...)}``): the current
    reaction and resolution clock of each ticket. *columns* gives each ticket's own
    columns (``{ticket id: {"team": "blue"}}``) to group by."""
    progress = checked_progress(progress)
    if not isinstance(statuses, Mapping):
        raise InvalidTypeError(
            f"statuses must be a mapping of ticket id to sla.Status, got {type(statuses).__name__}"
        )
    found: list[Outcome] = []
    total = len(statuses)
    for done, (ticket, status) in enumerate(statuses.items(), start=1):
        if not isinstance(status, Status):
            raise InvalidTypeError(
                f"statuses[{shown(ticket)}] must be an sla.Status (from sla.evaluate), "
                f"got {type(status).__name__}"
            )
        deadline = status.reaction.deadline
        month = deadline.opened.astimezone(deadline.plan.calendar.tz).strftime("%Y-%m")
        own = _columns_of(ticket, columns)
        found.append(_outcome(str(ticket), "reaction", status.reaction, month, own))
        if status.resolution is not None:
            found.append(_outcome(str(ticket), "resolution", status.resolution, month, own))
        if progress is not None and (done == total or done % 1000 == 0):
            progress(done, total)
    return tuple(found)


def _group_names(by: Sequence[str] | str) -> tuple[str, ...]:
    names = (by,) if isinstance(by, str) else tuple(by)
    for name in names:
        if not isinstance(name, str) or not name.strip():
            raise InvalidValueError(
                f"group by names columns: plan, priority, month or your own, got {shown(name)}"
            )
    return names


def summarize(items: Iterable[Outcome], by: Sequence[str] | str = GROUPS) -> tuple[Summary, ...]:
    """One :class:`Summary` per group of *by* and metric, sorted by group then metric."""
    names = _group_names(by)
    groups: dict[tuple[tuple[tuple[str, str | int], ...], str], list[Outcome]] = {}
    for item in items:
        key = tuple((name, item.value(name)) for name in names)
        groups.setdefault((key, item.metric), []).append(item)
    result = []
    for (key, metric), members in groups.items():
        times = [m.elapsed for m in members if m.elapsed is not None]
        result.append(
            Summary(
                key=key, metric=metric,
                met=sum(m.state is State.MET for m in members),
                breached=sum(m.state is State.BREACHED for m in members),
                open=sum(not m.decided for m in members),
                median=percentile(times, 50), p90=percentile(times, 90),
            )
        )
    return tuple(sorted(result, key=lambda s: (tuple(str(v) for _, v in s.key), s.metric)))
