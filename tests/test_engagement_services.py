"""Implementation requests, process, SOW (000); ticket meeting (001); schedule (003); CLI."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest

from supportpolicy import engagement, errors
from supportpolicy.cli import main
from supportpolicy.engagement import Phase, RequestProblem, Step

GOOD_SUBJECT = "Request for Implementation services for End Customer ACME Corp"
ISSUE, INQUIRY = "General Issues and Questions", "Implementation Issue"
LOCALES = ("en", "de", "nl", "es", "ru")

REQUESTS = [
    # (source, subject, issue type, inquiry type, expected problems)
    ("000: the prescribed subject, issue type and inquiry type", GOOD_SUBJECT, ISSUE,
     INQUIRY, ()),
    ("000: case and spacing of the portal vary", GOOD_SUBJECT.upper().replace(" ", "  "),
     ISSUE.lower(), INQUIRY, ()),
    ("000: subject without the end customer", GOOD_SUBJECT.rsplit(" ", 2)[0], ISSUE,
     INQUIRY, (RequestProblem.END_CUSTOMER,)),
    ("000: every field wrong, every problem listed", "Need a consultant", "Bug", "Other",
     (RequestProblem.SUBJECT, RequestProblem.ISSUE_TYPE, RequestProblem.INQUIRY_TYPE)),
]


@pytest.mark.parametrize("row", REQUESTS, ids=[r[0] for r in REQUESTS])
def test_request_check(row: tuple[str, str, str, str, tuple[RequestProblem, ...]]) -> None:
    _source, subject, issue, inquiry, expected = row
    check = engagement.check_request(subject, issue, inquiry)
    assert check.problems == expected
    assert check.ok == (not expected)
    for locale in LOCALES:
        assert len(check.explain(locale).splitlines()) == max(1, len(expected))


def test_request_names_the_end_customer() -> None:
    assert engagement.check_request(GOOD_SUBJECT, ISSUE, INQUIRY).end_customer == "ACME Corp"
    with pytest.raises(errors.InvalidTypeError):
        engagement.check_request(None, ISSUE, INQUIRY)  # type: ignore[arg-type]


def test_process_steps_in_order_of_000() -> None:
    sow = [s.value for s in engagement.steps("statement-of-work")]
    buy = [s.value for s in engagement.steps(engagement.Route.PURCHASE_HOURS)]
    assert sow == ["ticket-created", "assigned-to-delivery", "estimated", "sow-signed",
                   "back-office-setup", "consultant-assigned", "phases", "monthly-invoice"]
    assert buy == ["ticket-created", "assigned-to-delivery", "estimated", "hours-purchased",
                   "back-office-setup", "consultant-assigned", "phases"]
    assert {s for s in Step if s.sow_only} == {Step.SOW_SIGNED, Step.MONTHLY_INVOICE}


def test_process_walk_and_refusals() -> None:
    p = engagement.start_process()
    with pytest.raises(errors.InvalidValueError, match="allowed next"):
        p.advance("estimated", hours=3)
    p = p.advance("assigned-to-delivery")
    with pytest.raises(errors.InvalidValueError, match="needs hours"):
        p.advance("estimated")
    p = p.advance("estimated", hours="8.01")
    assert p.route is engagement.Route.STATEMENT_OF_WORK and p.estimate == Decimal("8.01")
    for step in ("sow-signed", "back-office-setup", "consultant-assigned", "phases",
                 "monthly-invoice", "phases"):
        p = p.advance(step)
    assert p.history[-3:] == (Step.PHASES, Step.MONTHLY_INVOICE, Step.PHASES)
    bought = engagement.start_process().advance("assigned-to-delivery").advance(
        "estimated", hours=8)
    for step in ("hours-purchased", "back-office-setup", "consultant-assigned", "phases"):
        bought = bought.advance(step)
    assert bought.allowed() == ()
    with pytest.raises(errors.InvalidValueError):
        bought.advance("monthly-invoice")


@pytest.mark.parametrize("locale", LOCALES)
def test_step_phase_and_label_names_are_localized(locale: str) -> None:
    names = [s.label(locale) for s in Step] + [p.label(locale) for p in Phase]
    names += [t.label(locale) for t in engagement.Travel]
    assert len(set(names)) == len(names)
    if locale != "en":
        assert Step.PHASES.label(locale) != Step.PHASES.label("en")


def test_statement_of_work() -> None:
    hours = {Phase.FINAL_REVIEW: 2, "qa-sessions": "3.5", "customization-specification": 4}
    sow = engagement.statement_of_work("9.5", hours, "fixed-amount", travel_amount="300.00")
    assert list(sow.hours) == [Phase.QA_SESSIONS, Phase.FINAL_REVIEW,
                               Phase.CUSTOMIZATION_SPECIFICATION]
    assert sow.ok and sow.travel_amount == Decimal("300.00")
    assert hours == {Phase.FINAL_REVIEW: 2, "qa-sessions": "3.5",
                     "customization-specification": 4}
    small = engagement.statement_of_work(6, {"refining": 5})
    assert [p.value for p in small.problems] == ["not-needed", "total-mismatch"]
    assert "5" in small.explain("ru") and "6" in small.explain("ru")
    with pytest.raises(errors.InvalidValueError, match="travel_amount"):
        engagement.statement_of_work(10, {"refining": 10}, "fixed-amount")
    with pytest.raises(errors.InvalidTypeError):
        engagement.statement_of_work(10, {"refining": 10}, "fixed-amount", travel_amount=1.5)
    with pytest.raises(errors.InvalidValueError):
        engagement.statement_of_work(10, {"refining": 10}, travel_amount=Decimal(5))
    with pytest.raises(errors.InvalidValueError):
        engagement.statement_of_work(10, {"unknown-phase": 10})


def test_overdue_invoices_put_assignment_at_risk() -> None:
    assert engagement.assignment_risk(3).at_risk
    assert not engagement.assignment_risk(0).at_risk
    assert "3" in engagement.assignment_risk(3).explain("ru")
    with pytest.raises(errors.InvalidValueError):
        engagement.assignment_risk(-1)


MEETINGS = [
    ("001: 30 minutes every 2 weeks has proven itself", 0, 14, 30),
    ("001: default cadence at the first threshold (project decision)", 15, 14, 30),
    ("001: more tickets, shorter period (project decision)", 16, 7, 30),
    ("001: many tickets (project decision)", 500, 3, 30),
]


@pytest.mark.parametrize("row", MEETINGS, ids=[m[0] for m in MEETINGS])
def test_ticket_meeting(row: tuple[str, int, int, int]) -> None:
    _source, tickets, days, minutes = row
    cadence = engagement.ticket_meeting(tickets)
    assert (cadence.every_days, cadence.minutes) == (days, minutes)


def test_ticket_meeting_rule_from_a_file(tmp_path: Path) -> None:
    path = tmp_path / "rule.toml"
    path.write_text('source = "mine"\n[[cadence]]\nup_to = 2\nevery_days = 30\nminutes = 15\n'
                    '[[cadence]]\nevery_days = 10\nminutes = 45\n', encoding="utf-8")
    rule = engagement.load_meeting_rule(path)
    assert engagement.ticket_meeting(1, rule).every_days == 30
    assert engagement.ticket_meeting(3, rule).minutes == 45
    path.write_text('source = "mine"\n[[cadence]]\nup_to = 2\nevery_days = 30\nminutes = 15\n',
                    encoding="utf-8")
    with pytest.raises(errors.PolicyFileError, match="last"):
        engagement.load_meeting_rule(path)
    with pytest.raises(errors.InvalidValueError):
        engagement.ticket_meeting(-1)


def test_tiers_from_a_file(tmp_path: Path) -> None:
    path = tmp_path / "tiers.toml"
    path.write_text('source = "mine"\ntimezone = "Europe/Madrid"\n[tiers.gold]\nname = '
                    '{en = "Gold", es = "Oro"}\nsessions_per_month = 8\ncadence = "weekly"\n'
                    'max_minutes = 90\nmasterclass_seats = 3\n', encoding="utf-8")
    gold = engagement.load_tiers(path).get("Gold")
    assert gold.label("es") == "Oro" and gold.sessions_per_month == 8
    assert engagement.tam_statement(gold, "2026-11", []).forfeited == 8
    assert engagement.tam_statement(gold, "2026-11", []).timezone == "Europe/Madrid"
    path.write_text('source = "x"\n[tiers.bad]\nname = "B"\nsessions_per_month = -1\n'
                    'cadence = "weekly"\nmax_minutes = 60\nmasterclass_seats = 0\n',
                    encoding="utf-8")
    with pytest.raises(errors.PolicyFileError, match="sessions_per_month"):
        engagement.load_tiers(path)


SCHEDULES = [
    # (source, tier, month, weekday, expected days)
    ("003: tier A weekly; 11 Nov (Veterans Day) moves a day", "a", "2026-11", "Wed",
     [4, 12, 18, 25]),
    ("003: tier A weekly; Thanksgiving moves to Friday", "a", "2026-11", "Thu",
     [5, 12, 19, 27]),
    ("003: tier B alternate weeks", "b", "2026-11", "Tue", [3, 17]),
    ("003: tier C once a month", "c", "2026-12", "Fri", [4]),
    ("003: CSM has no sessions to schedule", "csm", "2026-12", "Fri", []),
]


@pytest.mark.parametrize("row", SCHEDULES, ids=[r[0] for r in SCHEDULES])
def test_proposed_schedule(row: tuple[str, str, str, str, list[int]]) -> None:
    _source, tier, month, weekday, days = row
    schedule = engagement.propose_schedule(tier, month, weekday=weekday)
    assert [d.day for d in schedule.starts] == days
    for start in schedule.starts:
        assert start.hour == 10 and start.weekday() < 5
    assert "{" not in schedule.explain("de")


def test_schedule_at_year_end_skips_christmas() -> None:
    schedule = engagement.propose_schedule("a", "2026-12", weekday="Fri")
    assert dt.date(2026, 12, 25) not in [d.date() for d in schedule.starts]
    assert len(schedule.starts) == 4


def test_cli_route(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["route", "--hours", "12.5", "--json", "--locale", "es"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["route"] == "statement-of-work" and "12,5" in data["explanation"]
    assert main(["route", "--hours", "-3"]) == 2
    assert "hours" in capsys.readouterr().err


def test_cli_tam(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    csv = tmp_path / "s.csv"
    csv.write_text("at,status,minutes,review\n2026-11-03T10:00-05:00,held,60,true\n"
                   "2026-11-10T10:00-05:00,cancelled-by-tam,,\n", encoding="utf-8")
    assert main(["tam", "--tier", "b", "--month", "2026-11", "--sessions", str(csv),
                 "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["held"], data["carried_out"], data["forfeited"]) == (1, 1, 0)
    assert main(["tam", "--tier", "b", "--month", "2026-11", "--sessions", str(csv),
                 "--locale", "ru"]) == 0
    assert "Перенесено на следующий месяц: 1" in capsys.readouterr().out
    csv.write_text("at,status\nyesterday,held\n", encoding="utf-8")
    assert main(["tam", "--tier", "b", "--month", "2026-11", "--sessions", str(csv)]) == 2
    assert "line 2" in capsys.readouterr().err
    assert main(["tam", "--tier", "b", "--month", "2026-11", "--sessions",
                 str(tmp_path / "missing.csv")]) == 2
