"""The batch API's chunks and progress callbacks: calls, the same results, refusals.

The kernels work a column in chunks (``batch._chunks.CHUNK``, patched small here so that
generated columns of a few rows span many chunks, and huge for the reference: every row
in one kernel call). Every public function of ``supportpolicy.batch`` takes
``progress=``, and the results must be exactly the same with it or without it, in one
chunk or many, for numpy, pandas and list columns with missing rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from fractions import Fraction
from typing import Any
from unittest import mock
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

np = pytest.importorskip("numpy")
pd = pytest.importorskip("pandas")

from supportpolicy import batch, errors, sla  # noqa: E402
from supportpolicy.batch import _chunks, frames  # noqa: E402
from supportpolicy.sla.metrics import Threshold  # noqa: E402
from supportpolicy.sla.targets import Target, Unit  # noqa: E402

CAL = sla.calendar("Europe/Moscow", "Mon-Fri 10:00-18:00", country="RU")
NEVER = sla.calendar("UTC", "Mon 09:00-10:00", closed=[])  # one hour a week
GOLD = attrs.evolve(
    sla.plan("premium"),
    warn={sla.Metric.REACTION: (Threshold(Fraction(3, 4)),
                                Threshold(before=dt.timedelta(minutes=30)))},
)  # fmt: skip
KINDS = ("numpy", "pandas", "list")

instants = st.datetimes(
    min_value=dt.datetime(1995, 1, 1), max_value=dt.datetime(2055, 1, 1),
    timezones=st.sampled_from([ZoneInfo("Europe/Moscow"), dt.UTC, ZoneInfo("Asia/Kolkata")]),
)  # fmt: skip
rows = st.lists(
    st.tuples(
        st.one_of(st.none(), instants),  # a start (None: missing)
        st.one_of(st.none(), instants),  # a second instant
        st.one_of(st.none(), st.integers(0, 20_000)),  # minutes
        st.integers(-30, 30),  # business days
        st.one_of(st.none(), st.integers(1, 4)),  # priority
    ),
    max_size=24,
)


class Calls:
    """A progress callback that records its calls."""

    def __init__(self) -> None:
        self.calls: list[tuple[int, int]] = []

    def __call__(self, done: int, total: int) -> None:
        self.calls.append((done, total))


def _instants(values: list[dt.datetime | None], kind: str) -> Any:
    if kind == "list":
        return list(values)
    utc = pd.to_datetime([None if v is None else v.astimezone(dt.UTC) for v in values],
                         utc=True)  # fmt: skip
    if kind == "pandas":
        return pd.Series(utc, index=range(100, 100 + len(values)))
    return np.asarray(utc.tz_localize(None), dtype="datetime64[us]")


def _durations(minutes: list[int | None], kind: str) -> Any:
    deltas = [None if m is None else dt.timedelta(minutes=m) for m in minutes]
    if kind == "list":
        return deltas
    array = np.array([np.timedelta64("NaT") if d is None else np.timedelta64(d, "us")
                      for d in deltas], dtype="timedelta64[us]")  # fmt: skip
    return pd.Series(array) if kind == "pandas" else array


def _counts(values: list[int | None], kind: str) -> Any:
    if kind == "list":
        return list(values)
    if kind == "pandas":
        return pd.Series(values, dtype="Int64")
    return np.array([1 if v is None else v for v in values], dtype=np.int64)


def assert_identical(got: Any, want: Any) -> None:
    """The same result, value for value, of the same kind and dtype."""
    assert type(got) is type(want)
    if isinstance(want, np.ndarray):
        assert got.dtype == want.dtype
        assert np.array_equal(got.view(np.int64) if got.dtype.kind in "mM" else got,
                              want.view(np.int64) if want.dtype.kind in "mM" else want)  # fmt: skip
    elif isinstance(want, pd.Series):
        pd.testing.assert_series_equal(got, want, check_exact=True)
    elif isinstance(want, pd.DataFrame):
        pd.testing.assert_frame_equal(got, want, check_exact=True)
    elif isinstance(want, dict):
        assert list(got) == list(want)
        for key in want:
            assert_identical(got[key], want[key])
    else:
        assert got == want and repr(got) == repr(want)


def expected_calls(groups: list[int], chunk: int, total: int) -> list[tuple[int, int]]:
    """The calls for kernel groups of these sizes, each worked in chunks."""
    calls, done = [], 0
    for size in groups:
        for lo in range(0, size, chunk):
            done += min(chunk, size - lo)
            if done < total:
                calls.append((done, total))
    return [*calls, (total, total)]


def _present(*columns: list[object]) -> list[bool]:
    return [all(c[i] is not None for c in columns) for i in range(len(columns[0]))]


@settings(max_examples=60, deadline=None)
@given(rows, st.sampled_from(KINDS), st.integers(1, 5))
def test_results_are_the_same_with_a_callback_and_the_calls_follow_the_chunks(
    table: list[tuple[Any, ...]], kind: str, chunk: int
) -> None:
    n = len(table)
    starts = [r[0] for r in table]
    others = [r[1] for r in table]
    minutes = [r[2] for r in table]
    days = [r[3] if kind == "numpy" or i % 5 else None for i, r in enumerate(table)]
    prio = [r[4] if kind != "numpy" else (r[4] or 3) for r in table]
    s, b = _instants(starts, kind), _instants(others, kind)
    d, k, p = _durations(minutes, kind), _counts(days, kind), _counts(prio, kind)
    work = _present(starts)
    cases: list[tuple[Callable[..., Any], list[int]]] = [
        (lambda **kw: batch.add_business_time(CAL, s, d, **kw),
         [sum(_present(starts, minutes))]),
        (lambda **kw: batch.business_time_between(CAL, s, b, **kw),
         [sum(_present(starts, others))]),
        (lambda **kw: batch.add_business_days(CAL, s, k, **kw), [sum(_present(starts, days))]),
        (lambda **kw: batch.is_open(CAL, s, **kw), [sum(work)]),
        (lambda **kw: batch.next_opening(CAL, s, **kw), [sum(work)]),
    ]  # fmt: skip
    by_priority = [sum(w and q == x for w, q in zip(work, prio, strict=True)) for x in (1, 2, 3, 4)]
    for call in (
        lambda **kw: batch.reaction_deadlines(GOLD, p, s, **kw),
        lambda **kw: batch.deadlines(GOLD, "reaction", p, s, **kw),
    ):
        cases.append((call, [g for g in by_priority if g]))
    with_target = [g for x, g in zip(range(4), by_priority, strict=True)
                   if g and GOLD.resolution[x] is not None]  # fmt: skip
    cases.append((lambda **kw: batch.resolution_deadlines(GOLD, p, s, **kw), with_target))
    warned = [g for g in by_priority if g] * 2
    for index, (call, groups) in enumerate(cases):
        with mock.patch.object(_chunks, "CHUNK", 10**9):  # every row in one kernel call
            want = call()
        assert_identical(call(), want)
        seen = Calls()
        with mock.patch.object(_chunks, "CHUNK", chunk):
            got = call(progress=seen)
        assert_identical(got, want)
        assert seen.calls == expected_calls(groups, chunk, n), index
    with mock.patch.object(_chunks, "CHUNK", 10**9):
        want = batch.warnings(GOLD, "reaction", p, s)
    seen = Calls()
    with mock.patch.object(_chunks, "CHUNK", chunk):
        got = batch.warnings(GOLD, "reaction", p, s, progress=seen)
    assert_identical(got, want)
    assert seen.calls == expected_calls(warned, chunk, 2 * n)


def test_the_calls_of_a_big_column_with_the_real_chunk() -> None:
    n = 2 * _chunks.CHUNK + 3
    rng = np.random.default_rng(7)
    us = np.datetime64("2026-01-01T00:00", "us").astype(np.int64) + rng.integers(0, 2**45, n)
    starts = us.view("datetime64[us]").copy()
    durations = (rng.integers(0, 600, n) * 60_000_000).view("timedelta64[us]")
    seen = Calls()
    got = batch.add_business_time(CAL, starts, durations, progress=seen)
    assert_identical(got, batch.add_business_time(CAL, starts, durations))
    assert seen.calls == [(_chunks.CHUNK, n), (2 * _chunks.CHUNK, n), (n, n)]
    assert expected_calls([n], _chunks.CHUNK, n) == seen.calls


@pytest.mark.parametrize("kind", KINDS)
def test_an_empty_column_reports_its_end_once(kind: str) -> None:
    seen = Calls()
    batch.next_opening(CAL, _instants([], kind), progress=seen)
    assert seen.calls == [(0, 0)]
    seen = Calls()
    batch.warnings(sla.plan("basic"), "reaction", 1, _instants([None], kind), progress=seen)
    assert seen.calls == [(0, 0)]  # no thresholds: no work


EVERY = {
    "add_business_time": lambda kw: batch.add_business_time(CAL, [], dt.timedelta(0), **kw),
    "business_time_between": lambda kw: batch.business_time_between(CAL, [], [], **kw),
    "add_business_days": lambda kw: batch.add_business_days(CAL, [], 1, **kw),
    "is_open": lambda kw: batch.is_open(CAL, [], **kw),
    "next_opening": lambda kw: batch.next_opening(CAL, [], **kw),
    "deadlines": lambda kw: batch.deadlines("basic", "reaction", 1, [], **kw),
    "reaction_deadlines": lambda kw: batch.reaction_deadlines("basic", 1, [], **kw),
    "resolution_deadlines": lambda kw: batch.resolution_deadlines("basic", 1, [], **kw),
    "warnings": lambda kw: batch.warnings(GOLD, "reaction", 1, [], **kw),
    "frame": lambda kw: batch.frame([], **kw),
}


def test_every_public_function_takes_progress() -> None:
    assert set(EVERY) == set(batch.__all__)


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(sorted(EVERY)),
    st.one_of(st.integers(), st.text(max_size=5), st.lists(st.integers(), max_size=2),
              st.booleans(), st.floats(allow_nan=False)),
)  # fmt: skip
def test_a_progress_that_is_not_callable_is_refused(name: str, progress: object) -> None:
    with pytest.raises(errors.InvalidTypeError, match=r"^progress must be a callable"):
        EVERY[name]({"progress": progress})


@pytest.mark.parametrize("name", sorted(EVERY))
def test_none_is_no_callback(name: str) -> None:
    EVERY[name]({"progress": None})


class Stop(Exception):
    pass


class StopWithALibraryError(errors.InvalidValueError):
    pass


@pytest.mark.parametrize("error", [Stop("enough"), StopWithALibraryError("enough")])
def test_an_exception_of_the_callback_propagates_unchanged(error: Exception) -> None:
    starts = _instants([dt.datetime(2026, 11, 20, 12, tzinfo=dt.UTC)] * 5 + [None], "pandas")
    before = starts.copy()
    calls = []

    def stop(done: int, total: int) -> None:
        calls.append(done)
        raise error

    for call in (
        lambda: batch.add_business_time(CAL, starts, dt.timedelta(hours=1), progress=stop),
        lambda: batch.reaction_deadlines("premium", 2, starts, progress=stop),
        lambda: batch.warnings(GOLD, "reaction", 1, starts, progress=stop),
    ):
        calls.clear()
        with mock.patch.object(_chunks, "CHUNK", 2), pytest.raises(type(error)) as caught:
            call()
        assert caught.value is error and calls == [2]
    pd.testing.assert_series_equal(starts, before)


def test_a_failing_row_is_named_by_its_position_with_or_without_a_callback() -> None:
    starts = _instants([None, dt.datetime(2026, 1, 5, tzinfo=dt.UTC), None,
                        dt.datetime(2399, 12, 1, tzinfo=dt.UTC)], "numpy")  # fmt: skip
    slow = attrs.evolve(sla.plan("basic"), calendar=NEVER, reaction=(
        Target(24, Unit.HOURS), Target(150, Unit.HOURS), Target(1, Unit.HOURS),
        Target(1, Unit.HOURS)))  # fmt: skip
    late, soon = dt.datetime(2399, 6, 1, tzinfo=dt.UTC), dt.datetime(2026, 1, 5, tzinfo=dt.UTC)
    opened = _instants([late if i in (0, 3) else soon for i in range(6)], "numpy")
    # Priority 2 rows are 1 and 4 (the second of that group fails); 0 and 3 are fine.
    priorities = np.array([1, 2, 1, 1, 2, 1])
    opened[4] = np.datetime64("2399-12-01T00:00", "us")
    for chunk in (1, 2, 100):
        for progress in (None, Calls()):
            with mock.patch.object(_chunks, "CHUNK", chunk):
                with pytest.raises(errors.InvalidValueError, match=r"^row 3: the business"):
                    batch.add_business_days(NEVER, starts, 200, progress=progress)
                with pytest.raises(errors.InvalidValueError, match=r"^row 4: the business"):
                    batch.reaction_deadlines(slow, priorities, opened, progress=progress)


def test_frame_reports_its_values_in_chunks() -> None:
    opened = dt.datetime(2026, 11, 20, 12, tzinfo=dt.UTC)
    values = [sla.reaction_deadline("basic", 1 + i % 4, opened) for i in range(7)]
    seen = Calls()
    with mock.patch.object(frames, "CHUNK", 3):
        got = batch.frame(values, progress=seen)
    assert seen.calls == [(3, 7), (6, 7), (7, 7)]
    pd.testing.assert_frame_equal(got, batch.frame(values), check_exact=True)
    seen = Calls()
    with mock.patch.object(frames, "CHUNK", 7):
        batch.frame(values, progress=seen)
    assert seen.calls == [(7, 7)]


@settings(max_examples=25, deadline=None)
@given(st.dictionaries(st.one_of(st.text(min_size=1, max_size=6), st.integers(0, 10**6)),
                       st.tuples(st.sampled_from(sla.plan_names()), st.integers(1, 4), instants),
                       max_size=6))  # fmt: skip
def test_frame_of_a_mapping_keeps_the_ticket_ids(
    tickets: dict[str | int, tuple[str, int, dt.datetime]],
) -> None:
    values = {key: sla.reaction_deadline(*ticket) for key, ticket in tickets.items()}
    df = batch.frame(values)
    assert df.index.name == "ticket" and df.index.tolist() == list(values)
    listed = batch.frame(list(values.values()))
    pd.testing.assert_frame_equal(df.reset_index(drop=True), listed, check_exact=True)
    for key, value in values.items():
        # Compared in UTC: == across zones is False for an instant in a DST fold.
        assert df.loc[[key], "due"].iloc[0].astimezone(dt.UTC) == value.due.astimezone(dt.UTC)


def test_frame_of_a_mapping_refuses_what_is_not_a_value() -> None:
    one = sla.reaction_deadline("basic", 1, dt.datetime(2026, 1, 5, tzinfo=dt.UTC))
    with pytest.raises(errors.InvalidTypeError, match="'T2'"):
        batch.frame({"T1": one, "T2": 3})
