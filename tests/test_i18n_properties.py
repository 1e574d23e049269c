"""Property tests of the formatting invariants: exact durations, correct plural forms."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import babel.numbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from supportpolicy import i18n

MAX = dt.timedelta(days=3_000)
whole_seconds = st.integers(min_value=0, max_value=int(MAX.total_seconds())).map(
    lambda s: dt.timedelta(seconds=s)
)
any_duration = st.timedeltas(min_value=-MAX, max_value=MAX)
locales = st.sampled_from(i18n.LOCALES)

UNIT_SECONDS = {"hour": 3600, "hours": 3600, "minute": 60, "minutes": 60}
UNIT_SECONDS |= {"second": 1, "seconds": 1}


def parse_english(text: str) -> dt.timedelta:
    """Read format_duration's English output back, written independently of the code."""
    sign = -1 if text.startswith("-") else 1
    body = text[1:] if sign < 0 else text
    parts = re.findall(r"(\d+(?:\.\d+)?) (hours?|minutes?|seconds?)", body)
    assert " ".join(f"{n} {u}" for n, u in parts) == body, text
    total = sum(Decimal(n) * UNIT_SECONDS[u] for n, u in parts)
    micros = int(total * 1_000_000)
    return sign * dt.timedelta(microseconds=micros)


@settings(max_examples=200)
@given(whole_seconds)
def test_english_duration_reads_back_exactly(delta: dt.timedelta) -> None:
    assert parse_english(i18n.format_duration(delta, "en")) == delta


@settings(max_examples=200)
@given(any_duration)
def test_english_duration_reads_back_exactly_to_the_microsecond(delta: dt.timedelta) -> None:
    assert parse_english(i18n.format_duration(delta, "en")) == delta


@settings(max_examples=100)
@given(whole_seconds, locales)
def test_every_locale_shows_the_hour_and_minute_numbers(delta: dt.timedelta, locale: str) -> None:
    text = i18n.format_duration(delta, locale)
    hours, rest = divmod(int(delta.total_seconds()), 3600)
    minutes = rest // 60
    numbers = [int(n) for n in re.findall(r"\d+", text)]
    assert text.strip() == text and text
    if hours:
        assert numbers[0] == hours
    if minutes:
        assert minutes in numbers
    assert "{" not in text


@settings(max_examples=100)
@given(any_duration.filter(lambda d: d > dt.timedelta(0)), locales)
def test_negative_is_positive_with_leading_minus(delta: dt.timedelta, locale: str) -> None:
    assert i18n.format_duration(-delta, locale) == "-" + i18n.format_duration(delta, locale)


@settings(max_examples=100)
@given(any_duration, locales)
def test_fractional_seconds_are_never_rounded(delta: dt.timedelta, locale: str) -> None:
    text = i18n.format_duration(delta, locale)
    micros = abs(delta).microseconds
    if micros:
        symbol = babel.numbers.get_decimal_symbol(locale)
        fraction = f"{micros:06d}".rstrip("0")
        assert f"{symbol}{fraction} " in text
    else:
        assert "." not in text and "," not in text


def russian_category(n: int) -> int:
    """CLDR's Russian cardinal rule for integers: 0 one, 1 few, 2 many."""
    if n % 10 == 1 and n % 100 != 11:
        return 0
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return 1
    return 2


RU_DAYS = ("рабочий день", "рабочих дня", "рабочих дней")
RU_HOURS = ("час", "часа", "часов")


def test_russian_business_days_plural_for_every_count_up_to_10000() -> None:
    for n in range(10_001):
        assert i18n.format_business_days(n, "ru") == f"{n} {RU_DAYS[russian_category(n)]}"


@settings(max_examples=200)
@given(st.integers(min_value=1, max_value=10**6))
def test_russian_hours_plural(n: int) -> None:
    text = i18n.format_duration(dt.timedelta(hours=n), "ru")
    assert text == f"{n} {RU_HOURS[russian_category(n)]}"


OTHER_DAYS = {
    "en": ("business day", "business days"),
    "de": ("Werktag", "Werktage"),
    "nl": ("werkdag", "werkdagen"),
    "es": ("día hábil", "días hábiles"),
}


@settings(max_examples=100)
@given(st.integers(min_value=-(10**6), max_value=10**6), st.sampled_from(sorted(OTHER_DAYS)))
def test_two_form_business_days(n: int, locale: str) -> None:
    one, other = OTHER_DAYS[locale]
    assert i18n.format_business_days(n, locale) == f"{n} {one if abs(n) == 1 else other}"


@settings(max_examples=100)
@given(
    st.decimals(min_value=0, max_value=10**60, places=40, allow_nan=False, allow_infinity=False),
    locales,
)
def test_format_decimal_is_exact(value: Decimal, locale: str) -> None:
    text = i18n.format_decimal(value, locale)
    group = babel.numbers.get_group_symbol(locale)
    plain = text.replace(group, "").replace(i18n.decimal_symbol(locale), ".")
    assert Decimal(plain) == value


@pytest.mark.parametrize("locale", i18n.LOCALES)
def test_every_weekday_has_a_distinct_name(locale: str) -> None:
    for width in ("abbreviated", "wide"):
        names = [i18n.weekday_name(day, locale, width) for day in range(7)]
        assert len(set(names)) == 7 and all(names)
