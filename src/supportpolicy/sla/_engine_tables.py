"""Reading the engine keys of a plan: per-metric targets, ``warn`` and ``pause_on``.

Shapes (docs/plans.md, "Clocks, warnings and pauses")::

    [plans.gold.next_reply]        # like [plans.gold.reaction]
    p1 = { hours = 1 }
    [plans.gold.warn]              # per metric: "75%" or business time before due
    reaction = ["75%", { hours = 1 }]
    [plans.gold.pause_on]          # per metric: the reasons that pause its clock
    resolution = ["customer", "vendor"]
"""

from __future__ import annotations

import datetime as dt
import re
from fractions import Fraction

from supportpolicy import _toml
from supportpolicy._frozen import FrozenMap
from supportpolicy.errors import PolicyFileError, shown
from supportpolicy.sla._plan_tables import check_keys, targets_of
from supportpolicy.sla.metrics import ANY_REASON, METRICS, Threshold
from supportpolicy.sla.targets import Metric, Target

__all__ = ["ENGINE_KEYS", "more_targets", "pause_on", "warn"]

# Reaction and resolution have fields of their own in Plan (the first release's shape).
_OPTIONAL = tuple(m for m in METRICS if m not in (Metric.REACTION, Metric.RESOLUTION))
ENGINE_KEYS = frozenset({*(m.value for m in _OPTIONAL), "warn", "pause_on"})
_METRIC_KEYS = frozenset(m.value for m in METRICS)
_PERCENT = re.compile(r"\s*(\d{1,3}(?:\.\d{1,4})?)\s*%\s*")
_MAX_THRESHOLDS = 10
_MAX_REASONS = 20
_ACCEPT_WARN = '"75%" (1-100%) or { hours = 1 } / { minutes = 30 } (time before due)'


def more_targets(
    table: _toml.Table, source: str, where: str
) -> FrozenMap[Metric, tuple[Target | None, ...]]:
    """The targets of the optional metrics the plan gives (next reply, periodic update)."""
    return FrozenMap(
        (metric, targets_of(table, metric.value, source, where, required=False))
        for metric in _OPTIONAL
        if metric.value in table
    )


def _threshold(value: object, source: str, where: str) -> Threshold:
    if isinstance(value, str):
        match = _PERCENT.fullmatch(value)
        fraction = Fraction(match.group(1)) / 100 if match else Fraction(0)
        if 0 < fraction <= 1:
            return Threshold(fraction)
    elif isinstance(value, dict) and len(value) == 1:
        (unit, amount), = value.items()
        if unit in ("hours", "minutes") and type(amount) is int and 0 < amount <= 100_000:
            return Threshold(before=dt.timedelta(**{unit: amount}))
    raise PolicyFileError(f"{source}: {where} is {shown(value)}; accepted: {_ACCEPT_WARN}")


def warn(table: _toml.Table, source: str, where: str) -> FrozenMap[Metric, tuple[Threshold, ...]]:
    """The warning thresholds per metric, each list in the order given."""
    if "warn" not in table:
        return FrozenMap()
    group = _toml.require(table, "warn", dict, source, where)
    check_keys(group, _METRIC_KEYS, source, f"{where}.warn")
    result: dict[Metric, tuple[Threshold, ...]] = {}
    for key, values in group.items():
        at = f"{where}.warn.{key}"
        if not isinstance(values, list) or len(values) > _MAX_THRESHOLDS:
            raise PolicyFileError(
                f"{source}: {at} must be a list of at most {_MAX_THRESHOLDS} thresholds, "
                f"each {_ACCEPT_WARN}"
            )
        found = tuple(_threshold(v, source, f"{at}[{i}]") for i, v in enumerate(values))
        result[Metric(key)] = tuple(dict.fromkeys(found))
    return FrozenMap(result)


def pause_on(table: _toml.Table, source: str, where: str) -> FrozenMap[Metric, frozenset[str]]:
    """The pause reasons per metric the plan names (others keep their default)."""
    if "pause_on" not in table:
        return FrozenMap()
    group = _toml.require(table, "pause_on", dict, source, where)
    check_keys(group, _METRIC_KEYS, source, f"{where}.pause_on")
    result: dict[Metric, frozenset[str]] = {}
    for key, values in group.items():
        at = f"{where}.pause_on.{key}"
        if (
            not isinstance(values, list)
            or len(values) > _MAX_REASONS
            or not all(isinstance(v, str) and v.strip() and len(v) <= 100 for v in values)
        ):
            raise PolicyFileError(
                f"{source}: {at} must list at most {_MAX_REASONS} pause reasons such as "
                f'["customer", "vendor"] ("{ANY_REASON}": every reason; []: none)'
            )
        result[Metric(key)] = frozenset(v.strip() for v in values)
    return FrozenMap(result)
