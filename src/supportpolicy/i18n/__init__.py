"""Every user-facing text in English, German, Dutch, Spanish and Russian.

Catalogs (:mod:`~supportpolicy.i18n.catalogs`) hold the translations by domain;
formatting (:mod:`~supportpolicy.i18n.formatting`) spells out durations, business
days, instants, money and weekdays. The locale is always an explicit argument.
"""

from supportpolicy.i18n.catalogs import LOCALES, N_, localize, normalize_locale, translator
from supportpolicy.i18n.formatting import (
    decimal_symbol,
    format_business_days,
    format_date,
    format_datetime,
    format_decimal,
    format_duration,
    format_money,
    format_time,
    weekday_name,
)

__all__ = [
    "LOCALES",
    "N_",
    "decimal_symbol",
    "format_business_days",
    "format_date",
    "format_datetime",
    "format_decimal",
    "format_duration",
    "format_money",
    "format_time",
    "localize",
    "normalize_locale",
    "translator",
    "weekday_name",
]
