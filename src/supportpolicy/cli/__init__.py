"""The ``supportpolicy`` command line. It sits on top: nothing in the library imports it.

One module per subcommand; each has ``run``, a function taking the parsed arguments and
returning an exit code, and may add its options (``options(parser)``). The table
:data:`COMMANDS` names them with their help texts; the modules are imported lazily
(docs/decisions.md, "Fast start"): ``supportpolicy --help`` imports none of them, and a
run imports only the module of the command it names, which
:func:`supportpolicy.cli._common.register` adds with the common ``--locale`` and
``--json``.
Output is localized through the ``cli`` catalog domain (and the library's own
``explain``); error messages are English, as exceptions are.

:func:`main` is the one output guard (docs/architecture.md, "Guards"):

- stdout and stderr are written with ``errors="replace"``, so no locale or
  ``PYTHONIOENCODING`` makes output fail (a character the encoding lacks becomes ``?``);
- a closed pipe (``supportpolicy plans | head -2``) ends the run quietly with exit 141
  (128 + SIGPIPE, as a shell reports a process killed by the signal);
- a :class:`~supportpolicy.errors.SupportPolicyError` (bad input) is one line
  ``supportpolicy: error: ...`` on stderr and exit 2, as are argparse's own errors;
- anything else is a bug of the library: one line ``supportpolicy: internal error ...``
  and exit 1, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import re
import sys
from collections.abc import Iterator, Sequence
from typing import NoReturn

from supportpolicy import __version__
from supportpolicy.cli._common import Command, register
from supportpolicy.errors import SupportPolicyError, shown

__all__ = ["COMMANDS", "main"]

COMMANDS = (
    Command(
        "calendar_cmd",
        "calendar",
        "list a business calendar's open hours and closed days",
        "List the open intervals of a span of days and the closed working "
        "days with their holiday names.",
    ),
    Command(
        "plans_cmd",
        "plans",
        "show the preset SLA plans",
        "The preset SLA plans, one block per plan (or their records with --json).",
    ),
    Command(
        "deadline_cmd",
        "deadline",
        "reaction and resolution deadlines of a ticket",
        "The reaction and resolution deadlines of a ticket, explained "
        "(times are shown in the plan's time zone, with their UTC offset).",
    ),
    Command(
        "classify_cmd",
        "classify",
        "decide whether a request is in scope, billable or incomplete",
        "Classify a support request under a coverage policy. A flag that no "
        "rule of the policy looks at is noted on stderr: it does not change the decision.",
    ),
    Command(
        "route_cmd",
        "route",
        "Statement of Work or purchase hours for an implementation estimate",
        "Route an implementation estimate (document 000): above 8 hours a "
        "Statement of Work, at or below 8 hours buy the approved hours.",
    ),
    Command(
        "tam_cmd",
        "tam",
        "month statement of TAM working sessions",
        "Account a month of TAM working sessions (document 003). CSV columns: "
        "at (ISO start with offset), status (held, cancelled-by-customer, cancelled-by-tam), "
        "optional minutes (default 60) and review (true/false); header names in any case, "
        "UTF-8 with or without BOM, as Excel saves it. The statement is as of --as-of "
        "(default: now): a month not over by then is an open statement (the sessions so "
        "far; nothing forfeited or carried yet), a month that is over is closed.",
    ),
    Command(
        "status_cmd",
        "status",
        "every SLA clock of each ticket of a CSV event log",
        "Evaluate each ticket of a CSV event log (columns: ticket, at, event, "
        "priority, reason, due; see docs/plans.md) and print its clocks: reaction, "
        "resolution cycles, next replies and periodic updates, with pauses and warnings.",
    ),
    Command(
        "report_cmd",
        "report",
        "an SLA report of an event log: rates, percentiles, charts",
        "An SLA report of the tickets of an event log (CSV: ticket, at, event, "
        "priority, reason, due) as one self-contained HTML page: attainment and breach "
        "rates, median and 90th percentile times in business time, and charts.",
        json=False,
    ),
)
"""Every subcommand, in the order ``--help`` lists them."""
EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 1
EXIT_BROKEN_PIPE = 141
_MAX_MESSAGE = 500
_QUOTED = re.compile(r"'([^']{41,})'")


class _Parser(argparse.ArgumentParser):
    """argparse with one-line errors: ``prog: error: message (see prog --help)``."""

    def error(self, message: str) -> NoReturn:
        # argparse quotes a refused value in full: quote it as every message does.
        message = _QUOTED.sub(lambda m: shown(m.group(1)), message)
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: error: {_one_line(message)} "
                                  f"(see {self.prog} --help)\n")  # fmt: skip


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The argument parser; with *argv*, only the command it names is registered in full.

    Every other command gets a placeholder with its help line, so ``--help`` lists them
    all without importing their modules. Without *argv* every command is registered.
    """
    parser = _Parser(
        prog="supportpolicy",
        description="Support-contract rules: SLA deadlines, coverage, engagement.",
    )
    parser.add_argument("--version", action="version", version=f"supportpolicy {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    wanted = None if argv is None else _command_of(argv)
    for command in COMMANDS:
        if argv is None or command.name == wanted:
            register(sub, command)
        else:
            sub.add_parser(command.name, help=command.summary, add_help=False)
    return parser


def _command_of(argv: Sequence[str]) -> str | None:
    """The command *argv* names: its first word that is not an option (the top-level
    options, ``--help`` and ``--version``, take no value)."""
    return next((word for word in argv if not word.startswith("-")), None)


def _one_line(text: str) -> str:
    """*text* on one line, clipped: a message never spans or floods the terminal."""
    flat = " ".join(text.split())
    return flat if len(flat) <= _MAX_MESSAGE else flat[:_MAX_MESSAGE] + "..."


@contextlib.contextmanager
def _replacing_errors() -> Iterator[None]:
    """Write stdout and stderr with ``errors="replace"`` for the run, then restore them."""
    saved: list[tuple[io.TextIOWrapper, str | None]] = []
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            saved.append((stream, stream.errors))
            with contextlib.suppress(ValueError, OSError):  # closed, or not reconfigurable
                stream.reconfigure(errors="replace")
    try:
        yield
    finally:
        for stream, errors in saved:
            with contextlib.suppress(ValueError, OSError):
                stream.reconfigure(errors=errors)


def _say(text: str) -> None:
    """Print one line on stderr; a closed or broken stderr is ignored."""
    with contextlib.suppress(OSError, ValueError):
        print(text, file=sys.stderr)
        sys.stderr.flush()


def _silence_stdout() -> None:
    """After a closed pipe: point stdout at devnull so that the final flush stays quiet.

    As the Python documentation (``signal``, "Note on SIGPIPE") recommends.
    """
    with contextlib.suppress(OSError, ValueError, AttributeError, io.UnsupportedOperation):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def _run(argv: Sequence[str] | None) -> int:
    words = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(words)
    try:
        args = parser.parse_args(words)
    except SystemExit as exc:  # --help, --version, or argparse's one-line error
        if exc.code is None:
            return 0
        return exc.code if isinstance(exc.code, int) else EXIT_BAD_INPUT
    code: int = args.run(args)
    sys.stdout.flush()
    return code


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (default ``sys.argv[1:]``); return the exit code."""
    with _replacing_errors():
        try:
            return _run(argv)
        except BrokenPipeError:
            _silence_stdout()
            return EXIT_BROKEN_PIPE
        except SupportPolicyError as exc:
            _say(f"supportpolicy: error: {_one_line(str(exc))}")
            return EXIT_BAD_INPUT
        except KeyboardInterrupt:
            _say("supportpolicy: interrupted")
            return 130
        except Exception as exc:  # a bug: still one line, never a traceback
            _say(
                f"supportpolicy: internal error ({type(exc).__name__}): "
                f"{_one_line(str(exc))}; please report it"
            )
            return EXIT_INTERNAL
