"""Every user-facing text in English, German, Dutch, Spanish and Russian."""

from supportpolicy.i18n.catalogs import LOCALES, N_, localize, normalize_locale, translator

__all__ = ["LOCALES", "N_", "localize", "normalize_locale", "translator"]
