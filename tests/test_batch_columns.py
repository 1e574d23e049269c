"""The batch API's columns: kinds in and out, NaT, refusals, numpy integers, pickling."""

from __future__ import annotations

import datetime as dt
import pickle
import subprocess
import sys
from zoneinfo import ZoneInfo

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

np = pytest.importorskip("numpy")
pd = pytest.importorskip("pandas")

from supportpolicy import batch, engagement, errors, sla  # noqa: E402
from supportpolicy.sla import _shared  # noqa: E402

MSK = ZoneInfo("Europe/Moscow")
CAL = sla.calendar("Europe/Moscow", "Mon-Fri 10:00-18:00", country="RU")
HOUR = dt.timedelta(hours=1)

instants = st.datetimes(
    min_value=dt.datetime(1995, 1, 1), max_value=dt.datetime(2055, 1, 1),
    timezones=st.sampled_from([MSK, dt.UTC, ZoneInfo("America/Santiago")]),
)  # fmt: skip
columns = st.lists(st.one_of(st.none(), instants), min_size=0, max_size=30)


@settings(max_examples=40, deadline=None)
@example([dt.datetime(2008, 10, 26, 2, 0, tzinfo=MSK)], 0)  # a fold: compared in UTC
@given(columns, st.integers(0, 10_000))
def test_each_kind_gives_the_same_results(values: list[dt.datetime | None], minutes: int) -> None:
    d = dt.timedelta(minutes=minutes)
    want = [None if v is None else sla.add_business_time(CAL, v, d) for v in values]
    got_list = batch.add_business_time(CAL, values, d)
    # Compared in UTC: == across zones is False for an instant in a DST fold.
    want_utc = [None if w is None else w.astimezone(dt.UTC) for w in want]
    assert [None if g is None else g.astimezone(dt.UTC) for g in got_list] == want_utc
    assert all(g is None or g.tzinfo == MSK for g in got_list)
    series = pd.Series(pd.to_datetime(values, utc=True), index=range(10, 10 + len(values)),
                       dtype="datetime64[us, UTC]")  # fmt: skip
    got_series = batch.add_business_time(CAL, series, d)
    assert str(got_series.dtype) == "datetime64[us, Europe/Moscow]"
    assert list(got_series.index) == list(series.index)
    assert [
        None if pd.isna(g) else g.to_pydatetime().astimezone(dt.UTC) for g in got_series
    ] == want_utc
    stamps = series.dt.tz_convert(None).to_numpy()
    got_numpy = batch.add_business_time(CAL, stamps, d)
    assert got_numpy.dtype == np.dtype("datetime64[us]")
    assert [None if np.isnat(g) else g.item().replace(tzinfo=dt.UTC) for g in got_numpy] == want_utc
    got_index = batch.add_business_time(CAL, pd.DatetimeIndex(series), d)
    assert isinstance(got_index, pd.Series)


def test_results_of_every_function_keep_the_kind() -> None:
    t = pd.Series(pd.to_datetime(["2026-11-20 14:00", None, "2026-11-21 09:00"], utc=True))
    assert batch.is_open(CAL, t).tolist() == [True, pd.NA, False]
    assert str(batch.is_open(CAL, t).dtype) == "boolean"
    assert batch.next_opening(CAL, t).iloc[2] == pd.Timestamp("2026-11-23 10:00", tz=MSK)
    between = batch.business_time_between(CAL, t, t + pd.Timedelta(days=3))
    assert str(between.dtype) == "timedelta64[us]"
    assert between.iloc[0] == sla.business_time_between(
        CAL, t[0].to_pydatetime(), (t[0] + pd.Timedelta(days=3)).to_pydatetime()
    )
    assert pd.isna(between.iloc[1])
    days = batch.add_business_days(CAL, t, pd.Series([1, -2, pd.NA], dtype="Int64"))
    assert days.iloc[0] == sla.add_business_days(CAL, t[0].to_pydatetime(), 1)
    assert pd.isna(days.iloc[1]) and pd.isna(days.iloc[2])
    lists = batch.business_time_between(CAL, [t[0].to_pydatetime()], [None])
    assert lists == [None]


def test_numpy_integers_on_the_batch_and_scalar_paths() -> None:
    opened = dt.datetime(2026, 11, 20, 17, 0, tzinfo=MSK)
    for p in (np.int64(2), np.int32(2), np.uint8(2)):
        assert (
            sla.reaction_deadline("basic", p, opened).due
            == sla.reaction_deadline("basic", 2, opened).due
        )
        assert sla.add_business_days(CAL, opened, np.int16(3)) == sla.add_business_days(
            CAL, opened, 3
        )
        got = batch.reaction_deadlines("basic", p, [opened])
        assert got == [sla.reaction_deadline("basic", 2, opened).due]
        assert batch.add_business_days(CAL, [opened], p) == [sla.add_business_days(CAL, opened, 2)]
    assert engagement.tam_statement("a", "2026-11", [], carried_in=np.int64(1)).carried_in == 1
    session = engagement.Session(opened, minutes=np.int32(90))
    assert session.minutes == 90
    assert engagement.route(np.int64(30)) == engagement.route(30)
    column = np.array([1, 2, 3, 4], dtype=np.int16)
    stamps = np.array([opened.astimezone(dt.UTC).replace(tzinfo=None)] * 4, dtype="datetime64[us]")
    got = batch.reaction_deadlines("premium", column, stamps)
    want = [sla.reaction_deadline("premium", int(p), opened).due for p in column]
    assert got.tolist() == [w.astimezone(dt.UTC).replace(tzinfo=None) for w in want]
    with pytest.raises(errors.SupportPolicyError):
        sla.reaction_deadline("basic", np.bool_(True), opened)
    with pytest.raises(errors.InvalidTypeError):
        batch.reaction_deadlines("basic", np.array([True]), stamps[:1])


def _utc(*texts: str) -> np.ndarray:
    return np.array(texts, dtype="datetime64[us]")


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (
            lambda: batch.is_open(CAL, pd.Series(pd.to_datetime(["2026-01-05"]))),
            errors.NaiveDatetimeError,
        ),
        (lambda: batch.is_open(CAL, [dt.datetime(2026, 1, 5)]), errors.NaiveDatetimeError),
        (lambda: batch.is_open(CAL, np.array([1, 2])), errors.InvalidTypeError),
        (lambda: batch.is_open(CAL, "2026-01-05"), errors.InvalidTypeError),
        (
            lambda: batch.business_time_between(CAL, _utc("2026-01-05"), [None]),
            errors.InvalidTypeError,
        ),
        (
            lambda: batch.business_time_between(CAL, _utc("2026-01-05"), _utc("2026-01-05", "NaT")),
            errors.InvalidValueError,
        ),
        (lambda: batch.is_open(CAL, _utc("1800-01-05")), errors.InvalidValueError),
        (lambda: batch.is_open(CAL, _utc("2400-06-05")), errors.InvalidValueError),
        (
            lambda: batch.is_open(
                CAL, np.array(["2026-01-05T00:00:00.000000001"], dtype="datetime64[ns]")
            ),
            errors.InvalidValueError,
        ),
        (lambda: batch.add_business_time(CAL, _utc("2026-01-05"), -HOUR), errors.InvalidValueError),
        (
            lambda: batch.add_business_time(
                CAL, _utc("2026-01-05"), np.array([-1], dtype="timedelta64[m]")
            ),
            errors.InvalidValueError,
        ),
        (lambda: batch.add_business_time(CAL, _utc("2026-01-05"), [HOUR]), errors.InvalidTypeError),
        (lambda: batch.add_business_time(CAL, _utc("2026-01-05"), 3), errors.InvalidTypeError),
        (
            lambda: batch.add_business_days(CAL, _utc("2026-01-05"), np.array([1.5])),
            errors.InvalidTypeError,
        ),
        (lambda: batch.add_business_days(CAL, _utc("2026-01-05"), True), errors.InvalidTypeError),
        (lambda: batch.add_business_days(CAL, _utc("2026-01-05"), 10**9), errors.InvalidValueError),
        (
            lambda: batch.reaction_deadlines("basic", np.array([5]), _utc("2026-01-05")),
            errors.InvalidValueError,
        ),
        (lambda: batch.reaction_deadlines("nope", 1, _utc("2026-01-05")), errors.UnknownNameError),
        (lambda: batch.add_business_time("cal", _utc("2026-01-05"), HOUR), errors.InvalidTypeError),
        (
            lambda: batch.deadlines("basic", "lunch", 1, _utc("2026-01-05")),
            errors.InvalidValueError,
        ),
        (lambda: batch.frame([1]), errors.InvalidTypeError),
    ],
)
def test_bad_columns_get_a_library_error(call: object, error: type[Exception]) -> None:
    with pytest.raises(error) as caught:
        call()  # type: ignore[operator]
    assert isinstance(caught.value, errors.SupportPolicyError)


def test_coarse_and_fine_units_are_read_exactly() -> None:
    day = np.array(["2026-11-20", "NaT"], dtype="datetime64[D]")
    for unit in ("D", "h", "m", "s", "ms", "us", "ns"):
        got = batch.add_business_time(
            CAL,
            day.astype(f"datetime64[{unit}]"),
            np.array([90, 1], dtype="timedelta64[m]").astype(
                f"timedelta64[{unit if unit not in 'Dh' else 'm'}]"
            ),
        )
        assert got.tolist() == [dt.datetime(2026, 11, 20, 8, 30), None]
    with pytest.raises(errors.InvalidValueError, match="unit"):
        batch.is_open(CAL, np.array(["2026"], dtype="datetime64[Y]"))


def test_a_row_the_scalar_refuses_is_named() -> None:
    never = sla.calendar("UTC", "Mon 09:00-10:00", closed=[])
    with pytest.raises(errors.InvalidValueError, match="row 1"):
        batch.add_business_days(never, _utc("2026-01-05", "2399-12-01"), 200)


def test_inputs_are_not_changed() -> None:
    starts = _utc("2026-11-20T14:00", "NaT")
    series = pd.Series(pd.to_datetime(["2026-11-20 14:00", None], utc=True))
    before = starts.copy(), series.copy()
    batch.add_business_time(CAL, starts, HOUR)
    batch.add_business_time(CAL, series, HOUR)
    assert (starts.view("int64") == before[0].view("int64")).all()
    pd.testing.assert_series_equal(series, before[1])


def test_calendars_and_plans_pickle_small_and_rebuild_their_index_lazily() -> None:
    batch.add_business_time(CAL, _utc("2026-11-20T14:00"), HOUR)  # builds some years
    assert CAL.index._segments
    data = pickle.dumps(CAL)
    assert len(data) < 1_000  # the fields only (about 400 bytes), never the index
    with _shared._LOCK:  # as on a worker: no live equal calendar shares its index
        _shared._INDEXES.clear()
    again = pickle.loads(data)
    assert again == CAL and not again.index._segments
    assert all(len(pickle.dumps(sla.plan(name))) < 2_000 for name in sla.plan_names())
    plan = pickle.loads(pickle.dumps(sla.plan("premium")))
    assert not plan.calendar.index._segments
    assert batch.reaction_deadlines(plan, [1], [dt.datetime(2026, 11, 20, 17, tzinfo=MSK)]) == [
        sla.reaction_deadline("premium", 1, dt.datetime(2026, 11, 20, 17, tzinfo=MSK)).due
    ]


def test_the_core_library_does_not_import_numpy_or_pandas() -> None:
    code = (
        "import sys, supportpolicy, supportpolicy.sla, supportpolicy.coverage;"
        "print('numpy' in sys.modules, 'pandas' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_without_numpy_the_batch_api_names_the_extra() -> None:
    code = (
        "import sys; sys.modules['numpy'] = None\n"
        "from supportpolicy.errors import MissingExtraError\n"
        "try:\n    import supportpolicy.batch\nexcept MissingExtraError as e:\n    print(e)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert 'pip install "supportpolicy[frames]"' in out.stdout


def test_the_array_cache_is_bounded_and_shared_by_threads() -> None:
    from concurrent.futures import ThreadPoolExecutor

    from supportpolicy.batch import _tables

    rng = np.random.default_rng(3)
    starts = (np.datetime64("2020-01-01", "us").astype(np.int64)
              + rng.integers(0, 10**15, 5_000)).view("datetime64[us]")  # fmt: skip
    cals = [sla.calendar("Europe/Berlin", f"Mon-Fri {h:02d}:00-18:00") for h in range(6, 12)]
    want = [batch.add_business_time(cal, starts, HOUR) for cal in cals]
    with ThreadPoolExecutor(4) as pool:
        got = list(pool.map(lambda c: batch.add_business_time(c, starts, HOUR), cals * 4))
    assert all((g == want[i % len(cals)]).all() for i, g in enumerate(got))
    for h in range(40):
        batch.is_open(sla.calendar("UTC", f"Mon-Fri 00:{h:02d}-18:00"), starts[:3])
    assert len(_tables._CACHE) <= _tables._INDEXES
