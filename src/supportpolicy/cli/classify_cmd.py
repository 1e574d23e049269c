"""`supportpolicy classify`: is a request in scope or billable under a coverage policy."""

from __future__ import annotations

import argparse

from supportpolicy import coverage, i18n
from supportpolicy.cli._common import note_unused_flag, print_json

# Flag -> the rule condition it feeds: a flag no rule of the policy looks at is noted.
_CONDITIONS = (
    ("--channel", "channel", "channels"),
    ("--incomplete", "incomplete", "complete"),
    ("--from-end-user", "from_end_user", "from_end_user"),
    ("--lead-ticket", "lead_ticket", "lead_ticket"),
)


def options(parser: argparse.ArgumentParser) -> None:
    """The options of `classify`."""
    parser.add_argument(
        "--policy",
        required=True,
        help=f"preset ({', '.join(coverage.policy_names())}) or the path of a policy TOML file",
    )
    parser.add_argument(
        "--kind",
        required=True,
        help=f"request kind: {', '.join(k.value for k in coverage.RequestKind)}",
    )
    parser.add_argument("--plan", help="the customer's plan, where the policy has plans")
    parser.add_argument(
        "--channel", help=f"channel: {', '.join(c.value for c in coverage.Channel)}"
    )
    parser.add_argument("--tier", help="the customer's tier, where the policy has tiers")
    parser.add_argument(
        "--incomplete", action="store_true", help="the request lacks required information"
    )
    parser.add_argument(
        "--from-end-user", action="store_true", help="the request comes straight from an end user"
    )
    parser.add_argument(
        "--lead-ticket",
        action="store_true",
        help="pre-sales hours were approved on a lead ticket",
    )


def run(args: argparse.Namespace) -> int:
    """Classify the request described by *args* and print the decision."""
    locale = i18n.normalize_locale(args.locale)
    chosen = _policy(args.policy)
    decision = coverage.classify(
        chosen,
        kind=args.kind,
        plan=args.plan,
        channel=args.channel,
        tier=args.tier,
        complete=not args.incomplete,
        from_end_user=args.from_end_user,
        lead_ticket=args.lead_ticket,
    )
    _note_unused(chosen, args, locale)
    if args.json:
        # The record is language-neutral; the CLI adds the texts for people beside it.
        texts = {"reason": decision.reason(args.locale), "next": decision.next_text(args.locale)}
        print_json({**decision.to_dict(), **texts})
    else:
        print(decision.explain(args.locale))
    return 0


def _note_unused(chosen: coverage.Policy, args: argparse.Namespace, locale: str) -> None:
    """A note on stderr for each given flag that no rule of *chosen* depends on."""
    for flag, attribute, condition in _CONDITIONS:
        given = getattr(args, attribute)
        if given and all(getattr(rule, condition) is None for rule in chosen.rules):
            note_unused_flag(locale, chosen.name, flag)


def _policy(value: str) -> coverage.Policy:
    """A preset by name, or a user's file when the value looks like a path."""
    if value.endswith(".toml") or "/" in value or "\\" in value:
        return coverage.load_policy(value)
    return coverage.policy(value)
