"""`supportpolicy deadline`: a ticket's reaction and resolution deadlines, explained."""

from __future__ import annotations

import argparse

from supportpolicy import sla
from supportpolicy.cli._common import parse_instant, print_json
from supportpolicy.cli._plans import chosen_plan
from supportpolicy.sla.explain import no_target_text


def run(args: argparse.Namespace) -> int:
    """Print the deadlines of the ticket described by *args*."""
    plan = chosen_plan(args.plan, args.plans)
    opened = parse_instant(args.opened, "--opened")
    reaction = sla.reaction_deadline(plan, args.priority, opened)
    resolution = sla.resolution_deadline(plan, args.priority, opened)
    if args.json:
        print_json(
            {
                "plan": plan.key,
                "priority": int(reaction.priority),
                "opened": reaction.opened.isoformat(),
                "reaction": reaction.to_dict(),
                "resolution": None if resolution is None else resolution.to_dict(),
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


def options(parser: argparse.ArgumentParser) -> None:
    """The options of `deadline`."""
    parser.add_argument(
        "--plan",
        required=True,
        help="preset plan (" + ", ".join(sla.plan_names()) + "), or a plan of --plans FILE",
    )
    parser.add_argument(
        "--plans", metavar="FILE", help="a TOML file of your own plans (see docs/plans.md)"
    )
    parser.add_argument("--priority", required=True, help="priority 1-4")
    parser.add_argument(
        "--opened",
        required=True,
        help="when the ticket was opened: ISO 8601 date, time and UTC offset, "
        "e.g. 2026-11-21T23:30+03:00",
    )
