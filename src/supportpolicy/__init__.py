"""supportpolicy: support-contract rules as pure, explainable Python.

Subpackages:

* :mod:`supportpolicy.sla` - business calendars, the business clock, plans, deadlines,
  ticket status.
* :mod:`supportpolicy.coverage` - is a request in scope (free) or billable, and why.
* :mod:`supportpolicy.engagement` - Statement of Work vs. buying hours; TAM sessions.
* :mod:`supportpolicy.i18n` - every user-facing text in en, de, nl, es and ru.
* :mod:`supportpolicy.reports` - SLA reports: rates, percentiles, charts, one HTML page.
* :mod:`supportpolicy.errors` - the error hierarchy.

The subpackages are imported on first use (PEP 562): ``import supportpolicy`` costs
almost nothing, and ``supportpolicy.sla`` or ``from supportpolicy import sla`` imports
that one subpackage then (docs/decisions.md, "Fast start").
"""

from __future__ import annotations

import importlib
import types

__all__ = ["__version__", "coverage", "engagement", "errors", "i18n", "reports", "sla"]

__version__ = "0.1.0"

_SUBPACKAGES = frozenset({"coverage", "engagement", "errors", "i18n", "reports", "sla"})


def __getattr__(name: str) -> types.ModuleType:
    """Import the subpackage *name* on first use (importing binds it on the package)."""
    if name in _SUBPACKAGES:
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
