"""`supportpolicy tam`: placeholder until its issue lands."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: "argparse._SubParsersAction[Any]") -> None:
    """Add the `tam` subcommand (not yet available)."""
    del sub
