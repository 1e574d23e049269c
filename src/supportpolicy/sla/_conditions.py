"""The conditions of a plan-selection rule: read from its ``when`` table, told in words.

``when = { customer = "acme", channel = ["phone", "email"], tags = { all = ["vip"] } }``:
each key is a ticket attribute; a value is one accepted value, a list of them (any
one), or a table with one key ``any``, ``all`` or ``none`` (for collections such as
tags: holds at least one, every one, or none of them). ``priority`` takes 1-4 (or
``"p1"``..``"p4"``); every other attribute takes strings, compared exactly.
"""

from __future__ import annotations

from collections.abc import Collection

from supportpolicy import _limits, _rules, _toml
from supportpolicy.errors import PolicyFileError, SupportPolicyError, shown
from supportpolicy.i18n import N_, translator
from supportpolicy.sla.priorities import as_priority

__all__ = ["condition_of", "condition_text", "rule_id"]

_MODES = {"any": _rules.Match.ANY, "all": _rules.Match.ALL, "none": _rules.Match.NONE}
_FIELD_LABELS = {
    "customer": N_("customer"),
    "product": N_("product"),
    "channel": N_("channel"),
    "priority": N_("priority"),
    "tags": N_("tags"),
}
"""The attributes most rules name, localized; any other is shown by its own name."""


def rule_id(body: _toml.Table, number: int, source: str, where: str) -> str:
    """The rule's ``id`` if given (a non-empty string), else ``rule-<number>``."""
    if "id" not in body:
        return f"rule-{number}"
    value = _toml.require(body, "id", str, source, where)
    if not value.strip():
        raise PolicyFileError(f"{source}: {where}.id must not be empty")
    return str(value.strip())


def condition_of(key: str, value: object, source: str, where: str) -> _rules.Condition:
    """The condition ``when.<key> = value`` of a rule, or a PolicyFileError naming it."""
    here = f"{where}.{key}"
    if not key.strip():
        raise PolicyFileError(f"{source}: {where} has an empty attribute name")
    mode = _rules.Match.ANY
    if isinstance(value, dict):
        if len(value) != 1 or next(iter(value)) not in _MODES:
            raise PolicyFileError(
                f"{source}: {here} must be a value, a list, or a table with one key "
                "any, all or none, such as { all = [\"vip\", \"eu\"] }"
            )
        ((name, value),) = value.items()
        mode, here = _MODES[name], f"{here}.{name}"
    items = value if isinstance(value, list) else [value]
    if not items or len(items) > _limits.MAX_FILE_ENTRIES:
        raise PolicyFileError(
            f"{source}: {here} must list 1 to {_limits.MAX_FILE_ENTRIES} values, got {len(items)}"
        )
    return _rules.Condition(key, frozenset(_value(key, item, source, here) for item in items), mode)


def _value(key: str, item: object, source: str, where: str) -> object:
    if key == "priority":
        try:
            return int(as_priority(item, where))
        except SupportPolicyError:
            raise PolicyFileError(
                f"{source}: {where} must give priorities 1-4 (or \"p1\"..\"p4\"), "
                f"got {shown(item)}"
            ) from None
    if not isinstance(item, str) or not item:
        raise PolicyFileError(
            f"{source}: {where} must give non-empty strings, got {shown(item)}"
        )
    return item


def _listed(values: Collection[object]) -> str:
    return ", ".join(sorted(str(v) for v in values))


def condition_text(condition: _rules.Condition, value: object, locale: str) -> str:
    """Why *condition* holds for the ticket's *value*, in *locale*."""
    tr = translator(locale, "sla")
    label = _FIELD_LABELS.get(condition.key)
    field = tr.gettext(label) if label is not None else condition.key
    values = _listed(condition.values)
    if condition.match is _rules.Match.NONE:
        return tr.gettext("{field} is none of {values}").format(field=field, values=values)
    if condition.match is _rules.Match.ALL:
        return tr.gettext("{field} include all of {values}").format(field=field, values=values)
    if isinstance(value, frozenset):
        found = _listed(condition.values & value)
        return tr.gettext("{field} include {found} (any of {values})").format(
            field=field, found=found, values=values
        )
    if len(condition.values) == 1:
        return tr.gettext("{field} is {value}").format(field=field, value=value)
    return tr.gettext("{field} is {value} (one of {values})").format(
        field=field, value=value, values=values
    )
