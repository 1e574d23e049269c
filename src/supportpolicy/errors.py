"""The one error hierarchy of supportpolicy.

Every error the library raises on bad input is a :class:`SupportPolicyError` and also
subclasses the matching built-in, so callers may catch either. Messages are English
(exceptions are for developers), and each says what was wrong and what is accepted.
"""

from __future__ import annotations

__all__ = [
    "CalendarError",
    "EventError",
    "InvalidTypeError",
    "InvalidValueError",
    "NaiveDatetimeError",
    "NeverOpenError",
    "PolicyFileError",
    "SupportPolicyError",
    "UnknownLocaleError",
    "UnknownNameError",
]


class SupportPolicyError(Exception):
    """Base of every error supportpolicy raises on bad input."""


class InvalidValueError(SupportPolicyError, ValueError):
    """A value of the right type but outside what is accepted."""


class InvalidTypeError(SupportPolicyError, TypeError):
    """A value of a type that is not accepted."""


class UnknownNameError(SupportPolicyError, KeyError):
    """A name (preset, plan, policy, tier) that is not known.

    Subclasses :class:`KeyError`, the convention for a failed lookup by name; ``str()``
    gives the plain message rather than KeyError's quoted repr.
    """

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class NaiveDatetimeError(InvalidValueError):
    """A datetime without a timezone where an instant is required."""


class UnknownLocaleError(InvalidValueError):
    """A locale outside the five the library speaks (or their regional variants)."""


class CalendarError(InvalidValueError):
    """A business calendar that cannot be built: hours, timezone, country or dates."""


class NeverOpenError(CalendarError):
    """A computation needs open time that the calendar never provides in its horizon."""


class PolicyFileError(InvalidValueError):
    """A TOML policy or plan file that is malformed; the message names the file and key."""


class EventError(InvalidValueError):
    """Ticket events that do not form a valid timeline."""
