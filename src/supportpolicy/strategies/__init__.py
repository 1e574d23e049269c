"""Hypothesis strategies for supportpolicy's values, for your own property tests.

This package needs the ``test`` extra (``pip install "supportpolicy[test]"``): it
imports ``hypothesis``, which the library itself does not depend on, and nothing in the
library imports it. Once the package is installed, hypothesis' plugin entry point calls
:func:`_hypothesis_setup_hook`, so ``st.from_type(sla.Calendar)`` and friends work
without importing this package.

Every strategy yields only values the library accepts: calendars that build, instants
in the clock's years (2000-2040 by default) that deliberately include DST gaps and folds
of the zone, timelines that :func:`~supportpolicy.sla.evaluate` takes, TAM months that
:func:`~supportpolicy.engagement.tam_statement` takes and requests that
:func:`~supportpolicy.coverage.classify` takes. See ``docs/testing-with-strategies.md``.
"""

from __future__ import annotations


def _hypothesis_setup_hook() -> None:
    """Called by hypothesis' plugin loader: registers strategies for ``st.from_type``.

    Defined before anything imports hypothesis: when ``supportpolicy.strategies`` is
    a program's first import, importing hypothesis below calls this hook while this
    package is still half-initialized, so the hook must already exist and must reach
    only the submodules.
    """
    from supportpolicy.strategies._register import register  # noqa: PLC0415

    register()


# The imports follow the hook on purpose (see its docstring).
from supportpolicy.strategies._calendars import (  # noqa: E402
    COUNTRIES,
    TIMEZONES,
    business_durations,
    calendars,
    countries,
    hours_specs,
    instants,
    timezones,
)
from supportpolicy.strategies._plans import (  # noqa: E402
    PAUSE_REASONS,
    plans,
    priorities,
    targets,
    thresholds,
    ticket_events,
)
from supportpolicy.strategies._results import (  # noqa: E402
    clocks,
    deadlines,
    decisions,
    statuses,
    tam_statements,
)
from supportpolicy.strategies._services import coverage_requests, sessions, tam_months  # noqa: E402

__all__ = [
    "COUNTRIES",
    "PAUSE_REASONS",
    "TIMEZONES",
    "business_durations",
    "calendars",
    "clocks",
    "countries",
    "coverage_requests",
    "deadlines",
    "decisions",
    "hours_specs",
    "instants",
    "plans",
    "priorities",
    "sessions",
    "statuses",
    "tam_months",
    "tam_statements",
    "targets",
    "thresholds",
    "ticket_events",
    "timezones",
]
