"""`supportpolicy calendar`: placeholder until its issue lands."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: "argparse._SubParsersAction[Any]") -> None:
    """Add the `calendar` subcommand (not yet available)."""
    del sub
