"""Holiday names in the reader's language: the ``holidays`` name where the package has that
language, else the library's own localized wording, never a foreign (English) name."""

from __future__ import annotations

import datetime as dt
import re

import holidays
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from supportpolicy import i18n, sla
from supportpolicy.sla import _holidays


def _preset_countries() -> list[tuple[str, str | None]]:
    found = set()
    for name in sla.plan_names():
        plan = sla.plan(name)
        for target in (*plan.reaction, *plan.resolution):
            if target is None:
                continue
            cal = plan.calendar_for(target)
            if cal.country is not None:
                found.add((cal.country, cal.subdiv))
    return sorted(found, key=str)


PRESET_COUNTRIES = _preset_countries()
# With the presets' countries (RU, US), a few whose data speaks some of the five languages.
COUNTRIES = [*PRESET_COUNTRIES, ("DE", None), ("NL", None), ("ES", None), ("CH", None)]


def test_the_presets_use_russian_and_us_holidays() -> None:
    assert {country for country, _ in PRESET_COUNTRIES} == {"RU", "US"}


def _wordings(locale: str) -> re.Pattern[str]:
    tr = i18n.translator(locale, "sla")
    public = re.escape(tr.gettext(_holidays.PUBLIC_HOLIDAY))
    moved = re.escape(tr.gettext(_holidays.TRANSFERRED)).replace(re.escape("{date}"), ".+")
    return re.compile(f"{public}|{moved}")


@settings(max_examples=40, deadline=None)
@given(
    place=st.sampled_from(COUNTRIES),
    locale=st.sampled_from(i18n.LOCALES),
    start=st.dates(min_value=dt.date(1995, 1, 1), max_value=dt.date(2060, 12, 1)),
)
def test_names_are_in_the_language_or_the_librarys_wording(
    place: tuple[str, str | None], locale: str, start: dt.date
) -> None:
    country, subdiv = place
    cal = sla.calendar("UTC", "Mon-Sun 00:00-24:00", country=country, subdiv=subdiv)
    days = sla.closed_days(cal, start, start + dt.timedelta(days=45), locale)
    language = _holidays.holiday_language(country, subdiv, locale)
    if language is not None:  # a name from holidays is in the text's own language
        assert language.split("_")[0] == i18n.normalize_locale(locale)
    for closed in days:
        assert closed.name
        if language is not None:
            table = holidays.country_holidays(
                country, subdiv=subdiv, years=closed.day.year, language=language
            )
            assert closed.name == table[closed.day]
        else:
            assert _wordings(locale).fullmatch(closed.name), (country, locale, closed.name)


@pytest.mark.parametrize(
    ("locale", "public", "moved"),
    [
        ("de", "Gesetzlicher Feiertag", "Arbeitsfreier Tag, verlegt vom 03.01.2026"),
        ("nl", "Officiële feestdag", "Vrije dag, verplaatst van 3 jan 2026"),
        ("es", "Día festivo oficial", "Día libre trasladado del 3 ene 2026"),
    ],
)
def test_russian_holidays_outside_russian_and_english(locale: str, public: str, moved: str) -> None:
    # Russia's data has Russian and English names only: 12 June is a public holiday, and
    # 9 January 2026 is the day off transferred from Saturday 3 January (its date in the
    # locale's own format, not the US-ordered 01/03/2026).
    names = _holidays.localized_names("RU", None, 2026, locale)
    assert names[dt.date(2026, 6, 12)] == public
    assert names[dt.date(2026, 1, 9)] == moved
    assert "Day off" not in " ".join(names.values())


def test_russian_and_english_keep_the_packages_names() -> None:
    assert _holidays.localized_names("RU", None, 2026, "ru")[dt.date(2026, 6, 12)] == "День России"
    assert _holidays.localized_names("RU", None, 2026, "en")[dt.date(2026, 6, 12)] == "Russia Day"
    assert _holidays.localized_names("US", None, 2026, "en")[dt.date(2026, 11, 26)] == (
        "Thanksgiving Day"
    )
    assert _holidays.localized_names("DE", None, 2026, "de")[dt.date(2026, 10, 3)] == (
        "Tag der Deutschen Einheit"
    )


def test_holiday_language_follows_supported_languages() -> None:
    assert _holidays.holiday_language("RU", None, "ru") == "ru"
    assert _holidays.holiday_language("RU", None, "en") == "en_US"
    assert _holidays.holiday_language("RU", None, "de_CH") is None
    assert _holidays.holiday_language("CH", None, "de") == "de"
    assert _holidays.holiday_language("US", None, "nl") is None
