"""The one error hierarchy of supportpolicy.

Every error the library raises on bad input is a :class:`SupportPolicyError` and also
subclasses the matching built-in, so callers may catch either. Messages are English
(exceptions are for developers), and each says what was wrong and what is accepted.
"""

from __future__ import annotations

import math

__all__ = [
    "CalendarError",
    "EventError",
    "InvalidTypeError",
    "InvalidValueError",
    "MissingExtraError",
    "NaiveDatetimeError",
    "NeverOpenError",
    "PolicyFileError",
    "SupportPolicyError",
    "UnknownLocaleError",
    "UnknownNameError",
    "shown",
]


class SupportPolicyError(Exception):
    """Base of every error supportpolicy raises on bad input."""


class InvalidValueError(SupportPolicyError, ValueError):
    """A value of the right type but outside what is accepted."""


class InvalidTypeError(SupportPolicyError, TypeError):
    """A value of a type that is not accepted."""


class MissingExtraError(SupportPolicyError, ImportError):
    """An optional part of the library needs packages that are not installed; the
    message names the extra to install (``pip install "supportpolicy[frames]"``)."""


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


_SHOWN_CHARS = 40


def shown(value: object, limit: int = _SHOWN_CHARS) -> str:
    """*value* as an error message shows it: its ``repr``, clipped to about *limit*
    characters (with the full length noted), so that a 10 MB input never makes a 10 MB
    message. Huge integers are described by their number of digits, and a ``repr``
    that fails is replaced by the type's name.

    >>> shown("abc" * 1000, limit=16)
    "'abcabcabcabcab'... (3000 characters)"
    >>> shown(10**5000)
    'an integer of 5001 digits'
    """
    if isinstance(value, str):
        text = repr(value[: limit + 1])
        if len(value) <= limit and len(text) <= limit + 2:
            return text
        return f"{text[: limit - 1]}'... ({len(value)} characters)"
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 160:
        digits = math.floor((value.bit_length() - 1) * math.log10(2)) + 1  # of 2**(n-1)
        digits += abs(value) >= 10**digits
        return f"an integer of {digits} digits"
    try:
        text = repr(value)
    except Exception:  # any repr failure: describe the type instead
        return f"a {type(value).__name__}"
    return text if len(text) <= limit else f"{text[: limit - 3]}... ({len(text)} characters)"
