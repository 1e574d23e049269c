"""A clock's explanation names each pause by its own reason (issue 11, "pause reasons").

``Clock.explain()`` used to call every pause "waiting on the customer". Here timelines
with pauses for generated reasons, and reopenings, are explained in every locale, and
each pause line must carry that pause's localized reason in the order of the pauses.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from supportpolicy import sla
from supportpolicy.errors import InvalidValueError, SupportPolicyError
from supportpolicy.i18n import LOCALES
from supportpolicy.sla.events import RESOLVED_GAP, reason_label

MOSCOW = ZoneInfo("Europe/Moscow")
OPENED = dt.datetime(2026, 11, 23, 9, 0, tzinfo=MOSCOW)
REASONS = st.one_of(
    st.sampled_from(["customer", "vendor", "approval"]),
    st.text(st.characters(categories=["L", "N"]), min_size=1, max_size=12).filter(
        lambda text: text != RESOLVED_GAP
    ),
)
PLAN = attrs.evolve(sla.plan("premium"), pause_on={sla.Metric.RESOLUTION: frozenset({"*"})})


@st.composite
def timelines(draw: st.DrawFn) -> tuple[list[object], list[str], dt.datetime]:
    """An opening, a reply, then pauses (each with a reason) and at most two reopenings."""
    minutes = draw(st.lists(st.integers(1, 600), min_size=2, max_size=12))
    at = OPENED
    events: list[object] = [sla.Opened(at, 2)]
    at += dt.timedelta(minutes=5)
    events.append(sla.Responded(at))
    reasons: list[str] = []
    reopenings = 0
    for gap, resume in zip(minutes[::2], minutes[1::2], strict=False):
        at += dt.timedelta(minutes=gap)
        if reopenings < 2 and draw(st.booleans()):
            events.append(sla.Resolved(at))
            at += dt.timedelta(minutes=resume)
            events.append(sla.Reopened(at))
            reasons.append(RESOLVED_GAP)
            reopenings += 1
            continue
        reason = draw(REASONS)
        events.append(sla.Paused(at, reason))
        at += dt.timedelta(minutes=resume)
        events.append(sla.Resumed(at))
        reasons.append(reason)
    return events, reasons, at + dt.timedelta(minutes=1)


@settings(max_examples=60, deadline=None)
@given(timelines(), st.sampled_from(LOCALES))
def test_each_pause_line_names_its_own_reason(
    case: tuple[list[object], list[str], dt.datetime], locale: str
) -> None:
    events, reasons, now = case
    clock = sla.evaluate(PLAN, events, now).resolution
    assert clock is not None
    assert list(clock.deadline.reasons) == reasons
    # The account ends with one line per pause, then the due instant.
    pause_lines = clock.explain(locale).splitlines()[-1 - len(reasons) : -1]
    for line, reason in zip(pause_lines, reasons, strict=True):
        if reason not in (RESOLVED_GAP, "customer"):
            assert f"({reason_label(reason, locale)})" in line
    english = clock.explain("en").splitlines()
    assert sum(line.endswith("this time is not counted.") for line in english) == len(reasons)
    english = english[-1 - len(reasons) : -1]
    for line, reason in zip(english, reasons, strict=True):
        expected = {"customer": "Waiting on the customer", RESOLVED_GAP: "then reopened"}
        assert expected.get(reason, f"({reason_label(reason, 'en')})") in line


def test_a_deadline_of_resolution_deadline_still_waits_on_the_customer() -> None:
    pause = (OPENED + dt.timedelta(hours=1), OPENED + dt.timedelta(hours=2))
    deadline = sla.resolution_deadline("premium", 2, OPENED, pauses=[pause])
    assert deadline is not None and deadline.reasons == ()
    assert "Waiting on the customer from" in deadline.explain("en")


@given(st.integers(0, 4), st.integers(1, 4))
def test_reasons_must_match_the_pauses(pauses: int, reasons: int) -> None:
    deadline = sla.resolution_deadline("premium", 2, OPENED)
    assert deadline is not None
    spans = tuple(
        (OPENED + dt.timedelta(hours=2 * i), OPENED + dt.timedelta(hours=2 * i + 1))
        for i in range(pauses)
    )
    make = lambda: attrs.evolve(deadline, pauses=spans, reasons=("vendor",) * reasons)  # noqa: E731
    if pauses == reasons:
        assert make().reasons == ("vendor",) * reasons
        return
    with pytest.raises(InvalidValueError, match="one reason per pause") as caught:
        make()
    assert isinstance(caught.value, SupportPolicyError) and isinstance(caught.value, ValueError)


@given(
    st.one_of(
        st.sampled_from(["", " ", "\t"]).map(lambda space: space + RESOLVED_GAP + space),
        st.tuples(st.text(min_size=1, max_size=5), st.characters(categories=["Cc"]),
                  st.text(max_size=5)).map("".join).filter(
            lambda t: any(unicodedata.category(c) == "Cc" for c in t.strip())),
        st.just(""), st.just("   "), st.text(min_size=101, max_size=140).filter(
            lambda t: len(t.strip()) > 100),
    )
)  # fmt: skip
def test_a_pause_reason_is_checked_in_one_place(reason: str) -> None:
    # Reserved, empty, too long or with a control character (a line break would split
    # the explanation): refused by the event and by a deadline's reasons alike.
    with pytest.raises(InvalidValueError, match="accepted"):
        sla.Paused(OPENED, reason)
    deadline = sla.resolution_deadline("premium", 2, OPENED)
    assert deadline is not None
    pause = ((OPENED + dt.timedelta(hours=1), OPENED + dt.timedelta(hours=2)),)
    if reason.strip() == RESOLVED_GAP:
        assert attrs.evolve(deadline, pauses=pause, reasons=(RESOLVED_GAP,)).reasons
        return
    with pytest.raises(InvalidValueError, match="accepted"):
        attrs.evolve(deadline, pauses=pause, reasons=(reason,))


@given(st.one_of(st.integers(), st.none(), st.floats(), st.binary(max_size=3)))
def test_a_deadline_reason_that_is_not_a_text_is_refused(reason: object) -> None:
    deadline = sla.resolution_deadline("premium", 2, OPENED)
    assert deadline is not None
    pause = ((OPENED + dt.timedelta(hours=1), OPENED + dt.timedelta(hours=2)),)
    with pytest.raises(SupportPolicyError, match=r"reasons\[0\] must be a str"):
        attrs.evolve(deadline, pauses=pause, reasons=(reason,))
