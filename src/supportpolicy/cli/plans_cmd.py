"""`supportpolicy plans`: the preset SLA plans as a table, in the chosen language."""

from __future__ import annotations

import argparse
from typing import Any

from supportpolicy import sla
from supportpolicy.cli._common import add_locale


def render(rows: tuple[tuple[str, ...], ...]) -> str:
    """Rows of cells as a plain-text table with aligned columns."""
    widths = [max(len(row[col]) for row in rows) for col in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
             for row in rows]  # fmt: skip
    rule = "  ".join("-" * width for width in widths)
    return "\n".join([lines[0], rule, *lines[1:]])


def run(args: argparse.Namespace) -> int:
    """Print the preset plans (hours, targets, fee) in ``args.locale``."""
    print(render(sla.plans_table(args.locale)))
    return 0


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add the `plans` subcommand."""
    parser = sub.add_parser("plans", help="show the preset SLA plans as a table")
    add_locale(parser)
    parser.set_defaults(run=run)
