"""Coverage policies: ordered rule tables, read from TOML presets or users' own files.

Presets and users' files go through the one loader (:func:`load_policy` reads a path,
:func:`policy` a shipped preset; both build the policy with the same function), so a
preset is exactly what a user could have written.
"""

from __future__ import annotations

import functools
import operator
import os
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import attrs

from supportpolicy import _coerce, _rules, _toml
from supportpolicy._render import Fact, Facts, Kind, Shown
from supportpolicy.coverage.kinds import Channel, RequestKind
from supportpolicy.coverage.rules import NextStep, Request, Rule, Text, Verdict, localize_text
from supportpolicy.coverage.views import rule_facts
from supportpolicy.errors import (
    InvalidTypeError,
    InvalidValueError,
    PolicyFileError,
    SupportPolicyError,
    shown,
)
from supportpolicy.i18n import N_

__all__ = ["BILLED_PARTIES", "Policy", "load_policy", "policy", "policy_names"]

_PACKAGE = "supportpolicy.coverage"
#: Who a policy bills for work outside the contract (001 leaves it to the contract).
BILLED_PARTIES: tuple[str, ...] = ("customer", "partner")

_TOP_KEYS = frozenset(
    {"name", "title", "source", "plans", "plan_names", "tiers", "parameters", "rules"}
)
_RULE_KEYS = frozenset(
    {
        "id", "verdict", "next", "reason", "kinds", "plans", "channels", "tiers",
        "complete", "from_end_user", "lead_ticket", "available_from",
    }
)
_PARAMETER_KEYS = frozenset({"billed_to", "subscriber_discount"})


@attrs.frozen(repr=False)
class Policy(Shown):
    """A named coverage policy: its ordered rules and the parameters they refer to."""

    name: str
    title: Text
    source: str
    rules: tuple[Rule, ...]
    plans: tuple[str, ...] = ()
    plan_names: tuple[tuple[str, Text], ...] = ()
    tiers: tuple[str, ...] = ()
    billed_to: str | None = None
    subscriber_discount: Decimal | None = None

    _domain = "coverage"

    def first_match(self, request: Request) -> tuple[int, Rule]:
        """The 1-based position and the rule that decides *request* (first match wins)."""
        index = _rules.first_match(
            self.rules, operator.attrgetter("when"), functools.partial(getattr, request)
        )
        if index is not None:
            return index + 1, self.rules[index]
        # Unreachable for a loaded policy: its last rule is checked to match everything.
        raise InvalidValueError(f"policy {self.name!r}: no rule matches {shown(request)}")

    def plan_label(self, plan: str, locale: str = "en") -> str:
        """The display name of *plan* in *locale* (the plan's id where none is given)."""
        names = dict(self.plan_names)
        return localize_text(names[plan], locale) if plan in names else plan

    def title_text(self, locale: str = "en") -> str:
        """The policy's title in *locale*."""
        return localize_text(self.title, locale)

    def _facts(self) -> Facts:
        brief = f"{self.name}, {len(self.rules)} rules, source {self.source}"
        return (
            Fact(None, None, brief, brief="{}"),
            Fact("policy", None, self.name),
            Fact("rules", None, len(self.rules), Kind.INT),
            Fact("source", N_("Source document"), self.source),
        )

    def _rows(self) -> tuple[Facts, ...]:
        return tuple(rule_facts(number, rule) for number, rule in enumerate(self.rules, 1))

    def _caption(self, locale: str) -> str:
        return self.title_text(locale)


def policy_names() -> tuple[str, ...]:
    """The names of the shipped presets."""
    return _toml.preset_names(_PACKAGE)


@functools.cache
def _preset(name: str) -> Policy:
    table, source = _toml.read_preset(_PACKAGE, name, "coverage policy")
    return policy_from_table(table, source)


def policy(name: str | Policy) -> Policy:
    """The shipped preset *name* (``saas``, ``support-contract``, ``crm-packages``,
    ``tam-services``); a :class:`Policy` is returned as is.

    >>> policy("saas").source
    '001_18e5686844ebd9ae.txt'
    """
    if isinstance(name, Policy):
        return name
    if not isinstance(name, str):
        raise _type_error(name)
    return _preset(name.strip().lower())


def load_policy(path: str | os.PathLike[str]) -> Policy:
    """Read a user's own policy file: the same TOML shape as the presets."""
    table, source = _toml.read_toml(path)
    return policy_from_table(table, source)


def _type_error(value: object) -> SupportPolicyError:
    return InvalidTypeError(
        f"policy must be a preset name ({', '.join(policy_names())}) or a "
        f"coverage.Policy, got {type(value).__name__}"
    )


def policy_from_table(table: Mapping[str, Any], source: str) -> Policy:
    """Build a policy from a parsed TOML table; errors name *source* and the key."""
    _no_unknown(table, _TOP_KEYS, source, "the file")
    name = _toml.require(table, "name", str, source, "the file")
    plans = _names(table.get("plans", []), source, "plans")
    tiers = _names(table.get("tiers", []), source, "tiers")
    parameters = table.get("parameters", {})
    if not isinstance(parameters, Mapping):
        raise PolicyFileError(f"{source}: parameters must be a table")
    _no_unknown(parameters, _PARAMETER_KEYS, source, "parameters")
    raw_rules = _toml.entries(table, "rules", list, source, "the file")
    if not raw_rules:
        raise PolicyFileError(f"{source}: rules is empty; give at least one [[rules]] table")
    rules = tuple(
        _rule(raw, source, f"rules[{index}]", plans, tiers)
        for index, raw in enumerate(raw_rules)
    )
    _check_table(rules, source)
    plan_names = table.get("plan_names", {})
    if not isinstance(plan_names, Mapping) or not set(plan_names) <= set(plans):
        raise PolicyFileError(
            f"{source}: plan_names must be a table whose keys are among plans ({', '.join(plans)})"
        )
    return Policy(
        name=name.strip().lower(),
        title=_text(
            _toml.require(table, "title", (str, dict), source, "the file"), source, "title"
        ),
        source=str(table.get("source", "")),
        rules=rules,
        plans=plans,
        plan_names=tuple(
            (key, _text(value, source, f"plan_names.{key}")) for key, value in plan_names.items()
        ),
        tiers=tiers,
        billed_to=_billed_to(parameters, source),
        subscriber_discount=_discount(parameters, source),
    )


def _rule(
    raw: object, source: str, where: str, plans: tuple[str, ...], tiers: tuple[str, ...]
) -> Rule:
    if not isinstance(raw, Mapping):
        raise PolicyFileError(f"{source}: {where} must be a table")
    _no_unknown(raw, _RULE_KEYS, source, where)
    verdict = _member(Verdict, _toml.require(raw, "verdict", str, source, where), source, where)
    step = _member(NextStep, _toml.require(raw, "next", str, source, where), source, where)
    if step.verdict is not verdict:
        raise PolicyFileError(
            f"{source}: {where}.next {step.value!r} cannot follow verdict {verdict.value!r}; "
            f"it follows {step.verdict.value!r}"
        )
    available_from = raw.get("available_from")
    if (step is NextStep.AVAILABLE_FROM_PLAN) != (available_from is not None):
        raise PolicyFileError(
            f"{source}: {where}.available_from is required with next = "
            "'available-from-plan' and accepted only there"
        )
    if available_from is not None and available_from not in plans:
        raise PolicyFileError(
            f"{source}: {where}.available_from {shown(available_from)} is not one of the "
            f"policy's plans ({', '.join(plans) or 'none'})"
        )
    return Rule(
        id=_toml.require(raw, "id", str, source, where),
        verdict=verdict,
        next_step=step,
        reason=_text(_toml.require(raw, "reason", (str, dict), source, where), source, where),
        kinds=_set(raw, "kinds", source, where, lambda v, w: _member(RequestKind, v, source, w)),
        plans=_set(raw, "plans", source, where, lambda v, w: _known(v, plans, "plans", source, w)),
        channels=_set(raw, "channels", source, where, lambda v, w: _member(Channel, v, source, w)),
        tiers=_set(raw, "tiers", source, where, lambda v, w: _known(v, tiers, "tiers", source, w)),
        complete=_flag(raw, "complete", source, where),
        from_end_user=_flag(raw, "from_end_user", source, where),
        lead_ticket=_flag(raw, "lead_ticket", source, where),
        available_from=available_from,
    )


def _check_table(rules: tuple[Rule, ...], source: str) -> None:
    ids = [rule.id for rule in rules]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise PolicyFileError(
            f"{source}: rule ids must be unique; repeated: {', '.join(duplicates)}"
        )
    if not rules[-1].unconditional:
        raise PolicyFileError(
            f"{source}: the last rule ({rules[-1].id!r}) must have no conditions, so that "
            "every request gets a verdict"
        )


def _no_unknown(table: Mapping[str, Any], known: frozenset[str], source: str, where: str) -> None:
    unknown = sorted(set(table) - known)
    if unknown:
        raise PolicyFileError(
            f"{source}: {where} has unknown key(s) {', '.join(unknown)}; "
            f"accepted: {', '.join(sorted(known))}"
        )


def _names(value: object, source: str, key: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise PolicyFileError(f"{source}: {key} must be a list of non-empty strings")
    names = tuple(v.strip().lower() for v in value)
    if len(set(names)) != len(names):
        raise PolicyFileError(f"{source}: {key} lists a name twice")
    return names


def _set(raw: Mapping[str, Any], key: str, source: str, where: str, convert: Any) -> Any:
    if key not in raw:
        return None
    values = raw[key]
    if not isinstance(values, list) or not values:
        raise PolicyFileError(f"{source}: {where}.{key} must be a non-empty list")
    return frozenset(convert(value, f"{where}.{key}") for value in values)


def _member(enum_type: Any, value: object, source: str, where: str) -> Any:
    try:
        return _coerce.member(enum_type, value, where)
    except SupportPolicyError as exc:
        raise PolicyFileError(f"{source}: {exc}") from None


def _known(value: object, allowed: tuple[str, ...], key: str, source: str, where: str) -> str:
    if not isinstance(value, str) or value.strip().lower() not in allowed:
        raise PolicyFileError(
            f"{source}: {where} has {shown(value)}, which is not among the policy's {key} "
            f"({', '.join(allowed) or 'none declared'})"
        )
    return value.strip().lower()


def _flag(raw: Mapping[str, Any], key: str, source: str, where: str) -> bool | None:
    if key not in raw:
        return None
    value = raw[key]
    if not isinstance(value, bool):
        raise PolicyFileError(f"{source}: {where}.{key} must be true or false")
    return value


def _text(value: object, source: str, where: str) -> Text:
    if isinstance(value, str) and value.strip():
        return value
    if (
        isinstance(value, Mapping)
        and isinstance(value.get("en"), str)
        and all(isinstance(k, str) and isinstance(v, str) and v for k, v in value.items())
    ):
        return tuple(sorted(value.items()))
    raise PolicyFileError(
        f"{source}: {where} must be a non-empty string or a table of translations "
        "with at least an 'en' entry"
    )


def _billed_to(parameters: Mapping[str, Any], source: str) -> str | None:
    value = parameters.get("billed_to")
    if value is None:
        return None
    if value not in BILLED_PARTIES:
        raise PolicyFileError(
            f"{source}: parameters.billed_to {shown(value)} is not accepted; "
            f"accepted: {', '.join(BILLED_PARTIES)}"
        )
    return str(value)


def _discount(parameters: Mapping[str, Any], source: str) -> Decimal | None:
    value = parameters.get("subscriber_discount")
    if value is None:
        return None
    if isinstance(value, float):
        raise PolicyFileError(
            f"{source}: parameters.subscriber_discount must be a whole number or a string "
            "such as \"12.5\" (a TOML float is inexact)"
        )
    try:
        percent = _coerce.decimal(value, "parameters.subscriber_discount")
    except SupportPolicyError as exc:
        raise PolicyFileError(f"{source}: {exc}") from None
    if percent > 100:
        raise PolicyFileError(
            f"{source}: parameters.subscriber_discount {shown(value)} is a percentage from 0 to 100"
        )
    return percent
