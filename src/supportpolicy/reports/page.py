"""One self-contained HTML page of an SLA report, for a support manager's browser.

The page has no external resource: the styles are inline, the charts are embedded as
``data:image/png;base64`` images, and there is no script. Every text, the user's own
column values and ticket data included, is escaped with :func:`html.escape`.
"""

from __future__ import annotations

import base64
import html

from supportpolicy import i18n
from supportpolicy.reports import charts
from supportpolicy.reports.report import DOMAIN, Report, ticket_count

__all__ = ["html_page"]

_STYLE = """
body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 2em; color: #222; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
p.meta { color: #555; margin-top: 0; }
table { border-collapse: collapse; margin: 1em 0 2em; font-size: 0.9em; }
th, td { border: 1px solid #ccc; padding: 0.3em 0.6em; text-align: left; }
th { background: #f0f0f0; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
figure { margin: 1em 0 2em; }
figure img { max-width: 100%; height: auto; border: 1px solid #eee; }
p.note { color: #555; font-size: 0.85em; max-width: 60em; }
"""

_NUMERIC_FIGURES = 5  # met, breached, open, attainment, breach rate (after the clock)


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _image(png: bytes, alt: str) -> str:
    data = base64.b64encode(png).decode("ascii")
    return (
        f'<figure><img src="data:image/png;base64,{data}" alt="{_e(alt)}" '
        f'width="1000" height="420"></figure>'
    )


def _table(report: Report, locale: str) -> str:
    headers = report.headers(locale)
    first_number = len(report.by) + 1
    head = "".join(f'<th scope="col">{_e(h)}</th>' for h in headers)
    body = []
    for row in report.rows(locale):
        cells = []
        for i, cell in enumerate(row):
            numeric = first_number <= i < first_number + _NUMERIC_FIGURES
            cells.append(f'<td class="num">{_e(cell)}</td>' if numeric else f"<td>{_e(cell)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    caption = i18n.translator(locale, DOMAIN).gettext("Figures per group")
    return (
        f"<table><caption>{_e(caption)}</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table>"
    )


def html_page(report: Report, locale: str = "en", title: str | None = None) -> str:
    """The report as one HTML page (a ``str``), charts embedded, every text escaped.

    >>> import datetime as dt
    >>> from supportpolicy import sla, reports
    >>> at = lambda h: dt.datetime(2026, 11, 23, h, tzinfo=dt.UTC)
    >>> events = {"<T1>": [sla.Opened(at(8), 2), sla.Responded(at(9))]}
    >>> page = html_page(reports.from_events("premium", events, at(20)), "es")
    >>> page.startswith("<!DOCTYPE html>"), "Informe de SLA" in page, "<T1>" in page
    (True, True, False)
    """
    language = i18n.normalize_locale(locale)
    tr = i18n.translator(language, DOMAIN)
    heading = title if title is not None else tr.gettext("SLA report")
    meta = [ticket_count(report.tickets, language)]
    if report.now is not None:
        now = i18n.format_datetime(report.now, language, zone=True)
        meta.append(tr.gettext("Status as of {now}").format(now=now))
    breach = tr.gettext("Breach rate per priority and month")
    remaining = tr.gettext("Business time left at the due instant (negative: late)")
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{_e(language)}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(heading)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{_e(heading)}</h1>",
        f'<p class="meta">{_e(" · ".join(meta))}</p>',
        _image(charts.breach_rate_chart(report, language), breach),
        _image(charts.remaining_chart(report, language), remaining),
        _table(report, language),
        f'<p class="note">{_e(tr.gettext(_NOTE))}</p>',
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"


_NOTE = i18n.N_(
    "Rates count the decided clocks (met or breached); a clock still running before its due "
    "instant is open. Times are business time on the clock's calendar from its start to its "
    "stop, paused time excluded. Percentiles by nearest rank: each is a time a ticket took."
)
