"""Plans that change over time: ``[[plans.<name>.versions]]`` and ``Plan.at``.

The rule checked is docs/plans.md, "Plans that change over time": a version takes
effect at the first instant of its date in its own timezone, is the version before it
with the keys it gives replaced, and a ticket is measured, from opening to end, under the
version in force when it was opened.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from supportpolicy import errors, sla
from supportpolicy.sla import plans as plans_module

BERLIN = ZoneInfo("Europe/Berlin")
LOCALES = ("en", "de", "nl", "es", "ru")

GOLD = """
[plans.gold]
title = "Gold"
timezone = "Europe/Berlin"
hours = "Mon-Fri 09:00-17:00"
fee = "1000.00"
currency = "EUR"
[plans.gold.reaction]
p1 = { hours = 4 }
p2 = { hours = 8 }
p3 = { business_days = 2 }
p4 = { business_days = 5 }
[plans.gold.resolution]
p1 = { hours = 8 }

[[plans.gold.versions]]
effective = 2027-01-01
hours = "Mon-Fri 08:00-18:00"
fee = "1200.00"
[plans.gold.versions.reaction]
p1 = { hours = 2 }
p2 = { hours = 4 }
p3 = { business_days = 1 }
p4 = { business_days = 3 }
"""


def berlin(day: int, hour: int, minute: int = 0, *, year: int = 2027) -> dt.datetime:
    month = 12 if year == 2026 else 1
    return dt.datetime(year, month, day, hour, minute, tzinfo=BERLIN)


@pytest.fixture
def gold(tmp_path: Path) -> sla.Plan:
    path = tmp_path / "plans.toml"
    path.write_text(GOLD, encoding="utf-8")
    return sla.load_plans(path)["gold"]


def test_golden_a_version_change_between_two_tickets(gold: sla.Plan) -> None:
    # Ticket A, P1, opened Thu 31 Dec 2026 16:00 under the original terms (4 h on
    # Mon-Fri 09:00-17:00): 1 h to 17:00, then Fri 1 Jan 09:00-12:00 (3 h). It stays
    # under those terms although the new version is in force on 1 January.
    a = sla.reaction_deadline(gold, 1, berlin(31, 16, year=2026))
    assert a.due == berlin(1, 12) and a.plan.effective is None and a.plan.versions == ()
    # Ticket B, P1, opened Mon 4 Jan 2027 07:30 under the version of 2027-01-01 (2 h on
    # Mon-Fri 08:00-18:00): the clock starts at 08:00 and is due at 10:00.
    b = sla.reaction_deadline(gold, 1, berlin(4, 7, 30))
    assert b.due == berlin(4, 10) and b.plan.effective == dt.date(2027, 1, 1)
    assert b.plan.fee == 1200 and a.plan.fee == 1000
    # The version inherits what it does not give: the resolution target of 8 hours.
    # 08:00 + 8 business hours on 08:00-18:00 = 16:00.
    resolved = sla.resolution_deadline(gold, 1, berlin(4, 7, 30))
    assert resolved is not None and resolved.due == berlin(4, 16)


def test_golden_the_version_starts_at_midnight_in_the_plan_timezone(gold: sla.Plan) -> None:
    # 2027-01-01 00:00 in Berlin is 2026-12-31 23:00 UTC.
    just_before = dt.datetime(2026, 12, 31, 22, 59, 59, tzinfo=dt.UTC)
    at_midnight = dt.datetime(2026, 12, 31, 23, 0, tzinfo=dt.UTC)
    assert gold.at(just_before).effective is None
    assert gold.at(at_midnight).effective == dt.date(2027, 1, 1)
    # Opened 23:59 on 31 December (old terms): Fri 09:00 + 4 h = 13:00.
    assert sla.reaction_deadline(gold, 1, berlin(31, 23, 59, year=2026)).due == berlin(1, 13)
    # Opened 00:30 on 1 January (new terms): Fri 08:00 + 2 h = 10:00.
    assert sla.reaction_deadline(gold, 1, berlin(1, 0, 30)).due == berlin(1, 10)


def test_evaluate_measures_under_the_version_of_the_opening(gold: sla.Plan) -> None:
    # Opened 31 Dec 16:00 (old terms), responded Fri 1 Jan 11:00: met (due 12:00);
    # under the new version (2 h from 08:00 on Fri: due 10:00) it would be breached.
    events = [sla.Opened(berlin(31, 16, year=2026), 1), sla.Responded(berlin(1, 11))]
    status = sla.evaluate(gold, events, berlin(1, 12))
    assert status.reaction.deadline.due == berlin(1, 12)
    assert status.reaction.state is sla.State.MET
    later = [sla.Opened(berlin(4, 8), 1), sla.Responded(berlin(4, 11))]
    newer = sla.evaluate(gold, later, berlin(4, 12))
    assert newer.reaction.state is sla.State.BREACHED
    # Resolution under the version too: 8 business hours from 08:00 on 08:00-18:00 is
    # 16:00 (the original 09:00-17:00 would give 17:00).
    assert newer.resolution is not None and newer.resolution.deadline.due == berlin(4, 16)


@pytest.mark.parametrize("locale", LOCALES)
def test_the_explanation_names_the_version(gold: sla.Plan, locale: str) -> None:
    newer = sla.reaction_deadline(gold, 1, berlin(4, 8)).explain(locale)
    older = sla.reaction_deadline(gold, 1, berlin(30, 8, year=2026)).explain(locale)
    assert "2027" in newer.splitlines()[2]
    assert len(older.splitlines()) == len(newer.splitlines()) - 1
    if locale != "en":
        assert not re.search(r"\b(Measured|version)\b", newer)


def test_the_plan_own_effective_date_is_named(tmp_path: Path) -> None:
    path = tmp_path / "plans.toml"
    path.write_text(GOLD.replace('title = "Gold"', 'title = "Gold"\neffective = 2026-01-01'))
    gold = sla.load_plans(path)["gold"]
    old = sla.reaction_deadline(gold, 1, berlin(30, 8, year=2026))
    assert old.plan.effective == dt.date(2026, 1, 1)
    assert "version of January 1, 2026" in old.explain("en")


def test_a_midnight_in_a_dst_gap_starts_the_version_at_the_first_instant(tmp_path: Path) -> None:
    # Santiago skipped 2022-09-11 00:00-01:00: the day's first instant is 01:00 -03.
    path = tmp_path / "plans.toml"
    text = GOLD.replace("Europe/Berlin", "America/Santiago").replace("2027-01-01", "2022-09-11")
    path.write_text(text, encoding="utf-8")
    gold = sla.load_plans(path)["gold"]
    first = dt.datetime(2022, 9, 11, 4, 0, tzinfo=dt.UTC)
    assert gold.at(first - dt.timedelta(microseconds=1)).effective is None
    assert gold.at(first).effective == dt.date(2022, 9, 11)


def _version(extra: str) -> str:
    return GOLD + extra


BAD = [
    ("[[plans.gold.versions]]\neffective = 2026-06-01\n", "not after the version before"),
    ("[[plans.gold.versions]]\neffective = 2027-01-01\n", "not after the version before"),
    ("[[plans.gold.versions]]\neffective = 2027-06-01\nsurprise = 1\n",
     r"plans.gold.versions\[2\] has unknown key 'surprise'"),
    ("[[plans.gold.versions]]\nhours = '24x7'\n", r"versions\[2\].effective must be a date"),
    ("[[plans.gold.versions]]\neffective = 2027-06-01T00:00:00\n", "must be a date"),
    ("[[plans.gold.versions]]\neffective = 2500-01-01\n", "must be a date"),
    ("[[plans.gold.versions]]\neffective = 2027-06-01\n[plans.gold.versions.reaction]\n"
     "p1 = { hours = 1 }\n", r"versions\[2\].reaction has no key 'p2'"),
    ("[[plans.gold.versions]]\neffective = 2027-06-01\nhours = 'Mon-Fri 25:00-26:00'\n",
     r"versions\[2\]"),
    ("[[plans.gold.versions]]\neffective = 2027-06-01\n[[plans.gold.versions.versions]]\n"
     "effective = 2028-01-01\n", "must not list versions of its own"),
]  # fmt: skip


@pytest.mark.parametrize(("extra", "message"), BAD)
def test_bad_versions_are_refused_naming_the_version(
    tmp_path: Path, extra: str, message: str
) -> None:
    path = tmp_path / "plans.toml"
    path.write_text(_version(extra), encoding="utf-8")
    with pytest.raises(errors.PolicyFileError, match=message):
        sla.load_plans(path)


def test_plan_at_refuses_a_naive_instant(gold: sla.Plan) -> None:
    with pytest.raises(errors.NaiveDatetimeError):
        gold.at(dt.datetime(2027, 1, 1))


# --- generated plans, versions and tickets -------------------------------------------------

ZONES = ["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "America/Santiago"]
HOURS = ["Mon-Fri 09:00-17:00", "Mon-Sat 08:00-20:00", "24x7", "Mon-Fri 22:00-06:00"]
targets = st.one_of(
    st.builds(lambda n: {"hours": n}, st.integers(1, 30)),
    st.builds(lambda n: {"business_days": n}, st.integers(1, 3)),
)


@st.composite
def terms(draw: st.DrawFn, *, full: bool) -> dict[str, Any]:
    table: dict[str, Any] = {}
    if full or draw(st.booleans()):
        table["timezone"] = draw(st.sampled_from(ZONES))
    if full or draw(st.booleans()):
        table["hours"] = draw(st.sampled_from(HOURS))
    if full or draw(st.booleans()):
        table["reaction"] = {f"p{i}": draw(targets) for i in range(1, 5)}
    if draw(st.booleans()):
        table["resolution"] = {f"p{i}": draw(targets) for i in range(1, 5)}
    if draw(st.booleans()):
        table["fee"] = str(draw(st.integers(0, 9999)))
    return table


@st.composite
def versions(draw: st.DrawFn, after: dt.date) -> list[dict[str, Any]]:
    result, day = [], after
    for _ in range(draw(st.integers(1, 3))):
        day += dt.timedelta(days=draw(st.integers(3, 400)))
        result.append({"effective": day, **draw(terms(full=False))})
    return result


def load(base: dict[str, Any], later: list[dict[str, Any]]) -> sla.Plan:
    table = {"plans": {"gold": {"title": "Gold", **base, "versions": later}}}
    return plans_module._parse(table, "gen.toml")["gold"]


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_changing_a_future_version_never_changes_an_older_ticket(data: st.DataObject) -> None:
    base = data.draw(terms(full=True))
    first = data.draw(versions(dt.date(2026, 1, 1)))
    plan = load(base, first)
    keep = data.draw(st.integers(0, len(first) - 1))  # versions[keep] is the first to change
    start = plan._starts[keep]
    opened = start - data.draw(st.timedeltas(dt.timedelta(minutes=1), dt.timedelta(days=300)))
    opened = opened.astimezone(ZoneInfo(data.draw(st.sampled_from(ZONES))))
    last_kept = first[keep - 1]["effective"] if keep else dt.date(2025, 12, 31)
    changed = load(base, first[:keep] + data.draw(versions(last_kept)))
    if changed._starts[keep] <= opened:  # the new version must still lie in the future
        return
    priority = data.draw(st.integers(1, 4))
    assert plan.at(opened) == changed.at(opened)
    for deadline in (sla.reaction_deadline, sla.resolution_deadline):
        before, after = deadline(plan, priority, opened), deadline(changed, priority, opened)
        assert before == after
        assert before is None or after is None or before.explain("en") == after.explain("en")
    responded = opened + data.draw(st.timedeltas(dt.timedelta(0), dt.timedelta(days=30)))
    events = [sla.Opened(opened, priority), sla.Responded(responded)]
    now = responded + dt.timedelta(days=1)
    assert sla.evaluate(plan, events, now) == sla.evaluate(changed, events, now)


@settings(max_examples=100, deadline=None)
@given(st.data())
def test_the_version_in_force_is_the_latest_that_took_effect(data: st.DataObject) -> None:
    plan = load(data.draw(terms(full=True)), data.draw(versions(dt.date(2026, 1, 1))))
    instant = data.draw(
        st.datetimes(dt.datetime(2025, 1, 1), dt.datetime(2030, 1, 1), timezones=st.just(dt.UTC))
    )
    chosen = plan.at(instant)
    started = [v for v, s in zip(plan.versions, plan._starts, strict=True) if s <= instant]
    assert chosen == (started[-1] if started else plan._terms)
    assert chosen.versions == () and chosen.at(instant) is chosen
    # Every version is a complete plan: the keys it leaves out are those of the one before.
    for before, version in zip((plan, *plan.versions), plan.versions, strict=False):
        assert version.key == before.key and version.title("en") == before.title("en")


def test_a_version_may_change_the_newer_metrics_and_status_names_it(tmp_path: Path) -> None:
    # The version of 2027-01-01 adds a next-reply target of 1 hour for P1: a ticket of
    # 30 December has no next-reply clock, one of 4 January has one.
    path = tmp_path / "plans.toml"
    extra = "[plans.gold.versions.next_reply]\np1 = { hours = 1 }\n"
    path.write_text(GOLD + extra, encoding="utf-8")
    gold = sla.load_plans(path)["gold"]
    next_reply = sla.Metric.NEXT_REPLY
    assert gold.targets[next_reply][sla.Priority(1)] is None
    assert gold.versions[0].targets[next_reply][sla.Priority(1)] == sla.Target(1, sla.Unit.HOURS)

    def ticket(day: int, year: int) -> list[object]:
        return [
            sla.Opened(berlin(day, 9, year=year), 1),
            sla.AgentReplied(berlin(day, 9, 30, year=year)),
            sla.CustomerReplied(berlin(day, 10, year=year)),
        ]

    old = sla.evaluate(gold, ticket(30, 2026), berlin(30, 12, year=2026))
    new = sla.evaluate(gold, ticket(4, 2027), berlin(4, 12))
    assert old.clocks[next_reply] == ()
    # 10:00 + 1 business hour on Mon-Fri 08:00-18:00 = 11:00.
    (clock,) = new.clocks[next_reply]
    assert clock.deadline.due == berlin(4, 11)
    for locale in LOCALES:
        assert "2027" in new.explain(locale).splitlines()[1]
        assert "2027" not in old.explain(locale).splitlines()[1]
