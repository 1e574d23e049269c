"""SLA: business calendars, the business clock, plans, deadlines and ticket status."""

__all__: list[str] = []
