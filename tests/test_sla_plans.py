"""SLA plans: the presets read from the documents, the TOML loader and its errors."""

from __future__ import annotations

import datetime as dt
import pickle
import textwrap
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from supportpolicy import errors, i18n, sla
from supportpolicy.sla.priorities import as_priority
from supportpolicy.sla.targets import Unit

BERLIN = ZoneInfo("Europe/Berlin")

D001 = "001_18e5686844ebd9ae.txt"
D003 = "003_33b0bc4fae6cfdce.txt"
D004 = "004_a16f44cd7428cb9c.txt"
H, M, BD = Unit.HOURS, Unit.MINUTES, Unit.BUSINESS_DAYS

# Golden rows straight from the documents: (source, plan, timezone, hours, reaction per
# priority, resolution per priority, fee, fee is a minimum, currency, term in months).
PRESETS = [
    (D004, "basic", "Europe/Moscow", "Mon-Fri 10:00-18:00",
     ((24, H), (48, H), (48, H), (48, H)), (None,) * 4, Decimal(24000), False, "RUB", 12),
    (D004, "business", "Europe/Moscow", "Mon-Sat 09:00-19:00",
     ((4, H), (24, H), (24, H), (24, H)), (None,) * 4, Decimal(89000), False, "RUB", 12),
    # 004: Premium table gives 6 h reaction for P3/P4 (summary row says 4 h; table wins).
    (D004, "premium", "Europe/Moscow", "24x7",
     ((60, M), (4, H), (6, H), (6, H)), ((12, H), (3, BD), (10, BD), (20, BD)),
     Decimal(180000), True, "RUB", 12),
    (D003, "tam", "America/New_York", "Mon-Fri 09:00-18:00",
     ((1, BD),) * 4, (None,) * 4, None, False, None, None),
    (D001, "saas", "Europe/Zurich", "24x7", ((24, H),) * 4, (None,) * 4, None, False, None, None),
]  # fmt: skip


@pytest.mark.parametrize("row", PRESETS, ids=lambda row: f"{row[0][:3]}: {row[1]}")
def test_preset_matches_its_document(row: tuple) -> None:  # type: ignore[type-arg]
    source, name, tz, hours, reaction, resolution, fee, minimum, currency, term = row
    plan = sla.plan(name)
    assert plan.source == source
    assert plan.calendar.timezone == tz
    assert str(plan.calendar.hours) == hours
    assert [(t.amount, t.unit) for t in plan.reaction] == list(reaction)
    got = [None if t is None else (t.amount, t.unit) for t in plan.resolution]
    assert got == list(resolution)
    assert (plan.fee, plan.fee_is_minimum, plan.currency, plan.minimum_term_months) == (
        fee, minimum, currency, term,
    )  # fmt: skip


def test_document_004_plans_serve_one_contact_and_use_russian_holidays() -> None:
    for name in ("basic", "business"):
        assert sla.plan(name).contacts == 1
        assert sla.plan(name).calendar.country == "RU"
    premium = sla.plan("premium")
    assert premium.contacts == 1
    assert premium.working_days is not None and premium.working_days.country == "RU"
    assert premium.workaround_priorities == (sla.Priority(3), sla.Priority(4))
    assert premium.agreed_deadline_priorities == (sla.Priority(3), sla.Priority(4))


def test_tam_counts_us_federal_holidays_and_saas_allows_agreed_deadlines() -> None:
    tam = sla.plan("tam")
    assert tam.calendar.country == "US"
    # 1 business day counts on the promised 09:00-18:00 hours (issue 10), not whole days.
    assert tam.working_days is None and tam.calendar_for(tam.reaction[0]) is tam.calendar
    assert set(sla.plan("saas").agreed_deadline_priorities) == set(sla.Priority)


def test_plan_names_and_lookup() -> None:
    assert set(sla.plan_names()) == {"basic", "business", "premium", "tam", "saas"}
    assert sla.plan(" Premium ") is sla.plan("premium")
    with pytest.raises(errors.UnknownNameError, match="presets: basic"):
        sla.plan("gold")
    with pytest.raises(errors.InvalidTypeError, match="got int; presets: basic"):
        sla.plan(3)  # type: ignore[arg-type]


@pytest.mark.parametrize("name", ["basic", "business", "premium", "tam", "saas"])
def test_preset_is_what_a_user_file_gives(name: str, tmp_path: Path) -> None:
    shipped = Path(sla.plans.__file__).parent / "presets" / f"{name}.toml"
    copy = tmp_path / "mine.toml"
    copy.write_bytes(shipped.read_bytes())
    loaded = sla.load_plans(copy)
    assert loaded == {name: sla.plan(name)}


@pytest.mark.parametrize("name", ["basic", "business", "premium", "tam", "saas"])
def test_plans_pickle(name: str) -> None:
    plan = sla.plan(name)
    assert pickle.loads(pickle.dumps(plan)) == plan


@pytest.mark.parametrize("locale", i18n.LOCALES)
def test_plan_titles_and_table_in_every_language(locale: str) -> None:
    table = sla.plans_table(locale)
    assert len(table) == 13 and all(len(row) == 6 for row in table)
    assert all(cell for row in table[1:] for cell in row)
    if locale != "en":
        assert table[1][0] != sla.plans_table("en")[1][0]
    assert sla.plan("premium").title("ru" if locale == "ru" else locale)


GOOD = """
    source = "mine"
    [plans.gold]
    title = { en = "Gold", de = "Gold" }
    timezone = "Europe/Berlin"
    hours = "Mon-Fri 08:00-17:00"
    country = "DE"
    subdiv = "BY"
    closed = [2026-12-24]
    fee = "99.50"
    currency = "EUR"
    [plans.gold.working_days]
    title = "Bavarian working days"
    timezone = "Europe/Berlin"
    hours = "Mon-Fri 00:00-24:00"
    country = "DE"
    [plans.gold.reaction]
    p1 = { minutes = 30 }
    p2 = { hours = 2 }
    p3 = { hours = 8 }
    p4 = { business_days = 2 }
    [plans.gold.resolution]
    p1 = { hours = 8 }
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "plans.toml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_user_file_loads(tmp_path: Path) -> None:
    plans = sla.load_plans(write(tmp_path, GOOD))
    gold = plans["gold"]
    assert gold.title("de") == "Gold" and gold.title("ru") == "Gold"
    assert gold.fee == Decimal("99.50") and gold.currency == "EUR"
    assert gold.resolution[1:] == (None, None, None)
    assert gold.reaction[3].unit is Unit.BUSINESS_DAYS
    assert gold.source == "mine"


BAD = [
    ("fee = 99.5", "fee", "int or str"),
    ('fee = "lots"', "fee", "decimal string"),
    ('fee = "-1"', "fee", ">= 0"),
    ('hours = "Mon-Fri 25:00-26:00"', "hours", ""),
    ('timezone = "Mars/Olympus"', "timezone", ""),
    ("colour = 1", "colour", "accepted:"),
    ('currency = "XXQ"', "currency", "ISO 4217"),
    ("minimum_term_months = 0", "minimum_term_months", "> 0"),
    ("workaround_priorities = [5]", "workaround_priorities", "1-4"),
    ('closed = ["soon"]', "closed", "dates"),
]


@pytest.mark.parametrize(("line", "key", "accepted"), BAD, ids=[b[1] for b in BAD])
def test_malformed_file_names_file_key_and_accepted(
    tmp_path: Path, line: str, key: str, accepted: str
) -> None:
    text = textwrap.dedent(GOOD)
    name = line.split(" =", 1)[0]
    lines = [x for x in text.splitlines() if not x.startswith(f"{name} =")]
    lines.insert(lines.index("[plans.gold]") + 1, line)
    path = write(tmp_path, "\n".join(lines))
    with pytest.raises(errors.PolicyFileError) as info:
        sla.load_plans(path)
    message = str(info.value)
    assert str(path) in message and key in message and accepted in message


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("p2 = { hours = 2 }", "", "p2"),
        ("p2 = { hours = 2 }", "p2 = { days = 2 }", "minutes, hours, business_days"),
        ("p2 = { hours = 2 }", "p2 = { hours = 0 }", "accepted: integers 1-"),
        ("p2 = { hours = 2 }", "p2 = { hours = 2, minutes = 5 }", "one key"),
        ("p2 = { hours = 2 }", "p5 = { hours = 2 }", "p5"),
        ('title = "Bavarian working days"', "", "title"),
        ('title = { en = "Gold", de = "Gold" }', "title = { en = 3 }", "title"),
    ],
)
def test_malformed_targets(tmp_path: Path, old: str, new: str, expected: str) -> None:
    path = write(tmp_path, textwrap.dedent(GOOD).replace(old, new))
    with pytest.raises(errors.PolicyFileError, match=expected):
        sla.load_plans(path)


def test_business_days_count_on_the_service_calendar_without_working_days(
    tmp_path: Path,
) -> None:
    text = textwrap.dedent(GOOD)
    cut = text.index("[plans.gold.working_days]")
    text = text[:cut] + text[text.index("[plans.gold.reaction]") :]
    gold = sla.load_plans(write(tmp_path, text))["gold"]
    assert gold.working_days is None and gold.calendar_for(gold.reaction[3]) is gold.calendar
    # Wednesday 23 December 2026, 16:00: one hour before the 17:00 close. Thursday 24 is
    # closed by the plan, 25 and 26 are holidays: the days are Mon 28 and Tue 29.
    due = sla.reaction_deadline(gold, 4, dt.datetime(2026, 12, 23, 16, tzinfo=BERLIN)).due
    assert due.isoformat() == "2026-12-29T16:00:00+01:00"


def test_working_days_inherit_the_plans_dates_unless_they_list_their_own(
    tmp_path: Path,
) -> None:
    opened = dt.datetime(2026, 12, 23, 16, tzinfo=BERLIN)
    text = textwrap.dedent(GOOD)
    gold = sla.load_plans(write(tmp_path, text))["gold"]
    assert gold.working_days is not None
    assert gold.working_days.closed_dates == {dt.date(2026, 12, 24)}
    # 16 h into Wednesday 23 December; 24 December inherited closed, 25/26 holidays.
    due = sla.reaction_deadline(gold, 4, opened).due
    assert due.isoformat() == "2026-12-29T16:00:00+01:00"
    own = text.replace(
        'hours = "Mon-Fri 00:00-24:00"\ncountry = "DE"',
        'hours = "Mon-Fri 00:00-24:00"\ncountry = "DE"\nclosed = []',
    )
    assert own != text
    mine = sla.load_plans(write(tmp_path, own))["gold"]
    assert mine.working_days is not None and mine.working_days.closed_dates == frozenset()
    assert sla.reaction_deadline(mine, 4, opened).due.isoformat() == "2026-12-28T16:00:00+01:00"
    opened_text = text.replace("closed = [2026-12-24]", "open = [2026-12-26]")
    extra = sla.load_plans(write(tmp_path, opened_text))["gold"]
    assert extra.working_days is not None
    assert extra.working_days.open_dates == {dt.date(2026, 12, 26)}
    # Thu 24 and the opened Saturday 26 (a holiday opened by the plan) are working days.
    assert sla.reaction_deadline(extra, 4, opened).due.isoformat() == "2026-12-26T16:00:00+01:00"


def test_file_problems(tmp_path: Path) -> None:
    with pytest.raises(errors.PolicyFileError, match="no such file"):
        sla.load_plans(tmp_path / "missing.toml")
    with pytest.raises(errors.PolicyFileError, match="not valid TOML"):
        sla.load_plans(write(tmp_path, "plans = ["))
    with pytest.raises(errors.PolicyFileError, match="plans"):
        sla.load_plans(write(tmp_path, 'source = "x"'))
    with pytest.raises(errors.PolicyFileError, match="top-level"):
        sla.load_plans(write(tmp_path, "extra = 1\n" + textwrap.dedent(GOOD)))


@given(st.sampled_from([1, 2, 3, 4, "1", "P2", "p3", "critical", "LOW", " 4 "]))
def test_priorities_accept_ints_and_strings(value: object) -> None:
    priority = as_priority(value)
    assert 1 <= priority <= 4
    assert priority.label("en").startswith(f"Priority {int(priority)}")


@pytest.mark.parametrize("value", [0, 5, True, 1.0, "P9", "urgent", None, [1]])
def test_priorities_refuse_the_rest(value: object) -> None:
    with pytest.raises(errors.SupportPolicyError, match="1-4"):
        as_priority(value)


@pytest.mark.parametrize("locale", i18n.LOCALES)
def test_priority_labels_and_definitions_in_five_languages(locale: str) -> None:
    labels = {sla.Priority(n).label(locale) for n in range(1, 5)}
    definitions = {sla.Priority(n).definition(locale) for n in range(1, 5)}
    assert len(labels) == 4 and len(definitions) == 4
    for n in range(1, 5):
        assert str(n) in sla.Priority(n).label(locale)
    if locale != "en":
        assert labels.isdisjoint({sla.Priority(n).label("en") for n in range(1, 5)})
        assert definitions.isdisjoint({sla.Priority(n).definition("en") for n in range(1, 5)})


def test_the_complete_example_of_plans_md_skips_its_closed_dates(tmp_path: Path) -> None:
    """docs/plans.md's complete TOML example: 24 and 31 December are no working days."""
    page = (Path(__file__).parent.parent / "docs" / "plans.md").read_text(encoding="utf-8")
    start = page.index("```toml\n") + len("```toml\n")
    example = page[start : page.index("```", start)]
    gold = sla.load_plans(write(tmp_path, example))["gold"]
    assert gold.working_days is not None
    assert gold.working_days.closed_dates == {dt.date(2026, 12, 24), dt.date(2026, 12, 31)}
    p4 = sla.reaction_deadline(gold, 4, dt.datetime(2026, 12, 23, 16, tzinfo=BERLIN))
    assert p4.due.isoformat() == "2026-12-29T16:00:00+01:00"
    p2 = sla.resolution_deadline(gold, 2, dt.datetime(2026, 12, 30, 10, tzinfo=BERLIN))
    assert p2 is not None and p2.due.isoformat() == "2027-01-07T10:00:00+01:00"
