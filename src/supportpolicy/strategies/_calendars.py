"""Hypothesis strategies for the library's values (placeholder until issue 6 lands)."""

from __future__ import annotations


def _hypothesis_setup_hook() -> None:
    """Called by hypothesis' plugin loader; registers strategies for ``st.from_type``."""
