"""Deadlines: golden rows hand-checked against the documents, explanations, properties."""

from __future__ import annotations

import datetime as dt
import pickle
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from supportpolicy import errors, i18n, sla

MSK = ZoneInfo("Europe/Moscow")
NY = ZoneInfo("America/New_York")
ZRH = ZoneInfo("Europe/Zurich")


def at(tz: ZoneInfo, text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=tz)


# (row id citing the document, plan, priority, metric, opened, expected due)
# Each expected value was counted by hand on a calendar of the period.
GOLDEN = [
    ("004: basic P1 inside hours, 24 business hours = 3 working days",
     "basic", 1, "reaction", at(MSK, "2026-11-24 11:00"), "2026-11-27T11:00:00+03:00"),
    ("004: basic P2 opened Saturday, clock starts Monday 10:00; lands on a closing",
     "basic", 2, "reaction", at(MSK, "2026-11-21 12:00"), "2026-11-30T18:00:00+03:00"),
    ("004: basic P1 across 4 November (Unity Day)",
     "basic", 1, "reaction", at(MSK, "2026-11-03 17:00"), "2026-11-09T17:00:00+03:00"),
    ("004: basic P1 across the May holidays (1 May)",
     "basic", 1, "reaction", at(MSK, "2026-04-30 15:00"), "2026-05-06T15:00:00+03:00"),
    ("004: basic P3 across Victory Day observed (11 May)",
     "basic", 3, "reaction", at(MSK, "2026-05-08 10:00"), "2026-05-18T18:00:00+03:00"),
    ("004: basic P1 across the New Year holidays (31 Dec - 10 Jan)",
     "basic", 1, "reaction", at(MSK, "2026-12-30 17:00"), "2027-01-13T17:00:00+03:00"),
    ("004: basic P4 opened at 18:00 sharp (closing), starts next morning",
     "basic", 4, "reaction", at(MSK, "2026-11-23 18:00"), "2026-12-01T18:00:00+03:00"),
    ("004: basic P1 with the transferred working Saturday 20 Feb 2027",
     "basic", 1, "reaction", at(MSK, "2027-02-19 14:00"), "2027-02-25T14:00:00+03:00"),
    ("004: business P1 opened Saturday 17:00, Sunday closed",
     "business", 1, "reaction", at(MSK, "2026-11-21 17:00"), "2026-11-23T11:00:00+03:00"),
    ("004: business P2 Friday morning, Saturday is a service day",
     "business", 2, "reaction", at(MSK, "2026-11-20 09:00"), "2026-11-23T13:00:00+03:00"),
    ("004: business P1 lands on the 19:00 closing",
     "business", 1, "reaction", at(MSK, "2026-11-23 15:00"), "2026-11-23T19:00:00+03:00"),
    ("004: business P4 across Unity Day, ends on the Saturday service day",
     "business", 4, "reaction", at(MSK, "2026-11-03 17:00"), "2026-11-07T11:00:00+03:00"),
    ("004: premium P1 60 minutes, 24x7 over midnight",
     "premium", 1, "reaction", at(MSK, "2026-11-21 23:30"), "2026-11-22T00:30:00+03:00"),
    ("004: premium P2 4 hours, 24x7",
     "premium", 2, "reaction", at(MSK, "2026-11-21 23:30"), "2026-11-22T03:30:00+03:00"),
    ("004: premium P3 6 hours (per-priority table, not the 4-hour summary)",
     "premium", 3, "reaction", at(MSK, "2026-11-21 23:30"), "2026-11-22T05:30:00+03:00"),
    ("004: premium P4 6 hours on 1 January (24x7 ignores holidays)",
     "premium", 4, "reaction", at(MSK, "2027-01-01 10:00"), "2027-01-01T16:00:00+03:00"),
    ("004: premium P1 resolution 12 hours",
     "premium", 1, "resolution", at(MSK, "2026-11-21 23:30"), "2026-11-22T11:30:00+03:00"),
    ("004: premium P2 3 business days, Friday 17:00",
     "premium", 2, "resolution", at(MSK, "2026-11-20 17:00"), "2026-11-25T17:00:00+03:00"),
    ("004: premium P2 3 business days opened Saturday: ends at Wednesday's close (24:00)",
     "premium", 2, "resolution", at(MSK, "2026-11-21 10:00"), "2026-11-26T00:00:00+03:00"),
    ("004: premium P2 3 business days with the transferred working Saturday",
     "premium", 2, "resolution", at(MSK, "2027-02-19 12:00"), "2027-02-25T12:00:00+03:00"),
    ("004: premium P3 10 business days across Unity Day",
     "premium", 3, "resolution", at(MSK, "2026-11-03 17:00"), "2026-11-18T17:00:00+03:00"),
    ("004: premium P4 20 business days across the New Year holidays",
     "premium", 4, "resolution", at(MSK, "2026-12-28 09:00"), "2027-02-03T09:00:00+03:00"),
    ("003: tam 1 business day on the 09:00-18:00 hours, Wednesday before Thanksgiving",
     "tam", 2, "reaction", at(NY, "2026-11-25 15:00"), "2026-11-27T15:00:00-05:00"),
    ("003: tam opened on Thanksgiving: Friday is the working day, due at its 18:00 close",
     "tam", 1, "reaction", at(NY, "2026-11-26 10:00"), "2026-11-27T18:00:00-05:00"),
    ("003: tam opened Saturday 10:00: due at Monday's 18:00 close (issue 10)",
     "tam", 3, "reaction", at(NY, "2026-11-21 10:00"), "2026-11-23T18:00:00-05:00"),
    ("003: tam opened Monday 20:00, after hours: due at Tuesday's 18:00 close (issue 10)",
     "tam", 1, "reaction", at(NY, "2026-11-23 20:00"), "2026-11-24T18:00:00-05:00"),
    ("003: tam Friday afternoon to Monday afternoon",
     "tam", 4, "reaction", at(NY, "2026-11-20 17:00"), "2026-11-23T17:00:00-05:00"),
    ("001: saas 24 calendar hours across the spring-forward night",
     "saas", 3, "reaction", at(ZRH, "2026-03-28 12:00"), "2026-03-29T13:00:00+02:00"),
    ("001: saas 24 calendar hours over a weekend",
     "saas", 1, "reaction", at(ZRH, "2026-11-21 08:15"), "2026-11-22T08:15:00+01:00"),
]  # fmt: skip


@pytest.mark.parametrize("row", GOLDEN, ids=[row[0] for row in GOLDEN])
def test_golden_deadlines(row: tuple) -> None:  # type: ignore[type-arg]
    _, plan, priority, metric, opened, expected = row
    function = sla.reaction_deadline if metric == "reaction" else sla.resolution_deadline
    deadline = function(plan, priority, opened)
    assert deadline is not None
    assert deadline.due.isoformat() == expected
    assert deadline.due.tzinfo is not None
    assert str(deadline.due.tzinfo) == sla.plan(plan).calendar.timezone


def test_every_preset_and_priority_has_a_golden_row() -> None:
    covered = {(row[1], row[2]) for row in GOLDEN}
    assert {"basic", "business", "premium", "tam", "saas"} == {p for p, _ in covered}
    assert {n for p, n in covered if p in ("basic", "premium")} == {1, 2, 3, 4}


@pytest.mark.parametrize("plan", ["basic", "business", "tam", "saas"])
def test_plans_without_resolution_target_give_none(plan: str) -> None:
    opened = dt.datetime(2026, 11, 23, 12, tzinfo=MSK)
    for priority in range(1, 5):
        assert sla.resolution_deadline(plan, priority, opened) is None


def test_start_and_reason() -> None:
    inside = sla.reaction_deadline("basic", 1, at(MSK, "2026-11-24 11:00"))
    assert inside.start == inside.opened
    assert inside.start_reason is sla.StartReason.OPENED
    outside = sla.reaction_deadline("basic", 2, at(MSK, "2026-11-21 12:00"))
    assert outside.start.isoformat() == "2026-11-23T10:00:00+03:00"
    assert outside.start_reason is sla.StartReason.OUTSIDE_HOURS


def test_opened_in_another_zone_is_the_same_instant() -> None:
    moscow = sla.reaction_deadline("basic", 1, at(MSK, "2026-11-24 11:00"))
    utc = sla.reaction_deadline("basic", 1, at(ZoneInfo("UTC"), "2026-11-24 08:00"))
    assert moscow.due == utc.due and str(utc.due.tzinfo) == "Europe/Moscow"


def test_pauses_extend_the_resolution_deadline() -> None:
    # 004 premium P1: 12 h from Monday 09:00; customer held it from 10:00 to 13:00.
    opened = at(MSK, "2026-11-23 09:00")
    pauses = [(at(MSK, "2026-11-23 10:00"), at(MSK, "2026-11-23 13:00"))]
    deadline = sla.resolution_deadline("premium", 1, opened, pauses=pauses)
    assert deadline is not None
    assert deadline.due.isoformat() == "2026-11-24T00:00:00+03:00"
    late = [(at(MSK, "2026-11-24 10:00"), at(MSK, "2026-11-24 13:00"))]
    after_due = sla.resolution_deadline("premium", 1, opened, pauses=late)
    assert after_due is not None and after_due.due.isoformat() == "2026-11-23T21:00:00+03:00"


OPEN = at(MSK, "2026-11-23 09:00")
BACKWARDS = [(at(MSK, "2026-11-23 12:00"), at(MSK, "2026-11-23 10:00"))]


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda: sla.reaction_deadline("basic", 1, dt.datetime(2026, 11, 23, 9)),
         errors.NaiveDatetimeError),
        (lambda: sla.reaction_deadline("basic", 0, OPEN), errors.InvalidValueError),
        (lambda: sla.reaction_deadline("basic", True, OPEN), errors.InvalidTypeError),
        (lambda: sla.reaction_deadline("gold", 1, OPEN), errors.UnknownNameError),
        (lambda: sla.reaction_deadline("basic", 1, "2026-11-23"), errors.InvalidTypeError),
        (lambda: sla.resolution_deadline("premium", 1, OPEN, pauses=[1]), errors.InvalidTypeError),
        (lambda: sla.resolution_deadline("premium", 1, OPEN, pauses=BACKWARDS),
         errors.InvalidValueError),
    ],
)  # fmt: skip
def test_bad_input_is_refused(call: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        call()  # type: ignore[operator]


def test_strings_accepted_for_priority_and_plan_objects_for_plan() -> None:
    opened = at(MSK, "2026-11-24 11:00")
    by_name = sla.reaction_deadline("basic", "P1", opened)
    by_plan = sla.reaction_deadline(sla.plan("basic"), sla.Priority.CRITICAL, opened)
    assert by_name == by_plan


def test_deadlines_pickle() -> None:
    deadline = sla.resolution_deadline(
        "premium", 3, at(MSK, "2026-11-03 17:00"),
        pauses=[(at(MSK, "2026-11-05 10:00"), at(MSK, "2026-11-05 12:00"))],
    )  # fmt: skip
    assert pickle.loads(pickle.dumps(deadline)) == deadline


# --- explanations -------------------------------------------------------------------

HOLIDAY_NAMES = {"en": "Unity Day", "ru": "День народного единства"}


@pytest.mark.parametrize("locale", i18n.LOCALES)
def test_explain_in_every_language(locale: str) -> None:
    # 004: basic P1 over Unity Day (4 November 2026).
    deadline = sla.reaction_deadline("basic", 1, at(MSK, "2026-11-03 17:00"))
    text = deadline.explain(locale)
    lines = text.splitlines()
    assert len(lines) == 6
    assert sla.plan("basic").title(locale) in lines[0]
    assert sla.Priority(1).label(locale) in lines[0]
    assert i18n.format_datetime(deadline.due, locale, format="full") in lines[-1]
    assert "2026" in lines[4] and ("4" in lines[4])
    if locale in HOLIDAY_NAMES:
        assert HOLIDAY_NAMES[locale] in lines[4]
    if locale != "en":
        english = deadline.explain("en").splitlines()
        assert all(a != b for a, b in zip(lines, english, strict=True))


@pytest.mark.parametrize("locale", i18n.LOCALES)
def test_explain_says_why_the_clock_started_late(locale: str) -> None:
    inside = sla.reaction_deadline("basic", 1, at(MSK, "2026-11-24 11:00")).explain(locale)
    outside = sla.reaction_deadline("basic", 1, at(MSK, "2026-11-21 11:00")).explain(locale)
    start = i18n.format_datetime(at(MSK, "2026-11-23 10:00"), locale)
    assert start in outside.splitlines()[3]
    assert inside.splitlines()[3].split(",")[0] != outside.splitlines()[3].split(",")[0]


def test_explain_examples_read_right() -> None:
    outside = sla.reaction_deadline("basic", 1, at(MSK, "2026-11-21 11:00")).explain("es")
    assert "fuera del horario de servicio" in outside
    assert "lun–vie 10:00-18:00" in outside
    paused = sla.resolution_deadline(
        "premium", 2, at(MSK, "2026-11-23 10:00"),
        pauses=[(at(MSK, "2026-11-24 10:00"), at(MSK, "2026-11-25 10:00"))],
    )  # fmt: skip
    assert paused is not None
    text = paused.explain("de")
    assert "3 Arbeitstage" in text and "russische Arbeitstage" in text
    assert "Beim Kunden von" in text
    thanksgiving = sla.reaction_deadline("tam", 1, at(NY, "2026-11-25 15:00")).explain("en")
    assert "Thanksgiving" in thanksgiving and "1 business day" in thanksgiving


# --- properties -----------------------------------------------------------------------

instants = st.datetimes(min_value=dt.datetime(2026, 1, 1), max_value=dt.datetime(2027, 12, 1)).map(
    lambda d: d.replace(tzinfo=MSK, second=0, microsecond=0)
)
durations = st.integers(min_value=0, max_value=72 * 60).map(lambda m: dt.timedelta(minutes=m))


@settings(max_examples=60, deadline=None)
@given(
    plan=st.sampled_from(["premium"]),
    priority=st.integers(1, 4),
    opened=instants,
    gaps=st.lists(st.tuples(durations, durations), max_size=4),
)
def test_pausing_never_makes_a_due_time_earlier(
    plan: str, priority: int, opened: dt.datetime, gaps: list[tuple[dt.timedelta, dt.timedelta]]
) -> None:
    pauses = []
    cursor = opened
    for before, length in gaps:
        cursor += before
        pauses.append((cursor, cursor + length))
        cursor += length
    plain = sla.resolution_deadline(plan, priority, opened)
    assert plain is not None
    previous = plain.due
    for count in range(1, len(pauses) + 1):
        paused = sla.resolution_deadline(plan, priority, opened, pauses=pauses[:count])
        assert paused is not None
        assert paused.due >= previous
        previous = paused.due


@settings(max_examples=60, deadline=None)
@given(plan=st.sampled_from(["basic", "business", "premium", "tam", "saas"]),
       priority=st.integers(1, 4), opened=instants, later=durations)  # fmt: skip
def test_reaction_due_is_monotonic_in_the_opening(
    plan: str, priority: int, opened: dt.datetime, later: dt.timedelta
) -> None:
    first = sla.reaction_deadline(plan, priority, opened)
    second = sla.reaction_deadline(plan, priority, opened + later)
    assert first.due >= first.opened
    assert second.due >= first.due
