"""`supportpolicy status`: every clock of each ticket of a CSV event log.

The log's columns are those of :func:`supportpolicy.sla.read_events` (docs/plans.md,
"Event logs"). Each ticket is evaluated at ``--now`` (default: now) under ``--plan``
(a preset, or a plan of ``--plans FILE``; a file with one plan needs no ``--plan``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Any

from supportpolicy import i18n, sla
from supportpolicy.cli._common import parse_instant, print_json
from supportpolicy.cli._plans import chosen_plan
from supportpolicy.cli._progress import Bar
from supportpolicy.errors import SupportPolicyError, shown


def _clock(clock: sla.Clock) -> dict[str, Any]:
    return {
        **clock.to_dict(),
        "elapsed_fraction": clock.elapsed_fraction,
        "warnings": [{"threshold": t.short(), "at": at.isoformat()} for t, at in clock.warnings],
        "pause_reasons": list(clock.reasons),
    }


def _ticket(ticket: str, status: sla.Status) -> dict[str, Any]:
    check = status.next_check
    return {
        "ticket": ticket,
        **status.to_dict(),
        "next_check": None if check is None else check.isoformat(),
        "requester_wait_minutes": status.requester_wait / dt.timedelta(minutes=1),
        "agent_work_minutes": status.agent_work / dt.timedelta(minutes=1),
        "clocks": [_clock(clock) for clocks in status.clocks.values() for clock in clocks],
    }


def run(args: argparse.Namespace) -> int:
    """Print the clocks of every ticket of the event log."""
    plan = chosen_plan(args.plan, args.plans)
    now = dt.datetime.now(dt.UTC) if args.now is None else parse_instant(args.now, "--now")
    tickets = sla.read_events(args.events)
    statuses = {}
    bar, total = Bar(sys.stderr, quiet=args.quiet), len(tickets)
    for done, (ticket, events) in enumerate(tickets.items(), start=1):
        try:
            statuses[ticket] = sla.evaluate(plan, events, now)
        except SupportPolicyError as exc:
            raise type(exc)(f"{args.events}, ticket {shown(ticket)}: {exc}") from None
        if done % 250 == 0 or done == total:
            bar(done, total)  # a bar on a terminal, over more than 10,000 tickets
    if args.json:
        print_json([_ticket(ticket, status) for ticket, status in statuses.items()])
        return 0
    tr = i18n.translator(args.locale, "cli")
    for index, (ticket, status) in enumerate(statuses.items()):
        if index:
            print()
        print(tr.gettext("Ticket {ticket}").format(ticket=ticket))
        print(status.explain(args.locale))
    return 0


def options(parser: argparse.ArgumentParser) -> None:
    """The options of `status`."""
    parser.add_argument("--plan", help="preset plan (" + ", ".join(sla.plan_names()) +
                        "), or a plan of --plans FILE")  # fmt: skip
    parser.add_argument("--plans", metavar="FILE", help="a TOML file of your own plans")
    parser.add_argument("--events", required=True, metavar="FILE", help="the CSV event log")
    parser.add_argument("--now", metavar="ISO", help="evaluate at this instant (default: now)")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
