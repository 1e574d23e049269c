"""The range guards (docs/architecture.md, "Guards"): every public function that takes an
instant, a duration, a count, a month or a timezone refuses values outside the accepted
range with a SupportPolicyError naming the value and what is accepted, never a foreign
exception such as OverflowError. The heavy queries are in test_hardening_heavy.py."""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import os
import textwrap
import weakref
import zoneinfo
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from supportpolicy import _limits, coverage, engagement, errors, i18n, sla
from supportpolicy.sla.priorities import as_priority
from test_sla_plans import GOOD  # the valid plan file of the plans tests

ZONES = tuple(
    ZoneInfo(name)
    for name in (
        "UTC",
        "Europe/Moscow",
        "Asia/Tokyo",
        "Pacific/Kiritimati",
        "Pacific/Pago_Pago",
        "America/New_York",
        "Australia/Lord_Howe",
        "Asia/Kolkata",
    )
)
TZINFOS = st.sampled_from(ZONES) | st.sampled_from(
    (dt.timezone(dt.timedelta(hours=14)), dt.timezone(dt.timedelta(hours=-12)), dt.UTC)
)
CAL = sla.calendar("Europe/Moscow", "Mon-Fri 10:00-18:00", country="RU")
MSK = ZoneInfo("Europe/Moscow")
OK = dt.datetime(2026, 11, 20, 12, tzinfo=MSK)
HOUR = dt.timedelta(hours=1)
FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Instants outside 1900-01-02 .. 2399-12-30 UTC: near datetime.min and datetime.max, and
# just beyond the range's ends, in zones of every offset.
OUTSIDE = st.one_of(
    st.datetimes(dt.datetime.min, dt.datetime(1899, 12, 30), timezones=TZINFOS),
    st.datetimes(dt.datetime(2400, 1, 2), dt.datetime.max, timezones=TZINFOS),
    st.datetimes(dt.datetime(1, 1, 1), dt.datetime(1, 1, 2), timezones=TZINFOS),
    st.datetimes(dt.datetime(9999, 12, 30), dt.datetime.max, timezones=TZINFOS),
)
EDGES = st.one_of(
    st.datetimes(dt.datetime(1899, 12, 30), dt.datetime(1900, 1, 4), timezones=TZINFOS),
    st.datetimes(dt.datetime(2399, 12, 28), dt.datetime(2400, 1, 2), timezones=TZINFOS),
)
LONG = st.timedeltas(_limits.MAX_DURATION + dt.timedelta(microseconds=1), dt.timedelta.max)
NEGATIVE = st.timedeltas(dt.timedelta.min, -dt.timedelta(microseconds=1))
HUGE = st.one_of(
    st.integers(min_value=_limits.MAX_INTEGER + 1),
    st.integers(min_value=10**20, max_value=10**60),
    st.just(10**5000),
    st.just(-(10**5000)),
    st.integers(max_value=-1),
)
BAD_ZONES = st.one_of(
    st.sampled_from(
        [
            "localtime",
            "Nope/Zone",
            "",
            "  ",
            "../etc/passwd",
            "/etc/localtime",
            "Factory",
            "posixrules",
            "UTC\x00",
            "Europe/",
            "x" * 5000,
        ]
    ),
    st.text(max_size=12).filter(lambda s: s.strip() not in _known_zones()),
)
NOT_ZONES = st.sampled_from([5, 1.5, b"UTC", ["UTC"], object()])


def _known_zones() -> frozenset[str]:
    from supportpolicy import _coerce

    return _coerce._zone_names()


_ACCEPTED = ("accepted", "give", "only", "must be", "such as")


def _refused(call: Callable[[], object], *shown: str) -> errors.SupportPolicyError:
    """The SupportPolicyError *call* raises (anything else fails the test); its message
    names each of *shown* and says what is accepted."""
    with pytest.raises(errors.SupportPolicyError) as caught:
        call()
    message = str(caught.value)
    for text in shown:
        assert text in message, (text, message)
    assert any(word in message for word in _ACCEPTED), message
    assert len(message) < 400, message
    return caught.value


def _either(call: Callable[[], object]) -> None:
    """*call* returns, or raises a SupportPolicyError: never a foreign exception."""
    with contextlib.suppress(errors.SupportPolicyError):
        call()


def _clock_calls(x: dt.datetime) -> list[Callable[[], object]]:
    """The business clock's functions, which also take back their results (local 2400).

    Spans end at an instant in range near *x* (a span of centuries is a slow answer, not
    a refusal, and not what these tests are about).
    """
    near = dt.datetime(1900 if x.year < 2100 else 2399, 6, 1, tzinfo=dt.UTC)
    return [
        lambda: sla.add_business_time(CAL, x, HOUR),
        lambda: sla.subtract_business_time(CAL, x, HOUR),
        lambda: sla.business_time_between(CAL, x, near),
        lambda: sla.business_time_between(CAL, near, x),
        lambda: sla.add_business_days(CAL, x, 1),
        lambda: sla.is_open(CAL, x),
        lambda: sla.next_opening(CAL, x),
        lambda: list(sla.open_intervals(CAL, x, near)),
    ]


def _instant_calls(x: dt.datetime) -> list[Callable[[], object]]:
    return [
        lambda: sla.reaction_deadline("premium", 1, x),
        lambda: sla.resolution_deadline("business", 2, x),
        lambda: sla.evaluate("premium", [sla.Opened(OK, 1)], x),
        lambda: sla.Opened(x, 1),
        lambda: sla.Responded(x),
        lambda: sla.WaitingOnCustomer(x),
        lambda: sla.Resumed(x),
        lambda: sla.PriorityChanged(x, 2),
        lambda: sla.Resolved(x),
        lambda: sla.AgreedDeadline(OK, x),
        lambda: engagement.Session(x),
        lambda: engagement.tam_statement("a", "2026-11", [], as_of=x),
        lambda: coverage.TimeEntry("ACME", "T-1", x, "1", "100", "EUR"),
    ]


@FAST
@given(OUTSIDE)
def test_instants_outside_the_range_are_refused_everywhere(instant: dt.datetime) -> None:
    for call in _instant_calls(instant):
        _refused(call, instant.isoformat()[:10], "1900-01-02 to 2399-12-30")


# The clock takes back, and the formatters show, the clock's results, which may lie in
# local year 2400.
OUTSIDE_SHOWN = st.one_of(
    st.datetimes(dt.datetime.min, dt.datetime(1899, 12, 30), timezones=TZINFOS),
    st.datetimes(dt.datetime(2401, 1, 3), dt.datetime.max, timezones=TZINFOS),
)
IN_2400 = st.datetimes(dt.datetime(2399, 12, 28), dt.datetime(2400, 12, 31), timezones=TZINFOS)


@FAST
@given(OUTSIDE_SHOWN)
def test_instants_outside_the_clock_range_are_refused_by_the_clock(instant: dt.datetime) -> None:
    for call in _clock_calls(instant):
        _refused(call, instant.isoformat()[:10], _limits.CLOCK_RANGE_TEXT)


@FAST
@given(IN_2400)
def test_the_clock_takes_instants_of_local_year_2400(instant: dt.datetime) -> None:
    # Either an answer, or a refusal because the computation itself reaches 2401.
    for call in _clock_calls(instant):
        with contextlib.suppress(errors.InvalidValueError):
            call()
    assert sla.is_open(CAL, instant) in (True, False)


@FAST
@given(st.datetimes(dt.datetime(2399, 12, 20), dt.datetime(2399, 12, 30, 23), timezones=TZINFOS))
def test_every_result_of_the_clock_is_taken_back(start: dt.datetime) -> None:
    for duration in (HOUR, dt.timedelta(days=20), dt.timedelta(days=60)):
        due = sla.add_business_time(CAL, start, duration)
        assert sla.business_time_between(CAL, start, due) == duration
        assert sla.subtract_business_time(CAL, due, duration) == sla.next_opening(CAL, start)


def _format_calls(x: dt.datetime) -> list[Callable[[], object]]:
    return [lambda: i18n.format_datetime(x, "de"), lambda: i18n.format_time(x, "en")]


@FAST
@given(OUTSIDE_SHOWN)
def test_instants_outside_the_shown_range_are_refused_by_the_formatters(
    instant: dt.datetime,
) -> None:
    for call in _format_calls(instant):
        _refused(call, instant.isoformat()[:10], "1900-01-02 to 2401-01-01")


@FAST
@given(IN_2400)
def test_the_formatters_show_instants_up_to_the_end_of_local_year_2400(
    instant: dt.datetime,
) -> None:
    for call in _format_calls(instant):
        assert call()


@FAST
@given(EDGES)
def test_instants_at_the_ends_of_the_range_never_leak_a_foreign_exception(
    instant: dt.datetime,
) -> None:
    for call in (*_clock_calls(instant), *_instant_calls(instant)):
        _either(call)


@FAST
@given(st.one_of(LONG, NEGATIVE))
def test_durations_out_of_range_are_refused(duration: dt.timedelta) -> None:
    limit = "negative" if duration < dt.timedelta(0) else f"{_limits.MAX_DURATION.days} days"
    _refused(lambda: sla.add_business_time(CAL, OK, duration), "duration", str(duration), limit)
    for locale in i18n.LOCALES:  # any timedelta can be spelled out
        assert i18n.format_duration(duration, locale)


@FAST
@given(st.timedeltas(dt.timedelta(days=600), _limits.MAX_DURATION))
def test_long_durations_end_in_a_result_or_a_refusal(duration: dt.timedelta) -> None:
    cal = sla.calendar("UTC", "24x7")
    _either(lambda: sla.add_business_time(cal, OK, duration))


def _count_calls(n: object) -> list[tuple[Callable[[], object], str]]:
    return [
        (lambda: sla.add_business_days(CAL, OK, n), "days"),
        (lambda: sla.Target(n, sla.Unit.HOURS), "target amount"),
        (lambda: sla.Target(n, sla.Unit.BUSINESS_DAYS), "target amount"),
        (lambda: i18n.format_business_days(n, "ru"), "n"),
        (lambda: i18n.weekday_name(n, "en"), "weekday"),
        (lambda: engagement.Session(OK, minutes=n), "session minutes"),
        (lambda: engagement.tam_statement("a", "2026-11", [], carried_in=n), "carried_in"),
        (lambda: as_priority(n), "priority"),
        (lambda: sla.Opened(OK, n), "priority"),
        (lambda: engagement.assignment_risk(n), "overdue_invoices"),
        (lambda: engagement.ticket_meeting(n), "open_tickets"),
    ]


@FAST
@given(HUGE)
def test_huge_and_negative_counts_are_refused_naming_the_count(n: int) -> None:
    for call, name in _count_calls(n):
        if name == "n" and -_limits.MAX_INTEGER <= n < 0:
            assert call()  # a negative count of days is shown with its sign
            continue
        if name == "days" and -_limits.MAX_BUSINESS_DAYS <= n < 0:
            continue  # negative business days go backward (tests/test_sla_clock_backward_*)
        error = _refused(call, name)
        assert "calendar" not in str(error)  # blames the count, never the calendar


@FAST
@given(st.sampled_from([True, False, 1.0, Decimal(2), "3", None]))
def test_non_integers_are_refused_as_counts(value: object) -> None:
    for call, name in _count_calls(value):
        if name == "priority" and value == "3":
            continue  # "3" names a priority
        _refused(call, name)


@FAST
@given(
    digits=st.one_of(
        st.integers(5, 6000).map(lambda n: "9" * n),
        st.text(st.characters(categories=["Nd", "No"]), min_size=1, max_size=30),
    ),
    prefix=st.sampled_from(["", "p", "P", " P0"]),
)
def test_priority_texts_of_any_digits_are_refused_as_priorities(digits: str, prefix: str) -> None:
    # Digit strings of any length and of any script: never int()'s ValueError.
    text = prefix + digits
    if text.strip().lower().removeprefix("p").lstrip("0") in ("1", "2", "3", "4"):
        assert as_priority(text) in sla.Priority
        return
    with pytest.raises(errors.InvalidValueError) as caught:
        as_priority(text)
    assert "unknown priority" in str(caught.value) and "accepted: 1-4" in str(caught.value)
    assert len(str(caught.value)) < 300


@FAST
@given(
    plan=st.sampled_from(sla.plan_names()),
    priority=st.integers(1, 4),
    opened=st.one_of(
        st.datetimes(dt.datetime(2399, 12, 27), dt.datetime(2399, 12, 30, 23, 59)),
        st.datetimes(dt.datetime(1900, 1, 2), dt.datetime(1900, 1, 5)),
    ).map(lambda d: d.replace(tzinfo=dt.UTC)),
    locale=st.sampled_from(i18n.LOCALES),
)
def test_results_near_the_ends_of_the_range_are_shown(
    plan: str, priority: int, opened: dt.datetime, locale: str
) -> None:
    # Inputs in range may give results in local year 2400: explaining them must work.
    for deadline in (
        sla.reaction_deadline(plan, priority, opened),
        sla.resolution_deadline(plan, priority, opened),
    ):
        if deadline is not None:
            assert deadline.explain(locale) and deadline.to_html(locale) and deadline.to_dict()


def test_numpy_integers_are_accepted_as_counts_and_priorities() -> None:
    np = pytest.importorskip("numpy")
    for kind in (np.int8, np.int32, np.int64, np.uint16):
        assert as_priority(kind(2)) is sla.Priority.HIGH
        assert sla.Opened(OK, kind(1)).priority is sla.Priority.CRITICAL
        assert type(sla.Target(kind(4), sla.Unit.HOURS).amount) is int
        assert sla.add_business_days(CAL, OK, kind(3)) == sla.add_business_days(CAL, OK, 3)
        assert i18n.format_business_days(kind(5), "ru") == "5 рабочих дней"
        assert engagement.Session(OK, minutes=kind(30)).minutes == 30
    _refused(lambda: sla.add_business_days(CAL, OK, np.int64(2**62)), "days")
    _refused(lambda: as_priority(np.bool_(True)), "priority")


def _zone_calls(z: object) -> list[Callable[[], object]]:
    return [
        lambda: sla.calendar(z, "24x7"),  # type: ignore[arg-type]
        lambda: sla.Calendar(z, CAL.hours),  # type: ignore[arg-type]
        lambda: i18n.format_datetime(OK, "en", tz=z),  # type: ignore[arg-type]
        lambda: i18n.format_time(OK, "en", tz=z),  # type: ignore[arg-type]
        lambda: engagement.tam_statement("a", "2026-11", [], timezone=z),  # type: ignore[arg-type]
        lambda: engagement.quarter_review("2026-Q4", [], timezone=z),  # type: ignore[arg-type]
        lambda: coverage.monthly_statement(
            [],
            customer="ACME",
            month="2026-11",
            timezone=z,  # type: ignore[arg-type]
        ),
        lambda: coverage.monthly_statements(
            [coverage.TimeEntry("ACME", "T-1", OK, "1", "100", "EUR")],
            month="2026-11",
            timezones=z,  # type: ignore[arg-type]
        ),
    ]


@FAST
@given(BAD_ZONES)
def test_unknown_zones_and_localtime_are_refused_everywhere(zone: str) -> None:
    for call in _zone_calls(zone):
        _refused(call, "IANA")


@FAST
@given(NOT_ZONES)
def test_non_string_zones_are_refused_everywhere(zone: object) -> None:
    for call in _zone_calls(zone):
        _refused(call)


def test_a_zoneinfo_without_an_iana_key_is_refused() -> None:
    files = [p for p in zoneinfo.TZPATH if os.path.isfile(os.path.join(p, "Europe/Moscow"))]
    if not files:
        pytest.skip("no system zone files to read a ZoneInfo from")
    with open(os.path.join(files[0], "Europe/Moscow"), "rb") as data:
        copy = ZoneInfo.from_file(data)
    for call in _zone_calls(copy)[2:4]:  # the formatters take ZoneInfo values
        _refused(call, "ZoneInfo read from a file")


def test_localtime_as_a_zoneinfo_is_refused() -> None:
    try:
        local = ZoneInfo("localtime")
    except (OSError, ValueError, zoneinfo.ZoneInfoNotFoundError):  # no /etc/localtime
        pytest.skip("this host has no localtime zone")
    _refused(lambda: i18n.format_datetime(OK, "en", tz=local), "localtime")


MONTH_YEARS = st.integers(1, 1899) | st.integers(2400, 9999)


@FAST
@given(MONTH_YEARS, st.integers(1, 12), st.sampled_from(ZONES))
def test_months_and_quarters_outside_the_supported_years_are_refused(
    year: int, month: int, zone: ZoneInfo
) -> None:
    text = f"{year:04d}-{month:02d}"
    _refused(lambda: engagement.tam_statement("a", text, [], timezone=zone.key), text, "1900")
    _refused(lambda: engagement.tam_statement("a", (year, month), [], timezone=zone.key), "1900")
    _refused(
        lambda: coverage.monthly_statement([], customer="A", month=text, timezone=zone.key), text
    )
    quarter = f"{year:04d}-Q{(month - 1) // 3 + 1}"
    _refused(lambda: engagement.quarter_review(quarter, [], timezone=zone.key), quarter)


@FAST
@given(st.from_regex(r"\A(\d{4}-\d{3}|\d{3}-\d{2}|\d{4}/\d{2}|\d{4}-(0|1[3-9]|[2-9]\d))\Z"))
def test_both_month_parsers_share_one_grammar(text: str) -> None:
    a = _refused(lambda: engagement.tam_statement("a", text, []), text)
    b = _refused(lambda: coverage.monthly_statement([], customer="A", month=text), text)
    assert str(a) == str(b)


def test_dates_of_closed_days_are_checked() -> None:
    at = dt.datetime(2026, 1, 1)
    _refused(lambda: sla.closed_days(CAL, at, dt.datetime(2026, 1, 10)), "datetime.date")  # type: ignore[arg-type]
    _refused(lambda: sla.closed_days("x", dt.date(2026, 1, 1), dt.date(2026, 1, 2)), "cal")  # type: ignore[arg-type]
    _refused(lambda: sla.closed_days(CAL, dt.date(1, 1, 1), dt.date(9999, 12, 31)), "0001")
    _refused(lambda: sla.closed_days(CAL, dt.date(2026, 1, 1), dt.date(9999, 12, 31)), "9999")
    _refused(lambda: sla.closed_days(CAL, dt.date(1900, 1, 1), dt.date(2399, 12, 31)), "36600")


@FAST
@given(st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)), st.integers(0, 60))
def test_closed_days_answer_or_refuse(start: dt.date, span: int) -> None:
    end = min(start + dt.timedelta(days=span), dt.date.max) if start.year < 9999 else start
    _either(lambda: sla.closed_days(CAL, start, end))


def test_a_dropped_calendar_is_freed_without_the_cyclic_collector() -> None:
    gc.collect()
    gc.disable()
    try:
        cal = sla.calendar("Europe/Moscow", "Mon-Fri 09:00-18:00", country="RU")
        assert sla.add_business_time(cal, OK, dt.timedelta(hours=400))
        ref = weakref.ref(cal)
        del cal
        assert ref() is None
    finally:
        gc.enable()


@settings(max_examples=15, deadline=None)
@given(
    st.sampled_from(["minutes", "hours", "business_days"]),
    st.one_of(
        st.integers(_limits.MAX_TARGET_AMOUNT + 1, 2**63 - 1),
        st.just(9223372036854775807),
        st.integers(-(2**63), 0),
    ),
)
def test_plan_file_targets_out_of_range_are_refused_naming_the_limit(
    tmp_path_factory: pytest.TempPathFactory, unit: str, amount: int
) -> None:
    path = tmp_path_factory.mktemp("plans") / "plans.toml"
    text = textwrap.dedent(GOOD).replace("p2 = { hours = 2 }", f"p2 = {{ {unit} = {amount} }}")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(errors.PolicyFileError) as caught:
        sla.load_plans(path)
    message = str(caught.value)
    assert str(path) in message and unit in message, message
    assert f"1-{_limits.MAX_TARGET_AMOUNT}" in message, message


@pytest.mark.parametrize("amount", [30_000, _limits.MAX_TARGET_AMOUNT])
def test_a_deadline_more_than_a_century_away_is_explained(amount: int, tmp_path: Path) -> None:
    # The explanation lists the closed days of the deadline's whole span (> 100 years),
    # which closed_days refuses as an input: the explanation reads them unguarded.
    path = tmp_path / "plans.toml"
    path.write_text(
        textwrap.dedent(f"""
        [plans.long]
        title = "Long"
        timezone = "Europe/Moscow"
        hours = "Mon-Fri 10:00-18:00"
        country = "RU"
        [plans.long.reaction]
        p1 = {{ business_days = {amount} }}
        p2 = {{ hours = 4 }}
        p3 = {{ hours = 8 }}
        p4 = {{ hours = 9 }}
        """),
        encoding="utf-8",
    )
    plan = sla.load_plans(path)["long"]
    deadline = sla.reaction_deadline(plan, 1, dt.datetime(2026, 1, 5, 10, tzinfo=dt.UTC))
    assert (deadline.due.date() - deadline.start.date()).days > _limits.MAX_CLOSED_DAYS_SPAN
    assert "Skipped" in deadline.explain("en")


@FAST
@given(
    plan=st.sampled_from(sla.plan_names()),
    priority=st.integers(1, 4),
    opened=st.datetimes(
        dt.datetime(2399, 12, 20), dt.datetime(2399, 12, 29), timezones=TZINFOS
    ),
    minutes=st.lists(st.integers(1, 600), min_size=3, max_size=3),
    locale=st.sampled_from(i18n.LOCALES),
)
def test_a_ticket_at_the_end_of_the_range_is_evaluated_and_explained(
    plan: str, priority: int, opened: dt.datetime, minutes: list[int], locale: str
) -> None:
    # Its deadlines may lie in 2400: the status counts remaining time up to them. (The
    # opening is at most 2399-12-29 in any zone, so 24 hours of events stay in range.)
    at = [opened + dt.timedelta(minutes=sum(minutes[: i + 1])) for i in range(3)]
    events = [sla.Opened(opened, priority), sla.Responded(at[0]), sla.Paused(at[1]),
              sla.Resumed(at[2])]  # fmt: skip
    status = sla.evaluate(plan, events, at[2])
    assert status.explain(locale) and status.to_html(locale) and status.to_dict()
    for clock in (status.reaction, status.resolution):
        if clock is not None:
            assert clock.remaining is not None and clock.warnings is not None
    assert status.next_check is None or status.next_check > at[2]


def test_the_range_texts_state_the_bounds() -> None:
    day = dt.timedelta(days=1)
    stated = f"{_limits.EARLIEST:%Y-%m-%d} to {_limits.LATEST - day:%Y-%m-%d} (UTC)"
    assert stated == _limits.RANGE_TEXT
    # The clock's end is a local year: before LATEST_RESULT in every zone.
    end = _limits.LATEST_RESULT - day
    assert _limits.CLOCK_RANGE_TEXT.startswith(f"{_limits.EARLIEST:%Y-%m-%d} (UTC)")
    assert _limits.CLOCK_RANGE_TEXT.endswith(f"local year {end.year - 1}")


@FAST
@given(
    zone=st.sampled_from(["Etc/GMT+12", "America/New_York", "UTC", "Europe/Moscow",
                          "Pacific/Kiritimati", "Australia/Lord_Howe"]),
    instant=st.datetimes(dt.datetime(2400, 12, 30), dt.datetime(2401, 1, 1, 23, 59),
                         timezones=st.just(dt.UTC)),
)  # fmt: skip
def test_the_clock_takes_an_instant_exactly_when_its_local_year_is_2400_or_earlier(
    zone: str, instant: dt.datetime
) -> None:
    cal = sla.calendar(zone, "24x7")
    wall = instant.astimezone(ZoneInfo(zone)).replace(tzinfo=None)
    if wall.year <= 2400:
        assert sla.is_open(cal, instant)
        assert sla.business_time_between(cal, instant, instant) == dt.timedelta(0)
    elif wall == dt.datetime(2401, 1, 1):  # the end of local 2400: a result, taken back
        assert not sla.is_open(cal, instant)
    else:
        _refused(lambda: sla.is_open(cal, instant), instant.isoformat(), "local year 2401")


@FAST
@given(
    zone=st.sampled_from(["Etc/GMT+12", "America/New_York", "UTC", "Pacific/Kiritimati",
                          "Australia/Lord_Howe", "Europe/Moscow"]),
    hours=st.sampled_from(["24x7", "Mon-Fri 09:00-18:00", "Mon-Sun 22:00-06:00"]),
    start=st.datetimes(dt.datetime(2400, 12, 1), dt.datetime(2400, 12, 31, 23, 59)),
    minutes=st.integers(0, 60 * 24 * 40),
)  # fmt: skip
def test_every_result_near_the_end_of_2400_is_taken_back(
    zone: str, hours: str, start: dt.datetime, minutes: int
) -> None:
    # Whatever an add, a subtract or a zero amount returns, every clock function takes.
    cal = sla.calendar(zone, hours)
    at = start.replace(tzinfo=ZoneInfo(zone))
    duration = dt.timedelta(minutes=minutes)
    results = []
    for call in (lambda: sla.add_business_time(cal, at, duration),
                 lambda: sla.subtract_business_time(cal, at, duration),
                 lambda: sla.add_business_days(cal, at, minutes % 3)):  # fmt: skip
        try:
            results.append(call())
        except errors.InvalidValueError as exc:
            assert "2401" in str(exc)  # the computation itself would reach 2401
    for result in results:
        assert sla.is_open(cal, result) in (True, False)
        assert sla.business_time_between(cal, at, result) is not None
        assert sla.add_business_time(cal, result, dt.timedelta(0)) == result
