"""SLA reports: the measures against their definitions, on generated tickets."""

from __future__ import annotations

import datetime as dt
import math
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from supportpolicy import errors, i18n, reports, sla
from supportpolicy.reports import percentile, summarize
from supportpolicy.reports.report import format_rate

UTC = dt.UTC


def nearest_rank(values: list[dt.timedelta], q: int) -> dt.timedelta:
    """The definition, spelled out: the smallest value with at least q % of values <= it."""
    ordered = sorted(values)
    for value in ordered:
        if sum(v <= value for v in ordered) * 100 >= q * len(ordered):
            return value
    raise AssertionError("unreachable")


durations = st.lists(st.integers(0, 10**6).map(lambda s: dt.timedelta(seconds=s)), min_size=1,
                     max_size=60)  # fmt: skip


@given(durations, st.integers(1, 100))
def test_percentile_is_the_nearest_rank_and_an_observed_value(values: list[dt.timedelta],
                                                              q: int) -> None:  # fmt: skip
    got = percentile(values, q)
    assert got == nearest_rank(values, q)
    assert got in values
    assert percentile(values, 100) == max(values)


@pytest.mark.parametrize("q", [0, 101, -1, True, 50.0, "50"])
def test_percentile_refuses_what_is_not_a_percentage(q: object) -> None:
    with pytest.raises(errors.InvalidValueError):
        percentile([dt.timedelta(1)], q)  # type: ignore[arg-type]


def test_percentile_of_nothing_is_none() -> None:
    assert percentile([], 50) is None


@st.composite
def ticket(draw: st.DrawFn) -> list[object]:
    opened = dt.datetime(2026, draw(st.integers(1, 12)), draw(st.integers(1, 28)),
                         draw(st.integers(0, 23)), draw(st.sampled_from((0, 20, 40))),
                         tzinfo=UTC)  # fmt: skip
    events: list[object] = [sla.Opened(opened, draw(st.integers(1, 4)))]
    at = opened
    if draw(st.booleans()):
        at += dt.timedelta(minutes=draw(st.integers(1, 3000)))
        events.append(sla.Responded(at))
        if draw(st.booleans()):
            at += dt.timedelta(minutes=draw(st.integers(1, 20000)))
            events.append(sla.Resolved(at))
    return events


NOW = dt.datetime(2027, 1, 20, tzinfo=UTC)
logs = st.dictionaries(st.text("ABCXYZ0123", min_size=1, max_size=4), ticket(), max_size=25)


@settings(max_examples=40, deadline=None)
@given(logs, st.sampled_from(sla.plan_names()))
def test_counts_and_rates_agree_with_the_statuses(log: dict[str, list[object]], name: str) -> None:
    report = reports.from_events(name, log, NOW)
    statuses = {t: sla.evaluate(name, e, NOW) for t, e in log.items()}
    clocks = [c for s in statuses.values() for c in (s.reaction, s.resolution) if c is not None]
    assert sum(s.met + s.breached + s.open for s in report.summaries) == len(clocks)
    assert sum(s.met for s in report.summaries) == sum(c.state is sla.State.MET for c in clocks)
    for s in report.summaries:
        if s.decided:
            assert s.attainment is not None and s.breach_rate is not None
            assert s.attainment + s.breach_rate == 1
            assert s.attainment == Fraction(s.met, s.met + s.breached)
        else:
            assert s.attainment is None
        if s.median is not None:
            assert s.p90 is not None and dt.timedelta(0) <= s.median <= s.p90
    months = {dict(s.key)["month"] for s in report.summaries}
    assert all(len(str(m)) == 7 for m in months)
    assert report.tickets == len(log)


@settings(max_examples=30, deadline=None)
@given(logs)
def test_time_to_reaction_is_business_time_from_opening_to_response(
    log: dict[str, list[object]],
) -> None:
    plan = sla.plan("basic")
    found = reports.outcomes({t: sla.evaluate(plan, e, NOW) for t, e in log.items()})
    for outcome in found:
        if outcome.metric == "reaction" and outcome.stopped is not None:
            opened = log[outcome.ticket][0].at  # type: ignore[attr-defined]
            assert outcome.elapsed == sla.business_time_between(plan.calendar, opened,
                                                                outcome.stopped)  # fmt: skip


def test_groups_by_the_users_own_column_and_month_in_the_plans_zone() -> None:
    # 23:30 UTC on 31 October is 02:30 on 1 November in Moscow: the month is November.
    at = dt.datetime(2026, 10, 31, 23, 30, tzinfo=UTC)
    log = {"A": [sla.Opened(at, 3)], "B": [sla.Opened(at, 3)], "C": [sla.Opened(at, 3)]}
    columns = {"A": {"team": "blue"}, "B": {"team": "red"}, "C": {"team": "blue"}}
    report = reports.from_events("premium", log, at + dt.timedelta(days=30), ("team", "month"),
                                 columns=columns)  # fmt: skip
    keys = {(s.key, s.metric): s.breached for s in report.summaries}
    assert keys[((("team", "blue"), ("month", "2026-11")), "reaction")] == 2
    assert keys[((("team", "red"), ("month", "2026-11")), "reaction")] == 1
    assert report.headers("de")[:2] == ["team", "Monat"]


def test_summaries_are_refused_for_empty_group_names() -> None:
    with pytest.raises(errors.InvalidValueError):
        summarize([], ("plan", " "))
    with pytest.raises(errors.InvalidTypeError):
        reports.outcomes({"T": "not a status"})  # type: ignore[dict-item]


@given(st.integers(0, 5000), st.integers(1, 5000), st.sampled_from(i18n.LOCALES))
def test_a_rate_shown_never_contradicts_its_counts(part: int, whole: int, locale: str) -> None:
    part = min(part, whole)
    text = format_rate(Fraction(part, whole), locale)
    digits = "".join(ch for ch in text if ch.isdigit())
    shown = int(digits)  # tenths of a percent
    assert (shown == 0) == (part == 0)
    assert (shown == 1000) == (part == whole)
    assert abs(Fraction(shown, 1000) - Fraction(part, whole)) <= Fraction(1, 1000)


@pytest.mark.parametrize("locale", i18n.LOCALES)
def test_every_label_is_localized(locale: str) -> None:
    at = dt.datetime(2026, 11, 2, 9, tzinfo=UTC)
    report = reports.from_events("basic", {"T": [sla.Opened(at, 1), sla.Responded(at)]}, at)
    headers = report.headers(locale)
    if locale != "en":
        english = report.headers("en")
        assert sum(a != b for a, b in zip(headers, english, strict=True)) >= len(headers) - 1
    assert math.isfinite(len(report.rows(locale)))
    assert report.records()[0]["metric"] == "reaction"
