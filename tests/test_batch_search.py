"""The bucket search of the kernels equals np.searchsorted exactly, on generated arrays."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

np = pytest.importorskip("numpy")

from supportpolicy.batch._search import Sorted  # noqa: E402

values = st.lists(st.integers(-(10**15), 10**16), min_size=0, max_size=400)


@settings(max_examples=200, deadline=None)
@given(values, st.lists(st.integers(-(2 * 10**16), 2 * 10**16), max_size=200), st.booleans())
def test_search_equals_searchsorted(items: list[int], keys: list[int], unique: bool) -> None:
    array = np.sort(np.array(items, dtype=np.int64))
    if unique:
        array = np.unique(array)
    probe = np.array(keys + array.tolist() + (array - 1).tolist() + (array + 1).tolist(),
                     dtype=np.int64)  # fmt: skip
    search = Sorted(array)
    for side in ("left", "right"):
        assert search.search(probe, side).tolist() == np.searchsorted(
            array, probe, side=side).tolist()


def test_clustered_values_use_the_plain_search() -> None:
    array = np.array([0] * 10 + [10**12], dtype=np.int64)
    search = Sorted(array)
    keys = np.array([-1, 0, 1, 10**12, 10**13], dtype=np.int64)
    assert search.search(keys, "right").tolist() == [0, 10, 10, 11, 11]
