"""Coverage: is a request in scope (free) or billable, and why; intake; monthly billing.

Policies are ordered rule tables (first match wins) shipped as TOML presets for the
source documents 001-004 and loadable from users' own files with the same loader.
"""

from supportpolicy.coverage.billing import (
    Statement,
    StatementLine,
    TimeEntry,
    minor_unit,
    monthly_statement,
    monthly_statements,
)
from supportpolicy.coverage.decisions import Decision, classify
from supportpolicy.coverage.intake import IntakeState, intake_state
from supportpolicy.coverage.kinds import Channel, ChannelMode, RequestKind
from supportpolicy.coverage.policies import (
    BILLED_PARTIES,
    Policy,
    load_policy,
    policy,
    policy_from_table,
    policy_names,
)
from supportpolicy.coverage.rules import NextStep, Request, Rule, Verdict
from supportpolicy.coverage.spreadsheet import csv_delimiter, statement_csv, write_statement_csv

__all__ = [
    "BILLED_PARTIES",
    "Channel",
    "ChannelMode",
    "Decision",
    "IntakeState",
    "NextStep",
    "Policy",
    "Request",
    "RequestKind",
    "Rule",
    "Statement",
    "StatementLine",
    "TimeEntry",
    "Verdict",
    "classify",
    "csv_delimiter",
    "intake_state",
    "load_policy",
    "minor_unit",
    "monthly_statement",
    "monthly_statements",
    "policy",
    "policy_from_table",
    "policy_names",
    "statement_csv",
    "write_statement_csv",
]
