"""Which plan applies to a ticket: ordered first-match rules on the ticket's attributes.

A rules file (TOML, read by the loader users call for every file) lists ``[[rules]]``,
each with the conditions a ticket must meet (``when``) and the plan it then gets; the
first rule that matches decides, and the table's ``default`` applies when none does.
The matching is the shared rule engine of :mod:`supportpolicy._rules`, the same that
decides coverage requests. The shape is documented in docs/plans.md, "Choosing the
plan".
"""

from __future__ import annotations

import os
from collections.abc import Collection, Mapping
from pathlib import Path

import attrs

from supportpolicy import _rules, _toml
from supportpolicy._render import Fact, Facts, Kind, Shown
from supportpolicy.errors import InvalidTypeError, InvalidValueError, PolicyFileError, shown
from supportpolicy.i18n import N_, translator
from supportpolicy.sla._conditions import condition_of, condition_text, rule_id
from supportpolicy.sla.plans import Plan, load_plans, plan_names
from supportpolicy.sla.plans import plan as preset_plan
from supportpolicy.sla.priorities import as_priority

__all__ = ["Choice", "PlanRule", "PlanRules", "load_plan_rules", "select_plan"]

_FILE_KEYS = frozenset({"source", "plans", "default", "rules"})
_RULE_KEYS = frozenset({"id", "when", "plan"})
_MAX_TAGS = 1000


@attrs.frozen
class PlanRule:
    """One row of a selection table: its id, its conditions and the plan it gives."""

    id: str
    when: _rules.When
    plan: Plan


@attrs.frozen(repr=False)
class PlanRules(Shown):
    """A loaded selection table: the rules in order and the default plan (or None)."""

    source: str
    rules: tuple[PlanRule, ...]
    default: Plan | None = None

    _domain = "sla"

    def select(self, **ticket: object) -> Choice:
        """The plan for the ticket whose attributes are *ticket* (see :func:`select_plan`)."""
        attributes = _ticket(ticket)
        index = _rules.first_match(self.rules, _when_of, attributes.get)
        if index is not None:
            rule = self.rules[index]
            return Choice(rule.plan, rule, index + 1, _frozen(attributes), self.source)
        if self.default is not None:
            return Choice(self.default, None, None, _frozen(attributes), self.source)
        given = ", ".join(f"{k}={shown(v, 40)}" for k, v in sorted(attributes.items()))
        raise InvalidValueError(
            f"{self.source}: no rule matches the ticket ({given or 'no attributes'}); "
            'add a rule for it, or a default = "<plan>" to the file'
        )

    def _facts(self) -> Facts:
        default = None if self.default is None else self.default.key
        return (
            Fact("source", None, self.source, brief="{}"),
            Fact("rules", None, len(self.rules), Kind.INT, brief="{} rules"),
            Fact("default", None, default),
        )


@attrs.frozen(repr=False)
class Choice(Shown):
    """The plan chosen for a ticket, the rule that chose it (None: the table's default)
    and its 1-based position, the ticket's attributes as matched, and the file."""

    plan: Plan
    rule: PlanRule | None
    number: int | None
    ticket: tuple[tuple[str, object], ...]
    source: str

    _domain = "sla"

    @property
    def by_default(self) -> bool:
        """True when no rule matched and the table's default applies."""
        return self.rule is None

    def explain(self, locale: str = "en") -> str:
        """The plan, and the rule that matched with each condition and why it holds,
        or that the default applies, in *locale*."""
        tr = translator(locale, "sla")
        title, file = self.plan.title(locale), os.path.basename(self.source)
        if self.rule is None:
            return tr.gettext(
                "Plan {plan}: no rule of {file} matches the ticket, so the table's "
                "default applies."
            ).format(plan=title, file=file)
        head = tr.gettext("Plan {plan}, by rule {n} ({id}) of {file}").format(
            plan=title, n=self.number, id=self.rule.id, file=file
        )
        if self.rule.when.unconditional:
            return tr.gettext("{rule}, which matches every ticket.").format(rule=head)
        ticket = dict(self.ticket)
        reasons = "; ".join(
            condition_text(condition, ticket.get(condition.key), locale)
            for condition in self.rule.when.conditions
        )
        return tr.gettext("{rule}: {reasons}.").format(rule=head, reasons=reasons)

    def _facts(self) -> Facts:
        rule_key = None if self.rule is None else self.rule.id
        return (
            Fact("plan", None, self.plan.key, brief="{}"),
            Fact(None, None, "default" if self.rule is None else rule_key, brief="by {}"),
            Fact(None, N_("Plan"), self.plan.title, Kind.LOCALIZED),
            Fact("rule", N_("Rule"), rule_key, none=N_("the table's default")),
            Fact("rule_number", None, self.number, Kind.INT),
            Fact("by_default", None, self.by_default, Kind.BOOL),
            Fact("source", None, self.source),
        )


def _when_of(rule: PlanRule) -> _rules.When:
    return rule.when


def _frozen(attributes: Mapping[str, object]) -> tuple[tuple[str, object], ...]:
    return tuple(sorted(attributes.items()))


def _ticket(ticket: Mapping[str, object]) -> dict[str, object]:
    """The ticket's attributes as the rules read them: strings, a priority as an int,
    collections (tags) as frozensets of strings; None is left out (not given)."""
    result: dict[str, object] = {}
    for key, value in ticket.items():
        if value is None:
            continue
        if key == "priority":
            result[key] = int(as_priority(value))
        elif isinstance(value, str):
            result[key] = value
        elif isinstance(value, Collection) and not isinstance(value, bytes | Mapping):
            if len(value) > _MAX_TAGS or not all(isinstance(v, str) for v in value):
                raise InvalidTypeError(
                    f"ticket attribute {key} must be a string or a collection of at most "
                    f"{_MAX_TAGS} strings (such as tags), got {shown(value, 60)}"
                )
            result[key] = frozenset(value)
        else:
            raise InvalidTypeError(
                f"ticket attribute {key} must be a string, a collection of strings "
                f"(such as tags) or, for priority, 1-4; got {type(value).__name__}"
            )
    return result


def _plans_file(table: _toml.Table, source: str) -> dict[str, Plan]:
    if "plans" not in table:
        return {}
    name = _toml.require(table, "plans", str, source, "the file")
    path = Path(name)
    if not path.is_absolute():
        path = Path(source).parent / path
    return load_plans(path)


def _resolve(name: object, plans: Mapping[str, Plan], source: str, where: str) -> Plan:
    if not isinstance(name, str) or not name.strip():
        raise PolicyFileError(f"{source}: {where} must name a plan, got {shown(name)}")
    if name in plans:
        return plans[name]
    if name.strip().lower() in plan_names():
        return preset_plan(name)
    known = ", ".join([*sorted(plans), *plan_names()])
    raise PolicyFileError(
        f"{source}: {where} names no known plan ({shown(name)}); accepted: {known}"
    )


def _rule(
    number: int, body: object, plans: Mapping[str, Plan], source: str
) -> PlanRule:
    where = f"rules[{number}]"
    if not isinstance(body, dict):
        raise PolicyFileError(f"{source}: {where} must be a table, got {type(body).__name__}")
    unknown = sorted(set(body) - _RULE_KEYS)
    if unknown:
        raise PolicyFileError(
            f"{source}: {where} has unknown key {shown(unknown[0])}; "
            f"accepted: {', '.join(sorted(_RULE_KEYS))}"
        )
    when = _toml.require(body, "when", dict, source, where) if "when" in body else {}
    conditions = tuple(
        condition_of(key, value, source, f"{where}.when") for key, value in when.items()
    )
    return PlanRule(
        id=rule_id(body, number, source, where),
        when=_rules.When(conditions),
        plan=_resolve(_toml.require(body, "plan", str, source, where), plans, source,
                      f"{where}.plan"),
    )  # fmt: skip


def _parse(table: _toml.Table, source: str) -> PlanRules:
    unknown = sorted(set(table) - _FILE_KEYS)
    if unknown:
        raise PolicyFileError(
            f"{source}: unknown top-level key {shown(unknown[0])}; "
            f"accepted: {', '.join(sorted(_FILE_KEYS))}"
        )
    plans = _plans_file(table, source)
    rules = tuple(
        _rule(number, body, plans, source)
        for number, body in enumerate(_toml.entries(table, "rules", list, source, "the file"), 1)
    )
    default = (
        _resolve(table["default"], plans, source, "default") if "default" in table else None
    )
    if not rules and default is None:
        raise PolicyFileError(
            f"{source}: rules is empty and there is no default; add a [[rules]] table"
        )
    for number, rule in enumerate(rules, start=1):
        later = number < len(rules) or default is not None
        if rule.when.unconditional and later:
            raise PolicyFileError(
                f"{source}: rules[{number}] ({rule.id}) matches every ticket, so "
                + ("the rules after it" if number < len(rules) else "the default")
                + " would never apply; give it conditions or remove what follows"
            )
    ids = [rule.id for rule in rules]
    repeated = sorted({i for i in ids if ids.count(i) > 1})
    if repeated:
        raise PolicyFileError(f"{source}: rule id {shown(repeated[0])} is given twice")
    return PlanRules(source, rules, default)


def load_plan_rules(path: str | os.PathLike[str]) -> PlanRules:
    """Read a plan-selection table from a TOML file (shape in docs/plans.md)."""
    return _parse(*_toml.read_toml(path))


def select_plan(rules: PlanRules | str | os.PathLike[str], /, **ticket: object) -> Choice:
    """The plan for a ticket: the first rule of *rules* (a file, or a table loaded by
    :func:`load_plan_rules`) whose conditions the ticket's attributes meet, else the
    table's default. A ticket no rule matches, in a table without a default, raises
    :class:`~supportpolicy.errors.InvalidValueError` naming its attributes.

    Attributes are strings (customer, product, channel, any field), ``priority`` (1-4,
    or a :class:`~supportpolicy.sla.Priority`), and collections of strings (``tags``).
    """
    table = rules if isinstance(rules, PlanRules) else load_plan_rules(rules)
    return table.select(**ticket)
