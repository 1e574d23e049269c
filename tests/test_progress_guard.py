"""Every public function that takes a progress callback refuses anything that is not one
before it starts work, through the one shared check (``_coerce.callback``)."""

from __future__ import annotations

import inspect
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from supportpolicy import batch, errors, reports


def _taking_progress() -> list[Callable[..., object]]:
    found = []
    for module in (batch, reports):
        for name in module.__all__:
            value = getattr(module, name)
            if inspect.isfunction(value) and "progress" in inspect.signature(value).parameters:
                found.append(value)
    return found


FUNCTIONS = _taking_progress()
NOT_CALLABLE = st.one_of(
    st.integers(), st.text(max_size=5), st.just(b"x"), st.lists(st.integers(), max_size=2),
    st.just(object()),
)  # fmt: skip


def test_the_functions_are_found() -> None:
    names = {f.__name__ for f in FUNCTIONS}
    assert names >= {
        "add_business_time", "business_time_between", "add_business_days", "is_open",
        "next_opening", "reaction_deadlines", "resolution_deadlines", "deadlines", "warnings",
        "frame", "outcomes", "report", "from_events",
    }  # fmt: skip


@pytest.mark.parametrize("function", FUNCTIONS, ids=lambda f: f"{f.__module__}.{f.__name__}")
@settings(max_examples=15, deadline=None)
@given(bad=NOT_CALLABLE)
def test_a_progress_that_is_not_callable_is_refused_first(
    function: Callable[..., object], bad: object
) -> None:
    params = inspect.signature(function).parameters.values()
    required = [p for p in params if p.default is p.empty and p.kind is p.POSITIONAL_OR_KEYWORD]
    with pytest.raises(errors.InvalidTypeError, match="progress must be a callable") as caught:
        function(*[None] * len(required), progress=bad)
    assert type(bad).__name__ in str(caught.value)
