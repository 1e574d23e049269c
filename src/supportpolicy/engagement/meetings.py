"""The ticket meeting of document 001: how often partner and provider review tickets.

001 says the meeting's period depends on the number of tickets and that 30 minutes every
2 weeks has proven itself. It gives no thresholds, so the rule is a parameter: an ordered
table of (up to N open tickets -> every D days, M minutes), shipped as the preset
``presets/ticket-meeting.toml`` and loadable from a user's file of the same shape.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Mapping

import attrs

from supportpolicy import _coerce, _toml
from supportpolicy.engagement._text import tr
from supportpolicy.errors import InvalidValueError, PolicyFileError

__all__ = ["MeetingCadence", "MeetingRule", "load_meeting_rule", "meeting_rule", "ticket_meeting"]


@attrs.frozen
class MeetingCadence:
    """A meeting every ``every_days`` days lasting ``minutes``, for up to ``up_to`` tickets
    (``None``: any number)."""

    up_to: int | None
    every_days: int
    minutes: int

    def explain(self, locale: object = "en") -> str:
        """The cadence in words, in *locale*."""
        t = tr(locale)
        return t.ngettext(
            "A ticket meeting of {minutes} minutes every {n} day.",
            "A ticket meeting of {minutes} minutes every {n} days.",
            self.every_days,
        ).format(minutes=self.minutes, n=self.every_days)


@attrs.frozen
class MeetingRule:
    """An ordered table of cadences; the first whose ``up_to`` covers the count applies."""

    cadences: tuple[MeetingCadence, ...]
    source: str


def _positive(table: Mapping[str, object], key: str, source: str, where: str) -> int:
    value: int = _toml.require(table, key, int, source, where)
    if value <= 0:
        raise PolicyFileError(f"{source}: {where}.{key} must be > 0, got {value}")
    return value


def _parse(table: _toml.Table, source: str) -> MeetingRule:
    _toml.require(table, "source", str, source, "file")
    rows = _toml.require(table, "cadence", list, source, "file")
    cadences = []
    for index, row in enumerate(rows):
        where = f"cadence[{index}]"
        if not isinstance(row, Mapping):
            raise PolicyFileError(f"{source}: {where} must be a table")
        up_to = _positive(row, "up_to", source, where) if "up_to" in row else None
        cadences.append(
            MeetingCadence(
                up_to, _positive(row, "every_days", source, where),
                _positive(row, "minutes", source, where),
            )
        )
    if not cadences or cadences[-1].up_to is not None:
        raise PolicyFileError(
            f"{source}: the last [[cadence]] row must have no up_to, so every count is covered"
        )
    bounds = [c.up_to for c in cadences[:-1] if c.up_to is not None]
    if len(bounds) != len(cadences) - 1 or bounds != sorted(set(bounds)):
        raise PolicyFileError(
            f"{source}: up_to must rise strictly from row to row, and only the last row "
            "may omit it"
        )
    return MeetingRule(tuple(cadences), source)


def load_meeting_rule(path: str | os.PathLike[str]) -> MeetingRule:
    """Read a meeting rule from the TOML file at *path* (shape of the preset)."""
    return _parse(*_toml.read_toml(path))


@functools.lru_cache(maxsize=1)
def meeting_rule() -> MeetingRule:
    """The preset rule: 30 minutes every 2 weeks by default (001), shorter with more tickets."""
    return _parse(*_toml.read_preset("supportpolicy.engagement", "ticket-meeting", "meeting rule"))


def ticket_meeting(open_tickets: int = 0, rule: MeetingRule | None = None) -> MeetingCadence:
    """The meeting cadence for *open_tickets* under *rule* (default: the preset).

    >>> ticket_meeting(5).every_days, ticket_meeting(5).minutes
    (14, 30)
    """
    open_tickets = _coerce.integer(open_tickets, "open_tickets", minimum=0)
    table = meeting_rule() if rule is None else rule
    for cadence in table.cadences:
        if cadence.up_to is None or open_tickets <= cadence.up_to:
            return cadence
    raise InvalidValueError(
        f"meeting rule has no row for {open_tickets} tickets; end it with a row without up_to"
    )
