"""The plan a command measures under: a preset, or a plan of the user's own file."""

from __future__ import annotations

from supportpolicy import sla
from supportpolicy.errors import InvalidValueError, UnknownNameError, shown

__all__ = ["chosen_plan"]


def chosen_plan(name: str | None, path: str | None) -> sla.Plan:
    """The preset *name*, or the plan *name* of the user's plan file at *path* (a file
    with a single plan needs no name)."""
    if path is None:
        if name is None:
            raise InvalidValueError("give --plan (a preset) or --plans FILE")
        return sla.plan(name)
    plans = sla.load_plans(path)
    if name is None:
        if len(plans) == 1:
            return next(iter(plans.values()))
        raise InvalidValueError(
            f"{path} has {len(plans)} plans; name one with --plan: {', '.join(sorted(plans))}"
        )
    if name not in plans:
        raise UnknownNameError(
            f"{path}: no plan {shown(name)}; accepted: {', '.join(sorted(plans)) or 'none'}"
        )
    return plans[name]
