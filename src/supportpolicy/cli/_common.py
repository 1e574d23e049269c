"""Helpers shared by the subcommands: common options and output."""

from __future__ import annotations

import argparse
import json
from typing import Any

from supportpolicy.i18n import LOCALES


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


def print_json(data: Any) -> None:
    """Print *data* as indented JSON (UTF-8 text, not ASCII escapes)."""
    print(json.dumps(data, indent=2, ensure_ascii=False, default=str))
