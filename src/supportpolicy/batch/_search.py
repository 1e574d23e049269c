"""``np.searchsorted`` over a fixed sorted array, faster by a bucket table.

The kernels search the same small sorted arrays (a few thousand interval starts or
cumulative sums) with millions of keys. :class:`Sorted` splits the array's range into
power-of-two buckets (about 32 per value) and records, per bucket, how many values lie
before it; a key's answer is then that count plus a comparison with each of the few
values inside its bucket (``steps``, the most any bucket holds). The result equals
``np.searchsorted(values, keys, side)`` exactly; where the values cluster so that a
bucket holds more than a few, the plain ``np.searchsorted`` is used.
"""

from __future__ import annotations

from typing import Any

from supportpolicy.batch._np import np

Array = Any

__all__ = ["Sorted"]

_PER_VALUE = 32
_MAX_BUCKETS = 1 << 20
_MAX_STEPS = 4


class Sorted:
    """A sorted int64 array with a bucket table for :meth:`search`."""

    __slots__ = ("base", "before", "padded", "shift", "steps", "values")

    def __init__(self, values: Array):
        self.values = values
        self.steps = _MAX_STEPS + 1
        if len(values) < 2:
            return
        self.base = int(values[0])
        span = int(values[-1]) - self.base
        buckets = min(_MAX_BUCKETS, _PER_VALUE * len(values))
        self.shift = max(0, (span // buckets).bit_length())
        which = (values - self.base) >> self.shift
        counts = np.bincount(which)
        self.steps = int(counts.max())
        if self.steps > _MAX_STEPS:
            return
        self.before = np.concatenate(([0], np.cumsum(counts)[:-1])).astype(np.int64)
        pad = np.full(self.steps, np.iinfo(np.int64).max, dtype=np.int64)
        self.padded = np.concatenate((values, pad))

    def search(self, keys: Array, side: str) -> Array:
        """Exactly ``np.searchsorted(self.values, keys, side=side)``."""
        if self.steps > _MAX_STEPS:
            return np.searchsorted(self.values, keys, side=side)
        bucket = np.clip((keys - self.base) >> self.shift, 0, len(self.before) - 1)
        at = self.before[bucket]
        found = at.copy()
        below = np.less if side == "left" else np.less_equal
        for step in range(self.steps):
            found += below(self.padded[at + step], keys)
        return found
