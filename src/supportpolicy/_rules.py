"""The one rule engine: ordered tables of conditions on attributes, first match wins.

Coverage policies (``coverage.rules``) and SLA plan selection (``sla.selection``) both
decide by the first row of a table whose conditions a subject meets. Here is what they
share: a :class:`Condition` on one attribute, a :class:`When` (every condition must
hold; none means "any subject"), and :func:`first_match`. The subject is read through
a lookup function, so a frozen request and a ticket mapping are matched alike without
copying. This module is a leaf: it knows no request, ticket, plan or language.

>>> when = When((Condition("channel", frozenset({"phone", "email"})),
...              Condition("tags", frozenset({"vip"}), Match.ALL)))
>>> ticket = {"channel": "phone", "tags": ("vip", "eu")}
>>> when.holds(ticket.get)
True
>>> first_match([When(()), when], lambda w: w, ticket.get)
0
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Collection, Iterable, Sequence
from typing import TypeVar

import attrs

__all__ = ["Condition", "Lookup", "Match", "When", "first_match"]

Lookup = Callable[[str], object]
"""How a rule reads the subject: attribute name -> value (None: the subject has none)."""

T = TypeVar("T")


class Match(enum.Enum):
    """How a condition's values test the subject's value.

    A single value (a string, a number, a flag) passes ``ANY`` when it is one of the
    condition's values, ``ALL`` when it is the only one, ``NONE`` when it is none of
    them. A collection (a tuple, set or list: tags) passes ``ANY`` when it holds at least
    one of them, ``ALL`` when it holds every one, ``NONE`` when it holds none. A subject
    without the attribute (None) passes only ``NONE``.
    """

    ANY = "any"
    ALL = "all"
    NONE = "none"


@attrs.frozen
class Condition:
    """One condition: attribute *key* tested against *values* by *match*."""

    key: str
    values: frozenset[object]
    match: Match = Match.ANY

    def holds(self, lookup: Lookup) -> bool:
        """Whether the subject read by *lookup* meets this condition."""
        value = lookup(self.key)
        if value is None:
            return self.match is Match.NONE
        if isinstance(value, Collection) and not isinstance(value, str | bytes):
            held = self.values.intersection(value)
            if self.match is Match.ANY:
                return bool(held)
            if self.match is Match.ALL:
                return len(held) == len(self.values)
            return not held
        if self.match is Match.NONE:
            return value not in self.values
        if self.match is Match.ALL:
            return self.values == {value}
        return value in self.values


@attrs.frozen
class When:
    """The conditions of one rule; the rule matches when every one holds."""

    conditions: tuple[Condition, ...] = ()

    @property
    def unconditional(self) -> bool:
        """True when the rule matches every subject."""
        return not self.conditions

    def holds(self, lookup: Lookup) -> bool:
        """Whether every condition holds for the subject read by *lookup*."""
        return all(condition.holds(lookup) for condition in self.conditions)

    def keys(self) -> tuple[str, ...]:
        """The attribute names the conditions read, in order."""
        return tuple(condition.key for condition in self.conditions)


def when_of(pairs: Iterable[tuple[str, frozenset[object] | None]]) -> When:
    """A :class:`When` of ``ANY`` conditions from (key, values) pairs; a pair whose
    values are None is left out (it places no condition)."""
    return When(tuple(Condition(key, values) for key, values in pairs if values is not None))


def first_match(rules: Sequence[T], when: Callable[[T], When], lookup: Lookup) -> int | None:
    """The index of the first rule of *rules* whose conditions (``when(rule)``) the
    subject read by *lookup* meets, or None when no rule matches."""
    for index, rule in enumerate(rules):
        if when(rule).holds(lookup):
            return index
    return None
