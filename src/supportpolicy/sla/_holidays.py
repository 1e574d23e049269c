"""Public holidays and transferred working days from the ``holidays`` package.

Wrapped here so that the rest of the library sees plain immutable data: a read-only
``{date: name}`` table per (country, subdivision, year, language) and a frozenset of
transferred working days per year. Both are cached (derived, immutable data;
``functools.lru_cache`` is thread-safe). The language is always passed explicitly:
the library locale maps to the best language the country's data offers (``en_US`` for
English), falling back to ``en_US`` and then to the country's own default.
"""

from __future__ import annotations

import datetime as dt
import functools
import types
from collections.abc import Mapping
from typing import Any

import holidays

from supportpolicy.errors import CalendarError
from supportpolicy.i18n import normalize_locale

__all__ = [
    "check_country",
    "check_half_days",
    "half_days",
    "holiday_language",
    "holiday_names",
    "proper_holidays",
    "weekend_workdays",
]


@functools.lru_cache(maxsize=256)
def _entity(country: str, subdiv: str | None) -> Any:
    """An empty holidays object, used for metadata (languages, subdivisions)."""
    try:
        return holidays.country_holidays(country, subdiv=subdiv)
    except NotImplementedError:
        supported = holidays.list_supported_countries()
        if country not in supported:
            raise CalendarError(
                f"unknown country {country!r}; give an ISO 3166-1 alpha-2 code that the "
                f"holidays package supports, such as RU, US, DE, NL, ES "
                f"({len(supported)} are supported)"
            ) from None
        raise CalendarError(
            f"country {country!r} has no subdivision {subdiv!r}; accepted: "
            f"{', '.join(supported[country])}"
        ) from None


def check_country(country: str, subdiv: str | None) -> tuple[str, str | None]:
    """Validate and normalize (upper-case) a country code and subdivision."""
    if not isinstance(country, str) or not country.strip():
        raise CalendarError(f"country must be a country code string such as 'RU', got {country!r}")
    if subdiv is not None and (not isinstance(subdiv, str) or not subdiv.strip()):
        raise CalendarError(f"subdiv must be a subdivision code such as 'BY', got {subdiv!r}")
    code = country.strip().upper()
    sub = subdiv.strip().upper() if subdiv is not None else None
    _entity(code, sub)
    return code, sub


def holiday_language(country: str, subdiv: str | None, locale: str) -> str:
    """The ``holidays`` language code closest to the library *locale* for this country."""
    language = normalize_locale(locale)
    supported: tuple[str, ...] = tuple(_entity(country, subdiv).supported_languages)
    if language == "en":
        candidates = ["en_US", "en_GB", "en"]
    else:
        candidates = [language] + [code for code in supported if code.split("_")[0] == language]
    for code in [*candidates, "en_US"]:
        if code in supported:
            return code
    return str(_entity(country, subdiv).default_language or "")


def _year(country: str, subdiv: str | None, year: int, language: str | None) -> Any:
    """A fresh holidays object for one year (never shared: it mutates when queried)."""
    try:
        return holidays.country_holidays(
            country, subdiv=subdiv, years=year, language=language or None
        )
    except (NotImplementedError, ValueError) as exc:
        raise CalendarError(f"holidays for {country} {year} are not available: {exc}") from None


def holiday_names(
    country: str, subdiv: str | None, year: int, language: str | None = None
) -> Mapping[dt.date, str]:
    """Read-only ``{date: name}`` of the public holidays of *year*."""
    return _frozen_names(country, subdiv, year, language)


@functools.lru_cache(maxsize=1024)
def _frozen_names(
    country: str, subdiv: str | None, year: int, language: str | None
) -> Mapping[dt.date, str]:
    table = _year(country, subdiv, year, language)
    return types.MappingProxyType({day: name for day, name in table.items() if day.year == year})


@functools.lru_cache(maxsize=1024)
def weekend_workdays(country: str, subdiv: str | None, year: int) -> frozenset[dt.date]:
    """Weekend dates of *year* that the country turns into working days."""
    table = _year(country, subdiv, year, None)
    days: set[dt.date] = getattr(table, "weekend_workdays", set())
    return frozenset(day for day in days if day.year == year)


def check_half_days(country: str, subdiv: str | None) -> None:
    """Refuse a country whose ``holidays`` data has no ``half_day`` category."""
    categories = tuple(getattr(type(_entity(country, subdiv)), "supported_categories", ()))
    if "half_day" not in categories:
        raise CalendarError(
            f"country {country!r} has no half days in the holidays package (its categories: "
            f"{', '.join(categories) or 'none'}); half_days needs a country with a 'half_day' "
            "category such as US, AU, CH, IT, TR, or give the dates with hours_on"
        )


@functools.lru_cache(maxsize=1024)
def half_days(country: str, subdiv: str | None, year: int) -> frozenset[dt.date]:
    """The dates of *year* in the country's ``half_day`` category (Christmas Eve ...)."""
    try:
        table = holidays.country_holidays(
            country, subdiv=subdiv, years=year, categories=("half_day",)
        )
    except (NotImplementedError, ValueError) as exc:
        raise CalendarError(f"half days for {country} {year} are not available: {exc}") from None
    return frozenset(day for day in table if day.year == year)


@functools.lru_cache(maxsize=1024)
def proper_holidays(country: str, subdiv: str | None, year: int) -> frozenset[dt.date]:
    """Public holidays of *year* without the substituted days off (rest days moved by a
    transfer, such as Russia's 31 December 2026): the days a pre-holiday rule looks at."""
    table = _year(country, subdiv, year, None)
    label = str(getattr(table, "substituted_label", "") or "")
    prefix = table.tr(label).split("%s")[0] if label and hasattr(table, "tr") else ""
    days = set()
    for day in table:
        if day.year != year:
            continue
        names = table.get_list(day)
        if prefix and names and all(str(name).startswith(prefix) for name in names):
            continue
        days.add(day)
    return frozenset(days)
