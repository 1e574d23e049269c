"""Coverage texts in five languages: every message id of the code and the presets has a
non-empty, non-fuzzy translation in each coverage catalog, with the same placeholders."""

from __future__ import annotations

import re
import tomllib
from importlib import resources
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po

from supportpolicy import coverage, i18n

ROOT = Path(coverage.__file__).parent
SOURCES = [*sorted(ROOT.glob("*.py")), ROOT.parent / "cli" / "classify_cmd.py"]
KEYWORDS = {"N_": None, "_": None, "gettext": None, "ngettext": (1, 2)}
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def _code_ids() -> set[str | tuple[str, str]]:
    ids: set[str | tuple[str, str]] = set()
    for path in SOURCES:
        for _line, message, _comments, _context in extract_from_file(
            "python", str(path), keywords=KEYWORDS
        ):
            ids.add(message)
    return ids


def _preset_ids() -> set[str]:
    ids: set[str] = set()
    for name in coverage.policy_names():
        text = resources.files("supportpolicy.coverage").joinpath(
            "presets", f"{name}.toml").read_text(encoding="utf-8")
        table = tomllib.loads(text)
        ids.add(table["title"])
        ids.update(table.get("plan_names", {}).values())
        ids.update(rule["reason"] for rule in table["rules"])
    return ids


def _catalog(locale: str):  # type: ignore[no-untyped-def]
    path = Path(i18n.__file__).parent / "locales" / locale / "coverage.po"
    with path.open("rb") as handle:
        return read_po(handle, locale=locale)


def test_extraction_finds_the_texts() -> None:
    assert len(_code_ids()) > 50
    assert len(_preset_ids()) > 30


@pytest.mark.parametrize("locale", i18n.LOCALES)
def test_every_message_is_translated(locale: str) -> None:
    catalog = _catalog(locale)
    missing = []
    for message in sorted(_code_ids() | _preset_ids(), key=str):
        key = message[0] if isinstance(message, tuple) else message
        entry = catalog.get(key)
        if entry is None or entry.fuzzy:
            missing.append(key)
            continue
        strings = entry.string if isinstance(entry.string, tuple) else (entry.string,)
        if not all(strings):
            missing.append(key)
            continue
        if isinstance(message, tuple):
            assert len(strings) == catalog.num_plurals, key
        wanted = set(PLACEHOLDER.findall(message[-1] if isinstance(message, tuple) else key))
        for text in strings:
            assert set(PLACEHOLDER.findall(text)) == wanted, (locale, key, text)
    assert missing == []


def test_english_catalog_repeats_the_english() -> None:
    for message in _catalog("en"):
        if message.id and isinstance(message.id, str):
            assert message.string == message.id


def test_russian_plural_forms() -> None:
    assert _catalog("ru").num_plurals == 3


@pytest.mark.parametrize("locale", [loc for loc in i18n.LOCALES if loc != "en"])
def test_explanations_are_translated(locale: str) -> None:
    decision = coverage.classify("crm-packages", kind="configuration-question", plan="basic")
    assert decision.explain(locale) != decision.explain("en")
    assert decision.reason(locale) != decision.reason("en")
