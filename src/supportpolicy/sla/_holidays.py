"""Public holidays and transferred working days from the ``holidays`` package.

Wrapped here so that the rest of the library sees plain immutable data: a read-only
``{date: name}`` table per (country, subdivision, year, language) and a frozenset of
transferred working days per year. Both are cached (derived, immutable data;
``functools.lru_cache`` is thread-safe). The language is always passed explicitly
(never ``None``, which would let ``holidays`` read ``LANG``).

:func:`localized_names` gives the names a person reads in a library locale. Where the
country's ``holidays`` data speaks the locale's language (its ``supported_languages``;
``en_US`` etc. for English) the names are the package's own. Where it does not (Russian
holidays in German, US holidays in Dutch), each day gets the library's own localized
wording instead of a foreign name: "Public holiday", or, for a day off transferred from
another date (``holidays`` names those with the country's ``substituted_label`` and
``substituted_date_format``), "Day off transferred from <date>" with the date in the
locale's format.

The ``holidays`` package is imported only when a calendar names a country, and then
only that country's module (:func:`_country_class`): ``holidays.countries`` imports
all 250 countries at once, so the module of the country, found in
``holidays.registry.COUNTRIES``, is loaded on its own from its file. A country whose
module imports another (Guam imports the United States) loads the whole package, as
does an installation whose files cannot be read one by one.
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib
import importlib.util
import re
import sys
import threading
import types
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from supportpolicy.errors import CalendarError
from supportpolicy.i18n import N_, format_date, normalize_locale, translator

__all__ = [
    "check_country",
    "check_half_days",
    "half_days",
    "holiday_language",
    "holiday_names",
    "localized_names",
    "proper_holidays",
    "weekend_workdays",
]

PUBLIC_HOLIDAY = N_("Public holiday")
TRANSFERRED = N_("Day off transferred from {date}")


_LOAD_LOCK = threading.Lock()


def _package() -> types.ModuleType:
    """The ``holidays`` package, imported on first use."""
    return importlib.import_module("holidays")


@functools.lru_cache(maxsize=1)
def _registry() -> Mapping[str, tuple[str, str]]:
    """``{code: (module, class name)}`` of every country, from ``holidays.registry``:
    the alpha-2 and alpha-3 codes and aliases (2 or 3 letters, as the package lists)."""
    countries = importlib.import_module("holidays.registry").COUNTRIES
    table: dict[str, tuple[str, str]] = {}
    for module, (name, *codes) in countries.items():
        for code in codes:
            if 2 <= len(code) <= 3:
                table[code] = (module, name)
    return types.MappingProxyType(table)


def _country_module(module: str) -> types.ModuleType:
    """``holidays.countries.<module>``, loaded alone from its file unless the package
    ``holidays.countries`` is imported already (or the file cannot be loaded alone)."""
    if "holidays.countries" not in sys.modules:
        path = Path(str(_package().__file__)).parent / "countries" / f"{module}.py"
        spec = importlib.util.spec_from_file_location(f"_supportpolicy_holidays_{module}", path)
        if spec is not None and spec.loader is not None and path.is_file():
            loaded = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(loaded)
            return loaded
    return importlib.import_module(f"holidays.countries.{module}")


@functools.lru_cache(maxsize=64)
def _country_class(country: str) -> Any:
    """The ``holidays`` class of the country code *country*, or None if unknown."""
    found = _registry().get(country)
    if found is None:
        return None
    module, name = found
    with _LOAD_LOCK:  # importing is not thread-safe in holidays' own view either
        return getattr(_country_module(module), name)


def _country_holidays(country: str, **options: Any) -> Any:
    """``holidays.country_holidays(country, **options)``, importing only that country."""
    cls = _country_class(country)
    if cls is None:
        raise NotImplementedError(f"Country {country} not available")
    return cls(**options)


@functools.lru_cache(maxsize=256)
def _entity(country: str, subdiv: str | None) -> Any:
    """An empty holidays object, used for metadata (languages, subdivisions)."""
    cls = _country_class(country)
    if cls is None:
        count = len(_registry())
        raise CalendarError(
            f"unknown country {country!r}; give an ISO 3166-1 alpha-2 code that the "
            f"holidays package supports, such as RU, US, DE, NL, ES "
            f"({count} codes are supported)"
        )
    try:
        return cls(subdiv=subdiv)
    except NotImplementedError:
        accepted = list(cls.subdivisions)
        if not accepted:
            raise CalendarError(
                f"country {country!r} has no subdivisions; leave subdiv out (got {subdiv!r})"
            ) from None
        raise CalendarError(
            f"country {country!r} has no subdivision {subdiv!r}; accepted: {', '.join(accepted)}"
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


def holiday_language(country: str, subdiv: str | None, locale: str) -> str | None:
    """The ``holidays`` language code of the library *locale* for this country.

    None when the country's data has no name in that language (see the module text).
    """
    language = normalize_locale(locale)
    supported: tuple[str, ...] = tuple(_entity(country, subdiv).supported_languages)
    preferred = ["en_US", "en_GB"] if language == "en" else []
    same = [code for code in supported if code.split("_")[0] == language]
    for code in [*preferred, language, *same]:
        if code in supported:
            return code
    return None


def _reference_language(country: str, subdiv: str | None) -> str:
    """The language the library reads names and substituted days in: en_US, else the default."""
    entity = _entity(country, subdiv)
    if "en_US" in tuple(entity.supported_languages):
        return "en_US"
    return str(entity.default_language or "en_US")


def _year(country: str, subdiv: str | None, year: int, language: str | None) -> Any:
    """A fresh holidays object for one year (never shared: it mutates when queried)."""
    try:
        return _country_holidays(
            country,
            subdiv=subdiv,
            years=year,
            language=language or _reference_language(country, subdiv),
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


def localized_names(
    country: str, subdiv: str | None, year: int, locale: str
) -> Mapping[dt.date, str]:
    """Read-only ``{date: name}`` of *year*'s holidays as a reader of *locale* sees them.

    >>> names = localized_names("RU", None, 2026, "de")
    >>> names[dt.date(2026, 6, 12)], names[dt.date(2026, 1, 9)]
    ('Gesetzlicher Feiertag', 'Arbeitsfreier Tag, verlegt vom 03.01.2026')
    >>> localized_names("RU", None, 2026, "ru")[dt.date(2026, 6, 12)]
    'День России'
    """
    language = holiday_language(country, subdiv, locale)
    if language is not None:
        return _frozen_names(country, subdiv, year, language)
    return _generic_names(country, subdiv, year, normalize_locale(locale))


@functools.lru_cache(maxsize=1024)
def _generic_names(
    country: str, subdiv: str | None, year: int, locale: str
) -> Mapping[dt.date, str]:
    table = _year(country, subdiv, year, _reference_language(country, subdiv))
    tr = translator(locale, "sla")
    names: dict[dt.date, str] = {}
    for day, name in table.items():
        if day.year != year:
            continue
        source = _substituted_from(table, str(name))
        names[day] = (
            tr.gettext(PUBLIC_HOLIDAY)
            if source is None
            else tr.gettext(TRANSFERRED).format(date=format_date(source, locale, "medium"))
        )
    return types.MappingProxyType(names)


def _substituted_from(table: Any, name: str) -> dt.date | None:
    """The date a transferred day off comes from, read from its ``holidays`` name, or None."""
    label = getattr(table, "substituted_label", None)
    date_format = getattr(table, "substituted_date_format", None)
    if not (getattr(table, "has_substituted_holidays", False) and label and date_format):
        return None
    template = str(table.tr(label))
    if template.count("%s") != 1:
        return None
    before, after = (re.escape(part) for part in template.split("%s"))
    match = re.fullmatch(f"{before}(.+?){after}", name)
    if match is None:
        return None
    try:
        return dt.datetime.strptime(match.group(1), str(table.tr(date_format))).date()
    except ValueError:
        return None

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
        table = _country_holidays(
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
