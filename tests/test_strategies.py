"""The strategies of ``supportpolicy.strategies`` yield only values the library accepts.

Each test states what "valid" means for one strategy and checks it on the generated
values; the ``from_type`` tests check the plugin registration, in this process and in a
fresh interpreter that never imports ``supportpolicy.strategies`` itself.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import subprocess
import sys
from zoneinfo import ZoneInfo

import pytest
from hypothesis import find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import NoSuchExample

from supportpolicy import coverage, engagement, errors, sla
from supportpolicy import strategies as sps
from supportpolicy.sla.metrics import Threshold
from test_architecture import import_graph

SETTINGS = settings(max_examples=60, deadline=None)
UTC = dt.UTC


def _is_gap(value: dt.datetime) -> bool:
    """A wall time that does not exist in its zone (it does not survive a round trip)."""
    back = value.astimezone(UTC).astimezone(value.tzinfo)
    return back.replace(tzinfo=None) != value.replace(tzinfo=None)


def _is_fold(value: dt.datetime) -> bool:
    """A wall time that occurs twice in its zone."""
    return value.replace(fold=0).utcoffset() != value.replace(fold=1).utcoffset() and not _is_gap(
        value
    )


@SETTINGS
@given(sps.hours_specs())
def test_hours_specs_parse_and_round_trip(spec: str) -> None:
    hours = sla.parse_hours(spec)
    assert any(hours.days), "every generated spec opens some time"
    assert sla.parse_hours(str(hours)) == hours


@SETTINGS
@given(sps.calendars())
def test_calendars_are_calendars_in_the_curated_zones(cal: sla.Calendar) -> None:
    assert isinstance(cal, sla.Calendar)
    assert cal.timezone in sps.TIMEZONES
    assert cal.country is None or cal.country in sps.COUNTRIES
    assert not cal.closed_dates & cal.open_dates
    first = sla.next_opening(cal, dt.datetime(2030, 1, 1, tzinfo=UTC))
    assert sla.is_open(cal, first)


@SETTINGS
@given(st.data())
def test_instants_are_aware_in_the_zone_and_range(data: st.DataObject) -> None:
    zone = data.draw(sps.timezones())
    value = data.draw(sps.instants(zone))
    assert value.tzinfo == ZoneInfo(zone)
    assert value.utcoffset() is not None
    assert 2000 <= value.year <= 2040
    cal = sla.calendar(zone, "Mon-Fri 09:00-17:00")
    assert data.draw(sps.instants(cal)).tzinfo == ZoneInfo(zone)


@pytest.mark.parametrize(
    ("zone", "kind"),
    [
        ("Europe/Berlin", _is_gap),
        ("Europe/Berlin", _is_fold),
        ("America/Santiago", _is_gap),
        ("Australia/Lord_Howe", _is_fold),
        ("Europe/Moscow", _is_fold),
    ],
)
def test_instants_hit_dst_gaps_and_folds(zone: str, kind: object) -> None:
    assert callable(kind)
    found = find(sps.instants(zone), kind, settings=settings(max_examples=300, database=None))
    assert kind(found)
    both_folds = {find(sps.instants(zone), lambda v, f=f: kind(v) and v.fold == f,
                       settings=settings(max_examples=300, database=None)).fold for f in (0, 1)}
    assert both_folds == {0, 1}


def test_instants_in_a_zone_without_dst_are_ordinary() -> None:
    with pytest.raises(NoSuchExample):
        find(sps.instants("Asia/Kolkata", min_year=2000, max_year=2010), _is_gap,
             settings=settings(max_examples=100, database=None))


@SETTINGS
@given(sps.business_durations(dt.timedelta(days=3)))
def test_business_durations_are_accepted(d: dt.timedelta) -> None:
    assert dt.timedelta(0) <= d <= dt.timedelta(days=3)
    cal = sla.calendar("Europe/Moscow", "24x7")
    start = dt.datetime(2026, 1, 1, tzinfo=UTC)
    assert sla.add_business_time(cal, start, d) == start + d


@SETTINGS
@given(sps.plans(), sps.priorities(spelled=True))
def test_plans_give_deadlines_for_every_priority(plan: sla.Plan, priority: object) -> None:
    opened = dt.datetime(2026, 3, 29, 1, 30, tzinfo=ZoneInfo(plan.calendar.timezone))
    reaction = sla.reaction_deadline(plan, priority, opened)  # type: ignore[arg-type]
    assert reaction.due >= opened
    resolution = sla.resolution_deadline(plan, priority, opened)  # type: ignore[arg-type]
    assert (resolution is None) == (plan.resolution[reaction.priority - 1] is None)
    assert plan.title("ru")


@SETTINGS
@given(st.data())
def test_ticket_events_are_timelines_that_evaluate_accepts(data: st.DataObject) -> None:
    plan = data.draw(sps.plans())
    events = data.draw(sps.ticket_events(plan))
    assert isinstance(events[0], sla.Opened)
    moments = [e.at.astimezone(UTC) for e in events]
    assert moments == sorted(set(moments)), "strictly increasing instants"
    after = [b for a, b in itertools.pairwise(events) if isinstance(a, sla.Resolved)]
    assert all(isinstance(e, sla.Reopened) for e in after), "only a reopening follows"
    now = moments[-1] + data.draw(sps.business_durations(dt.timedelta(days=10)))
    status = sla.evaluate(plan, events, now)
    assert status.reaction.state in set(sla.State)
    assert sla.evaluate(plan, events, moments[0]).reaction.state is not None


@SETTINGS
@given(st.data())
def test_ticket_events_without_a_plan_fit_every_preset(data: st.DataObject) -> None:
    events = data.draw(sps.ticket_events())
    assert not any(isinstance(e, sla.AgreedDeadline) for e in events)
    for name in sla.plan_names():
        sla.evaluate(name, events, events[-1].at)


@SETTINGS
@given(sps.tam_months())
def test_tam_months_are_accepted_and_conserve_sessions(kwargs: dict[str, object]) -> None:
    stmt = engagement.tam_statement(**kwargs)  # type: ignore[arg-type]
    counts = (stmt.held, stmt.forfeited, stmt.carried_out, stmt.available, stmt.billable_extra)
    assert all(n >= 0 for n in counts)
    assert (
        stmt.held + stmt.forfeited + stmt.carried_out + stmt.available
        == stmt.allowance + stmt.carried_in
    )
    if stmt.closed:
        assert stmt.available == 0
    else:
        assert stmt.forfeited == stmt.carried_out == 0


@pytest.mark.parametrize("name", coverage.policy_names())
def test_coverage_requests_get_exactly_one_verdict(name: str) -> None:
    policy = coverage.policy(name)

    @settings(max_examples=40, deadline=None)
    @given(sps.coverage_requests(name))
    def check(kwargs: dict[str, object]) -> None:
        decision = coverage.classify(name, **kwargs)  # type: ignore[arg-type]
        matching = [rule for rule in policy.rules if rule.matches(decision.request)]
        assert matching and decision.rule is matching[0]
        assert decision.verdict in set(coverage.Verdict)
        assert decision.next_step.verdict is decision.verdict
        json.dumps(decision.to_dict("es"))

    check()


REGISTERED = [
    sla.Calendar, sla.WeeklyHours, sla.Plan, sla.Priority, sla.Target, sla.Deadline,
    sla.Status, sla.Opened, sla.Responded, sla.WaitingOnCustomer, sla.Resumed,
    sla.Resolved, sla.PriorityChanged, sla.AgreedDeadline, sla.CustomerReplied,
    sla.AgentReplied, sla.Reopened, sla.Paused, sla.Metric, sla.Clock, Threshold,
    coverage.RequestKind, coverage.Policy,
    coverage.Decision, coverage.Request, engagement.Session, engagement.Month,
    engagement.TamTier, engagement.TamStatement,
]  # fmt: skip


@pytest.mark.parametrize("kind", REGISTERED, ids=lambda k: k.__name__)
def test_from_type_yields_valid_values(kind: type) -> None:
    @settings(max_examples=5, deadline=None)
    @given(st.from_type(kind))
    def check(value: object) -> None:
        assert type(value) is kind

    check()


def test_from_type_works_after_a_plain_install_through_the_entry_point() -> None:
    code = (
        "import sys, warnings\n"
        "warnings.simplefilter('ignore')\n"
        "from hypothesis import strategies as st\n"
        "from supportpolicy import sla, engagement\n"
        "cal = st.from_type(sla.Calendar).example()\n"
        "s = st.from_type(engagement.Session).example()\n"
        "print(type(cal).__name__, type(s).__name__)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["Calendar", "Session"]


def test_nothing_in_the_library_imports_the_strategies() -> None:
    importers = [
        module
        for module, targets in import_graph().items()
        if not module.startswith("supportpolicy.strategies")
        and any(t.startswith("supportpolicy.strategies") for t in targets)
    ]
    assert importers == []


def test_ticket_events_refuse_an_empty_timeline() -> None:
    with pytest.raises(errors.InvalidValueError, match="max_events"):
        sps.ticket_events(max_events=0)


def test_instants_refuse_an_unknown_zone_with_the_library_error() -> None:
    with pytest.raises(errors.InvalidValueError, match="IANA zone name"):
        sps.instants("Mars/Olympus")
