"""supportpolicy: support-contract rules as pure, explainable Python.

Subpackages:

* :mod:`supportpolicy.sla` - business calendars, the business clock, plans, deadlines,
  ticket status.
* :mod:`supportpolicy.coverage` - is a request in scope (free) or billable, and why.
* :mod:`supportpolicy.engagement` - Statement of Work vs. buying hours; TAM sessions.
* :mod:`supportpolicy.i18n` - every user-facing text in en, de, nl, es and ru.
* :mod:`supportpolicy.errors` - the error hierarchy.
"""

from supportpolicy import coverage, engagement, errors, i18n, sla

__all__ = ["__version__", "coverage", "engagement", "errors", "i18n", "sla"]

__version__ = "0.1.0"
