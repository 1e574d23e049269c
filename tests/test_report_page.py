"""The report page: one self-contained HTML file, every text escaped, charts embedded."""

from __future__ import annotations

import base64
import datetime as dt
import html.parser
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from supportpolicy import i18n, reports, sla
from supportpolicy.cli import main
from supportpolicy.reports import charts
from supportpolicy.reports.page import html_page

pytest.importorskip("matplotlib")

UTC = dt.UTC
AT = dt.datetime(2026, 11, 2, 9, tzinfo=UTC)
PNG = b"\x89PNG\r\n\x1a\n"


class Elements(html.parser.HTMLParser):
    """Every start tag with its attributes, and the text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parsed(page: str) -> Elements:
    parser = Elements()
    parser.feed(page)
    return parser


def sample(n: int = 40) -> dict[str, list[object]]:
    log: dict[str, list[object]] = {}
    for i in range(n):
        opened = AT + dt.timedelta(days=i * 2, hours=i % 9)
        responded = opened + dt.timedelta(minutes=37 * (i % 11))
        events: list[object] = [sla.Opened(opened, i % 4 + 1), sla.Responded(responded)]
        if i % 3:
            events.append(sla.Resolved(responded + dt.timedelta(hours=5 * (i % 13))))
        log[f"T{i}"] = events
    return log


def test_the_page_is_self_contained() -> None:
    page = html_page(reports.from_events("premium", sample(), AT + dt.timedelta(days=90)))
    elements = parsed(page)
    assert not [tag for tag, _ in elements.tags if tag in {"script", "link", "iframe", "object"}]
    sources = [a.get("src") or "" for tag, a in elements.tags if tag == "img"]
    assert len(sources) == 2
    for src in sources:
        assert src.startswith("data:image/png;base64,")
        assert base64.b64decode(src.split(",", 1)[1]).startswith(PNG)
    rest = re.sub(r"data:image/png;base64,[A-Za-z0-9+/=]+", "", page)
    assert not re.search(r"(?:https?:)?//", rest)
    assert "url(" not in page


texts = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1,
                max_size=20)  # fmt: skip


@settings(max_examples=15, deadline=None)
@given(texts, texts)
def test_every_text_is_escaped(ticket: str, team: str) -> None:
    log = {ticket.strip() or "x": [sla.Opened(AT, 2)]}
    columns = {t: {"team<&>": team} for t in log}
    page = html_page(reports.from_events("basic", log, AT + dt.timedelta(days=3),
                                         ("team<&>", "priority"), columns=columns))  # fmt: skip
    elements = parsed(page)
    tags = {tag for tag, _ in elements.tags}
    assert tags <= {"html", "head", "meta", "title", "style", "body", "h1", "p", "table",
                    "caption", "thead", "tbody", "tr", "th", "td", "figure", "img",
                    "figcaption"}  # fmt: skip
    shown = "".join(elements.text)
    assert "team<&>" in shown and team.strip() in shown


@pytest.mark.parametrize("locale", i18n.LOCALES)
def test_the_page_speaks_the_locale(locale: str) -> None:
    page = html_page(reports.from_events("business", sample(8), AT + dt.timedelta(days=40)),
                     locale)  # fmt: skip
    title = i18n.translator(locale, "reports").gettext("SLA report")
    assert f"<title>{title}</title>" in page
    assert f'lang="{locale}"' in page


def test_charts_are_png_and_say_when_nothing_is_decided() -> None:
    empty = reports.from_events("premium", {"T": [sla.Opened(AT, 1)]}, AT)
    for chart in (charts.breach_rate_chart, charts.remaining_chart):
        png = chart(empty, "ru")
        assert png.startswith(PNG)
        assert png == chart(empty, "ru")  # no timestamp: the same bytes


def test_report_command_writes_the_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    log = tmp_path / "events.csv"
    rows = ["ticket,at,event,priority"]
    for ticket, events in sample(12).items():
        for event in events:
            kind = type(event).__name__.lower()
            priority = getattr(event, "priority", None)
            shown = "" if priority is None else int(priority)
            rows.append(f"{ticket},{event.at.isoformat()},{kind},{shown}")  # type: ignore[attr-defined]
    log.write_text("\n".join(rows) + "\n", encoding="utf-8")
    teams = tmp_path / "teams.csv"
    teams.write_text("ticket,team\n" + "".join(f"T{i},{'ab'[i % 2]}\n" for i in range(12)))
    out = tmp_path / "report.html"
    code = main(["report", "--plan", "premium", "--events", str(log), "--html", str(out),
                 "--now", "2027-01-01T00:00+03:00", "--locale", "nl", "--by", "team,priority",
                 "--columns", str(teams)])  # fmt: skip
    assert code == 0
    assert capsys.readouterr().out.strip() == f"{out}: 12 meldingen"
    page = out.read_text(encoding="utf-8")
    assert "SLA-rapport" in page and "<td>a</td>" in page


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--by", " , "], "names no column"),
        (["--html", "/nonexistent/dir/r.html"], "cannot be written"),
        (["--now", "2027-01-01T00:00"], "--now"),
    ],
)
def test_report_command_refuses_bad_input_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    log = tmp_path / "events.csv"
    log.write_text("ticket,at,event,priority\nT1,2026-11-02T09:00+01:00,opened,2\n")
    base = {"--plan": "basic", "--events": str(log), "--html": str(tmp_path / "r.html"),
            "--now": "2027-01-01T00:00+03:00"}  # fmt: skip
    for flag, value in zip(argv[::2], argv[1::2], strict=True):
        base[flag] = value
    code = main(["report", *(x for pair in base.items() for x in pair)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("supportpolicy: error:") and message in err and err.count("\n") == 1
