"""The progress bar (cli._progress.Bar): drawn on a terminal for more than 10,000 items,
silent when piped or with --quiet; and `supportpolicy report` uses it."""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from supportpolicy.cli import _progress, main
from supportpolicy.cli._progress import THRESHOLD, Bar


class FakeTTY(io.StringIO):
    """A text stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def drive(bar: Bar, total: int, step: int) -> None:
    for done in range(0, total + 1, step):
        bar(done, total)
    bar(total, total)


@given(st.integers(THRESHOLD + 1, 10 * THRESHOLD), st.integers(1, 5000))
def test_a_terminal_gets_a_bar_that_ends_its_line(total: int, step: int) -> None:
    stream = FakeTTY()
    bar = Bar(stream)
    drive(bar, total, step)
    text = stream.getvalue()
    frames = text.split("\r")[1:]
    assert bar.shown and text.endswith(f"100% {total}/{total}\n")
    assert len(frames) <= 102  # at most one redraw per whole percent, plus the last
    percents = [int(frame.split("]")[1].split("%")[0]) for frame in frames]
    assert percents == sorted(percents)
    bars = [frame[1:frame.index("]")] for frame in frames]
    assert all(len(b) == _progress.WIDTH and set(b) <= {"#", "-"} for b in bars)
    assert bars[-1] == "#" * _progress.WIDTH


@given(st.integers(0, THRESHOLD))
def test_small_work_draws_nothing(total: int) -> None:
    stream = FakeTTY()
    drive(Bar(stream), total, max(total // 7, 1))
    assert stream.getvalue() == ""


@pytest.mark.parametrize("stream", [io.StringIO(), FakeTTY()])
def test_piped_or_quiet_draws_nothing(stream: io.StringIO) -> None:
    bar = Bar(stream, quiet=isinstance(stream, FakeTTY))
    drive(bar, 3 * THRESHOLD, 999)
    assert stream.getvalue() == "" and not bar.shown


def test_a_closed_stream_is_ignored() -> None:
    stream = FakeTTY()
    stream.close()
    Bar(stream)(THRESHOLD + 1, THRESHOLD + 1)  # no exception


@pytest.fixture(scope="module")
def big_log(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("log") / "events.csv"
    start = dt.datetime(2026, 11, 2, 9, tzinfo=dt.UTC)
    rows = ["ticket,at,event,priority"]
    for i in range(THRESHOLD + 1):
        rows.append(f"T{i},{(start + dt.timedelta(minutes=i)).isoformat()},opened,{i % 4 + 1}")
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("quiet", [False, True])
def test_report_over_a_big_log_shows_the_bar_on_a_terminal_only(
    big_log: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, quiet: bool
) -> None:
    err = FakeTTY()
    monkeypatch.setattr(sys, "stderr", err)
    argv = ["report", "--plan", "basic", "--events", str(big_log), "--html",
            str(tmp_path / "r.html"), "--now", "2026-12-01T00:00Z"]  # fmt: skip
    assert main([*argv, "--quiet"] if quiet else argv) == 0
    text = err.getvalue()
    if quiet:
        assert text == ""
    else:
        assert text.endswith(f"100% {THRESHOLD + 1}/{THRESHOLD + 1}\n")
        assert "\r[" in text
    assert _progress.WIDTH == 30


def test_status_over_a_big_log_shows_the_bar_on_a_terminal(
    big_log: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    err = FakeTTY()
    monkeypatch.setattr(sys, "stderr", err)
    argv = ["status", "--plan", "basic", "--events", str(big_log), "--now", "2026-12-01T00:00Z",
            "--json"]  # fmt: skip
    assert main(argv) == 0
    assert err.getvalue().endswith(f"100% {THRESHOLD + 1}/{THRESHOLD + 1}\n")
    capsys.readouterr()
    err.seek(0)
    err.truncate()
    assert main([*argv, "--quiet"]) == 0
    assert err.getvalue() == ""
