"""Notebook display: escaped, well-formed HTML in five languages, and short reprs.

Every displayable value is rendered in every locale and parsed back: only table tags
appear, tags nest properly, user text comes back as text (never markup), and no label
stays in English where its catalog has a translation.
"""

from __future__ import annotations

import datetime as dt
import pickle
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po
from hypothesis import example, given, settings
from hypothesis import strategies as st

from supportpolicy import _display, coverage, engagement, errors, i18n, sla

SRC = Path(__file__).resolve().parents[1] / "src" / "supportpolicy"
LOCALES_DIR = SRC / "i18n" / "locales"
# The modules that declare the facts (and so the labels) of each domain's values.
VIEW_MODULES = {
    "sla": [
        SRC / "sla" / name
        for name in (
            "views.py", "calendar_views.py", "hours.py", "calendars.py", "plans.py",
            "deadlines.py", "status.py",
        )
    ],
    "coverage": [
        SRC / "coverage" / n for n in ("views.py", "decisions.py", "billing.py", "policies.py")
    ],
    "engagement": [
        SRC / "engagement" / n for n in ("views.py", "routing.py", "tiers.py", "statement.py")
    ],
}  # fmt: skip
ALLOWED_TAGS = {"table", "caption", "thead", "tbody", "tr", "th", "td", "br"}
VOID_TAGS = {"br"}
MSK = ZoneInfo("Europe/Moscow")
NY = ZoneInfo("America/New_York")


class TableParser(HTMLParser):
    """Collects tags, nesting problems, and the text of each header and data cell."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.problems: list[str] = []
        self.stack: list[str] = []
        self.cells: list[tuple[str, str]] = []  # (tag, text) of th, td and caption
        self._text: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if any(name != "class" for name, _ in attrs):
            self.problems.append(f"<{tag}> has attributes {attrs}")
        if tag in VOID_TAGS:
            return
        self.stack.append(tag)
        if tag in ("th", "td", "caption"):
            self._text = []

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
            return
        self.stack.pop()
        if tag in ("th", "td", "caption") and self._text is not None:
            self.cells.append((tag, "".join(self._text)))
            self._text = None

    def handle_data(self, data: str) -> None:
        if self._text is not None:
            self._text.append(data)
        elif data.strip():
            self.problems.append(f"text outside a cell: {data!r}")


def parse(markup: str) -> TableParser:
    parser = TableParser()
    parser.feed(markup)
    parser.close()
    if parser.stack:
        parser.problems.append(f"unclosed {parser.stack}")
    unknown = set(parser.tags) - ALLOWED_TAGS
    if unknown:
        parser.problems.append(f"tags beyond tables: {sorted(unknown)}")
    return parser


def test_the_parser_reports_markup_that_is_not_a_plain_table() -> None:
    assert parse("<table><tr><td>x</td></tr></table>").problems == []
    bad = parse('<table><tr><td><script>x</script></td></tr><b onclick="y">z</table>')
    assert any("tags beyond tables" in p for p in bad.problems)
    assert any("attributes" in p for p in bad.problems)
    assert any("closes" in p for p in bad.problems)


# --- the values shown ----------------------------------------------------------------


def at(day: int, hour: int, minute: int = 0, tz: ZoneInfo = MSK) -> dt.datetime:
    return dt.datetime(2026, 11, day, hour, minute, tzinfo=tz)


def sla_samples() -> list[Any]:
    cal = sla.calendar(
        "Europe/Berlin",
        "Mon-Fri 09:00-12:00,13:00-18:00; Sat 10:00-14:00",
        country="DE",
        subdiv="BY",
        closed=[dt.date(2026, 12, 24)],
        open=[dt.date(2026, 12, 27)],
    )
    premium = sla.plan("premium")
    workaround = sla.evaluate(
        premium,
        [
            sla.Opened(at(23, 9), 1),
            sla.Responded(at(23, 9, 20)),
            sla.PriorityChanged(at(23, 15), 3),
            sla.WaitingOnCustomer(at(24, 10)),
        ],
        at(25, 12),
    )
    deadlines = [sla.reaction_deadline(name, 1, at(21, 23, 30)) for name in sla.plan_names()]
    resolution = sla.resolution_deadline(premium, 2, at(20, 17), pauses=[(at(23, 10), at(24, 10))])
    return [
        cal,
        cal.hours,
        sla.calendar("UTC", "24x7"),
        *(sla.plan(name) for name in sla.plan_names()),
        *deadlines,
        resolution,
        workaround,
        workaround.reaction,
        *workaround.earlier,
    ]


def coverage_samples() -> list[Any]:
    entries = [
        coverage.TimeEntry("ACME", "T-1", dt.date(2026, 11, 3), "1.5", "120", "CHF"),
        coverage.TimeEntry("ACME", "LEAD-7", dt.date(2026, 11, 4), "3", "120", "CHF"),
    ]
    statement = coverage.monthly_statement(
        entries, customer="ACME", month="2026-11", approved_hours={"LEAD-7": "2"}
    )
    return [
        coverage.classify("saas", kind="change-request"),
        coverage.classify("crm-packages", kind="functional-question", plan="basic",
                          channel="phone"),
        *(coverage.policy(name) for name in coverage.policy_names()),
        statement,
        *statement.lines,
    ]  # fmt: skip


def engagement_samples() -> list[Any]:
    sessions = [
        engagement.Session(at(3, 10, tz=NY)),
        engagement.Session(at(10, 10, tz=NY), status="cancelled-by-tam"),
        engagement.Session(at(17, 10, tz=NY), minutes=90),
        engagement.Session(at(24, 10, tz=NY), status="cancelled-by-customer"),
    ]
    return [
        engagement.routing("12.5"),
        engagement.routing(8),
        engagement.tam_tiers(),
        *engagement.tam_tiers().tiers.values(),
        engagement.tam_statement("a", "2026-11", sessions),
        engagement.tam_statement("b", "2026-11", sessions[:2], as_of=at(12, 0, tz=NY)),
    ]


SAMPLES = {
    "sla": sla_samples(),
    "coverage": coverage_samples(),
    "engagement": engagement_samples(),
}
ALL = [(domain, value) for domain, values in SAMPLES.items() for value in values]


def sample_id(item: tuple[str, Any]) -> str:
    return f"{item[0]}-{type(item[1]).__name__}"


def test_every_display_class_is_sampled() -> None:
    shown = {type(value).__name__ for _, value in ALL}
    assert {
        "Calendar", "WeeklyHours", "Plan", "Deadline", "Clock", "Status", "Decision",
        "Policy", "Statement", "StatementLine", "Routing", "TamTier", "TierSet",
        "TamStatement",
    } <= shown  # fmt: skip


# --- HTML ----------------------------------------------------------------------------


@pytest.mark.parametrize("locale", i18n.LOCALES)
def test_html_is_a_well_formed_table_in_every_locale(locale: str) -> None:
    for _, value in ALL:
        if not hasattr(value, "to_html"):
            continue
        parsed = parse(value.to_html(locale))
        assert parsed.problems == [], (type(value).__name__, parsed.problems)
        assert any(tag == "td" for tag, _ in parsed.cells), type(value).__name__


@pytest.mark.parametrize("item", [i for i in ALL if hasattr(i[1], "to_html")], ids=sample_id)
def test_the_notebook_hook_shows_the_english_table(item: tuple[str, Any]) -> None:
    _, value = item
    assert value._repr_html_() == value.to_html("en")


def english_labels(domain: str) -> set[str]:
    labels = set()
    for path in VIEW_MODULES[domain]:
        for _, message, _, _ in extract_from_file(
            "python", str(path), keywords={"N_": None, "gettext": None, "ngettext": (1, 2)}
        ):
            if isinstance(message, str):
                labels.add(message)
    return labels


def test_the_views_mark_their_labels() -> None:
    # Guards the next two tests: an extraction that found nothing would pass them.
    assert {"Due", "Weekly hours", "Status at {now}"} <= english_labels("sla")
    assert "Verdict" in english_labels("coverage")
    assert "Forfeited" in english_labels("engagement")


@pytest.mark.parametrize("domain", sorted(VIEW_MODULES))
def test_every_view_label_has_a_translation_in_all_five_catalogs(domain: str) -> None:
    missing = []
    for locale in i18n.LOCALES:
        path = LOCALES_DIR / locale / f"{domain}.po"
        with path.open("rb") as handle:
            catalog = read_po(handle, locale=locale, domain=domain)
        for label in english_labels(domain):
            message = catalog.get(label)
            if message is None or not message.string or message.fuzzy:
                missing.append(f"{locale}: {label!r}")
    assert missing == []


@pytest.mark.parametrize("locale", [loc for loc in i18n.LOCALES if loc != "en"])
def test_no_label_stays_english_where_the_catalog_translates_it(locale: str) -> None:
    for domain, values in SAMPLES.items():
        tr = i18n.translator(locale, domain)
        labels = {t for t in english_labels(domain) if tr.gettext(t) != t}
        for value in values:
            if not hasattr(value, "to_html"):
                continue
            shown = {text for tag, text in parse(value.to_html(locale)).cells if tag == "th"}
            assert not shown & labels, (type(value).__name__, shown & labels)


@pytest.mark.parametrize("locale", i18n.LOCALES)
def test_a_calendar_shows_its_week_as_a_grid_with_localized_day_names(locale: str) -> None:
    cal = sla.calendar("Europe/Berlin", "Mon-Fri 09:00-12:00,13:00-18:00; Sat 10:00-14:00")
    parsed = parse(cal.to_html(locale))
    heads = [text for tag, text in parsed.cells if tag == "th"]
    names = [i18n.weekday_name(day, locale) for day in range(7)]
    assert heads[-7:] == names
    days = [text for tag, text in parsed.cells if tag == "td"][-7:]
    assert days[0] == "09:00–12:0013:00–18:00"  # two intervals, split by <br>
    assert days[5] == "10:00–14:00"
    closed = i18n.translator(locale, "sla").gettext("closed")
    assert days[6] == closed
    assert cal.to_html(locale).count("<br>") == 5  # Mon-Fri: two intervals each


# --- user text is escaped --------------------------------------------------------------

HOSTILE = "<script>alert('x')</script> & \"Gold\""


def test_a_plan_title_from_the_users_file_shows_as_text(tmp_path: Path) -> None:
    path = tmp_path / "plans.toml"
    path.write_text(
        'source = "own"\n[plans.gold]\n'
        f"title = '''{HOSTILE}'''\n"
        'timezone = "Europe/Berlin"\nhours = "Mon-Fri 09:00-17:00"\n'
        "[plans.gold.reaction]\np1 = { hours = 2 }\np2 = { hours = 4 }\n"
        "p3 = { hours = 8 }\np4 = { hours = 16 }\n",
        encoding="utf-8",
    )
    gold = sla.load_plans(path)["gold"]
    deadline = sla.reaction_deadline(gold, 1, at(23, 10))
    for markup in (gold._repr_html_(), deadline._repr_html_(), gold.to_html("ru")):
        assert "<script" not in markup
        assert "&lt;script&gt;" in markup
        parsed = parse(markup)
        assert parsed.problems == []
        assert any(HOSTILE in text for _, text in parsed.cells)


def test_a_tier_name_from_the_users_file_shows_as_text(tmp_path: Path) -> None:
    path = tmp_path / "tiers.toml"
    path.write_text(
        'source = "own"\ntimezone = "Europe/Madrid"\n[tiers.gold]\n'
        'name = "<img src=x onerror=alert(1)>"\nsessions_per_month = 2\n'
        'cadence = "alternate-weeks"\nmax_minutes = 60\nmasterclass_seats = 1\n',
        encoding="utf-8",
    )
    tiers = engagement.load_tiers(path)
    for markup in (tiers._repr_html_(), tiers.get("gold").to_html("es")):
        assert "<img" not in markup
        assert parse(markup).problems == []


# Markup characters are drawn often, so that every run tries to break out of the cell.
NAMES = st.text(
    alphabet=st.one_of(st.sampled_from("<>&\"'/=;# ab"), st.characters()), min_size=1, max_size=30
).filter(lambda s: s.strip() != "")


@settings(max_examples=60, deadline=None)
@given(name=NAMES, ticket=NAMES)
@example(name="<b>ACME</b>", ticket="&amp; <a href=x>")
def test_any_customer_and_ticket_text_comes_back_as_text(name: str, ticket: str) -> None:
    entry = coverage.TimeEntry(name, ticket, dt.date(2026, 11, 3), "1", "100", "EUR")
    statement = coverage.monthly_statement([entry], customer=name, month="2026-11")
    parsed = parse(statement.to_html("de"))
    assert parsed.problems == []
    caption = i18n.translator("de", "coverage").gettext("Statement for {customer}, {month}")
    assert ("caption", caption.format(customer=name.strip(), month="2026-11")) in parsed.cells
    assert ("td", ticket.strip()) in parsed.cells


# --- reprs -----------------------------------------------------------------------------


@pytest.mark.parametrize("item", ALL, ids=sample_id)
def test_reprs_are_one_short_line_naming_the_class(item: tuple[str, Any]) -> None:
    _, value = item
    text = repr(value)
    assert "\n" not in text
    assert len(text) <= _display.REPR_LIMIT
    assert text.startswith(type(value).__name__ + "(")


PLANS = st.sampled_from(sla.plan_names())
OPENED = st.datetimes(
    min_value=dt.datetime(2026, 1, 1), max_value=dt.datetime(2028, 12, 31),
    timezones=st.sampled_from([ZoneInfo("UTC"), MSK, NY, ZoneInfo("Europe/Berlin")]),
)  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(name=PLANS, priority=st.integers(1, 4), opened=OPENED, hours=st.integers(0, 400))
def test_reprs_stay_short_and_name_the_essentials(
    name: str, priority: int, opened: dt.datetime, hours: int
) -> None:
    deadline = sla.reaction_deadline(name, priority, opened)
    text = repr(deadline)
    assert len(text) <= _display.REPR_LIMIT
    assert f"reaction, {name} P{priority}, due " in text
    assert dt.datetime.fromisoformat(text.split("due ")[1].rstrip(")")) == deadline.due
    now = opened.astimezone(dt.UTC) + dt.timedelta(hours=hours)  # real time, not wall clock
    status = sla.evaluate(name, [sla.Opened(opened, priority)], now)
    assert len(repr(status)) <= _display.REPR_LIMIT
    assert f"reaction {status.reaction.state.value}" in repr(status)


def test_golden_reprs_from_the_documents() -> None:
    # 004: Premium is served 24x7 (Moscow time) and reacts to priority 1 within 60 minutes.
    deadline = sla.reaction_deadline("premium", 1, at(21, 23, 30))
    assert repr(deadline) == "Deadline(reaction, premium P1, due 2026-11-22T00:30+03:00)"
    # 004: Basic opens Mon-Fri 10:00-18:00 Moscow time with Russian public holidays.
    assert repr(sla.plan("basic").calendar) == (
        "Calendar('Mon-Fri 10:00-18:00', Europe/Moscow, holidays RU)"
    )
    # 000: more than 8 hours goes to a Statement of Work.
    assert repr(engagement.routing("12.5")) == "Routing(12.5 h > 8 h: statement-of-work)"


def test_reprs_leave_equality_hashing_and_pickling_alone() -> None:
    first = sla.evaluate("premium", [sla.Opened(at(23, 9), 2)], at(23, 12))
    again = sla.evaluate("premium", [sla.Opened(at(23, 9), 2)], at(23, 12))
    other = sla.evaluate("premium", [sla.Opened(at(23, 9), 2)], at(23, 13))
    assert first == again and hash(first) == hash(again)
    assert first != other
    copy = pickle.loads(pickle.dumps(first))
    assert copy == first and repr(copy) == repr(first)
    money = coverage.monthly_statement(
        [coverage.TimeEntry("A", "T", dt.date(2026, 11, 3), "1", Decimal("10"), "EUR")],
        customer="A",
        month="2026-11",
    )
    assert pickle.loads(pickle.dumps(money)) == money


@pytest.mark.parametrize("item", [i for i in ALL if hasattr(i[1], "to_html")], ids=sample_id)
def test_an_unknown_locale_is_refused_with_the_librarys_error(item: tuple[str, Any]) -> None:
    _, value = item
    with pytest.raises(errors.UnknownLocaleError, match="accepted: en, de, nl, es, ru"):
        value.to_html("fr")
    with pytest.raises(errors.InvalidTypeError):
        value.to_html(None)
    assert value.to_html("de_CH") == value.to_html("de")
