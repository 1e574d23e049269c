"""Ticket priorities 1-4 and their localized labels and definitions.

The four levels and what they mean come from the Russian support-package document
(004): the system is down; a main function is impossible but there is a way around it;
an auxiliary function is impossible but there is a way around it; a defect that does
not stop any function. The wording here is the library's own.
"""

from __future__ import annotations

import enum
import numbers

from supportpolicy import _coerce
from supportpolicy.errors import InvalidTypeError, InvalidValueError, shown
from supportpolicy.i18n import N_, translator

__all__ = ["Priority", "as_priority"]

_LABELS = (
    N_("Priority 1 (critical)"),
    N_("Priority 2 (high)"),
    N_("Priority 3 (medium)"),
    N_("Priority 4 (low)"),
)

_DEFINITIONS = (
    N_("The whole system is out of service."),
    N_("A main function cannot be used, but there is a way around it."),
    N_("A secondary function cannot be used, but there is a way around it."),
    N_("A defect that keeps no function from working."),
)


class Priority(enum.IntEnum):
    """A ticket priority: 1 is the most urgent. Plain ints 1-4 are accepted everywhere."""

    CRITICAL = 1
    HIGH = 2
    MEDIUM = 3
    LOW = 4

    def label(self, locale: str = "en") -> str:
        """The short localized name, e.g. ``"Priorität 1 (kritisch)"``.

        >>> Priority(1).label("en")
        'Priority 1 (critical)'
        """
        return translator(locale, "sla").gettext(_LABELS[self.value - 1])

    def definition(self, locale: str = "en") -> str:
        """The localized definition of this level (document 004, in our words).

        >>> Priority.LOW.definition("en")
        'A defect that keeps no function from working.'
        """
        return translator(locale, "sla").gettext(_DEFINITIONS[self.value - 1])


_BY_INT = {p.value: p for p in Priority}


_DIGITS = {"1": 1, "2": 2, "3": 3, "4": 4}


def as_priority(value: object, name: str = "priority") -> Priority:
    """Return the :class:`Priority` that *value* is or names.

    Accepts a :class:`Priority`, an int 1-4, or a string: ``"1"``, ``"P1"`` or a member
    name such as ``"critical"``. Refuses bools, other numbers and other types.

    >>> as_priority("p2")
    <Priority.HIGH: 2>
    """
    if type(value) is Priority:
        return value
    if isinstance(value, bool | numbers.Integral):
        return _BY_INT[_coerce.integer(value, name, minimum=1, maximum=4)]
    if isinstance(value, str):
        key = value.strip().lower()
        number = key.removeprefix("p").lstrip("0")
        # Compared as text: int() of a 5000-digit string (or of "²") would raise.
        if number in _DIGITS:
            return _BY_INT[_DIGITS[number]]
        for item in Priority:
            if key == item.name.lower():
                return item
        raise InvalidValueError(
            f"unknown {name} {shown(value)}; accepted: 1-4, 'P1'-'P4', "
            "'critical', 'high', 'medium', 'low'"
        )
    raise InvalidTypeError(
        f"{name} must be an int 1-4 or a string, got {type(value).__name__}; "
        "accepted: 1-4, 'P1'-'P4', 'critical', 'high', 'medium', 'low'"
    )
