"""`supportpolicy plans`: the preset SLA plans, one block per plan, in the chosen language.

Each block is the plan's title, then one ``label: value`` line per fact (hours, targets,
fee, term, source), aligned and wrapped to fit :data:`WIDTH` columns, so the output
reads in any terminal however many plans there are. ``--json`` prints the plans'
records (:meth:`supportpolicy.sla.Plan.to_dict`).
"""

from __future__ import annotations

import argparse
import textwrap

from supportpolicy import i18n, sla
from supportpolicy.cli._common import print_json

WIDTH = 100
"""The widest line ``plans`` prints."""


def render(rows: tuple[tuple[str, ...], ...], width: int = WIDTH) -> str:
    """A table of rows (a header row of plan titles, then one row per fact) as blocks.

    >>> print(render((("", "Basic"), ("Fee", "24,000.00 RUB"), ("Term", "12 months"))))
    Basic
      Fee:  24,000.00 RUB
      Term: 12 months
    """
    header, *facts = rows
    label_width = max((len(row[0]) for row in facts), default=0) + 1
    indent = " " * (2 + label_width + 1)
    blocks = []
    for column in range(1, len(header)):
        lines = [header[column]]
        for row in facts:
            lead = f"  {(row[0] + ':').ljust(label_width)} "
            lines.extend(
                textwrap.wrap(
                    row[column],
                    width=width,
                    initial_indent=lead,
                    subsequent_indent=indent,
                    break_on_hyphens=False,
                )
                or [lead.rstrip()]
            )
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def run(args: argparse.Namespace) -> int:
    """Print the preset plans (hours, targets, fee) in ``args.locale``, or their records."""
    i18n.normalize_locale(args.locale)
    if args.json:
        print_json([sla.plan(name).to_dict() for name in sla.plan_names()])
        return 0
    print(render(sla.plans_table(args.locale)))
    return 0
