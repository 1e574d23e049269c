"""Golden timelines of the SLA engine, computed by hand; each cites the rule it checks
(docs/semantics.md, "SLA clocks": next reply, periodic update, reopened tickets, pause
reasons, warnings). The plan counts Mon-Fri 09:00-18:00 in Berlin with German holidays.
"""

from __future__ import annotations

import datetime as dt
import pathlib
from zoneinfo import ZoneInfo

import pytest

from supportpolicy import errors, sla

BERLIN = ZoneInfo("Europe/Berlin")
M, S = sla.Metric, sla.State
PLAN_FILE = """
[plans.gold]
title = "Gold"
timezone = "Europe/Berlin"
hours = "Mon-Fri 09:00-18:00"
country = "DE"
[plans.gold.reaction]
p1 = { hours = 1 }
p2 = { hours = 2 }
p3 = { hours = 4 }
p4 = { hours = 8 }
[plans.gold.resolution]
p1 = { hours = 8 }
p2 = { hours = 16 }
[plans.gold.next_reply]
p1 = { hours = 2 }
p2 = { hours = 2 }
[plans.gold.periodic_update]
p2 = { hours = 4 }
[plans.gold.warn]
resolution = ["75%", { hours = 1 }]
[plans.gold.pause_on]
resolution = ["customer", "vendor"]
"""


@pytest.fixture(scope="module")
def gold(tmp_path_factory: pytest.TempPathFactory) -> sla.Plan:
    path: pathlib.Path = tmp_path_factory.mktemp("plans") / "gold.toml"
    path.write_text(PLAN_FILE, encoding="utf-8")
    return sla.load_plans(path)["gold"]


def at(day: str, hhmm: str) -> dt.datetime:
    return dt.datetime.fromisoformat(f"{day}T{hhmm}").replace(tzinfo=BERLIN)


MON, TUE, WED = "2026-11-23", "2026-11-24", "2026-11-25"


def test_second_and_third_customer_messages_start_next_reply_clocks(gold: sla.Plan) -> None:
    # Rule: a customer message after the agent's last reply starts a next-reply clock;
    # one while a clock runs starts none; the next agent reply stops it.
    events = [
        sla.Opened(at(MON, "09:00"), 2), sla.AgentReplied(at(MON, "09:30")),
        sla.CustomerReplied(at(MON, "10:00")),  # second message: clock 1, due 12:00
        sla.CustomerReplied(at(MON, "10:30")),  # while clock 1 runs: no clock
        sla.AgentReplied(at(MON, "11:00")),  # clock 1 met
        sla.CustomerReplied(at(MON, "17:00")),  # third message: 1 h today + 1 h Tuesday
        sla.AgentReplied(at(TUE, "10:30")),  # 30 min late
        sla.CustomerReplied(at(TUE, "11:00")),  # fourth: due 13:00
    ]  # fmt: skip
    status = sla.evaluate(gold, reversed(events), at(TUE, "12:00"))
    one, two, three = status.clocks[M.NEXT_REPLY]
    assert (one.state, one.due, one.stopped) == (S.MET, at(MON, "12:00"), at(MON, "11:00"))
    assert (two.state, two.due, two.stopped) == (S.BREACHED, at(TUE, "10:00"), at(TUE, "10:30"))
    assert (three.state, three.due, three.remaining) == (S.RUNNING, at(TUE, "13:00"),
                                                        dt.timedelta(hours=1))  # fmt: skip
    assert status.reaction.state is S.MET and status.reaction.stopped == at(MON, "09:30")
    assert "30 Minuten nach der Fälligkeit" in status.explain("de")


def test_an_update_overdue_while_paused_does_not_breach_while_paused(gold: sla.Plan) -> None:
    # Rule: periodic update pauses for every reason by default; a pause that begins
    # before the due instant moves it by the business time paused, so it never breaches
    # while the pause lasts.
    events = [sla.Opened(at(MON, "09:00"), 2), sla.Paused(at(MON, "12:00"), "vendor")]
    paused = sla.evaluate(gold, events, at(MON, "17:00"))
    (update,) = paused.clocks[M.PERIODIC_UPDATE]
    assert update.state is S.PAUSED  # its first due, 13:00, has passed
    assert update.due == at(MON, "18:00")  # 13:00 + 5 h paused so far
    # reaction breached at 11:00; resolution pauses for a vendor too: nothing to schedule
    assert paused.next_check is None
    resumed = sla.evaluate(gold, [*events, sla.Resumed(at(TUE, "09:00"))], at(TUE, "09:30"))
    (update,) = resumed.clocks[M.PERIODIC_UPDATE]
    assert (update.state, update.due) == (S.RUNNING, at(TUE, "10:00"))  # 13:00 + 6 h


def test_a_ticket_reopened_twice_keeps_every_resolution_cycle(gold: sla.Plan) -> None:
    # Rule: a reopened ticket's resolution clock continues with the time already used;
    # the time it was resolved does not count; every cycle is kept.
    events = [
        sla.Opened(at(MON, "09:00"), 1), sla.Responded(at(MON, "09:10")),
        sla.Resolved(at(MON, "11:00")),  # 2 h used, due Mon 17:00
        sla.Reopened(at(MON, "14:00")), sla.Resolved(at(MON, "15:00")),  # 3 h used
        sla.Reopened(at(TUE, "09:00")),
    ]  # fmt: skip
    status = sla.evaluate(gold, events, at(TUE, "12:00"))
    first, second, third = status.cycles
    assert [c.cycle for c in status.cycles] == [1, 2, 3]
    assert (first.state, first.due, first.stopped) == (S.MET, at(MON, "17:00"), at(MON, "11:00"))
    # + 3 h resolved (11:00-14:00): Mon 17:00 -> Tue 11:00
    assert (second.state, second.due) == (S.MET, at(TUE, "11:00"))
    # + 3 h more (Mon 15:00-18:00): Tue 14:00; 6 of 8 hours used
    assert (third.state, third.due, third.elapsed_fraction) == (S.RUNNING, at(TUE, "14:00"), 0.75)
    assert status.resolution == third
    assert [(t.short(), w) for t, w in third.warnings] == [
        ("75%", at(TUE, "12:00")), ("1h-before", at(TUE, "13:00"))
    ]  # fmt: skip
    assert status.next_check == at(TUE, "13:00")  # the 75 % instant is now, not after it
    # Periodic update restarts at each reopening; P1 sets no target, so there is none.
    assert status.clocks[M.PERIODIC_UPDATE] == ()


def test_a_vendor_pause_pauses_resolution_but_not_next_reply(gold: sla.Plan) -> None:
    # Rule: each metric pauses only for the reasons its plan names (resolution: customer
    # and vendor here; next reply: none, the default).
    events = [
        sla.Opened(at(MON, "09:00"), 2), sla.AgentReplied(at(MON, "09:15")),
        sla.CustomerReplied(at(MON, "10:00")), sla.Paused(at(MON, "10:30"), "vendor"),
        sla.Resumed(at(MON, "13:00")), sla.AgentReplied(at(MON, "13:30")),
    ]  # fmt: skip
    status = sla.evaluate(gold, events, at(MON, "14:00"))
    (reply,) = status.clocks[M.NEXT_REPLY]
    assert (reply.state, reply.due, reply.stopped) == (S.BREACHED, at(MON, "12:00"),
                                                      at(MON, "13:30"))  # fmt: skip
    # 16 h from Mon 09:00 is Tue 16:00; + 2 h 30 min of vendor pause: Wed 09:30
    assert status.resolution is not None and status.resolution.due == at(WED, "09:30")
    assert status.resolution.reasons == ("vendor",)
    assert "wartet auf einen Lieferanten" in status.explain("de")


@pytest.mark.parametrize(
    ("opened", "due", "warn75", "warn1h"),
    [
        # Weekend and DST (Sun 25 Oct 2026, CEST -> CET): Fri 15-18 gives 3 h, Mon 5 h.
        (at("2026-10-23", "15:00"), at("2026-10-26", "14:00"), at("2026-10-26", "12:00"),
         at("2026-10-26", "13:00")),
        # Holiday: Christmas Fri 25 Dec, then the weekend: Thu 14-18 gives 4 h, Mon 4 h.
        (at("2026-12-24", "14:00"), at("2026-12-28", "13:00"), at("2026-12-28", "11:00"),
         at("2026-12-28", "12:00")),
    ],
)  # fmt: skip
def test_warnings_across_a_weekend_a_holiday_and_a_dst_change(
    gold: sla.Plan, opened: dt.datetime, due: dt.datetime, warn75: dt.datetime,
    warn1h: dt.datetime,
) -> None:  # fmt: skip
    # Rule: "75%" is reached when 6 of the 8 business hours are used; { hours = 1 } is
    # one business hour before due on the target's calendar.
    status = sla.evaluate(gold, [sla.Opened(opened, 1)], opened)
    clock = status.resolution
    assert clock is not None and clock.due == due
    assert [w for _, w in clock.warnings] == [warn75, warn1h]
    assert status.next_check == min(warn75, status.reaction.due)
    # A customer pause of one business hour before both moves both by that hour.
    later = sla.evaluate(gold, [sla.Opened(opened, 1), sla.Paused(opened),
                                sla.Resumed(opened + dt.timedelta(hours=1))], opened
                         + dt.timedelta(hours=1))  # fmt: skip
    assert later.resolution is not None
    moved = [sla.add_business_time(gold.calendar, w, dt.timedelta(hours=1)) for w in
             (warn75, warn1h)]  # fmt: skip
    assert [w for _, w in later.resolution.warnings] == moved


@pytest.mark.parametrize(
    ("events", "match"),
    [
        ([sla.Opened(at(MON, "09:00"), 1), sla.Resumed(at(MON, "10:00"))], "Resumed at"),
        ([sla.AgentReplied(at(MON, "08:00")), sla.Opened(at(MON, "09:00"), 1)],
         "AgentReplied at .* before the ticket was opened"),
        ([sla.Opened(at(MON, "09:00"), 1), sla.Opened(at(MON, "10:00"), 2)], "second opening"),
    ],
)  # fmt: skip
def test_impossible_input_names_the_event(
    gold: sla.Plan, events: list[object], match: str
) -> None:
    with pytest.raises(errors.EventError, match=match):
        sla.evaluate(gold, events, at(MON, "12:00"))


def test_plans_without_the_new_keys_keep_todays_behaviour() -> None:
    # Default pause reasons: resolution pauses for the customer only, reaction never.
    opened = dt.datetime(2026, 11, 23, 9, tzinfo=ZoneInfo("Europe/Moscow"))
    hour = dt.timedelta(hours=1)
    events = [sla.Opened(opened, 2), sla.WaitingOnCustomer(opened + hour),
              sla.Resumed(opened + 2 * hour)]  # fmt: skip
    status = sla.evaluate("premium", events, opened + 3 * hour)
    plain = sla.resolution_deadline("premium", 2, opened, pauses=[(opened + hour,
                                                                    opened + 2 * hour)])
    assert plain is not None and status.resolution is not None
    assert status.resolution.due == plain.due
    assert status.reaction.stopped == opened + hour  # the hand-over counts as the response
    vendor = sla.evaluate("premium", [sla.Opened(opened, 2), sla.Paused(opened + hour, "vendor"),
                                      sla.Resumed(opened + 2 * hour)], opened + 3 * hour)
    base = sla.resolution_deadline("premium", 2, opened)
    assert vendor.resolution is not None and base is not None
    assert vendor.resolution.due == base.due  # a vendor pause is not in the default
    assert vendor.clocks[M.NEXT_REPLY] == () and vendor.clocks[M.PERIODIC_UPDATE] == ()
