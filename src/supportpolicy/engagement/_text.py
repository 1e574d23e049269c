"""Small text helpers of the engagement package: the translator and localized numbers."""

from __future__ import annotations

from decimal import Decimal

from babel.numbers import format_decimal

from supportpolicy import i18n

__all__ = ["DOMAIN", "number", "tr"]

DOMAIN = "engagement"


def tr(locale: object) -> i18n.catalogs.Translator:
    """The ``engagement`` catalog for *locale* (normalized; unknown locales refused)."""
    return i18n.translator(locale, DOMAIN)


def number(value: Decimal | int, locale: object) -> str:
    """*value* written the way *locale* writes numbers (decimal comma in de, nl, es, ru)."""
    return str(format_decimal(value, locale=i18n.normalize_locale(locale)))
