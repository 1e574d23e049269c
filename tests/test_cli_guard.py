"""The CLI's one output guard: no traceback from any input, one line and exit 2 on bad input.

Generated bad inputs of each kind (instants at the ends of the range, naive and
date-only values, huge and malformed numbers, unknown names, binary, non-UTF-8, huge and
non-regular files) drive every subcommand in-process through ``main(argv)``; a handful
of real subprocesses check what only a process shows: a closed pipe, an ASCII-only
stdout, the exit status of the console script.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
import pathlib
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from supportpolicy import cli
from supportpolicy.cli import main
from supportpolicy.errors import InvalidValueError

BOUNDED = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
OK, INTERNAL, BAD = 0, 1, 2
OPENED = "--opened=2026-11-21T23:30+03:00"


def run(argv: list[str]) -> tuple[int, str, str]:
    """``main(argv)`` with captured stdout and stderr."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


def refused(argv: list[str]) -> str:
    """Run *argv*, assert a one-line refusal with exit 2 and no traceback; return it."""
    code, _, err = run(argv)
    assert "Traceback" not in err
    assert code == BAD, (argv, code, err)
    assert err.count("\n") == 1 and err.startswith("supportpolicy"), err
    assert "error: " in err
    return err


def survives(argv: list[str]) -> tuple[int, str]:
    """Run *argv*: whatever the input, no traceback and at most one line on stderr.

    For inputs the library itself must refuse (its guards are another part of the work),
    exit 1 ("internal error", one line) is tolerated here; the CLI's own inputs use
    :func:`refused`.
    """
    code, _, err = run(argv)
    assert "Traceback" not in err
    assert code in (OK, INTERNAL, BAD), (argv, code, err)
    if code:
        assert err.count("\n") == 1, err
    return code, err


# Instants of every shape: aware at the ends of datetime's range, naive, date only, garbage.
far_instants = st.builds(
    lambda year, offset: f"{year:04d}-{'01-01T00:30' if year < 5000 else '12-31T23:30'}{offset}",
    st.sampled_from([1, 2, 1899, 2400, 9998, 9999]),
    st.sampled_from(["+03:00", "-03:00", "+14:00", "-12:00", "Z"]),
)
naive_instants = st.datetimes(
    min_value=dt.datetime(1, 1, 1), max_value=dt.datetime(9999, 12, 31)
).map(lambda d: d.isoformat(timespec="minutes"))
date_only = st.dates().map(lambda d: d.isoformat())
garbage = st.text(max_size=40)
huge_numbers = st.sampled_from(["1e400", "-1e400", "9" * 5000, "nan", "inf", "1e-400", "0x10"])


@BOUNDED
@given(st.one_of(far_instants, naive_instants, date_only))
def test_deadline_refuses_out_of_range_naive_and_date_only_instants(opened: str) -> None:
    err = refused(["deadline", "--plan", "basic", "--priority", "1", f"--opened={opened}"])
    assert "ZoneInfo" not in err  # the CLI speaks ISO strings, not Python code
    assert "2026-11-21T23:30+03:00" in err or "supported range" in err


@BOUNDED
@given(garbage)
def test_deadline_refuses_garbage_instants(opened: str) -> None:
    code, _ = survives(["deadline", "--plan", "basic", "--priority", "1", f"--opened={opened}"])
    assert code in (OK, BAD)


@BOUNDED
@given(st.one_of(huge_numbers, garbage), st.one_of(st.just("basic"), garbage))
def test_deadline_priorities_and_plans(priority: str, plan: str) -> None:
    survives(
        ["deadline", f"--plan={plan}", f"--priority={priority}", "--opened=2026-11-21T23:30+03:00"]
    )


@BOUNDED
@given(st.one_of(huge_numbers, garbage), st.sampled_from(["--hours", "--threshold"]))
def test_route_numbers(number: str, flag: str) -> None:
    other = "--threshold=8" if flag == "--hours" else "--hours=3"
    survives(["route", f"{flag}={number}", other])


@BOUNDED
@given(
    st.one_of(huge_numbers, garbage, date_only, far_instants),
    st.sampled_from(
        ["--from", "--days", "--timezone", "--hours", "--country", "--subdiv", "--locale"]
    ),
)
def test_calendar_values(value: str, flag: str) -> None:
    args = {
        "--timezone": "Europe/Moscow",
        "--hours": "Mon-Fri 10:00-18:00",
        "--country": "RU",
        "--from": "2026-05-01",
        "--days": "3",
        "--locale": "de",
    }
    args[flag] = value
    survives(["calendar", *(f"{key}={text}" for key, text in args.items())])


@BOUNDED
@given(garbage, st.sampled_from(["--policy", "--kind", "--plan", "--channel", "--tier"]))
def test_classify_unknown_names(value: str, flag: str) -> None:
    args = {"--policy": "crm-packages", "--kind": "functional-question", "--plan": "basic"}
    args[flag] = value
    survives(["classify", *(f"{key}={text}" for key, text in args.items())])


@BOUNDED
@given(
    value=st.one_of(garbage, huge_numbers, far_instants, naive_instants),
    flag=st.sampled_from(["--tier", "--month", "--carried-in", "--timezone", "--as-of"]),
)
def test_tam_values(value: str, flag: str, tmp_path: pathlib.Path) -> None:
    sessions = tmp_path / "s.csv"
    sessions.write_text("at,status\n2026-11-03T10:00-05:00,held\n", encoding="utf-8")
    args = {
        "--tier": "b",
        "--month": "2026-11",
        "--sessions": str(sessions),
        "--as-of": "2026-12-01T00:00Z",
    }
    args[flag] = value
    survives(["tam", *(f"{key}={text}" for key, text in args.items())])


@BOUNDED
@given(data=st.binary(min_size=1, max_size=300))
def test_files_of_any_bytes(data: bytes, tmp_path: pathlib.Path) -> None:
    path = tmp_path / "input.toml"
    path.write_bytes(data)
    survives(["classify", f"--policy={path}", "--kind=product-defect"])
    survives(
        [
            "deadline",
            f"--plans={path}",
            "--plan=x",
            "--priority=1",
            "--opened=2026-11-21T23:30+03:00",
        ]
    )
    code, _ = survives(
        ["tam", "--tier=b", "--month=2026-11", f"--sessions={path}", "--as-of=2026-12-01T00:00Z"]
    )
    assert code in (OK, BAD)  # the sessions CSV is the CLI's own reader


@BOUNDED
@given(
    rows=st.lists(
        st.tuples(
            st.one_of(far_instants, naive_instants, garbage),
            st.one_of(st.just("held"), garbage),
            st.one_of(huge_numbers, garbage),
        ),
        min_size=1,
        max_size=4,
    )
)
def test_sessions_rows_are_refused_by_line(
    rows: list[tuple[str, str, str]], tmp_path: pathlib.Path
) -> None:
    path = tmp_path / "s.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("at,status,minutes\r\n")
        for at, status, minutes in rows:
            cells = (value.replace('"', '""') for value in (at, status, minutes))
            handle.write(",".join(f'"{cell}"' for cell in cells) + "\r\n")
    code, err = survives(
        ["tam", "--tier=b", "--month=2026-11", f"--sessions={path}", "--as-of=2026-12-01T00:00Z"]
    )
    assert code in (OK, BAD)
    if code == BAD and "line " in err:
        line = int(err.split("line ")[1].split(":")[0].split()[0])
        assert 2 <= line <= len(rows) + 1


def test_non_regular_missing_and_huge_files(tmp_path: pathlib.Path) -> None:
    huge = tmp_path / "huge.csv"
    with huge.open("wb") as handle:
        handle.truncate(5 * 1024 * 1024)  # sparse: no time or disk spent
    for path in (huge, tmp_path, tmp_path / "missing.csv", pathlib.Path(os.devnull)):
        args = ["tam", "--tier=b", "--month=2026-11", f"--sessions={path}"]
        assert str(path)[:20] in refused(args)
    assert "NUL character" in refused(["tam", "--tier=b", "--month=2026-11",
                                            "--sessions=a\x00b.csv"])  # fmt: skip
    huge_toml = tmp_path / "huge.toml"
    huge.rename(huge_toml)
    for path in (f"{tmp_path}/", tmp_path / "missing.toml", "nul\x00byte.toml", huge_toml):
        survives(["classify", f"--policy={path}", "--kind=product-defect"])
        survives(["deadline", f"--plans={path}", "--plan=x", "--priority=1", OPENED])


def test_argparse_errors_are_one_line_with_exit_2() -> None:
    for argv in (
        ["nope"],
        [],
        ["deadline"],
        ["calendar", "--days=1e400", "--from=x"],
        ["tam", "--carried-in=" + "9" * 5000],
    ):
        assert "see supportpolicy" in refused(argv)


def test_help_and_version_exit_0() -> None:
    code, out, _ = run(["--version"])
    assert code == OK and out == "supportpolicy 0.1.0\n"
    for command in ("plans", "deadline", "calendar", "classify", "route", "tam"):
        code, out, _ = run([command, "--help"])
        assert code == OK and "usage: supportpolicy" in out


def test_an_unexpected_exception_is_one_line_and_exit_1(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(_args: object) -> int:
        raise ZeroDivisionError("a bug " + "x" * 5000)

    monkeypatch.setattr(cli.plans_cmd, "run", boom)
    code, out, err = run(["plans"])
    assert code == INTERNAL and out == ""
    assert err.startswith("supportpolicy: internal error (ZeroDivisionError): a bug")
    assert err.count("\n") == 1 and len(err) < 2100


def test_a_library_error_is_one_line_and_exit_2(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(_args: object) -> int:
        raise InvalidValueError("first line\nsecond line")

    monkeypatch.setattr(cli.plans_cmd, "run", refuse)
    assert refused(["plans"]) == "supportpolicy: error: first line second line\n"


# --- real processes: what only a process shows -------------------------------------------


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "supportpolicy", *args]


def test_a_closed_pipe_ends_quietly() -> None:
    # Read one line, then close the pipe: the CLI's next writes hit EPIPE.
    with subprocess.Popen(
        _cli(
            "calendar",
            "--timezone=Europe/Moscow",
            "--hours=24x7",
            "--from=2026-01-01",
            "--days=3000",
        ),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.readline()
        proc.stdout.close()
        err = proc.stderr.read().decode()
        code = proc.wait(timeout=60)
    assert err == ""
    assert code == cli.EXIT_BROKEN_PIPE
    # Closed before the first write: the buffered output would fail again at exit, unless
    # stdout was pointed at devnull.
    with subprocess.Popen(_cli("plans"), stdout=subprocess.PIPE, stderr=subprocess.PIPE) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.close()
        err = proc.stderr.read().decode()
        code = proc.wait(timeout=60)
    assert (err, code) == ("", cli.EXIT_BROKEN_PIPE)


def test_an_ascii_stdout_never_fails_the_output() -> None:
    env = {**os.environ, "PYTHONIOENCODING": "ascii", "LC_ALL": "C"}
    done = subprocess.run(
        _cli("plans", "--locale", "ru"), capture_output=True, env=env, timeout=60, check=False
    )
    assert done.returncode == 0 and b"Traceback" not in done.stderr
    assert b"Europe/Moscow" in done.stdout and b"?" in done.stdout
    bad = subprocess.run(
        _cli("deadline", "--plan=basic", "--priority=1", "--opened=\u0416"),
        capture_output=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert bad.returncode == 2 and bad.stderr.count(b"\n") == 1
    assert b"Traceback" not in bad.stderr
