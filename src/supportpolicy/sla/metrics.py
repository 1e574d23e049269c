"""The metrics as data: one table entry per metric (docs/architecture.md, "Adding a metric").

Each :class:`MetricRule` holds a metric's texts (column, row and explanation labels),
the pause reasons that stop its clock by default, whether a plan must give its targets,
and its clock rule: which event kinds start and stop its clocks (semantics.md, "SLA
clocks"). The engine (:mod:`supportpolicy.sla.engine`), the plan reader, the renderer's
facts and the explanations all read this table; nothing branches on a metric.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Mapping
from fractions import Fraction

import attrs

from supportpolicy.i18n import N_, format_duration, translator
from supportpolicy.sla.targets import Metric

__all__ = ["ANY_REASON", "METRICS", "Action", "Happening", "MetricRule", "Threshold"]

ANY_REASON = "*"
"""In ``pause_on``: every pause reason."""


class Happening(enum.Enum):
    """What an event means to the clock rules (engine.py classifies each event)."""

    OPENED = "opened"
    AGENT_REPLY = "agent-reply"  # Responded, AgentReplied, Paused(reason="customer")
    CUSTOMER_MESSAGE = "customer-message"
    RESOLVED = "resolved"
    REOPENED = "reopened"
    OTHER = "other"


class Action(enum.Enum):
    """What a clock rule does with a happening."""

    NONE = "none"
    START = "start"  # a new clock starts (if none runs)
    STOP = "stop"  # the running clock stops
    RESTART = "restart"  # the running clock stops and a new one starts at once
    CONTINUE = "continue"  # a new cycle of the last clock: same start, the gap not counted


Rule = Callable[[Happening, bool, bool], Action]
"""``rule(happening, running, replied)``: *running* whether a clock of the metric runs,
*replied* whether an agent has replied before this event."""


def _reaction(happening: Happening, running: bool, _replied: bool) -> Action:
    if happening is Happening.OPENED:
        return Action.START
    stops = happening in (Happening.AGENT_REPLY, Happening.RESOLVED)
    return Action.STOP if running and stops else Action.NONE


def _resolution(happening: Happening, running: bool, _replied: bool) -> Action:
    if happening is Happening.OPENED:
        return Action.START
    if happening is Happening.RESOLVED and running:
        return Action.STOP
    return Action.CONTINUE if happening is Happening.REOPENED else Action.NONE


def _next_reply(happening: Happening, running: bool, replied: bool) -> Action:
    if happening is Happening.CUSTOMER_MESSAGE and replied and not running:
        return Action.START
    stops = happening in (Happening.AGENT_REPLY, Happening.RESOLVED)
    return Action.STOP if running and stops else Action.NONE


def _periodic_update(happening: Happening, running: bool, _replied: bool) -> Action:
    if happening in (Happening.OPENED, Happening.REOPENED):
        return Action.START
    if happening is Happening.AGENT_REPLY and running:
        return Action.RESTART
    return Action.STOP if happening is Happening.RESOLVED and running else Action.NONE


@attrs.frozen
class MetricRule:
    """Everything the library knows of one metric, besides its localized name."""

    rule: Rule
    column: str  # message id: the column label of its targets
    priority_row: str  # message id with {n}: a plans_table row
    target_line: str  # message id with {target}
    due_line: str  # message id with {due}
    pause_on: frozenset[str]  # default pause reasons
    required: bool = False  # whether every plan must give its targets


METRICS: Mapping[Metric, MetricRule] = {
    Metric.REACTION: MetricRule(
        _reaction, N_("Reaction"), N_("Reaction, priority {n}"),
        N_("Reaction target: {target}."), N_("Reaction due: {due}."), frozenset(),
        required=True,
    ),
    Metric.RESOLUTION: MetricRule(
        _resolution, N_("Resolution"), N_("Resolution, priority {n}"),
        N_("Resolution target: {target}."), N_("Resolution due: {due}."),
        frozenset({"customer"}),
    ),
    Metric.NEXT_REPLY: MetricRule(
        _next_reply, N_("Next reply"), N_("Next reply, priority {n}"),
        N_("Next reply target: {target}."), N_("Next reply due: {due}."), frozenset(),
    ),
    Metric.PERIODIC_UPDATE: MetricRule(
        _periodic_update, N_("Periodic update"), N_("Periodic update, priority {n}"),
        N_("Periodic update target: {target}."), N_("Periodic update due: {due}."),
        frozenset({ANY_REASON}),
    ),
}  # fmt: skip
"""The metrics, in the order every table shows them."""


def _fraction(value: object) -> Fraction | None:
    if value is None:
        return None
    if not isinstance(value, Fraction) or not 0 < value <= 1:
        raise ValueError(f"a warning fraction must be in (0, 1], got {value!r}")
    return value


@attrs.frozen
class Threshold:
    """A warning threshold: a *fraction* of the target used (``75%``), or business time
    *before* the due instant on the target's calendar (``{ hours = 1 }``)."""

    fraction: Fraction | None = attrs.field(default=None, converter=_fraction)
    before: dt.timedelta | None = None

    def __attrs_post_init__(self) -> None:
        if (self.fraction is None) == (self.before is None):
            raise ValueError("a threshold is a fraction or a time before due, not both")

    def describe(self, locale: str = "en") -> str:
        """``75 %`` or ``1 hour before due``, localized.

        >>> hour = Threshold(before=dt.timedelta(hours=1))
        >>> Threshold(Fraction(3, 4)).describe("de"), hour.short(), hour.describe("ru")
        ('75 %', '1h-before', 'за 1 час до срока')
        """
        tr = translator(locale, "sla")
        if self.fraction is not None:
            return tr.gettext("{percent} %").format(percent=_percent(self.fraction))
        assert self.before is not None
        return tr.gettext("{time} before due").format(time=format_duration(self.before, locale))

    def short(self) -> str:
        """Language-neutral: ``75%`` or ``1h-before`` / ``30min-before``."""
        if self.fraction is not None:
            return f"{_percent(self.fraction)}%"
        assert self.before is not None
        minutes = self.before // dt.timedelta(minutes=1)
        amount = f"{minutes // 60}h" if minutes % 60 == 0 else f"{minutes}min"
        return f"{amount}-before"


def _percent(fraction: Fraction) -> str:
    value = fraction * 100
    return str(value.numerator) if value.denominator == 1 else f"{float(value):g}"
