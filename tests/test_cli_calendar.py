"""`supportpolicy calendar`: open intervals and closed days, localized, or JSON."""

from __future__ import annotations

import json

import pytest

from supportpolicy.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out.replace("\u00a0", " ").replace("\u202f", " "), err  # CLDR's no-break spaces


def test_lists_open_hours_and_russian_may_holidays_in_russian(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # 004: Moscow hours with Russian holidays; 1 May and the observed Victory Day are closed.
    code, out, _ = run(
        capsys,
        "calendar",
        "--timezone",
        "Europe/Moscow",
        "--hours",
        "Mon-Fri 10:00-18:00",
        "--country",
        "RU",
        "--from",
        "2026-05-01",
        "--days",
        "12",
        "--locale",
        "ru",
    )
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Рабочее время: пн–пт 10:00-18:00, часовой пояс Europe/Moscow"
    assert lines[1] == "пятница, 1 мая 2026 г.: выходной: Праздник Весны и Труда"
    assert lines[4] == "понедельник, 4 мая 2026 г.: 10:00-18:00"
    assert lines[11].startswith("понедельник, 11 мая 2026 г.: выходной: День Победы")
    assert lines[-1] == "Всего рабочего времени: 48 часов"


def test_thanksgiving_in_german_and_english(capsys: pytest.CaptureFixture[str]) -> None:
    # 003: US Eastern hours, US holidays closed.
    args = [
        "calendar",
        "--timezone",
        "America/New_York",
        "--hours",
        "Mon-Fri 09:00-18:00",
        "--country",
        "US",
        "--from",
        "2026-11-26",
        "--days",
        "1",
    ]
    # holidays has no German names for the US: the library's own German wording.
    _, out, _ = run(capsys, *args, "--locale", "de")
    assert "Donnerstag, 26. November 2026: geschlossen: Gesetzlicher Feiertag" in out
    _, out, _ = run(capsys, *args)
    assert "Thursday, November 26, 2026: closed: Thanksgiving Day" in out
    assert out.splitlines()[-1] == "Open time in total: 0 minutes"


def test_json_gives_real_dst_instants(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "calendar",
        "--timezone",
        "Europe/Berlin",
        "--hours",
        "24x7",
        "--from",
        "2026-03-29",
        "--days",
        "1",
        "--json",
    )
    assert code == 0
    day = json.loads(out)["days"][0]
    assert day["open"] == [["2026-03-29T00:00:00+01:00", "2026-03-30T00:00:00+02:00"]]
    assert day["open_minutes"] == 23 * 60


def test_bad_input_is_an_error_message_not_a_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys,
        "calendar",
        "--timezone",
        "Europe/Moscow",
        "--hours",
        "Mon-Fri 18:00-18:00",
        "--from",
        "2026-05-01",
    )
    assert code == 2 and out == ""
    assert err.startswith("supportpolicy: error: hours 'Mon-Fri 18:00-18:00'")
    code, _, err = run(
        capsys,
        "calendar",
        "--timezone",
        "Europe/Moscow",
        "--hours",
        "24x7",
        "--from",
        "May 1",
        "--locale",
        "fr",
    )
    assert code == 2 and "unsupported locale 'fr'" in err
