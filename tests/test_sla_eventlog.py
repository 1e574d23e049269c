"""The new events and the CSV event log (issue 11, items 3 and 8)."""

from __future__ import annotations

import datetime as dt
import io
import pathlib

import pytest
from hypothesis import given
from hypothesis import strategies as hs

from supportpolicy import errors, sla
from supportpolicy.sla.events import reason_label, timeline

T0 = dt.datetime(2026, 11, 23, 9, tzinfo=dt.timezone(dt.timedelta(hours=3)))
H = dt.timedelta(hours=1)


def test_waiting_on_customer_is_a_pause_for_the_customer() -> None:
    wait = sla.WaitingOnCustomer(T0)
    assert isinstance(wait, sla.Paused) and wait.reason == "customer"
    assert sla.Paused(T0).reason == "customer"
    assert sla.Paused(T0, " vendor ").reason == "vendor"


@pytest.mark.parametrize("reason", ["", "   ", "x" * 101])
def test_bad_reasons_are_refused(reason: str) -> None:
    with pytest.raises(errors.InvalidValueError, match="pause reason"):
        sla.Paused(T0, reason)
    with pytest.raises(errors.InvalidTypeError, match="pause reason"):
        sla.Paused(T0, 5)  # type: ignore[arg-type]


@given(hs.text(min_size=1, max_size=100).filter(str.strip))
def test_reason_labels_are_clipped_and_known_ones_localized(reason: str) -> None:
    assert len(reason_label(reason.strip(), "ru")) <= 40
    assert reason_label("approval", "es") == "en espera de una aprobación"


def test_new_metrics_have_localized_names() -> None:
    assert sla.Metric.NEXT_REPLY.value == "next_reply"
    assert sla.Metric.PERIODIC_UPDATE.label("de") == "regelmäßige Aktualisierung"


@given(hs.permutations(range(7)))
def test_timeline_accepts_any_order_and_never_changes_the_input(order: list[int]) -> None:
    events = [
        sla.Opened(T0, 2), sla.CustomerReplied(T0 + H), sla.AgentReplied(T0 + 2 * H),
        sla.Paused(T0 + 3 * H, "vendor"), sla.Resumed(T0 + 4 * H), sla.Resolved(T0 + 5 * H),
        sla.Reopened(T0 + 6 * H),
    ]  # fmt: skip
    shuffled = [events[i] for i in order]
    copy = list(shuffled)
    assert timeline(iter(shuffled)) == tuple(events)
    assert shuffled == copy


@pytest.mark.parametrize(
    ("events", "match"),
    [
        ([sla.Opened(T0, 1), sla.Resumed(T0 + H)], r"Resumed at .*without a pause"),
        ([sla.AgentReplied(T0 - H), sla.Opened(T0, 1)], r"AgentReplied at .*before the ticket"),
        ([sla.Opened(T0, 1), sla.Opened(T0 + H, 1)], r"Opened at .*second opening"),
        ([sla.Opened(T0, 1), sla.Reopened(T0 + H)], r"Reopened at .*not resolved"),
        ([sla.Opened(T0, 1), sla.Resolved(T0 + H), sla.CustomerReplied(T0 + 2 * H)],
         r"CustomerReplied at .*follows Resolved"),
        ([sla.Opened(T0, 1), sla.Paused(T0 + H, "vendor"), sla.Paused(T0 + 2 * H)],
         r"Paused at .*already paused"),
    ],
)  # fmt: skip
def test_impossible_timelines_name_the_event(events: list[object], match: str) -> None:
    with pytest.raises(errors.EventError, match=match):
        timeline(events)


def test_pauses_at_one_instant_alternate_from_the_state_before() -> None:
    switch = [sla.Opened(T0, 1), sla.Paused(T0 + H, "vendor"), sla.Paused(T0 + 2 * H),
              sla.Resumed(T0 + 2 * H)]  # fmt: skip
    kinds = [type(e).__name__ for e in timeline(switch)]
    assert kinds == ["Opened", "Paused", "Resumed", "Paused"]


LOG = (
    "\ufeffticket,at,event,priority,reason,due\r\n"
    "T1, 2026-11-23T09:00+03:00, opened, 2\r\n"
    "T2,2026-11-23T10:00+03:00,Opened,P1\r\n"
    "\r\n"
    "T1, 2026-11-23T10:00+03:00, paused, , vendor\r\n"
    "T1, 2026-11-23T11:00+03:00, resumed\r\n"
    "T1, 2026-11-23T12:00+03:00, agreed-deadline, , , 2026-11-30T12:00+03:00\r\n"
)


def test_read_events_from_a_path_and_from_files(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "events.csv"
    path.write_bytes(LOG.encode("utf-8"))
    for source in (path, str(path), io.BytesIO(LOG.encode("utf-8")), io.StringIO(LOG)):
        found = sla.read_events(source)
        assert list(found) == ["T1", "T2"]
        assert [type(e).__name__ for e in found["T1"]] == [
            "Opened", "Paused", "Resumed", "AgreedDeadline"
        ]  # fmt: skip
        assert found["T1"][1] == sla.Paused(T0 + H, "vendor")
        assert found["T2"][0].priority == 1  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("line", "match"),
    [
        ("T1, 2026-11-23T09:00, opened, 2", "naive"),
        ("T1, yesterday, opened, 2", "ISO 8601"),
        ("T1, 2026-11-23T09:00+03:00, closed", "not a kind"),
        ("T1, 2026-11-23T09:00+03:00, opened, 9", "priority"),
        ("T1, 2026-11-23T09:00+03:00", "cells"),
        (", 2026-11-23T09:00+03:00, opened, 1", "ticket id"),
    ],
)
def test_a_bad_line_is_reported_by_its_number(line: str, match: str) -> None:
    text = "ticket,at,event\nT0, 2026-11-23T09:00+03:00, opened, 1\n" + line + "\n"
    with pytest.raises(errors.InvalidValueError, match=f"line 3: .*{match}"):
        sla.read_events(io.StringIO(text))


def test_non_regular_and_huge_files_are_refused(tmp_path: pathlib.Path) -> None:
    huge = tmp_path / "huge.csv"
    with huge.open("wb") as handle:
        handle.truncate(5 * 1024 * 1024)
    for path in (huge, tmp_path, tmp_path / "missing.csv"):
        with pytest.raises(errors.PolicyFileError, match=str(path)[:20]):
            sla.read_events(path)
    with pytest.raises(errors.InvalidTypeError):
        sla.read_events(5)
