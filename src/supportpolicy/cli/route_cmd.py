"""`supportpolicy route`: Statement of Work or purchased hours for an estimate (000)."""

from __future__ import annotations

import argparse
from typing import Any

from supportpolicy import engagement
from supportpolicy.cli._common import add_json, add_locale, print_json


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add the `route` subcommand."""
    parser = sub.add_parser(
        "route",
        help="Statement of Work or purchase hours for an implementation estimate",
        description="Route an implementation estimate (document 000): above 8 hours a "
        "Statement of Work, at or below 8 hours buy the approved hours.",
    )
    parser.add_argument("--hours", required=True, help="the estimate in hours, e.g. 12.5")
    parser.add_argument(
        "--threshold", default="8", help="hours above which a SOW is needed (default 8)"
    )
    add_locale(parser)
    add_json(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the route and why; exit 0."""
    decision = engagement.routing(args.hours, args.threshold)
    if args.json:
        print_json(
            {
                "hours": str(decision.hours),
                "threshold": str(decision.threshold),
                "route": decision.route.value,
                "label": decision.route.label(args.locale),
                "explanation": decision.explain(args.locale),
            }
        )
    else:
        print(decision.route.label(args.locale))
        print(decision.explain(args.locale))
    return 0
