"""`supportpolicy status`: a CSV event log in, each ticket's clocks out (issue 11, item 8)."""

from __future__ import annotations

import json
import pathlib

import pytest

from supportpolicy.cli import main

LOG = (
    "\ufeffticket,at,event,priority,reason,due\r\n"
    "T1, 2026-11-23T09:00+03:00, opened, 2\r\n"
    "T1, 2026-11-23T09:30+03:00, agent_replied\r\n"
    "T1, 2026-11-23T10:00+03:00, customer_replied\r\n"
    "T1, 2026-11-23T11:00+03:00, paused, , vendor\r\n"
    "T2, 2026-11-23T10:00+03:00, opened, 1\r\n"
    "T2, 2026-11-23T10:20+03:00, resolved\r\n"
    "T2, 2026-11-23T11:00+03:00, reopened\r\n"
)
PLANS = """
[plans.gold]
title = "Gold"
timezone = "Europe/Moscow"
hours = "Mon-Sun 00:00-24:00"
[plans.gold.reaction]
p1 = { hours = 1 }
p2 = { hours = 1 }
p3 = { hours = 1 }
p4 = { hours = 1 }
[plans.gold.next_reply]
p2 = { hours = 2 }
[plans.gold.warn]
next_reply = ["50%"]
"""
NOW = "--now=2026-11-23T11:30+03:00"


@pytest.fixture
def files(tmp_path: pathlib.Path) -> tuple[str, str]:
    log, plans = tmp_path / "events.csv", tmp_path / "plans.toml"
    log.write_bytes(LOG.encode("utf-8"))
    plans.write_text(PLANS, encoding="utf-8")
    return str(log), str(plans)


def test_json_records_per_ticket(
    files: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    log, plans = files
    assert main(["status", f"--plans={plans}", f"--events={log}", NOW, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [t["ticket"] for t in data] == ["T1", "T2"]
    reply = [c for c in data[0]["clocks"] if c["metric"] == "next_reply"]
    assert reply[0]["due"] == "2026-11-23T12:00:00+03:00" and reply[0]["state"] == "running"
    assert reply[0]["warnings"] == [{"threshold": "50%", "at": "2026-11-23T11:00:00+03:00"}]
    assert data[0]["next_check"] == "2026-11-23T12:00:00+03:00"


@pytest.mark.parametrize(
    ("locale", "words"),
    [("en", "Ticket T2"), ("de", "Nächste Antwort"), ("nl", "Volgend antwoord"),
     ("es", "Siguiente respuesta"), ("ru", "Заявка T2")],
)  # fmt: skip
def test_text_is_localized(
    files: tuple[str, str], locale: str, words: str, capsys: pytest.CaptureFixture[str]
) -> None:
    log, plans = files
    assert main(["status", f"--plans={plans}", f"--events={log}", NOW, f"--locale={locale}"]) == 0
    assert words in capsys.readouterr().out


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("T3, 2026-11-23T09:00+03:00, opened, 7", "line 9"),
        ("T1, 2026-11-23T08:00+03:00, customer_replied", "ticket 'T1'"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    files: tuple[str, str], line: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    log, plans = files
    pathlib.Path(log).write_bytes((LOG + line + "\r\n").encode("utf-8"))
    assert main(["status", f"--plans={plans}", f"--events={log}", NOW]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert main(["status", "--plan=premium", "--events=/dev/null", NOW]) == 2
    assert "not a regular file" in capsys.readouterr().err
