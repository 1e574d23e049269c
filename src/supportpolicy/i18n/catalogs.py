"""Gettext catalogs: ``.po`` files shipped in the package, compiled in memory on first use.

There is no build step: the ``.po`` sources are read with Babel, written to an in-memory
``.mo`` and loaded as :class:`gettext.GNUTranslations`. Each (locale, domain) pair is
compiled once and cached; the cache holds derived, read-only data and is thread-safe
(``functools.lru_cache`` may compile a pair twice under a race, never wrongly).

Catalogs are split by domain, one per package (``core``, ``sla``, ``coverage``,
``engagement``, ``cli``, ``reports``), in ``locales/<lang>/<domain>.po``. The locale is always an
explicit argument; the environment (``LANG``, ``LANGUAGE``) is never consulted.
"""

from __future__ import annotations

import functools
import gettext
import importlib
import io
from collections.abc import Mapping
from importlib import resources

from supportpolicy.errors import InvalidTypeError, InvalidValueError, UnknownLocaleError, shown

__all__ = [
    "DOMAINS", "LOCALES", "N_", "Text", "Translator", "localize", "normalize_locale", "translator",
]  # fmt: skip

LOCALES: tuple[str, ...] = ("en", "de", "nl", "es", "ru")
DOMAINS: tuple[str, ...] = ("core", "sla", "coverage", "engagement", "cli", "reports")

Translator = gettext.GNUTranslations


Text = str | tuple[tuple[str, str], ...]
"""A text from data: a catalog message id, or translations by locale as
``((lang, text), ...)`` (hashable, so values holding it stay hashable)."""

def N_(message: str) -> str:
    """Mark *message* for extraction without translating it (translate at use)."""
    return message


def normalize_locale(locale: object) -> str:
    """Return the library locale for *locale*: one of :data:`LOCALES`.

    Regional variants fall back to their language (``de_CH``, ``de-AT`` -> ``de``);
    matching ignores case. Anything else is refused, so a typo never silently yields
    English.
    """
    if not isinstance(locale, str):
        raise InvalidTypeError(f"locale must be a string such as 'de', got {type(locale).__name__}")
    language = locale.strip().replace("-", "_").split("_", 1)[0].lower()
    if language not in LOCALES:
        raise UnknownLocaleError(
            f"unsupported locale {shown(locale)}; accepted: {', '.join(LOCALES)} "
            "(regional variants such as 'de_CH' fall back to their language)"
        )
    return language


@functools.cache
def _compiled(language: str, domain: str) -> Translator:
    # Babel's catalog modules are imported here, on the first text translated.
    read_po = importlib.import_module("babel.messages.pofile").read_po
    write_mo = importlib.import_module("babel.messages.mofile").write_mo
    source = resources.files("supportpolicy.i18n").joinpath("locales", language, f"{domain}.po")
    with source.open("rb") as handle:
        catalog = read_po(handle, locale=language, domain=domain)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def translator(locale: object, domain: str) -> Translator:
    """The compiled translations of *domain* for *locale* (normalized first)."""
    if not isinstance(domain, str):
        raise InvalidTypeError(
            f"domain must be a catalog name ({', '.join(DOMAINS)}), got {type(domain).__name__}"
        )
    if domain not in DOMAINS:
        raise InvalidValueError(
            f"unknown catalog domain {shown(domain)}; accepted: {', '.join(DOMAINS)}"
        )
    return _compiled(normalize_locale(locale), domain)


def localize(text: str | Mapping[str, str], locale: object, domain: str) -> str:
    """Localize a text from data (a TOML preset or a user's file).

    *text* is either a catalog message id (translated through *domain*; shown as is
    where the catalog lacks it, which is how a user's own file may use plain English),
    or a table of translations by locale (``{en = "...", de = "..."}``), whose ``en``
    entry is the fallback.
    """
    language = normalize_locale(locale)
    if isinstance(text, str):
        return translator(language, domain).gettext(text)
    if not isinstance(text, Mapping) or not all(isinstance(v, str) for v in text.values()):
        raise InvalidTypeError(
            "text must be a message id or a mapping of locale to text, such as "
            f"{{'en': 'Gold'}}, got {type(text).__name__}"
        )
    return text.get(language) or text.get("en") or next(iter(text.values()), "")
