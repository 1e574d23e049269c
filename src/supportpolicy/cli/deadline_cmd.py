"""`supportpolicy deadline`: a ticket's reaction and resolution deadlines, explained."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from supportpolicy import sla
from supportpolicy.cli._common import add_json, add_locale, print_json
from supportpolicy.errors import InvalidValueError
from supportpolicy.sla.explain import no_target_text


def _instant(text: str) -> dt.datetime:
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        raise InvalidValueError(
            f"--opened {text!r} is not an ISO 8601 instant; give one with its offset, "
            "such as 2026-11-21T23:30+03:00"
        ) from None


def _as_json(deadline: sla.Deadline | None) -> dict[str, Any] | None:
    if deadline is None:
        return None
    return {
        "due": deadline.due.isoformat(),
        "start": deadline.start.isoformat(),
        "start_reason": deadline.start_reason.value,
        "target": None if deadline.target is None else deadline.target.short(),
        "timezone": deadline.calendar.timezone,
    }


def run(args: argparse.Namespace) -> int:
    """Print the deadlines of the ticket described by *args*."""
    plan = sla.plan(args.plan)
    opened = _instant(args.opened)
    reaction = sla.reaction_deadline(plan, args.priority, opened)
    resolution = sla.resolution_deadline(plan, args.priority, opened)
    if args.json:
        print_json(
            {
                "plan": plan.key,
                "priority": int(reaction.priority),
                "opened": reaction.opened.isoformat(),
                "reaction": _as_json(reaction),
                "resolution": _as_json(resolution),
            }
        )
        return 0
    print(reaction.explain(args.locale))
    print()
    if resolution is None:
        print(no_target_text(plan, int(reaction.priority), args.locale))
    else:
        print(resolution.explain(args.locale))
    return 0


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add the `deadline` subcommand."""
    parser = sub.add_parser("deadline", help="reaction and resolution deadlines of a ticket")
    parser.add_argument("--plan", required=True, help="preset plan: " + ", ".join(sla.plan_names()))
    parser.add_argument("--priority", required=True, help="priority 1-4")
    parser.add_argument(
        "--opened", required=True, help="when the ticket was opened, ISO 8601 with offset"
    )
    add_locale(parser)
    add_json(parser)
    parser.set_defaults(run=run)
