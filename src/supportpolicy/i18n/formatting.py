"""Locale-aware formatting of durations, business days, instants, money and weekdays.

Every function takes the locale as an explicit argument, normalized with
:func:`~supportpolicy.i18n.catalogs.normalize_locale` (regional variants such as
``de_CH`` fall back to ``de``; anything outside the five languages is refused). The
environment (``LANG``, ``LANGUAGE``, ``LC_ALL``) is never consulted: Babel always gets
``locale=`` and the catalogs are chosen by argument.

Durations and day counts are spelled out through the ``core`` catalog, exactly: a
duration is never rounded (Babel's ``format_timedelta`` rounds to one unit, which would
turn a deadline of 1 hour 30 minutes into "2 hours"), and never folded into days,
because a business day is not 24 hours.

>>> import datetime as dt
>>> format_duration(dt.timedelta(minutes=90), "de")
'1 Stunde 30 Minuten'
>>> format_business_days(21, "ru")
'21 рабочий день'
"""

from __future__ import annotations

import datetime as dt
import decimal
import functools
import importlib
import numbers
import operator
import types
import zoneinfo
from decimal import Decimal
from typing import Literal

from supportpolicy import _coerce, _limits
from supportpolicy.errors import InvalidTypeError, InvalidValueError, shown
from supportpolicy.i18n.catalogs import normalize_locale, translator

FORMATS: tuple[str, ...] = ("short", "medium", "long", "full")
"""The accepted ``format`` widths of dates and times (CLDR's standard four)."""

_Width = Literal["abbreviated", "wide", "short", "narrow"]
WIDTHS: tuple[_Width, ...] = ("abbreviated", "wide", "short", "narrow")
"""The accepted ``width`` values of :func:`weekday_name`."""

_MAX_DIGITS = 100
_US_PER_SECOND = 1_000_000
_US_PER_MINUTE = 60 * _US_PER_SECOND
_US_PER_HOUR = 60 * _US_PER_MINUTE


def _dates() -> types.ModuleType:
    """``babel.dates``, imported on the first formatted date (it loads CLDR data)."""
    return importlib.import_module("babel.dates")


def _numbers() -> types.ModuleType:
    """``babel.numbers``, imported on the first formatted number."""
    return importlib.import_module("babel.numbers")


def _whole(value: object, name: str, **bounds: int | None) -> int:
    """*value* as an int (any integer but bool, numpy's included), within *bounds*."""
    return _coerce.integer(value, name, **bounds)


def _plain_decimal(value: object, name: str) -> Decimal:
    """Return *value* as a finite Decimal; int and Decimal only (float and bool refused)."""
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        value = operator.index(value)
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise InvalidTypeError(
            f"{name} must be a Decimal or an int (never a float, which is inexact), "
            f"got {type(value).__name__} {shown(value)}"
        )
    result = Decimal(value)
    if not result.is_finite():
        raise InvalidValueError(f"{name} must be a finite number, got {shown(value)}")
    exponent = int(result.as_tuple().exponent)  # an int for every finite Decimal
    if not -_MAX_DIGITS <= exponent <= result.adjusted() < _MAX_DIGITS:
        raise InvalidValueError(
            f"{name} {shown(value)} is out of range; "
            f"accepted: below 10**{_MAX_DIGITS} in magnitude "
            f"with at most {_MAX_DIGITS} decimals"
        )
    return result.copy_abs() if result.is_zero() else result


def _babel_exact(value: Decimal) -> decimal.Context:
    """A decimal context precise enough that Babel's quantizing never rounds *value*."""
    digits = len(value.as_tuple().digits) + abs(int(value.as_tuple().exponent))
    return decimal.Context(prec=max(28, digits + 10))  # + the pattern's own decimals


def _seconds_text(micros: int, locale: str) -> str:
    """Seconds with up to six decimals (none when whole), the locale's decimal symbol."""
    if micros % _US_PER_SECOND == 0:
        return str(micros // _US_PER_SECOND)
    text = str((Decimal(micros) / _US_PER_SECOND).normalize())
    if "E" in text:  # pragma: no cover - normalize() of 1e-6..59.999999 never needs it
        text = f"{Decimal(micros) / _US_PER_SECOND:f}"
    return text.replace(".", decimal_symbol(locale))


def format_duration(delta: dt.timedelta, locale: str) -> str:
    """Spell out *delta* exactly in hours, minutes and, when not zero, seconds.

    Parts that are zero are left out, except that a zero duration reads "0 minutes".
    Hours are never folded into days (21 hours stay "21 hours"). Seconds appear only
    when the duration has them; a fraction of a second is shown with up to six decimals
    ("1.5 seconds"), never rounded or truncated. A negative duration is the positive
    one with a leading minus sign on the whole ("-1 hour 30 minutes"). Numbers are plain
    digits without grouping separators.

    >>> import datetime as dt
    >>> format_duration(dt.timedelta(minutes=90), "en")
    '1 hour 30 minutes'
    >>> format_duration(dt.timedelta(hours=21), "ru")
    '21 час'
    >>> format_duration(dt.timedelta(seconds=-90.25), "de")
    '-1 Minute 30,25 Sekunden'
    """
    if not isinstance(delta, dt.timedelta):
        raise InvalidTypeError(
            f"delta must be a datetime.timedelta, got {type(delta).__name__} {delta!r}"
        )
    language = normalize_locale(locale)
    tr = translator(language, "core")
    total = _coerce.micros(delta)
    magnitude = abs(total)
    hours, rest = divmod(magnitude, _US_PER_HOUR)
    minutes, micros = divmod(rest, _US_PER_MINUTE)
    parts: list[str] = []
    if hours:
        parts.append(tr.ngettext("{n} hour", "{n} hours", hours).format(n=hours))
    if minutes or magnitude == 0:
        parts.append(tr.ngettext("{n} minute", "{n} minutes", minutes).format(n=minutes))
    if micros % _US_PER_SECOND:
        seconds_text = _seconds_text(micros, language)
        parts.append(tr.gettext("{seconds} seconds").format(seconds=seconds_text))
    elif micros:
        seconds = micros // _US_PER_SECOND
        parts.append(tr.ngettext("{n} second", "{n} seconds", seconds).format(n=seconds))
    text = parts[0]
    for part in parts[1:]:
        text = tr.gettext("{larger} {smaller}").format(larger=text, smaller=part)
    if total < 0:
        text = tr.gettext("-{duration}").format(duration=text)
    return text


def format_business_days(n: int, locale: str) -> str:
    """Spell out a count of business days with the locale's plural form.

    A negative count (a deadline already passed) takes the plural form of its absolute
    value and keeps its sign. Numbers are plain digits without grouping separators.

    >>> format_business_days(5, "ru")
    '5 рабочих дней'
    >>> format_business_days(1, "es")
    '1 día hábil'
    """
    count = _whole(n, "n", minimum=-_limits.MAX_INTEGER)
    tr = translator(normalize_locale(locale), "core")
    return tr.ngettext("{n} business day", "{n} business days", abs(count)).format(n=count)


def _zone(tz: object) -> dt.tzinfo:
    """A tzinfo from an IANA zone name, a ``ZoneInfo`` or a fixed offset; else refused."""
    if isinstance(tz, dt.tzinfo) and not isinstance(tz, zoneinfo.ZoneInfo):
        return tz  # a fixed offset such as datetime.UTC: the same on every host
    return _coerce.zone(tz, "tz")


def _instant(value: object, tz: object) -> dt.datetime:
    """*value* as an aware datetime in the range of instants shown (up to the end of
    local year 2400, where the clock's results may lie), in *tz* (default: its own zone)."""
    instant = _coerce.aware(value, "instant", latest=_limits.LATEST_RESULT)
    return instant if tz is None else instant.astimezone(_zone(tz))


def _width(format: object) -> str:
    if format not in FORMATS:
        raise InvalidValueError(f"unknown format {format!r}; accepted: {', '.join(FORMATS)}")
    return str(format)


def format_datetime(
    instant: dt.datetime,
    locale: str,
    *,
    tz: str | dt.tzinfo | None = None,
    format: str = "medium",
    zone: bool = False,
) -> str:
    """Date and time of an aware *instant* in the locale's style.

    Shown in *tz* (an IANA name or a tzinfo) when given, else in the instant's own zone.
    ``zone=True`` appends the UTC offset shown (``GMT+03:00`` in CLDR's localized form),
    so that a reader knows which clock the time is on; the ``long`` and ``full``
    formats already name the zone.

    >>> import datetime as dt
    >>> from zoneinfo import ZoneInfo
    >>> at = dt.datetime(2026, 11, 21, 23, 30, tzinfo=ZoneInfo("Europe/Moscow"))
    >>> format_datetime(at, "de", format="short")
    '21.11.26, 23:30'
    >>> format_datetime(at, "nl", tz="Europe/Amsterdam", format="short")
    '21-11-2026, 21:30'
    >>> format_datetime(at, "de", format="short", zone=True)
    '21.11.26, 23:30 GMT+03:00'
    """
    shown = _instant(instant, tz)
    language = normalize_locale(locale)
    text = str(
        _dates().format_datetime(
            shown, format=_width(format), tzinfo=shown.tzinfo, locale=language
        )
    )
    if zone:
        text += " " + str(_dates().get_timezone_gmt(shown, width="long", locale=language))
    return text


def format_date(day: dt.date, locale: str, format: str = "medium") -> str:
    """A calendar date in the locale's style.

    A ``datetime`` is refused (its date depends on the zone it is seen in): pass
    ``instant.date()`` after choosing the zone, or use :func:`format_datetime`.

    >>> import datetime as dt
    >>> format_date(dt.date(2026, 11, 4), "ru", format="long")
    '4 ноября 2026\\u202fг.'
    """
    if isinstance(day, dt.datetime) or not isinstance(day, dt.date):
        raise InvalidTypeError(
            f"day must be a datetime.date (not a datetime), got {type(day).__name__}"
        )
    return str(_dates().format_date(day, format=_width(format), locale=normalize_locale(locale)))


def format_time(
    value: dt.datetime | dt.time,
    locale: str,
    *,
    tz: str | dt.tzinfo | None = None,
    format: str = "medium",
) -> str:
    """A time of day in the locale's style.

    *value* is either an aware instant (shown in *tz*, default its own zone) or a
    wall-clock ``datetime.time`` without a zone, such as an opening hour (then *tz* must
    be omitted, since a bare time cannot be converted).

    >>> import datetime as dt
    >>> format_time(dt.time(18, 0), "es", format="short")
    '18:00'
    """
    language = normalize_locale(locale)
    width = _width(format)
    if isinstance(value, dt.time):
        if value.tzinfo is not None or tz is not None:
            raise InvalidValueError(
                "a datetime.time is a wall-clock time and cannot be shown in a timezone; "
                "pass an aware datetime to convert, or a time without tzinfo and no tz"
            )
        return str(_dates().format_time(value, format=width, locale=language))
    shown = _instant(value, tz)
    return str(_dates().format_time(shown, format=width, tzinfo=shown.tzinfo, locale=language))


@functools.lru_cache(maxsize=1)
def _currencies() -> frozenset[str]:
    return frozenset(_numbers().list_currencies())


def format_money(amount: Decimal, currency: str, locale: str) -> str:
    """An amount of money in *currency* (an ISO 4217 code) in the locale's style.

    The amount is shown exactly: digits beyond the currency's usual decimals are kept,
    never rounded away. Floats are refused (money is Decimal), and so are amounts of
    10**100 or more, or with more than 100 decimals (to bound the work).

    >>> from decimal import Decimal
    >>> format_money(Decimal("24000"), "RUB", "de")
    '24.000,00\\xa0RUB'
    """
    value = _plain_decimal(amount, "amount")
    if not isinstance(currency, str):
        raise InvalidTypeError(
            f"currency must be an ISO 4217 code such as 'RUB', got {type(currency).__name__}"
        )
    code = currency.strip().upper()
    if code not in _currencies():
        raise InvalidValueError(
            f"unknown currency {shown(currency)}; give an ISO 4217 code such as 'RUB', 'EUR', 'USD'"
        )
    language = normalize_locale(locale)
    with decimal.localcontext(_babel_exact(value)):
        return str(
            _numbers().format_currency(value, code, locale=language, decimal_quantization=False)
        )


def format_decimal(value: Decimal, locale: str) -> str:
    """A number in the locale's style, exactly (every given decimal is kept).

    >>> from decimal import Decimal
    >>> format_decimal(Decimal("12.5"), "nl")
    '12,5'
    """
    number = _plain_decimal(value, "value")
    language = normalize_locale(locale)
    with decimal.localcontext(_babel_exact(number)):
        return str(
            _numbers().format_decimal(number, locale=language, decimal_quantization=False)
        )


def decimal_symbol(locale: str) -> str:
    """The locale's decimal separator.

    >>> decimal_symbol("en"), decimal_symbol("ru")
    ('.', ',')
    """
    return str(_numbers().get_decimal_symbol(normalize_locale(locale)))


def weekday_name(weekday: int, locale: str, width: str = "abbreviated") -> str:
    """The name of *weekday* (0 = Monday ... 6 = Sunday), as a stand-alone label.

    >>> weekday_name(0, "de", "wide"), weekday_name(6, "ru")
    ('Montag', 'вс')
    """
    day = _whole(weekday, "weekday, 0 (Monday) to 6 (Sunday),", minimum=0, maximum=6)
    if width not in WIDTHS:
        raise InvalidValueError(f"unknown width {shown(width)}; accepted: {', '.join(WIDTHS)}")
    names = _dates().get_day_names(width, context="stand-alone", locale=normalize_locale(locale))
    return str(names[day])
