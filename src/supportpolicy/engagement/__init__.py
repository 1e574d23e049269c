"""Engagement: Statement of Work vs. buying hours; TAM session allowances."""

__all__: list[str] = []
