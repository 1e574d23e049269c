"""`supportpolicy route`: Statement of Work or purchased hours for an estimate (000)."""

from __future__ import annotations

import argparse

from supportpolicy import engagement
from supportpolicy.cli._common import print_json


def options(parser: argparse.ArgumentParser) -> None:
    """The options of `route`."""
    parser.add_argument("--hours", required=True, help="the estimate in hours, e.g. 12.5")
    parser.add_argument(
        "--threshold", default="8", help="hours above which a SOW is needed (default 8)"
    )


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
