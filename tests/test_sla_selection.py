"""Plan selection (``sla.select_plan``): first-match rules on a ticket's attributes.

The rule checked is docs/plans.md, "Choosing the plan": the rules are tried in file
order and the first whose every condition holds decides; the table's ``default``
applies when none does, and without one the ticket is refused, naming its attributes.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from supportpolicy import errors, sla
from supportpolicy.sla import selection

LOCALES = ("en", "de", "nl", "es", "ru")

RULES = """
default = "basic"

[[rules]]
id = "acme-phone"
when = { customer = "acme", channel = ["phone", "email"], priority = [1, 2] }
plan = "premium"

[[rules]]
id = "key-accounts"
when = { tags = { any = ["vip", "key-account"] } }
plan = "business"

[[rules]]
id = "acme"
when = { customer = "acme" }
plan = "saas"
"""


@pytest.fixture
def rules_file(tmp_path: Path) -> Path:
    path = tmp_path / "rules.toml"
    path.write_text(RULES, encoding="utf-8")
    return path


def test_golden_the_first_match_wins_over_a_later_broader_rule(rules_file: Path) -> None:
    # Rule 3 (customer = acme) matches every acme ticket; rule 1 is narrower and comes
    # first, so an acme P1 phone ticket gets rule 1's plan (first match wins).
    choice = sla.select_plan(rules_file, customer="acme", channel="phone", priority=1)
    assert (choice.plan.key, choice.rule and choice.rule.id, choice.number) == (
        "premium",
        "acme-phone",
        1,
    )
    # The same customer by web: rule 1 fails on channel, rule 2 on tags, rule 3 holds.
    later = sla.select_plan(rules_file, customer="acme", channel="web", priority=1)
    assert (later.plan.key, later.number) == ("saas", 3)
    # Priority 3 by phone fails rule 1 on priority only.
    assert sla.select_plan(rules_file, customer="acme", channel="phone", priority=3).number == 3
    # A VIP tag puts any customer on rule 2, before rule 3 for acme.
    tagged = sla.select_plan(rules_file, customer="acme", channel="web", tags=["eu", "vip"])
    assert (tagged.plan.key, tagged.number) == ("business", 2)


def test_golden_the_default_applies_when_no_rule_matches(rules_file: Path) -> None:
    choice = sla.select_plan(rules_file, customer="globex", channel="web", priority=4)
    assert choice.plan.key == "basic" and choice.rule is None and choice.by_default
    assert "default" in choice.explain("en")


def test_the_explanation_says_which_rule_and_why(rules_file: Path) -> None:
    choice = sla.select_plan(rules_file, customer="acme", channel="phone", priority=1)
    assert choice.explain("en") == (
        "Plan Premium, by rule 1 (acme-phone) of rules.toml: customer is acme; "
        "channel is phone (one of email, phone); priority is 1 (one of 1, 2)."
    )
    tagged = sla.select_plan(rules_file, customer="x", tags=("vip",))
    assert tagged.explain("en") == (
        "Plan Business, by rule 2 (key-accounts) of rules.toml: "
        "tags include vip (any of key-account, vip)."
    )


@pytest.mark.parametrize("locale", LOCALES)
def test_the_explanation_is_localized(rules_file: Path, locale: str) -> None:
    for ticket in (
        {"customer": "acme", "channel": "phone", "priority": 1},
        {"customer": "x", "tags": ["vip"]},
        {"customer": "x"},
    ):
        text = sla.select_plan(rules_file, **ticket).explain(locale)
        words = set(re.findall(r"[A-Za-z]+", text))
        if locale != "en":
            assert not words & {"rule", "matches", "default", "include", "customer", "one"}
        assert text.endswith(".")


def test_no_match_without_a_default_names_the_attributes(tmp_path: Path) -> None:
    path = tmp_path / "rules.toml"
    path.write_text(RULES.replace('default = "basic"', ""), encoding="utf-8")
    with pytest.raises(errors.InvalidValueError, match=r"channel='web', customer='globex'"):
        sla.select_plan(path, customer="globex", channel="web")


def test_a_loaded_table_is_reused_and_rules_name_a_plans_file(tmp_path: Path) -> None:
    plans = tmp_path / "plans.toml"
    plans.write_text(
        '[plans.gold]\ntitle = "Gold"\ntimezone = "UTC"\nhours = "24x7"\n'
        "[plans.gold.reaction]\np1 = { hours = 1 }\np2 = { hours = 2 }\n"
        "p3 = { hours = 3 }\np4 = { hours = 4 }\n",
        encoding="utf-8",
    )
    path = tmp_path / "rules.toml"
    path.write_text(
        'plans = "plans.toml"\n[[rules]]\nwhen = { product = "erp" }\nplan = "gold"\n'
        '[[rules]]\nplan = "basic"\n',
        encoding="utf-8",
    )
    table = sla.load_plan_rules(path)
    assert sla.select_plan(table, product="erp").plan == sla.load_plans(plans)["gold"]
    last = sla.select_plan(table, product="crm")
    assert (last.plan.key, last.rule and last.rule.id) == ("basic", "rule-2")
    assert "matches every ticket" in last.explain("en")


BAD = [
    ("surprise = 1\n[[rules]]\nplan = 'basic'\n", "unknown top-level key 'surprise'"),
    ("[[rules]]\nplan = 'platinum'\n", r"rules\[1\].plan names no known plan"),
    ("[[rules]]\nwhen = {}\nplan = 'basic'\n[[rules]]\nplan = 'premium'\n", "never apply"),
    ("default = 'basic'\n[[rules]]\nplan = 'premium'\n", "the default would never apply"),
    ("[[rules]]\nwhen = { priority = 5 }\nplan = 'basic'\n", r"priorities 1-4"),
    ("[[rules]]\nwhen = { channel = [] }\nplan = 'basic'\n", "1 to"),
    ("[[rules]]\nwhen = { channel = 3 }\nplan = 'basic'\n", "non-empty strings"),
    ("[[rules]]\nwhen = { tags = { some = ['a'] } }\nplan = 'basic'\n", "any, all or none"),
    ("[[rules]]\nplan = 'basic'\nwhy = 'x'\n", "unknown key 'why'"),
    ("[[rules]]\nid = 'a'\nwhen = { x = 'y' }\nplan = 'basic'\n"
     "[[rules]]\nid = 'a'\nplan = 'basic'\n", "given twice"),
    ("rules = []\n", "rules is empty"),
    ("plans = 'missing.toml'\nrules = []\ndefault = 'basic'\n", "no such file"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "message"), BAD)
def test_a_bad_rules_file_is_refused_naming_the_key(
    tmp_path: Path, text: str, message: str
) -> None:
    path = tmp_path / "rules.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(errors.PolicyFileError, match=message):
        sla.load_plan_rules(path)


def test_the_file_guard_applies(tmp_path: Path) -> None:
    with pytest.raises(errors.PolicyFileError, match="not a regular file"):
        sla.select_plan(tmp_path, customer="acme")
    with pytest.raises(errors.InvalidTypeError):
        sla.select_plan(b"rules.toml", customer="acme")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("ticket", "error"),
    [
        ({"priority": 7}, errors.InvalidValueError),
        ({"customer": 3}, errors.InvalidTypeError),
        ({"tags": ["a", 1]}, errors.InvalidTypeError),
        ({"tags": {"a": "b"}}, errors.InvalidTypeError),
    ],
)
def test_bad_ticket_attributes_are_refused(
    rules_file: Path, ticket: dict[str, Any], error: type[Exception]
) -> None:
    with pytest.raises(error):
        sla.select_plan(rules_file, **ticket)


# --- generated tables and tickets, against a naive reading of the rule --------------------

VALUES = ["a", "b", "c"]
FIELDS = ["customer", "channel", "tags", "priority"]
PLANS = list(sla.plan_names())


@st.composite
def tables(draw: st.DrawFn) -> dict[str, Any]:
    rules = []
    for _ in range(draw(st.integers(0, 6))):
        when: dict[str, Any] = {}
        for key in draw(st.lists(st.sampled_from(FIELDS), unique=True, max_size=3)):
            pool = [1, 2, 3, 4] if key == "priority" else VALUES
            values = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=3, unique=True))
            mode = draw(st.sampled_from(["plain", "any", "all", "none"]))
            when[key] = values if mode == "plain" else {mode: values}
        rules.append({"when": when, "plan": draw(st.sampled_from(PLANS))})
    rules = [r for r in rules if r["when"]] + [r for r in rules if not r["when"]][:1]
    table: dict[str, Any] = {"rules": rules}
    if not rules or (rules[-1]["when"] and draw(st.booleans())):
        table["default"] = draw(st.sampled_from(PLANS))
    return table


tickets = st.fixed_dictionaries(
    {},
    optional={
        "customer": st.sampled_from(VALUES),
        "channel": st.sampled_from(VALUES),
        "tags": st.lists(st.sampled_from(VALUES), max_size=3),
        "priority": st.integers(1, 4),
    },
)


def naive_holds(key: str, spec: Any, ticket: dict[str, Any]) -> bool:
    mode, values = next(iter(spec.items())) if isinstance(spec, dict) else ("any", spec)
    value = ticket.get(key)
    have = set() if value is None else (set(value) if isinstance(value, list) else {value})
    if mode == "none":
        return not have & set(values)
    if value is None:
        return False
    if mode == "all":
        return set(values) <= have if isinstance(value, list) else {value} == set(values)
    return bool(have & set(values))


@settings(max_examples=300, deadline=None)
@given(tables(), tickets)
def test_selection_is_the_first_rule_whose_conditions_all_hold(
    table: dict[str, Any], ticket: dict[str, Any]
) -> None:
    loaded = selection._parse(table, "gen.toml")
    expected = next(
        (
            i
            for i, rule in enumerate(table["rules"], 1)
            if all(naive_holds(k, v, ticket) for k, v in rule["when"].items())
        ),
        None,
    )
    if expected is None and "default" not in table:
        with pytest.raises(errors.InvalidValueError, match="no rule matches"):
            loaded.select(**ticket)
        return
    choice = loaded.select(**ticket)
    assert choice.number == expected
    wanted = table["rules"][expected - 1]["plan"] if expected else table["default"]
    assert choice.plan.key == wanted
    for locale in LOCALES:
        assert choice.plan.title(locale) in choice.explain(locale)
