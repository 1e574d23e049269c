"""Golden examples and refusals of supportpolicy.i18n formatting.

Each golden row cites the source document whose figure it spells out (the document
gives the quantity; the expected text is the library's own wording of it), or "brief"
for the examples fixed by the project's issue.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from supportpolicy import errors, i18n

H = dt.timedelta(hours=1)
M = dt.timedelta(minutes=1)

DURATIONS = [
    ("004: reaction Basic P1, 24 ч", 24 * H, "ru", "24 часа"),
    ("004: reaction Basic P2-P4, 48 ч", 48 * H, "ru", "48 часов"),
    ("004: reaction Business P1, 4 ч", 4 * H, "ru", "4 часа"),
    ("004: reaction Premium P1, 60 мин", 60 * M, "ru", "1 час"),
    ("004: resolution Premium P1, 12 ч", 12 * H, "ru", "12 часов"),
    ("004: reaction Premium P3/P4, 6 ч", 6 * H, "ru", "6 часов"),
    ("001: first review within 24 Stunden", 24 * H, "de", "24 Stunden"),
    ("001: ticket meeting of 30 Minuten", 30 * M, "de", "30 Minuten"),
    ("003: TAM session of at most 1 hora", 1 * H, "es", "1 hora"),
    ("003: support hours 9.00-18.00, 9 horas", 9 * H, "es", "9 horas"),
    ("000: SOW threshold of 8 hours", 8 * H, "en", "8 hours"),
    ("002: half a working day, 4 uur", 4 * H, "nl", "4 uur"),
    ("brief: 90 minutes", 90 * M, "en", "1 hour 30 minutes"),
    ("brief: 90 minutes", 90 * M, "de", "1 Stunde 30 Minuten"),
    ("brief: 90 minutes", 90 * M, "ru", "1 час 30 минут"),
    ("brief: 90 minutes", 90 * M, "nl", "1 uur 30 minuten"),
    ("brief: 90 minutes", 90 * M, "es", "1 hora 30 minutos"),
    ("brief: 21 hours are not folded into days", 21 * H, "en", "21 hours"),
    ("brief: 21 hours, ru one-form", 21 * H, "ru", "21 час"),
    ("brief: 2 hours", 2 * H, "ru", "2 часа"),
    ("brief: 5 hours", 5 * H, "ru", "5 часов"),
    ("brief: 1 minute", 1 * M, "ru", "1 минута"),
    ("brief: 2 minutes", 2 * M, "ru", "2 минуты"),
    ("brief: 5 minutes", 5 * M, "ru", "5 минут"),
    ("brief: zero", dt.timedelta(0), "en", "0 minutes"),
    ("brief: zero", dt.timedelta(0), "ru", "0 минут"),
    ("brief: negative", -90 * M, "en", "-1 hour 30 minutes"),
    ("decision: days are hours", dt.timedelta(days=2, hours=3), "en", "51 hours"),
    (
        "decision: seconds only when present",
        dt.timedelta(hours=2, seconds=1),
        "en",
        "2 hours 1 second",
    ),
    (
        "decision: zero minutes left out",
        dt.timedelta(hours=1, seconds=5),
        "de",
        "1 Stunde 5 Sekunden",
    ),
    (
        "decision: fractions kept",
        dt.timedelta(seconds=1, microseconds=500_000),
        "en",
        "1.5 seconds",
    ),
    ("decision: fractions kept", dt.timedelta(microseconds=1), "nl", "0,000001 seconden"),
    (
        "decision: fractions kept",
        dt.timedelta(minutes=2, microseconds=250_000),
        "ru",
        "2 минуты 0,25 секунды",
    ),
]


@pytest.mark.parametrize(("source", "delta", "locale", "expected"), DURATIONS)
def test_format_duration_golden(
    source: str, delta: dt.timedelta, locale: str, expected: str
) -> None:
    assert i18n.format_duration(delta, locale) == expected, source


BUSINESS_DAYS = [
    ("004: Premium P2 resolution, 3 рабочих дня", 3, "ru", "3 рабочих дня"),
    ("004: Premium P3 resolution, 10 рабочих дней", 10, "ru", "10 рабочих дней"),
    ("004: Premium P4 resolution, 20 рабочих дней", 20, "ru", "20 рабочих дней"),
    ("003: reply within 1 día laborable", 1, "es", "1 día hábil"),
    ("api.md: 5 рабочих дней", 5, "ru", "5 рабочих дней"),
    ("brief", 1, "en", "1 business day"),
    ("brief", 5, "en", "5 business days"),
    ("brief", 1, "ru", "1 рабочий день"),
    ("brief", 2, "ru", "2 рабочих дня"),
    ("brief", 21, "ru", "21 рабочий день"),
    ("brief", 1, "de", "1 Werktag"),
    ("brief", 5, "de", "5 Werktage"),
    ("brief", 1, "nl", "1 werkdag"),
    ("brief", 5, "nl", "5 werkdagen"),
    ("brief", 5, "es", "5 días hábiles"),
    ("decision: negative keeps sign, plural of |n|", -1, "ru", "-1 рабочий день"),
    ("decision: negative keeps sign, plural of |n|", -3, "en", "-3 business days"),
]


@pytest.mark.parametrize(("source", "n", "locale", "expected"), BUSINESS_DAYS)
def test_format_business_days_golden(source: str, n: int, locale: str, expected: str) -> None:
    assert i18n.format_business_days(n, locale) == expected, source


def test_exports() -> None:
    assert i18n.LOCALES == ("en", "de", "nl", "es", "ru")
    for name in i18n.__all__:
        assert hasattr(i18n, name), name


@pytest.mark.parametrize("variant", ["de_CH", "de-AT", "DE", " de "])
def test_regional_variants_fall_back(variant: str) -> None:
    delta = 90 * M
    assert i18n.format_duration(delta, variant) == i18n.format_duration(delta, "de")
    assert i18n.format_money(Decimal("1234.5"), "CHF", variant) == i18n.format_money(
        Decimal("1234.5"), "CHF", "de"
    )


@pytest.mark.parametrize("locale", ["fr", "xx", "", "C", "pt_BR"])
def test_other_locales_refused(locale: str) -> None:
    with pytest.raises(errors.UnknownLocaleError, match="accepted: en, de, nl, es, ru"):
        i18n.format_duration(H, locale)
    with pytest.raises(errors.UnknownLocaleError):
        i18n.format_business_days(1, locale)
    with pytest.raises(errors.UnknownLocaleError):
        i18n.decimal_symbol(locale)


@pytest.mark.parametrize("bad", [True, 1.0, "3", None, Decimal(3)])
def test_business_days_refuse_non_int(bad: object) -> None:
    with pytest.raises(errors.InvalidTypeError, match="must be an int"):
        i18n.format_business_days(bad, "en")  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [90, 1.5, "1:30", None])
def test_duration_refuses_non_timedelta(bad: object) -> None:
    with pytest.raises(errors.InvalidTypeError, match="timedelta"):
        i18n.format_duration(bad, "en")  # type: ignore[arg-type]


MOSCOW = ZoneInfo("Europe/Moscow")
AT = dt.datetime(2026, 11, 21, 23, 30, tzinfo=MOSCOW)


def test_format_datetime_uses_own_zone_or_tz() -> None:
    assert i18n.format_datetime(AT, "ru", format="short") == "21.11.2026, 23:30"
    assert i18n.format_datetime(AT, "de", tz="UTC", format="short") == "21.11.26, 20:30"
    assert i18n.format_datetime(AT, "de", tz=ZoneInfo("America/New_York"), format="short") == (
        "21.11.26, 15:30"
    )
    assert i18n.format_time(AT, "es", tz="Europe/Madrid", format="short") == "21:30"
    assert i18n.format_time(dt.time(9, 0), "nl", format="short") == "09:00"
    assert i18n.format_date(dt.date(2026, 11, 4), "de", format="long") == "4. November 2026"


def test_instants_must_be_aware() -> None:
    naive = dt.datetime(2026, 11, 21, 23, 30)
    with pytest.raises(errors.NaiveDatetimeError):
        i18n.format_datetime(naive, "en")
    with pytest.raises(errors.NaiveDatetimeError):
        i18n.format_time(naive, "en")
    with pytest.raises(errors.InvalidTypeError):
        i18n.format_datetime(dt.date(2026, 11, 21), "en")  # type: ignore[arg-type]


def test_date_refuses_datetime_and_time_refuses_zone() -> None:
    with pytest.raises(errors.InvalidTypeError, match="not a datetime"):
        i18n.format_date(AT, "en")
    with pytest.raises(errors.InvalidValueError, match="wall-clock"):
        i18n.format_time(dt.time(9, 0), "en", tz="UTC")
    with pytest.raises(errors.InvalidValueError, match="wall-clock"):
        i18n.format_time(dt.time(9, 0, tzinfo=MOSCOW), "en")


@pytest.mark.parametrize("tz", ["Mars/Olympus", "", "../etc/passwd", 3])
def test_unknown_zone_refused(tz: object) -> None:
    with pytest.raises(errors.SupportPolicyError, match="zone"):
        i18n.format_datetime(AT, "en", tz=tz)  # type: ignore[arg-type]


def test_unknown_widths_refused() -> None:
    with pytest.raises(errors.InvalidValueError, match="short, medium, long, full"):
        i18n.format_datetime(AT, "en", format="yyyy")
    with pytest.raises(errors.InvalidValueError, match="abbreviated, wide"):
        i18n.weekday_name(0, "en", "tiny")


def test_money_is_exact_and_localized() -> None:
    # 004: the Basic package costs 24 000 RUB a month.
    assert i18n.format_money(Decimal("24000"), "RUB", "ru") == "24\xa0000,00\xa0₽"
    assert i18n.format_money(Decimal("24000"), "rub", "en") == "RUB24,000.00"
    assert i18n.format_money(Decimal("1.005"), "USD", "en") == "$1.005"
    assert i18n.format_money(7, "EUR", "nl") == "€\xa07,00"


@pytest.mark.parametrize("bad", [1.5, True, "10", None])
def test_money_refuses_non_decimal(bad: object) -> None:
    with pytest.raises(errors.InvalidTypeError, match="Decimal"):
        i18n.format_money(bad, "EUR", "en")  # type: ignore[arg-type]
    with pytest.raises(errors.InvalidTypeError, match="Decimal"):
        i18n.format_decimal(bad, "en")  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [Decimal("NaN"), Decimal("Infinity"), Decimal("-Infinity")])
def test_money_refuses_non_finite(bad: Decimal) -> None:
    with pytest.raises(errors.InvalidValueError, match="finite"):
        i18n.format_money(bad, "EUR", "en")


@pytest.mark.parametrize("code", ["XYZ", "", "euro", 978])
def test_unknown_currency_refused(code: object) -> None:
    with pytest.raises(errors.SupportPolicyError, match="ISO 4217"):
        i18n.format_money(Decimal(1), code, "en")  # type: ignore[arg-type]


def test_decimal_symbol_and_decimal() -> None:
    assert [i18n.decimal_symbol(loc) for loc in i18n.LOCALES] == [".", ",", ",", ",", ","]
    assert i18n.format_decimal(Decimal("12.5"), "en") == "12.5"
    assert i18n.format_decimal(Decimal("0.0000001"), "de") == "0,0000001"


def test_weekday_names() -> None:
    assert [i18n.weekday_name(d, "en") for d in range(7)] == [
        "Mon",
        "Tue",
        "Wed",
        "Thu",
        "Fri",
        "Sat",
        "Sun",
    ]
    assert i18n.weekday_name(4, "ru", "wide") == "пятница"
    assert i18n.weekday_name(5, "es", "wide") == "sábado"
    assert i18n.weekday_name(0, "nl", "wide") == "maandag"
    for bad in (7, -1):
        with pytest.raises(errors.InvalidValueError, match=r"0 \(Monday\) to 6"):
            i18n.weekday_name(bad, "en")
    with pytest.raises(errors.InvalidTypeError):
        i18n.weekday_name(True, "en")


def test_long_decimals_stay_exact_and_absurd_ones_are_refused() -> None:
    # Beyond the default 28-digit decimal context, where Babel alone would fail.
    value = Decimal("9" * 40 + "." + "1" * 40)
    plain = i18n.format_decimal(value, "en").replace(",", "")
    assert Decimal(plain) == value
    assert i18n.format_money(Decimal("-0"), "EUR", "en") == "€0.00"
    for bad in (Decimal("1E+100"), Decimal("1E-101"), Decimal("0E+1000000")):
        with pytest.raises(errors.InvalidValueError, match="out of range"):
            i18n.format_decimal(bad, "en")
        with pytest.raises(errors.InvalidValueError, match="out of range"):
            i18n.format_money(bad, "EUR", "en")
