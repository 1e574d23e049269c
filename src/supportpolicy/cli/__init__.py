"""The ``supportpolicy`` command line. It sits on top: nothing in the library imports it.

One module per subcommand; each exposes ``register(subparsers)``, which adds its parser
and sets ``run`` to a function taking the parsed arguments and returning an exit code.
Output is localized through the ``cli`` catalog domain (and the library's own
``explain``); error messages are English, as exceptions are.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from supportpolicy.cli import (
    calendar_cmd,
    classify_cmd,
    deadline_cmd,
    plans_cmd,
    route_cmd,
    tam_cmd,
)
from supportpolicy.errors import SupportPolicyError

__all__ = ["main"]

_COMMANDS = (calendar_cmd, plans_cmd, deadline_cmd, classify_cmd, route_cmd, tam_cmd)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand registered."""
    parser = argparse.ArgumentParser(
        prog="supportpolicy",
        description="Support-contract rules: SLA deadlines, coverage, engagement.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in _COMMANDS:
        command.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (default ``sys.argv[1:]``); return the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.run(args)
    except SupportPolicyError as exc:
        print(f"supportpolicy: error: {exc}", file=sys.stderr)
        return 2
    return code
