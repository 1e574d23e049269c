"""Helpers shared by the subcommands: common options, input parsing and output."""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import sys
from typing import Any, NamedTuple

from supportpolicy import _coerce, i18n
from supportpolicy.errors import InvalidValueError, NaiveDatetimeError, shown
from supportpolicy.i18n import LOCALES

_EXAMPLE = "2026-11-21T23:30+03:00"


def add_locale(parser: argparse.ArgumentParser) -> None:
    """Add ``--locale`` (default English); regional variants such as de_CH are accepted."""
    parser.add_argument(
        "--locale",
        default="en",
        help=f"output language: {', '.join(LOCALES)} (default en)",
    )


def add_json(parser: argparse.ArgumentParser) -> None:
    """Add ``--json``: machine-readable output with ISO instants."""
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")


class Command(NamedTuple):
    """A subcommand: its module's name in :mod:`supportpolicy.cli`, its name, its line in
    ``supportpolicy --help``, its ``--help`` text, and whether it prints ``--json``.

    The module has ``run(args)``, returning the exit code, and may have
    ``options(parser)``, adding its own options. It is imported only when its command
    runs (docs/decisions.md, "Fast start").
    """

    module: str
    name: str
    summary: str
    description: str
    json: bool = True


def register(sub: argparse._SubParsersAction[Any], command: Command) -> None:
    """Add *command* as a subcommand, with ``--locale`` (and ``--json``), importing its
    module now."""
    module = importlib.import_module(f"supportpolicy.cli.{command.module}")
    parser = sub.add_parser(command.name, help=command.summary, description=command.description)
    parser.set_defaults(run=module.run)
    add_locale(parser)
    if command.json:
        add_json(parser)
    options = getattr(module, "options", None)
    if options is not None:
        options(parser)


def print_json(data: Any) -> None:
    """Print *data* as indented JSON (UTF-8 text, not ASCII escapes)."""
    print(json.dumps(data, indent=2, ensure_ascii=False, default=str))


def parse_instant(text: str, flag: str) -> dt.datetime:
    """An aware instant from the ISO 8601 *text* given for *flag* (``--opened``).

    A value without a UTC offset, or a date without a time, is refused with a message
    that says what to add; an instant outside the library's range (year 1, 9999) is
    refused by the shared guard :func:`supportpolicy._coerce.in_range`.
    """
    stripped = text.strip()
    try:
        instant = dt.datetime.fromisoformat(stripped)
    except ValueError:
        raise InvalidValueError(
            f"{flag} {shown(text)} is not an ISO 8601 instant; give a date, a time and a "
            f"UTC offset, such as {_EXAMPLE}"
        ) from None
    if instant.tzinfo is None:
        if _is_date(stripped):
            raise NaiveDatetimeError(
                f"{flag} {shown(text)} is a date only; give a time and a UTC offset too, "
                f"such as {_EXAMPLE}"
            )
        raise NaiveDatetimeError(
            f"{flag} {shown(text)} has no UTC offset; add one such as +03:00 "
            f"(for example {_EXAMPLE})"
        )
    return _coerce.in_range(instant, flag)


def _is_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def note_unused_flag(locale: str, policy: str, flag: str) -> None:
    """Say on stderr, localized, that no rule of *policy* looks at *flag* (the run succeeds)."""
    tr = i18n.translator(locale, "cli")
    text = tr.gettext(
        "no rule of policy {policy} depends on {flag}; it does not change the decision"
    ).format(policy=policy, flag=flag)
    print(tr.gettext("note: {message}").format(message=text), file=sys.stderr)
