"""`supportpolicy deadline`: placeholder until its issue lands."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: "argparse._SubParsersAction[Any]") -> None:
    """Add the `deadline` subcommand (not yet available)."""
    del sub
