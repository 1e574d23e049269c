"""Coverage: is a request in scope (free) or billable, and why."""

__all__: list[str] = []
