"""Equal calendars share one year index, and an index keeps a bounded number of years."""

from __future__ import annotations

import datetime as dt
import gc
import tracemalloc
import weakref

from hypothesis import given, settings
from hypothesis import strategies as st

from supportpolicy import sla
from supportpolicy.sla import _years

MOSCOW = ("Europe/Moscow", "Mon-Fri 10:00-18:00")


def test_equal_calendars_built_apart_share_one_index() -> None:
    a = sla.calendar(*MOSCOW, country="RU")
    b = sla.calendar(*MOSCOW, country="RU")
    assert a == b and a is not b
    assert a.index is b.index
    assert sla.calendar(*MOSCOW).index is not a.index
    assert (a | b).index is (b | a).index  # equal unions too


def test_a_dropped_calendar_frees_its_index_without_the_cyclic_collector() -> None:
    gc.collect()
    gc.disable()
    try:
        a = sla.calendar("Asia/Tokyo", "Mon-Fri 09:00-17:30", closed=[dt.date(2031, 5, 5)])
        b = sla.calendar("Asia/Tokyo", "Mon-Fri 09:00-17:30", closed=[dt.date(2031, 5, 5)])
        sla.add_business_time(a, dt.datetime(2031, 5, 2, tzinfo=dt.UTC), dt.timedelta(hours=9))
        index = weakref.ref(a.index)
        del a
        assert index() is not None  # b still holds it
        del b
        assert index() is None
    finally:
        gc.enable()


@settings(max_examples=25, deadline=None)
@given(st.lists(st.integers(1950, 2300), min_size=1, max_size=90))
def test_an_index_keeps_at_most_the_bound_and_rebuilt_years_agree(years: list[int]) -> None:
    cal = sla.calendar("America/New_York", "Mon-Fri 08:00-16:00", closed=[dt.date(1999, 1, 4)])
    fresh = sla.calendar("America/New_York", "Mon-Fri 08:00-16:00", closed=[dt.date(1999, 1, 5)])
    for year in years:
        start = dt.datetime(year, 3, 7, 12, tzinfo=dt.UTC)
        got = sla.add_business_time(cal, start, dt.timedelta(hours=30))
        assert cal.index.years_kept <= _years.MAX_YEARS_KEPT
        again = sla.add_business_time(cal, start, dt.timedelta(hours=30))
        assert got == again
        assert got == sla.add_business_time(fresh, start, dt.timedelta(hours=30))


def test_the_least_recently_used_year_is_dropped_first() -> None:
    cal = sla.calendar("Europe/Lisbon", "Mon-Sat 07:00-13:00")
    for year in range(2000, 2000 + _years.MAX_YEARS_KEPT):
        cal.index.year(year)
    cal.index.year(2000)  # used again: now the most recent
    extra = 2000 + _years.MAX_YEARS_KEPT
    cal.index.year(extra)  # one more: drops 2001, the least recently used
    kept = set(cal.index._segments)
    assert 2000 in kept and 2001 not in kept and extra in kept
    assert len(kept) == _years.MAX_YEARS_KEPT


def test_bytes_per_interval_of_a_year_is_measured_and_bounded() -> None:
    cal = sla.calendar("Europe/Moscow", "Mon-Fri 10:00-18:00", country="RU",
                       closed=[dt.date(2033, 1, 3)])  # fmt: skip
    cal.index.year(2032)  # holidays data and zone caches warm
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        segment = cal.index.year(2033)
        used = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    per_interval = used / len(segment.starts)
    print(f"one year: {used} bytes, {len(segment.starts)} intervals, "
          f"{per_interval:.0f} bytes per interval")  # fmt: skip
    assert 200 < len(segment.starts) < 300
    assert per_interval < 1000
    assert used * _years.MAX_YEARS_KEPT < 16 * 2**20  # the documented 9 MiB, with room
