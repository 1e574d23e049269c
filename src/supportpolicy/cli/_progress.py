"""The progress bar of long commands (``status``, ``report``) on stderr.

A :class:`Bar` is a progress callback (``Callable[[int, int], None]``, called as
``bar(done, total)``: the protocol of :data:`supportpolicy.reports.Progress`, which the
batch API takes too). It draws only when its stream is a terminal, the work has more
than :data:`THRESHOLD` items and the user did not ask for ``--quiet``; piped or
redirected, it writes nothing. It redraws at most once per whole percent, on one line
(carriage return), and ends that line when the work is done.
"""

from __future__ import annotations

import contextlib
from typing import TextIO

__all__ = ["THRESHOLD", "WIDTH", "Bar"]

THRESHOLD = 10_000
"""More items than this, and a terminal shows a bar."""
WIDTH = 30


class Bar:
    """``Bar(stream, quiet=False)(done, total)``: draws ``[#####-----]  50% 5000/10000``.

    >>> import io
    >>> bar = Bar(io.StringIO())  # not a terminal: silent
    >>> bar(20_000, 20_000); bar.shown
    False
    """

    __slots__ = ("_last", "_stream", "quiet", "shown")

    def __init__(self, stream: TextIO, *, quiet: bool = False) -> None:
        self._stream = stream
        self.quiet = quiet
        self.shown = False
        self._last = -1

    def _active(self, total: int) -> bool:
        if self.quiet or total <= THRESHOLD:
            return False
        isatty = getattr(self._stream, "isatty", None)
        try:
            return bool(isatty()) if isatty is not None else False
        except (OSError, ValueError):
            return False

    def __call__(self, done: int, total: int) -> None:
        if not self._active(total):
            return
        done = min(max(done, 0), total)
        percent = done * 100 // total
        if percent == self._last and done != total:
            return
        self._last = percent
        filled = done * WIDTH // total
        line = f"\r[{'#' * filled}{'-' * (WIDTH - filled)}] {percent:3d}% {done}/{total}"
        with contextlib.suppress(OSError, ValueError):
            self._stream.write(line + ("\n" if done == total else ""))
            self._stream.flush()
            self.shown = True
