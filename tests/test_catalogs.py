"""Every catalog is complete, consistent and covers every message the source marks.

The checks are plain functions returning a list of problems, so that the same function
that passes on the shipped catalogs can be shown to fail on a deliberately broken one.

Placeholder rule: every translation uses exactly the ``{placeholders}`` of its message
id; for plural entries every form is compared with ``msgid_plural`` (so every form,
including Russian's "one" form used for 21, 31, ..., must show the count).
"""

from __future__ import annotations

import io
import string
import tomllib
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir, extract_from_file
from babel.messages.pofile import read_po

from supportpolicy import i18n
from supportpolicy.i18n import catalogs

SRC = Path(__file__).resolve().parents[1] / "src" / "supportpolicy"
LOCALE_DIR = SRC / "i18n" / "locales"
NPLURALS = {"en": 2, "de": 2, "nl": 2, "es": 2, "ru": 3}
KEYWORDS = {"N_": None, "_": None, "gettext": None, "ngettext": (1, 2)}
# Source package directory -> catalog domain (the library's own modules use "core").
PACKAGE_DOMAINS = {
    "sla": "sla",
    "coverage": "coverage",
    "engagement": "engagement",
    "i18n": "core",
    "cli": "cli",
    "reports": "reports",
}

MessageId = str | tuple[str, str]


def placeholders(text: str) -> set[str] | None:
    """The ``{name}`` fields of *text*, or None when its braces are malformed."""
    try:
        fields = [field for _, field, _, _ in string.Formatter().parse(text) if field is not None]
    except ValueError:
        return None
    return {field.split(".")[0].split("[")[0] for field in fields}


def parse_po(text: bytes, locale: str, domain: str) -> Catalog:
    """Parse .po bytes with Babel, as the library does."""
    return read_po(io.BytesIO(text), locale=locale, domain=domain)


def check_catalog(catalog: Catalog, locale: str) -> list[str]:
    """Problems of one parsed catalog: fuzzy, empty, wrong plural count, placeholders."""
    problems: list[str] = []
    expected_forms = NPLURALS[locale]
    if catalog.num_plurals != expected_forms:
        problems.append(f"header gives {catalog.num_plurals} plural forms, want {expected_forms}")
    for message in catalog:
        if not message.id:
            continue
        label = message.id if isinstance(message.id, str) else message.id[0]
        if message.fuzzy:
            problems.append(f"{label!r}: fuzzy")
        if isinstance(message.id, tuple):
            forms = (
                message.string if isinstance(message.string, tuple | list) else (message.string,)
            )
            if len(forms) != expected_forms:
                problems.append(f"{label!r}: {len(forms)} plural forms, want {expected_forms}")
            if placeholders(message.id[0]) != placeholders(message.id[1]):
                problems.append(f"{label!r}: msgid and msgid_plural differ in placeholders")
            wanted = placeholders(message.id[1])
            for index, form in enumerate(forms):
                if not form:
                    problems.append(f"{label!r}: msgstr[{index}] is empty")
                elif placeholders(form) != wanted:
                    problems.append(f"{label!r}: msgstr[{index}] placeholders differ from msgid")
        else:
            if not message.string:
                problems.append(f"{label!r}: msgstr is empty")
            elif isinstance(message.string, str) and placeholders(message.string) != placeholders(
                message.id
            ):
                problems.append(f"{label!r}: msgstr placeholders differ from msgid")
            if placeholders(message.id) is None:
                problems.append(f"{label!r}: malformed braces in msgid")
    return problems


def message_ids(catalog: Catalog) -> set[MessageId]:
    """The message ids of *catalog* (plural ids as (singular, plural) pairs)."""
    return {message.id for message in catalog if message.id}


def check_same_ids(ids_by_locale: dict[str, set[MessageId]]) -> list[str]:
    """Problems where a locale lacks or adds message ids compared with the others."""
    union: set[MessageId] = set().union(*ids_by_locale.values())
    problems = []
    for locale, ids in sorted(ids_by_locale.items()):
        for missing in sorted(union - ids, key=str):
            problems.append(f"{locale}: missing {missing!r}")
    return problems


def check_extracted(extracted: Iterable[MessageId], catalog: Catalog) -> list[str]:
    """Problems where a message marked in the source is missing from *catalog*."""
    ids = message_ids(catalog)
    return [f"not in catalog: {message!r}" for message in extracted if message not in ids]


def extracted_messages(package_dir: Path) -> Iterator[MessageId]:
    """The literal messages marked in the Python files under *package_dir*."""
    for _, _, message, _, _ in extract_from_dir(
        str(package_dir), method_map=[("**.py", "python")], keywords=KEYWORDS
    ):
        if isinstance(message, tuple):
            if all(isinstance(part, str) for part in message[:2]):
                yield (message[0], message[1]) if len(message) > 1 else message[0]
        else:
            yield message


# Keys whose string values in a shipped preset are user-facing texts, hence message ids:
# these keys anywhere, and the strings at the paths below ("*" is any key): tier names
# (engagement/presets/tam.toml) and the plan names of a coverage policy.
PRESET_TEXT_KEYS = frozenset({"title", "reason", "label", "description", "summary"})
PRESET_TEXT_PATHS = (("tiers", "*", "name"), ("plan_names", "*"))


def _at_text_path(path: tuple[str, ...]) -> bool:
    return any(
        len(path) >= len(pattern)
        and all(p in ("*", part) for p, part in zip(pattern, path[-len(pattern) :], strict=True))
        for pattern in PRESET_TEXT_PATHS
    )


def preset_texts(table: object, path: tuple[str, ...] = ()) -> Iterator[str]:
    """The message ids anywhere in a parsed TOML *table*: strings under
    PRESET_TEXT_KEYS or at PRESET_TEXT_PATHS."""
    if isinstance(table, dict):
        for key, value in table.items():
            here = (*path, key)
            if isinstance(value, str) and (key in PRESET_TEXT_KEYS or _at_text_path(here)):
                yield value
            else:
                yield from preset_texts(value, here)
    elif isinstance(table, list):
        for item in table:
            yield from preset_texts(item, path)


def load(locale: str, domain: str) -> Catalog:
    return parse_po((LOCALE_DIR / locale / f"{domain}.po").read_bytes(), locale, domain)


def assert_all_present(messages: list[MessageId], domain: str) -> None:
    """Fail with a short list of what each locale's catalog of *domain* lacks."""
    report = []
    for locale in i18n.LOCALES:
        missing = check_extracted(messages, load(locale, domain))
        if missing:
            shown = "; ".join(item[:90] for item in missing[:5])
            report.append(f"{locale}/{domain}.po lacks {len(missing)}: {shown}")
    assert not report, "\n".join(report)


CASES = [(domain, locale) for domain in catalogs.DOMAINS for locale in i18n.LOCALES]


@pytest.mark.parametrize(("domain", "locale"), CASES)
def test_catalog_is_complete_and_consistent(domain: str, locale: str) -> None:
    assert check_catalog(load(locale, domain), locale) == []


@pytest.mark.parametrize("domain", catalogs.DOMAINS)
def test_every_locale_has_the_same_message_ids(domain: str) -> None:
    ids = {locale: message_ids(load(locale, domain)) for locale in i18n.LOCALES}
    assert check_same_ids(ids) == []


@pytest.mark.parametrize(("package", "domain"), sorted(PACKAGE_DOMAINS.items()))
def test_every_marked_message_is_in_its_domain(package: str, domain: str) -> None:
    extracted = list(extracted_messages(SRC / package))
    assert_all_present(extracted, domain)


@pytest.mark.parametrize(
    "preset", sorted(SRC.glob("*/presets/*.toml")), ids=lambda p: f"{p.parent.parent.name}/{p.name}"
)
def test_preset_texts_are_in_their_domain(preset: Path) -> None:
    texts = list(preset_texts(tomllib.loads(preset.read_text(encoding="utf-8"))))
    domain = PACKAGE_DOMAINS[preset.parent.parent.name]
    assert_all_present(texts, domain)


def test_preset_texts_are_found() -> None:
    table = {
        "title": "T", "name": "id", "rules": [{"reason": "R", "id": "x"}], "n": 1,
        "plan_names": {"basic": "Basic"}, "tiers": {"a": {"name": "Tier A", "cadence": "w"}},
    }  # fmt: skip
    assert list(preset_texts(table)) == ["T", "R", "Basic", "Tier A"]


def _preset(package: str, name: str) -> object:
    return tomllib.loads((SRC / package / "presets" / name).read_text(encoding="utf-8"))


def test_tier_plan_and_rule_texts_of_the_presets_are_checked() -> None:
    # Guards test_preset_texts_are_in_their_domain: the names it must reach.
    tiers = set(preset_texts(_preset("engagement", "tam.toml")))
    assert {"CSM", "TAM tier A", "TAM tier B", "TAM tier C"} <= tiers
    crm = set(preset_texts(_preset("coverage", "crm-packages.toml")))
    assert {"Basic", "Business", "Premium"} <= crm
    assert "crm-packages" not in crm  # a policy's name is an id, not a text
    plans = set(preset_texts(_preset("sla", "premium.toml")))
    assert {"Premium", "Russian working days"} <= plans
    with pytest.raises(AssertionError, match="lacks"):
        assert_all_present(["TAM tier Z, not in any catalog"], "engagement")


def test_top_level_modules_mark_messages_only_for_core() -> None:
    messages: list[MessageId] = []
    for path in sorted(SRC.glob("*.py")):
        for _, message, _, _ in extract_from_file("python", str(path), keywords=KEYWORDS):
            messages.append(message if isinstance(message, str) else (message[0], message[1]))
    assert check_extracted(messages, load("en", "core")) == []


def test_extraction_finds_the_formatting_messages() -> None:
    # Guards the extraction itself: if it silently found nothing, the test above would pass.
    extracted = set(extracted_messages(SRC / "i18n"))
    assert ("{n} business day", "{n} business days") in extracted
    assert "{larger} {smaller}" in extracted


BROKEN_PO = """\
msgid ""
msgstr ""
"Language: ru\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && \
(n%100<10 || n%100>=20) ? 1 : 2);\\n"

msgid "{n} hour"
msgid_plural "{n} hours"
msgstr[0] "{n} час"
msgstr[1] "часа"
msgstr[2] ""

#, fuzzy
msgid "Fuzzy one"
msgstr "Нечёткий"

msgid "Empty one"
msgstr ""

msgid "{name} waits"
msgstr "{имя} ждёт"
"""


def test_the_checks_report_a_broken_catalog(tmp_path: Path) -> None:
    path = tmp_path / "core.po"
    path.write_text(BROKEN_PO, encoding="utf-8")
    broken = parse_po(path.read_bytes(), "ru", "core")
    problems = check_catalog(broken, "ru")
    assert "'{n} hour': msgstr[1] placeholders differ from msgid" in problems
    assert "'{n} hour': msgstr[2] is empty" in problems
    assert "'Fuzzy one': fuzzy" in problems
    assert "'Empty one': msgstr is empty" in problems
    assert "'{name} waits': msgstr placeholders differ from msgid" in problems
    assert check_catalog(broken, "de")[0] == "header gives 3 plural forms, want 2"
    assert check_same_ids({"ru": message_ids(broken), "en": {"Empty one"}}) == [
        "en: missing ('{n} hour', '{n} hours')",
        "en: missing 'Fuzzy one'",
        "en: missing '{name} waits'",
    ]
    assert check_extracted(["Empty one", "Not there", ("{n} hour", "{n} hours")], broken) == [
        "not in catalog: 'Not there'"
    ]


def test_translations_ignore_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    import datetime as dt

    def sample() -> list[str]:
        catalogs._compiled.cache_clear()  # recompile under this environment
        return [
            i18n.translator("en", "core").ngettext("{n} hour", "{n} hours", 2).format(n=2),
            i18n.translator("ru", "core").ngettext("{n} hour", "{n} hours", 5).format(n=5),
            i18n.format_duration(dt.timedelta(minutes=90), "en"),
            i18n.format_date(dt.date(2026, 11, 4), "en"),
            i18n.weekday_name(0, "en", "wide"),
        ]

    for name in ("LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    plain = sample()
    for value in ("de_DE.UTF-8", "ru_RU.UTF-8", "nl"):
        for name in ("LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES"):
            monkeypatch.setenv(name, value)
        assert sample() == plain
    assert plain == ["2 hours", "5 часов", "1 hour 30 minutes", "Nov 4, 2026", "Monday"]
