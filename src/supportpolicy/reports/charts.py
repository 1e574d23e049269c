"""Charts of an SLA report, drawn with matplotlib (extra ``plot``) as PNG bytes.

Two charts: the breach rate per priority and month (one panel per clock, one bar per
priority in each month), and the distribution of the business time left at the due
instant (one panel per clock: a histogram in hours, time left in green, late in red).

matplotlib is imported only here, on the first chart, and only its object-oriented API
with the Agg canvas is used: no ``pyplot``, so neither ``MPLBACKEND`` nor a display
chooses the backend, and no global figure state is left behind. The PNG has no
timestamp in its metadata, so the same report gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import importlib
import io
from typing import Any

from supportpolicy import i18n
from supportpolicy.errors import MissingExtraError
from supportpolicy.reports.report import DOMAIN, Report
from supportpolicy.sla import Metric, State

__all__ = ["breach_rate_chart", "remaining_chart"]

_METRICS = ("reaction", "resolution")
_COLOURS = ("#c0392b", "#e67e22", "#2980b9", "#7f8c8d")  # priorities 1-4
_IN_TIME, _LATE = "#27ae60", "#c0392b"
_HOUR = dt.timedelta(hours=1)


def _matplotlib() -> tuple[Any, Any]:
    """``matplotlib.figure.Figure`` and the Agg canvas, or a clear error naming the extra."""
    try:
        canvas = importlib.import_module("matplotlib.backends.backend_agg").FigureCanvasAgg
        figure = importlib.import_module("matplotlib.figure").Figure
    except ImportError:
        raise MissingExtraError(
            'charts need matplotlib; install the plot extra: pip install "supportpolicy[plot]"'
        ) from None
    return figure, canvas


def _png(figure: Any, canvas_class: Any) -> bytes:
    canvas_class(figure)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=100, metadata={"Software": None})
    return buffer.getvalue()


def breach_rate_chart(report: Report, locale: str = "en") -> bytes:
    """PNG: the breach rate per priority and month, one panel per clock."""
    figure_class, canvas = _matplotlib()
    tr = i18n.translator(locale, DOMAIN)
    figure = figure_class(figsize=(10, 4.2), layout="constrained")
    figure.suptitle(tr.gettext("Breach rate per priority and month"))
    axes = figure.subplots(1, len(_METRICS), sharey=True, squeeze=False)[0]
    for ax, metric in zip(axes, _METRICS, strict=True):
        summaries = [s for s in report.by_priority_and_month(metric) if s.decided]
        ax.set_title(Metric(metric).label(locale))
        months = sorted({str(dict(s.key)["month"]) for s in summaries})
        priorities = sorted({int(dict(s.key)["priority"]) for s in summaries})
        if not summaries:
            ax.text(0.5, 0.5, tr.gettext("No clock is decided yet."), ha="center",
                    va="center", transform=ax.transAxes)  # fmt: skip
        width = 0.8 / max(len(priorities), 1)
        for k, priority in enumerate(priorities):
            xs, ys = [], []
            for s in summaries:
                key = dict(s.key)
                if key["priority"] == priority and s.breach_rate is not None:
                    offset = (k - (len(priorities) - 1) / 2) * width
                    xs.append(months.index(str(key["month"])) + offset)
                    ys.append(float(s.breach_rate) * 100)
            label = tr.gettext("Priority {priority}").format(priority=priority)
            ax.bar(xs, ys, width=width, label=label, color=_COLOURS[(priority - 1) % 4])
        ax.set_xticks(range(len(months)), months, rotation=45 if len(months) > 6 else 0)
        ax.set_ylim(0, 100)
        ax.set_xlabel(tr.gettext("Month"))
        ax.grid(axis="y", alpha=0.3)
        if priorities:
            ax.legend(fontsize="small")
    axes[0].set_ylabel(tr.gettext("Breach rate") + " (%)")
    return _png(figure, canvas)


def remaining_chart(report: Report, locale: str = "en", bins: int = 24) -> bytes:
    """PNG: the distribution of the business time left at the due instant (negative:
    late) over the decided clocks, one histogram per clock."""
    figure_class, canvas = _matplotlib()
    tr = i18n.translator(locale, DOMAIN)
    figure = figure_class(figsize=(10, 4.2), layout="constrained")
    figure.suptitle(tr.gettext("Business time left at the due instant (negative: late)"))
    axes = figure.subplots(1, len(_METRICS), squeeze=False)[0]
    for ax, metric in zip(axes, _METRICS, strict=True):
        hours = [o.remaining / _HOUR for o in report.outcomes
                 if o.metric == metric and o.state in (State.MET, State.BREACHED)]  # fmt: skip
        ax.set_title(Metric(metric).label(locale))
        if not hours:
            ax.text(0.5, 0.5, tr.gettext("No clock is decided yet."), ha="center",
                    va="center", transform=ax.transAxes)  # fmt: skip
        else:
            low, high = min(*hours, 0.0), max(*hours, 0.0)
            edges = [low + (high - low) * i / bins for i in range(bins + 1)] if high > low else [
                low - 0.5, low + 0.5]  # fmt: skip
            in_time = [h for h in hours if h >= 0]
            late = [h for h in hours if h < 0]
            ax.hist([in_time, late], bins=edges, stacked=True, color=[_IN_TIME, _LATE],
                    label=[tr.gettext("in time"), tr.gettext("late")])  # fmt: skip
            ax.axvline(0, color="black", linewidth=1)
            ax.legend(fontsize="small")
        ax.set_xlabel(tr.gettext("Business hours"))
        ax.set_ylabel(tr.gettext("Number of clocks"))
        ax.grid(axis="y", alpha=0.3)
    return _png(figure, canvas)
