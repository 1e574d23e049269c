"""Rows of a column worked in chunks, reported to an optional progress callback.

Every kernel call of the batch API gets at most :data:`CHUNK` rows (:func:`fill`): the
intermediate arrays of 65,536 rows stay in the processor's caches, which makes a big
column faster than one call over all of its rows (``benchmarks/bench_batch.py``), and
every kernel answers each row exactly as the scalar function does, whatever other rows
it gets, so the chunks never change a result.

Every public function of the batch API takes ``progress``, a
:data:`supportpolicy.reports.Progress` (``progress(done, total)``) or None. With one, a
:class:`Tracker` calls it after each chunk but the last (``done``: the rows worked so
far), and :func:`finished` calls ``progress(total, total)`` once, last, when the result
is ready; rows with a missing value need no work and are counted then.

A row the scalar function refuses is named by its position in the column (0-based):
:func:`row_error` marks the error a kernel raises for the i-th row of its input, and
:func:`fill` names the column's row instead.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from supportpolicy.batch._np import np
from supportpolicy.batch._tables import Array
from supportpolicy.errors import SupportPolicyError
from supportpolicy.reports.measures import Progress

__all__ = ["CHUNK", "Tracker", "fill", "finished", "row_error", "tracker"]

CHUNK = 65_536
"""Rows per kernel call (read at each call, so a test may patch it)."""

T = TypeVar("T")
_ROW = "_batch_row"
"""The attribute :func:`row_error` sets: the row of the kernel's input, and the reason."""


class Tracker:
    """The rows done of *total*, reported to a progress callback."""

    __slots__ = ("_call", "done", "total")

    def __init__(self, call: Progress, total: int) -> None:
        self._call = call
        self.done = 0
        self.total = total

    def advance(self, rows: int) -> None:
        """*rows* more rows done; reported unless that is all of them (:meth:`finish`
        reports the end)."""
        self.done += rows
        if self.done < self.total:
            self._call(self.done, self.total)

    def finish(self) -> None:
        """The work is done: ``progress(total, total)``, the one last call."""
        self.done = self.total
        self._call(self.total, self.total)


def tracker(progress: Progress | None, total: int) -> Tracker | None:
    """A :class:`Tracker` of *total* rows for the callback *progress* (already checked,
    with ``reports.measures.checked_progress``, before any work), or None without one."""
    return None if progress is None else Tracker(progress, total)


def finished(track: Tracker | None, result: T) -> T:
    """*result*, once :meth:`Tracker.finish` reported it (when there is a *track*)."""
    if track is not None:
        track.finish()
    return result


def row_error(error: SupportPolicyError, row: int) -> SupportPolicyError:
    """*error* of the scalar function for the row *row* of a kernel's input, as an
    error of the same class naming that row; :func:`fill` renames it."""
    failed = type(error)(f"row {row}: {error}")
    setattr(failed, _ROW, (row, str(error)))
    return failed


def _renamed(error: SupportPolicyError, positions: Array) -> SupportPolicyError | None:
    """*error*, marked by :func:`row_error`, naming the row of *positions* instead."""
    mark = getattr(error, _ROW, None)
    if mark is None:
        return None
    row, reason = mark
    return type(error)(f"row {int(positions[row])}: {reason}")


def fill(out: Array, rows: Array, compute: Callable[[Array], Array], track: Tracker | None) -> None:
    """``out[rows] = compute(rows)``, in chunks of :data:`CHUNK` rows, each reported to
    *track* (if any): *rows* is a boolean mask of *out*, and ``compute(positions)`` the
    results of the rows at those positions. A row's error names its position in *out*."""
    positions = np.flatnonzero(rows)
    size = CHUNK
    for lo in range(0, len(positions), size):
        part = positions[lo : lo + size]
        _put(out, part, compute)
        if track is not None:
            track.advance(len(part))


def _put(out: Array, positions: Array, compute: Callable[[Array], Array]) -> None:
    try:
        out[positions] = compute(positions)
    except SupportPolicyError as error:
        renamed = _renamed(error, positions)
        if renamed is None:
            raise
        raise renamed from None
