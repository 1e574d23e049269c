"""The CLI as a newcomer uses it: each item of issue 9, "The CLI, as a newcomer uses it"."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import pathlib
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from supportpolicy import __version__, i18n, sla
from supportpolicy.cli import main, plans_cmd

BOUNDED = settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
OPENED = "--opened=2026-11-21T23:30+03:00"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


# --- tam: --as-of, an open month by default while the month is not over ----------------

SESSIONS = "at,status\n2026-11-03T10:00-05:00,held\n"


def test_tam_as_of_inside_the_month_is_an_open_statement(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "s.csv"
    path.write_text(SESSIONS, encoding="utf-8")
    args = ("tam", "--tier=b", "--month=2026-11", f"--sessions={path}", "--json")
    code, out, _ = run(*args, "--as-of=2026-11-15T12:00-05:00")
    data = json.loads(out)
    assert code == 0 and data["closed"] is False and data["as_of"].startswith("2026-11-15")
    assert (data["held"], data["forfeited"], data["available"]) == (1, 0, 1)
    code, out, _ = run(*args, "--as-of=2026-12-01T00:00-05:00")
    assert code == 0 and json.loads(out)["closed"] is True
    code, out, _ = run(*args[:-1], "--as-of=2026-11-15T12:00-05:00")
    assert "2026-11-15 12:00-05:00" in out  # the cut-off time with its offset


def test_tam_defaults_to_now_so_a_month_not_over_is_open(tmp_path: pathlib.Path) -> None:
    now = dt.datetime.now(dt.UTC)
    path = tmp_path / "s.csv"
    path.write_text("at,status\n", encoding="utf-8")
    future = f"{now.year + 1}-{now.month:02d}"
    code, out, _ = run("tam", "--tier=b", f"--month={future}", f"--sessions={path}", "--json")
    assert code == 0 and json.loads(out)["closed"] is False
    code, out, _ = run("tam", "--tier=b", "--month=2020-01", f"--sessions={path}", "--json")
    assert code == 0 and json.loads(out)["closed"] is True
    _, out, _ = run("tam", "--help")
    assert "open" in out and "closed" in out and "--as-of" in out


# --- the sessions CSV as Excel saves it ---------------------------------------------------


@BOUNDED
@given(
    bom=st.booleans(),
    newline=st.sampled_from(["\n", "\r\n"]),
    pad=st.sampled_from(["", " ", "  ", "\t"]),
    names=st.tuples(st.sampled_from(["at", "AT", "At"]), st.sampled_from(["status", "Status"])),
)
def test_excel_csv_is_read(
    bom: bool, newline: str, pad: str, names: tuple[str, str], tmp_path: pathlib.Path
) -> None:
    at, status = names
    text = newline.join(
        [
            f"{pad}{at}{pad},{pad}{status}{pad}, Minutes ",
            f"{pad}2026-11-03T10:00-05:00{pad},{pad}held{pad},{pad}45",
            f"2026-11-10T10:00-05:00,{pad}cancelled-by-customer{pad},",
            "",
        ]
    )
    path = tmp_path / "s.csv"
    path.write_bytes(("\ufeff" if bom else "").encode() + text.encode("utf-8"))
    code, out, err = run(
        "tam",
        "--tier=b",
        "--month=2026-11",
        f"--sessions={path}",
        "--as-of=2026-12-02T00:00Z",
        "--json",
    )
    assert code == 0, err
    data = json.loads(out)
    assert (data["held"], data["forfeited"]) == (1, 1)


@BOUNDED
@given(
    bad=st.sampled_from(["yesterday", "2026-11-03T10:00", "2026-11-03"]),
    line=st.integers(min_value=2, max_value=6),
)
def test_a_bad_row_is_named_by_its_line(bad: str, line: int, tmp_path: pathlib.Path) -> None:
    rows = ["2026-11-03T10:00-05:00,cancelled-by-tam"] * (line - 2) + [f"{bad},held"]
    path = tmp_path / "s.csv"
    path.write_text("\r\n".join(["at,status", *rows]) + "\r\n", encoding="utf-8")
    code, _, err = run("tam", "--tier=b", "--month=2026-11", f"--sessions={path}")
    assert code == 2 and f"line {line}:" in err


def test_a_header_without_the_columns_says_what_it_found(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "s.csv"
    path.write_text("when;state\n", encoding="utf-8")
    code, _, err = run("tam", "--tier=b", "--month=2026-11", f"--sessions={path}")
    assert code == 2 and "at and status" in err and "when;state" in err


# --- --version, plans --json, deadline --plans -------------------------------------------


def test_version() -> None:
    assert run("--version") == (0, f"supportpolicy {__version__}\n", "")


def test_plans_json_is_the_plans_own_records() -> None:
    code, out, _ = run("plans", "--json")
    assert code == 0
    assert json.loads(out) == [sla.plan(n).to_dict() for n in sla.plan_names()]


PLAN_FILE = """
[plans.gold]
title = "Gold"
timezone = "Europe/Berlin"
hours = "Mon-Fri 08:00-17:00"
[plans.gold.reaction]
p1 = { minutes = 30 }
p2 = { hours = 2 }
p3 = { hours = 8 }
p4 = { hours = 8 }
"""


def test_deadline_with_the_users_plan_file(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "plans.toml"
    path.write_text(PLAN_FILE, encoding="utf-8")
    code, out, _ = run(
        "deadline",
        f"--plans={path}",
        "--plan=gold",
        "--priority=1",
        "--opened=2026-12-21T10:00+01:00",
        "--json",
    )
    data = json.loads(out)
    assert code == 0 and data["reaction"]["due"] == "2026-12-21T10:30:00+01:00"
    code, _, err = run("deadline", f"--plans={path}", "--plan=basic", "--priority=1", OPENED)
    assert code == 2 and "accepted: gold" in err


def test_deadline_json_is_the_deadlines_own_record() -> None:
    code, out, _ = run("deadline", "--plan=premium", "--priority=1", OPENED, "--json")
    data = json.loads(out)
    opened = dt.datetime.fromisoformat("2026-11-21T23:30+03:00")
    assert code == 0
    assert data["reaction"] == sla.reaction_deadline("premium", 1, opened).to_dict()
    assert data["resolution"] == sla.resolution_deadline("premium", 1, opened).to_dict()


# --- plans fits 100 columns ----------------------------------------------------------------


@pytest.mark.parametrize("locale", i18n.LOCALES)
def test_plans_fit_100_columns(locale: str) -> None:
    code, out, _ = run("plans", f"--locale={locale}")
    assert code == 0
    assert max(len(line) for line in out.splitlines()) <= plans_cmd.WIDTH
    for name in sla.plan_names():
        assert sla.plan(name).title(locale) in out


@BOUNDED
@given(st.lists(st.text(alphabet="abc xyz", min_size=1, max_size=300), min_size=2, max_size=5))
def test_render_wraps_any_cell(cells: list[str]) -> None:
    rows = (("", "Plan"), *((f"Fact {i}", cell) for i, cell in enumerate(cells)))
    text = plans_cmd.render(rows, width=60)
    assert all(len(line) <= 60 for line in text.splitlines() if " " in line.strip())
    assert " ".join(text.split()).count("Fact") == len(cells)


# --- naive and date-only instants -----------------------------------------------------------


@BOUNDED
@given(st.datetimes(min_value=dt.datetime(1950, 1, 1), max_value=dt.datetime(2300, 1, 1)))
def test_naive_opened_asks_for_an_offset(when: dt.datetime) -> None:
    code, _, err = run(
        "deadline", "--plan=basic", "--priority=1", f"--opened={when.isoformat(timespec='minutes')}"
    )
    assert code == 2 and "add one such as +03:00" in err and "ZoneInfo" not in err
    code, _, err = run(
        "deadline", "--plan=basic", "--priority=1", f"--opened={when.date().isoformat()}"
    )
    assert code == 2 and "date only" in err and "naive" not in err


# --- empty accepted subdivisions; flags that do not apply -----------------------------------


def test_a_country_without_subdivisions_says_so() -> None:
    code, _, err = run(
        "calendar",
        "--timezone=Europe/Moscow",
        "--hours=24x7",
        "--country=RU",
        "--subdiv=XX",
        "--from=2026-01-01",
    )
    assert code == 2 and "has no subdivisions" in err and "accepted: \n" not in err
    code, _, err = run(
        "calendar",
        "--timezone=Europe/Berlin",
        "--hours=24x7",
        "--country=DE",
        "--subdiv=XX",
        "--from=2026-01-01",
    )
    assert code == 2 and "accepted: BB, BE" in err


@pytest.mark.parametrize("locale", i18n.LOCALES)
def test_a_flag_no_rule_uses_is_noted(locale: str) -> None:
    code, out, err = run(
        "classify", "--policy=saas", "--kind=change-request", "--incomplete", f"--locale={locale}"
    )
    assert code == 0 and out
    assert err.count("\n") == 1 and "--incomplete" in err and "saas" in err
    tr = i18n.translator(locale, "cli")
    assert err.startswith(tr.gettext("note: {message}").split("{")[0])
    code, _, err = run("classify", "--policy=saas", "--kind=change-request")
    assert code == 0 and err == ""


# --- times show their zone -------------------------------------------------------------------


@pytest.mark.parametrize("locale", i18n.LOCALES)
def test_deadline_times_show_their_offset(locale: str) -> None:
    code, out, _ = run(
        "deadline",
        "--plan=basic",
        "--priority=1",
        "--opened=2026-03-29T00:30+00:00",
        f"--locale={locale}",
    )
    assert code == 0
    opened_line = out.splitlines()[1]
    assert "+03:00" in opened_line  # 00:30 UTC is 03:30 in Moscow, said with its offset


@BOUNDED
@given(
    when=st.datetimes(
        min_value=dt.datetime(1950, 1, 1),
        max_value=dt.datetime(2300, 1, 1),
        timezones=st.timezones(),
    ),
    locale=st.sampled_from(i18n.LOCALES),
)
def test_format_datetime_with_zone_ends_with_the_offset(when: dt.datetime, locale: str) -> None:
    offset = when.utcoffset()
    assert offset is not None
    text = i18n.format_datetime(when, locale, zone=True)
    assert text.startswith(i18n.format_datetime(when, locale))
    match = re.search(r" GMT([+-])(\d\d):(\d\d)$", text)
    assert match is not None, text
    shown = int(match[2]) * 60 + int(match[3])
    seconds = offset.total_seconds()
    assert abs(shown * 60 - abs(seconds)) < 60  # the offset to the minute
    assert match[1] == ("-" if seconds < 0 else "+") or shown == 0
