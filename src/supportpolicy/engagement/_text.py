"""Small text helpers of the engagement package: the translator and localized numbers."""

from __future__ import annotations

from decimal import Decimal

from supportpolicy import i18n

__all__ = ["DOMAIN", "number", "tr"]

DOMAIN = "engagement"


def tr(locale: object) -> i18n.catalogs.Translator:
    """The ``engagement`` catalog for *locale* (normalized; unknown locales refused)."""
    return i18n.translator(locale, DOMAIN)


def number(value: Decimal | int, locale: object) -> str:
    """*value* written the way *locale* writes numbers (decimal comma in de, nl, es, ru),
    exactly: every significant digit is kept (:func:`supportpolicy.i18n.format_decimal`),
    so a shown estimate never contradicts the decision it explains."""
    return i18n.format_decimal(Decimal(value), i18n.normalize_locale(locale))
